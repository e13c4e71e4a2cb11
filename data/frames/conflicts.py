"""Conflicts: groups of claims linked by ``contradicts`` (connected components), with their spread.

A group's figures are compared like with like only: the same metric (so the same precision for a
chip spec), the same unit, the same organisations and the same product. Within such a set,
figures whose ranges can all be true at once ("more than 400,000" and "about 400,000") differ in
wording only; a group is a spread of figures only when some set cannot all be true at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter, select_claims
from data.lexicon import Range, quantity_range
from data.load import ClaimRecord, SeedData
from data.outlets import publisher_label
from data.reconcile import can_all_be_true, claim_confidence, limit_level

FIGURES, WORDING, STATEMENTS = "figures", "wording", "statements"
"""How a group disagrees: like-for-like figures that cannot all be true, the same figure in other
words, or statements (figures missing, alone, or measuring different things)."""


@dataclass
class ConflictRow:
    group: int
    topic: str
    difference: str
    claim_id: str
    source_id: str
    publisher: str
    date: dt.date
    summary: str
    wording: str | None
    metric: str | None
    measure: str | None
    chip: str | None
    spec: bool
    scope: str | None
    bound: str | None
    basis: str | None
    low: float | None
    high: float | None
    unit: str | None
    comparison: str | None
    in_spread: bool
    confidence: str
    spread_low: float | None
    spread_high: float | None
    spread_unit: str | None


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


def comparable_key(record: ClaimRecord) -> tuple[str, str, tuple[str, ...], str] | None:
    """What makes two figures comparable: metric (so precision, for a chip spec), unit,
    organisations and product; None without a figure."""
    quantity = record.claim.quantity
    if quantity is None:
        return None
    return (quantity.metric, quantity.unit, tuple(sorted(quantity.applies_to)), record.claim.product or "")


Spread = tuple[float | None, float | None, str | None]


def _key_text(key: tuple[str, str, tuple[str, ...], str]) -> str:
    metric, unit, scope, product = key
    return " | ".join((metric, unit, ",".join(scope), product))


def _classify(members: list[ClaimRecord], ranges: dict[str, Range]) -> tuple[str, dict[str, str], str | None, Spread]:
    """(difference, each compared claim's comparison key, the widest disagreeing set's key, its spread)."""
    sets: dict[tuple[str, str, tuple[str, ...], str], list[ClaimRecord]] = {}
    for member in members:
        key = comparable_key(member)
        if key is not None and member.claim.id in ranges:
            sets.setdefault(key, []).append(member)
    # a figure that names no product is compared with the one product its peers name (if only one)
    for key in [k for k in sets if k[3] == ""]:
        named = [k for k in sets if k[:3] == key[:3] and k[3]]
        if len(named) == 1:
            sets[named[0]] += sets.pop(key)
    comparable = {key: group for key, group in sets.items() if len(group) > 1}
    compared = {m.claim.id: _key_text(key) for key, group in comparable.items() for m in group}
    spreads: list[tuple[tuple[float, float], str, Spread]] = []
    for key, group in comparable.items():
        group_ranges = [ranges[m.claim.id] for m in group]
        if can_all_be_true(group_ranges):
            continue
        values = [v for r in group_ranges for v in (r.low, r.high) if v is not None]
        low, high = min(values), max(values)
        spreads.append(((high / low if low > 0 else float("inf"), high - low), _key_text(key), (low, high, key[1])))
    if spreads:
        _, key_text, spread = max(spreads, key=lambda item: item[0])
        return FIGURES, compared, key_text, spread
    # Wording only when every claim is a like-for-like figure that agrees with its set; a claim
    # without a figure (or measuring something else) keeps the group a disagreement of statements.
    only_wording = bool(comparable) and len(compared) == len(members)
    return (WORDING if only_wording else STATEMENTS), compared, None, (None, None, None)


def _ranges(members: list[ClaimRecord], seeds: SeedData) -> dict[str, Range]:
    """Each member's figure as a range (members without a usable figure left out)."""
    ranges = {}
    for member in members:
        if member.claim.quantity is not None:
            claim_range = quantity_range(member.claim.quantity, seeds.lexicon)
            if claim_range.low is not None or claim_range.high is not None:
                ranges[member.claim.id] = claim_range
    return ranges


def _levels(members: list[ClaimRecord], ranges: dict[str, Range], seeds: SeedData) -> dict[str, Range]:
    """The ranges as compared: a cap's "up to X" as its level X (``limit_level``)."""
    by_id = {m.claim.id: m for m in members}
    return {
        claim_id: limit_level(claim_range, seeds.metrics.get(by_id[claim_id].claim.quantity.metric))  # type: ignore[union-attr]
        for claim_id, claim_range in ranges.items()
    }


def difference_of(members: list[ClaimRecord], seeds: SeedData) -> str:
    """How one conflict group differs (FIGURES, WORDING or STATEMENTS), as the conflicts frame says."""
    return _classify(members, _levels(members, _ranges(members, seeds), seeds))[0]


@builds(ConflictRow)
def build_conflicts_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One row per claim in a conflict group; the group's spread only over like-for-like figures."""
    rows = []
    for number, members in enumerate(conflict_groups(select_claims(seeds, claim_filter)), start=1):
        ranges = _ranges(members, seeds)
        difference, compared, widest, (spread_low, spread_high, spread_unit) = _classify(
            members, _levels(members, ranges, seeds)
        )
        topic = topic_of(members)
        for member in members:
            claim = member.claim
            quantity = claim.quantity
            reading = ranges.get(claim.id)
            metric = seeds.metrics.get(quantity.metric) if quantity else None
            chip = seeds.chips.get(claim.product or "")
            rows.append(
                ConflictRow(
                    group=number,
                    topic=topic,
                    difference=difference,
                    claim_id=claim.id,
                    source_id=member.source_id,
                    publisher=publisher_label(seeds, member.source_id),
                    date=claim.date,
                    summary=claim.summary,
                    wording=quantity.wording if quantity else None,
                    metric=quantity.metric if quantity else None,
                    measure=(metric.short_label or metric.label) if metric else None,
                    chip=chip.name if chip else (claim.product or None),
                    spec=metric is not None and metric.kind == "spec",
                    scope=", ".join(_org_name(seeds, o) for o in quantity.applies_to) if quantity else None,
                    bound=reading.bound if reading else None,
                    basis=reading.basis if reading else None,
                    low=reading.low if reading else None,
                    high=reading.high if reading else None,
                    unit=quantity.unit if quantity else None,
                    comparison=compared.get(claim.id),
                    in_spread=widest is not None and compared.get(claim.id) == widest,
                    confidence=claim_confidence(member, seeds),
                    spread_low=spread_low,
                    spread_high=spread_high,
                    spread_unit=spread_unit,
                )
            )
    return frame_of(ConflictRow, rows)


def _org_name(seeds: SeedData, organisation_id: str) -> str:
    organisation = seeds.organisations.get(organisation_id)
    return organisation.name if organisation else organisation_id


def topic_of(members: list[ClaimRecord]) -> str:
    """A group's stable code: its fact-base tags (c1, c2, ...) and metrics (old links name conflicts by it)."""
    tags = sorted(
        {t.upper() for m in members for t in m.claim.tags if t[:1] == "c" and t[1:].isdigit()},
        key=lambda t: int(t[1:]),
    )
    metrics = sorted({m.claim.quantity.metric for m in members if m.claim.quantity})
    parts = [", ".join(tags)] if tags else []
    if metrics:
        parts.append(", ".join(metrics))
    return " · ".join(parts) or members[0].claim.kind
