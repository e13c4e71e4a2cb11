"""The duplicate check on a stalled review and a rule's terms (run s9-a): one agency done with its
part of a review, an agency pushing for harder terms, a cap on how many may be shipped, and an
event counted among the stories that tell it by the same organisations when several are shared.
Each with a case and a near miss. The sentences are written for these tests, not taken from
articles.
"""

from __future__ import annotations

import pytest

from data.draft import story
from data.draft.events import events_in
from tests.unit.recarry_sources import REVIEW_STALLS, RULE, told

# --------------------------------------------------------------------------- one agency's part of a review done


@pytest.mark.parametrize(
    "sentence",
    [
        "The Commerce Department has wrapped up its own part of the assessment.",
        "The agency completed its analysis last month.",
        "One department finished its review in the spring.",
    ],
)
def test_an_agency_done_with_its_part_of_a_review_is_one_event(sentence: str) -> None:
    assert "review-part-done" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency completed its acquisition of the start-up.",
        "The review is not complete yet.",
    ],
)
def test_a_deal_completed_or_a_review_unfinished_is_not_it(sentence: str) -> None:
    assert "review-part-done" not in events_in(sentence)


# --------------------------------------------------------------------------- harder terms sought


@pytest.mark.parametrize(
    "sentence",
    [
        "The State Department is pressing for stricter licence conditions.",
        "Diplomats want tougher terms before any sale.",
        "The department keeps playing hardball over the deal.",
        "The ministry took a harder line on the licences.",
    ],
)
def test_an_agency_holding_out_for_harder_terms_is_one_event(sentence: str) -> None:
    assert "tougher-terms-sought" in events_in(sentence)


def test_pressing_for_speed_or_softer_terms_is_not_it() -> None:
    assert "tougher-terms-sought" not in events_in("The firm pressed for faster approvals.")
    assert "tougher-terms-sought" not in events_in("Buyers asked for looser terms.")


# --------------------------------------------------------------------------- a cap on how many may ship


@pytest.mark.parametrize(
    "sentence",
    [
        "The rule also sets volume caps.",
        "Shipments to China are capped at half of what US buyers get.",
        "There is a cap on the number of units each licence covers.",
    ],
)
def test_a_cap_on_how_many_may_ship_is_a_volume_limit(sentence: str) -> None:
    assert "volume-limits" in events_in(sentence)


def test_a_cap_on_performance_or_a_capped_price_is_not() -> None:
    assert "volume-limits" not in events_in("The rule sets caps on chip performance.")
    assert "volume-limits" not in events_in("Gains in the stock were capped by the news.")


# --------------------------------------------------------------------------- the story signals


def _actors_weight(text: str, sid: str, real_seeds) -> float:
    index = story.story_index(real_seeds)
    signals = story.story_signals(index, sid, told(text, real_seeds), {})
    return max((w for w, reason in signals if story.SAME_ACTORS in reason), default=0.0)


REVIEW_SPLIT = (
    "Nvidia's H200 licences for China are still stuck in a US security review.\n\n"
    "The Commerce Department has wrapped up its own part of the assessment, but the State "
    "Department is pressing for tougher licence terms."
)
# The near miss: the same review and agencies, nobody done and nobody asking for more.
REVIEW_ONLY = (
    "Nvidia's H200 licences for China are still stuck in a US security review.\n\n"
    "The Commerce Department and the State Department said the work goes on."
)


def test_a_review_one_agency_finished_while_another_holds_out_is_the_stalled_review(real_seeds) -> None:
    assert _actors_weight(REVIEW_SPLIT, REVIEW_STALLS, real_seeds) >= 0.4


def test_a_review_still_under_way_is_not_enough_for_it(real_seeds) -> None:
    assert _actors_weight(REVIEW_ONLY, REVIEW_STALLS, real_seeds) < 0.4


US_TERMS = "The US Commerce Department now lets H200 exports go ahead with third-party testing and volume caps."
# The near miss: the same two terms, set by Beijing: the US rule's terms done by others.
CN_TERMS = "China's government now lets H200 imports go ahead with third-party testing and volume caps."


def test_terms_only_the_rule_has_by_these_doers_count_as_rare(real_seeds) -> None:
    # a volume limit is told by three stories, but by the US side by one: both terms are rare here
    assert _actors_weight(US_TERMS, RULE, real_seeds) >= 0.45


def test_the_same_terms_by_another_government_are_not_the_rule(real_seeds) -> None:
    assert _actors_weight(CN_TERMS, RULE, real_seeds) == 0.0


def test_one_event_alone_is_not_counted_rarer_for_its_doers(real_seeds) -> None:
    # the rare-by-its-doers count is for two things shared or more; a single one keeps its own count
    text = told("The US Commerce Department set volume caps on H200 exports.", real_seeds)
    index = story.story_index(real_seeds)
    signals = story.story_signals(index, RULE, text, {})
    assert text.told_count["volume-limits"] == 1
    assert all(w < 0.2 for w, _ in signals)
