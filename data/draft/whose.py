"""Whom a drafted figure is about when its own sentence names no buyer: the paragraph's buyers.

Three things hand a figure to someone its sentence does not name as a buyer. Two wordings give it
to the buyers a paragraph names: a group told as one ("the three
firms", "combined", "between them") for a count of chips, and a sentence that names no company
at all ("This budget, up from $21 billion", "Valued at about $400 million, the batch") in a
paragraph about one buyer, for an amount or a count. A sentence naming another company (a
vendor, a rival) keeps what it names; two buyers in the paragraph, or buyers named only as a
group ("Chinese firms"), leave the figure to the analyst. And a metric whose every claim in the
seeds is about one organisation (Nvidia's revenue opportunity, Beijing's incentive package) is
about it here too, when the sentence or its paragraph names it.
Pure, like the rest of the drafter.
"""

from __future__ import annotations

import re
import weakref

from data.draft import entities
from data.draft.entities import EntityIndex
from data.draft.model import EntityMatch, Figure
from data.draft.org_groups import UNNAMED
from data.load import SeedData

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


# Built once per loaded seed set, dropped with it (as source_index does).
_OWNERS: dict[int, tuple[weakref.ref[SeedData], dict[str, str]]] = {}


def metric_owners(seeds: SeedData) -> dict[str, str]:
    """metric -> the one organisation every seed claim of that metric applies to."""
    cached = _OWNERS.get(id(seeds))
    if cached is not None and cached[0]() is seeds:
        return cached[1]
    seen: dict[str, set[tuple[str, ...]]] = {}
    for record in seeds.claims:
        quantity = record.claim.quantity
        if quantity is not None and quantity.metric:
            seen.setdefault(quantity.metric, set()).add(tuple(sorted(quantity.applies_to or [])))
    # a metric whose claims all name the same one organisation (never mutating what was read)
    owners = {
        metric: next(iter(kinds))[0] for metric, kinds in seen.items() if len(kinds) == 1 and len(min(kinds)) == 1
    }
    key = id(seeds)
    _OWNERS[key] = (weakref.ref(seeds, lambda _ref: _OWNERS.pop(key, None)), owners)
    return owners


def applies_to(
    index: EntityIndex,
    seeds: SeedData,
    matches: list[EntityMatch],
    paragraph: list[EntityMatch],
    buyers: list[str] | None,
    metric: str | None,
) -> list[str]:
    """Whom a figure is about: the buyers given or named (``entities.applies_to``), else the one
    organisation its metric is always about, when the sentence or its paragraph names it."""
    out = entities.applies_to(index, matches, buyers, metric)
    owner = metric_owners(seeds).get(metric or "")
    if out or owner is None:
        return out
    return [owner] if owner in {m.id for m in matches} | {m.id for m in paragraph} else []
