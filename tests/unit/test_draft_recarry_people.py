"""The duplicate check's rules of session 16: someone named only as the one a letter is written to
does nothing in the text, so neither their name nor the words of it tie the text to a story in
which they speak; and a cut of China revenue paid to Washington for licences is an event of its
own. Each rule with a case and a near miss. The sentences are written for these tests, not taken
from articles.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text, story_hints
from data.draft.events import events_in

KESSLER_TESTIMONY = "2026-07-14-cnbc-kessler-h200-shipments-begun"


def _offered(text: str, seeds) -> set[str]:
    return {d.source_id for d in draft_from_text(text, seeds).duplicates}


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("Two Democrats sent a letter to Under Secretary for Industry and Security Jeffrey Kessler on Monday.", True),
        ("They wrote to Jeffrey Kessler, the export official, asking for the licences.", True),
        ("In correspondence addressed to Commerce's Jeffrey Kessler, the senators asked for data.", True),
        ("Jeffrey Kessler wrote to the lawmakers that shipments had begun.", False),  # he writes
        ("A letter went to Jeffrey Kessler. Kessler told the panel shipments had begun.", False),  # and then speaks
        ("Jeffrey Kessler testified before the committee.", False),
    ],
)
def test_a_person_is_addressed_only_when_every_mention_is_a_letters_recipient(text: str, addressed: bool) -> None:
    assert story_hints.addressed_only("Jeffrey Kessler", text) is addressed


def test_an_addressees_name_is_left_out_of_the_words_compared() -> None:
    text = "They sent a letter to Jeffrey Kessler. The letter asked about chips."
    assert "Kessler" not in story_hints.unaddressed(text, ["Jeffrey Kessler", "Gregory Meeks"])
    spoken = "Jeffrey Kessler told lawmakers that shipments had begun."
    assert story_hints.unaddressed(spoken, ["Jeffrey Kessler"]) == spoken


LETTER = (
    "Senator Elizabeth Warren and Representative Gregory Meeks sent a letter to Under Secretary for "
    "Industry and Security Jeffrey Kessler on Monday, asking the Commerce Department to hand over what "
    "it holds on the Nvidia H200 licences for China.\n\n"
    "Congress has oversight of export control decisions, the lawmakers wrote to Jeffrey Kessler."
)
TESTIMONY = (
    "Jeffrey Kessler, the Commerce Department's export chief, told the House Foreign Affairs Committee "
    "that shipments of Nvidia's H200 to China had begun, in what he called a trivial amount.\n\n"
    "Representative Gregory Meeks said the administration had loosened safeguards."
)


def test_a_letter_to_the_export_official_is_not_his_later_testimony(real_seeds) -> None:
    draft = draft_from_text(LETTER, real_seeds)
    assert KESSLER_TESTIMONY not in {d.source_id for d in draft.duplicates}
    assert not any("Kessler" in d.why for d in draft.duplicates)  # his name is evidence of nothing here


def test_the_export_officials_own_testimony_is_still_named(real_seeds) -> None:
    assert KESSLER_TESTIMONY in _offered(TESTIMONY, real_seeds)


@pytest.mark.parametrize(
    "sentence",
    [
        "Both chipmakers agreed to pay the U.S. government 15% of their sales revenue in China.",
        "The firm will give Washington 15% of what it earns on those chips.",
        "They pass 15% of their China revenue on the chips to the US government.",
        "The president settled on a 15% cut of China sales.",
        "The deal requires the chipmaker to share 15% of the revenue from those chips.",
        "Officials expect Washington to receive 15% of the revenue from licensed sales.",
        "Licences were granted in exchange for 15% of the revenue from the sales.",
    ],
)
def test_a_cut_of_china_revenue_paid_to_washington_is_its_own_event(sentence: str) -> None:
    assert "revenue-share" in events_in(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The US government will take a 10% stake in the chipmaker.",  # a stake, not a cut of sales
        "Importers pay a 25% tariff on the chips.",
        "China made up 13% of the company's revenue last year.",
        "Data-centre chips brought in 88% of the revenue in the quarter.",  # a part of revenue, no one paid
    ],
)
def test_a_stake_a_tariff_or_a_revenue_share_of_china_is_not_it(sentence: str) -> None:
    assert "revenue-share" not in events_in(sentence)
