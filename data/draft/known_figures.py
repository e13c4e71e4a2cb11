"""A figure the tracker already holds: the metric of the seeded claims with the same numbers.

Reports retell the same numbers ("$160 million" of smuggled chips, Huang's "$50 billion" market, a
95% share): when one metric in the seeds holds a figure with this unit and these numbers (or one
of several clearly fits the sentence's words), the draft offers that metric, so the new claim
reconciles with the old one instead of starting a near-duplicate. Still a suggestion to confirm,
like every other metric. Apart from ``suggest``, whose keyword rules read the words; this reads
the number.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict

from data.draft import suggest
from data.draft.dates import fiscal_periods
from data.draft.metric_words import firms_named, owner_fits, period_fits
from data.draft.model import DraftClaim, Figure
from data.draft.words import STOP
from data.load import SeedData

_Table = dict[tuple[str, tuple[float, ...]], set[str]]
# Built once per loaded seed set, keyed by identity and dropped with it (as the word and story indexes):
# each figure's metrics, and each metric's words (its label, description and claims).
_BUILT: dict[int, tuple[weakref.ref[SeedData], _Table, dict[str, set[str]]]] = {}
_AMOUNT_WORDS = frozenset({"billion", "million", "percent", "dollars", "units", "figure", "total"})


def _numbers(value: float | None, low: float | None, high: float | None) -> tuple[float, ...]:
    """The numbers a figure states, whatever its bound: "at least $160 million" and "$160 million"
    are one figure (what tells a cap from an order of the same size is the words, checked apart)."""
    return tuple(round(n, 6) for n in (value, low, high) if n is not None)


def _stems(text: str) -> set[str]:
    """Words that say what a figure counts, cut to five letters ("smuggled" and "smuggling" alike)."""
    words = re.findall(r"[a-z][a-z'-]{3,}", text.lower())
    return {w[:5] for w in words if w not in STOP and w not in _AMOUNT_WORDS}


def _tables(seeds: SeedData) -> tuple[_Table, dict[str, set[str]]]:
    cached = _BUILT.get(id(seeds))
    if cached is not None and cached[0]() is seeds:
        return cached[1], cached[2]
    table: _Table = defaultdict(set)
    words: dict[str, set[str]] = defaultdict(set)
    for mid, declared in (getattr(seeds, "metrics", {}) or {}).items():
        words[mid] |= _stems(f"{getattr(declared, 'label', '')} {getattr(declared, 'description', '')}")
    for record in seeds.claims:
        quantity = record.claim.quantity
        if quantity is None or not quantity.metric:
            continue
        words[quantity.metric] |= _stems(f"{quantity.wording or ''} {record.claim.summary} {record.claim.label or ''}")
        numbers = _numbers(quantity.value, quantity.low, quantity.high)
        if any(numbers):  # a zero is told of too many things ("no deliveries", "no revenue") to pick one
            table[(quantity.unit, numbers)].add(quantity.metric)
    _BUILT[id(seeds)] = (weakref.ref(seeds), table, words)
    return table, words


# A percentage told as a change ("a 20% sequential increase", "up 56% year on year", "climbed 73%")
# fits only a metric of change, never a share that happens to hold the same number; "dropped to
# 50% from 95%" gives two levels, not a change.
_CHANGE_AFTER = re.compile(
    r"\s*(?:(?:\w+\s+){0,2}(?:increase|rise|growth|jump|gain|decline|drop|fall)\b"
    r"|(?:year|quarter)[- ](?:on|over)[- ](?:year|quarter)|sequential|from a year)",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|by|rose|grew|jumped|climbed|increased|fell|declined|dropped|gained)\s+(?:about |nearly |almost |some )?$",
    re.IGNORECASE,
)
_CHANGE_METRIC = re.compile(r"growth|yoy|change|increase|rise|decline|drop|fall")


def _a_change(figure: Figure, sentence: str) -> bool:
    return bool(
        _CHANGE_AFTER.match(sentence[figure.end : figure.end + 40])
        or _CHANGE_BEFORE.search(sentence[max(0, figure.start - 25) : figure.start])
    )


def metric_of(
    figure: Figure, sentence: str, seeds: SeedData, product: str | None = None, min_shared: int = 1
) -> str | None:
    """The metric whose seeded claims give this figure's unit and numbers, or None. The number
    alone is not enough: the sentence must share a word with what the metric counts ("stock awards
    worth $50 billion" are no market size). Where several metrics hold the number (15% is both the
    H20 deal's share and a speed ratio), the one sharing at least two words and more than twice as
    many as any other, else none. A metric named for a period needs the sentence to name it, one
    named for a firm a sentence naming that firm or none, and an H200 metric is never offered for
    another chip."""
    table, words = _tables(seeds)
    found = table.get((figure.unit or "", _numbers(figure.value, figure.low, figure.high)), set())
    if figure.unit == "percent" and _a_change(figure, sentence):
        found = {m for m in found if _CHANGE_METRIC.search(m)}  # a rise of 20% is no 20% share
    barred = suggest.h200_metrics(seeds) if product and product != "h200" else set()
    said, firms = _stems(sentence), firms_named(sentence, seeds)
    shared = {
        m: len(words[m] & said)
        for m in found
        if m not in barred and period_fits(m, sentence) and owner_fits(m, firms, seeds)
    }
    ranked = sorted((n, m) for m, n in shared.items() if n >= min_shared)
    if len(ranked) == 1:
        return ranked[0][1]
    if len(ranked) >= 2 and ranked[-1][0] >= 2 and ranked[-1][0] > 2 * ranked[-2][0]:
        return ranked[-1][1]
    return None


def offered(metric: str, score: float, figure: Figure, sentence: str, seeds: SeedData, product: str | None) -> str:
    """The tracker's own metric for this figure, over what the words suggest: over a keyword rule
    (``score`` 100) only when both are one family ("nvidia-china-share-pct" and its "-peak-pct"),
    since those rules carry their own guards (a rate in a trade war is no US take)."""
    known = metric_of(figure, sentence, seeds, product) if figure.unit != "votes" else None  # votes: by how they went
    if (
        known is None
        or suggest.ruled_out(known, sentence)
        or (score >= 100 and known.split("-")[:2] != metric.split("-")[:2])
    ):
        return metric
    return known


def in_lead_period(claims: list[DraftClaim], lead: str, body: str, seeds: SeedData) -> None:
    """A figure whose sentence names no period ("revenue for the quarter ended 25 January"), in a
    text whose headline or first paragraphs name one (Q4 FY2026): the tracker's own figure of that
    period, when one seeded metric holds its exact numbers and the sentence says what it counts.
    With no period in the lead, a quarter named without its year ("in the second quarter") takes
    the one fiscal year the text names. Only figures left without a metric."""
    named = fiscal_periods(lead)
    years = {period.split()[1] for _, period in fiscal_periods(body)}
    context = named[0][1] if named else (f"fiscal {years.pop()[2:]}" if len(years) == 1 else None)
    if context is None:
        return
    for claim in claims:
        if claim.figure is None or not (claim.metric or "").startswith("to-confirm"):
            continue
        known = metric_of(claim.figure, f"{claim.text} ({context})", seeds, claim.product)
        if known is not None and not suggest.ruled_out(known, claim.text):
            claim.metric = known


def held(found: list[Figure], sentence: str, seeds: SeedData, main_chip: str | None) -> list[Figure]:
    """The figures of a sentence set aside as background that the tracker holds for what the
    sentence says they count (one seeded metric, its exact numbers, two of its words at least): the
    tracker's story told again, not background, so they are drafted; the sentence's other figures
    are not. Another chip's figure (the H20 deal's 15% in an H200 story) stays history."""
    others = [chip for chip in seeds.chips if chip != main_chip]
    kept = []
    for figure in found:
        known = None if figure.vague else metric_of(figure, sentence, seeds, main_chip, min_shared=2)
        if known is not None and not any(known.startswith(f"{chip}-") for chip in others):
            kept.append(figure)
    return kept
