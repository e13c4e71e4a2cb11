"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from data.draft.entities import EntityIndex
from data.load import SeedData


@pytest.fixture(scope="module")
def index(real_seeds: SeedData) -> EntityIndex:
    """The drafter's organisation index over the real seeds, built once per test module."""
    return EntityIndex(real_seeds)
