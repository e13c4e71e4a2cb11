"""Shared fixtures: the real seeds, a scratch copy of the small valid seed folder."""

from __future__ import annotations

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
