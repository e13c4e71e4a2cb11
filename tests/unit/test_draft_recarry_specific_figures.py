"""A figure to three significant digits that only one source gives vouches for itself: no other
story names RMB 31.9 billion for Tencent's quarter by chance (442), while 25% or $1 billion could
be anyone's."""

from __future__ import annotations

import pytest

from bench.draft_real import FIXTURES as REAL
from bench.draft_real import read_fixture
from data.draft import draft_from_text
from data.draft.duplicates import _specific

TENCENT = "undated-studioglobal-scmp-tencent-q1-2026-capex"


@pytest.mark.parametrize(
    ("number", "specific"), [(31.9e9, True), (8192, True), (4.5e9, False), (25, False), (1e9, False), (0.125, True)]
)
def test_three_significant_digits_make_a_figure_specific(number: float, specific: bool) -> None:
    assert _specific(number) is specific


def test_a_digest_line_with_a_specific_figure_names_its_story(real_seeds) -> None:
    """442: a digest's line gives Tencent's Q1 capex of RMB 31.9 billion with no words that stand
    out and no date: that one figure, given by one source only, names the source."""
    body = read_fixture(next(REAL.glob("442-*.txt")))[1]
    offered = {d.source_id for d in draft_from_text(body, real_seeds).duplicates}
    assert {TENCENT, "2025-02-24-xinhua-alibaba-380b-cloud-ai-capex"} <= offered
