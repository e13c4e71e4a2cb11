"""Organisations named as a group or by what they do: unnamed Chinese buyers, chips smuggled, the
US government acting, universities as the exception a Chinese approval makes, a bare list of US
departments, China acting in a second verb or a headline's capitalised one, and a few spellings
(an all-capitals acronym, a committee's full name, a company's product after a hyphen). And one
family of figureless statements: the chip not sold or not arrived in China, told without a
shipping verb ("remains unsold", "yet to reach the market"); and a named side's own words on the
chips or the decision ("the president said the deal ...").

Each case has a near miss that must not match. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text
from data.draft.entities import EntityIndex
from data.load import SeedData
from tests.unit.draft_helpers import orgs_in as _orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Big Chinese tech firms have placed orders for the new boards.", "other-cn-buyers"),
        ("Beijing told local internet companies to pause purchases of the chips.", "other-cn-buyers"),
        ("Nvidia now asks Chinese clients to settle the full bill for each chip.", "other-cn-buyers"),
        ("Thousands of GPUs had been smuggled via Singapore.", "smuggling-networks"),
        ("Many GPUs were quietly smuggled into China last year.", "smuggling-networks"),
        ("Some Chinese smugglers rerouted the boards through a third country.", "smuggling-networks"),
        ("The firm is finishing the licence paperwork with the U.S. government.", "us-white-house"),
        ("Beijing may allow some buys for joint research with universities.", "cn-universities"),
        ("The file went out for comments across State, Energy, and Defense this week.", "us-energy-dept"),
        ("The file went out for comments across State, Energy, and Defense this week.", "us-state-dept"),
        ("Officials at Commerce and Defense are reading the file.", "us-defense-dept"),
        ("The DOD also started a new program.", "us-defense-dept"),
        ("The House Select Committee on the Chinese Communist Party wrote a bill.", "us-congress"),
        ("Its DeepSeek-V3 model was trained on older parts.", "deepseek"),
        ("China has weighed the offer for weeks, and is now rejecting the boards.", "cn-government"),
        ("China Bans Imports Of The New Boards", "cn-government"),
    ],
)
def test_a_group_or_role_names_the_organisation(index: EntityIndex, text: str, org: str) -> None:
    assert org in _orgs(index, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Big Chinese tech firms design processors of their own.", "other-cn-buyers"),  # makers, not buyers
        ("Local tech companies in Texas placed orders for the boards.", "other-cn-buyers"),  # no China said
        ("Japanese tech firms have placed orders for the new boards.", "other-cn-buyers"),  # another country
        ("Officials said no chips were smuggled this year.", "smuggling-networks"),  # denied
        ("Lawmakers want penalties for chip smuggling.", "smuggling-networks"),  # a law, no network
        ("Cigarettes were smuggled into the port last year.", "smuggling-networks"),  # not chips
        ("The firm is finishing the paperwork with the Chinese government.", "us-white-house"),
        ("The firm is finishing the paperwork with the government.", "us-white-house"),  # no country
        ("The U.S. government is looking into how the boards left.", "us-white-house"),  # no clearance or cut
        ("Students at universities in Japan may get exceptions.", "cn-universities"),  # another country
        ("The file went out for comments across Texas, Ohio, and Florida.", "us-energy-dept"),  # not departments
        ("The dod of the clock kept ticking.", "us-defense-dept"),  # not the acronym
        ("A select committee of the club met.", "us-congress"),
        ("China has few options and Washington blocked the sale.", "cn-government"),  # another subject
        ("China buys more boards and approved ones sell fast.", "cn-government"),  # no auxiliary: an adjective
        ("Exports To China Blocked Again", "cn-government"),  # a headline's place, done to it
    ],
)
def test_a_near_miss_names_no_organisation(index: EntityIndex, text: str, org: str) -> None:
    assert org not in _orgs(index, text)


def test_firms_named_beside_the_group_are_whom_a_figure_is_about(index: EntityIndex) -> None:
    sentence = "Chinese tech companies such as Alibaba and Tencent have ordered 300,000 chips."
    assert index.buyers(index.find(sentence)) == ["alibaba", "tencent"]
    # near miss: the group alone is whom the figure is about
    assert index.buyers(index.find("Chinese tech companies have ordered 300,000 chips.")) == ["other-cn-buyers"]


def test_universities_take_their_country_from_the_paragraph(real_seeds: SeedData) -> None:
    text = "Beijing will let few buyers import the H200. Exceptions may cover joint research with universities.\n"
    assert "cn-universities" in {m.id for m in draft_from_text(text, real_seeds).entities}
    # near miss: the paragraph is about Japan, not China
    other = "Tokyo will let few buyers import the H200. Exceptions may cover joint research with universities.\n"
    assert "cn-universities" not in {m.id for m in draft_from_text(other, real_seeds).entities}


def _statements(text: str, seeds: SeedData) -> list[tuple[str, str | None]]:
    return [(c.kind, c.status) for c in draft_from_text(text + "\n", seeds).claims if c.figure is None]


@pytest.mark.parametrize(
    "text",
    [
        "The H200 still sits unsold in China months after the go-ahead.",
        "Nvidia has yet to reach the Chinese market with the H200.",
        "The H200 is yet to land in China, the report says.",
    ],
)
def test_a_chip_not_sold_in_china_is_a_shipment_with_none(text: str, real_seeds: SeedData) -> None:
    assert ("shipment", "none") in _statements(text, real_seeds)


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia took a charge on unsold H20 inventory last year.",  # stock written off, not the China market
        "Nvidia has yet to reach its sales target for the H200.",  # a target, not a market
    ],
)
def test_a_near_miss_is_no_shipment_with_none(text: str, real_seeds: SeedData) -> None:
    assert ("shipment", "none") not in _statements(text, real_seeds)


def _spoken(text: str, seeds: SeedData) -> list[str]:
    """The statements drafted from ``text`` said after a sentence on the H200 (a report on our chip)."""
    draft = draft_from_text("The H200 is a fast chip from Nvidia. " + text + "\n", seeds)
    return [c.kind for c in draft.claims if c.figure is None and c.text.strip() == text]


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia said in a statement that the decision is good for its workers.",
        "A spokesperson for the embassy said the ban on the chips hurts cooperation.",
    ],
)
def test_a_sides_own_words_on_the_chips_are_a_statement(text: str, real_seeds: SeedData) -> None:
    assert _spoken(text, real_seeds)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said the decision is good for the sector.",  # a view, not a side's words
        "Nvidia said its quarterly event will be held online.",  # nothing on the chips or the decision
        "A neighbour said the sales of the chips looked strong.",  # no side named
    ],
)
def test_a_view_or_an_off_topic_remark_is_no_statement(text: str, real_seeds: SeedData) -> None:
    assert not _spoken(text, real_seeds)
