"""A YAML file checked node by node, every problem located: the checker every file uses.

Files are composed into YAML nodes (never constructed into Python objects by PyYAML), so
only plain YAML types are accepted, no tag can run code, every value keeps its line and
column, and an alias bomb is caught before any field is read. The routine schema
(`routine_loader`), the reminders file and the content files build on this.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from app.core.bounded_read import FileRefusedError, read_bounded
from app.core.routines import Problem, Severity, Text
from app.core.yamlio import Loader

MAX_TEXT_CHARS = 2_000
MAX_ALIAS_REPORTS = 10
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null")}


class SkipItemError(Exception):
    """Raised inside a field check once its problem is recorded, to skip the item."""


@dataclass
class YamlChecker:
    """Checks the nodes of one file, recording problems against it."""

    path: Path
    problems: list[Problem]
    kind: str = "a file"  # how a too-large file's message names it
    _seen: set[int] = field(default_factory=set)
    _constructor: SafeConstructor = field(default_factory=SafeConstructor)

    # -- reporting -------------------------------------------------------

    def problem(
        self, node: Node | None, where: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (0, 0)
        self.problems.append(Problem(self.path, line, column, where, message, severity))

    def fail(self, node: Node | None, where: str, message: str) -> SkipItemError:
        self.problem(node, where, message)
        return SkipItemError()

    def errors_so_far(self) -> int:
        return sum(1 for p in self.problems if p.file == self.path and p.severity is Severity.ERROR)

    # -- reading ---------------------------------------------------------

    def compose_document(self) -> Node | None:
        """The file's root node, or None with the problems recorded (including aliases)."""
        root = self._compose()
        if root is None or self._report_aliases(root):
            return None
        return root

    def _compose(self) -> Node | None:
        try:
            text = read_bounded(self.path, self.kind).decode("utf-8")
        except FileRefusedError as error:
            self.problem(None, "", error.reason)
            return None
        except OSError as error:
            self.problem(None, "", f"cannot be read: {error.strerror or error}")
            return None
        except UnicodeDecodeError as error:
            self.problem(None, "", f"is not UTF-8 text (byte {error.start})")
            return None
        try:
            node = yaml.compose(text, Loader=Loader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            message = error.problem or str(error)
            context = error.context_mark
            if error.context and context is not None and context is not mark:
                message += f" ({error.context}, which starts at {context.line + 1}:"
                message += f"{context.column + 1})"
            self.problems.append(Problem(self.path, line, column, "", f"invalid YAML: {message}"))
            return None
        except yaml.YAMLError as error:
            self.problem(None, "", f"invalid YAML: {error}")
            return None
        except RecursionError:
            self.problem(None, "", "invalid YAML: nested too deeply")
            return None
        if node is None:
            self.problem(None, "", "the file is empty")
        return node

    def _report_aliases(self, root: Node) -> bool:
        """Report aliases in the file (the first few); True if there were any.

        PyYAML shares one node between an anchor and all its aliases, so a node met twice
        is an alias. Not descending into it again keeps a "billion laughs" file linear.
        """
        seen: set[int] = set()
        uses: list[tuple[Node, str]] = []
        # (node, field path, where to point if it is an alias: its key, or its list)
        pending: list[tuple[Node, str, Node]] = [(root, "", root)]
        while pending:
            node, where, place = pending.pop()
            if id(node) in seen:
                uses.append((place, where))
                continue
            seen.add(id(node))
            if isinstance(node, MappingNode):
                for key, value in reversed(node.value):
                    label = join(where, str(getattr(key, "value", "?")))
                    pending.append((value, label, key))
                    pending.append((key, label, key))
            elif isinstance(node, SequenceNode):
                for index in reversed(range(len(node.value))):
                    pending.append((node.value[index], f"{where}[{index}]", node))
        for place, where in uses[:MAX_ALIAS_REPORTS]:
            self.problem(place, where, "anchors and aliases (&name, *name) are not allowed")
        if len(uses) > MAX_ALIAS_REPORTS:
            self.problem(None, "", f"and {len(uses) - MAX_ALIAS_REPORTS} more aliases")
        return bool(uses)

    def _visit(self, node: Node, where: str) -> None:
        # Aliases were refused before any field was read; this guards a refactor that forgets.
        assert id(node) not in self._seen, "aliases are refused before validation"
        self._seen.add(id(node))

    def scalar(self, node: Node, where: str) -> Any:
        self._visit(node, where)
        if not isinstance(node, ScalarNode):
            raise self.fail(node, where, f"expected a single value, got a {_kind(node)}")
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, where, f"the tag {node.tag!r} is not allowed")
        return self._constructor.construct_object(node)

    def mapping(
        self,
        node: Node,
        where: str,
        allowed: Sequence[str],
        required: Sequence[str] = (),
    ) -> dict[str, tuple[Node, Node]]:
        self._visit(node, where)
        if not isinstance(node, MappingNode) or node.tag != f"{_TAG}map":
            raise self.fail(node, where, f"expected a mapping of keys, got a {_kind(node)}")
        result: dict[str, tuple[Node, Node]] = {}
        ok = True
        for key_node, value_node in node.value:
            key = self.scalar(key_node, where)
            label = join(where, str(key))
            if not isinstance(key, str):
                self.problem(key_node, label, "keys must be words")
                ok = False
            elif key in result:
                self.problem(key_node, label, "appears twice")
                ok = False
            elif key not in allowed:
                hint = suggest(key, allowed)
                suffix = f"; did you mean {hint!r}?" if hint else ""
                self.problem(key_node, label, f"unknown key{suffix}")
                ok = False
            else:
                result[key] = (key_node, value_node)
        for key in required:
            if key not in result:
                self.problem(node, join(where, key), "is required")
                ok = False
        if not ok:
            raise SkipItemError()
        return result

    def sequence(self, node: Node, where: str, low: int = 0, high: int = 1000) -> list[Node]:
        self._visit(node, where)
        if not isinstance(node, SequenceNode) or node.tag != f"{_TAG}seq":
            raise self.fail(node, where, f"expected a list, got a {_kind(node)}")
        if not low <= len(node.value) <= high:
            raise self.fail(node, where, f"expected {low} to {high} items, got {len(node.value)}")
        return list(node.value)

    def string(self, node: Node, where: str, pattern: re.Pattern[str] | None = None) -> str:
        value = self.scalar(node, where)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(node, where, f"expected text, got {value!r}")
        if pattern is not None and not pattern.match(value):
            raise self.fail(node, where, f"{value!r} must match {pattern.pattern}")
        return value

    def text(self, node: Node, where: str) -> Text:
        """A plain string, or a mapping of language code to string."""
        if isinstance(node, MappingNode):
            self._visit(node, where)
            translations: dict[str, str] = {}
            for key_node, value_node in node.value:
                code = self.string(key_node, where, LANGUAGE_PATTERN)
                translations[code] = self._one_text(value_node, join(where, code))
            if not translations:
                raise self.fail(node, where, "expected at least one language")
            return Text.of(translations)
        return Text.plain(self._one_text(node, where))

    def _one_text(self, node: Node, where: str) -> str:
        value = self.string(node, where).strip()
        if len(value) > MAX_TEXT_CHARS:
            raise self.fail(node, where, f"longer than {MAX_TEXT_CHARS} characters")
        return value

    def texts(self, node: Node, where: str) -> tuple[Text, ...]:
        return tuple(
            self.text(item, f"{where}[{i}]") for i, item in enumerate(self.sequence(node, where))
        )

    def boolean(self, node: Node, where: str) -> bool:
        value = self.scalar(node, where)
        if not isinstance(value, bool):
            raise self.fail(node, where, f"expected true or false, got {value!r}")
        return value

    def choice(self, node: Node, where: str, options: type[Any]) -> Any:
        value = self.scalar(node, where)
        try:
            return options(value)
        except ValueError:
            names = ", ".join(o.value for o in options)
            raise self.fail(node, where, f"{value!r} is not one of: {names}") from None


def suggest(word: str, options: Sequence[str]) -> str | None:
    """The option the user most likely meant; swapped letters ("rpes") count as closest."""
    swapped = [option for option in options if sorted(option) == sorted(word)]
    if swapped:
        return swapped[0]
    close = difflib.get_close_matches(word, options, n=1)
    return close[0] if close else None


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "mapping"
    if isinstance(node, SequenceNode):
        return "list"
    return f"value ({node.value!r})" if isinstance(node, ScalarNode) else "node"


def join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
