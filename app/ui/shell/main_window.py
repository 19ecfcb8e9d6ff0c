"""The main window: a stack of pages (routines, start screen, player, finished), menus, notices.

Built before the first paint, so the `Qt` namespace (about 40 ms to create) is imported only
inside the methods that run later.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.clock import Clock
from app.core.errors import RoutineNotFoundError, UnknotError
from app.core.settings import LONGER_HOLDS, Settings, SettingsStore, Theme
from app.core.storage import AppPaths
from app.ui.routines.routine_list import RoutineListPage, Tonight
from app.ui.shell import i18n
from app.ui.shell.header import Header, View
from app.ui.shell.i18n import tr
from app.ui.shell.menus import WindowMenus
from app.ui.shell.theme import Colors, apply_theme

if TYPE_CHECKING:
    from app.audio.cue_player import CuePlayer
    from app.audio.speech import SpeechService
    from app.core.content import Content, WarningTier
    from app.core.emergency_numbers import Region
    from app.core.episode_keeper import EpisodeKeeper
    from app.core.journal import Journal
    from app.core.launch_snapshot import RoutineCard
    from app.core.player import SessionReport
    from app.core.relief import ReliefPlan
    from app.core.routines import Library, Problem, Routine
    from app.ui.diary.diary_saving import DiarySaving
    from app.ui.diary.diary_view import DiaryView
    from app.ui.relief.relief_view import ReliefView
    from app.ui.reminders.reminder_service import ReminderService
    from app.ui.reminders.reminders_view import RemindersPage
    from app.ui.routines.finished_view import FinishedPage
    from app.ui.routines.player_view import PlayerView
    from app.ui.routines.routine_detail import RoutineDetailPage

log = logging.getLogger(__name__)

PREFERRED_SIZE = (1100, 720)
# The smallest the pages are laid out for: 760 px wide, and a 1080p screen at 200% (960x540,
# less a panel and the title bar).
MINIMUM_SIZE = (720, 440)
# What the window manager's frame and title bar may take around the window's content.
FRAME_ALLOWANCE = (0, 40)


class MainWindow(QMainWindow):
    first_painted = Signal()
    _tonight_connected = False  # the list hears the reminders' changes, once
    _pictures_drawn = False  # the header's icons and the cards' pictures, once
    _desktop_wants_less_motion = False  # until the desktop's settings portal says otherwise
    relief_closed = Signal()

    def __init__(
        self,
        cards: list[RoutineCard],
        library: Library | None,
        *,
        settings: Settings,
        settings_store: SettingsStore,
        clock: Clock,
        cue_player_factory: Callable[[], CuePlayer],
        paths: AppPaths | None = None,
        speech_factory: Callable[[], SpeechService] | None = None,
    ) -> None:
        super().__init__()
        # Spoken guidance: the service is made the first time it is switched on or used.
        self._speech_factory = speech_factory
        self._speech: SpeechService | None = None
        # None until the full load that follows a start from the launch snapshot.
        self.library = library
        self.settings = settings
        self.settings_store = settings_store
        self._clock = clock
        self._cue_player_factory = cue_player_factory
        self._painted = False
        self._session_reports: list[SessionReport] = []
        self._current_routine_id = ""
        self._current_detail_id = ""
        self._variant: str | None = None
        self._session_routine: Routine | None = None
        self.content: Content | None = None
        # The diary and its write path: given by the app after the first paint (use_diary);
        # made here, unopened, for a window built on its own.
        self._saving: DiarySaving | None = None
        self._episodes: EpisodeKeeper | None = None
        self._relief: ReliefView | None = None
        self._page_before_relief: QWidget | None = None
        self._relief_painted_callbacks: list[Callable[[], None]] = []
        self._relief_fell_back = False
        self._was_full_screen = False
        self._diary_page: DiaryView | None = None
        self._reminders_page: RemindersPage | None = None
        self.background: ReminderService | None = None  # reminders, tray; after first paint
        self._last_done: datetime | None = None  # the last routine played to its end
        self._quitting = False
        # Every file the window reads or writes, resolved once by the app (--basedir or
        # UNKNOT_HOME) and passed in; a window built on its own resolves them as the app would.
        self.paths = paths if paths is not None else AppPaths.resolve()
        # Given to the launcher and autostart entries, so they start this same Unknot home;
        # None for the usual places.
        self.basedir: Path | None = self.paths.basedir
        self.setWindowTitle(APP_NAME)
        self._fit_to_screen()

        self.pages = QStackedWidget()
        self.header = self._make_header()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._cards = cards
        self.list_page = self._make_list_page(cards)
        # The other pages are built the first time they are needed: start-up shows one page.
        self._detail_page: RoutineDetailPage | None = None
        self._player_page: PlayerView | None = None
        self._finished_page: FinishedPage | None = None
        self._leaving_player = False  # back from a paused routine: to its start screen
        self._colors: Colors | None = None
        # The menu titles exist before the first paint so the layout does not shift; their
        # actions are added right after it (a key shortcut creates the costly Qt namespace).
        self.menus = WindowMenus(self, self)
        self.first_painted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))
        self.pages.currentChanged.connect(self._page_changed)

    def _make_header(self) -> Header:
        """Back, the views, and "Warning signs" and "Cramp now": the same place on every
        page (Help > Warning signs and F1 open the signs too)."""
        self._focus_mode = False  # the player full screen, without menus or header
        self._full_before_focus = False
        self._chrome_shown = True  # menus, header and status line (not on the relief screen)
        self._status_wired = False  # the status line made, and shown only with a message
        header = Header()
        self.cramp_button = header.cramp_button
        self.signs_button = header.signs_button
        header.back_requested.connect(self.go_back)
        header.view_chosen.connect(self.show_view)
        header.signs_requested.connect(self.show_warning_signs)
        header.cramp_requested.connect(self.show_relief)
        return header

    def _fit_to_screen(self) -> None:
        """Open at a comfortable size, but never larger than the screen's free area (a
        1080p screen at 200% leaves about 960x510): the window's frame is allowed for."""
        self.setMinimumSize(MINIMUM_SIZE[0], MINIMUM_SIZE[1])
        width, height = PREFERRED_SIZE
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - FRAME_ALLOWANCE[0])
            height = min(height, free.height() - FRAME_ALLOWANCE[1])
        self.resize(max(width, MINIMUM_SIZE[0]), max(height, MINIMUM_SIZE[1]))

    def _make_list_page(self, cards: list[RoutineCard]) -> RoutineListPage:
        page = RoutineListPage(cards, self.language, tonight=self._tonight)
        page.routine_chosen.connect(self.open_routine)
        self.pages.addWidget(page)
        return page

    def set_content(self, content: Content) -> None:
        """Warning signs and tips, read after the first paint."""
        self.content = content
        self._update_problems_action()
        if self._relief is not None:
            self._relief.set_content(self.local_warning_tiers())

    def local_warning_tiers(self) -> list[WarningTier]:
        """The warning signs with the numbers of the user's region filled in."""
        from app.core.content import local_tiers

        tiers = self.content.warning_tiers if self.content is not None else []
        return local_tiers(tiers, self.region())

    def region(self) -> Region:
        """The chosen region, else the system locale's (LC_ALL, LC_MESSAGES, LANG, then
        Qt's), else somewhere else: 112."""
        from app.core.emergency_numbers import region_for

        if self.settings.region:
            return region_for(self.settings.region)
        return self.system_region()

    def system_region(self) -> Region:
        from app.core.emergency_numbers import (
            region_for,
            territory_from_environment,
            territory_of_locale,
        )

        territory = territory_from_environment(os.environ)
        if not territory:
            from PySide6.QtCore import QLocale

            territory = territory_of_locale(QLocale.system().name())
        return region_for(territory)

    def set_region(self, code: str) -> None:
        self.save_settings(region=code)
        if self._relief is not None:
            self._relief.set_content(self.local_warning_tiers())

    def set_gentle(self, on: bool) -> None:
        """The gentle profile (from the View menu or the relief screen's first page)."""
        if on != self.settings.relief_gentle:
            self.save_settings(relief_gentle=on)
        if self._relief is not None:
            self._relief.set_gentle(on)
        self.menus.show_gentle(on)

    def show_warning_signs(self) -> None:
        from app.ui.shell.warning_signs import show_warning_signs

        show_warning_signs(self, self.local_warning_tiers(), self.language)

    def set_library(self, library: Library, cards: list[RoutineCard]) -> None:
        """The fully loaded library, after a start from the launch snapshot."""
        self.library = library
        if cards != self._cards:  # a file changed under the snapshot: show what is there now
            self._cards = cards
            old = self.list_page
            self.list_page = self._make_list_page(cards)
            if self.pages.currentWidget() is old:
                self.pages.setCurrentWidget(self.list_page)
            self.pages.removeWidget(old)
            old.deleteLater()
        self._show_card_pictures()
        self._update_problems_action()

    def _show_card_pictures(self) -> None:
        """The cards' pictures, once the first paint is done and the routines are loaded."""
        if self.library is None or not self._painted:
            return
        routines = self.library.routines
        pictures = {
            card.id: routines[card.id].steps[0].exercise.illustration
            for card in self._cards
            if card.id in routines and routines[card.id].steps
        }
        self.list_page.show_pictures(pictures, self._colors)

    def _tonight(self) -> Tonight:
        """For the list's "Tonight" line: the last routine done and the reminders' word."""
        now = self._clock.now().astimezone()
        service = self.background
        if service is None:
            return Tonight(now, self._last_done)
        from app.ui.reminders.reminder_texts import status_text

        scheduler = service.scheduler
        if not self._tonight_connected:
            self._tonight_connected = True
            scheduler.status_changed.connect(self.list_page.refresh_tonight)
        status = scheduler.status()
        suggested = status.next_reminder.routine if status.next_reminder is not None else None
        return Tonight(now, self._last_done, status_text(status), suggested)

    def _update_problems_action(self) -> None:
        self.menus.show_problems_exist(bool(self.problems))

    @property
    def problems(self) -> list[Problem]:
        """What is wrong in the routine and content files."""
        problems = list(self.library.problems) if self.library is not None else []
        return problems + (self.content.problems if self.content is not None else [])

    def _routine(self, routine_id: str) -> Routine:
        routines = self.library.routines if self.library is not None else {}
        routine = routines.get(routine_id)
        if routine is None:
            raise RoutineNotFoundError(routine_id, list(routines))
        return routine

    @property
    def language(self) -> str:
        """The content's language: the one the interface was started in."""
        return i18n.active_language()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # -- menus ---------------------------------------------------------------

    def _after_first_paint(self) -> None:
        """What waits for the first paint: the header's icons and the cards' pictures, then
        the menus' actions (each would cost start-up, none changes the layout)."""
        if self.relief_showing:
            # `unknot --emergency`: the header and the list lie hidden under the relief
            # screen; their pictures (QtSvg and a rendering each) wait until it closes.
            self.relief_closed.connect(self._draw_pictures)
        else:
            self._draw_pictures()
        # Behind the start-up's own work after the paint (the diary, the full load): nobody
        # opens a menu in the first tenth of a second, and their shortcuts create the `Qt`
        # namespace, about 17 ms that would otherwise come before it.
        QTimer.singleShot(0, self.fill_menus)

    def _draw_pictures(self) -> None:
        if self._pictures_drawn:
            return
        self._pictures_drawn = True
        self.header.draw_icons()
        self._show_card_pictures()

    def fill_menus(self) -> None:
        """The menus' actions, right after the first paint (see WindowMenus)."""
        self.menus.fill()

    # -- settings ------------------------------------------------------------

    def save_settings(self, **changes: object) -> None:
        self.settings = self.settings.replace(**changes)
        try:
            self.settings_store.save(self.settings)
        except UnknotError as error:
            from app.ui.shell.errors import explain

            self._say(explain(error), 10_000)

    def apply_colors(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # The checkboxes' tick is drawn into the state folder (see theme.tick_file).
        images = self.paths.state_dir / "ui"
        self._colors = apply_theme(app, self.settings.theme, images)
        # The palette and style sheet reach every widget; pages that paint with the theme's
        # colours themselves (the diary's calendar and charts, the player) are told too,
        # whether on screen or not, so a switch at 3 a.m. leaves nothing in the old colours.
        self.list_page.apply_colors(self._colors)
        pages = (self._player_page, self._diary_page)
        for page in pages:
            if page is not None:
                page.apply_colors(self._colors)

    def set_theme(self, theme: Theme) -> None:
        self.save_settings(theme=theme)
        self.apply_colors()

    def set_muted(self, muted: bool) -> None:
        self.menus.show_muted(muted)
        if muted != self.settings.muted:
            self.save_settings(muted=muted)
        if self._player_page is not None:
            self._player_page.set_muted(muted)

    # -- spoken guidance, reduced motion, the keyboard -------------------------------

    def speech(self) -> SpeechService:
        if self._speech is None:
            if self._speech_factory is not None:
                self._speech = self._speech_factory()
            else:
                from app.audio.speech import SpeechService

                self._speech = SpeechService()
        return self._speech

    def set_spoken_guidance(self, on: bool) -> None:
        """Sound > Spoken guidance: on only where a speech service answers; else the status
        line says why and the switch goes back off."""
        if on:
            reason = self.speech().check()
            if reason:
                on = False
                self.tell(self.tr("Spoken guidance is off: {reason}.").format(reason=reason))
        self.menus.show_spoken_guidance(on)
        if on != self.settings.spoken_guidance:
            self.save_settings(spoken_guidance=on)

    def _speak_routine(self, text: str) -> None:
        """The player's guidance, at the routine's cue volume (quieter at night)."""
        if self.settings.spoken_guidance:
            volume = self.settings.cue_volume(self._clock.now().astimezone())
            self.speech().say(text, self.language, volume)

    def _speak_relief(self, text: str) -> None:
        """The relief steps, as soft as the relief screen's cues: the night volume."""
        if self.settings.spoken_guidance:
            volume = min(self.settings.volume, self.settings.night_volume)
            self.speech().say(text, self.language, volume)

    def set_reduced_motion(self, on: bool) -> None:
        """View > Reduce motion: the pose pictures hold still, with no fades."""
        if on != self.settings.reduced_motion:
            self.save_settings(reduced_motion=on)
        self.menus.show_reduced_motion(on)
        if self._player_page is not None:
            self._player_page.set_reduced_motion(self.reduced_motion)

    @property
    def reduced_motion(self) -> bool:
        """Still pictures: the user's setting, or the desktop's own wish (never saved)."""
        return self.settings.reduced_motion or self._desktop_wants_less_motion

    def set_desktop_motion_hint(self, less: bool) -> None:
        """What the desktop says of animations (GNOME's enable-animations), once known."""
        self._desktop_wants_less_motion = less
        if self._player_page is not None:
            self._player_page.set_reduced_motion(self.reduced_motion)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A push button outside a dialog takes Space but lets Enter pass up to here: Enter
        # presses the focused button too, as a keyboard user expects.
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QPushButton, QToolButton

        held = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (event.modifiers() & held):
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton | QToolButton) and focused.isEnabled():
                focused.animateClick()
                return
        super().keyPressEvent(event)

    def toggle_full_screen(self) -> None:
        """F11: full screen; on the player, a focus mode without menus and header too."""
        if self._player_page is not None and self.pages.currentWidget() is self._player_page:
            self._set_focus_mode(not self._focus_mode)
            return
        from PySide6.QtCore import Qt

        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        self.menus.show_full_screen(self.isFullScreen())

    def _set_focus_mode(self, on: bool) -> None:
        if on == self._focus_mode:
            return
        self._focus_mode = on
        if on:
            self._full_before_focus = self.isFullScreen()
            self.showFullScreen()
        elif not self._full_before_focus:
            self.showNormal()
        self._show_chrome(not on)
        self.menus.show_full_screen(self.isFullScreen())
        if self._player_page is not None:
            self._player_page.set_focus_mode(on)

    def _show_chrome(self, shown: bool) -> None:
        """The menus, the header and the status line: hidden for the relief screen and the
        player's focus mode, which show nothing else."""
        self._chrome_shown = shown
        self.menuBar().setVisible(shown)
        self.header.setVisible(shown)
        if self._status_wired:
            self._status_changed(self.statusBar().currentMessage())

    def _say(self, message: str, timeout_ms: int) -> None:
        """A message in the status line, which shows only while it has one: at 960x510
        every line of height counts."""
        bar = self.statusBar()
        if not self._status_wired:
            self._status_wired = True
            bar.messageChanged.connect(self._status_changed)
        bar.showMessage(message, timeout_ms)
        self._status_changed(message)

    def _status_changed(self, message: str) -> None:
        self.statusBar().setVisible(bool(message) and self._chrome_shown)

    # -- notices -------------------------------------------------------------

    def show_load_problems_notice(self) -> None:
        problems = self.problems
        if not problems:
            return
        files = sorted({problem.file.name for problem in problems})
        if len(files) == 1:
            text = self.tr(
                "{file} has a problem, so part of it is left out. Everything else works as usual."
            ).format(file=files[0])
        else:
            # A plural goes through the module's tr (app/ui/shell/i18n.py).
            text = tr(
                "%n files have problems, so parts of them are left out. Everything else "
                "works as usual.",
                None,
                len(files),
            )
        notice = self.list_page.notice("problems")
        notice.show_message(text, self.tr("Details"))
        notice.action_clicked.connect(self.show_problems)

    def show_problems(self) -> None:
        from app.ui.shell.dialogs import show_problems

        show_problems(self, self.problems)

    def show_settings_notice(self, message: str) -> None:
        """A settings file was set aside: say so where the user will see it first."""
        self.list_page.notice("settings").show_message(message)

    def tell(self, message: str) -> None:
        """Say something the user should know, without blocking them."""
        self._say(message, 15_000)

    def show_disclaimer(self, first_run: bool = False) -> bool:
        """The disclaimer; on first run with "I understand" and "Quit" (False means quit)."""
        from app.ui.shell.dialogs import show_disclaimer

        return show_disclaimer(self, first_run, self.language)

    def ask_disclaimer_once(self) -> bool:
        """On first run: show the disclaimer; remember acceptance. False means quit."""
        if self.settings.disclaimer_accepted:
            return True
        if not self.show_disclaimer(first_run=True):
            return False
        self.save_settings(disclaimer_accepted=True)
        return True

    # -- cramp relief -----------------------------------------------------------------

    def relief_view(self) -> ReliefView:
        """The relief screen, built once and kept (hidden) so showing it is instant."""
        if self._relief is None:
            from app.ui.relief.relief_view import ReliefView

            self._relief = ReliefView(
                self._relief_plan,
                lambda: self.episodes,
                clock=self._clock,
                cue_player_factory=self._relief_cues,
                language=self.language,
                speak=self._speak_relief,
            )
            self._relief.position_chosen.connect(self._remember_position)
            self._relief.closed.connect(self.leave_relief)
            self._relief.full_screen_requested.connect(self._toggle_relief_full_screen)
            self._relief.painted.connect(self._on_relief_painted)
            self._relief.episode_waiting.connect(self._retry_episodes_later)
            self._relief.episode_saved.connect(self._diary_changed)
            self._relief.gentle_changed.connect(self.set_gentle)
            self._relief.set_gentle(self.settings.relief_gentle)
            if self.content is not None:
                self._relief.set_content(self.local_warning_tiers())
            self.pages.addWidget(self._relief)
            if self._painted:
                self._relief.accept_focus()
            else:  # `unknot --emergency` builds it before the first paint; keys just after
                relief = self._relief
                self.first_painted.connect(lambda: QTimer.singleShot(0, relief.accept_focus))
        return self._relief

    def prepare_relief(self) -> None:
        """Build the relief screen and render it once, unseen, at the window's size: its
        style sheet, layout and 32 pt glyphs are then ready, and showing it costs a paint."""
        relief = self.relief_view()
        if not self.relief_showing:
            # Offering a position re-polishes two buttons, and PySide6 builds QStyle's enum
            # classes on first use (about 30 ms): done now, while idle, not in a cramp.
            relief.begin(self.settings.relief_position)
            relief.resize(self.pages.size())
            relief.grab()

    @property
    def episodes(self) -> EpisodeKeeper:
        """Cramp episodes: stored at once, or kept here until the diary can take them."""
        if self._episodes is None:
            from app.core.episode_keeper import EpisodeKeeper

            self._episodes = EpisodeKeeper(self.saving.store.writer)
        return self._episodes

    @property
    def relief_showing(self) -> bool:
        return self._relief is not None and self.pages.currentWidget() is self._relief

    def show_relief(self) -> ReliefView:
        """Show the relief screen at once, over whatever was on screen (a routine pauses)."""
        relief = self.relief_view()
        current = self.pages.currentWidget()
        if current is not relief:
            self._page_before_relief = current
        if self._player_page is not None:
            self._player_page.pause()
        # Nothing but the relief screen: no menus, no header, no status line.
        self._show_chrome(False)
        self.pages.setCurrentWidget(relief)
        relief.begin(self.settings.relief_position)
        if current is not relief:
            self._was_full_screen = self.isFullScreen()
        if self.settings.relief_full_screen and not self.isFullScreen():
            self.showFullScreen()
        self.raise_window()
        relief.update()  # a paint follows even if nothing changed: it is what acknowledges
        return relief

    def when_relief_painted(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the relief screen has been painted (after show_relief)."""
        self._relief_painted_callbacks.append(callback)

    def _on_relief_painted(self) -> None:
        callbacks, self._relief_painted_callbacks = self._relief_painted_callbacks, []
        for callback in callbacks:
            callback()

    def _toggle_relief_full_screen(self) -> None:
        full = not self.isFullScreen()
        if full:
            self.showFullScreen()
        else:
            self.showNormal()
        self.save_settings(relief_full_screen=full)

    def leave_relief(self) -> None:
        if self.isFullScreen() and not self._was_full_screen:
            self.showNormal()
        self._focus_mode = False
        if self._player_page is not None:
            self._player_page.set_focus_mode(False)
        self._show_chrome(True)
        back = self._page_before_relief
        if back is None or back is self._relief:
            self.show_list()
        else:
            self.pages.setCurrentWidget(back)
            back.setFocus()
        if self._relief_fell_back:
            self._relief_fell_back = False
            self.tell(
                self.tr(
                    "The relief routine file could not be read, so the built-in steps were "
                    "shown. See Help > Problems in routine files."
                )
            )
        self.relief_closed.emit()

    def _relief_plan(self, position: str) -> ReliefPlan:
        from app.core.relief import RELIEF_ROUTINE_ID, built_in_plan, plan_from_routine

        routines = self.library.routines if self.library is not None else {}
        routine = routines.get(RELIEF_ROUTINE_ID)
        gentle = self.settings.relief_gentle
        if routine is not None:
            return plan_from_routine(routine, position, gentle)
        from app.core.relief import with_assets
        from app.core.resources import ASSETS_DIR

        log.warning("relief routine missing; using the built-in steps")
        self._relief_fell_back = True
        return with_assets(built_in_plan(position, gentle), ASSETS_DIR)

    def _relief_cues(self) -> CuePlayer:
        """Soft cues: the night volume, whatever the hour; none when muted."""
        cues = self._cue_player_factory()
        cues.set_volume(min(self.settings.volume, self.settings.night_volume))
        cues.set_muted(self.settings.muted)
        return cues

    def _remember_position(self, position: str) -> None:
        if position != self.settings.relief_position:
            self.save_settings(relief_position=position)

    def _retry_episodes_later(self) -> None:
        """The diary is locked or not open: try again every half minute until it takes them."""
        self.saving.start_retrying()
        self._show_diary_status()

    def flush_episodes(self) -> None:
        """Write what waits for the diary now (the retry timer does this every half minute)."""
        self.saving.retry()

    # -- the diary's write path -----------------------------------------------------------

    @property
    def journal(self) -> Journal | None:
        return self._saving.store.journal if self._saving is not None else None

    @journal.setter
    def journal(self, journal: Journal | None) -> None:
        """For a window built on its own: the diary it reads and writes."""
        if journal is None:
            if self._saving is not None:
                self._saving.store.journal = None
            return
        from app.core.diary_store import DiaryStore
        from app.ui.diary.diary_saving import DiarySaving

        self.use_diary(DiarySaving(DiaryStore.adopt(journal, self._clock.now), self))

    @property
    def saving(self) -> DiarySaving:
        if self._saving is None:
            from app.core.diary_store import DiaryStore
            from app.ui.diary.diary_saving import DiarySaving

            paths = self.paths
            store = DiaryStore(paths.journal_file, paths.pending_records_file, self._clock.now)
            self._saving = DiarySaving(store, self)
            self._connect_saving(self._saving)
        return self._saving

    def use_diary(self, saving: DiarySaving) -> None:
        """The diary, opened by the app (perhaps only to read, or not at all: it says why)."""
        self._saving = saving
        self._connect_saving(saving)
        self.note_journal_opened()
        self._show_diary_status()

    def _connect_saving(self, saving: DiarySaving) -> None:
        saving.changed.connect(self._diary_changed)
        saving.status_changed.connect(self._show_diary_status)

    def _show_diary_status(self) -> None:
        """Say on the first screen and the diary what is wrong with the diary, if anything."""
        if self._saving is None:
            return
        text = self._saving.status_text()
        notice = self.list_page.notice("diary")
        if text:
            notice.show_message(text)
        elif self._saving.store.set_aside is None:
            notice.hide()
        if self._diary_page is not None:
            self._diary_page.show_diary_status(text)

    # -- diary and reminders ------------------------------------------------------------

    def show_diary(self) -> None:
        if self.relief_showing:
            return
        page = self._diary()
        self.pages.setCurrentWidget(page)
        page.setFocus()

    def preload_diary(self) -> None:
        """Build the diary screen and read the diary while nothing else happens, so that
        opening it later is instant."""
        if self._diary_page is None and self.journal is not None and self.isVisible():
            self._diary().preload()

    def _diary(self) -> DiaryView:
        if self._diary_page is None:
            from app.ui.diary.diary_view import DiaryView

            self._diary_page = DiaryView(
                self.journal, self._clock, self._routine_titles(), saving=self.saving
            )
            self._diary_page.back_requested.connect(self.show_list)
            if self._colors is not None:
                self._diary_page.apply_colors(self._colors)
            self.pages.addWidget(self._diary_page)
            self._show_diary_status()
        return self._diary_page

    def _diary_changed(self) -> None:
        if self._diary_page is not None:
            if self._diary_page.journal is not self.journal:
                self._diary_page.set_journal(self.journal)  # reopened after a fault
            else:
                self._diary_page.refresh()

    def show_reminders(self) -> None:
        if self.relief_showing:
            return
        if self._reminders_page is None:
            from app.desktop import desktop_entries
            from app.ui.reminders.reminders_view import RemindersPage

            titles = self._routine_titles()
            scheduler = self.background.scheduler if self.background is not None else None
            self._reminders_page = RemindersPage(
                self.paths.reminders_file,
                list(titles.items()),
                self._clock,
                language=self.language,
                # No zone: the page looks it up at each refresh, as the scheduler does, so
                # "next" stays right after the computer's zone changes.
                autostart_enabled=desktop_entries.autostart_enabled,
                set_autostart=lambda on: desktop_entries.set_autostart(on, self.basedir),
                # The scheduler's plan: "Next" in the list is what the tray says.
                plan=scheduler.plan if scheduler is not None else None,
            )
            self._reminders_page.back_requested.connect(self.show_list)
            if scheduler is not None:
                self._reminders_page.reminders_saved.connect(scheduler.reload)
                scheduler.reminders_changed.connect(self._reminders_page.refresh)
                scheduler.plan_changed.connect(self._reminders_page.refresh)
            self.pages.addWidget(self._reminders_page)
        self.pages.setCurrentWidget(self._reminders_page)

    def _routine_titles(self) -> dict[str, str]:
        from app.core.routines import RELIEF_ROUTINE_ID

        routines = self.library.routines if self.library is not None else {}
        return {
            routine_id: routine.title.get(self.language)
            for routine_id, routine in routines.items()
            if routine_id != RELIEF_ROUTINE_ID
        }

    def routine_title(self, routine_id: str) -> str:
        return self._routine_titles().get(routine_id, routine_id)

    def tip_text(self, day: date) -> str:
        tip = self.content.tip_for(day) if self.content is not None else None
        return tip.text.get(self.language) if tip is not None else ""

    def last_routine_done(self) -> datetime | None:
        """When a routine last played to its end (for "done tonight"); cheap, no SQL."""
        return self._last_done

    def note_journal_opened(self) -> None:
        if self.journal is not None:
            self._last_done = self.journal.last_finished_session_end()
            self.list_page.refresh_tonight()
        if self._saving is not None and self._saving.store.writer.waiting:
            self.flush_episodes()  # a cramp logged before the diary opened
        if self._diary_page is not None:
            self._diary_page.set_journal(self.journal)

    def install_desktop_entry(self) -> None:
        from app.core.errors import WriteError
        from app.desktop.desktop_entries import install_launcher

        try:
            install_launcher(self.basedir)
        except WriteError as error:
            from app.ui.shell.errors import explain

            self.tell(explain(error))
            return
        self.tell(
            self.tr(
                "Unknot is in the applications menu, with a \u201cCramp relief now\u201d action."
            )
        )

    def start_routine_safely(self, routine_id: str) -> None:
        try:
            self.start_routine(routine_id)
        except RoutineNotFoundError as error:
            from app.ui.shell.errors import explain

            self.show_list()
            self.tell(explain(error))

    def open_routine_safely(self, routine_id: str) -> None:
        try:
            self.open_routine(routine_id)
        except RoutineNotFoundError as error:
            from app.ui.shell.errors import explain

            self.show_list()
            self.tell(explain(error))

    def quit_app(self) -> None:
        self._quitting = True
        # close() is refused when records exist only in memory and the user keeps Unknot open.
        if self.close():
            QApplication.quit()

    # -- navigation ------------------------------------------------------------

    def raise_window(self) -> None:
        if self.isMinimized():
            from PySide6.QtCore import Qt  # only here: `unknot --emergency` starts without it

            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        self.list_page.focus_first()

    def show_view(self, view: str) -> None:
        """One of the header's views: routines, diary or reminders."""
        match View(view):
            case View.ROUTINES:
                self.show_list()
            case View.DIARY:
                self.show_diary()
            case View.REMINDERS:
                self.show_reminders()

    def go_back(self) -> None:
        """The header's back arrow: one step towards the routine list."""
        page = self.pages.currentWidget()
        if page is self.list_page or self.relief_showing:
            return
        if page is self._player_page and self._player_page is not None:
            if self._player_page.player is None or not self._player_is_paused():
                return  # a routine playing is stopped with Stop, not by a stray click
            self._leaving_player = True
            self._player_page.stop()  # recorded as stopped; the start screen follows
            return
        if page is self._reminders_page and self._reminders_page is not None:
            self._reminders_page.go_back()
            return
        self.show_list()  # from the start screen, the finished page and the diary

    def _player_is_paused(self) -> bool:
        from app.core.player import PlayerState

        player = self._player_page.player if self._player_page is not None else None
        return player is not None and player.state is PlayerState.PAUSED

    def _page_changed(self, _index: int = -1) -> None:
        """Mark the page's view in the header, and offer the way back from inner pages."""
        page = self.pages.currentWidget()
        if self._focus_mode and page is not self._player_page:
            self._set_focus_mode(False)
        if page is self._diary_page and page is not None:
            view: View | None = View.DIARY
        elif page is self._reminders_page and page is not None:
            view = View.REMINDERS
        else:
            view = View.ROUTINES
        if page is self.list_page:
            back = False
        elif page is self._player_page and page is not None:
            back = self._player_is_paused()  # while it plays, Stop is the way out
        else:
            back = True
        self.header.show_page(view, back)

    def open_routine(self, routine_id: str) -> None:
        routine = self._routine(routine_id)
        if routine_id != self._current_detail_id:
            self._variant = None  # a new routine starts from its first variant
        self._current_detail_id = routine_id
        page = self._detail()
        page.show_routine(
            routine,
            self.settings.answered_yes(routine.id),
            self._variant,
            self.settings.wants_longer_holds(routine.id),
        )
        self.pages.setCurrentWidget(page)

    def start_routine(self, routine_id: str) -> None:
        routine = self._routine(routine_id)
        self._current_routine_id = routine_id
        # The session plays the chosen variant and the optional steps answered yes.
        session = routine.select(
            self._variant,
            self.settings.answered_yes(routine_id),
            self.settings.wants_longer_holds(routine_id),
        )
        self._session_routine = session
        if self.background is not None:
            self.background.routine_started()  # tonight's reminders are answered
        page = self._player()
        self.pages.setCurrentWidget(page)
        page.setFocus()
        page.start(session)

    def _answer(self, routine_id: str, step_index: int | str, yes: bool) -> None:
        self.save_settings(
            yes_answers=self.settings.with_answer(routine_id, step_index, yes).yes_answers
        )
        self.open_routine(routine_id)  # length and steps follow the answer

    def _choose_longer_holds(self, routine_id: str, on: bool) -> None:
        self._answer(routine_id, LONGER_HOLDS, on)

    def _choose_variant(self, variant: str) -> None:
        self._variant = variant
        self.open_routine(self._current_detail_id)

    def _detail(self) -> RoutineDetailPage:
        if self._detail_page is None:
            from app.ui.routines.routine_detail import RoutineDetailPage

            self._detail_page = RoutineDetailPage(self.language)
            self._detail_page.start_requested.connect(self.start_routine)
            self._detail_page.answer_changed.connect(self._answer)
            self._detail_page.longer_holds_changed.connect(self._choose_longer_holds)
            self._detail_page.variant_changed.connect(self._choose_variant)
            self._detail_page.back_requested.connect(self.show_list)
            self.pages.addWidget(self._detail_page)
        return self._detail_page

    def _player(self) -> PlayerView:
        if self._player_page is None:
            from app.ui.routines.player_view import PlayerView

            self._player_page = PlayerView(
                self._clock,
                self._cue_player_factory,
                self.language,
                self.settings.muted,
                speak=self._speak_routine,
            )
            self._player_page.set_reduced_motion(self.reduced_motion)
            if self._colors is not None:
                self._player_page.apply_colors(self._colors)
            self._player_page.session_ended.connect(self._on_session_ended)
            self._player_page.mute_toggled.connect(self.set_muted)
            # F11 with the menus hidden (focus mode) comes from the player itself.
            self._player_page.focus_mode_requested.connect(self.toggle_full_screen)
            # A pause shows the back arrow; going on hides it again.
            self._player_page.paused_changed.connect(self._page_changed)
            self.pages.addWidget(self._player_page)
        return self._player_page

    def _finished(self) -> FinishedPage:
        if self._finished_page is None:
            from app.ui.routines.finished_view import FinishedPage

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
            self._record(report)
        routine = self._session_routine or self._routine(self._current_routine_id)
        if self._leaving_player:  # back from a paused routine: to its start screen
            self._leaving_player = False
            self.open_routine_safely(self._current_routine_id)
            return
        page = self._finished()
        tip = None
        if self.content is not None and "bedtime" in routine.tags:
            tip = self.content.tip_for(date.today())
        night = self.settings.is_night(self._clock.now().astimezone())
        page.show_report(routine, report, tip.text.get(self.language) if tip else "", night)
        self.pages.setCurrentWidget(page)

    def _record(self, report: SessionReport) -> None:
        """Write the session to the diary; if it cannot take it now, keep it and retry."""
        if report.finished:
            self._last_done = report.ended_at
            self.list_page.refresh_tonight()
            if self.background is not None:
                self.background.scheduler.check_now()  # "done tonight" shows at once
        from app.core.diary_writer import Saved
        from app.core.journal import session_from_report
        from app.ui.diary.diary_saving import not_saved_text

        outcome = self.saving.save(session_from_report(report))
        if outcome.saved is not Saved.SAVED:
            self.tell(not_saved_text())

    @property
    def session_reports(self) -> list[SessionReport]:
        """Sessions played since start; the diary will store them."""
        return list(self._session_reports)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.background is not None and self.background.keeps_running:
            # Reminders are on: stay in the tray (said once); a cramp being guided is kept.
            if self._relief is not None and self._relief.in_progress:
                self._relief.abandon()
                self.leave_relief()
            event.ignore()
            self.hide()
            self.background.tell_once_about_tray()
            return
        if self._player_page is not None:
            self._player_page.shutdown()  # a routine in progress is recorded as stopped
        if self._relief is not None:
            self._relief.abandon()  # a cramp still being guided is kept, as unfinished
        if self._saving is not None:
            if self._saving.store.writer.waiting:
                self._saving.retry()  # one last try before asking
            if not self._saving.confirm_quit(self):
                self._quitting = False
                event.ignore()
                return
        if self.background is not None:
            self.background.stop()
        if self._diary_page is not None:
            # Before the diary closes: the page may have a read waiting for an idle moment.
            self._diary_page.set_journal(None)
        if self._saving is not None:
            self._saving.store.close()
        super().closeEvent(event)
