"""A text about one bill does not retell a story about another: bills are told apart by name.

Each rule has a case it must catch and a near miss it must leave alone, in the project's own
words (no article sentence is copied here).
"""

from __future__ import annotations

import datetime as dt

import pytest

from data.draft import draft_from_text
from data.draft.bills import another_bill, bill_names
from data.load import SeedData

STOP_STEALING = "2026-07-15-github-briefing-stop-stealing-our-chips-act"
OVERWATCH = "2026-01-21-al-jazeera-house-panel-advances-ai-overwatch-act"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Chip Security Act cleared a House panel.", {"chip security act"}),
        ("Lawmakers backed the GAIN AI Act and the SAFE CHIPS Act.", {"gain ai act", "safe chips act"}),
        ("It builds on the Export Control Reform Act of 2018.", {"export control reform act"}),
        ("An Act of Congress would be needed. The Act passed.", set()),  # no bill's own name
    ],
)
def test_a_bill_is_named_by_its_capitalised_words(text: str, names: set[str]) -> None:
    assert bill_names(text) == names


def test_two_texts_on_different_bills_are_apart_and_a_shared_one_is_not() -> None:
    assert another_bill({"chip security act"}, {"stop stealing our chips act"})
    assert not another_bill({"chip security act", "ai overwatch act"}, {"ai overwatch act"})
    assert not another_bill(set(), {"ai overwatch act"})  # a text naming no bill: nothing to tell apart


def _offered(text: str, seeds: SeedData) -> set[str]:
    """Pasted with no date, and dated the day after the bill story: neither way is it that story."""
    plain = {d.source_id for d in draft_from_text(text, seeds).duplicates}
    dated = draft_from_text(text, seeds, publisher="Test Wire", published=dt.date(2026, 7, 16))
    return plain | {d.source_id for d in dated.duplicates}


def test_a_text_on_another_bill_is_not_offered_a_bills_story(real_seeds: SeedData) -> None:
    text = (
        "The Widget Tracking Act has cleared the House Foreign Affairs Committee. The bill would make "
        "exporters of AI chips such as the H200 check where their chips end up, after cases of chips "
        "diverted through Singapore and Malaysia, and would reward whistleblowers who report smuggling "
        "to the BIS."
    )
    assert not {STOP_STEALING, OVERWATCH} & _offered(text, real_seeds)


def test_a_text_on_the_same_bill_is_still_offered_its_story(real_seeds: SeedData) -> None:
    text = (
        "On Wednesday a big majority of the House Foreign Affairs Committee voted the AI Overwatch Act "
        "forward, though White House adviser David Sacks objects. Lawmakers would get 30 days to look at "
        "each licence for AI chips such as the H200 bound for China."
    )
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 1, 21))
    assert OVERWATCH in {d.source_id for d in draft.duplicates}
