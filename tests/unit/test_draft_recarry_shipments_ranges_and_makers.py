"""Four readings of the duplicate check (s9-d): chips a seller is getting ready to send are the
first shipment's size; a vague wording whose range holds a source's number for the same thing is
that figure told roughly; a licence's terms are set by the government their sentence names, never
by the firm they bind; an event common over the year but told by few stories in the days of the
report points at those. Each with the case it must catch and a near miss that must stay unmatched.

The short texts are written for these tests; the fixtures are the published excerpts the bench scores.
"""

from __future__ import annotations

import datetime as dt

from data.draft import draft_from_text, story, story_hints, story_time
from data.draft.duplicates import SAME_FACT
from data.draft.figure_match import held_in_words
from data.lexicon import Range
from tests.unit.recarry_sources import FIRST_BATCH, NONE_SO_FAR, RULE, STOCK, told

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
    held, count = held_in_words([(SHIPMENT, "chips", "tens of thousands")], real_seeds.lexicon, ranges)
    assert held == {"inside": {(SHIPMENT, "chips", "tens of thousands")}}
    assert count[(SHIPMENT, "chips", "tens of thousands")] == 1
    # A wording spanning more than tenfold ("small amounts") points at no one figure.
    assert held_in_words([(SHIPMENT, "chips", "small amounts")], real_seeds.lexicon, ranges)[0] == {}


def test_a_rough_count_of_the_planned_shipment_names_its_story(real_seeds) -> None:
    text = (
        "Before the Lunar New Year holiday, Nvidia plans to ship tens of thousands of H200 units to clients "
        "in China, with appetite for AI hardware still high."
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


# --------------------------------------------------------------------------- an event rare in its days

UNSOLD = "Nvidia's H200 remains unsold in China, and African buyers of technology may feel the effects."


def test_a_common_event_few_stories_of_those_days_tell_names_them(real_seeds) -> None:
    # Seven stories tell that none was delivered; two of them ran the day before this report.
    offered = {
        d.source_id: d.why for d in draft_from_text(UNSOLD, real_seeds, published=dt.date(2026, 2, 25)).duplicates
    }
    assert NONE_SO_FAR in offered
    assert "few stories of those days tell" in offered[NONE_SO_FAR]


def test_the_same_event_on_other_days_or_undated_names_nothing(real_seeds) -> None:
    # Near misses: no story telling it ran within three days, or the report has no date at all.
    assert draft_from_text(UNSOLD, real_seeds, published=dt.date(2026, 4, 10)).duplicates == []
    assert draft_from_text(UNSOLD, real_seeds).duplicates == []


def test_an_event_many_stories_of_those_days_tell_is_no_evidence(real_seeds) -> None:
    # Near miss: in the days Beijing let the first H200s in, four stories tell of the import allowed.
    index = story.story_index(real_seeds)
    text = told("Beijing has allowed Chinese firms to import the H200.", real_seeds)
    assert story.shared_events(index, FIRST_BATCH, text) == ["sale-permitted"]
    assert story_time.rare_then(index, FIRST_BATCH, text, real_seeds.sources, dt.date(2026, 1, 29)) == []
