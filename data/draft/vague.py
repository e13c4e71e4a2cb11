"""Figures told only in words the lexicon knows ("several hundred thousand", "10,000 to several
hundred thousand"): kept as words, no value made up. A lexicon wording that holds a number of its
own (a span from a number to a vague top) replaces the bare number read inside it, so the
wording is drafted once, as the span it is. Pure, like the rest of the drafter.
"""

from __future__ import annotations

import re

from data.draft.figures import CHIP_CONTEXT
from data.draft.model import Figure
from data.draft.units import unit_after

_MONEY_AFTER = re.compile(r"^\s+(?:of\s+)?(?:(?:us|u\.s\.)\s+)?(?:dollars|yuan|renminbi|euros)\b", re.IGNORECASE)
# "tens of thousands of the RTX Pro 6000D", "thousands of Nvidia's H20": a chip model after the words counts chips
_MODEL_AFTER = re.compile(
    r"^\s+(?:of\s+)?(?:(?:the|its|their|Nvidia['’]s)\s+)?"
    r"(?:(?:(?:RTX|Pro|Ascend|Instinct)\s+){1,2}[A-Z]{0,3}\d{2,4}[A-Z]{0,2}|[A-Z]{1,3}\d{2,4}[A-Z]{0,2})\b"
)
_SPAN = re.compile(r"^\d[\d,.]*\s+to\s+|^between\b", re.IGNORECASE)  # "10,000 to several hundred thousand"


def find_vague(sentence: str, lexicon_words: list[str], taken: list[Figure]) -> list[Figure]:
    """Lexicon wordings ("several hundred thousand"): kept as words, no value is made up. A wording
    may cover figures in ``taken`` only when it holds them whole (a span starting at a number)."""
    out: list[Figure] = []
    spans = [(f.start, f.end) for f in taken]
    for wording in sorted(lexicon_words, key=len, reverse=True):
        if " " not in wording and wording not in ("thousands", "millions"):
            continue
        for match in re.finditer(r"(?<![\w-])" + re.escape(wording) + r"(?![\w-])", sentence, re.IGNORECASE):
            span = bool(_SPAN.match(wording))
            if any(s < match.end() and match.start() < e and not (span and match.start() <= s) for s, e in spans):
                continue
            if _MONEY_AFTER.match(sentence[match.end() :]):
                continue  # "worth millions of dollars": an amount of money, not a count of chips
            unit, end = unit_after(sentence, match.end())
            if unit is None and (CHIP_CONTEXT.search(sentence) or _MODEL_AFTER.match(sentence[match.end() :])):
                unit, end = "chips", match.end()
            if unit is None:
                continue
            bound = "range" if span else "approx"
            figure = Figure(unit=unit, bound=bound, wording=sentence[match.start() : end].strip(), vague=True)
            figure.start, figure.end = match.start(), end
            out.append(figure)
            spans.append((match.start(), end))
    return out


def add_vague(sentence: str, lexicon_words: list[str], found: list[Figure]) -> list[Figure]:
    """``found`` with the lexicon's wordings added, less any bare number a span wording holds."""
    vague = find_vague(sentence, lexicon_words, found)
    kept = [f for f in found if not any(v.start <= f.start and f.end <= v.end for v in vague)]
    return kept + vague
