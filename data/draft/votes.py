"""A committee's or a chamber's vote told in numbers: a tally ("voted 42-2", "a 47-0 vote") is two
counts of votes, for and against, never a range; and which declared vote count a figure is.

People counted one by one ("Two voted against it", "one member voting present") are read by
``units`` (their count noun is how they voted); this module reads the tally and the side.
A tally on "another bill" is that bill's, not the report's: it is left to the background rules.
Pure, like the rest of the drafter.
"""

from __future__ import annotations

import re
from typing import Any

from data.draft.model import Figure

_TALLY = re.compile(
    r"\b(?P<verb>vot(?:ed|es|e)\s+(?:of\s+)?)(?P<yes>\d{1,3})\s?[-–]\s?(?P<no>\d{1,3})\b(?!\s?[-–%])"
    r"|\b(?P<yes2>\d{1,3})\s?[-–]\s?(?P<no2>\d{1,3})\s+(?:vote|tally)\b",
    re.IGNORECASE,
)
_ANOTHER_BILL = re.compile(r"\b(?:another|a separate|a second|an? other)\s+(?:bill|measure|resolution)\b", re.I)


def tallies(sentence: str) -> list[Figure]:
    """The two counts of a tally, each with the tally as its words: "voted 42" and "42-2"."""
    out: list[Figure] = []
    for match in _TALLY.finditer(sentence):
        if _ANOTHER_BILL.search(sentence[match.start() :]):
            continue  # "On a 47-0 vote it approved another bill": not the report's bill
        yes_group, no_group = ("yes", "no") if match.group("yes") else ("yes2", "no2")
        begin = match.start()
        for group, words_end in ((yes_group, match.end(yes_group)), (no_group, match.end(no_group))):
            start = begin if group == yes_group else match.start(yes_group)
            figure = Figure(
                unit="votes", bound="exact", wording=sentence[start:words_end], value=float(match.group(group))
            )
            figure.start, figure.end = start, words_end
            out.append(figure)
    return out


def vote_side(text: str) -> str | None:
    """How a count of votes went: for, against, or other (present, abstained, neither). In a tally's
    words the first number is for ("voted 42"), the second against ("42-2")."""
    if re.search(r"\d\s?[-–]\s?\d+$", text):
        return "against"
    if re.search(r"\bvot\w*\s+(?:of\s+)?\d+$", text, re.IGNORECASE) or re.fullmatch(r"\d+", text.strip()):
        return "for"
    if re.search(r"\b(?:neither|present|abstain\w*|other)\b", text, re.IGNORECASE):
        return "other"
    if re.search(r"\bagainst\b|\boppos\w*", text, re.IGNORECASE):
        return "against"
    if re.search(r"\b(?:for|backed|support\w*|in favou?r|advanc\w*|yes)\b", text, re.IGNORECASE):
        return "for"
    return None


def vote_metric(wording: str, metrics: dict[str, Any]) -> str | None:
    """The one declared vote count whose side (for, against, other) is the figure's; none when two fit."""
    side = vote_side(wording)
    fitting = [
        metric_id
        for metric_id, metric in metrics.items()
        if getattr(metric, "unit", None) == "votes" and vote_side(f"{metric.label} {metric.description}") == side
    ]
    return fitting[0] if side and len(fitting) == 1 else None
