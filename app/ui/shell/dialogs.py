"""Dialogs opened from the main window, kept apart so start-up does not import them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.disclaimer import URGENT_POINT, points
from app.core.routines import Problem, Severity
from app.ui.shell import icons
from app.ui.shell.i18n import tr
from app.ui.shell.plain import plain
from app.ui.shell.theme import Space

DIALOG_TEXT_WIDTH = 520  # px: lines a person reads without losing the next one


def problem_sentence(problem: Problem) -> str:
    """One problem as a person reads it: "Line 6: unknown key; did you mean 'reps'?"."""
    message = problem.message[:1].upper() + problem.message[1:]
    if not problem.line:
        return message if message.endswith((".", "?", "!")) else message + "."
    return tr("Line {line}: {message}").format(line=problem.line, message=problem.message)


def problem_detail(problem: Problem) -> str:
    """Where exactly, for the person who fixes the file: the field, the path, line:column."""
    where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else str(problem.file)
    return f"{problem.field} · {where}" if problem.field else where


def file_summary(problems: Sequence[Problem]) -> str:
    """What the problems of one file mean for the user."""
    if any(p.severity is Severity.ERROR for p in problems):
        return tr("Part of this file could not be used; the rest of Unknot works as usual.")
    return tr("It is used, with a placeholder where something is missing.")


class ProblemsDialog(QDialog):
    """The problems in plain sentences, by file, with the field, path and line as a quiet
    detail; "Copy details" gives the file:line:column lines for a report or an editor."""

    def __init__(self, parent: QWidget, problems: Sequence[Problem]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Problems in routine files"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, Space.L)
        layout.setSpacing(Space.M)
        intro = QLabel(
            tr(
                "Unknot could not read everything in these files, so it left out what it "
                "could not understand. If you made or changed one of them, each line below "
                "says where to look."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, Space.S, 0)
        column.setSpacing(Space.M)
        for file, grouped in groupby(problems, key=lambda p: p.file):
            column.addWidget(_file_panel(file.name, list(grouped)))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.details = "\n".join(str(p) for p in problems)
        copy = QPushButton(tr("Copy details"))
        copy.setProperty("role", "quiet")
        copy.setToolTip(tr("Every problem as file:line:column, to paste into a report"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details))
        buttons.addWidget(copy)
        buttons.addStretch(1)
        close = QPushButton(tr("Close"))
        close.setProperty("role", "primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(DIALOG_TEXT_WIDTH + 120, 440)


def show_problems(parent: QWidget, problems: Sequence[Problem]) -> None:
    dialog = ProblemsDialog(parent, problems)
    fit_to_screen(dialog, dialog.width(), dialog.height())
    dialog.exec()


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """Size `dialog` to `width` x `height`, or less where the screen has less room (a 1080p
    screen at 200% has about 960x510); its content scrolls."""
    screen = dialog.screen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - Space.XXL)
        height = min(height, free.height() - 2 * Space.XXL)
    dialog.resize(width, height)


def run_with_close_button(dialog: QDialog, layout: QVBoxLayout, width: int, height: int) -> None:
    """Add a Close button under the dialog's content, size it to fit the screen, and show it
    modally."""
    row = QHBoxLayout()
    row.addStretch(1)
    close = QPushButton(tr("Close"))
    close.setProperty("role", "primary")
    close.setDefault(True)
    close.clicked.connect(dialog.reject)
    row.addWidget(close)
    layout.addLayout(row)
    fit_to_screen(dialog, width, height)
    dialog.exec()


def _file_panel(name: str, problems: list[Problem]) -> QFrame:
    panel = QFrame()
    panel.setProperty("role", "panel")
    grid = QGridLayout(panel)
    grid.setContentsMargins(Space.L, Space.M, Space.L, Space.M)
    grid.setHorizontalSpacing(Space.M)
    grid.setVerticalSpacing(Space.XS)
    sign = QLabel()
    icons.set_icon(sign, "warning", icons.MUTED)
    grid.addWidget(sign, 0, 0, Qt.AlignmentFlag.AlignTop)
    title = plain(QLabel(name))
    title.setProperty("role", "label")
    grid.addWidget(title, 0, 1)
    summary = QLabel(file_summary(problems))
    summary.setProperty("role", "muted")
    summary.setWordWrap(True)
    grid.addWidget(summary, 1, 1)
    row = 2
    for problem in problems:
        sentence = plain(QLabel(problem_sentence(problem)))
        sentence.setWordWrap(True)
        grid.addWidget(sentence, row, 1)
        detail = plain(QLabel(problem_detail(problem)))
        detail.setProperty("role", "small")
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(detail, row + 1, 1)
        grid.setRowMinimumHeight(row, 0)
        row += 2
    grid.setColumnStretch(1, 1)
    return panel


class DisclaimerDialog(QDialog):
    """The app's icon, the disclaimer's three points with the urgent one in bold, and on
    first run "Quit" and "I understand" (the primary button, the default)."""

    def __init__(self, parent: QWidget, first_run: bool, language: str = "en") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Before you start"))
        outer = QHBoxLayout(self)
        outer.setContentsMargins(Space.XL, Space.XL, Space.XL, Space.L)
        outer.setSpacing(Space.L)
        # The app's own icon, not Qt's bright blue "i", which glares on the night theme.
        self.logo = QLabel()
        icon = parent.window().windowIcon()
        if not icon.isNull():
            self.logo.setPixmap(icon.pixmap(56, 56))
        outer.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(Space.M)
        heading = QLabel(tr("Before you start"))
        heading.setProperty("role", "heading")
        column.addWidget(heading)
        self.points: list[QLabel] = []
        for index, text in enumerate(points(language)):
            column.addLayout(self._point(text, urgent=index == URGENT_POINT))
        column.addSpacing(Space.S)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button: QPushButton | None = None
        if first_run:
            self.quit_button = QPushButton(tr("Quit"))
            self.quit_button.setProperty("role", "quiet")
            self.quit_button.clicked.connect(self.reject)
            buttons.addWidget(self.quit_button)
        self.accept_button = QPushButton(tr("I understand") if first_run else tr("Close"))
        self.accept_button.setProperty("role", "primary")
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self.accept)
        buttons.addWidget(self.accept_button)
        column.addLayout(buttons)
        outer.addLayout(column, 1)
        self.accept_button.setFocus()

    def _point(self, text: str, urgent: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(Space.M)
        sign = QLabel()
        icons.set_icon(sign, "warning" if urgent else "check", "hold" if urgent else icons.MUTED)
        row.addWidget(sign, 0, Qt.AlignmentFlag.AlignTop)
        label = plain(QLabel(text))
        label.setWordWrap(True)
        label.setMinimumWidth(DIALOG_TEXT_WIDTH - 80)
        if urgent:
            label.setProperty("role", "label")  # bold: the one thing to act on at once
        row.addWidget(label, 1)
        self.points.append(label)
        return row


def show_disclaimer(parent: QWidget, first_run: bool, language: str = "en") -> bool:
    """The disclaimer; on first run the user accepts it or quits (False)."""
    dialog = DisclaimerDialog(parent, first_run, language)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return accepted or not first_run
