"""Is a figure in the text the same as a source's, or another one? Numbers compared by the values
they allow (reconcile's rule: bounds kept, approximate figures widened), vague wordings by their words.

The duplicate check uses these: a shared figure (in numbers, or in the same vague words) is
evidence for a match. Against it counts only a source figure that cannot be true beside the
text's, or a source that gives the thing only in words where the text gives the number another
source gives (a rougher version of that other story), and only when no figure is shared. A vague
wording whose range holds a source's number for the same thing ("tens of thousands" of chips, the
source's 40,000-80,000) is that figure told roughly: ``held_in_words``.
Compatible bounds ("more than 400,000" / "about 500,000") never count against.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from data.lexicon import Range, lookup
from data.models import LexiconEntry
from data.reconcile import can_all_be_true


def figure_key(unit: str | None, numbers: list[float]) -> set[tuple[str, float]]:
    """A figure's numbers as keys to look up (unit and value, rounded)."""
    return {(unit or "", round(n, 3)) for n in numbers}


def unit_words(unit: str) -> str:
    """A unit as a reason shows it ("chips_per_customer" -> "chips per customer")."""
    return unit.replace("_per_", " per ").replace("_", " ")


def amount_words(number: float, unit: str) -> str:
    """A number with its unit as a reason shows it: "42 votes", "1 vote", "2,000 chips", "1 chip"."""
    words = unit_words(unit)
    if number == 1 and re.match(r"^[a-z]+s(?= |$)", words):
        words = re.sub(r"^([a-z]+)s(?= |$)", r"\1", words)
    return f"{number:,.0f} {words}"


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


# A wording spanning more than tenfold ("small amounts": 1 to 100,000) holds too many figures to point at one.
_SPAN = 10


def held_in_words(
    mine: list[tuple[str, str, str]],
    lexicon: dict[str, LexiconEntry],
    ranges: Mapping[str, Mapping[tuple[str, str], list[Range]]],
) -> tuple[dict[str, set[tuple[str, str, str]]], Counter[tuple[str, str, str]]]:
    """Per source, the text's vague wordings (metric, unit, wording) whose lexicon range holds one of its
    reported figures of the same thing, wholly ("tens of thousands" chips holds 40,000-80,000, not
    12,000-16,000), and how many sources each wording holds: a rough retelling of that figure, as
    rare as the few sources it holds."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    for metric, unit, wording in mine:
        # the wording may carry what it counts ("tens of thousands of H200 chips"): its longest lexicon head
        heads = [w for w in lexicon if wording.strip().lower().startswith(f"{w} ")]
        entry = lookup(wording, lexicon) or (lexicon[max(heads, key=len)] if heads else None)
        if entry is None or entry.high > _SPAN * entry.low:
            continue
        for sid, own in ranges.items():
            numbers = [r for r in own.get((metric, unit), []) if r.low is not None and r.high is not None]
            if any(entry.low <= (r.low or 0.0) and (r.high or 0.0) <= entry.high for r in numbers):
                out.setdefault(sid, set()).add((metric, unit, wording))
    return out, Counter(w for keys in out.values() for w in keys)
