"""The layering contract: which parts of `app` may import which, checked on the source.

`app.core` is the pure centre; `desktop` and `audio` serve the interface but never reach
into it; the interface never reaches back into the command line. Every import counts,
also one inside a function or under TYPE_CHECKING: each is a dependency all the same.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"

# (the importing package, what it may not import)
FORBIDDEN = [
    ("app.core", ("app.ui", "app.desktop", "app.audio", "app.cli")),
    ("app.desktop", ("app.ui",)),
    ("app.audio", ("app.ui",)),
    ("app.ui", ("app.cli",)),
]

# Cycles between interface modules that are known and not yet broken; a new one fails.
# The diary page and its exports know each other's type; the window, the start-up and the
# reminders meet at `use_activation_token`, which the reminders take from the start-up.
KNOWN_UI_CYCLES: list[frozenset[str]] = [
    frozenset({"app.ui.application", "app.ui.main_window", "app.ui.reminder_service"}),
    frozenset({"app.ui.diary_exports", "app.ui.diary_view"}),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> Iterator[tuple[int, str]]:
    """Every module `path` imports, absolute, with the line it does so on."""
    package = (
        module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    )
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:  # `from app import cli` imports app.cli
                yield node.lineno, f"{module}.{alias.name}"


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(APP.rglob("*.py"))}


def is_in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_source_is_found() -> None:
    found = modules()
    assert "app.core.reminder_plan" in found and "app.ui.main_window" in found


@pytest.mark.parametrize(("importer", "forbidden"), FORBIDDEN)
def test_no_import_against_the_layers(importer: str, forbidden: tuple[str, ...]) -> None:
    broken = [
        f"{path.relative_to(APP.parent)}:{line} imports {target}"
        for name, path in modules().items()
        if is_in(name, importer)
        for line, target in imported(path)
        if any(is_in(target, package) for package in forbidden)
    ]
    assert broken == []


def ui_graph() -> dict[str, set[str]]:
    found = modules()
    graph: dict[str, set[str]] = {}
    for name, path in found.items():
        if is_in(name, "app.ui"):
            graph[name] = {
                target
                for _, target in imported(path)
                if is_in(target, "app.ui") and target in found
            } - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_new_cycle_between_interface_modules() -> None:
    found = cycles(ui_graph())
    assert sorted(sorted(group) for group in found) == sorted(
        sorted(group) for group in KNOWN_UI_CYCLES
    )


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]
