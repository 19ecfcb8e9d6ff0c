"""Unknot: a calm companion for people with calf cramps."""

import sys

# Some systems set PYTHONDONTWRITEBYTECODE; uv compiles the installed libraries, but not this
# source tree, so without this every start would compile Unknot's own modules again.
sys.dont_write_bytecode = False

__version__ = "0.1.0"
APP_NAME = "Unknot"
APP_ID = "unknot"
