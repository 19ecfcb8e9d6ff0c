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
KNOWN_UI_CYCLES: list[frozenset[str]] = []

# The interface by feature: each folder is what a user sees. A feature may use the shell
# (the window's frame and shared widgets) but never another feature; only the shell, which
# hosts them all, imports features.
UI_FEATURES = ("app.ui.routines", "app.ui.relief", "app.ui.diary", "app.ui.reminders")


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
    assert "app.core.reminder_plan" in found and "app.ui.shell.main_window" in found


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


def test_the_interface_is_a_folder_per_feature() -> None:
    loose = sorted(p.name for p in (APP / "ui").glob("*.py") if p.name != "__init__.py")
    assert loose == []  # every interface module lives in its feature's folder or the shell


def test_features_meet_only_through_the_shell() -> None:
    found = modules()
    crossing = []
    for name, path in found.items():
        own = next((f for f in UI_FEATURES if is_in(name, f)), None)
        if own is None:
            continue
        for line, target in imported(path):
            other = next((f for f in UI_FEATURES if is_in(target, f)), None)
            if other is not None and other != own:
                crossing.append(f"{name}:{line} imports {target}")
    assert crossing == []
