"""Whom a figure is about when its sentence names no buyer: the one buyer its paragraph names.

Each rule has a case it must catch and a near miss it must leave alone, in the project's own
words (no article sentence is copied here).
"""

from __future__ import annotations

import pytest

from data.draft import draft_from_text
from data.load import SeedData


def _applies(text: str, wording: str, seeds: SeedData) -> list[str]:
    draft = draft_from_text(text, seeds)
    found = [c.applies_to for c in draft.claims if c.figure is not None and c.figure.wording == wording]
    assert found, [c.figure.wording for c in draft.claims if c.figure is not None]
    return found[0]


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        (
            "ByteDance plans to spend more on H200 chips next year. This budget is up from about $20 billion.",
            "about $20 billion",
        ),
        (
            "Tencent is testing 5,000 H200 chips. Valued at roughly $300 million, the batch is a trial.",
            "roughly $300 million",
        ),
    ],
)
def test_a_sentence_naming_no_company_takes_the_one_buyer_of_its_paragraph(
    text: str, wording: str, real_seeds: SeedData
) -> None:
    assert _applies(text, wording, real_seeds) in (["bytedance"], ["tencent"])


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        # another company named in the sentence keeps the figure
        ("ByteDance wants H200 chips. Nvidia expects about $20 billion from China.", "about $20 billion"),
        # two buyers in the paragraph: whose it is stays open
        ("ByteDance and Alibaba want H200 chips. The budget is up from about $20 billion.", "about $20 billion"),
        # buyers named only as a group
        ("Chinese firms want H200 chips. The budget is up from about $20 billion.", "about $20 billion"),
        # a share is no buyer's amount or count
        ("ByteDance wants H200 chips. The US government takes 25% of each sale.", "25%"),
    ],
)
def test_no_buyer_is_handed_a_figure_the_paragraph_leaves_open(text: str, wording: str, real_seeds: SeedData) -> None:
    assert _applies(text, wording, real_seeds) == []


def test_a_metric_always_about_one_organisation_is_about_it_here(real_seeds: SeedData) -> None:
    """Every seed claim of Nvidia's China revenue opportunity applies to Nvidia: so does a new one."""
    text = (
        "Analysts say Nvidia could win back China. They put H200 revenue in China at a $10 billion "
        "opportunity a year, if the country accepts the chips."
    )
    assert _applies(text, "$10 billion", real_seeds) == ["nvidia"]


def test_the_metrics_organisation_must_be_named_nearby(real_seeds: SeedData) -> None:
    text = (
        "Analysts see a market in China. They put H200 revenue in China at a $10 billion "
        "opportunity a year, if the country accepts the chips."
    )
    assert _applies(text, "$10 billion", real_seeds) == []
