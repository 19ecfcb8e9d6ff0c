"""A quiet banner for things the user should know but need not act on at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.shell import icons
from app.ui.shell.plain import plain
from app.ui.shell.theme import Space

ON_NOTICE = "warning_text"  # the icons take the notice's own ink


class NoticeBar(QFrame):
    """An icon, a sentence or two, an optional action button, and a close button."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(Space.M, Space.S, Space.S, Space.S)
        layout.setSpacing(Space.M)
        sign = QLabel()
        icons.set_icon(sign, "info", ON_NOTICE)
        layout.addWidget(sign)
        self._label = plain(QLabel())
        self._label.setWordWrap(True)
        layout.addWidget(self._label, 1)
        self._action = QPushButton()
        self._action.clicked.connect(self.action_clicked)
        layout.addWidget(self._action)
        close = QPushButton()
        close.setProperty("role", "icon")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        icons.set_icon(close, "close", ON_NOTICE, 16)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, action: str = "") -> None:
        self._label.setText(text)
        self._action.setText(action)
        self._action.setVisible(bool(action))
        self.show()

    @property
    def text(self) -> str:
        return self._label.text()
