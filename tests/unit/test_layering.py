"""Benchmarks, scripts and deployment code never import the tests: a server is started from one
home, ``scripts/devserver.py``, which the tests use too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


@pytest.mark.parametrize("folder", ["bench", "scripts", "deploy", "server"])
def test_no_code_outside_tests_imports_tests(folder: str) -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*.py")
        if any(name == "tests" or name.startswith("tests.") for name in _imports(path))
    ]
    assert offenders == []
