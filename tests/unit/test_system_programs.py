"""Every program outside the venv that the code or the tests call is installed by the project.

`make test` runs scripts/ensure_system.sh, which installs what scripts/system-packages.txt lists.
A test that calls a program nobody listed passes on a developer's machine and fails on a new one
(pdftoppm did exactly that), so this reads the code for called programs and compares.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIST = ROOT / "scripts" / "system-packages.txt"
SCANNED = ("app.py", "entry", "components", "data", "pages", "server", "deploy", "scripts", "bench", "tests")
CALLS = {"run", "Popen", "check_output", "check_call", "call", "execv", "execvp", "execlp", "which"}
# Other names looked up as fallbacks for a listed program (never the only way to find it).
ALIASES = {"chromium-browser": "chromium", "google-chrome": "chromium"}
BIN_DIRS = ("/usr/bin/", "/usr/sbin/", "/bin/", "/usr/local/bin/")


def listed() -> dict[str, str]:
    """path -> Debian package, from scripts/system-packages.txt."""
    out = {}
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, package, *_ = line.split()
            out[path] = package
    return out


def _python_files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED:
        path = ROOT / name
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if f.resolve() != Path(__file__).resolve()]  # not this file's own patterns


def _program(call: ast.Call) -> str | None:
    """The literal program a subprocess/exec/which call names (None when it is sys.executable etc.)."""
    if not call.args:
        return None
    first = call.args[0]
    if isinstance(first, ast.List | ast.Tuple) and first.elts:
        first = first.elts[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value.split()[0]
    return None


def called_programs() -> tuple[set[str], set[str]]:
    """(programs called by name or path, other absolute system paths the code names)."""
    programs: set[str] = set()
    paths: set[str] = set()
    for file in _python_files():
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in CALLS and (program := _program(node)):
                    programs.add(program)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if value.startswith(BIN_DIRS) and "\n" not in value and " " not in value:
                    programs.add(value)
                elif value.startswith("/usr/share/") and " " not in value:
                    paths.add(value)
    return programs, paths


def test_the_scan_finds_what_it_should() -> None:
    programs, paths = called_programs()
    names = {os.path.basename(p) for p in programs}
    assert {"pdftoppm", "haproxy", "chromium"} <= names, names  # the scan is not vacuous
    assert any("fonts" in p for p in paths)


def test_every_called_program_is_listed() -> None:
    programs, _ = called_programs()
    listed_names = {os.path.basename(path) for path in listed()}
    missing = sorted(
        p
        for p in programs
        if ALIASES.get(os.path.basename(p), os.path.basename(p)) not in listed_names
        and not p.endswith(("python", "python3"))
    )
    assert missing == [], f"add these to scripts/system-packages.txt with their Debian package: {missing}"


def test_every_system_file_the_code_names_is_covered() -> None:
    _, paths = called_programs()
    folders = {os.path.dirname(path) for path in listed()}
    assert sorted(p for p in paths if os.path.dirname(p) not in folders) == []


def test_every_listed_program_is_installed() -> None:
    """What `make system` promised is there (it is a prerequisite of `make test`)."""
    assert [path for path in listed() if not os.path.exists(path)] == []
