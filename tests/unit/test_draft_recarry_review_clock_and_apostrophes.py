"""Run 16's miss of fixture 180 (a round-up of three December stories whose third, the US review
with 30 days for the other agencies, is told in one sentence) and the negation fixture 184 needs:
a review on a stated clock is a government review, a round-up's story dated to its source's day
beside that source's figure and event counts that day, and a contraction denies in either
apostrophe. Each rule with a case and a near miss; the short texts are
written for these tests, in the project's words.
"""

from __future__ import annotations

from bench.draft_real import read_fixture
from data.draft import draft_from_text, story
from data.draft.events import events_in
from tests.unit.recarry_sources import REAL, REVIEW_OPENS, REVIEW_STALLS, told


def test_a_review_on_a_stated_clock_is_a_government_review() -> None:
    assert "under-review" in events_in("Commerce opened a 30-day review of the licence requests.")
    assert "under-review" in events_in("The agencies began a 45 day interagency review.")
    # near misses: days that are no review, and a review with no clock or government word
    assert "under-review" not in events_in("Buyers get a 30-day trial of the servers.")
    assert "under-review" not in events_in("The paper ran a review of the new chip.")


def test_a_round_ups_story_dated_to_its_sources_day_with_its_figure_and_event_is_named(real_seeds) -> None:
    _, body = read_fixture(REAL / "180-byteiota-china-rejects-h200-despite-approval.txt")
    assert REVIEW_OPENS in {d.source_id for d in draft_from_text(body, real_seeds).duplicates}
    # near miss: the same sentence dated two months later is a later review, not this story
    later = body.replace("December 19, the Commerce", "February 19, the Commerce")
    later = later.replace("On December 19, the US", "On February 19, the US")
    assert REVIEW_OPENS not in {d.source_id for d in draft_from_text(later, real_seeds).duplicates}


def test_a_contraction_denies_in_either_apostrophe() -> None:
    for text in ("Buyers aren't placing orders yet.", "Buyers aren’t placing orders yet."):
        assert "no-orders-placed" in events_in(text)
    assert "none-delivered" in events_in("The firms haven’t received a single chip.")
    # near misses: orders placed, and a possessive's apostrophe, deny nothing
    assert "no-orders-placed" not in events_in("Buyers are placing orders again.")
    assert "no-orders-placed" not in events_in("The buyer’s team is placing orders.")


def test_a_denial_now_read_is_the_stalled_review_storys_own_event(real_seeds) -> None:
    text = "A security review holds up the licences.\n\nUntil it ends, Chinese customers aren’t placing orders."
    assert "no-orders-placed" in story.shared_events(
        story.story_index(real_seeds), REVIEW_STALLS, told(text, real_seeds)
    )
    # near miss: the buyers placing orders share no such event with it
    placing = text.replace("aren’t placing", "are placing")
    assert "no-orders-placed" not in story.shared_events(
        story.story_index(real_seeds), REVIEW_STALLS, told(placing, real_seeds)
    )
