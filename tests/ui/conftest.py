"""Fixtures shared by the interface tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from app.core.storage import AppPaths
from app.ui.shell import i18n


@pytest.fixture
def paths(unknot_home: Path) -> AppPaths:
    """The test's own Unknot folders, created."""
    resolved = AppPaths.resolve(unknot_home)
    resolved.ensure()
    return resolved


@pytest.fixture(autouse=True)
def english_interface(qapp: QApplication) -> None:
    """English words with their plurals ("1 cramp", "2 cramps": the English catalogue), and
    the C locale's formats (24 hours, "Fri, 14 Mar 2025"), whatever the desktop running the
    tests and whatever a test before this one installed."""
    i18n.install(qapp, "en")
    QLocale.setDefault(QLocale.c())
