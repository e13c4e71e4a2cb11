"""The data API builds views with ``tables_only()`` (no Plotly figures, the costly part): the
tables must be exactly the ones the page's own view holds, for every page the API serves."""

from __future__ import annotations

import pandas as pd
import pytest

from components.registry import BY_ID, ROOT
from components.view import build_view, figures_wanted, tables_only
from data.load import load_seeds
from server.page_tables import BUILDERS

SEEDS = load_seeds(ROOT / "seeds")
LINKS = [
    ("chips", {"metric": "memory_gb"}),
    ("chips", {"as_of": "2026-01-10", "confidence": "firm"}),
    ("timeline", {"q": "customs"}),
    ("sources", {"as_of": "2026-01-10"}),
    *[(page_id, {}) for page_id in BUILDERS if page_id != "whats_new"],
]


@pytest.mark.parametrize(("page_id", "link"), LINKS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(LINKS)])
def test_a_tables_only_view_has_the_same_tables(page_id: str, link: dict) -> None:
    full = build_view(BY_ID[page_id], SEEDS, link)
    with tables_only():
        assert not figures_wanted()
        light = build_view(BY_ID[page_id], SEEDS, link)
    assert figures_wanted(), "the flag is reset when the block ends"
    assert [t.name for t in light.tables] == [t.name for t in full.tables]
    for mine, theirs in zip(light.tables, full.tables, strict=True):
        pd.testing.assert_frame_equal(mine.frame, theirs.frame)
        if theirs.full is not None:
            pd.testing.assert_frame_equal(mine.full, theirs.full)


@pytest.mark.parametrize("page_id", ["chips", "timeline", "sources"])
def test_these_views_skip_their_figures_only_when_asked(page_id: str) -> None:
    assert build_view(BY_ID[page_id], SEEDS, {}).charts, "the page's view keeps its chart"
    with tables_only():
        assert build_view(BY_ID[page_id], SEEDS, {}).charts == ()


def test_the_flag_is_reset_after_an_error() -> None:
    with pytest.raises(RuntimeError), tables_only():
        raise RuntimeError("boom")
    assert figures_wanted()
