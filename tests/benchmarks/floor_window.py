"""The floor: a bare PySide6 window with one QLabel, started the way Unknot starts.

With UNKNOT_BENCHMARK_FIRST_PAINT=FILE it writes the time of its first paint (and its RSS)
to FILE and quits, like Unknot does; otherwise it stays open (for idle measurements).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


class Label(QLabel):
    def __init__(self) -> None:
        super().__init__("Routines")
        self._painted = False

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, first_paint)


def first_paint() -> None:
    marker = os.environ.get("UNKNOT_BENCHMARK_FIRST_PAINT")
    if marker:
        from procstats import rss_mb

        Path(marker).write_text(f"{time.time():.6f} {rss_mb():.2f}\n")
        QApplication.instance().quit()  # type: ignore[union-attr]


app = QApplication(sys.argv[:1])
label = Label()
label.resize(1100, 720)
label.show()
sys.exit(app.exec())
