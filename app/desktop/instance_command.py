"""What a later launch asks of the running instance: the request's "command".

A module of its own so the quick client can use it: `enum` is already loaded by `socket`,
so this costs the fastest path nothing.
"""

from __future__ import annotations

import enum


class InstanceCommand(enum.StrEnum):
    SHOW = "show"  # raise the window
    ROUTINE = "routine"  # raise it and start the routine named by "id"
    EMERGENCY = "emergency"  # the relief screen, answered once it is painted
