"""Short explanations of the terms the pages use, in the project's own words. Pure: no streamlit.

Definitions only, with no dated facts or outcomes, so they are true at any as-of date.

Shown as help tooltips beside the numbers and controls that use a term, and all together in the
sidebar's "Glossary".
"""

from __future__ import annotations

from data.vocabulary import STAGES

GLOSSARY: dict[str, str] = {
    "TPP": (
        "Total processing performance: the US export rules' single score for a chip's computing power "
        "(roughly its peak operations per second, weighted by the width of the numbers it works on). "
        "US rules set the TPP level below which a chip may be considered for export to China; the Chips "
        "page shows the limit and each chip's score as reported by the chosen date."
    ),
    "The 50 % rule": (
        "A condition in the US export rule: all shipments of one chip model to China and Macau together may "
        "be at most half of what the same model ships to US customers."
    ),
    "The 25 % share": (
        "The part of the proceeds the US government said it would take on H200 sales to China, collected as "
        "a tariff on the chips; some reports give 15–25 %."
    ),
    "US cap per customer": (
        "A limit on how many H200s one cleared Chinese buyer may receive under its US licence; the Overview "
        "shows the figure reported by the chosen date."
    ),
    "Export licence (US)": (
        "Permission from the US Commerce Department to ship the chips to a named Chinese buyer. A licence is "
        "not a shipment: deliveries are counted separately."
    ),
    "Import approval (China)": (
        "Beijing's permission for a Chinese firm to buy: in principle, a first batch, conditional (tied to "
        "buying domestic chips too), or paused."
    ),
    "Derived figure": (
        'A range the project read from vague wording ("several hundred thousand" becomes 300,000–900,000), '
        "or worked out with a stated formula; drawn hatched and never presented as reported."
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
