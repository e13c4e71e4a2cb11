"""The draft's data: plain dataclasses, so the page and the CLI can show and edit them freely.

Nothing here is validated as a seed yet: a draft is a proposal for a person to confirm. The seed
schema (``data.models``) is applied when the draft is rendered to YAML and validated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol


class DraftError(ValueError):
    """Input the drafter refuses, with a message meant for the person who supplied it."""


@dataclass
class Figure:
    """One figure found in the text: numbers exactly as written, or only a vague wording."""

    unit: str | None
    bound: str
    wording: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    strict: bool = False
    vague: bool = False
    start: int = 0
    end: int = 0
    basis: str = "reported"  # reported by the text; "derived"/"assumed" only when a person adds one with a formula
    formula: str | None = None

    def numbers(self) -> list[float]:
        return [n for n in (self.value, self.low, self.high) if n is not None]

    def as_quantity(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("value", "low", "high"):
            number = getattr(self, name)
            if number is not None:
                out[name] = int(number) if float(number).is_integer() else number
        out.update(unit=self.unit, bound=self.bound, wording=self.wording)
        return out


@dataclass
class EntityMatch:
    """An organisation or chip named in the text, with the alias that matched and how well."""

    id: str
    name: str
    matched: str
    score: float
    kind: str = "organisation"


@dataclass
class DateMention:
    """A date phrase, resolved against the report date, with the precision it supports."""

    phrase: str
    date: dt.date
    precision: str
    start: int = 0
    forward: bool = False
    sentence: str = ""  # the sentence naming it: what the date is the day of


@dataclass
class DraftClaim:
    """A candidate claim. Suggestions a person must confirm are listed in ``to_confirm``."""

    id: str
    kind: str
    side: str
    text: str
    locator: str | None
    date: dt.date
    date_precision: str
    date_basis: str
    actors: list[str] = field(default_factory=list)
    product: str | None = None
    status: str | None = None
    stage: str | None = None
    metric: str | None = None
    applies_to: list[str] = field(default_factory=list)
    figure: Figure | None = None
    attribution: dict[str, Any] = field(default_factory=dict)
    matches: list[EntityMatch] = field(default_factory=list)
    date_phrase: str | None = None
    to_confirm: list[str] = field(default_factory=list)
    summary: str = ""
    confidence: str | None = None  # None: the source's confidence
    label: str | None = None
    fiscal_period: str | None = None  # a filing's reporting period, e.g. "Q2 FY2027" (not a calendar date)
    contradicts: list[str] = field(default_factory=list)
    supersedes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        quantity = None
        if self.figure is not None:
            quantity = {"metric": self.metric, "applies_to": list(self.applies_to), **self.figure.as_quantity()}
        return {
            "id": self.id,
            "kind": self.kind,
            "side": self.side,
            "status": self.status,
            "stage": self.stage,
            "actors": list(self.actors),
            "product": self.product,
            "quantity": quantity,
            "date": self.date.isoformat(),
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "date_phrase": self.date_phrase,
            "attribution": dict(self.attribution),
            "text": self.text,
            "locator": self.locator,
            "summary": self.summary,
            "confidence": self.confidence,
            "label": self.label,
            "fiscal_period": self.fiscal_period,
            "contradicts": list(self.contradicts),
            "supersedes": list(self.supersedes),
            "tags": list(self.tags),
            "to_confirm": bool(self.to_confirm),
            "to_confirm_fields": list(self.to_confirm),
            "matches": [asdict(m) for m in self.matches],
        }


@dataclass
class Duplicate:
    """An existing source this report may repeat, and what to do about it."""

    source_id: str
    score: float
    why: str
    carrier_entry: dict[str, Any]
    new_claim_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "score": round(self.score, 3),
            "why": self.why,
            "offer": f"add as a carrier of {self.source_id}",
            "carrier_entry": dict(self.carrier_entry),
            "new_claims": list(self.new_claim_ids),
        }


@dataclass(frozen=True)
class Matches:
    """The duplicate check's answer: the sources it offers as this report's story, and the next few
    it scored under its bar. A re-carry the check cannot prove is often among those: the page lists
    them for the analyst to look at before adding the report as a new source."""

    offered: list[Duplicate]
    weaker: list[Duplicate]


class DraftLike(Protocol):
    """What the renderers read from a draft. ``render`` depends on this, not on ``core.Draft``,
    so the modules import one way only: core -> render -> model."""

    source: dict[str, Any]
    claims: list[DraftClaim]
    duplicates: list[Duplicate]
    weaker: list[Duplicate]
    dates: list[DateMention]
    entities: list[EntityMatch]
    text: str
    notes: list[str]
