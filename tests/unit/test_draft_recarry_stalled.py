"""The duplicate check on sales stuck (session 11): sales, shipments or licences told as stalled,
frozen, stuck or held up are one event, whichever word a report picks; a stall denied, or one told
as over, is not it. Each with a case and a near miss. The sentences are written for these tests,
not taken from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, story
from data.draft.events import events_in

SECURITY_REVIEW = "2026-02-04-ft-us-security-review-stalls-h200"


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports of the accelerator have stalled while officials weigh the risks.",
        "A Washington review is holding up the licences.",
        "Deliveries to the country are frozen for now.",
        "Their purchases sit in limbo.",
    ],
)
def test_sales_told_as_stuck_in_any_of_its_words_are_stalled(sentence: str) -> None:
    assert "sales-stalled" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The rule makes sure no domestic order is held up by foreign sales.",
        "Buyers may now go ahead with purchases that had stalled.",
        "Until that approval, caution among regulators was holding up shipments.",
        "The approval came after several months of shipments being held up.",
        "The project stalled in its second year.",
    ],
)
def test_a_stall_denied_over_or_of_something_else_is_not_it(sentence: str) -> None:
    assert "sales-stalled" not in events_in(sentence)


def test_the_security_review_story_tells_the_sales_stalled(real_seeds) -> None:
    assert "sales-stalled" in story.story_index(real_seeds).stories[SECURITY_REVIEW].events


_STALLED = (
    "Nvidia's H200 sales to China have stalled while a US national security review runs its course.\n\n"
    "Until the review ends, Chinese customers are not placing orders, and the chipmaker is waiting."
)
_MOVING = (
    "Nvidia's H200 sales to China are moving while a US national security review runs its course.\n\n"
    "Until the review ends, Chinese customers are not placing orders, and the chipmaker is waiting."
)


def test_a_review_stalling_sales_with_no_orders_names_the_security_review_story(real_seeds) -> None:
    assert SECURITY_REVIEW in {d.source_id for d in draft_from_text(_STALLED, real_seeds).duplicates}


def test_the_same_text_without_the_stall_scores_it_lower(real_seeds) -> None:
    def score(text: str) -> float:
        found = {d.source_id: d.score for d in draft_from_text(text, real_seeds).duplicates}
        return found.get(SECURITY_REVIEW, 0.0)

    assert score(_MOVING) < score(_STALLED)
