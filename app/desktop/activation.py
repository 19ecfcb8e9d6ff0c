"""Wayland activation: the token a launcher hands over, so the window may take the focus."""

from __future__ import annotations

import os


def use_activation_token(token: str) -> None:
    """Let the window take focus on Wayland with the launcher's token: Qt's Wayland plugin
    reads XDG_ACTIVATION_TOKEN (and clears it) when the window next asks to be activated.
    X11 ignores it; raise and activate do the work there."""
    if token:
        os.environ["XDG_ACTIVATION_TOKEN"] = token
