"""The duplicate check on a market given up to a rival (session 17, `market_event_words`): a
vendor that has conceded, ceded or given up a market, or handed its lead to a rival, tells one
event however it is worded; a market it would not concede, an advantage ceded or chips given up
are not it. A case and a near miss each. The sentences are written for these tests, not taken
from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, story, story_hints
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


# A quarter with no sales recorded (session 17, `market_event_words`), and a phrase our claims
# quote that names a chip model ("no H20 sales to China") is compared like any other.
NO_H20_SALES = "2025-08-28-kaohoon-nvidia-q2-fy26-no-h20-china"


@pytest.mark.parametrize(
    "sentence",
    [
        "There were no sales of the part to buyers in China last quarter.",
        "The company sold no H20s there.",
        "It did not record any sales of the chip.",
        "Nvidia reports zero H20 sales in China.",
    ],
)
def test_a_quarter_with_no_sales_in_its_words(sentence: str) -> None:
    assert "no-sales-recorded" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Guidance assumes zero revenue from China.",  # an outlook, another event
        "The rule had no effect on sales.",
        "Sales were zero percent higher.",
    ],
)
def test_an_outlook_or_no_effect_on_sales_is_not_it(sentence: str) -> None:
    assert "no-sales-recorded" not in events_in(sentence)


def test_a_phrase_with_a_chip_model_is_compared_one_with_a_number_is_not() -> None:
    assert story_hints.telling("no h20 sales to china")
    assert not story_hints.telling("more than 20 sales to china")


_RESULTS = (
    "Nvidia posted its second-quarter results on Wednesday, with revenue of $46.7 billion, up 56% on the year.\n\n"
)


def test_results_telling_no_h20_sales_to_china_name_the_august_2025_story(real_seeds) -> None:
    text = _RESULTS + (
        "Nvidia reports no H20 sales to China\n\n"
        "The chipmaker said it had made no H20 sales to buyers based in China during the quarter."
    )
    assert NO_H20_SALES in {d.source_id for d in draft_from_text(text, real_seeds).duplicates}


def test_results_telling_weaker_h20_sales_do_not(real_seeds) -> None:
    text = _RESULTS + (
        "Nvidia reports weaker H20 sales to China\n\n"
        "The chipmaker said its H20 sales to buyers based in China fell during the quarter."
    )
    assert NO_H20_SALES not in {d.source_id for d in draft_from_text(text, real_seeds).duplicates}
