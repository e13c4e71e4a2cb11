"""Shared fixtures: the real seeds, a scratch copy of the small valid seed folder."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from data.load import SeedData, load_seeds  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def real_seeds() -> SeedData:
    return load_seeds(ROOT / "seeds")


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/valid/seeds."""
    target = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "valid" / "seeds", target)
    return target


@pytest.fixture
def small_seeds(seed_dir: Path) -> SeedData:
    seeds = load_seeds(seed_dir)
    assert seeds.problems == []
    return seeds


def forget_added_dates(seeds: Path) -> None:
    """A scratch archive as if each report had been added on its publication day (undated pages read
    and added at the end of the data, 30 Jun 2026): the real seeds were all added in the same week, which would
    put every one of them in "What's new" and make date windows depend on today's date."""
    import re

    for path in (seeds / "sources").glob("*.yaml"):
        text = re.sub(r"(?m)^  added: .*\n", "", path.read_text())
        if re.search(r"(?m)^  undated: true", text):
            text = re.sub(r"(?m)^(  undated: true\n)", r"\1  added: 2026-06-30\n", text, count=1)
            text = re.sub(r"(?m)^  accessed: .*$", "  accessed: 2026-06-30", text, count=1)
        path.write_text(text)


def newest_report_day(seeds: Path) -> dt.date:
    """The newest report's date in a seeds folder (the default as-of date of every page)."""
    from data.frames import latest_report_date

    return latest_report_date(load_seeds(seeds)) or dt.date.today()


def day_after_newest(seeds: Path) -> str:
    """A date for a report a test adds so that it is the newest one, whatever the archive holds
    (never after today: the loader refuses reports from the future)."""
    return min(newest_report_day(seeds) + dt.timedelta(days=1), dt.date.today()).isoformat()
