"""Short explanations of the terms the pages use, in the project's own words. Pure: no streamlit.

Shown as help tooltips beside the numbers and controls that use a term, and all together in the
sidebar's "Glossary".
"""

from __future__ import annotations

from data.vocabulary import STAGES

GLOSSARY: dict[str, str] = {
    "TPP": (
        "Total processing performance: the US export rules' single score for a chip's computing power "
        "(roughly its peak operations per second, weighted by the width of the numbers it works on). "
        "The January 2026 rule considers chips for China case by case only below TPP 21,000; "
        "the H200 scores about 15,800."
    ),
    "The 50 % rule": (
        "A condition of the US rule of 15 January 2026: all shipments of a chip model to China and Macau "
        "together may be at most half of what the same model ships to US customers."
    ),
    "The 25 % share": (
        "When the US allowed H200 sales in December 2025 it said it would take a quarter of the proceeds. "
        "It is collected as a 25 % tariff on the chips when they pass through the US for inspection "
        "(a proclamation of 14 January 2026); some reports give 15–25 %."
    ),
    "US cap per customer": (
        "Reported limit of 75,000 H200s for each cleared Chinese buyer; with about ten firms cleared this "
        "implies a ceiling near 750,000."
    ),
    "Export licence (US)": (
        "Permission from the US Commerce Department to ship the chips to a named Chinese buyer. A licence is "
        "not a shipment: none had been delivered by mid-2026."
    ),
    "Import approval (China)": (
        "Beijing's permission for a Chinese firm to buy: in principle, a first batch, conditional (tied to "
        "buying domestic chips too), or paused."
    ),
    "Derived figure": (
        'A range the project read from vague wording ("several hundred thousand" becomes 300,000–900,000), '
        "drawn hatched and never presented as reported."
    ),
    "Independent origins": (
        "How many separate newsrooms or documents stand behind a number: ten outlets repeating one Reuters "
        "story count as one."
    ),
}

LICENCE_STAGES: dict[str, str] = {f"{stage.side}: {stage.label}": stage.help for stage in STAGES}


def glossary_markdown() -> str:
    """Every term, then the licence stages, as a markdown list."""
    lines = [f"- **{term}** — {text}" for term, text in GLOSSARY.items()]
    lines.append("- **Licence stages** — each side's steps, in order:")
    lines += [f"    - *{name}*: {text}" for name, text in LICENCE_STAGES.items()]
    return "\n".join(lines)
