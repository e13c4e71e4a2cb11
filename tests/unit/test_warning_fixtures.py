"""Every file in tests/fixtures/warnings loads with no problem and exactly the warning in its
header (``# warn: LINE: FIELD: MESSAGE``); warnings never drop data and fail only ``--strict``."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from data.load import load_seeds
from data.validate import main as validate_main

WARNINGS = Path(__file__).resolve().parents[1] / "fixtures" / "warnings"
CASES = sorted(WARNINGS.glob("*.yaml"))
TODAY = dt.date(2026, 11, 29)


def _expectation(path: Path) -> str:
    header = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# warn: (\d+: \S+(?: \(claim [^)]*\))?: .+)$", header)
    assert match, f"{path.name}: first line must be '# warn: LINE: FIELD: MESSAGE'"
    return f"seeds/sources/{path.name}:{match[1]}"


def test_each_warning_rule_has_a_fixture() -> None:
    assert len(CASES) >= 9


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_warning_file_gives_exactly_its_warning(case: Path, seed_dir: Path, capsys: pytest.CaptureFixture) -> None:
    expected = _expectation(case)
    shutil.copy(case, seed_dir / "sources" / case.name)
    seeds = load_seeds(seed_dir, today=TODAY)
    assert seeds.problems == []
    assert seeds.warnings == [expected]
    # a warning never drops data: the source and its claim are there
    assert case.stem in seeds.sources
    assert "w.thing" in {r.claim.id for r in seeds.claims}
    # the command line prints it after any problems, passes, and fails only with --strict
    assert validate_main([str(seed_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"warning: seeds/sources/{case.name}:") for line in out)
    assert out[-1] == "OK: 3 sources, 7 claims, 5 organisations, 1 chips (1 warnings)"
    assert validate_main(["--strict", str(seed_dir)]) == 1


def test_the_valid_fixture_has_no_warnings(small_seeds) -> None:
    assert small_seeds.warnings == []


def test_a_later_version_that_supersedes_is_not_a_duplicate(seed_dir: Path) -> None:
    case = WARNINGS / "2026-01-12-paper-recarries-alpha.yaml"
    text = case.read_text(encoding="utf-8").replace("    summary:", "    supersedes: [a.orders]\n    summary:")
    (seed_dir / "sources" / case.name).write_text(text, encoding="utf-8")
    assert load_seeds(seed_dir, today=TODAY).warnings == []


def test_a_report_a_week_later_is_not_a_duplicate(seed_dir: Path) -> None:
    case = WARNINGS / "2026-01-12-paper-recarries-alpha.yaml"
    text = case.read_text(encoding="utf-8").replace("2026-01-12", "2026-01-17")
    (seed_dir / "sources" / "2026-01-17-paper-recarries-alpha.yaml").write_text(text, encoding="utf-8")
    assert load_seeds(seed_dir, today=TODAY).warnings == []
