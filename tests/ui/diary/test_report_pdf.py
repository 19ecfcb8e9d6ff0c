"""The one-page PDF report: a real PDF of one A4 page, written whole or not at all."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.core.diary_stats import DiaryIndex, Period, Summary, summarize, summarize_since
from app.core.errors import WriteError
from app.core.journal import Episode, SessionRecord
from app.ui.diary import report_pdf as report_pdf_module
from app.ui.diary.report_pdf import report_pdf, write_report

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 31, 21, 0, tzinfo=ZONE)


def summary_with(cramps: int) -> Summary:
    episodes = [
        Episode(NOW - timedelta(hours=18 + 24 * n), timedelta(minutes=3), "left", "mild", id=n)
        for n in range(cramps)
    ]
    sessions = [
        SessionRecord(n, "evening-stretch", NOW - timedelta(days=n), NOW, 1.0, (), True)
        for n in range(1, 30)
    ]
    return summarize(DiaryIndex.build(sessions, episodes), Period.ALL, NOW)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_the_report_is_a_one_page_pdf(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    listed = write_report(target, summary_with(5), NOW, {"evening-stretch": "Evening"})
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert page_count(data) == 1
    assert listed == 5


def test_a_long_diary_lists_the_most_recent_cramps_that_fit_on_the_one_page(
    qapp: QApplication,
) -> None:
    data, listed = report_pdf(summary_with(300), NOW)
    assert page_count(data) == 1
    assert 10 < listed < 300  # the rest are summed up as "and N more"


def test_an_empty_diary_still_makes_a_report(qapp: QApplication) -> None:
    empty = summarize_since(DiaryIndex.build([], []), date(2026, 1, 1), NOW)
    data, listed = report_pdf(empty, NOW)
    assert page_count(data) == 1
    assert listed == 0


def test_an_unwritable_path_gives_a_clear_error(qapp: QApplication, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where a folder should be")
    with pytest.raises(WriteError) as error:
        write_report(blocked / "report.pdf", summary_with(2), NOW)
    assert error.value.reason
    assert "\n" not in str(error.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_failed_rename_leaves_no_temp_file(qapp: QApplication, tmp_path: Path) -> None:
    # The temp file is written next to the target; renaming it over a folder fails.
    (tmp_path / "report.pdf").mkdir()
    with pytest.raises(WriteError):
        write_report(tmp_path / "report.pdf", summary_with(2), NOW)
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    assert list((tmp_path / "report.pdf").iterdir()) == []


def test_the_report_says_what_the_diary_shows_with_the_nights_behind_it(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    original = report_pdf_module._Page.paragraph

    def paragraph(page: report_pdf_module._Page, text: str, *args: object, **kw: object) -> None:
        said.append(text)
        original(page, text, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(report_pdf_module._Page, "paragraph", paragraph)
    # 29 nights with a routine (from the 2nd) and 10 before them without, each with a cramp.
    sessions = [
        SessionRecord(n, "evening-stretch", NOW - timedelta(days=n), NOW, 1.0, (), True)
        for n in range(1, 30)
    ]
    episodes = [
        Episode(NOW - timedelta(days=n, hours=-6), timedelta(minutes=3), "left", "mild", id=n)
        for n in range(30, 40)
    ]
    report_pdf(summarize(DiaryIndex.build(sessions, episodes), Period.ALL, NOW), NOW)
    assert said[0] == (
        "A night runs from noon to noon (12:00): a cramp at 03:00 belongs to the night before. "
        "Times are local, as lived."
    )
    assert said[1] == (
        "On nights with a routine you logged no cramps (29 nights); on nights without, "
        "1.0 cramps a night (10 nights). This is a pattern in your diary, not proof of cause."
    )
    said.clear()
    report_pdf(summary_with(3), NOW)
    assert said[1].startswith("Not enough nights to compare yet.")
