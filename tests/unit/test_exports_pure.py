"""Guard: the export library stays pure, so pages, tests and benchmarks share it without Streamlit."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ROOT / "components" / "exports"


def test_exports_never_import_streamlit_in_source() -> None:
    paths = sorted(EXPORTS.glob("*.py"))
    assert {p.stem for p in paths} >= {"__init__", "tables", "images", "deck"}
    for path in paths:
        tree = ast.parse(path.read_text())
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(name.split(".")[0] == "streamlit" for name in names), path


def test_exports_never_import_streamlit_at_run_time() -> None:
    """Also through what they import: a fresh interpreter loads every module and checks."""
    modules = sorted(p.stem for p in EXPORTS.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys\n"
        + "".join(f"import components.exports.{name}\n" for name in modules)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit')\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
