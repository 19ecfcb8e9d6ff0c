"""The disclaimer shown on first run and in Help; the one place its wording lives."""

from __future__ import annotations

DISCLAIMER = (
    "This app offers general self-care information about common muscle cramps. It is not a "
    "medical device and does not diagnose or treat any condition. Stop any exercise that hurts "
    "or makes you dizzy or breathless. If you are pregnant, recovering from injury or surgery, "
    "or have heart, circulation, nerve or balance problems, ask a health professional before "
    "starting. Never change a medicine because of this app. If a leg is swollen, red or hot, or "
    "you have chest pain or breathlessness, get urgent medical help."
)
