"""What spoken guidance says, and when: pure, so it is tested without a speech service.

A routine speaks at the moments that matter, not every second: a step's name and
instruction as it begins, "switch to the left leg", "rest", and "done". The 3-2-1, go and
halfway stay sound cues: spoken, they would crowd the instruction. The relief screen speaks
each step's name and instruction as it comes. The fixed phrases are in the interface
languages; the routine's own texts come in the language chosen for them.
"""

from __future__ import annotations

from typing import assert_never

from app.core.routines import Side, Text
from app.core.timeline import Cue, CueKind, SegmentKind, Timeline

# The fixed phrases, per interface language (English is the fallback).
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "switch_left": "Switch to the left leg.",
        "switch_right": "Switch to the right leg.",
        "switch": "Switch legs.",
        "rest": "Rest.",
        "done": "Done.",
        "left": "Left leg.",
        "right": "Right leg.",
    },
    "ru": {
        "switch_left": "Смените ногу: теперь левая.",
        "switch_right": "Смените ногу: теперь правая.",
        "switch": "Смените ногу.",
        "rest": "Отдых.",
        "done": "Готово.",
        "left": "Левая нога.",
        "right": "Правая нога.",
    },
}


def phrase(key: str, language: str) -> str:
    return PHRASES.get(language, PHRASES["en"]).get(key, PHRASES["en"][key])


def step_words(name: Text, instruction: Text, language: str) -> str:
    """A step as it is read out: its name, then its instruction."""
    said = name.get(language).strip()
    words = instruction.get(language).strip()
    if said and not said.endswith((".", "!", "?")):
        said += "."
    return f"{said} {words}".strip()


class Narrator:
    """Turns a session's cues into sentences, once each, in one language."""

    def __init__(self, timeline: Timeline, language: str) -> None:
        self._timeline = timeline
        self._language = language
        self._spoken_step = -1  # the last step whose name and instruction were said

    def on_cue(self, cue: Cue) -> str | None:
        """What to say for `cue`; None for cues that stay sounds."""
        segment = self._timeline.segments[cue.segment_index]
        match cue.kind:
            case CueKind.GET_READY:
                return self._step(segment.step_index, segment.side)
            case CueKind.GO:
                # A step with no time to get ready (no lead-in) is named as it starts.
                if segment.step_index != self._spoken_step:
                    return self._step(segment.step_index, segment.side)
                return None
            case CueKind.SWITCH_SIDES:
                if segment.side is Side.LEFT:
                    return phrase("switch_left", self._language)
                if segment.side is Side.RIGHT:
                    return phrase("switch_right", self._language)
                return phrase("switch", self._language)
            case CueKind.REST:
                return phrase("rest", self._language)
            case CueKind.DONE:
                return phrase("done", self._language)
            case CueKind.TICK | CueKind.HALFWAY | CueKind.LAST_STEP:
                return None
            case _ as never:
                assert_never(never)

    def _step(self, index: int, side: Side | None) -> str | None:
        if index == self._spoken_step:
            return None
        self._spoken_step = index
        step = self._timeline.routine.steps[index]
        words = step_words(step.name, step.instruction, self._language)
        if side is not None and self._sided(index):
            words = f"{phrase(side.value, self._language)} {words}"
        return words

    def _sided(self, index: int) -> bool:
        return any(
            s.side is not None and s.kind is not SegmentKind.PREPARE
            for s in self._timeline.segments
            if s.step_index == index
        )
