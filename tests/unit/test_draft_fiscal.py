"""A filing's figures carry its fiscal period, drafted from the text (Nvidia's Q2 FY2027 ended in
July 2026: a calendar date would put it in the wrong quarter), and its filer as their actor."""

from __future__ import annotations

from pathlib import Path

import pytest

from data.draft import draft_from_text
from data.draft.dates import fiscal_period
from data.load import load_seeds

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("shipments during the second quarter of fiscal year 2027 were small", "Q2 FY2027"),
        ("a charge in the first half of fiscal year 2027", "H1 FY2027"),
        ("revenue for the third quarter of fiscal 2027 is expected", "Q3 FY2027"),
        ("its fiscal 2026 fourth quarter", "Q4 FY2026"),
        ("Q3 FY27 guidance", "Q3 FY2027"),
        ("H2 FY2026 results", "H2 FY2026"),
        ("near the end of fiscal 2025", None),  # a year alone names no period
        ("in the second quarter of 2026", None),  # a calendar quarter is not a fiscal one
    ],
)
def test_fiscal_periods_in_words_and_codes(text: str, period: str | None) -> None:
    assert fiscal_period(text) == period


def test_a_filing_gives_its_period_to_claims_whose_sentence_names_none() -> None:
    seeds = load_seeds(ROOT / "seeds")
    text = (ROOT / "tests" / "fixtures" / "replay" / "2026-08-05-amd-10q-mi308-mi325-china.txt").read_text()
    draft = draft_from_text(text, seeds)
    assert draft.claims
    assert {c.fiscal_period for c in draft.claims} == {"Q2 FY2026"}
    assert all("fiscal_period" in c.to_confirm for c in draft.claims)
    assert "fiscal_period: Q2 FY2026" in draft.to_seed_yaml({}, added=None)


def test_a_news_story_without_a_fiscal_period_gets_none() -> None:
    seeds = load_seeds(ROOT / "seeds")
    text = (ROOT / "tests" / "fixtures" / "replay" / "2026-08-19-ft-bytedance-tencent-receive-h200s.txt").read_text()
    draft = draft_from_text(text, seeds)
    assert draft.claims and all(c.fiscal_period is None for c in draft.claims)


def test_a_companys_own_report_names_the_company_as_the_actor_of_what_we_did() -> None:
    # AMD's filing says "we" for AMD; a news story about a filing names no filer of its own
    seeds = load_seeds(ROOT / "seeds")
    text = "Title: Quarterly report\nPublisher: AMD\nPublished: 2026-08-05\n\nWe shipped MI308 parts to customers in China, our filing says."
    (claim,) = draft_from_text(text, seeds).claims
    assert "amd" in claim.actors
    news = text.replace("Publisher: AMD", "Publisher: Example Daily").replace("our filing says", "its filing says")
    assert all("amd" not in c.actors for c in draft_from_text(news, seeds).claims)
