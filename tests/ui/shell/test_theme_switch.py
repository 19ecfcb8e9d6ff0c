"""The theme changes at once everywhere, and the night theme is dim and still legible.

Every page is opened, then the theme is switched light → night → dark → night with the page
on screen; each page is then grabbed as painted and measured. Colours are also checked as
pairs: text at 4.5:1 in every theme, edges (cards, buttons, fields) at 1.5:1 against what
they sit on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from screen_light import measure_light
from windows import make_window

from app.core.clock import FakeClock
from app.core.content import load_content
from app.core.journal import Episode, Journal
from app.core.player import SessionReport
from app.core.resources import ASSETS_DIR, ICONS_DIR
from app.core.settings import Theme
from app.core.storage import AppPaths
from app.ui.diary.charts import ChartColors
from app.ui.relief.relief_view import relief_style
from app.ui.shell.dialogs import DisclaimerDialog
from app.ui.shell.main_window import MainWindow
from app.ui.shell.theme import DARK, LIGHT, NIGHT, Colors, contrast_ratio
from app.ui.shell.warning_signs import WarningSignsView, tier_colors

THEMES = {"light": LIGHT, "dark": DARK, "night": NIGHT}
SWITCHES = (Theme.LIGHT, Theme.NIGHT, Theme.DARK, Theme.NIGHT)
MOST_MEAN_LUMINANCE = 0.15
MOST_BRIGHT_SHARE = 0.02  # of pixels brighter than 0.8
LEAST_TEXT_CONTRAST = 4.5
LEAST_EDGE_CONTRAST = 1.5


# -- the colours as pairs ------------------------------------------------------------------


def text_pairs(c: Colors) -> dict[str, tuple[str, str]]:
    """Every text role of the style sheet and the background it is drawn on. Disabled text
    is left out: WCAG exempts inactive controls, and ours say why they are off nearby."""
    return {
        "text, headings and titles on window": (c.text, c.window),
        "text on surface (cards, fields, panels)": (c.text, c.surface),
        "muted and small text, hints on window": (c.muted, c.window),
        "muted text and placeholders on surface": (c.muted, c.surface),
        "header view not current, tab not current": (c.muted, c.window),
        "header view current, chosen chip, menu item": (c.text, c.selected),
        "primary button, checked box, selected row": (c.accent_text, c.accent),
        "Cramp now": (c.window, c.hold),
        "phase while holding": (c.hold, c.window),
        "phase while resting": (c.rest, c.window),
        "notice and its button": (c.warning_text, c.warning_bg),
    }


def relief_text_pairs(sheet: str) -> dict[str, tuple[str, str]]:
    """The relief screen's own text colours (its sheet, whatever the app's theme)."""
    c = NIGHT
    urgent = re.search(r'QLabel\[role="urgent"\] \{\{?\s*background: (#\w+); color: (#\w+);', sheet)
    assert urgent is not None, "the urgent box's colours are not where this test looks"
    return {
        "text and headings": (c.text, c.window),
        "muted text and hints": (c.muted, c.window),
        "a button": (c.text, c.surface),
        "a chosen or primary button": (c.accent_text, c.accent),
        "the urgent box": (urgent.group(2), urgent.group(1)),
    }


def test_the_relief_screen_text_reads_at_four_and_a_half_to_one() -> None:
    pairs = relief_text_pairs(relief_style())
    ratios = {what: contrast_ratio(*pair) for what, pair in pairs.items()}
    low = {what: round(ratio, 2) for what, ratio in ratios.items() if ratio < LEAST_TEXT_CONTRAST}
    assert low == {}
    assert "QWidget#relief { background: #120e0b; }" in relief_style()  # the window above


@pytest.mark.parametrize("name", THEMES)
def test_text_reads_at_four_and_a_half_to_one_in_every_theme(name: str) -> None:
    ratios = {what: contrast_ratio(*pair) for what, pair in text_pairs(THEMES[name]).items()}
    low = {what: round(ratio, 2) for what, ratio in ratios.items() if ratio < LEAST_TEXT_CONTRAST}
    assert not low, f"{name}: {low}"


@pytest.mark.parametrize("name", THEMES)
def test_edges_stand_out_from_what_they_sit_on(name: str) -> None:
    c = THEMES[name]
    ratios = {
        "border on window": contrast_ratio(c.border, c.window),
        "border on surface": contrast_ratio(c.border, c.surface),
    }
    assert min(ratios.values()) >= LEAST_EDGE_CONTRAST, f"{name}: {ratios}"


def test_the_contrast_ratio_is_the_wcag_one() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#123456", "#123456") == pytest.approx(1.0)


def test_night_warning_boxes_are_calm_tints_told_apart_by_their_edge() -> None:
    looks = tier_colors(NIGHT)
    for tier, (background, text, edge) in looks.items():
        color = QColor(background)
        chroma = max(color.red(), color.green(), color.blue()) - min(
            color.red(), color.green(), color.blue()
        )
        assert chroma <= 25, f"{tier}: {background} is a saturated box"
        assert contrast_ratio(text, background) >= LEAST_TEXT_CONTRAST
        assert contrast_ratio(edge, background) >= LEAST_EDGE_CONTRAST
    assert tier_colors(LIGHT) != looks  # the day themes keep their stronger boxes


# -- the pages, switched at run time -----------------------------------------------------


NOW = datetime(2026, 1, 5, 21, 0).astimezone()


@pytest.fixture
def journal(paths: AppPaths) -> Iterator[Journal]:
    opened, _ = Journal.open(paths.journal_file)
    # A routine on most of the last five weeks' evenings, and a cramp of each severity.
    for back in range(1, 36):
        if back % 4:
            started = NOW.replace(hour=22) - timedelta(days=back)
            opened.add_session(
                SessionReport(
                    "evening-stretch", started, started + timedelta(minutes=9), 1.0, (), True
                )
            )
    for back, severity in ((2, "mild"), (6, "moderate"), (9, "severe"), (15, None)):
        started = NOW.replace(hour=3) - timedelta(days=back)
        opened.add_episode(Episode(started, timedelta(minutes=4), "left", severity), NOW)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, journal: Journal) -> MainWindow:
    window, clock, _ = make_window(qtbot, paths, theme=Theme.LIGHT)
    clock.advance(0)
    window._clock = FakeClock(NOW)
    window.journal = journal
    window.note_journal_opened()
    window.resize(1100, 720)
    return window


def open_diary_tab(index: int) -> Callable[[MainWindow], QWidget]:
    def show(window: MainWindow) -> QWidget:
        window.show_diary()
        assert window._diary_page is not None
        window._diary_page.tabs.setCurrentIndex(index)
        return window._diary_page

    return show


def open_player(window: MainWindow) -> QWidget:
    window.start_routine("evening-stretch")
    assert window._player_page is not None
    window._player_page.pause()
    return window._player_page


def open_finished(window: MainWindow) -> QWidget:
    open_player(window).stop()  # type: ignore[attr-defined]
    assert window._finished_page is not None
    return window._finished_page


def open_detail(window: MainWindow) -> QWidget:
    window.open_routine("evening-stretch")
    assert window._detail_page is not None
    return window._detail_page


def open_reminders(window: MainWindow) -> QWidget:
    window.show_reminders()
    assert window._reminders_page is not None
    return window._reminders_page


def open_list(window: MainWindow) -> QWidget:
    window.show_list()
    return window.list_page


PAGES: dict[str, Callable[[MainWindow], QWidget]] = {
    "routines": open_list,
    "start screen": open_detail,
    "player": open_player,
    "finished": open_finished,
    "diary overview": open_diary_tab(0),
    "diary numbers": open_diary_tab(1),
    "diary records": open_diary_tab(2),
    "reminders": open_reminders,
}


def switch_through_themes(qtbot: QtBot, window: MainWindow) -> None:
    for theme in SWITCHES:
        window.set_theme(theme)
        qtbot.waitUntil(lambda t=theme: window.settings.theme is t)  # type: ignore[misc]


def assert_night(image: QImage, what: str) -> None:
    light = measure_light(image)
    assert light.mean <= MOST_MEAN_LUMINANCE, f"{what}: {light}"
    assert light.bright_share < MOST_BRIGHT_SHARE, f"{what}: {light}"


@pytest.mark.parametrize("page", PAGES)
def test_each_page_is_dim_after_switching_to_night_with_it_open(
    qtbot: QtBot, window: MainWindow, page: str
) -> None:
    shown = PAGES[page](window)
    qtbot.waitExposed(shown)
    light = measure_light(shown.grab().toImage())
    assert light.mean > 0.5, f"the light theme comes first ({light})"
    switch_through_themes(qtbot, window)
    assert_night(shown.grab().toImage(), page)
    assert_night(window.grab().toImage(), f"the window around {page}")


def test_the_diary_paints_its_calendar_and_charts_in_the_new_theme(
    qtbot: QtBot, window: MainWindow
) -> None:
    diary = open_diary_tab(0)(window)
    qtbot.waitExposed(diary)
    switch_through_themes(qtbot, window)
    assert window._diary_page is not None
    overview = window._diary_page.overview
    assert overview.calendar.grid._colors == NIGHT
    for chart in (overview.adherence_chart, overview.hour_chart):
        assert chart._colors == ChartColors.from_colors(NIGHT)


def test_the_chart_legends_stand_out_from_the_night_background(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_diary_tab(0)(window)
    switch_through_themes(qtbot, window)
    assert window._diary_page is not None
    chart = window._diary_page.overview.adherence_chart
    image = chart.grab().toImage()
    # The legend is the chart's first line of text; its background is the pixel at the
    # top-left corner, and the text's strokes must stand out from it as text should.
    legend = QRect(0, 0, image.width(), chart.fontMetrics().height() + 8)
    background = image.pixelColor(1, 1).name()
    strongest = max(
        contrast_ratio(image.pixelColor(x, y).name(), background)
        for x in range(legend.left(), legend.right(), 1)
        for y in range(legend.top(), legend.bottom(), 1)
    )
    assert strongest >= LEAST_TEXT_CONTRAST


def test_the_menus_and_warning_signs_are_dim_at_night(qtbot: QtBot, window: MainWindow) -> None:
    window.fill_menus()
    switch_through_themes(qtbot, window)
    # Painted unseen: a shown pop-up would grab the keyboard, which the test platform lacks.
    for menu in (window.menus.view, window.menus.help):
        menu.ensurePolished()
        menu.adjustSize()
        assert_night(menu.grab().toImage(), menu.title())
    content = load_content(ASSETS_DIR / "content", ASSETS_DIR)
    signs = WarningSignsView(content.warning_tiers, "en")
    qtbot.addWidget(signs)
    signs.resize(760, 640)
    signs.show()
    qtbot.waitExposed(signs)
    assert_night(signs.grab().toImage(), "the warning signs")


def test_the_disclaimer_shows_the_app_icon_and_is_night_dim(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[DisclaimerDialog] = []

    def record(dialog: DisclaimerDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(DisclaimerDialog, "exec", record)
    window.setWindowIcon(QIcon(str(ICONS_DIR / "unknot-64.png")))
    window.set_theme(Theme.NIGHT)
    window.show_disclaimer()
    (dialog,) = shown
    pixmap = dialog.logo.pixmap()
    assert not pixmap.isNull() and pixmap.width() == 56  # the app's own, not Qt's blue "i"
    dialog.resize(dialog.sizeHint())
    assert_night(dialog.grab().toImage(), "the disclaimer")
    assert QApplication.palette().window().color().name() == NIGHT.window
