"""No session bus is started for Unknot: without one, the app runs without D-Bus.

On a display without a session bus, libdbus (which Qt loads for the tray and the platform
theme) "autolaunches" one through `dbus-launch`, and that bus and its launcher outlive the
app: every start on such a display leaves two processes behind. Setting the address to an
unusable one before Qt loads turns the autolaunch off; the tray and the notifications then
find no bus and degrade as they do on any desktop without them.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path

ADDRESS_ENV = "DBUS_SESSION_BUS_ADDRESS"
# Not a transport libdbus or jeepney knows: connecting fails at once, and nothing is started.
NO_BUS = "disabled:"


def refuse_autolaunch(environ: MutableMapping[str, str]) -> bool:
    """Mark the session as having no bus unless it has one; True if it was marked.

    A bus is there when its address is given or when systemd's user bus socket exists in
    the runtime folder (libdbus and dbus_link both look there)."""
    if environ.get(ADDRESS_ENV):
        return False
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").exists():
        return False
    environ[ADDRESS_ENV] = NO_BUS
    return True
