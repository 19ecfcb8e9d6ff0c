"""The main window's menu bar: Go, View (with the language), Sound and Help.

The four titles exist before the first paint so the layout does not shift; their actions are
added right after it by `fill()` (a key shortcut creates PySide6's costly `Qt` namespace).
Every action calls the window's own public methods; the menus keep no state of their own
beyond which items are checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TR_NOOP, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from app import APP_NAME, __version__
from app.core.settings import Settings, Theme

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.core.emergency_numbers import Region
    from app.core.routines import Problem
    from app.core.storage import AppPaths


CRAMP_KEY = "F2"  # Cramp now, from every page (README's keyboard table)


class MenuHost(Protocol):
    """What the menus ask of the window they sit in (the main window)."""

    settings: Settings
    paths: AppPaths

    def menuBar(self) -> QMenuBar: ...
    def show_list(self) -> None: ...
    def show_diary(self) -> None: ...
    def show_reminders(self) -> None: ...
    def quit_app(self) -> None: ...
    def set_theme(self, theme: Theme) -> None: ...
    def toggle_full_screen(self) -> None: ...
    def set_gentle(self, on: bool) -> None: ...
    def set_muted(self, muted: bool) -> None: ...
    def save_settings(self, **changes: object) -> None: ...
    def show_warning_signs(self) -> None: ...
    def show_disclaimer(self, first_run: bool = False) -> bool: ...
    def install_desktop_entry(self) -> None: ...
    def show_problems(self) -> None: ...
    @property
    def problems(self) -> list[Problem]: ...
    def system_region(self) -> Region: ...
    def set_region(self, code: str) -> None: ...
    def tell(self, text: str) -> None: ...
    def show_relief(self) -> object: ...
    def set_spoken_guidance(self, on: bool) -> None: ...
    def set_reduced_motion(self, on: bool) -> None: ...


class WindowMenus(QObject):
    def __init__(self, window: MenuHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = window
        self._parent_widget = parent  # what the About box is shown over
        bar = window.menuBar()
        self.go = bar.addMenu(self.tr("&Go"))
        self.view = bar.addMenu(self.tr("&View"))
        self.sound = bar.addMenu(self.tr("&Sound"))
        self.help = bar.addMenu(self.tr("&Help"))
        self.filled = False
        self.mute_action: QAction | None = None
        self.full_screen_action: QAction | None = None
        self.gentle_action: QAction | None = None
        self.problems_action: QAction | None = None
        self.spoken_action: QAction | None = None
        self.motion_action: QAction | None = None
        self.cramp_action: QAction | None = None

    # -- what the window changes elsewhere, shown in the menus --------------------------

    def show_muted(self, muted: bool) -> None:
        if self.mute_action is not None:
            self.mute_action.setChecked(muted)

    def show_full_screen(self, full: bool) -> None:
        if self.full_screen_action is not None:
            self.full_screen_action.setChecked(full)

    def show_gentle(self, on: bool) -> None:
        if self.gentle_action is not None and self.gentle_action.isChecked() != on:
            self.gentle_action.setChecked(on)

    def show_spoken_guidance(self, on: bool) -> None:
        if self.spoken_action is not None:
            self.spoken_action.setChecked(on)

    def show_reduced_motion(self, on: bool) -> None:
        if self.motion_action is not None:
            self.motion_action.setChecked(on)

    def show_problems_exist(self, any_problems: bool) -> None:
        if self.problems_action is not None:
            self.problems_action.setEnabled(any_problems)

    # -- building ------------------------------------------------------------------------

    def fill(self) -> None:
        if self.filled:
            return
        self.filled = True
        self._fill_go()
        self._fill_view()
        self._fill_sound()
        self._fill_help()

    def _fill_go(self) -> None:
        window = self._window
        for text, key, slot in (
            (self.tr("Routines"), "Ctrl+1", window.show_list),
            (self.tr("Diary"), "Ctrl+2", window.show_diary),
            (self.tr("Reminders"), "Ctrl+3", window.show_reminders),
        ):
            action = self.go.addAction(text, slot)
            action.setShortcut(QKeySequence(key))
        self.go.addSeparator()
        # F2 from every page: one key, the same in every keyboard layout. The action also
        # sits on the window itself, so it works while the menu bar is hidden (focus mode).
        cramp = self.go.addAction(self.tr("Cramp now"), window.show_relief)
        cramp.setShortcut(QKeySequence(CRAMP_KEY))
        self._parent_widget.addAction(cramp)
        self.cramp_action = cramp
        self.go.addSeparator()
        quit_action = self.go.addAction(self.tr("Quit"), window.quit_app)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))

    def _fill_view(self) -> None:
        window = self._window
        themes = self.view.addMenu(self.tr("Theme"))
        group = QActionGroup(self)
        names = {
            Theme.SYSTEM: self.tr("Follow the system"),
            Theme.LIGHT: self.tr("Light"),
            Theme.DARK: self.tr("Dark"),
            Theme.NIGHT: self.tr("Night (dim and warm)"),
        }
        for theme, name in names.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(theme is window.settings.theme)
            action.triggered.connect(lambda _=False, t=theme: window.set_theme(t))
            group.addAction(action)
            themes.addAction(action)
        full = self._switch(self.view, self.tr("Full screen"), "", False)
        full.setShortcut(QKeySequence("F11"))
        full.triggered.connect(window.toggle_full_screen)
        self.full_screen_action = full
        self.view.addSeparator()
        self.gentle_action = self._switch(
            self.view,
            self.tr("Pregnant, older or unsteady on your feet"),
            self.tr("Gentler standing steps for a cramp, always holding a support"),
            window.settings.relief_gentle,
            window.set_gentle,
        )
        self.motion_action = self._switch(
            self.view,
            self.tr("Reduce motion"),
            self.tr("Still pictures: no moving poses, no fades"),
            window.settings.reduced_motion,
            window.set_reduced_motion,
        )
        self._add_region_menu(self.view.addMenu(self.tr("Emergency numbers")))
        self._add_language_menu(self.view.addMenu(self.tr("Language")))

    def _fill_sound(self) -> None:
        window = self._window
        self.mute_action = self._switch(
            self.sound, self.tr("Mute cues"), "", window.settings.muted, window.set_muted
        )
        self.spoken_action = self._switch(
            self.sound,
            self.tr("Spoken guidance"),
            self.tr("Each step read out, for when you cannot see the screen"),
            window.settings.spoken_guidance,
            window.set_spoken_guidance,
        )
        self._add_choices(
            self.sound.addMenu(self.tr("Volume")),
            "volume",
            [(p, f"{p}%") for p in (25, 50, 70, 100)],
        )
        self._add_choices(
            self.sound.addMenu(self.tr("Night volume")),
            "night_volume",
            [(p, f"{p}%") for p in (10, 20, 30, 50, 70)],
        )
        self._add_choices(
            self.sound.addMenu(self.tr("Night starts at")),
            "night_starts",
            [(h, f"{h}:00") for h in (19, 20, 21, 22, 23)],
        )

    def _fill_help(self) -> None:
        window = self._window
        signs = self.help.addAction(self.tr("Warning signs"), window.show_warning_signs)
        signs.setShortcut(QKeySequence("F1"))
        self.help.addAction(self.tr("Disclaimer"), window.show_disclaimer)
        self.help.addAction(
            self.tr("Add Unknot to the applications menu"), window.install_desktop_entry
        )
        self.problems_action = self.help.addAction(
            self.tr("Problems in routine files"), window.show_problems
        )
        self.problems_action.setEnabled(bool(window.problems))
        self.help.addAction(self.tr("About Unknot"), self.show_about)

    def _switch(
        self,
        menu: QMenu,
        text: str,
        tip: str,
        checked: bool,
        changed: Callable[[bool], None] | None = None,
    ) -> QAction:
        """A checkable item on `menu`, calling `changed` with its new state."""
        action = QAction(text, self, checkable=True)
        if tip:
            action.setToolTip(tip)
        action.setChecked(checked)
        if changed is not None:
            action.triggered.connect(changed)
        menu.addAction(action)
        return action

    def _add_choices(self, menu: QMenu, setting: str, choices: list[tuple[int, str]]) -> None:
        """Radio items for one whole-number setting."""
        window = self._window
        group = QActionGroup(self)
        current = getattr(window.settings, setting)
        for value, label in choices:
            action = QAction(label, self, checkable=True)
            action.setChecked(value == current)
            action.triggered.connect(lambda _=False, v=value: window.save_settings(**{setting: v}))
            group.addAction(action)
            menu.addAction(action)

    def _add_region_menu(self, menu: QMenu) -> None:
        """The regions whose numbers the warning signs can show; the system's by default."""
        from app.core.emergency_numbers import REGIONS

        window = self._window
        group = QActionGroup(self)
        system = window.system_region()
        choices = [("", self.tr("From the system ({name}, {number})"), system)]
        choices += [(r.code, "{name} ({number})", r) for r in REGIONS]
        for code, label, region in choices:
            action = QAction(label.format(name=region.name, number=region.emergency), self)
            action.setCheckable(True)
            action.setChecked(code == window.settings.region)
            action.triggered.connect(lambda _=False, c=code: window.set_region(c))
            group.addAction(action)
            menu.addAction(action)

    def _add_language_menu(self, menu: QMenu) -> None:
        """System, English, Русский: each language named in itself, so a user lost in the
        other one still finds their own."""
        from app.core.language import SYSTEM, language_of_locale

        group = QActionGroup(self)
        saved = language_of_locale(self._window.settings.language)
        current = saved if saved in ("en", "ru") else SYSTEM
        for choice, label in (
            (SYSTEM, self.tr("Follow the system")),
            ("en", "English"),
            ("ru", "Русский"),
        ):
            action = QAction(label, self, checkable=True)
            action.setChecked(choice == current)
            action.triggered.connect(lambda _=False, c=choice: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)

    def choose_language(self, choice: str) -> None:
        """Saved now, spoken from the next start: every open page was built in the old
        language, and Qt's translators are the whole application's."""
        import os

        from app.core.language import choose_language
        from app.ui.shell import i18n

        self._window.save_settings(language=choice)
        language = choose_language(choice, os.environ)
        if language != i18n.active_language():
            text = str(QT_TR_NOOP("Unknot will speak this language when it starts again."))
            self._window.tell(i18n.said_in(language, text))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        window = self._window
        QMessageBox.about(
            self._parent_widget,
            self.tr("About Unknot"),
            self.tr(
                "{name} {version}\n\nGuided calf stretches for people with night cramps.\n\n"
                "To report a problem, attach the log:\n{log}\n"
                "(unknot --debug writes more detail to it)"
            ).format(name=APP_NAME, version=__version__, log=window.paths.log_file),
        )
