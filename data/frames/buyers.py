"""Buyers: per-buyer quantities as reconciled ranges, and one status row per buyer.

A figure reported for several firms together stays one *group* row: it is never divided into
per-firm numbers here (an explicit split is the user's assumption, drawn by the page).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames._table import builds, frame_of
from data.frames.claims import ClaimFilter, select_claims
from data.load import ClaimRecord, SeedData
from data.reconcile import Estimate, claim_confidence, reconcile, reconcile_all
from data.vocabulary import BUYER_MEASURES, BUYER_STATUS_KINDS, UNNAMED_BUYERS, buyer_ids

IN_PROCESS = ("approved", "applied", "conditional", "in_principle", "pending", "under_review")


@dataclass
class BuyerQuantityRow:
    organisation_id: str
    organisation: str
    measure: str
    metric: str
    low: float | None
    high: float | None
    best: float | None
    bound: str
    open_high: bool
    is_group: bool
    group_members: list[str]
    scope: str
    basis: str
    conflict: bool
    independent_origins: int
    claim_ids: list[str]
    source_ids: list[str]
    reading_date: dt.date | None


def _named(record: ClaimRecord, buyers: set[str]) -> set[str]:
    return {actor for actor in record.claim.actors if actor in buyers}


def _customers(seeds: SeedData) -> set[str]:
    """Buyers proper: distributors (Lenovo, Foxconn) pass chips on and are not customers."""
    return {o.id for o in seeds.organisations.values() if o.kind == "buyer"}


def _market_targets(records: list[ClaimRecord], customers: set[str]) -> dict[str, list[str]]:
    """Who a market-wide figure may hold for: a per-customer cap for each US-cleared customer, and
    "none delivered" for every customer in the approval process (distributors are not customers)."""
    cleared = {
        actor
        for r in records
        if r.claim.side == "US" and r.claim.status in ("approved", "applied") and r.claim.kind == "export_licence"
        for actor in _named(r, customers)
    }
    involved = {
        actor
        for r in records
        if r.claim.status in IN_PROCESS and r.claim.side in ("US", "China")
        for actor in _named(r, customers)
    }
    return {"cap": sorted(cleared), "delivered": sorted(involved)}


def _market_rows(
    records: list[ClaimRecord], seeds: SeedData, metric_measure: dict[str, str], seen: set[tuple[str, str]]
) -> list[BuyerQuantityRow]:
    """Market-wide figures (no ``applies_to``) for each firm they bind.

    A firm gets only the claims that name it or name no buyer at all, reconciled afresh, so a
    figure one report gave for ByteDance and Tencent never reaches Foxconn or Lenovo. A delivery
    total holds for each firm only when it is an exact zero: "more than 0 delivered" says nothing
    about any one firm, which then reads "none reported".
    """
    customers = _customers(seeds)
    targets = _market_targets(records, customers)
    groups: dict[str, list[ClaimRecord]] = {}
    for record in records:
        quantity = record.claim.quantity
        if quantity is not None and not quantity.applies_to and record.claim.kind != "spec":
            groups.setdefault(quantity.metric, []).append(record)
    rows = []
    for metric, group in sorted(groups.items()):
        measure = metric_measure.get(metric)
        for target in targets.get(measure or "", []):
            if (target, measure) in seen:  # a firm's own figure beats a market-wide one
                continue
            estimate = reconcile(
                [r for r in group if not _named(r, customers) or target in _named(r, customers)], seeds
            )
            if estimate is None or (measure == "delivered" and (estimate.best != 0 or estimate.best_bound != "exact")):
                continue
            seen.add((target, str(measure)))
            rows.append(
                _quantity_row(estimate, str(measure), target, seeds, "market-wide figure, applies to each firm")
            )
    return rows


def _quantity_row(estimate: Estimate, measure: str, target: str, seeds: SeedData, scope: str) -> BuyerQuantityRow:
    members = list(estimate.applies_to)
    is_group = len(members) > 1
    names = [seeds.organisations[m].name for m in members if m in seeds.organisations]
    organisation = seeds.organisations.get(target)
    return BuyerQuantityRow(
        organisation_id=target,
        organisation=" + ".join(names) if is_group else organisation.name if organisation else target,
        measure=measure,
        metric=estimate.metric,
        low=estimate.low,
        high=estimate.high,
        best=estimate.best,
        bound=estimate.best_bound,
        open_high=estimate.open_high,
        is_group=is_group,
        group_members=members if is_group else [],
        scope=scope,
        basis=estimate.basis,
        conflict=estimate.conflict,
        independent_origins=estimate.independent_origins,
        claim_ids=list(estimate.claim_ids),
        source_ids=list(estimate.source_ids),
        reading_date=estimate.reading_date,
    )


@builds(BuyerQuantityRow)
def build_buyer_quantities_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Per-buyer quantities (interest, approved, cap, delivered) as reconciled ranges."""
    records = select_claims(seeds, claim_filter)
    metric_measure = {m: measure for measure, metrics in BUYER_MEASURES.items() for m in metrics}
    rows: list[BuyerQuantityRow] = []
    seen: set[tuple[str, str]] = set()
    for estimate in sorted(reconcile_all(records, seeds), key=lambda e: e.metric):
        measure = metric_measure.get(estimate.metric)
        members = list(estimate.applies_to)
        if measure is None or not members:
            continue
        if len(members) > 1:
            target, scope = "+".join(members), "group figure, not split"
        else:
            target, scope = members[0], "reported for this firm"
        if (target, measure) not in seen:
            seen.add((target, measure))
            rows.append(_quantity_row(estimate, measure, target, seeds, scope))
    rows += _market_rows(records, seeds, metric_measure, seen)
    return frame_of(BuyerQuantityRow, rows)


@dataclass
class BuyerRow:
    organisation_id: str
    organisation: str
    kind: str
    us_status: str | None
    us_status_date: dt.date | None
    us_status_precision: str | None
    us_claim_id: str | None
    cn_status: str | None
    cn_status_date: dt.date | None
    cn_status_precision: str | None
    cn_claim_id: str | None
    cn_status_note: str | None
    interest_low: float | None
    interest_high: float | None
    interest_bound: str | None
    cap_low: float | None
    cap_high: float | None
    cap_bound: str | None
    delivered_low: float | None
    delivered_high: float | None
    delivered_bound: str | None
    delivered_date: dt.date | None
    market_status: str | None
    market_status_date: dt.date | None
    market_claim_id: str | None
    restrictions: list[str]
    group_approved: list[str]
    claims: int
    source_ids: list[str]


def _latest_status(mine: list[ClaimRecord], side: str, seeds: SeedData) -> ClaimRecord | None:
    """The newest claim that names this buyer and asserts its status on ``side``; low-confidence
    claims never set a status."""
    candidates = [
        r
        for r in mine
        if r.claim.status is not None
        and r.claim.side == side
        and r.claim.kind in BUYER_STATUS_KINDS
        and claim_confidence(r, seeds) != "low"
    ]
    return max(candidates, key=lambda r: (r.claim.date, seeds.sources[r.source_id].available_from), default=None)


def _market_condition(records: list[ClaimRecord], seeds: SeedData, customers: set[str]) -> ClaimRecord | None:
    """The newest Chinese step that names no buyer (Beijing's "hold your orders", a case-by-case
    regime): it binds every named buyer in the process and is shown on each, marked market-wide."""
    candidates = [
        r
        for r in records
        if r.claim.side == "China"
        and r.claim.stage is not None
        and r.claim.status is not None
        and _named(r, customers) <= set(UNNAMED_BUYERS)
        and claim_confidence(r, seeds) != "low"
    ]
    return max(candidates, key=lambda r: (r.claim.date, seeds.sources[r.source_id].available_from), default=None)


def _restrictions(mine: list[ClaimRecord]) -> list[str]:
    """Restriction lists the buyer was placed on: a status of its own, never an approval."""
    return [r.claim.label or r.claim.summary for r in mine if r.claim.status == "listed"]


@builds(BuyerRow)
def build_buyers_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One row per buyer: latest US and China status and per-buyer quantities."""
    records = select_claims(seeds, claim_filter)
    quantities = build_buyer_quantities_frame(seeds, claim_filter).to_dict("records")
    by_measure = {(q["organisation_id"], q["measure"]): q for q in quantities}
    groups = [(q["organisation"], q["group_members"]) for q in quantities if q["is_group"]]
    customers = _customers(seeds)
    involved = set(_market_targets(records, customers)["delivered"])
    market = _market_condition(records, seeds, customers)

    def measure(organisation_id: str, name: str, column: str) -> float | None:
        value = by_measure.get((organisation_id, name), {}).get(column)
        return None if value is None or pd.isna(value) else float(value)

    def bound(organisation_id: str, name: str) -> str | None:
        value = by_measure.get((organisation_id, name), {}).get("bound")
        return value if isinstance(value, str) else None

    rows = []
    for organisation_id in buyer_ids(seeds.organisations.values()):
        mine = [r for r in records if organisation_id in r.claim.actors]
        us, cn = _latest_status(mine, "US", seeds), _latest_status(mine, "China", seeds)
        binds = market is not None and organisation_id in involved
        delivered_date = by_measure.get((organisation_id, "delivered"), {}).get("reading_date")
        rows.append(
            BuyerRow(
                organisation_id=organisation_id,
                organisation=seeds.organisations[organisation_id].name,
                kind=seeds.organisations[organisation_id].kind,
                us_status=us.claim.status if us else None,
                us_status_date=us.claim.date if us else None,
                us_status_precision=us.claim.date_precision if us else None,
                us_claim_id=us.claim.id if us else None,
                cn_status=cn.claim.status if cn else None,
                cn_status_date=cn.claim.date if cn else None,
                cn_status_precision=cn.claim.date_precision if cn else None,
                cn_claim_id=cn.claim.id if cn else None,
                cn_status_note=cn.claim.label if cn else None,
                interest_low=measure(organisation_id, "interest", "low"),
                interest_high=measure(organisation_id, "interest", "high"),
                interest_bound=bound(organisation_id, "interest"),
                cap_low=measure(organisation_id, "cap", "low"),
                cap_high=measure(organisation_id, "cap", "high"),
                cap_bound=bound(organisation_id, "cap"),
                delivered_low=measure(organisation_id, "delivered", "low"),
                delivered_high=measure(organisation_id, "delivered", "high"),
                delivered_bound=bound(organisation_id, "delivered"),
                delivered_date=None if delivered_date is None or pd.isna(delivered_date) else delivered_date,
                market_status=market.claim.status if binds and market else None,
                market_status_date=market.claim.date if binds and market else None,
                market_claim_id=market.claim.id if binds and market else None,
                restrictions=_restrictions(mine),
                group_approved=[name for name, members in groups if organisation_id in members],
                claims=len(mine),
                source_ids=list(dict.fromkeys(r.source_id for r in mine)),
            )
        )
    return frame_of(BuyerRow, rows)


@dataclass
class AssumedShareRow:
    organisation_id: str
    organisation: str
    measure: str
    low: float | None
    high: float | None
    best: float | None
    bound: str
    basis: str
    formula: str
    share_pct: float


def split_group_figure(quantities: pd.DataFrame, shares: dict[str, float]) -> pd.DataFrame:
    """The user's split of each group approval into per-firm numbers: an *assumption*.

    ``shares`` maps organisation id -> share (0..1). Every row records its arithmetic, so the
    page can show how the number was made; nothing here is ever a reported figure.
    """
    rows = []
    groups = quantities[(quantities["measure"] == "approved") & quantities["is_group"]]
    for group in groups.to_dict("records"):
        if pd.isna(group["best"]):
            continue
        names = dict(zip(group["group_members"], str(group["organisation"]).split(" + "), strict=False))
        for member in group["group_members"]:
            share = shares.get(member)
            if share is None:
                continue
            value = float(group["best"]) * share
            rows.append(
                AssumedShareRow(
                    organisation_id=member,
                    organisation=names.get(member, member),
                    measure="approved",
                    low=value,
                    high=value,
                    best=value,
                    bound="exact",
                    basis="assumed",
                    formula=f"{share:.0%} of the group's {group['best']:,.0f} = {value:,.0f}",
                    share_pct=share * 100,
                )
            )
    return frame_of(AssumedShareRow, rows)
