"""Dialogs opened from the main window, kept apart so start-up does not import them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.disclaimer import DISCLAIMER
from app.core.routines import Problem


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_problems(parent: QWidget, problems: Sequence[Problem]) -> None:
    """Every load problem, one per line as file:line:column, to read or copy."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Problems in routine files"))
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        tr(
            "These files have problems. Routines without errors still load; a missing "
            "picture shows a placeholder. Each line gives file:line:column."
        )
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    text = QPlainTextEdit("\n".join(str(p) for p in problems))
    text.setReadOnly(True)
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    layout.addWidget(text)
    run_with_close_button(dialog, layout, 900, 400)


def run_with_close_button(dialog: QDialog, layout: QVBoxLayout, width: int, height: int) -> None:
    """Add a Close button under the dialog's content, size it, and show it modally."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(width, height)
    dialog.exec()


def show_disclaimer(parent: QWidget, first_run: bool) -> bool:
    """The disclaimer; on first run the user accepts it or quits (False)."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("Before you start"))
    box.setText("<b>" + tr("Before you start") + "</b>")
    box.setInformativeText(DISCLAIMER)
    # The app's own icon, not Qt's bright blue "i", which glares on the night theme.
    icon = parent.window().windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(48, 48))
    if not first_run:
        box.exec()
        return True
    accept = box.addButton(tr("I understand"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept)
    box.exec()
    return box.clickedButton() is accept
