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


def _imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports anywhere: at the top, inside functions, under
    TYPE_CHECKING, relative imports resolved against the file's package."""
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found.add(module)
            # "from assistant import notes" imports the package too.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_notes_and_playbooks_stay_apart_and_the_store_knows_no_notes() -> None:
    # The call records know nothing of the phrasing engine nor it of them; what joins
    # them (lint fixes for notes) lives in the UI, shared dates in assistant.calendar.
    forbidden = {
        "notes": ("assistant.playbooks",),
        "playbooks": ("assistant.notes",),
        "store": ("assistant.notes",),
    }
    offenders = []
    for package, banned in forbidden.items():
        files = sorted((PACKAGE / package).rglob("*.py"))
        assert files, package
        for path in files:
            for module in sorted(_imports_of(path)):
                if any(module == b or module.startswith(b + ".") for b in banned):
                    offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    assert offenders == []
