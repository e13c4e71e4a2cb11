"""Re-carries the drafter missed in run 8 (fixtures 113, 114, 119, 127, 128, 131, 133): each rule
with a case and a near miss that must stay unmatched. The short texts are written for these
tests, in the project's words.
"""

from __future__ import annotations

import pytest

from data.draft import story
from data.draft.events import events_in
from tests.unit.recarry_sources import FT_LIMITS, RULE
from tests.unit.recarry_sources import told as _told

HUANG_CES = "2026-01-06-chinastrategy-ft-nvidia-steps-up-h200-production"


@pytest.mark.parametrize(
    "sentence",
    [
        "Buyers would need to justify why home-grown accelerators cannot meet their needs.",
        "Each firm would have to defend its purchases before a local office.",
        "Applicants may have to make a case for why Chinese-made chips could not do the job.",
        "Importers must show that domestic processors are insufficient for their work.",
        "The draft asks for a written justification for foreign chip purchases.",
    ],
)
def test_a_buyer_made_to_argue_for_its_purchase_is_one_event(sentence: str) -> None:
    assert "buyers-justify" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Output at the plant is insufficient for the orders on hand.",  # nothing a buyer must argue
        "The minister tried to justify the new tariff.",  # a justification, not of a purchase
        "The firm will defend itself in court.",
    ],
)
def test_insufficient_or_justify_alone_is_not_that_event(sentence: str) -> None:
    assert "buyers-justify" not in events_in(sentence)


def test_the_justified_purchase_is_shared_with_the_story_that_tells_it(real_seeds) -> None:
    index = story.story_index(real_seeds)
    text = "Beijing will curb access to the H200; buyers must justify why local chips fall short."
    assert "buyers-justify" in story.shared_events(index, FT_LIMITS, _told(text, real_seeds))
    # near miss: the same curb without the argument shares only the curb
    plain = "Beijing will curb access to the H200 for some buyers."
    assert "buyers-justify" not in story.shared_events(index, FT_LIMITS, _told(plain, real_seeds))


RULE_TEXT = "The Commerce Department published its H200 rule on Tuesday.\n\n{who}, exporters must certify ample US supply, and each chip needs independent third-party testing."


def test_the_new_rules_of_a_paragraph_are_those_of_the_body_named_before(real_seeds) -> None:
    told = _told(RULE_TEXT.format(who="Under the new rules"), real_seeds)
    assert "bis" in told.events["us-supply-certified"]  # Commerce stands for its export bureau
    assert {"us-supply-certified", "independent-check"} <= set(
        story.shared_events(story.story_index(real_seeds), RULE, told)
    )
    # near miss: a paragraph that speaks of no rules keeps only what it names itself
    other = _told(RULE_TEXT.format(who="Sellers at AMD say"), real_seeds)
    assert "bis" not in other.events["us-supply-certified"]


def test_strong_demand_is_one_event_in_its_words() -> None:
    for sentence in (
        "Huang spoke of strong demand for the H200.",
        'He called demand "quite high".',
        "Demand remains robust in China.",
    ):
        assert "demand-strong" in events_in(sentence)
    # near miss: demand told as weak or uncertain
    for sentence in ("Demand was weak after the ban.", "It is unclear how high demand will be."):
        assert "demand-strong" not in events_in(sentence)


def test_an_often_named_person_saying_a_rare_thing_they_said_there_counts(real_seeds) -> None:
    index = story.story_index(real_seeds)
    said = _told("Jensen Huang said at CES that demand for the H200 in China is very high.", real_seeds)
    reasons = [why for _, why in story.story_signals(index, HUANG_CES, said, {})]
    assert any(story.SAME_PERSON in why for why in reasons) and any("rare event" in why for why in reasons)
    # near miss: the same remark from someone else is a common remark, no evidence of this story
    other = _told("A fund manager said demand for the H200 in China is very high.", real_seeds)
    assert story.story_signals(index, HUANG_CES, other, {}) == []
