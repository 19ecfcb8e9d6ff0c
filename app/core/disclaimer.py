"""The disclaimer shown on first run and in Help; the one place its wording lives.

Each sentence is kept on its own, under a key, with every language beside it: a screen may
show the sentences as one paragraph (`disclaimer`) or group them as points (`sentences`),
and a translation is checked sentence by sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.routines import Text

SENTENCES: dict[str, Text] = {
    "scope": Text.of(
        {
            "en": "This app offers general self-care information about common muscle cramps.",
            "ru": "Это приложение даёт общие сведения о том, как помочь себе при обычных "
            "мышечных судорогах.",
        }
    ),
    "not_a_device": Text.of(
        {
            "en": "It is not a medical device and does not diagnose or treat any condition.",
            "ru": "Оно не является медицинским изделием, не ставит диагнозов и не лечит "
            "никаких заболеваний.",
        }
    ),
    "stop_exercise": Text.of(
        {
            "en": "Stop any exercise that hurts or makes you dizzy or breathless.",
            "ru": "Прекратите любое упражнение, если оно вызывает боль, головокружение или одышку.",
        }
    ),
    "ask_first": Text.of(
        {
            "en": "If you are pregnant, recovering from injury or surgery, or have heart, "
            "circulation, nerve or balance problems, ask a health professional before "
            "starting.",
            "ru": "Если вы беременны, восстанавливаетесь после травмы или операции или у вас "
            "есть проблемы с сердцем, кровообращением, нервами или равновесием, прежде чем "
            "начинать, посоветуйтесь с врачом или другим медицинским работником.",
        }
    ),
    "medicines": Text.of(
        {
            "en": "Never change a medicine because of this app.",
            "ru": "Никогда не меняйте приём лекарств из-за этого приложения.",
        }
    ),
    "urgent_help": Text.of(
        {
            "en": "If a leg is swollen, red or hot, or you have chest pain or breathlessness, "
            "get urgent medical help.",
            "ru": "Если нога отекла, покраснела или стала горячей либо появились боль в груди "
            "или одышка, срочно обратитесь за медицинской помощью.",
        }
    ),
}


# The first-run dialog shows the sentences as three short points: what the app is, how to
# use it safely, and (in bold) when to get help at once. The words are the sentences above.
POINTS: tuple[tuple[str, ...], ...] = (
    ("scope", "not_a_device"),
    ("stop_exercise", "ask_first", "medicines"),
    ("urgent_help",),
)
URGENT_POINT = 2  # the index in POINTS of the one shown in bold


def points(language: str = "en") -> list[str]:
    """The disclaimer as its three points, each its sentences joined, in `language`."""
    return [" ".join(sentences(language, keys)) for keys in POINTS]


def sentences(language: str = "en", keys: Sequence[str] = tuple(SENTENCES)) -> list[str]:
    """The sentences named by `keys` (all, in order, by default) in `language`."""
    return [SENTENCES[key].get(language) for key in keys]


def disclaimer(language: str = "en") -> str:
    """The whole disclaimer as one paragraph in `language` (English when it has none)."""
    return " ".join(sentences(language))


DISCLAIMER = disclaimer("en")
