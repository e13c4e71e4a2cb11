"""The duplicate check on a first batch and a rule's terms told in other words (after run 19): a
first batch counted by the ones still to come ("later batches"); a cap set against home sales is
the half-of-US-volume term; "shipment caps" are volume limits; "third-party verification" is an
independent check, with a typeset hyphen too; a sentence dating an event both tell to the
source's own day counts for it. Each with a case and a near miss. The sentences are
written for these tests, not taken from articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from data.draft import draft_from_text, story, story_time
from data.draft.events import events_in

FIRST_BATCH = "2026-01-28-reuters-china-approves-first-h200-batch"
BIS_RULE = "2026-01-15-federal-register-bis-h200-export-rule"


@pytest.mark.parametrize(
    "sentence",
    [
        "Regulators cleared an initial tranche of purchases.",
        "More firms are waiting for later batches.",
        "It is unclear how many companies will be cleared in future rounds of approvals.",
    ],
)
def test_a_first_batch_in_any_of_its_words(sentence: str) -> None:
    assert "first-batch" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The next round of talks is in March.",
        "A later batch of earnings reports is due.",
        "Next batches of samples ship soon.",
        "It was the first time.",
    ],
)
def test_a_round_of_talks_or_a_batch_of_something_else_is_not_it(sentence: str) -> None:
    assert "first-batch" not in events_in(sentence)


def test_a_cap_set_against_home_sales_is_the_half_of_us_volume_term() -> None:
    assert "half-of-us-volume" in events_in("Exports face caps tied to what US customers buy.")
    assert "half-of-us-volume" not in events_in("Exports face caps tied to the chip's speed.")


def test_shipment_caps_are_volume_limits() -> None:
    assert "volume-limits" in events_in("The licence comes with shipment caps.")
    assert "volume-limits" not in events_in("The licence comes with shipment delays.")


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u2011"])
def test_a_third_party_verification_is_an_independent_check_in_any_hyphen(hyphen: str) -> None:
    assert "independent-check" in events_in(f"Buyers face third{hyphen}party verification of their use.")


def test_a_partys_own_checks_are_not_independent() -> None:
    assert "independent-check" not in events_in("The party verified its own accounts.")


_FIRST_BATCH = (
    "Beijing has approved three of its biggest tech groups to buy Nvidia's H200, during a visit by Jensen Huang.\n\n"
    "ByteDance, Alibaba and Tencent may buy more than 400,000 of the chips between them, while other "
    "firms wait for later batches."
)


def test_the_first_batch_told_by_the_batches_to_come_names_its_story(real_seeds) -> None:
    assert FIRST_BATCH in {d.source_id for d in draft_from_text(_FIRST_BATCH, real_seeds).duplicates}


_RULE_TERMS = (
    "Washington told Nvidia it may apply for licences to sell the H200 in China under tight conditions.\n\n"
    "They include shipment caps relative to domestic sales and third\u2011party verification of who uses the chips."
)


def test_the_rules_terms_in_other_words_name_the_rule(real_seeds) -> None:
    assert BIS_RULE in {d.source_id for d in draft_from_text(_RULE_TERMS, real_seeds).duplicates}


CUSTOMS_BLOCK = "2026-01-14-reuters-china-customs-blocks-h200"
_BLOCK = "Chinese customs blocked imports of Nvidia's H200 on January 14."
_RESULTS = "Nvidia reported its results on January 14."


def _dated(real_seeds, text: str, sentence: str, day: dt.date) -> list[tuple[float, str]]:
    stories = story.story_index(real_seeds)
    when = [real_seeds.sources[CUSTOMS_BLOCK].published]
    return story_time.dated_event(stories, CUSTOMS_BLOCK, story.read_text(stories, text), [(day, sentence)], when)


def test_a_sentence_dating_a_shared_event_to_the_sources_day_counts(real_seeds) -> None:
    (signal,) = _dated(real_seeds, _BLOCK, _BLOCK, dt.date(2026, 1, 14))
    assert "the text dates what both tell" in signal[1] and "14 Jan 2026" in signal[1]


def test_the_event_dated_to_another_day_or_another_thing_on_that_day_is_no_signal(real_seeds) -> None:
    assert _dated(real_seeds, _BLOCK, _BLOCK, dt.date(2026, 3, 20)) == []
    assert _dated(real_seeds, f"{_RESULTS} {_BLOCK}", _RESULTS, dt.date(2026, 1, 14)) == []
