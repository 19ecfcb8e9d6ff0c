"""Fixtures shared by the interface tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.storage import AppPaths


@pytest.fixture
def paths(unknot_home: Path) -> AppPaths:
    """The test's own Unknot folders, created."""
    resolved = AppPaths.resolve(unknot_home)
    resolved.ensure()
    return resolved
