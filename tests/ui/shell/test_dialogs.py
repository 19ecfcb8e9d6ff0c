"""The first-run disclaimer and the problems dialog: plain words a person reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.disclaimer import DISCLAIMER
from app.core.routines import Problem, Severity
from app.ui.shell.dialogs import DisclaimerDialog, ProblemsDialog, problem_detail, problem_sentence

TYPO = Problem(Path("/home/a/routines/typo.yaml"), 6, 5, "steps[0].rpes", "unknown key")
PICTURE = Problem(
    Path("/home/a/routines/mine.yaml"), 9, 3, "illustration", "no such picture", Severity.WARNING
)
BROKEN = Problem(Path("/home/a/routines/broken.yaml"), 0, 0, "", "the file is not YAML")


@pytest.fixture
def parent(qtbot: QtBot) -> Iterator[QWidget]:
    widget = QWidget()
    yield widget
    widget.deleteLater()


def test_the_disclaimer_is_three_points_in_the_brief_s_words_the_urgent_one_bold(
    qtbot: QtBot, parent: QWidget
) -> None:
    dialog = DisclaimerDialog(parent, first_run=True)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.points]
    assert len(texts) == 3
    assert " ".join(texts) == DISCLAIMER  # not a word changed, none left out
    assert texts[2].startswith("If a leg is swollen")
    bold = [label.property("role") == "label" for label in dialog.points]
    assert bold == [False, False, True]
    assert dialog.accept_button.text() == "I understand"
    assert dialog.accept_button.isDefault()
    assert dialog.accept_button.property("role") == "primary"
    assert dialog.quit_button is not None and dialog.quit_button.text() == "Quit"


def test_the_disclaimer_from_help_only_closes(qtbot: QtBot, parent: QWidget) -> None:
    dialog = DisclaimerDialog(parent, first_run=False)
    qtbot.addWidget(dialog)
    assert dialog.quit_button is None
    assert dialog.accept_button.text() == "Close"


def test_the_disclaimer_speaks_russian_when_the_app_does(qtbot: QtBot, parent: QWidget) -> None:
    dialog = DisclaimerDialog(parent, first_run=True, language="ru")
    qtbot.addWidget(dialog)
    assert dialog.points[0].text().startswith("Это приложение")


def test_a_problem_reads_as_a_sentence_with_its_place_as_a_detail() -> None:
    assert problem_sentence(TYPO) == "Line 6: unknown key"
    assert problem_detail(TYPO) == "steps[0].rpes · /home/a/routines/typo.yaml:6:5"
    assert problem_sentence(BROKEN) == "The file is not YAML."
    assert problem_detail(BROKEN) == "/home/a/routines/broken.yaml"


def test_the_problems_dialog_groups_by_file_and_copies_the_details(
    qtbot: QtBot, parent: QWidget
) -> None:
    dialog = ProblemsDialog(parent, [TYPO, PICTURE, BROKEN])
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "typo.yaml" in shown and "mine.yaml" in shown and "broken.yaml" in shown
    assert "It is used, with a placeholder where something is missing." in shown
    assert (
        shown.count("Part of this file could not be used; the rest of Unknot works as usual.") == 2
    )
    assert not any(text.startswith("/home/a/routines/typo.yaml:6:5:") for text in shown)
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy details")
    copy.click()
    assert QGuiApplication.clipboard().text().splitlines() == [
        "/home/a/routines/typo.yaml:6:5: steps[0].rpes: unknown key",
        "/home/a/routines/mine.yaml:9:3: warning: illustration: no such picture",
        "/home/a/routines/broken.yaml:0:0: the file is not YAML",
    ]
