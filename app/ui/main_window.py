"""The main window: a stack of pages (routines, start screen, player, finished), menus, notices."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
)

from app import APP_NAME, __version__
from app.core.clock import Clock
from app.core.disclaimer import DISCLAIMER
from app.core.errors import RoutineNotFoundError, UnknotError
from app.core.routines import Library
from app.core.settings import Settings, SettingsStore, Theme
from app.ui.errors import explain
from app.ui.routine_list import RoutineListPage
from app.ui.theme import Colors, apply_theme

if TYPE_CHECKING:
    from app.audio.cue_player import CuePlayer
    from app.core.player import SessionReport
    from app.ui.finished_view import FinishedPage
    from app.ui.player_view import PlayerView
    from app.ui.routine_detail import RoutineDetailPage

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    first_painted = Signal()

    def __init__(
        self,
        library: Library,
        settings: Settings,
        settings_store: SettingsStore,
        clock: Clock,
        cue_player_factory: Callable[[], CuePlayer],
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self._store = settings_store
        self._clock = clock
        self._cue_player_factory = cue_player_factory
        self._painted = False
        self._session_reports: list[SessionReport] = []
        self._current_routine_id = ""
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)
        self.setMinimumSize(640, 480)

        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.list_page = RoutineListPage(library.ordered_routines(), self.language)
        self.list_page.routine_chosen.connect(self.open_routine)
        self.pages.addWidget(self.list_page)
        # The other pages are built the first time they are needed: start-up shows one page.
        self._detail_page: RoutineDetailPage | None = None
        self._player_page: PlayerView | None = None
        self._finished_page: FinishedPage | None = None
        self._colors: Colors | None = None
        self._build_menus()

    @property
    def language(self) -> str:
        return self.settings.language or "en"

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # -- menus ---------------------------------------------------------------

    def _build_menus(self) -> None:
        view = self.menuBar().addMenu(self.tr("&View"))
        themes = view.addMenu(self.tr("Theme"))
        group = QActionGroup(self)
        names = {
            Theme.SYSTEM: self.tr("Follow the system"),
            Theme.LIGHT: self.tr("Light"),
            Theme.DARK: self.tr("Dark"),
            Theme.NIGHT: self.tr("Night (dim and warm)"),
        }
        for theme, name in names.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(theme is self.settings.theme)
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
            group.addAction(action)
            themes.addAction(action)
        full = QAction(self.tr("Full screen"), self, checkable=True)
        full.setShortcut(QKeySequence(Qt.Key.Key_F11))
        full.triggered.connect(self.toggle_full_screen)
        view.addAction(full)
        self._full_screen_action = full

        sound = self.menuBar().addMenu(self.tr("&Sound"))
        self._mute_action = QAction(self.tr("Mute cues"), self, checkable=True)
        self._mute_action.setChecked(self.settings.muted)
        self._mute_action.triggered.connect(self.set_muted)
        sound.addAction(self._mute_action)
        volume = sound.addMenu(self.tr("Volume"))
        volume_group = QActionGroup(self)
        for percent in (25, 50, 70, 100):
            action = QAction(f"{percent}%", self, checkable=True)
            action.setChecked(percent == self.settings.volume)
            action.triggered.connect(lambda _=False, p=percent: self._save(volume=p))
            volume_group.addAction(action)
            volume.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("Disclaimer"), self.show_disclaimer)
        self._problems_action = help_menu.addAction(
            self.tr("Problems in routine files"), self.show_problems
        )
        self._problems_action.setEnabled(bool(self.library.problems))
        help_menu.addAction(self.tr("About Unknot"), self._about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Unknot"),
            self.tr(
                "{name} {version}\n\nGuided calf stretches for people with night cramps."
            ).format(name=APP_NAME, version=__version__),
        )

    # -- settings ------------------------------------------------------------

    def _save(self, **changes: object) -> None:
        self.settings = self.settings.replace(**changes)
        try:
            self._store.save(self.settings)
        except UnknotError as error:
            self.statusBar().showMessage(explain(error), 10_000)

    def apply_colors(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._colors = apply_theme(app, self.settings.theme)
        if self._player_page is not None:
            self._player_page.apply_colors(self._colors)

    def set_theme(self, theme: Theme) -> None:
        self._save(theme=theme)
        self.apply_colors()

    def set_muted(self, muted: bool) -> None:
        self._mute_action.setChecked(muted)
        if muted != self.settings.muted:
            self._save(muted=muted)
        if self._player_page is not None:
            self._player_page.set_muted(muted)

    def toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        self._full_screen_action.setChecked(self.isFullScreen())

    # -- notices -------------------------------------------------------------

    def show_load_problems_notice(self) -> None:
        problems = self.library.problems
        if not problems:
            return
        if len(problems) == 1:
            text = self.tr("A routine file has a problem. The other routines work as usual.")
        else:
            text = self.tr(
                "Routine files have {n} problems. The other routines work as usual."
            ).format(n=len(problems))
        self.list_page.notice.show_message(text, self.tr("Show"))
        self.list_page.notice.action_clicked.connect(self.show_problems)

    def show_problems(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Problems in routine files"))
        layout = QVBoxLayout(dialog)
        intro = QLabel(
            self.tr(
                "These files have problems. Routines without errors still load; a missing "
                "picture shows a placeholder. Each line gives file:line:column."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        text = QPlainTextEdit("\n".join(str(p) for p in self.library.problems))
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(900, 400)
        dialog.exec()

    def show_settings_notice(self, message: str) -> None:
        """A settings file was set aside: say so where the user will see it first."""
        self.list_page.settings_notice.show_message(message)

    def tell(self, message: str) -> None:
        """Say something the user should know, without blocking them."""
        self.statusBar().showMessage(message, 15_000)

    def show_disclaimer(self, first_run: bool = False) -> bool:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Before you start"))
        box.setText("<b>" + self.tr("Before you start") + "</b>")
        box.setInformativeText(DISCLAIMER)
        box.setIcon(QMessageBox.Icon.Information)
        if first_run:
            accept = box.addButton(self.tr("I understand"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(accept)
            box.exec()
            return box.clickedButton() is accept
        box.exec()
        return True

    def ask_disclaimer_once(self) -> bool:
        """On first run: show the disclaimer; remember acceptance. False means quit."""
        if self.settings.disclaimer_accepted:
            return True
        if not self.show_disclaimer(first_run=True):
            return False
        self._save(disclaimer_accepted=True)
        return True

    # -- navigation ------------------------------------------------------------

    def raise_window(self) -> None:
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        self.list_page.focus_first()

    def open_routine(self, routine_id: str) -> None:
        routine = self.library.routines.get(routine_id)
        if routine is None:
            raise RoutineNotFoundError(routine_id, list(self.library.routines))
        page = self._detail()
        page.show_routine(routine)
        self.pages.setCurrentWidget(page)

    def start_routine(self, routine_id: str) -> None:
        routine = self.library.routines.get(routine_id)
        if routine is None:
            raise RoutineNotFoundError(routine_id, list(self.library.routines))
        self._current_routine_id = routine_id
        page = self._player()
        self.pages.setCurrentWidget(page)
        page.setFocus()
        page.start(routine)

    def _detail(self) -> RoutineDetailPage:
        if self._detail_page is None:
            from app.ui.routine_detail import RoutineDetailPage

            self._detail_page = RoutineDetailPage(self.language)
            self._detail_page.start_requested.connect(self.start_routine)
            self._detail_page.back_requested.connect(self.show_list)
            self.pages.addWidget(self._detail_page)
        return self._detail_page

    def _player(self) -> PlayerView:
        if self._player_page is None:
            from app.ui.player_view import PlayerView

            self._player_page = PlayerView(
                self._clock, self._cue_player_factory, self.language, self.settings.muted
            )
            if self._colors is not None:
                self._player_page.apply_colors(self._colors)
            self._player_page.session_ended.connect(self._on_session_ended)
            self._player_page.mute_toggled.connect(self.set_muted)
            self.pages.addWidget(self._player_page)
        return self._player_page

    def _finished(self) -> FinishedPage:
        if self._finished_page is None:
            from app.ui.finished_view import FinishedPage

            self._finished_page = FinishedPage(self.language)
            self._finished_page.back_requested.connect(self.show_list)
            self._finished_page.again_requested.connect(
                lambda: self.start_routine(self._current_routine_id)
            )
            self.pages.addWidget(self._finished_page)
        return self._finished_page

    def _on_session_ended(self, report: SessionReport | None) -> None:
        if report is not None:
            self._session_reports.append(report)
            log.info("session: %s", report)
        routine = self.library.routines[self._current_routine_id]
        page = self._finished()
        page.show_report(routine, report)
        self.pages.setCurrentWidget(page)

    @property
    def session_reports(self) -> list[SessionReport]:
        """Sessions played since start; the diary will store them."""
        return list(self._session_reports)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._player_page is not None:
            self._player_page.shutdown()
        super().closeEvent(event)
