"""The timeline: one row per dated claim (chip specs and ``off-timeline`` claims excluded), on one lane by lead actor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter, select_claims
from data.load import ClaimRecord, SeedData
from data.outlets import publisher_label
from data.reconcile import claim_confidence
from data.vocabulary import LANES, SIDE_LANE


@dataclass
class EventRow:
    claim_id: str
    source_id: str
    date: dt.date
    date_precision: str
    date_basis: str
    lane: str
    lane_label: str
    kind: str
    label: str
    summary: str
    actors: list[str]
    publisher: str
    confidence: str
    key_moment: bool
    annotate: bool
    reported: dt.date


def lane_of(record: ClaimRecord, seeds: SeedData) -> str:
    """The lane of a claim's first known actor, else of its side."""
    for actor in record.claim.actors:
        organisation = seeds.organisations.get(actor)
        if organisation is not None:
            return organisation.lane
    return SIDE_LANE.get(record.claim.side, "others")


@builds(EventRow)
def build_events_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Dated claims for the timeline; actors by name, lanes by lead actor."""
    rows = []
    for record in select_claims(seeds, claim_filter):
        claim = record.claim
        if claim.kind == "spec" or "off-timeline" in claim.tags:
            continue
        lane = lane_of(record, seeds)
        source = seeds.sources[record.source_id]
        rows.append(
            EventRow(
                claim_id=claim.id,
                source_id=record.source_id,
                date=claim.date,
                date_precision=claim.date_precision,
                date_basis=claim.date_basis,
                lane=lane,
                lane_label=LANES[lane],
                kind=claim.kind,
                label=claim.label or "",
                summary=claim.summary,
                actors=[seeds.organisations[a].name for a in claim.actors if a in seeds.organisations],
                publisher=publisher_label(seeds, record.source_id),
                confidence=claim_confidence(record, seeds),
                key_moment="key-moment" in claim.tags,
                annotate="annotate" in claim.tags,
                reported=source.available_from,
            )
        )
    return frame_of(EventRow, rows)
