"""The Russian content: every text translated, the same placeholders and numbers as the
English, none of the ideas the content brief excludes, and the same sessions."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from app.core.content import Content, load_content
from app.core.disclaimer import SENTENCES
from app.core.library import load_all
from app.core.relief import built_in_plan
from app.core.routines import Dose, Library, Routine, Text
from app.core.storage import AppPaths
from app.core.timeline import build_timeline

# The keys whose values the user reads (docs/routine-format.md § Text, and the content
# files' `title` and `text`); `cautions` is a list of them.
TEXT_KEYS = frozenset({"name", "instruction", "title", "summary", "ask", "text"})
LANGUAGES = ("en", "ru")


def content_files(project_root: Path) -> list[Path]:
    files = sorted((project_root / "routines").glob("*.yaml"))
    files += sorted((project_root / "assets" / "content").glob("*.yaml"))
    assert len(files) == 8
    return files


def untranslated(path: Path, source: str) -> list[str]:
    """ "file:line: field: ..." for every text in a YAML file that lacks a language."""
    found: list[str] = []

    def check(node: Node, where: str) -> None:
        line = f"{path.name}:{node.start_mark.line + 1}: {where}"
        if not isinstance(node, MappingNode):
            found.append(f"{line}: no Russian (a plain string is English only)")
            return
        languages = {key.value for key, _ in node.value}
        found.extend(f"{line}: no {code!r}" for code in LANGUAGES if code not in languages)

    def walk(node: Node, where: str) -> None:
        if isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                label = index
                if isinstance(item, MappingNode):
                    ids = [v.value for k, v in item.value if k.value == "id"]
                    label = ids[0] if ids else index
                walk(item, f"{where}[{label}]")
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                field = f"{where}.{key.value}" if where else key.value
                if key.value in TEXT_KEYS:
                    check(value, field)
                elif key.value == "cautions" and isinstance(value, SequenceNode):
                    for index, item in enumerate(value.value):
                        check(item, f"{field}[{index}]")
                else:
                    walk(value, field)

    root = yaml.compose(source, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, "")
    return found


def test_every_content_text_has_a_russian_version(project_root: Path) -> None:
    missing = []
    for path in content_files(project_root):
        missing += untranslated(path, path.read_text(encoding="utf-8"))
    assert missing == []


def test_a_text_without_russian_is_named_by_file_line_and_field() -> None:
    source = (
        "schema_version: 1\n"
        "exercises:\n"
        "  - id: ep_01\n"
        "    name: Ankle pumps\n"
        "    instruction:\n"
        "      en: Point and pull back.\n"
        "    cautions:\n"
        "      - {en: Slowly., ru: Медленно.}\n"
        "      - Gently.\n"
    )
    assert untranslated(Path("routines/mine.yaml"), source) == [
        "mine.yaml:4: exercises[ep_01].name: no Russian (a plain string is English only)",
        "mine.yaml:6: exercises[ep_01].instruction: no 'ru'",
        "mine.yaml:9: exercises[ep_01].cautions[1]: no Russian (a plain string is English only)",
    ]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    loaded = load_all(AppPaths.resolve(tmp_path_factory.mktemp("home")))
    assert [str(p) for p in loaded.problems] == []
    return loaded


@pytest.fixture(scope="module")
def content() -> Content:
    root = Path(__file__).resolve().parents[2]
    loaded = load_content(root / "assets" / "content", root / "assets")
    assert [str(p) for p in loaded.problems] == []
    return loaded


def every_text(library: Library, content: Content) -> list[tuple[str, Text]]:
    """(where, text) for every text the user can read, as loaded."""
    texts: list[tuple[str, Text]] = []
    for exercise in library.exercises.values():
        texts += [(f"{exercise.id}.name", exercise.name)]
        texts += [(f"{exercise.id}.instruction", exercise.instruction)]
        texts += [(f"{exercise.id}.cautions", c) for c in exercise.cautions]
    for routine in library.routines.values():
        texts += [
            (f"{routine.id}.title", routine.title),
            (f"{routine.id}.summary", routine.summary),
        ]
        texts += [(f"{routine.id}.cautions", c) for c in routine.cautions]
        texts += [(f"{routine.id}.variants", v.title) for v in routine.variants]
        for index, step in enumerate(routine.steps):
            texts += [(f"{routine.id}.steps[{index}].name", step.name)]
            texts += [(f"{routine.id}.steps[{index}].instruction", step.instruction)]
            if step.ask is not None:
                texts.append((f"{routine.id}.steps[{index}].ask", step.ask))
    texts += [(f"tips[{i}]", tip.text) for i, tip in enumerate(content.tips)]
    for tier in content.warning_tiers:
        texts.append((f"{tier.id}.title", tier.title))
        texts += [(f"{tier.id}.signs[{i}]", sign.text) for i, sign in enumerate(tier.signs)]
    texts += [(f"disclaimer.{key}", text) for key, text in SENTENCES.items()]
    return texts


def test_every_loaded_text_reads_in_both_languages(library: Library, content: Content) -> None:
    texts = every_text(library, content)
    assert len(texts) > 150
    assert [
        where
        for where, text in texts
        if {language for language, words in text.translations if words.strip()} != {"en", "ru"}
    ] == []


def placeholders_in(words: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", words))


def test_the_placeholders_are_the_same_in_both_languages(
    library: Library, content: Content
) -> None:
    texts = every_text(library, content)
    assert [
        (where, placeholders_in(text.get("en")), placeholders_in(text.get("ru")))
        for where, text in texts
        if placeholders_in(text.get("en")) != placeholders_in(text.get("ru"))
    ] == []
    # The two placeholders are there to compare: one in each of the first two titles.
    titles = [tier.title.get("ru") for tier in content.warning_tiers]
    assert [placeholders_in(title) for title in titles] == [["{emergency}"], ["{urgent}"], []]


# Ideas the content brief excludes, as Russian stems matched at the start of a word (any
# case, any ending): quinine, magnesium and other supplements, painkillers and tablets,
# needles, pins and injections, the lower lip, "prevents" and "cures", "with all your
# strength", contrast baths and ointments, and seizure content.
FORBIDDEN_RU = [
    "хинин",
    "магни",
    "кальци",
    "кали[йя]",
    "витамин",
    "добавк",
    "обезболивающ",
    "таблетк",
    "ибупрофен",
    "парацетамол",
    "игл",
    "булавк",
    "укол",
    "инъекц",
    "губ",
    "предотвращ",
    "профилакт",
    "излечива",
    "вылечива",
    "лечит",
    r"всей\s+сил",
    r"изо\s+всех\s+сил",
    r"со\s+всей\s+силы",
    "контрастн",
    r"маз(ь|и|ью)\b",
    "припад",
    "эпилеп",
    "смертельн",
]
FORBIDDEN_PATTERN = re.compile(r"\b(" + "|".join(FORBIDDEN_RU) + r")", re.IGNORECASE)
# Where a word is right: tip 11 tells people to ask before taking any tablet or supplement
# (naming none); the emergency tier names a fit to send the person to emergency care, and
# says it is not a cramp; the disclaimer says the app does not treat.
ALLOWED_RU = {
    ("tips[10]", "таблетк"),
    ("tips[10]", "добавк"),
    ("emergency.signs[1]", "припад"),
    ("disclaimer.not_a_device", "лечит"),
}


def forbidden_in(where: str, words: str) -> list[str]:
    hits = []
    for match in FORBIDDEN_PATTERN.finditer(words):
        stem = next(s for s in FORBIDDEN_RU if re.match(s, match.group(0), re.IGNORECASE))
        if (where, stem) not in ALLOWED_RU:
            hits.append(f"{where}: {match.group(0)!r} in {words!r}")
    return hits


def test_the_russian_names_no_excluded_idea(library: Library, content: Content) -> None:
    hits = []
    for where, text in every_text(library, content):
        hits += forbidden_in(where, text.get("ru"))
    assert hits == []


def test_the_allowed_words_are_where_they_are_allowed(content: Content) -> None:
    # So the allowances cannot outlive their reason unnoticed.
    assert content.tips[10].text.get("ru") == (
        "Прежде чем принимать какие-либо таблетки или добавки от судорог, посоветуйтесь"
        " с врачом или фармацевтом."
    )
    assert content.warning_tiers[0].signs[1].text.get("ru") == (
        "Человек потерял сознание и не приходит в себя быстро или у него подёргивается всё"
        " тело (припадок). Это не судорога в ноге."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Растяжка предотвращает судороги.",
        "Она излечивает судороги навсегда.",
        "Примите магний на ночь.",
        "Хинин помогает.",
        "Выпейте обезболивающее.",
        "Примите таблетку.",
        "Уколите икру иглой.",
        "Кольните булавкой.",
        "Надавите на нижнюю губу.",
        "Тяните носок всей силой.",
        "Тяните изо всех сил.",
        "Контрастный душ.",
        "Нанесите мазь.",
        "Растяжка лечит судороги.",
    ],
)
def test_the_checker_would_catch_an_excluded_idea(sentence: str) -> None:
    assert forbidden_in("routine.summary", sentence) != []


def test_the_checker_leaves_ordinary_words_alone() -> None:
    # Stems match at the start of a word only: "пригласить" holds "игл", "глубоко" is not
    # "губ", and "лечь" is not "лечит".
    for words in ("Пригласите близких.", "Дышите глубоко.", "Лечь на спину.", "Мягко."):
        assert forbidden_in("routine.summary", words) == [], words


# Numbers a text quotes (doses, minutes, "one leg") must be the same in both languages.
ENGLISH_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
ENGLISH_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twice": 2}
RUSSIAN_NUMBERS = {
    form: number
    for number, forms in {
        1: "один одна одно одну одной одном одного одному одним",
        2: "два две двух",
        3: "три трёх трех",
        4: "четыре четырёх",
        5: "пять пяти",
        6: "шесть шести",
        7: "семь семи",
        8: "восемь восьми",
        9: "девять девяти",
        10: "десять десяти",
    }.items()
    for form in forms.split()
}


def numbers_in(words: str, names: dict[str, int]) -> Counter[float]:
    found = Counter(float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", words))
    found.update(float(names[w]) for w in re.findall(r"\w+", words.lower()) if w in names)
    return found


def test_every_russian_text_quotes_the_english_numbers(library: Library, content: Content) -> None:
    texts = every_text(library, content)
    assert sum(bool(numbers_in(text.get("en"), ENGLISH_NUMBERS)) for _, text in texts) >= 15
    assert [
        (where, text.get("en"), text.get("ru"))
        for where, text in texts
        if numbers_in(text.get("en"), ENGLISH_NUMBERS)
        != numbers_in(text.get("ru"), RUSSIAN_NUMBERS)
    ] == []


def test_the_number_check_would_catch_a_changed_dose() -> None:
    english = "Lift one foot a little; circle the ankle 8 times each way."
    assert numbers_in(english, ENGLISH_NUMBERS) == numbers_in(
        "Слегка приподнимите одну стопу и сделайте ею по 8 кругов в каждую сторону.",
        RUSSIAN_NUMBERS,
    )
    assert numbers_in(english, ENGLISH_NUMBERS) != numbers_in(
        "Слегка приподнимите одну стопу и сделайте ею 10 кругов в каждую сторону.",
        RUSSIAN_NUMBERS,
    )
    assert numbers_in("10 seconds, three times", ENGLISH_NUMBERS) != numbers_in(
        "10 секунд, два раза", RUSSIAN_NUMBERS
    )


def session(routine: Routine, variant: str | None, language: str) -> list[tuple[object, ...]]:
    """What one session plays, as a user reading `language` sees it: each step's name, its
    exercise, sides and dose, and the whole session's length."""
    played = routine.select(variant)
    steps: list[tuple[object, ...]] = [
        (step.name.get(language), step.exercise.id, str(step.sides), dose_of(step.dose))
        for step in played.steps
    ]
    return [*steps, ("total ms", build_timeline(played).total_ms, played.loop)]


def dose_of(dose: Dose) -> tuple[object, ...]:
    return (dose.sets, dose.reps, dose.hold, dose.pace, dose.duration, dose.rest)


def without_names(steps: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return [step[1:] for step in steps]


# The brief's doses (sections 1, 2, 4 and 5) with the Russian names the sessions show:
# (name, exercise, sides, (sets, reps, hold, pace, duration, rest)).
RUSSIAN_SESSIONS = {
    ("before-sleep", None): [
        ("Сгибание и разгибание стоп в кровати", "bs_01", "none", (1, 10, None, 2, None, 0)),
        ("Растяжка икры с полотенцем", "bs_02", "both", (1, 2, 15, None, None, 5)),
        (
            "Растяжка задней поверхности бедра на краю кровати",
            "bs_03",
            "both",
            (1, 1, 15, None, None, 5),
        ),
        ("Ко сну", "bs_04", "none", (1, 1, 10, None, None, 0)),
    ],
    ("evening-stretch", None): [
        ("Сгибание и разгибание стоп", "ep_01", "none", (1, 20, None, 2, None, 0)),
        ("Растяжка икры у стены", "ep_02", "both", (1, 3, 10, None, None, 10)),
        (
            "Растяжка с согнутым коленом (камбаловидная мышца)",
            "ep_03",
            "both",
            (1, 3, 10, None, None, 10),
        ),
        ("Растяжка с полотенцем сидя", "ep_04", "both", (1, 3, 10, None, None, 10)),
        (
            "Растяжка задней поверхности бедра с опорой",
            "ep_05",
            "both",
            (1, 3, 10, None, None, 10),
        ),
        ("Спокойное дыхание", "ep_06", "none", (1, 1, 30, None, None, 0)),
    ],
    ("gentle", None): [
        ("Сгибание и разгибание стоп сидя", "gn_01", "none", (1, 30, None, 1.5, None, 10)),
        ("Круговые движения стопой", "gn_02", "both", (1, 16, None, 1.5, None, 5)),
        (
            "Растяжка икры с полотенцем, нога на табурете",
            "gn_03",
            "both",
            (1, 3, 10, None, None, 10),
        ),
        ("Растяжка икры у стула", "gn_04", "both", (1, 3, 10, None, None, 10)),
        ("Растяжка задней поверхности бедра сидя", "gn_05", "both", (1, 3, 10, None, None, 10)),
        ("Подъёмы пяток сидя", "gn_06", "none", (2, 15, None, 2.5, None, 20)),
        ("Подъёмы носков сидя", "gn_07", "none", (1, 15, None, 1.5, None, 0)),
    ],
    ("emergency", "bed"): [
        ("Дышите", "er_breathe", "none", (1, 1, None, None, 10, 0)),
        ("Носок на себя", "er_toes_up", "none", (1, 1, None, None, 30, 0)),
        ("Полотенце или простыня", "er_towel", "none", (1, 1, None, None, 30, 0)),
        ("Растирание", "er_rub", "none", (1, 1, None, None, 40, 0)),
        ("Тепло или холод", "er_soothe", "none", (1, 1, None, None, 60, 0)),
        ("После", "er_after", "none", (1, 1, None, None, 10, 0)),
    ],
    ("emergency", "standing"): [
        ("Дышите", "er_breathe", "none", (1, 1, None, None, 10, 0)),
        ("Носок на себя", "er_toes_up", "none", (1, 1, None, None, 30, 0)),
        ("Растирание", "er_rub", "none", (1, 1, None, None, 40, 0)),
        ("Встаньте на ногу", "er_stand", "none", (1, 1, None, None, 30, 0)),
        ("Расходите ногу", "er_walk", "none", (1, 1, None, None, 60, 0)),
        ("Тепло или холод", "er_soothe", "none", (1, 1, None, None, 60, 0)),
        ("После", "er_after", "none", (1, 1, None, None, 10, 0)),
    ],
    ("emergency", "gentle"): [
        ("Дышите", "er_breathe", "none", (1, 1, None, None, 10, 0)),
        ("Носок на себя", "er_toes_up", "none", (1, 1, None, None, 30, 0)),
        ("Растирание", "er_rub", "none", (1, 1, None, None, 40, 0)),
        ("Сядьте", "er_sit", "none", (1, 1, None, None, 15, 0)),
        ("Тепло или холод", "er_soothe", "none", (1, 1, None, None, 60, 0)),
        ("После", "er_after", "none", (1, 1, None, None, 10, 0)),
    ],
}


@pytest.mark.parametrize(("routine_id", "variant"), list(RUSSIAN_SESSIONS))
def test_the_russian_sessions_play_the_brief_s_steps_and_doses(
    library: Library, routine_id: str, variant: str | None
) -> None:
    routine = library.routines[routine_id]
    russian = session(routine, variant, "ru")
    english = session(routine, variant, "en")
    assert russian[:-1] == RUSSIAN_SESSIONS[(routine_id, variant)]
    # Only the text differs: the same exercises, sides, doses, length and loop.
    assert without_names(russian) == without_names(english)
    assert [name for name, *_ in russian[:-1]] != [name for name, *_ in english[:-1]]


def test_the_russian_relief_steps_read_as_written(library: Library) -> None:
    relief = library.routines["emergency"]
    assert [v.title.get("ru") for v in relief.variants] == [
        "В кровати",
        "Стоя",
        "Стоя, держась за опору",
    ]
    assert [c.get("ru") for c in relief.cautions] == [
        "Если одна икра отекла, стала тёплой, красной или темнее другой, не растирайте"
        " и не растягивайте её: сегодня же покажите её врачу."
    ]
    gentle = relief.select("gentle")
    assert gentle.steps[1].instruction.get("ru") == (
        "Держитесь за опору. Выпрямите сведённую ногу. Медленно потяните носок на себя,"
        " к колену. Плавно, без рывков."
    )
    assert [c.get("ru") for c in library.exercises["er_stand"].cautions] == [
        "Можно упасть. Пропустите этот шаг, если чувствуете неустойчивость, и всегда"
        " держитесь за что-то устойчивое."
    ]
    assert [c.get("ru") for c in library.exercises["er_soothe"].cautions] == [
        "При диабете, онемении стоп или плохом кровообращении можно не почувствовать ожог:"
        " грелка должна быть тёплой, а не горячей, холодное оборачивайте тканью и проверяйте"
        " кожу."
    ]


def test_russian_says_may_help_where_the_english_does(library: Library, content: Content) -> None:
    # The brief: stretching "may help", never "prevents" or "cures".
    for where, text in every_text(library, content):
        if "may help" in text.get("en"):
            assert re.search(r"мо(жет|гут) помочь", text.get("ru")), where
    assert "может помочь" in library.routines["evening-stretch"].summary.get("ru")
    assert "может помочь" in library.routines["before-sleep"].summary.get("ru")
    assert "(около трёх минут)" in library.routines["before-sleep"].summary.get("ru")


@pytest.mark.parametrize(
    ("position", "gentle", "variant"),
    [("bed", False, "bed"), ("standing", False, "standing"), ("standing", True, "gentle")],
)
def test_the_built_in_relief_plan_speaks_the_routine_s_russian(
    library: Library, position: str, gentle: bool, variant: str
) -> None:
    # The plan the relief screen falls back on when emergency.yaml cannot be read: the
    # same words as the routine in both languages, wherever its English is the same.
    routine = library.routines["emergency"].select(variant)
    by_id = {step.exercise.id: step for step in routine.steps}
    plan = built_in_plan(position, gentle)
    compared = 0
    for step in (*plan.steps, *plan.aftercare):
        assert {language for language, _ in step.instruction.translations} == {"en", "ru"}
        same = by_id[step.id]
        for mine, theirs in ((step.name, same.name), (step.instruction, same.instruction)):
            assert (mine.get("en") == theirs.get("en")) == (mine.get("ru") == theirs.get("ru"))
            compared += mine.get("en") == theirs.get("en")
    assert compared >= 7
    assert plan.loop_cautions == routine.cautions
