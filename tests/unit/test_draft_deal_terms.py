"""Figures the tenth fresh set (run 15, untouched) showed the drafter dropping or mislabelling: a
deal's terms in a paragraph that points back at the deal, a per-chip price whose chip carries the
price tag, and "the low millions". The sentences are written for these tests."""

from __future__ import annotations

from data.draft import draft_from_text
from data.draft.background import paragraph_reason
from data.draft.units import money_unit

LEAD = "Washington will let Nvidia sell its H200 chips to Chinese buyers."


def _figures(text: str, seeds) -> dict[str, tuple[str, str]]:
    draft = draft_from_text(text, seeds)
    return {c.figure.wording: (c.figure.unit, c.figure.bound) for c in draft.claims if c.figure is not None}


def test_a_paragraph_on_the_deal_keeps_its_terms(real_seeds) -> None:
    drafted = _figures(f"{LEAD}\n\nThe government will take a 25 percent fee on each sale.", real_seeds)
    assert drafted.get("25 percent") == ("percent", "exact")
    drafted = _figures(f"{LEAD}\n\nUnder the deal, 25% of the revenue goes to the government.", real_seeds)
    assert drafted.get("25%") == ("percent", "exact")


def test_a_paragraph_on_another_matter_still_names_neither_chip_nor_china() -> None:
    assert paragraph_reason("The agency's budget rose 12 percent this year.", [], set())
    assert paragraph_reason("Retail sales fell 3 percent in October.", [], set())  # "sales", not "these sales"
    assert paragraph_reason("A 25 percent fee per sale goes to the Treasury.", [], set()) is None


def test_a_chip_that_carries_a_price_tag_is_priced_per_chip() -> None:
    sentence = "Every individual processor comes with a price tag of about $27,000."
    start = sentence.index("$")
    assert money_unit(sentence, "usd", start, len(sentence) - 1) == "usd_per_chip"
    other = "The full contract comes with a price tag near $27,000."  # near miss: no one chip named
    assert money_unit(other, "usd", other.index("$"), len(other) - 1) == "usd"


def test_the_low_millions_is_a_vague_figure_kept_in_its_words(real_seeds) -> None:
    drafted = _figures(f"{LEAD} Analysts put Chinese demand in the low millions of units.", real_seeds)
    assert any("low millions" in wording for wording in drafted)
    assert real_seeds.lexicon["low millions"].low == 1_000_000
