"""The duplicate check on a market given up to a rival (session 17, `market_event_words`): a
vendor that has conceded, ceded or given up a market, or handed its lead to a rival, tells one
event however it is worded; a market it would not concede, an advantage ceded or chips given up
are not it. A case and a near miss each. The sentences are written for these tests, not taken
from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, story
from data.draft.events import events_in

CONCEDED = "2026-05-28-ai-blogs-huang-largely-conceded"


@pytest.mark.parametrize(
    "sentence",
    [
        "The chief executive said the company had all but conceded the Chinese AI-chip market.",
        "It has 'effectively given up' on China's accelerator market.",
        "The firm gave up on China last year.",
        "The vendor is handing leadership to its local rival.",
        "Nvidia cedes the market for data-centre chips to Huawei.",
    ],
)
def test_a_market_given_up_in_its_words(sentence: str) -> None:
    assert "market-conceded" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He wants the firm to compete and not concede those markets.",
        "Critics say easing the rules means ceding our advantage in the race.",
        "Advisers talked him out of giving up the most powerful chips to China.",
        "The firm risks ceding leadership in the global race.",
    ],
)
def test_a_market_kept_an_advantage_or_chips_given_up_is_not_it(sentence: str) -> None:
    assert "market-conceded" not in events_in(sentence)


def test_the_may_story_tells_the_market_conceded(real_seeds) -> None:
    assert "market-conceded" in story.story_index(real_seeds).stories[CONCEDED].events


def test_huang_giving_up_china_to_huawei_names_the_may_story(real_seeds) -> None:
    text = (
        "Jensen Huang has told an interviewer that Nvidia has more or less given up on China's AI chip "
        "market, leaving Huawei in the lead.\n\nMost new data centres there run local chips now."
    )
    assert CONCEDED in {d.source_id for d in draft_from_text(text, real_seeds).duplicates}
