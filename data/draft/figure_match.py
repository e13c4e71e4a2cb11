"""Is a figure in the text the same as a source's, or another one? Numbers compared by the values
they allow (reconcile's rule: bounds kept, approximate figures widened), vague wordings by their words.

The duplicate check uses these: a shared figure (in numbers, or in the same vague words) is
evidence for a match. Against it counts only a source figure that cannot be true beside the
text's, or a source that gives the thing only in words where the text gives the number another
source gives (a rougher version of that other story), and only when no figure is shared.
Compatible bounds ("more than 400,000" / "about 500,000") never count against.
"""

from __future__ import annotations

import re

from data.lexicon import Range
from data.reconcile import can_all_be_true


def figure_key(unit: str | None, numbers: list[float]) -> set[tuple[str, float]]:
    """A figure's numbers as keys to look up (unit and value, rounded)."""
    return {(unit or "", round(n, 3)) for n in numbers}


def unit_words(unit: str) -> str:
    """A unit as a reason shows it ("chips_per_customer" -> "chips per customer")."""
    return unit.replace("_per_", " per ").replace("_", " ")


def as_range(value: float | None, low: float | None, high: float | None, bound: str) -> Range:
    """A figure given in numbers as the values it allows (as reconcile reads a reported figure)."""
    if value is not None:
        return Range(value, value, "reported", "", bound=bound)
    return Range(low, high, "reported", "", open_high=high is None, bound=bound)


def conflicting(mine: Range, theirs: list[Range]) -> bool:
    """None of the source's numbers for this thing can be true beside the text's ("more than 400,000"
    and "about 500,000" can). An empty list (the source words it only vaguely) gives no number that
    can be true beside it: the caller decides whether that counts."""
    return not any(can_all_be_true([mine, other]) for other in theirs)


# "Several hundred thousand" and "hundreds of thousands" are one amount told two ways: each vague
# wording is compared in the one form ("a few hundred million" and "hundreds of millions" alike).
_SOME_OF = re.compile(r"\b(?:several|a few|some|many) (hundred|thousand|million|billion) (thousand|million|billion)\b")


def _amount(wording: str) -> str:
    return _SOME_OF.sub(r"\1s of \2s", wording)


def same_wording(mine: list[tuple[str, str, str]], theirs: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Figures given only in words, the same words for the same thing ("several hundred thousand" chips),
    the same amount in either of its forms ("hundreds of thousands")."""
    return {(m, u, w) for m, u, w in theirs for m2, u2, w2 in mine if (m, u) == (m2, u2) and _amount(w) in _amount(w2)}
