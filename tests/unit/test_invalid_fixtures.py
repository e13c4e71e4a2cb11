"""Every file in tests/fixtures/invalid produces the file:line message in its header, and the
valid files next to it still load.

``# expect: LINE: FIELD: MESSAGE`` means the message contains MESSAGE; ``# exact: ...`` means the
file's only problem is exactly that line (used for the plain-words messages, which are the point).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from data.load import load_seeds
from data.validate import main as validate_main

INVALID = Path(__file__).resolve().parents[1] / "fixtures" / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))


def _header(path: Path) -> re.Match[str]:
    header = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# (expect|exact): (\d+): (\S+(?: \(claim [^)]*\))?): (.+)$", header)
    assert match, f"{path.name}: first line must be '# expect: LINE: FIELD: MESSAGE'"
    return match


def _expectation(path: Path) -> tuple[int, str, str]:
    match = _header(path)
    return int(match[2]), match[3], match[4]


def _exact(path: Path) -> bool:
    return _header(path)[1] == "exact"


def test_there_are_many_cases() -> None:
    assert len(CASES) >= 60
    assert sum(_exact(c) for c in CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_file_reports_its_line_and_field(case: Path, seed_dir: Path, capsys: pytest.CaptureFixture) -> None:
    line, field, message = _expectation(case)
    shutil.copy(case, seed_dir / "sources" / case.name)
    seeds = load_seeds(seed_dir)
    expected_prefix = f"seeds/sources/{case.name}:{line}: {field}: "
    rendered = [str(p) for p in seeds.problems]
    assert any(r.startswith(expected_prefix) and message in r for r in rendered), rendered
    if _exact(case):
        assert rendered == [expected_prefix + message]
    # nothing else is broken by it: both valid sources and all their claims still load
    assert {"2026-01-10-wire-alpha", "2026-02-01-paper-beta"} <= set(seeds.sources)
    assert {"a.orders", "a.batch-vague", "a.rule", "b.batch-400k", "b.cap", "b.orders-low"} <= {
        r.claim.id for r in seeds.claims
    }
    # and the command line prints the same line and fails
    assert validate_main([str(seed_dir)]) == 1
    assert any(r in capsys.readouterr().out for r in rendered if r.startswith(expected_prefix))
