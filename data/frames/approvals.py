"""Approval steps: organisation x side x stage, each with its date, status and source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter, select_claims
from data.load import SeedData
from data.outlets import publisher_label
from data.reconcile import claim_confidence
from data.vocabulary import STAGE_LABELS, buyer_ids, stage_order, stage_side

ALL_BUYERS = "*"
ALL_BUYERS_LABEL = "All buyers (rules naming no firm)"


@dataclass
class ApprovalRow:
    organisation_id: str
    organisation: str
    side: str
    stage: str
    stage_label: str
    stage_order: int
    status: str
    date: dt.date
    claim_id: str
    source_id: str
    publisher: str
    summary: str
    confidence: str


@builds(ApprovalRow)
def build_approvals_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One row per (named buyer, stage claim that asserts a status).

    A status belongs only to an organisation the claim names: a stage claim that names no buyer
    (a rule, a customs block) gets its own row, ``organisation_id == "*"`` ("All buyers (rules
    naming no firm)"), and never colours a named buyer. A claim without a status moves nothing.
    """
    buyers = set(buyer_ids(seeds.organisations.values()))
    rows = []
    for record in select_claims(seeds, claim_filter):
        claim = record.claim
        if claim.stage is None or claim.status is None:
            continue
        named = [a for a in claim.actors if a in buyers]
        for organisation_id in named or [ALL_BUYERS]:
            organisation = seeds.organisations.get(organisation_id)
            rows.append(
                ApprovalRow(
                    organisation_id=organisation_id,
                    organisation=organisation.name if organisation else ALL_BUYERS_LABEL,
                    side=stage_side(claim.stage),
                    stage=claim.stage,
                    stage_label=STAGE_LABELS[claim.stage],
                    stage_order=stage_order(claim.stage),
                    status=claim.status,
                    date=claim.date,
                    claim_id=claim.id,
                    source_id=record.source_id,
                    publisher=publisher_label(seeds, record.source_id),
                    summary=claim.summary,
                    confidence=claim_confidence(record, seeds),
                )
            )
    return frame_of(ApprovalRow, rows)
