"""Whom a drafted figure is about when its own sentence names no buyer: the paragraph's buyers.

Two wordings hand a figure to the buyers a paragraph names: a group told as one ("the three
firms", "combined", "between them") for a count of chips, and a sentence that names no company
at all ("This budget, up from $21 billion", "Valued at about $400 million, the batch") in a
paragraph about one buyer, for an amount or a count. A sentence naming another company (a
vendor, a rival) keeps what it names; two buyers in the paragraph, or buyers named only as a
group ("Chinese firms"), leave the figure to the analyst.
Pure, like the rest of the drafter.
"""

from __future__ import annotations

import re

from data.draft.entities import EntityIndex
from data.draft.model import EntityMatch, Figure
from data.draft.org_groups import UNNAMED

_GROUP = re.compile(
    r"\b(?:combined|in total|together|collectively|between them|the (?:two|three|four|five) (?:\w+ )?"
    r"(?:firms|companies|giants|groups|buyers)|these (?:firms|companies))\b",
    re.IGNORECASE,
)
_COUNTS = frozenset({"chips", "modules", "accelerators"})
_AMOUNTS = frozenset({"usd", "rmb"})
_COMPANIES = frozenset({"vendor", "buyer", "chipmaker", "distributor", "other"})


def buyers(
    index: EntityIndex, sentence: str, figure: Figure, matches: list[EntityMatch], paragraph: list[EntityMatch]
) -> list[str]:
    """The buyers a figure is about: those its sentence names, else the paragraph's as above."""
    named = index.buyers(matches)
    if named:
        return named
    if figure.unit in _COUNTS and _GROUP.search(sentence):
        return index.buyers(paragraph)
    companies = [m for m in matches if m.kind == "organisation" and index.org_kind.get(m.id) in _COMPANIES]
    around = [b for b in dict.fromkeys(index.buyers(paragraph)) if b not in UNNAMED]  # a firm by name
    if figure.unit in _COUNTS | _AMOUNTS and not companies and len(around) == 1:
        return around
    return []
