"""The duplicate check after the thirteenth set (run 21): a leader announcing in a social-media post
is an event, read in a claim's attribution note too ("Truth Social post"); the president as the
sole decision-maker is the president's decision; and a second story is kept on its own evidence
only for what no match scoring higher tells. Each with a case and a near miss. The sentences are
written for these tests, not taken from articles.
"""

from __future__ import annotations

import pytest

from data.draft import story
from data.draft.events import events_in
from data.draft.model import Duplicate
from data.draft.offer import kept

GO_AHEAD = "2025-12-09-anadolu-trump-allows-h200-china"


@pytest.mark.parametrize(
    "sentence",
    [
        "The president posted on Truth Social that sales may go ahead.",
        "He wrote on his social media platform that the deal was done.",
        "The decision came in a social-media post late on Monday.",
    ],
)
def test_an_announcement_in_a_social_media_post_is_one_event(sentence: str) -> None:
    assert "social-post" in events_in(sentence)


def test_an_announcement_in_a_statement_or_a_post_office_is_not_it() -> None:
    assert "social-post" not in events_in("The ministry said in a statement that sales may go ahead.")
    assert "social-post" not in events_in("The chips were sent by post to the lab.")


def test_the_go_ahead_story_tells_its_post_from_the_attribution_note(real_seeds) -> None:
    assert "social-post" in story.story_index(real_seeds).stories[GO_AHEAD].events


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump is now the sole decision-maker on the exports.",
        "The president holds exclusive authority over the sales.",
        "Why is Trump the decider on the chip?",
    ],
)
def test_the_president_as_the_one_who_decides_is_the_presidents_decision(sentence: str) -> None:
    assert "president-decides" in events_in(sentence)


def test_another_decision_maker_or_another_thing_held_is_not_it() -> None:
    assert "president-decides" not in events_in("The chief executive is the decision-maker on prices.")
    assert "president-decides" not in events_in("Trump holds a rally in Ohio.")


def test_a_second_story_adding_nothing_beyond_the_matches_above_it_is_not_kept(real_seeds) -> None:
    stories = story.story_index(real_seeds)
    text = (
        "Chinese customs blocked the H200 at the border. Suppliers halted production of its parts and "
        "paused orders, the Financial Times reported."
    )
    told = story.read_text(stories, text)

    def dup(sid: str, score: float) -> Duplicate:
        return Duplicate(sid, score, "why", {}, [])

    customs = dup("2026-01-14-reuters-china-customs-blocks-h200", 0.89)
    suppliers = dup("2026-01-16-ft-h200-suppliers-pause-after-customs-block", 0.89)
    review = dup("2026-02-04-ft-us-security-review-stalls-h200", 0.5)
    assert review.source_id not in {d.source_id for d in kept([customs, suppliers, review], stories, told)}
    # near miss: without the suppliers' story above it, the review story tells what the best does not
    assert review.source_id in {d.source_id for d in kept([customs, review], stories, told)}


def test_approvals_given_with_conditions_are_approved_on_conditions() -> None:
    assert "conditional-approval" in events_in("Beijing has given early approvals, but with conditions.")
    assert "conditional-approval" not in events_in("Beijing has given early approvals, with more to come.")


def test_a_date_and_a_publication_day_are_one_kind_of_evidence_not_two() -> None:
    from data.draft.offer import enough

    dated = [(0.25, "the story's own date (13 Jan 2026) is this source's day"), (0.15, "published within 0 days of it")]
    assert not enough(0.36, dated)
    # near miss: a date beside something the source tells is two kinds
    told = [(0.25, "the story's own date (13 Jan 2026) is this source's day"), (0.2, "the same rare event (blocked)")]
    assert enough(0.4, told)
