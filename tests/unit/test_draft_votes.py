"""A committee's vote on a bill, counted: how many voted for, against or neither, each its own figure.

Each rule has a case it must catch and a near miss it must leave alone, in the project's own
words (no article sentence is copied here).
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text
from data.draft.figures import find_figures
from data.load import SeedData
from tests.unit.draft_helpers import metric_for


@pytest.mark.parametrize(
    ("sentence", "wording", "value"),
    [
        ("In the vote, 31 panel members backed the bill.", "31 panel members backed the bill", 31),
        ("Three voted against it, the clerk said.", "Three voted against it", 3),
        ("Two senators voted present on the measure.", "Two senators voted present", 2),
        ("At the vote, 40 lawmakers supported the measure.", "40 lawmakers supported the measure", 40),
    ],
)
def test_people_counted_by_their_vote_are_votes(sentence: str, wording: str, value: int) -> None:
    found = [f for f in find_figures(sentence) if f.unit == "votes"]
    assert [(f.wording, f.value, f.bound) for f in found] == [(wording, value, "exact")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven senators backed the bill in a letter to the secretary.",  # no vote: co-signers, not votes
        "No one voted against the measure.",  # a pronoun, not a count
        "Twelve members attended the hearing before the vote.",  # attending is not voting
    ],
)
def test_no_vote_count_without_people_voting(sentence: str) -> None:
    assert [f.wording for f in find_figures(sentence) if f.unit == "votes"] == []


@pytest.mark.parametrize(
    ("sentence", "at", "metric"),
    [
        ("During the vote, 30 committee members backed the bill.", 0, "ai-overwatch-committee-votes-for"),
        ("Four voted against it, and two voted present.", 0, "ai-overwatch-committee-votes-against"),
        ("Four voted against it, and two voted present.", 1, "ai-overwatch-committee-votes-other"),
    ],
)
def test_each_side_of_a_vote_gets_its_own_count(sentence: str, at: int, metric: str, real_seeds: SeedData) -> None:
    assert metric_for(sentence, real_seeds, at=at) == metric


def test_a_vote_with_no_side_gets_no_side_metric(real_seeds: SeedData) -> None:
    assert metric_for("In all, 30 committee members voted.", real_seeds).startswith("to-confirm")


def test_a_vote_on_the_bill_is_drafted_though_its_paragraph_names_no_chip(real_seeds: SeedData) -> None:
    text = (
        "A House panel advanced a bill on Tuesday that would let Congress review H200 export licences for China.\n\n"
        "During Tuesday's vote, 30 committee members backed the bill. Four voted against it."
    )
    draft = draft_from_text(text, real_seeds)
    votes = sorted(c.figure.wording for c in draft.claims if c.figure and c.figure.unit == "votes")
    assert votes == ["30 committee members backed the bill", "Four voted against it"]


def test_another_vote_in_a_digest_stays_background(real_seeds: SeedData) -> None:
    """A budget vote told beside a dollar figure, in a paragraph that names no chip, is another story."""
    text = (
        "Beijing told its firms to hold off on H200 orders this week.\n\n"
        "Separately, the Senate voted to pass a spending package that gives the agency a $12 million increase."
    )
    draft = draft_from_text(text, real_seeds)
    assert [c.figure.wording for c in draft.claims if c.figure] == []


def test_a_reason_counts_one_vote_in_the_singular() -> None:
    from data.draft.figure_match import amount_words

    assert [amount_words(1, "votes"), amount_words(42, "votes"), amount_words(1, "usd")] == [
        "1 vote",
        "42 votes",
        "1 usd",
    ]


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("The panel voted 30-4 to advance the bill.", [("voted 30", 30), ("30-4", 4)]),
        ("The bill cleared the chamber on a 51-49 vote.", [("51", 51), ("51-49", 49)]),
    ],
)
def test_a_tally_is_two_counts_of_votes_not_a_range(sentence: str, counts: list[tuple[str, int]]) -> None:
    found = [(f.wording, f.value) for f in find_figures(sentence) if f.unit == "votes"]
    assert found == counts
    assert not [f for f in find_figures(sentence) if f.bound == "range"]


@pytest.mark.parametrize(
    "sentence",
    [
        "On a 47-0 vote it approved another bill on a report about chips.",  # another bill's vote
        "Prices rose 10-15% in the quarter.",  # a range of percent, no vote
        "The 2025-26 plan was voted on last year.",  # a year span
    ],
)
def test_no_tally_of_the_reports_bill_where_there_is_none(sentence: str) -> None:
    assert [f.wording for f in find_figures(sentence) if f.unit == "votes"] == []


@pytest.mark.parametrize(
    ("sentence", "at", "metric"),
    [
        ("The committee voted 30-4 to advance the bill.", 0, "ai-overwatch-committee-votes-for"),
        ("The committee voted 30-4 to advance the bill.", 1, "ai-overwatch-committee-votes-against"),
        ("The committee voted 30-4, with one member voting present.", 2, "ai-overwatch-committee-votes-other"),
    ],
)
def test_a_tallys_counts_get_their_sides(sentence: str, at: int, metric: str, real_seeds: SeedData) -> None:
    assert metric_for(sentence, real_seeds, at=at) == metric


def test_the_rest_of_a_listed_count_is_counted_by_its_side(real_seeds: SeedData) -> None:
    sentence = "In the vote, 30 members voted for the bill, three against, and two abstaining."
    found = [(f.wording, f.value) for f in find_figures(sentence) if f.unit == "votes"]
    assert ("three against", 3) in found and ("two abstaining", 2) in found
    assert metric_for(sentence, real_seeds, at=1) == "ai-overwatch-committee-votes-against"
    assert metric_for(sentence, real_seeds, at=2) == "ai-overwatch-committee-votes-other"


def test_a_side_word_after_a_number_outside_a_vote_is_no_count() -> None:
    # Near miss: no vote in the sentence, so "three against" is no count of votes.
    assert [
        f for f in find_figures("The market had two rivals, three against one in talks.") if f.unit == "votes"
    ] == []
