"""Reduce motion: the View setting, and the desktop's own wish, both hold the pictures still;
only the setting is saved."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from windows import make_window

from app.core.settings import SettingsStore
from app.core.storage import AppPaths


def test_the_setting_holds_the_player_still_and_is_saved(qtbot: QtBot, paths: AppPaths) -> None:
    window, _, _ = make_window(qtbot, paths)
    window.start_routine("before-sleep")
    player = window._player_page
    assert player is not None and not player._reduced_motion
    window.set_reduced_motion(True)
    assert player._reduced_motion
    assert SettingsStore(paths.settings_file).load()[0].reduced_motion


def test_the_desktop_wish_holds_it_still_without_touching_the_setting(
    qtbot: QtBot, paths: AppPaths
) -> None:
    window, _, _ = make_window(qtbot, paths)
    window.set_desktop_motion_hint(True)
    window.start_routine("before-sleep")  # a player built after the wish is heard
    player = window._player_page
    assert player is not None and player._reduced_motion
    assert not window.settings.reduced_motion
    window.set_reduced_motion(False)  # the setting off: the desktop's wish still stands
    assert player._reduced_motion
    window.set_desktop_motion_hint(False)
    assert not player._reduced_motion
