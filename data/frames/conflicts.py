"""Conflicts: groups of claims linked by ``contradicts`` (connected components), with their spread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter, select_claims
from data.lexicon import Range, quantity_range
from data.load import ClaimRecord, SeedData
from data.reconcile import claim_confidence


@dataclass
class ConflictRow:
    group: int
    topic: str
    claim_id: str
    source_id: str
    publisher: str
    date: dt.date
    summary: str
    wording: str | None
    low: float | None
    high: float | None
    unit: str | None
    confidence: str
    spread_low: float | None
    spread_high: float | None


def conflict_groups(records: list[ClaimRecord]) -> list[list[ClaimRecord]]:
    """Claims linked by ``contradicts`` (in either direction), grouped, each group in date order."""
    by_id = {r.claim.id: r for r in records}
    parent = {claim_id: claim_id for claim_id in by_id}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    linked: set[str] = set()
    for record in records:
        for target in record.claim.contradicts:
            if target in by_id:
                parent[find(record.claim.id)] = find(target)
                linked.update((record.claim.id, target))
    groups: dict[str, list[ClaimRecord]] = {}
    for claim_id in sorted(linked, key=lambda c: (by_id[c].claim.date, c)):
        groups.setdefault(find(claim_id), []).append(by_id[claim_id])
    return sorted(groups.values(), key=topic_of)


def _spread(ranges: list[Range | None], units: set[str]) -> tuple[float | None, float | None]:
    values = [v for r in ranges if r is not None for v in (r.low, r.high) if v is not None]
    if not values or len(units) != 1:
        return None, None
    return min(values), max(values)


@builds(ConflictRow)
def build_conflicts_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One row per claim in a conflict group, with the group's spread when the units agree."""
    rows = []
    for number, members in enumerate(conflict_groups(select_claims(seeds, claim_filter)), start=1):
        ranges = [quantity_range(m.claim.quantity, seeds.lexicon) if m.claim.quantity else None for m in members]
        spread_low, spread_high = _spread(ranges, {m.claim.quantity.unit for m in members if m.claim.quantity})
        topic = topic_of(members)
        for member, claim_range in zip(members, ranges, strict=True):
            claim = member.claim
            rows.append(
                ConflictRow(
                    group=number,
                    topic=topic,
                    claim_id=claim.id,
                    source_id=member.source_id,
                    publisher=seeds.sources[member.source_id].publisher,
                    date=claim.date,
                    summary=claim.summary,
                    wording=claim.quantity.wording if claim.quantity else None,
                    low=claim_range.low if claim_range else None,
                    high=claim_range.high if claim_range else None,
                    unit=claim.quantity.unit if claim.quantity else None,
                    confidence=claim_confidence(member, seeds),
                    spread_low=spread_low,
                    spread_high=spread_high,
                )
            )
    return frame_of(ConflictRow, rows)


def topic_of(members: list[ClaimRecord]) -> str:
    """Name a conflict group by its fact-base tag (c1, c2, ...) or its metric."""
    tags = sorted(
        {t.upper() for m in members for t in m.claim.tags if t[:1] == "c" and t[1:].isdigit()},
        key=lambda t: int(t[1:]),
    )
    metrics = sorted({m.claim.quantity.metric for m in members if m.claim.quantity})
    parts = [", ".join(tags)] if tags else []
    if metrics:
        parts.append(", ".join(metrics))
    return " · ".join(parts) or members[0].claim.kind
