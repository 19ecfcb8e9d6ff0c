"""Make docs/screens.png: every screen of the app in the light, dark and night themes.

    uv run scripts/make_screens.py                      # the contact sheet
    uv run scripts/make_screens.py --out /tmp/s --each  # each screen as its own PNG too
    uv run scripts/make_screens.py --only player --theme night --size 960x510 --each
    uv run scripts/make_screens.py --screenshot docs/screenshot.png  # the README's picture

The app's own window and pages run offscreen, in a home made for the purpose (a month of
diary, two reminders) and on a fake clock set to a Friday evening, so the sheet shows the
same thing on every run. A dialog (warning signs, the disclaimer) is grabbed while it is
open and then closed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from app.core.clock import FakeClock
from app.core.journal import Episode, Journal
from app.core.library import cards, load_all
from app.core.player import PlayerState, SessionReport
from app.core.settings import Posture, Settings, SettingsStore, Theme
from app.core.storage import AppPaths
from app.core.timeline import CueKind
from app.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2025, 3, 14, 22, 40).astimezone()  # a Friday, in the evening hours
THEMES = {"light": Theme.LIGHT, "dark": Theme.DARK, "night": Theme.NIGHT}
REMINDERS = """schema_version: 1
reminders:
  - id: bedtime
    time: "22:30"
    days: [mon, tue, wed, thu, fri]
    routine: evening-stretch
    message: "Stretch, then sleep"
  - id: weekend
    time: "23:15"
    days: [sat, sun]
    routine: before-sleep
    enabled: false
"""


class SilentCues:
    """The cue player's part, without a sound device."""

    def open(self) -> None: ...
    def play(self, kind: CueKind, late_ms: int = 0) -> None: ...
    def close(self) -> None: ...
    def set_volume(self, percent: int) -> None: ...
    def set_muted(self, muted: bool) -> None: ...


def fill_home(folder: Path) -> AppPaths:
    """A home as someone's after a month: routines on two nights of three, a few cramps."""
    paths = AppPaths.resolve(folder)
    paths.ensure()
    paths.reminders_file.write_text(REMINDERS, encoding="utf-8")
    journal, _ = Journal.open(paths.journal_file)
    for back in range(1, 32):
        if back % 3:
            started = NOW.replace(hour=22, minute=10) - timedelta(days=back)
            ended = started + timedelta(minutes=9)
            journal.add_session(SessionReport("evening-stretch", started, ended, 1.0, (), True))
    for back, hour, side, severity in (
        (2, 3, "left", "mild"),
        (6, 2, "right", "moderate"),
        (9, 4, "left", "severe"),
        (17, 1, "both", "mild"),
        (23, 3, "right", "moderate"),
        (27, 5, "left", "mild"),
    ):
        started = NOW.replace(hour=hour, minute=20) - timedelta(days=back)
        journal.add_episode(Episode(started, timedelta(minutes=4), side, severity), NOW)
    journal.close()
    return paths


class Screens:
    """One window per theme, taken through every screen."""

    def __init__(self, paths: AppPaths, theme: Theme, size: tuple[int, int]) -> None:
        self.paths = paths
        self.clock = FakeClock(NOW)
        library = load_all(paths)
        store = SettingsStore(paths.settings_file)
        settings = Settings(disclaimer_accepted=True, theme=theme)
        store.save(settings)
        self.window = MainWindow(
            cards(library),
            library,
            settings=settings,
            settings_store=store,
            clock=self.clock,
            cue_player_factory=SilentCues,  # type: ignore[arg-type]
            paths=paths,
        )
        self.window.resize(*size)
        self.window.show()
        settle()
        self.window.apply_colors()
        journal, _ = Journal.open(paths.journal_file)
        self.window.journal = journal
        self.window.note_journal_opened()
        settle()

    def grab(self, widget: QWidget | None = None) -> QPixmap:
        settle()
        return (widget or self.window).grab()

    def routines(self) -> QPixmap:
        self.window.show_list()
        return self.grab()

    def start_screen(self) -> QPixmap:
        self.window.open_routine("evening-stretch")
        return self.grab()

    def _player(self, seconds: float) -> None:
        self.window.start_routine("evening-stretch")
        page = self.window._player_page
        assert page is not None
        self.clock.advance(seconds)
        page.advance()

    def player(self) -> QPixmap:
        self._player(24)
        shot = self.grab()
        self.window._player_page.stop()  # type: ignore[union-attr]
        return shot

    def paused(self) -> QPixmap:
        self._player(52)
        self.window._player_page.pause()  # type: ignore[union-attr]
        shot = self.grab()
        self.window._player_page.stop()  # type: ignore[union-attr]
        return shot

    def finished(self) -> QPixmap:
        self.window.start_routine("before-sleep")
        page = self.window._player_page
        assert page is not None and page.player is not None
        while page.player.state is PlayerState.PLAYING:
            self.clock.advance((page.player.ms_until_next_wake() or 1) / 1000)
            page.advance()
        return self.grab()

    def relief_choice(self) -> QPixmap:
        self.window.show_relief()
        return self.grab()

    def relief_step(self) -> QPixmap:
        relief = self.window.show_relief()
        relief.choose(Posture.BED)
        self.clock.advance(14)
        if relief._steps is not None:
            relief._steps.refresh()
        shot = self.grab()
        self.window.leave_relief()
        return shot

    def _diary_tab(self, index: int) -> QPixmap:
        self.window.show_diary()
        page = self.window._diary_page
        assert page is not None
        page.tabs.setCurrentIndex(index)
        return self.grab()

    def diary(self) -> QPixmap:
        return self._diary_tab(0)

    def numbers(self) -> QPixmap:
        return self._diary_tab(1)

    def records(self) -> QPixmap:
        return self._diary_tab(2)

    def reminders(self) -> QPixmap:
        self.window.show_reminders()
        return self.grab()

    def _dialog(self, open_it: Callable[[], object]) -> QPixmap:
        shots: list[QPixmap] = []

        def take() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, take)
                return
            shots.append(on_window(self.window, dialog))
            dialog.close()

        QTimer.singleShot(0, take)
        open_it()
        return shots[0]

    def warning_signs(self) -> QPixmap:
        self.window.show_list()
        return self._dialog(self.window.show_warning_signs)

    def disclaimer(self) -> QPixmap:
        self.window.show_list()
        return self._dialog(lambda: self.window.show_disclaimer(first_run=True))

    def close(self) -> None:
        journal = self.window.journal
        self.window.hide()
        self.window.deleteLater()
        if journal is not None:
            journal.close()
        settle()


def on_window(window: QWidget, dialog: QWidget) -> QPixmap:
    """A dialog as it looks: centred over the window, which is dimmed behind it."""
    settle()
    behind = window.grab()
    front = dialog.grab()
    sheet = QPixmap(behind.size())
    painter = QPainter(sheet)
    painter.drawPixmap(0, 0, behind)
    painter.fillRect(sheet.rect(), QColor(0, 0, 0, 110))
    x = max(0, (behind.width() - front.width()) // 2)
    y = max(0, (behind.height() - front.height()) // 2)
    painter.drawPixmap(x, y, front)
    painter.end()
    return sheet


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


SCREENS: dict[str, str] = {
    "routines": "Routines",
    "start_screen": "Start screen",
    "player": "Player",
    "paused": "Paused",
    "finished": "Finished",
    "relief_choice": "Cramp now: where are you?",
    "relief_step": "Cramp now: a step",
    "diary": "Diary: overview",
    "numbers": "Diary: numbers",
    "records": "Diary: records",
    "reminders": "Reminders",
    "warning_signs": "Warning signs",
    "disclaimer": "Disclaimer",
}


def contact_sheet(shots: dict[tuple[str, str], QPixmap], scale: float) -> QImage:
    """Rows of screens, a column per theme, each labelled."""
    themes = sorted({theme for _, theme in shots}, key=list(THEMES).index)
    names = [name for name in SCREENS if any((name, t) in shots for t in themes)]
    first = next(iter(shots.values()))
    tile_w, tile_h = round(first.width() * scale), round(first.height() * scale)
    gap, label_h = 16, 28
    width = gap + len(themes) * (tile_w + gap)
    height = gap + label_h + len(names) * (tile_h + label_h + gap)
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#d8d8d8"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont(painter.font())
    font.setPixelSize(16)
    painter.setFont(font)
    painter.setPen(QColor("#202020"))
    for column, theme in enumerate(themes):
        x = gap + column * (tile_w + gap)
        painter.drawText(QRect(x, gap, tile_w, label_h), Qt.AlignmentFlag.AlignCenter, theme)
    for row, name in enumerate(names):
        y = gap + label_h + row * (tile_h + label_h + gap)
        painter.drawText(
            QRect(gap, y, width - 2 * gap, label_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            SCREENS[name],
        )
        for column, theme in enumerate(themes):
            shot = shots.get((name, theme))
            if shot is None:
                continue
            x = gap + column * (tile_w + gap)
            target = QRect(x, y + label_h, tile_w, tile_h)
            painter.drawPixmap(target, shot.scaled(target.size(), mode=smooth()))
    painter.end()
    return sheet


def smooth() -> Qt.TransformationMode:
    return Qt.TransformationMode.SmoothTransformation


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--size", type=parse_size, default=(1280, 800))
    parser.add_argument("--scale", type=float, default=0.4, help="of each screen on the sheet")
    parser.add_argument("--only", nargs="*", choices=list(SCREENS), default=list(SCREENS))
    parser.add_argument("--theme", nargs="*", choices=list(THEMES), default=list(THEMES))
    parser.add_argument("--each", action="store_true", help="save each screen as a PNG too")
    parser.add_argument(
        "--screenshot", type=Path, help="save the night player alone here, and nothing else"
    )
    args = parser.parse_args()
    app = QApplication(sys.argv)
    app.setApplicationName("Unknot")
    app.setStyle("Fusion")  # as the app does (application.py), with its least font size
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    with tempfile.TemporaryDirectory(prefix="unknot-screens-") as folder:
        paths = fill_home(Path(folder))
        if args.screenshot is not None:
            screens = Screens(paths, Theme.NIGHT, args.size)
            screens.player().save(str(args.screenshot))
            screens.close()
            print(args.screenshot)
            return 0
        shots: dict[tuple[str, str], QPixmap] = {}
        for theme in args.theme:
            screens = Screens(paths, THEMES[theme], args.size)
            for name in args.only:
                shot = getattr(screens, name)()
                shots[(name, theme)] = shot
                if args.each:
                    args.out.mkdir(parents=True, exist_ok=True)
                    shot.save(str(args.out / f"{name}-{theme}.png"))
            screens.close()
        out = args.out / "screens.png"
        contact_sheet(shots, args.scale).save(str(out))
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
