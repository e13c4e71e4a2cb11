"""Organisations found in the real excerpts 01-50 (all tuned on): every keyed one, and nothing else
beyond a reviewed list (issue 17, part 5).

The drafter's organisations are the ones its sentences name (``data.draft.core`` finds them
sentence by sentence); this test does the same without drafting figures, so it stays fast. An
organisation found that the key does not list fails the test until a person has looked at it and
added it below with the reason: that is the precision check beside the bench's recall column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.draft_real import read_fixture
from data.draft.entities import EntityIndex
from data.draft.extract import read_text, sentences
from data.load import SeedData

REAL = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real_articles"
TUNED = [p for p in sorted(REAL.glob("*.txt")) if int(p.name.split("-")[0]) <= 50]  # excerpts 51+ are never tuned on

# Found but not keyed, each looked at: the text does name the organisation (the key leaves it out,
# or it is named off the H200 story), or the city stands for the country in a way a reader could
# take either way. Anything not here is a wrong name.
REVIEWED_EXTRAS: dict[tuple[str, str], str] = {
    ("05", "cn-state-buyers"): "state-backed firms (telecom operators) stay under tight control: the group named",
    ("08", "us-congress"): "US lawmakers of both parties criticise the approval",
    ("09", "nvidia"): "Nvidia is named throughout; the key lists only the officials",
    ("09", "us-congress"): "lawmakers in Washington argue about the approval",
    ("12", "cn-government"): "Beijing has not signed off on the shipments: the government acting",
    ("15", "cn-government"): "Beijing as the country (what it needs, its answer to Nvidia): either reading",
    ("15", "us-congress"): "lawmakers of both parties question the revenue cut",
    ("16", "tencent"): "named as one of SoftBank's holdings, not in the H200 story",
    ("27", "cn-government"): "Beijing's rise as a technology power: the country or its government",
    ("27", "us-congress"): "the hawks are in Congress, named as such",
    ("32", "us-congress"): "a group of US senators brings the bill",
    ("33", "cn-state-buyers"): "a state-run AI institute's tender for an eight-chip server: a state buyer",
    ("39", "cn-government"): "China blocks the chips' entry: the state acting (the key names only customs)",
    ("49", "cn-government"): "Beijing's military capabilities: the country or its government",
    # the unnamed Chinese buyers, the US government clearing sales and universities as China's exception
    # (org_groups): the keys of 01-50 were written before these groups were drafted
    ("01", "other-cn-buyers"): "Chinese firms ordered over two million H200s",
    ("02", "other-cn-buyers"): "Chinese technology firms placed the two-million orders",
    ("03", "other-cn-buyers"): "Chinese tech firms allowed to purchase the first batch",
    ("04", "other-cn-buyers"): "Chinese companies ordered over two million",
    ("06", "cn-universities"): "imports allowed for R&D done with universities: the exception Beijing makes",
    ("06", "other-cn-buyers"): "local tech firms told not to buy; Chinese tech firms placed orders",
    ("07", "other-cn-buyers"): "Chinese companies advised to refuse to buy Nvidia chips",
    ("08", "other-cn-buyers"): "none sold yet to Chinese customers",
    ("09", "other-cn-buyers"): "none sold to Chinese customers so far",
    ("09", "us-white-house"): "the US administration cleared the sales",
    ("10", "other-cn-buyers"): "Chinese customers choose how many of each chip to take",
    ("11", "other-cn-buyers"): "a per-customer cap for Chinese buyers",
    ("12", "other-cn-buyers"): "Chinese firms placed orders over two million",
    ("13", "other-cn-buyers"): "domestic firms told to halt orders; Chinese customers pay upfront",
    ("14", "other-cn-buyers"): "Chinese customers must show security measures to buy",
    ("18", "cn-universities"): "H200s may be allowed for university research in China",
    ("18", "other-cn-buyers"): "US clears sales to Chinese buyers",
    ("20", "cn-universities"): "purchases approved only in special cases such as university research",
    ("20", "other-cn-buyers"): "Chinese buyers give assurances; domestic firms' purchases approved case by case",
    ("21", "other-cn-buyers"): "Chinese technology companies placed the orders",
    ("22", "other-cn-buyers"): "Chinese clients and enterprises ordering the chips",
    ("22", "us-white-house"): "the U.S. government approved the exports",
    ("23", "other-cn-buyers"): "domestic companies waiting for the green light to buy",
    ("24", "other-cn-buyers"): "domestic firms avoid purchasing; Chinese clients rethink orders",
    ("26", "other-cn-buyers"): "Chinese technology groups cleared to acquire the chips",
    ("27", "other-cn-buyers"): "no H200 has reached Chinese customers legally",
    ("28", "other-cn-buyers"): "about ten Chinese firms cleared to buy",
    ("30", "us-white-house"): "the US government allowed exports for a 25 percent levy",
    ("31", "other-cn-buyers"): "sales to selected Chinese clients",
    ("31", "us-white-house"): "the US government allowed the sales",
    ("32", "other-cn-buyers"): "chip sales to Chinese firms; acceptance by Chinese customers",
    ("33", "other-cn-buyers"): "supplied to domestic buyers through the grey market",
    ("34", "other-cn-buyers"): "Chinese customers pay in full for their orders",
    ("35", "other-cn-buyers"): "Chinese customers have not placed orders",
    ("38", "other-cn-buyers"): "domestic tech firms told not to purchase; Chinese firms want the chip",
    ("39", "other-cn-buyers"): "demand among Chinese technology companies",
    ("39", "us-white-house"): "the United States government had cleared the chips for export",
    ("40", "other-cn-buyers"): "Chinese firms and domestic companies allowed to purchase",
    ("41", "other-cn-buyers"): "Chinese companies that purchase the chips, their orders",
    ("42", "other-cn-buyers"): "Chinese companies' purchase orders spiked",
    ("43", "other-cn-buyers"): "Chinese tech firms ordered over two million",
    ("46", "other-cn-buyers"): "Chinese customers not placing orders yet",
    ("48", "other-cn-buyers"): "two unnamed Chinese companies paid for the smuggled chips",
}


def _found(index: EntityIndex, body: str) -> set[str]:
    article = read_text(body)
    return {
        m.id
        for paragraph in article.paragraphs
        for _, sentence in sentences(paragraph)
        for m in index.find(sentence)
        if m.kind == "organisation"
    }


@pytest.fixture(scope="module")
def found(real_seeds: SeedData) -> dict[str, tuple[set[str], list[str]]]:
    index = EntityIndex(real_seeds)
    out = {}
    for path in TUNED:
        _, body = read_fixture(path)
        key = yaml.safe_load(path.with_suffix(".key.yaml").read_text(encoding="utf-8"))
        out[path.name[:2]] = (_found(index, body), list(key.get("organisations") or []))
    return out


def test_the_fifty_tuned_excerpts_are_all_here() -> None:
    assert len(TUNED) == 50


def test_every_keyed_organisation_is_found(found: dict[str, tuple[set[str], list[str]]]) -> None:
    missed = {(n, org) for n, (got, keyed) in found.items() for org in keyed if org not in got}
    assert missed == set()


def test_no_organisation_is_named_that_the_text_does_not_name(found: dict[str, tuple[set[str], list[str]]]) -> None:
    extras = {(n, org) for n, (got, keyed) in found.items() for org in got - set(keyed)}
    assert extras - set(REVIEWED_EXTRAS) == set()
    # A reviewed extra that is no longer found is dropped from the list, so the list stays true.
    assert set(REVIEWED_EXTRAS) - extras == set()


def test_a_ministry_is_found_by_either_word_order(real_seeds: SeedData) -> None:
    """ "Ministry of Finance" is also "the Finance Ministry" (421); another country's is another body."""
    index = EntityIndex(real_seeds)
    found = {m.id for m in index.find("Sanctions imposed by the Finance Ministry target 46 US companies.")}
    assert "cn-mof" in found
    assert "mofcom" in {m.id for m in index.find("The Commerce Ministry in Beijing named ten firms.")}
    assert "cn-mof" not in {m.id for m in index.find("Japan's Finance Ministry said the yen was weak.")}
