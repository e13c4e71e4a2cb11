"""Is an article about H200 (or Nvidia AI-chip) sales and China? A verdict with its reason in words.

Deliberately simple and explainable: the analyst sees why an item was kept or skipped, and a
skipped item is recorded with that reason rather than silently dropped. Chinese buyers and
regulators named in ``seeds/reference/organisations.yaml`` (country CN) count as "China".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from data.load import SeedData

_H200 = re.compile(r"\bH[- ]?200\b", re.I)
_NVIDIA = re.compile(r"\bnvidia\b|英伟达", re.I)
_CHINA = re.compile(r"\b(china|chinese|beijing|shanghai|shenzhen|prc)\b|中国", re.I)
_CHIPS = re.compile(
    r"\b(chips?|gpus?|accelerators?|semiconductors?|export (controls?|licen[cs]es?)|ai hardware)\b", re.I
)

RELEVANT, POSSIBLE, UNRELATED = "relevant", "possibly relevant", "unrelated"


@dataclass(frozen=True)
class Verdict:
    level: str  # relevant | possibly relevant | unrelated
    reason: str  # in words, shown on the Inbox page and in the run log

    @property
    def keep(self) -> bool:
        return self.level != UNRELATED

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _china_names(seeds: SeedData | None) -> list[str]:
    if seeds is None:
        return []
    names: list[str] = []
    for organisation in seeds.organisations.values():
        if organisation.country.upper() in ("CN", "CHINA"):
            names += [organisation.name, *organisation.aliases]
    return [n for n in names if len(n) >= 3]


def judge(text: str, seeds: SeedData | None = None) -> Verdict:
    """The verdict for a title, feed summary or article text."""
    h200 = bool(_H200.search(text))
    nvidia = bool(_NVIDIA.search(text))
    china_word = _CHINA.search(text)
    china = china_word.group(0) if china_word else None
    if china is None:
        lowered = text.lower()
        china = next((name for name in _china_names(seeds) if name.lower() in lowered), None)
    if h200 and china:
        return Verdict(RELEVANT, f"names the H200 and China (“{china}”)")
    if nvidia and china and _CHIPS.search(text):
        return Verdict(POSSIBLE, f"about Nvidia chips and China (“{china}”) without naming the H200")
    if h200:
        return Verdict(POSSIBLE, "names the H200 but not China")
    if nvidia:
        return Verdict(UNRELATED, "mentions Nvidia but neither China nor the H200")
    return Verdict(UNRELATED, "mentions neither the H200 nor Nvidia")


def worth_fetching(title: str, summary: str) -> Verdict:
    """Before fetching: skip only items whose feed text has no hint of chips, Nvidia or China."""
    text = f"{title}\n{summary}"
    if _H200.search(text) or _NVIDIA.search(text) or _CHIPS.search(text) or _CHINA.search(text):
        return Verdict(POSSIBLE, "the feed text hints at chips, Nvidia or China")
    return Verdict(UNRELATED, "the feed's title and summary mention no chips, Nvidia, H200 or China")
