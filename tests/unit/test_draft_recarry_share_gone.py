"""The duplicate check on a market share gone (run s9-g): a share told as having reached, or hit,
zero, in words or as its figure ("0%", "0 percent"), is the same event as a share "down to zero";
a small share that is not zero, or another quantity at zero, is not it. Each with a case and a
near miss. The sentences are written for these tests, not taken from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, story
from data.draft.events import events_in

SHARE_ZERO_MAY = "2026-05-03-hantec-huang-china-share-effectively-zero"


@pytest.mark.parametrize(
    "sentence",
    [
        "The chipmaker's share of the Chinese market reached zero percent.",
        "Its slice of those sales has hit 0% this spring.",
        "The company said its share reaches 0 per cent there now.",
        "Its share in the country fell to zero.",
        # the market named at length between the share and its fall (session 16)
        "The company's share of China's AI accelerator market has collapsed from about 95% to zero.",
        # an adverb of its own before the zero (session 17)
        "Its share of the accelerator sector there has collapsed to absolute zero.",
        "The vendor's share is virtually nil in that market.",
    ],
)
def test_a_share_that_reached_zero_in_words_or_figures_is_gone(sentence: str) -> None:
    assert "share-gone" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Its share there hit 10% in the spring.",
        "The share reached 0.5% of the market.",
        "Growth in sales reached 0% this quarter.",
        "Its share there fell to absolute lows of 5%.",
    ],
)
def test_a_small_share_or_another_quantity_at_zero_is_not_it(sentence: str) -> None:
    assert "share-gone" not in events_in(sentence)


def test_the_may_story_tells_the_share_gone(real_seeds) -> None:
    assert "share-gone" in story.story_index(real_seeds).stories[SHARE_ZERO_MAY].events


_ZERO = (
    "Jensen Huang confirmed that Nvidia's share of AI chip sales to customers in China reached 0%.\n\n"
    "He blamed years of US export rules for the fall."
)
_TEN = (
    "Jensen Huang said that Nvidia's share of AI chip sales to customers in China reached 10%.\n\n"
    "He blamed years of US export rules for the fall."
)


def test_huang_telling_the_share_reached_zero_names_the_may_story(real_seeds) -> None:
    assert SHARE_ZERO_MAY in {d.source_id for d in draft_from_text(_ZERO, real_seeds).duplicates}


def test_huang_telling_a_share_of_ten_percent_does_not(real_seeds) -> None:
    assert SHARE_ZERO_MAY not in {d.source_id for d in draft_from_text(_TEN, real_seeds).duplicates}
