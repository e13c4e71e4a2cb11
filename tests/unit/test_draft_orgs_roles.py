"""Organisations named the way other outlets name them: a government by where it sits or by its
capital in another spelling, a chip's parts makers, state-run buyers, a role placed by "in China"
after it, and a list that starts with one named department.

Each case has a near miss: another country's body, another firm's suppliers, the state as the one
acted upon, a trip to the capital. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from data.draft.entities import EntityIndex
from data.load import SeedData


@pytest.fixture(scope="module")
def index(real_seeds: SeedData) -> EntityIndex:
    return EntityIndex(real_seeds)


def _orgs(index: EntityIndex, text: str) -> set[str]:
    return {m.id for m in index.find(text) if m.kind == "organisation"}


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
