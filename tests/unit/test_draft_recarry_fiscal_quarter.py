"""A results story's own fiscal quarter: a lead about Nvidia's second fiscal 2026 quarter retells
that quarter's results story and counts against the next quarter's (they share nearly all their
words); a quarter the text only mentions later, or another company's, changes nothing."""

from __future__ import annotations

import pytest

from data.draft import story_period
from data.draft.dates import fiscal_periods

Q2 = "2025-08-28-kaohoon-nvidia-q2-fy26-no-h20-china"
Q3 = "2025-11-20-particle-news-nvidia-q3-fy26-h20-token"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("the second quarter (Q2) of the fiscal year 2026", "Q2 FY2026"),
        ("released its fiscal Q2 2026 earnings", "Q2 FY2026"),
        ("results for the second quarter of its 2026 fiscal year", "Q2 FY2026"),
        ("in its second fiscal 2026 quarter", "Q2 FY2026"),
        ("below Q2 of the fiscal year 2025", "Q2 FY2025"),
        ("the second quarter of 2026", None),  # a calendar quarter
    ],
)
def test_more_ways_of_naming_a_fiscal_quarter(text: str, period: str | None) -> None:
    found = fiscal_periods(text)
    assert (found[0][1] if found else None) == period


def test_sources_know_their_own_quarter_and_not_the_one_they_forecast(real_seeds) -> None:
    found = story_period.periods(real_seeds)
    assert found.own[Q2] == {("nvidia", "Q2 FY2026")}  # its Q3 outlook is not its own quarter
    assert found.own[Q3] == {("nvidia", "Q3 FY2026")}


def test_a_lead_about_a_quarter_points_at_that_quarters_story(real_seeds) -> None:
    found = story_period.periods(real_seeds)
    text = "Nvidia posted its fiscal Q2 2026 earnings after the bell.\nData-centre sales rose again."
    lead = story_period.lead_period(found, "", text)
    assert lead == ("nvidia", "Q2 FY2026")
    assert story_period.signal(found, Q2, lead) and not story_period.signal(found, Q3, lead)
    assert story_period.against(found, Q3, lead, text) < 1.0
    assert story_period.against(found, Q2, lead, text) == 1.0


def test_a_quarter_named_later_or_another_companys_changes_nothing(real_seeds) -> None:
    found = story_period.periods(real_seeds)
    later = "Nvidia beat forecasts.\nSales rose.\nA year ago, in the second quarter of fiscal 2026, it sold no H20s."
    assert story_period.lead_period(found, "", later) is None  # not in the headline or first paragraphs
    both = "Nvidia's Q3 FY2026 results follow the Q2 FY2026 ones.\nMore."
    assert story_period.against(found, Q2, story_period.lead_period(found, "", both), both) == 1.0  # named too
    amd = "AMD reported its fiscal Q2 2026 results on Tuesday.\nIts MI308 sales were small."
    lead = story_period.lead_period(found, "", amd)
    assert lead == ("amd", "Q2 FY2026")
    assert not story_period.signal(found, Q2, lead) and story_period.against(found, Q3, lead, amd) == 1.0


# --------------------------------------------------------------------------- waiting, told as waiting


@pytest.mark.parametrize(
    ("sentence", "event", "present"),
    [
        ("Nvidia is still awaiting final approval.", "under-review", True),
        ("It is awaiting the outcome of the imposed approval process.", "under-review", True),
        ("Nvidia awaits a decision on its plans.", "under-review", False),  # no approval or review named
        ("Chinese companies are waiting to place orders.", "no-orders-placed", True),
        ("Buyers placed orders without waiting.", "no-orders-placed", False),
        ("Suppliers are waiting to produce components.", "production-halted", True),
        ("Suppliers produce components while waiting for orders.", "production-halted", False),
    ],
)
def test_waiting_for_approval_to_order_or_to_make_is_told_as_such(sentence: str, event: str, present: bool) -> None:
    """A licence waiting on an approval process is under review; buyers waiting to place orders have
    placed none; suppliers waiting to produce have stopped making it (417: the FT's review story)."""
    from data.draft.events import events_in

    assert (event in events_in(sentence)) is present


def test_charges_in_the_plural_are_a_charge_taken() -> None:
    """'a projected $5.5 billion in charges' tells of a charge as 'a $5.5 billion charge' does (437)."""
    from data.draft.events import events_in

    assert "charge-taken" in events_in("The decision has resulted in a projected $5.5 billion in charges.")
    assert "charge-taken" in events_in("It booked write-downs on its H20 stock.")
    assert "charge-taken" not in events_in("Nvidia shares rose after its results.")


def test_a_quarter_belongs_to_a_company_not_to_an_agency_in_its_filing(real_seeds) -> None:
    """AMD's 10-Q is AMD's Q2 FY2026; Commerce acting in one of its claims has no fiscal quarter."""
    found = story_period.periods(real_seeds)
    assert found.own["2026-08-05-amd-10q-mi308-mi325-china"] == {("amd", "Q2 FY2026")}
    assert "us-commerce" not in found.names
