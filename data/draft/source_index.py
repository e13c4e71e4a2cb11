"""Per seed set, what the duplicate check compares a text with: each source's word vector, its
figures (by unit, and by metric as facts), the ranges it reports and the figures it gives only in
words, and how rare each is. Built once per loaded seed set; apart from ``duplicates`` so that
module holds only the scoring.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import weakref
from collections import Counter
from dataclasses import dataclass

from data.draft.bills import bill_names
from data.draft.figure_match import as_range, figure_key
from data.draft.words import STOP, plain, similarity, vector
from data.lexicon import Range
from data.load import SeedData

_WORD = re.compile(r"[a-z][a-z0-9'-]{2,}")


def tokens(text: str) -> list[str]:
    return [w.strip("'-") for w in _WORD.findall(text.lower()) if w not in STOP]


@dataclass
class Index:
    """Per seed set: each source's word vector and figures, and how rare each word and figure is."""

    vectors: dict[str, dict[str, float]]
    figures: dict[str, set[tuple[str, float]]]
    idf: dict[str, float]
    figure_count: Counter[tuple[str, float]]
    default_idf: float
    facts: dict[str, set[tuple[str, str, float]]]  # (metric, unit, number): the same figure of the same thing
    fact_count: Counter[tuple[str, str, float]]
    # (metric, unit) -> the figures it gives in numbers (a vague wording such as "millions" has none)
    ranges: dict[str, dict[tuple[str, str], list[Range]]]
    worded: dict[str, set[tuple[str, str, str]]]  # (metric, unit, wording) of figures given only in words
    worded_count: Counter[tuple[str, str, str]]
    bills: dict[str, set[str]]  # the bills each source names by name (bills.bill_names)
    # The first day anything it tells happened (its claims' dates, its own): a text written before
    # that cannot repeat it, though a write-up published a week after the news still can be repeated.
    first_day: dict[str, dt.date]


# Built once per loaded seed set (the page drafts many reports against one); keyed by identity,
# and dropped with the seed set, since SeedData is a mutable, unhashable dataclass.
_INDEXES: dict[int, tuple[weakref.ref[SeedData], Index]] = {}


def index(seeds: SeedData) -> Index:
    cached = _INDEXES.get(id(seeds))
    if cached is not None and cached[0]() is seeds:
        return cached[1]
    words: dict[str, list[str]] = {sid: [src.title] for sid, src in seeds.sources.items()}
    figures: dict[str, set[tuple[str, float]]] = {sid: set() for sid in seeds.sources}
    facts: dict[str, set[tuple[str, str, float]]] = {sid: set() for sid in seeds.sources}
    ranges: dict[str, dict[tuple[str, str], list[Range]]] = {sid: {} for sid in seeds.sources}
    worded: dict[str, set[tuple[str, str, str]]] = {sid: set() for sid in seeds.sources}
    first_day = {sid: src.published for sid, src in seeds.sources.items() if src.published}
    for record in seeds.claims:
        if record.source_id not in words:
            continue
        claim = record.claim
        if record.source_id in first_day:
            first_day[record.source_id] = min(first_day[record.source_id], claim.date)
        words[record.source_id] += [claim.summary or "", getattr(claim, "label", None) or ""]
        quantity = claim.quantity
        if quantity is not None:
            words[record.source_id].append(quantity.wording or "")
            numbers = [n for n in (quantity.value, quantity.low, quantity.high) if n is not None]
            figures[record.source_id] |= figure_key(quantity.unit, numbers)
            facts[record.source_id] |= {(quantity.metric, u, n) for u, n in figure_key(quantity.unit, numbers)}
            if not numbers and quantity.wording:
                worded[record.source_id].add((quantity.metric, quantity.unit, plain(quantity.wording)))
            if numbers and quantity.basis == "reported":
                own = ranges[record.source_id].setdefault((quantity.metric, quantity.unit), [])
                own.append(as_range(quantity.value, quantity.low, quantity.high, quantity.bound))
    counts = {sid: Counter(tokens(" ".join(parts))) for sid, parts in words.items()}
    df: Counter[str] = Counter()
    for counter in counts.values():
        df.update(set(counter))
    total = len(counts) + 1
    idf = {w: math.log(total / (n + 0.5)) for w, n in df.items()}
    default = math.log(total / 0.5)
    vectors = {sid: vector(counter, idf, default) for sid, counter in counts.items()}
    figure_count: Counter[tuple[str, float]] = Counter()
    for keys in figures.values():
        figure_count.update(keys)
    fact_count: Counter[tuple[str, str, float]] = Counter()
    for fact_keys in facts.values():
        fact_count.update(fact_keys)
    worded_count: Counter[tuple[str, str, str]] = Counter(w for keys in worded.values() for w in keys)
    named_bills = {sid: bill_names(" ".join(parts)) for sid, parts in words.items()}
    built = Index(
        vectors,
        figures,
        idf,
        figure_count,
        default,
        facts,
        fact_count,
        ranges,
        worded,
        worded_count,
        named_bills,
        first_day,
    )
    key = id(seeds)
    _INDEXES[key] = (weakref.ref(seeds, lambda _ref: _INDEXES.pop(key, None)), built)
    return built


def standouts(index: Index, text: str) -> dict[str, float]:
    """How far each source stands out from all the others in the words it shares with ``text``."""
    mine = vector(Counter(tokens(text)), index.idf, index.default_idf)
    values = {sid: similarity(mine, vector) for sid, vector in index.vectors.items()}
    mean = sum(values.values()) / (len(values) or 1)
    spread = math.sqrt(sum((v - mean) ** 2 for v in values.values()) / (len(values) or 1)) or 1.0
    return {sid: (v - mean) / spread for sid, v in values.items()}


def chunks(text: str) -> list[str]:
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return [" ".join(paragraphs[i : i + 2]) for i in range(len(paragraphs) - 1)]


def best_similarity(chunks: list[dict[str, float]], vector: dict[str, float]) -> tuple[float, int]:
    """Whole-text similarity, or 0.8 x the best paragraph pair's, whichever is higher (and which one)."""
    whole = similarity(chunks[0], vector)
    best, where = 0.0, 0
    for number, chunk in enumerate(chunks[1:], start=1):
        value = similarity(chunk, vector)
        if value > best:
            best, where = value, number
    return (whole, 0) if whole >= 0.8 * best else (0.8 * best, where)
