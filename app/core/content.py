"""Warning signs and tips: text the app shows, read from assets/content and checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from yaml.nodes import Node

from app.core.emergency_numbers import Region, fill, placeholders
from app.core.routines import Evidence, Problem, Text
from app.core.yaml_checker import SkipItemError, YamlChecker

CONTENT_VERSION = 1
TIER_KEYS = ("id", "title", "signs")


@dataclass(frozen=True)
class WarningSign:
    text: Text
    source: str


@dataclass(frozen=True)
class WarningTier:
    id: str  # emergency, urgent or doctor: most urgent first
    title: Text
    signs: tuple[WarningSign, ...]


def _filled(text: Text, region: Region) -> Text:
    # Each language gets its own words around the numbers ("in Russia 103", "в России — 103").
    return Text(
        tuple((language, fill(words, region, language)) for language, words in text.translations)
    )


def local_tiers(tiers: list[WarningTier], region: Region) -> list[WarningTier]:
    """The warning signs with `{emergency}` and `{urgent}` filled for `region`: what every
    screen that shows them shows."""
    return [
        WarningTier(
            tier.id,
            _filled(tier.title, region),
            tuple(WarningSign(_filled(sign.text, region), sign.source) for sign in tier.signs),
        )
        for tier in tiers
    ]


def unknown_placeholders(text: Text) -> list[str]:
    """Words in braces that no region fills (a typo would otherwise reach the screen)."""
    import re
    import string

    known = set(placeholders(Region("", "", "")))
    found = []
    for _, words in text.translations:
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(words) if name]
        except ValueError:  # an unpaired brace
            names = re.findall(r"[{}]", words)[:1]
        found += [name for name in names if name not in known]
    return found


@dataclass(frozen=True)
class Tip:
    text: Text
    evidence: Evidence


@dataclass
class Content:
    warning_tiers: list[WarningTier] = field(default_factory=list)
    tips: list[Tip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def tip_for(self, day: date) -> Tip | None:
        """One tip a day, in turn."""
        return self.tips[day.toordinal() % len(self.tips)] if self.tips else None


def load_content(folder: Path, assets_dir: Path) -> Content:
    content = Content()
    _load_warning_signs(folder / "warning-signs.yaml", assets_dir, content)
    _load_tips(folder / "tips.yaml", assets_dir, content)
    return content


def _open(
    path: Path, assets_dir: Path, key: str, content: Content
) -> tuple[YamlChecker, list[Node]]:
    checker = YamlChecker(path, content.problems, kind="a content file")
    root = checker.compose_document()
    if root is None:
        return checker, []
    try:
        top = checker.mapping(root, "", ("schema_version", key), required=("schema_version", key))
        version = checker.scalar(top["schema_version"][1], "schema_version")
        if version != CONTENT_VERSION:
            raise checker.fail(top["schema_version"][1], "schema_version", f"is {version!r}")
        return checker, checker.sequence(top[key][1], key, low=1)
    except SkipItemError:
        return checker, []


def _load_warning_signs(path: Path, assets_dir: Path, content: Content) -> None:
    checker, items = _open(path, assets_dir, "tiers", content)
    for index, node in enumerate(items):
        where = f"tiers[{index}]"
        try:
            fields = checker.mapping(
                node, where, ("id", "title", "signs"), ("id", "title", "signs")
            )
            signs = []
            for number, sign in enumerate(checker.sequence(fields["signs"][1], f"{where}.signs")):
                label = f"{where}.signs[{number}]"
                parts = checker.mapping(sign, label, ("text", "source"), ("text",))
                text = _checked_text(checker, parts["text"][1], f"{label}.text")
                source = ""
                if "source" in parts:
                    source = checker.string(parts["source"][1], f"{label}.source")
                signs.append(WarningSign(text, source))
            content.warning_tiers.append(
                WarningTier(
                    checker.string(fields["id"][1], f"{where}.id"),
                    _checked_text(checker, fields["title"][1], f"{where}.title"),
                    tuple(signs),
                )
            )
        except SkipItemError:
            continue


def _checked_text(checker: YamlChecker, node: Node, where: str) -> Text:
    text = checker.text(node, where)
    unknown = unknown_placeholders(text)
    if unknown:
        names = ", ".join(sorted(set(unknown)))
        raise checker.fail(
            node, where, f"{names}: not a placeholder (use {{emergency}}, {{urgent}})"
        )
    return text


def _load_tips(path: Path, assets_dir: Path, content: Content) -> None:
    checker, items = _open(path, assets_dir, "tips", content)
    for index, node in enumerate(items):
        where = f"tips[{index}]"
        try:
            fields = checker.mapping(node, where, ("text", "evidence"), ("text", "evidence"))
            content.tips.append(
                Tip(
                    checker.text(fields["text"][1], f"{where}.text"),
                    checker.choice(fields["evidence"][1], f"{where}.evidence", Evidence),
                )
            )
        except SkipItemError:
            continue
