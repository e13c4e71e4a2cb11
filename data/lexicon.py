"""Vague wording ("several hundred thousand") -> a numeric range, and the reported bound -> low/high.

Kept apart from the claims so the app can say which figures it derived and from which entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from data.models import LexiconEntry, Quantity


@dataclass(frozen=True)
class Range:
    """A figure as a low/high pair, its bound, and where the numbers came from.

    ``basis`` is "reported" when the source gave the numbers, "derived" when the project worked
    them out (vague wording read through the lexicon, or arithmetic recorded as ``formula``) and
    "assumed" for an assumption; ``bound`` keeps how the source bounded it ("more_than" stays a
    strict lower bound); ``open_high`` marks a lower bound with no upper end.
    """

    low: float | None
    high: float | None
    basis: str
    rule: str
    open_high: bool = False
    bound: str = "exact"
    formula: str | None = None

    @property
    def mid(self) -> float | None:
        if self.low is None and self.high is None:
            return None
        if self.low is None:
            return self.high
        if self.high is None:
            return self.low
        return (self.low + self.high) / 2


def lookup(wording: str | None, lexicon: dict[str, LexiconEntry]) -> LexiconEntry | None:
    """Find the lexicon entry for a wording, ignoring case and surrounding punctuation."""
    if not wording:
        return None
    key = wording.strip().strip("\"'“”.").lower()
    return lexicon.get(key)


def quantity_range(quantity: Quantity, lexicon: dict[str, LexiconEntry]) -> Range:
    """Turn a quantity into a low/high range, saying how (reported, or derived and by what formula)."""
    basis = getattr(quantity, "basis", "reported")
    formula = getattr(quantity, "formula", None)
    if quantity.value is not None:
        return Range(
            quantity.value,
            quantity.value,
            basis,
            formula or f"the report's figure ({quantity.bound.replace('_', ' ')})",
            False,
            quantity.bound,
            formula,
        )
    if quantity.low is not None or quantity.high is not None:
        return Range(
            quantity.low,
            quantity.high,
            basis,
            formula or f"the report's bounds ({quantity.bound.replace('_', ' ')})",
            open_high=quantity.high is None,
            bound=quantity.bound,
            formula=formula,
        )
    entry = lookup(quantity.wording, lexicon)
    if entry is None:
        return Range(None, None, "unknown", f"no lexicon entry for '{quantity.wording}'", bound=quantity.bound)
    reading = f"'{entry.wording}' read as {entry.low:,.0f}–{entry.high:,.0f} ({entry.rationale})"
    return Range(entry.low, entry.high, "derived", f"lexicon: {reading}", bound="range", formula=reading)
