"""The real seeds/: zero problems, and the data covers what the fact base covers."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from data.frames import build_conflicts_frame, latest_report_date

ROOT = Path(__file__).resolve().parents[2]


def test_real_seeds_load_without_problems(real_seeds) -> None:
    assert [str(p) for p in real_seeds.problems] == []


def test_every_source_is_cited_by_a_claim(real_seeds) -> None:
    cited = Counter(r.source_id for r in real_seeds.claims)
    assert set(real_seeds.sources) == set(cited)


def test_every_reference_source_id_exists(real_seeds) -> None:
    for chip in real_seeds.chips.values():
        for spec in chip.specs.values():
            assert set(spec.sources) <= set(real_seeds.sources), chip.id
    for parameter in real_seeds.scenarios.values():
        assert set(parameter.sources) <= set(real_seeds.sources), parameter.id


def test_the_seed_report_is_marked(real_seeds) -> None:
    seed_sources = [s for s in real_seeds.sources.values() if s.seed_report]
    assert len(seed_sources) == 1
    assert seed_sources[0].published.isoformat() == "2026-01-28"


def test_coverage_is_derived_from_the_newest_dated_report(real_seeds) -> None:
    assert real_seeds.coverage is not None and real_seeds.coverage.coverage_end is None  # not typed by hand
    newest = latest_report_date(real_seeds)
    dated = [s for s in real_seeds.sources.values() if s.published is not None]
    assert newest == max(s.published for s in dated)
    assert all(s.published is None for s in real_seeds.sources.values() if s.undated)


def test_fact_base_scale(real_seeds) -> None:
    assert len(real_seeds.sources) >= 50
    assert len(real_seeds.claims) >= 150


def test_contradictions_are_linked_not_picked(real_seeds) -> None:
    conflicts = build_conflicts_frame(real_seeds)
    topics = " ".join(conflicts["topic"].unique())
    for tag in ("C1", "C2", "C3", "C4", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "C14", "C15", "C16"):
        assert re.search(rf"\b{tag}\b", topics), f"{tag} has no linked disagreeing claims"
