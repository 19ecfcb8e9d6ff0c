"""The floor for idling in the tray: a bare PySide6 tray icon with a six-item menu.

    python floor_tray.py

No window is shown, as with `unknot --tray`; it runs until it is terminated.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(64, 64)
pixmap.fill()
menu = QMenu()
actions = [QAction(text, menu) for text in ("One", "Two", "Three", "Four", "Five", "Quit")]
for action in actions:
    menu.addAction(action)
actions[-1].triggered.connect(app.quit)
tray = QSystemTrayIcon(QIcon(pixmap))
tray.setContextMenu(menu)
tray.setToolTip("Floor")
tray.show()
if not QSystemTrayIcon.isSystemTrayAvailable():
    print("no system tray", file=sys.stderr)
sys.exit(app.exec())
