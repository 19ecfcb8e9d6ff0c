"""A private message bus per test, and a stand-in notification server to put on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dbus_helpers import NotificationServer

# The usual session policy, but no service directories: nothing installed on this machine
# can be started by activation, so "no server" really means none.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def private_bus() -> Iterator[str]:
    """The address of a dbus-daemon of our own, gone after the test."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus-daemon)")
    # A short folder of its own: socket paths are limited to about 100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="unknot-bus-"))
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=folder))
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--print-address", "--nofork"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()  # printed once it listens
    try:
        assert address.startswith("unix:"), f"dbus-daemon did not start: {address!r}"
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def notification_server(private_bus: str) -> Iterator[Callable[..., NotificationServer]]:
    """Start a stand-in server on the private bus: `notification_server("--first-id", "7")`."""
    started: list[NotificationServer] = []

    def start(*options: str) -> NotificationServer:
        server = NotificationServer(private_bus, *options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private virtual X screen (Xvfb), as ":N"; skipped where Xvfb is not installed."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (Debian package xvfb)")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as display_number:
        number = display_number.readline().strip()  # written once it accepts clients
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
