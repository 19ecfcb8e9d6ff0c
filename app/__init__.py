"""Unknot: a calm companion for people with calf cramps."""

import sys

# Some systems set PYTHONDONTWRITEBYTECODE; uv compiles the installed libraries, but not this
# source tree, so without this every start would compile Unknot's own modules again.
sys.dont_write_bytecode = False

__version__ = "0.1.0"
APP_NAME = "Unknot"
APP_ID = "unknot"  # the command, and the name of our folders and autostart entry
# The desktop's name for Unknot: the launcher's file name, its icon, the Wayland app id and
# the AppStream id. Reverse DNS under the project's own GitHub name, as AppStream asks.
DESKTOP_ID = "io.github.unknot.Unknot"
DEBUG_ENV = "UNKNOT_DEBUG"  # "1": the log gets details too (as --debug)
