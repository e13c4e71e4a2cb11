"""The duplicate check's rules of session 17, on stories about one chip line: a government ruling
out a chip's sale and a chip left out of leaders' talks are events of their own; a chip line
named by itself ("Blackwell") is the line's own chips, not its cut-down China part; a remark
told with "he said" is the person the sentence before names; and a round-up's second story, just
under the bar beside a clear match, is offered when its own speaker says here what they said
there. Each rule with a case and a near miss. The sentences are written for these tests, not taken from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, duplicates, source_index, story, story_hints
from data.draft.events import events_in

B30A_REFUSED = "2025-11-01-tekedia-white-house-blocks-b30a"
TOP_CHIPS_KEPT = "2025-11-02-toms-hardware-trump-top-chips-us-only"
BLACKWELL_NOT_DISCUSSED = "2025-10-30-evertiq-trump-xi-blackwell-off-table"


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the administration would not let Nvidia sell the part to Chinese buyers.",
        "The White House has decided not to allow exports of the new chip.",
        "The president said he won't permit Nvidia to sell them in China.",
        "He decided not to allow China to purchase Nvidia's flagship Blackwell chips.",
        "The best parts will be reserved for the United States, he said.",
        "Those chips would remain for US customers.",
    ],
)
def test_a_sale_ruled_out_in_its_verbs(sentence: str) -> None:
    assert "sale-refused" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The shipments were not permitted into China, a day after the US eased its export rules.",
        "Lawyers argued the statute does not let the government charge fees for export licences.",
        "The framework ensures enough supply remains available for American use.",
        "The White House is weighing whether to let Nvidia sell the part.",
        "Beijing has not allowed local firms to buy the chips.",  # no chip line: a purchase refused
    ],
)
def test_a_shipment_turned_back_a_fee_or_a_pending_decision_is_not_it(sentence: str) -> None:
    assert "sale-refused" not in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        '"We are not discussing Blackwell," he said.',
        "The leaders never talked about the most advanced Blackwell parts.",
        "Nvidia's Blackwell chips were not on the table at the summit.",
        "The B30A was off the table, officials said.",
        "He did not discuss the Nvidia chip question with the Chinese leader.",
        "He had said he might bring up chip exports at the summit, but the issue was not raised.",
        "The president later said the topic did not come up during their discussions.",
    ],
)
def test_a_chip_left_out_of_the_talks(sentence: str) -> None:
    assert "chip-not-discussed" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We're not talking about all chips, only some categories.",
        "He said Blackwell chips were part of the discussion.",
        "The two leaders discussed Blackwell at length.",
        "The issue was not raised by the defence lawyers.",  # no talks between leaders
        "The chip issue came up at the summit, he said.",
    ],
)
def test_chips_in_general_or_a_chip_discussed_is_not_it(sentence: str) -> None:
    assert "chip-not-discussed" not in events_in(sentence)


def test_the_three_autumn_2025_stories_tell_their_events(real_seeds) -> None:
    stories = story.story_index(real_seeds).stories
    assert "sale-refused" in stories[B30A_REFUSED].events
    assert "sale-refused" in stories[TOP_CHIPS_KEPT].events
    assert "chip-not-discussed" in stories[BLACKWELL_NOT_DISCUSSED].events


def test_a_bare_line_name_is_the_lines_own_chips(real_seeds) -> None:
    lines = story_hints.chip_lines(real_seeds.chips)
    assert "b200" in lines["Blackwell"] and "b30a" not in lines["Blackwell"]
    assert "h200" in lines["Hopper"] and "h20" not in lines["Hopper"]
    assert story_hints.lines_named("Nvidia's most advanced Blackwell chips", lines) == lines["Blackwell"]
    assert story_hints.lines_named("The B30A chip", lines) == set()


FLAGSHIP_KEPT = (
    "Donald Trump has decided he will not allow Nvidia to sell its top Blackwell chips to China, he told "
    "a television interviewer.\n\nThose chips, he said, stay for American companies."
)


def test_a_refusal_of_the_flagship_line_is_not_the_b30a_story(real_seeds) -> None:
    offered = {d.source_id for d in draft_from_text(FLAGSHIP_KEPT, real_seeds).duplicates}
    assert B30A_REFUSED not in offered  # named by words and event alone before the line rule
    assert TOP_CHIPS_KEPT in offered


def test_the_b30a_named_is_the_b30a_story(real_seeds) -> None:
    text = (
        "People briefed on the decision said the White House has told agencies it would not let Nvidia "
        "sell the B30A, its cut-down Blackwell part, to Chinese buyers.\n\nNvidia had sent samples to "
        "customers in China."
    )
    assert B30A_REFUSED in {d.source_id for d in draft_from_text(text, real_seeds).duplicates}


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["Donald Trump met Xi Jinping.", '"Not that one," he said.'], [{"Donald Trump"}, {"Donald Trump"}]),
        (["Donald Trump met Jensen Huang.", '"Not that one," he said.'], [{"Donald Trump", "Jensen Huang"}, set()]),
        (["Donald Trump met Xi Jinping.", "The chips were not discussed."], [{"Donald Trump"}, set()]),
        (["Nvidia shares rose.", '"Not that one," he said.'], [set(), set()]),
    ],
)
def test_he_said_is_the_one_person_named_just_before(sentences: list[str], expected: list[set[str]]) -> None:
    assert story_hints.speakers(sentences, ["Donald Trump", "Jensen Huang"]) == expected


SHARE_GONE = "Jensen Huang said Nvidia's share of China's AI accelerator market has gone from 95% to zero.\n\n"


def test_a_second_story_told_by_its_own_speaker_is_offered_beside_a_clear_match(real_seeds) -> None:
    text = SHARE_GONE + (
        "Donald Trump, asked about chips after meeting Xi Jinping, was brief.\n\n"
        '"We are not discussing Blackwell," he said.'
    )
    offered = [d.source_id for d in draft_from_text(text, real_seeds).duplicates]
    assert offered[0] == "2025-11-01-aw-news-day-huang-china-share-zero"
    assert BLACKWELL_NOT_DISCUSSED in offered  # under the full bar, on the rare event and its speaker


def test_the_same_second_story_without_its_speaker_is_not(real_seeds) -> None:
    text = SHARE_GONE + (
        "Asked about chips after the leaders met, officials were brief.\n\n"
        "The talks were not discussing Blackwell, they said."
    )
    assert BLACKWELL_NOT_DISCUSSED not in {d.source_id for d in draft_from_text(text, real_seeds).duplicates}


HUAWEI_REVENUE = "2026-06-22-ainchina-huawei-ascend-revenue-2026"  # its claims name the Ascend 950PR


def test_another_chip_is_judged_in_the_paragraph_retelling_the_story(real_seeds) -> None:
    # a round-up: Nvidia's chips in one paragraph, Huawei's chip revenue (no chip named) in another
    stories = story.story_index(real_seeds)
    index = source_index.index(real_seeds)
    told = story.read_text(stories, "Nvidia stopped selling H200 and H20 chips to Chinese firms.")
    plain = story.read_text(stories, "Huawei expects AI chip revenue of about $12 billion this year.")
    other = story.read_text(stories, "Huawei expects revenue of about $12 billion from H20 chips this year.")
    figures: tuple = ({}, {}, False)
    assert duplicates._against(stories, HUAWEI_REVENUE, told, figures, index) == 0.5  # the whole text: other chips
    assert duplicates._against(stories, HUAWEI_REVENUE, told, figures, index, plain) == 1.0
    # near miss: the retelling paragraph itself names another chip
    assert duplicates._against(stories, HUAWEI_REVENUE, told, figures, index, other) == 0.5
