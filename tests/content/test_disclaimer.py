"""The disclaimer: the brief's wording, kept sentence by sentence, in English and Russian."""

from __future__ import annotations

from app.core.disclaimer import DISCLAIMER, SENTENCES, disclaimer, sentences


def test_the_english_is_the_content_brief_s_word_for_word() -> None:
    assert DISCLAIMER == (
        "This app offers general self-care information about common muscle cramps. It is not a "
        "medical device and does not diagnose or treat any condition. Stop any exercise that "
        "hurts or makes you dizzy or breathless. If you are pregnant, recovering from injury or "
        "surgery, or have heart, circulation, nerve or balance problems, ask a health "
        "professional before starting. Never change a medicine because of this app. If a leg "
        "is swollen, red or hot, or you have chest pain or breathlessness, get urgent medical "
        "help."
    )
    assert disclaimer() == DISCLAIMER


def test_the_russian_says_the_same_six_things() -> None:
    assert sentences("ru") == [
        "Это приложение даёт общие сведения о том, как помочь себе при обычных мышечных судорогах.",
        "Оно не является медицинским изделием, не ставит диагнозов и не лечит никаких заболеваний.",
        "Прекратите любое упражнение, если оно вызывает боль, головокружение или одышку.",
        "Если вы беременны, восстанавливаетесь после травмы или операции или у вас есть "
        "проблемы с сердцем, кровообращением, нервами или равновесием, прежде чем начинать, "
        "посоветуйтесь с врачом или другим медицинским работником.",
        "Никогда не меняйте приём лекарств из-за этого приложения.",
        "Если нога отекла, покраснела или стала горячей либо появились боль в груди или "
        "одышка, срочно обратитесь за медицинской помощью.",
    ]
    assert disclaimer("ru") == " ".join(sentences("ru"))
    assert disclaimer("ru_RU") == disclaimer("ru")


def test_every_sentence_has_both_languages_and_a_key_to_group_it_by() -> None:
    assert list(SENTENCES) == [
        "scope",
        "not_a_device",
        "stop_exercise",
        "ask_first",
        "medicines",
        "urgent_help",
    ]
    for key, text in SENTENCES.items():
        assert [language for language, _ in text.translations] == ["en", "ru"], key
    assert sentences("en", ["medicines", "urgent_help"]) == [
        "Never change a medicine because of this app.",
        "If a leg is swollen, red or hot, or you have chest pain or breathlessness, get urgent"
        " medical help.",
    ]


def test_a_language_without_a_translation_gets_the_english() -> None:
    assert disclaimer("de") == DISCLAIMER
