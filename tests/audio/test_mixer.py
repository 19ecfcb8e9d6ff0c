"""The shared mixer: without a sound device, the sound libraries' chatter goes to the log."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.audio import mixer

OPEN_WITHOUT_DEVICE = """
import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(name)s: %(message)s")
from app.audio import mixer
try:
    mixer.acquire()
except Exception as error:
    logging.getLogger("caller").warning("no sound: %s", error)
else:
    print("OPENED")
"""


def test_alsa_without_a_device_says_nothing_on_stderr() -> None:
    env = {**os.environ, "SDL_AUDIODRIVER": "alsa"}
    # No card: ALSA's default device is a card that is not there.
    env["ALSA_CARD"] = "unknot-no-such-card"
    done = subprocess.run(
        [sys.executable, "-c", OPEN_WITHOUT_DEVICE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if "OPENED" in done.stdout:
        pytest.skip("this machine has a sound device ALSA can open")
    logged = done.stdout.splitlines()
    said = [line for line in logged if line.startswith("app.audio.mixer:")]
    if "ALSA lib" not in done.stdout + done.stderr:
        pytest.skip("ALSA said nothing here (no ALSA in this SDL, or a quiet configuration)")
    assert done.stderr == ""
    assert len(said) == 1 and "ALSA lib" in said[0]  # every line of it, on one
    assert [line for line in logged if line.startswith("caller:")] == [
        next(line for line in logged if line.startswith("caller: no sound:"))
    ]


def test_stderr_is_given_back_after_the_mixer_opens(capfd: pytest.CaptureFixture[str]) -> None:
    mixer.acquire()  # the test run's dummy driver: it opens
    try:
        os.write(2, b"after\n")
    finally:
        mixer.release()
    assert capfd.readouterr().err == "after\n"
