"""Three readings of the duplicate check (s9-d): chips a seller is getting ready to send are the
first shipment's size; a vague wording whose range holds a source's number for the same thing is
that figure told roughly; a licence's terms are set by the government their sentence names, never
by the firm they bind. Each with the case it must catch and a near miss that must stay unmatched.

The short texts are written for these tests; the fixtures are the published excerpts the bench scores.
"""

from __future__ import annotations

from data.draft import draft_from_text, story_hints
from data.draft.duplicates import SAME_FACT
from data.draft.figure_match import held_in_words
from data.lexicon import Range
from tests.unit.recarry_sources import RULE, STOCK, told

SHIPMENT = "first-shipment-chips"


def _metrics(text: str, seeds) -> list[str | None]:
    return [c.metric for c in draft_from_text(text, seeds).claims if c.figure is not None]


def _offered(text: str, seeds) -> dict[str, str]:
    return {d.source_id: d.why for d in draft_from_text(text, seeds).duplicates}


# --------------------------------------------------------------------------- a planned shipment's size


def test_chips_a_seller_gets_ready_to_send_size_the_first_shipment(real_seeds) -> None:
    assert _metrics("Nvidia is preparing to ship some 30,000 H200 chips to Chinese buyers next month.", real_seeds) == [
        SHIPMENT
    ]
    assert _metrics("The company plans to deliver about 30,000 H200 chips to China in March.", real_seeds) == [SHIPMENT]


def test_chips_already_sent_are_no_planned_shipment(real_seeds) -> None:
    # Near miss: a shipment that happened is counted as delivered, not as the planned first lot.
    assert SHIPMENT not in _metrics("Nvidia has shipped about 30,000 H200 chips to Chinese buyers so far.", real_seeds)


# --------------------------------------------------------------------------- a vague wording holding a number


def test_a_vague_wording_holds_only_the_numbers_inside_its_range(real_seeds) -> None:
    key = (SHIPMENT, "chips")
    ranges = {
        "inside": {key: [Range(40_000, 80_000, "reported", "")]},
        "below": {key: [Range(12_000, 16_000, "reported", "")]},
        "other-thing": {("cn-h200-orders", "chips"): [Range(50_000, 50_000, "reported", "")]},
    }
    held = held_in_words([(SHIPMENT, "chips", "tens of thousands")], real_seeds.lexicon, ranges)
    assert held == {"inside": {(SHIPMENT, "chips", "tens of thousands")}}
    # A wording spanning more than tenfold ("small amounts") points at no one figure.
    assert held_in_words([(SHIPMENT, "chips", "small amounts")], real_seeds.lexicon, ranges) == {}


def test_a_rough_count_of_the_planned_shipment_names_its_story(real_seeds) -> None:
    text = (
        "Nvidia is preparing to ship tens of thousands of its H200 processors to China before the Lunar New Year, "
        "a sign that demand for AI hardware stays strong."
    )
    offered = _offered(text, real_seeds)
    assert STOCK in offered
    assert f"{SAME_FACT} in words its figure fits" in offered[STOCK]


def test_a_rough_count_outside_the_numbers_names_nothing(real_seeds) -> None:
    # Near miss: "thousands" (2,000 to 9,999) holds none of the shipment figures the tracker has.
    text = (
        "Nvidia is preparing to ship thousands of its H200 processors to China before the Lunar New Year, "
        "a sign that demand for AI hardware stays strong."
    )
    assert STOCK not in _offered(text, real_seeds)


# --------------------------------------------------------------------------- who sets a licence's terms

TERMS = (
    "Washington has cleared H200 sales to China on conditions.\n\n"
    "Nvidia has to serve its American buyers first, and China may take no more than half of the US sales volume.\n\n"
    "Independent labs must test each chip before it leaves. The aim is to keep Beijing from using them for its army."
)


def test_a_firm_bound_by_a_term_and_a_country_kept_out_are_not_who_set_it(real_seeds) -> None:
    story = told(TERMS, real_seeds)
    assert story.events["half-of-us-volume"] == set()
    assert story.events["independent-check"] == set()
    assert RULE in _offered(TERMS, real_seeds)


def test_a_term_a_named_government_sets_keeps_its_maker(real_seeds) -> None:
    # Near miss: Beijing's own regulators asking for lab tests are the ones doing it, not the US rule.
    story = told("Chinese regulators will have independent labs test every imported chip.", real_seeds)
    assert "cn-government" in story.events["independent-check"]
    # ... and an event that is no licence term keeps the paragraph's organisations.
    assert story_hints.setters("orders-paused", "x", {"nvidia"}, None, {}) == {"nvidia"}
