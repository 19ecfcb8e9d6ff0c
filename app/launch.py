"""Where `unknot`, `python -m app` and `uv run main.py` begin.

A plain launch and `unknot --emergency` first hand their request to a running Unknot
with nothing but the standard library's socket (see desktop/quick_client.py); only when
none answers does the full command line (argparse, pathlib, and perhaps Qt) load.
"""

from __future__ import annotations

import sys

EMERGENCY = "--emergency"


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    if given in ([], [EMERGENCY]):
        quick = _forward_quickly(emergency=bool(given))
        if quick is not None:
            return quick
    from app.cli import main as full_main

    return full_main(given)


def _forward_quickly(emergency: bool) -> int | None:
    """The exit code if a running instance took the request; None to go the full way."""
    from app.desktop import quick_client
    from app.desktop.instance_command import InstanceCommand

    timeout = quick_client.EMERGENCY_TIMEOUT_S if emergency else quick_client.TIMEOUT_S
    command = InstanceCommand.EMERGENCY if emergency else InstanceCommand.SHOW
    try:
        state, reply = quick_client.forward(command, None, timeout)
    except KeyboardInterrupt:
        return 130
    if state == quick_client.ANSWERED:
        if reply == quick_client.OK_REPLY:
            return 0
        return _report(reply)
    if state == quick_client.NOT_ANSWERING and emergency:
        # Never leave someone in a cramp with nothing: show a relief screen of our own.
        print(
            "unknot: the running Unknot did not answer in time; showing a relief screen here",
            file=sys.stderr,
        )
        from app.cli import run_relief_without_instance

        return run_relief_without_instance()
    return None


def _report(reply: bytes) -> int:
    import json

    try:
        answer = json.loads(reply)
        error = str(answer.get("error", "")) if isinstance(answer, dict) else ""
        ok = isinstance(answer, dict) and answer.get("ok") is True
    except ValueError:
        ok, error = False, "the running Unknot sent a reply it should not"
    if not ok:
        print(f"unknot: {error or 'the running Unknot refused'}", file=sys.stderr)
    return 0 if ok else 1
