"""Word lists for telling two texts apart (the duplicate check and a draft's id)."""

from __future__ import annotations

# Words too common to tell two texts apart (also left out of a draft's id).
COMMON_WORDS = frozenset(
    [
        "a", "after", "amid", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
        "it", "its", "more", "new", "of", "on", "or", "over", "report", "reports", "said", "say", "says",
        "sources", "than", "that", "the", "this", "to", "was", "were", "with"
    ]
)  # fmt: skip
# ... and, for telling stories apart, words every H200 report uses.
STOP = COMMON_WORDS | frozenset(
    [
        "about", "according", "ago", "also", "any", "been", "before", "but", "can", "china", "china's",
        "chinese", "chip", "chips", "could", "familiar", "friday", "h200", "h200s", "had", "has", "have",
        "last", "matter", "may", "might", "monday", "month", "most", "not", "nvidia", "nvidia's", "other",
        "people", "reported", "saturday", "since", "some", "source", "such", "sunday", "their", "they",
        "thursday", "told", "tuesday", "u.s.", "us", "wednesday", "week", "which", "while", "who", "will",
        "would", "year"
    ]
)  # fmt: skip
