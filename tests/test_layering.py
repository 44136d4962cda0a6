"""The Qt-free core never imports PySide6: the CLI, tests and benchmarks run without a window."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assistant"


def _core_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = relative.parts
        if parts[1:2] == ("ui",) or "migrations" in parts or parts[-1] == "__main__":
            continue
        modules.append(".".join(p for p in parts if p != "__init__"))
    return modules


def test_no_core_file_mentions_pyside6() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path))
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = _core_modules()
    assert "assistant.notes.export" in modules
    assert "assistant.playbooks.search" in modules
    qt = "sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))"
    code = "\n".join(f"import {m}" for m in modules) + f"\nimport sys\nprint({qt})"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


def _imported(module: str, path: Path, modules: set[str]) -> set[str]:
    """The modules of ``assistant`` that ``module`` imports anywhere in its source:
    at the top, inside functions, under ``TYPE_CHECKING``. ``from package import
    name`` counts as importing ``package.name`` when that is a module, else
    ``package``."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                inner = f"{source}.{alias.name}"
                names.add(inner if inner in modules else source)
    found = set()
    for name in names:
        known = name
        while known and known not in modules:
            known = known.rpartition(".")[0]  # ``package.module.function``: the module
        if known and known != module:
            found.add(known)
    return found


def _import_graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    modules = set(paths)
    return {name: _imported(name, path, modules) for name, path in paths.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another in a circle: the strongly
    connected components of more than one module (or a module importing itself)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in order:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], order[target])
        if low[node] == order[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph[node]:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return groups


def _circle(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """A shortest way from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & members):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return group


def test_cycle_finder_sees_a_circle_through_a_lazy_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _circle(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]
    assert _cycles({"a": {"b"}, "b": set(), "c": {"c"}}) == [["c"]]


def test_the_graph_sees_imports_inside_functions_and_type_checking() -> None:
    graph = _import_graph()
    # app.py imports the window at the top, the window the team sync only inside a
    # function, the notes controller the drafts only under TYPE_CHECKING.
    assert "assistant.ui.window" in graph["assistant.ui.app"]
    assert "assistant.ui.team_sync" in graph["assistant.ui.window"]
    assert "assistant.maintenance.drafts" in graph["assistant.ui.notes_controller"]


def _described(graph: dict[str, set[str]], groups: list[list[str]]) -> str:
    return "modules importing one another in a circle:\n" + "\n".join(
        f"{', '.join(group)} (for one: {' -> '.join(_circle(graph, group))})" for group in groups
    )


def test_no_import_cycles_anywhere() -> None:
    graph = _import_graph()
    groups = _cycles(graph)
    assert groups == [], _described(graph, groups)


def test_notes_and_playbooks_stay_apart_and_the_store_knows_no_notes() -> None:
    # The call records know nothing of the phrasing engine nor it of them; what joins
    # them (lint fixes for notes) lives in the UI, shared dates in assistant.calendar.
    # The store is below both and below team sync (the keychain is its own module).
    forbidden = {
        "notes": ("assistant.playbooks",),
        "playbooks": ("assistant.notes",),
        "store": ("assistant.notes", "assistant.sync"),
    }
    graph = _import_graph()
    offenders = []
    for package, banned in forbidden.items():
        inside = [m for m in graph if m.startswith(f"assistant.{package}")]
        assert inside, package
        for module in inside:
            for target in sorted(graph[module]):
                if any(target == b or target.startswith(b + ".") for b in banned):
                    offenders.append(f"{module} imports {target}")
    assert offenders == []


BOTTOM = ("errors", "paths", "files", "languages", "logs", "redact", "settings", "keychain")


def test_the_bottom_modules_import_only_each_other_and_the_calendar() -> None:
    # Everything else builds on them: the log's card masking and the keychain the
    # store's encryption uses are not borrowed from notes/ or sync/.
    graph = _import_graph()
    bottom = {f"assistant.{name}" for name in BOTTOM}
    offenders = [
        f"{module} imports {target}"
        for module in sorted(bottom)
        for target in sorted(graph[module])
        if target not in bottom and not target.startswith("assistant.calendar")
    ]
    assert offenders == []
