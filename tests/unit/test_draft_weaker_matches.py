"""The duplicate check's weaker matches (under its bar, for the analyst to look at) and a re-carry
named by hand: the weaker list never repeats an offered source, is short and best first, and a
source named by hand gets only the claims whose figures it lacks."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.draft_real import read_fixture
from data.draft import draft_from_text, named_by_hand, recheck_matches
from data.draft.duplicates import THRESHOLD, WEAK_FLOOR, WEAKER_SHOWN
from data.draft.recheck import BY_HAND, carrier_for
from tests.conftest import ROOT

REAL = ROOT / "tests" / "fixtures" / "real_articles"


def _body(name: str) -> str:
    return read_fixture(next(REAL.glob(f"{name}-*.txt")))[1]


def test_weaker_matches_are_under_the_bar_apart_from_the_offer_and_best_first(real_seeds) -> None:
    draft = draft_from_text(_body("351"), real_seeds)  # a results story no clear match is proven for
    assert draft.duplicates == []
    scores = [d.score for d in draft.weaker]
    assert 1 <= len(scores) <= WEAKER_SHOWN and scores == sorted(scores, reverse=True)
    assert all(WEAK_FLOOR <= s < THRESHOLD for s in scores)
    assert "2025-08-28-kaohoon-nvidia-q2-fy26-no-h20-china" in {d.source_id for d in draft.weaker}
    assert all(d.why for d in draft.weaker)


def test_an_offered_source_is_never_also_a_weaker_one(real_seeds) -> None:
    draft = draft_from_text(_body("405"), real_seeds, published=dt.date(2025, 7, 31))
    offered = {d.source_id for d in draft.duplicates}
    assert offered and not offered & {d.source_id for d in draft.weaker}
    # a neighbour the offer left out beside a clear match is still listed for a look
    assert "2025-07-31-trt-world-cac-summons-nvidia-h20" in offered | {d.source_id for d in draft.weaker}


def test_a_text_about_nothing_in_the_tracker_has_no_weaker_match(real_seeds) -> None:
    draft = draft_from_text("The city council met on Tuesday to discuss parking fees downtown.", real_seeds)
    assert draft.duplicates == [] and draft.weaker == []


def test_the_recheck_gives_weaker_matches_too(real_seeds) -> None:
    draft = draft_from_text(_body("351"), real_seeds)
    again = recheck_matches(draft, real_seeds, url=None, publisher=None, published=None)
    assert [d.source_id for d in again.weaker] == [d.source_id for d in draft.weaker]
    assert "weaker_matches" in draft.to_json()


def test_a_source_named_by_hand_gets_the_claims_whose_figures_it_lacks(real_seeds) -> None:
    text = (
        "Washington is weighing a cap of 75,000 Nvidia H200 chips per Chinese customer, people said. "
        "ByteDance has asked for 120,000 of the chips, according to the report."
    )
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 3, 4))
    carrier = carrier_for("Test Wire", None, dt.date(2026, 3, 4))
    match = named_by_hand(draft, real_seeds, "2026-03-03-bloomberg-us-weighs-75k-h200-cap", carrier)
    by_value = {n: c.id for c in draft.claims if c.figure is not None for n in c.figure.numbers()}
    assert by_value[75000] not in match.new_claim_ids  # the named source gives the 75,000 cap
    assert by_value[120000] in match.new_claim_ids
    assert match.why == BY_HAND and match.carrier_entry == {
        "outlet": "Test Wire",
        "url": None,
        "published": "2026-03-04",
    }
    with pytest.raises(KeyError):
        named_by_hand(draft, real_seeds, "no-such-source", carrier)
