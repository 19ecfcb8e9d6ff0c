"""The pure-Python core of Unknot: no Qt, no pygame, testable without a display."""
