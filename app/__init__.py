"""Unknot: a calm companion for people with calf cramps."""

__version__ = "0.1.0"
APP_NAME = "Unknot"
APP_ID = "unknot"
