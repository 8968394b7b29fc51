"""The package's shape: no import cycle between its modules, and short functions.

Every module under ``src/onrecord`` is parsed (``ast``), and every import it makes counts, late imports
inside functions and ``TYPE_CHECKING`` blocks included: a cycle that only a late import hides is still
a cycle in the design.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "onrecord"

MAX_FUNCTION_LINES = 80
LENGTH_CHECKED = ("onrecord",)
"""The whole package: every function of every module stays within ``MAX_FUNCTION_LINES``."""


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str, path: Path) -> set[str]:
    """The onrecord modules ``name`` imports, anywhere in its body."""
    found: set[str] = set()
    package = name if _is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # ``from onrecord.judge import documents`` imports the module onrecord.judge.documents.
            found.update(f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycle() -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(GRAPH):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_the_import_graph_is_read():
    assert "onrecord.judge.rules" in GRAPH["onrecord.pipeline"]
    assert "onrecord.text.analysis" in GRAPH["onrecord.extract.attribution"]


def test_no_import_cycle_between_modules():
    cycle = _cycle()
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


STAGES = ("text", "documents", "extract", "retrieve", "judge")
"""The check's stages in order; each reads only the stages before it (``docs/architecture.md``)."""
BASE = {"onrecord.errors", "onrecord.cancel", "onrecord.limits"}
"""Modules under everything: error classes, cooperative cancellation, size limits."""
BELOW_EVERY_STAGE = BASE | {"onrecord.report", "onrecord.runtime"}
"""What any stage may read: the base, the report's dataclasses and the two ONNX models."""


def _package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_reads_only_the_stages_before_it(stage):
    allowed = {f"onrecord.{s}" for s in STAGES[: STAGES.index(stage) + 1]} | BELOW_EVERY_STAGE
    if stage == "text":
        allowed = {"onrecord.text"}  # the bottom: words, sentences, quotation marks
    wrong = sorted(f"{m} -> {i}" for m in MODULES if _package_of(m) == f"onrecord.{stage}"
                   for i in GRAPH[m] if _package_of(i) not in allowed)
    assert not wrong, "imports against the order of the stages: " + ", ".join(wrong)


def test_the_runtime_reads_only_the_base():
    wrong = sorted(f"{m} -> {i}" for m in MODULES if _package_of(m) == "onrecord.runtime"
                   for i in GRAPH[m] if _package_of(i) not in {"onrecord.runtime"} | BASE)
    assert not wrong, ", ".join(wrong)


def _long_functions(name: str, path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            if lines > MAX_FUNCTION_LINES:
                out.append(f"{name}.{node.name} ({lines} lines)")
    return out


@pytest.mark.parametrize("scope", LENGTH_CHECKED)
def test_functions_are_at_most_80_lines(scope):
    names = [n for n in MODULES if n == scope or n.startswith(scope + ".")]
    assert names, f"{scope} is not a module of onrecord"
    long = [f for n in names for f in _long_functions(n, MODULES[n])]
    assert not long, f"functions longer than {MAX_FUNCTION_LINES} lines: {', '.join(long)}"
