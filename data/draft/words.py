"""Word lists for telling two texts apart (the duplicate check and a draft's id)."""

from __future__ import annotations

import math
import re
from collections import Counter

# Words too common to tell two texts apart (also left out of a draft's id).
COMMON_WORDS = frozenset(
    [
        "a", "after", "amid", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
        "it", "its", "more", "new", "of", "on", "or", "over", "report", "reports", "said", "say", "says",
        "sources", "than", "that", "the", "this", "to", "was", "were", "with"
    ]
)  # fmt: skip
# ... and, for telling stories apart, words every H200 report uses, and the words of a vague amount
# ("hundreds of thousands"): a figure, compared as one by the figure check, not a distinctive word.
STOP = COMMON_WORDS | frozenset(
    [
        "about", "according", "ago", "also", "any", "been", "before", "but", "can", "china", "china's",
        "chinese", "chip", "chips", "could", "familiar", "friday", "h200", "h200s", "had", "has", "have", "hundreds", "thousands", "millions", "billions",
        "last", "matter", "may", "might", "monday", "month", "most", "not", "nvidia", "nvidia's", "other",
        "people", "reported", "saturday", "since", "some", "source", "such", "sunday", "their", "they",
        "thursday", "told", "tuesday", "u.s.", "us", "wednesday", "week", "which", "while", "who", "will",
        "would", "year"
    ]
)  # fmt: skip


# A full stop after a short abbreviation ("U.S. President", "Rep. Smith") ends no sentence: read as
# one, a citing sentence keeps what it cites ("X reported that ... despite the U.S. go-ahead").
NO_ABBREVIATION = (
    r"(?<!\bU\.S\.)(?<!\bU\.K\.)(?<!\bE\.U\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bRep\.)(?<!\bSen\.)"
    r"(?<!\bGov\.)(?<!\bInc\.)(?<!\bCorp\.)(?<!\bCo\.)(?<!\bNo\.)(?<!\bSt\.)(?<!\bvs\.)"
)


def vector(counter: Counter[str], idf: dict[str, float], default: float) -> dict[str, float]:
    """Word counts weighted by rarity (log count x idf), scaled to length 1."""
    weights = {w: (1 + math.log(n)) * idf.get(w, default) for w, n in counter.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: x / norm for w, x in weights.items()}


def similarity(mine: dict[str, float], theirs: dict[str, float]) -> float:
    """Cosine of two unit vectors: 1 for the same words in the same proportions, 0 for none shared."""
    return sum(mine[w] * x for w, x in theirs.items() if w in mine)


def top_words(mine: dict[str, float], theirs: dict[str, float]) -> list[str]:
    """The four shared words that weigh most: the explanation shown beside a match."""
    shared = sorted(((mine[w] * x, w) for w, x in theirs.items() if w in mine), reverse=True)
    return [w for _, w in shared[:4]]


def plain(text: str) -> str:
    """Lower case, straight quotes, one space: how a kept phrase is looked for in a text."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", " ").replace("\u201d", " ")
    return " " + " ".join(re.sub(r"[^a-z0-9'$%.,~-]+", " ", text).split()) + " "
