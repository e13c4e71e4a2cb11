"""The duplicate check on a refusal (session 12): a government approving no purchase at all is one
event ("no purchase approved"), not while the decision is still open; a buyer holding US clearance
is a sale allowed, and one clause's go-ahead survives another clause's refusal. Each with a case
and a near miss. The sentences are written for these tests, not taken from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, story
from data.draft.events import events_in

CHOSE_NOT_TO = "2026-05-15-bloomberg-trump-china-chose-not-to-buy"


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing chose not to approve purchases of the accelerator.",
        "For half a year the government did not allow any firm to buy the part.",
        "Regulators refused to permit imports of the chip by local companies.",
    ],
)
def test_a_government_approving_no_purchase_is_the_refusal(sentence: str) -> None:
    assert "purchases-refused" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing has not yet approved any purchases.",
        "Regulators are still weighing whether to approve purchases.",
        "The ministry will not decide on purchases until the summit.",
        "Beijing approved purchases by three firms.",
    ],
)
def test_a_decision_still_open_or_a_purchase_approved_is_not_the_refusal(sentence: str) -> None:
    assert "purchases-refused" not in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ten buyers held US clearance while Beijing had yet to approve any purchase.",
        "The administration greenlit exports of the accelerator.",
        "Two firms had received export licences, but customs stopped the crates.",
    ],
)
def test_a_go_ahead_in_one_clause_counts_beside_a_refusal_in_another(sentence: str) -> None:
    assert "sale-permitted" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington has not greenlit the sale.",
        "Beijing had yet to approve any purchase, while buyers waited.",
        "Nobody knows whether the White House will allow exports, but buyers are lining up.",
    ],
)
def test_a_go_ahead_denied_in_its_own_clause_is_none(sentence: str) -> None:
    assert "sale-permitted" not in events_in(sentence)


def test_the_chose_not_to_story_tells_the_refusal_and_the_us_clearance(real_seeds) -> None:
    events = story.story_index(real_seeds).stories[CHOSE_NOT_TO].events
    assert {"purchases-refused", "sale-permitted"} <= set(events)


_REFUSED = (
    "Half a year after Washington let Nvidia sell its H200 accelerator to China, not one chip has been bought.\n\n"
    "Beijing did not approve any purchases by its companies in that time, wanting homegrown parts instead."
)
_PENDING = (
    "Half a year after Washington let Nvidia sell its H200 accelerator to China, buyers are still waiting.\n\n"
    "Beijing is still weighing whether to approve purchases by its companies, officials said."
)


def test_a_refusal_after_the_us_go_ahead_names_the_chose_not_to_story(real_seeds) -> None:
    assert CHOSE_NOT_TO in {d.source_id for d in draft_from_text(_REFUSED, real_seeds).duplicates}


def test_a_decision_still_pending_does_not_name_it(real_seeds) -> None:
    assert CHOSE_NOT_TO not in {d.source_id for d in draft_from_text(_PENDING, real_seeds).duplicates}
