"""Organisations named the way other outlets name them: a government by where it sits or by its
capital in another spelling, a chip's parts makers, state-run buyers, a role placed by "in China"
after it, and a list that starts with one named department.

Each case has a near miss: another country's body, another firm's suppliers, the state as the one
acted upon, a trip to the capital. Sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from data.draft import draft_from_text, entities
from data.draft.entities import EntityIndex
from data.draft.model import EntityMatch
from data.load import SeedData
from tests.unit.draft_helpers import orgs_in as _orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The authorities in China have told importers to wait.", "cn-government"),
        ("Officials in Beijing are weighing the request.", "cn-government"),
        ("China is blocking the shipments for now.", "cn-government"),
        ("Peking has yet to answer the request.", "cn-government"),
        ("Its parts suppliers stopped the lines this week.", "nvidia-suppliers"),
        ("Component makers have been asked to slow down.", "nvidia-suppliers"),
        ("Suppliers have halted production of the boards.", "nvidia-suppliers"),
        ("A state-run research institute asked for bids on a server.", "cn-state-buyers"),
        ("State-backed telecom companies may not buy the chip.", "cn-state-buyers"),
        ("Labs at universities in China have used the chips.", "cn-universities"),
        ("One Shanghai university bought a few boards.", "cn-universities"),
        ("Reviews involve the State Department, Defense, and Energy.", "us-defense-dept"),
        ("Reviews involve the State Department, Defense, and Energy.", "us-energy-dept"),
        ("China's Cyberspace Administration told platforms to stop.", "cac"),
    ],
)
def test_a_role_or_another_naming_finds_the_organisation(index: EntityIndex, text: str, org: str) -> None:
    assert org in _orgs(index, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The authorities in Taiwan have told exporters to wait.", "cn-government"),
        ("China was blocked from buying for now.", "cn-government"),  # done to it, not by it
        ("The chief executive flew to Peking on Monday.", "cn-government"),  # a trip to the city
        ("Researchers at Peking University bought the boards.", "cn-government"),  # the university's name
        ("Domestic parts suppliers are winning more orders.", "nvidia-suppliers"),
        ("Suppliers have raised prices for memory.", "nvidia-suppliers"),  # no output stopped
        ("Suppliers in Korea halted production of the boards.", "nvidia-suppliers"),
        ("State-run media said the talks went well.", "cn-state-buyers"),  # media, not a buyer
        ("Labs at universities in Japan have used the chips.", "cn-universities"),
        ("The university said it had no comment.", "cn-universities"),  # no country named
        ("Reviews involve the State Department, Nvidia, and AMD.", "us-defense-dept"),
    ],
)
def test_a_near_miss_names_no_organisation(index: EntityIndex, text: str, org: str) -> None:
    assert org not in _orgs(index, text)


def test_a_capital_opening_a_universitys_name_is_the_university(index: EntityIndex) -> None:
    found = _orgs(index, "Researchers at Beijing Normal University bought two boards.")
    assert "cn-universities" in found and "cn-government" not in found
    # near miss: the capital acting, and a university named with no Chinese place
    assert "cn-government" in _orgs(index, "Beijing approved the purchase by a university.")
    assert "cn-universities" not in _orgs(index, "Researchers at Stanford University bought two boards.")


def test_the_chinese_military_is_a_state_buyer(index: EntityIndex) -> None:
    assert "cn-state-buyers" in _orgs(index, "A PLA hospital sought eight of the chips.")
    assert "cn-state-buyers" not in _orgs(index, "The plan sought eight of the chips.")


def test_a_count_in_a_smuggling_case_applies_to_the_network(real_seeds: SeedData) -> None:
    text = (
        "Nvidia H200 chips are at the centre of a new case.\n\n"
        "Prosecutors charged two men with smuggling; they tried to move about 50 H200 chips to China.\n\n"
        "Separately, Nvidia sold 50 H200 chips to a cloud firm in Texas.\n"
    )
    draft = draft_from_text(text, real_seeds, published=dt.date(2026, 3, 1), publisher="Test Wire")
    applies = [c.applies_to for c in draft.claims if c.figure is not None]
    assert ["smuggling-networks"] in applies  # the case's count
    assert [] in applies  # the sale in another sentence names no network


def test_nvidias_own_stock_applies_to_nvidia_and_a_buyers_order_to_the_buyer(real_seeds: SeedData) -> None:
    text = (
        "Nvidia H200 chips are in demand in China.\n\n"
        "Nvidia has about 700,000 H200 chips in stock, people familiar with the matter said.\n\n"
        "Nvidia said ByteDance ordered 100,000 H200 chips.\n"
    )
    draft = draft_from_text(text, real_seeds, published=dt.date(2026, 1, 2), publisher="Test Wire")
    about = {c.figure.value or c.figure.low: (c.metric, c.applies_to) for c in draft.claims if c.figure is not None}
    assert about[700000] == ("nvidia-h200-stock", ["nvidia"])
    assert about[100000][1] == ["bytedance"]  # near miss: Nvidia named beside a buyer's order is not whom it is about


def test_any_firms_own_metric_applies_to_that_firm_when_its_sentence_names_it() -> None:
    # Huawei's output and Cambricon's revenue as Nvidia's stock was: the metric is named for the firm
    index = EntityIndex.__new__(EntityIndex)
    index.org_kind = {"huawei": "chipmaker", "nvidia": "vendor", "bytedance": "buyer"}
    index.buyers = lambda matches: [m.id for m in matches if m.id == "bytedance"]  # type: ignore[method-assign]
    huawei = EntityMatch(id="huawei", name="Huawei", matched="Huawei", score=100.0, kind="organisation")
    nvidia = EntityMatch(id="nvidia", name="Nvidia", matched="Nvidia", score=100.0, kind="organisation")
    assert entities.applies_to(index, [huawei], None, "huawei-ascend-output") == ["huawei"]
    assert entities.applies_to(index, [nvidia], None, "nvidia-h200-stock") == ["nvidia"]
    # near misses: the firm not named in the sentence, and a metric named for no one
    assert entities.applies_to(index, [nvidia], None, "huawei-ascend-output") == []
    assert entities.applies_to(index, [huawei], None, "cn-h200-orders") == []
