"""Tidy pandas frames built from validated seeds: one builder per subject, all pure.

Every builder takes a ``ClaimFilter`` (as-of date and confidence) and returns only what had been
reported by that date; every row carries its source id(s). Dtypes are explicit so an empty
frame has the same columns and types as a full one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.lexicon import quantity_range
from data.load import ClaimRecord, SeedData
from data.reconcile import claim_confidence, live_claims, reconcile_all

LANES = {
    "us_government": "US government",
    "china_regulators": "Chinese regulators",
    "nvidia": "Nvidia",
    "buyers": "Buyers",
    "others": "Others",
}
SIDE_LANE = {"US": "us_government", "China": "china_regulators", "vendor": "nvidia", "buyer": "buyers"}

US_STAGES = ["us_announcement", "us_rule", "us_licence_review", "us_licences_granted", "us_shipped"]
CN_STAGES = ["cn_customs_block", "cn_in_principle", "cn_first_batch", "cn_conditional", "cn_paused"]
STAGE_LABELS = {
    "us_announcement": "Announcement",
    "us_rule": "Rule",
    "us_licence_review": "Licence review",
    "us_licences_granted": "Licences granted",
    "us_shipped": "Shipped",
    "cn_customs_block": "Customs block",
    "cn_in_principle": "In principle",
    "cn_first_batch": "First batch",
    "cn_conditional": "Conditional",
    "cn_paused": "Paused / final",
}
ALL_BUYERS = "*"


@dataclass(frozen=True)
class ClaimFilter:
    """What the user chose to see: claims reported by ``as_of``, optionally only the firmer ones."""

    as_of: dt.date | None = None
    exclude_low_confidence: bool = False
    exclude_anonymous: bool = False

    def admits(self, record: ClaimRecord, seeds: SeedData) -> bool:
        if self.as_of is not None and seeds.sources[record.source_id].available_from > self.as_of:
            return False
        if self.exclude_low_confidence and claim_confidence(record, seeds) == "low":
            return False
        return not (self.exclude_anonymous and record.claim.attribution.type == "anonymous_sources")


def select_claims(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> list[ClaimRecord]:
    """The claims a view may use, in date order."""
    claim_filter = claim_filter or ClaimFilter()
    chosen = [r for r in seeds.claims if claim_filter.admits(r, seeds)]
    return sorted(chosen, key=lambda r: (r.claim.date, seeds.sources[r.source_id].available_from, r.claim.id))


def latest_report_date(seeds: SeedData) -> dt.date | None:
    """Publication date of the newest dated source: the default as-of date."""
    return max((s.published for s in seeds.sources.values() if s.published is not None), default=None)


def _ids(values: list[str] | tuple[str, ...]) -> str:
    return ", ".join(values)


def _typed(rows: list[dict], dtypes: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(dtypes))
    for column, dtype in dtypes.items():
        if dtype == "datetime64[ns]":
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
        else:
            frame[column] = frame[column].astype(dtype)
    return frame


# --------------------------------------------------------------------------- claims

CLAIM_DTYPES = {
    "claim_id": "string",
    "source_id": "string",
    "kind": "string",
    "date": "datetime64[ns]",
    "date_precision": "string",
    "date_basis": "string",
    "reported": "datetime64[ns]",
    "actors": "string",
    "product": "string",
    "side": "string",
    "status": "string",
    "stage": "string",
    "metric": "string",
    "applies_to": "string",
    "value": "Float64",
    "low": "Float64",
    "high": "Float64",
    "unit": "string",
    "bound": "string",
    "wording": "string",
    "range_low": "Float64",
    "range_high": "Float64",
    "range_basis": "string",
    "attribution": "string",
    "sources_cited": "Int64",
    "person": "string",
    "confidence": "string",
    "label": "string",
    "summary": "string",
    "locator": "string",
    "contradicts": "string",
    "supersedes": "string",
    "superseded": "boolean",
    "tags": "string",
    "publisher": "string",
    "origin": "string",
    "source_title": "string",
    "url": "string",
    "seed_report": "boolean",
}


def build_claims_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Every claim, flat: one row per claim with its source's citation."""
    records = select_claims(seeds, claim_filter)
    live = {r.claim.id for r in live_claims(records)}
    rows = []
    for record in records:
        claim, source = record.claim, seeds.sources[record.source_id]
        quantity = claim.quantity
        derived = quantity_range(quantity, seeds.lexicon) if quantity else None
        rows.append(
            {
                "claim_id": claim.id,
                "source_id": record.source_id,
                "kind": claim.kind,
                "date": claim.date,
                "date_precision": claim.date_precision,
                "date_basis": claim.date_basis,
                "reported": source.available_from,
                "actors": _ids(claim.actors),
                "product": claim.product,
                "side": claim.side,
                "status": claim.status,
                "stage": claim.stage,
                "metric": quantity.metric if quantity else None,
                "applies_to": _ids(quantity.applies_to) if quantity else None,
                "value": quantity.value if quantity else None,
                "low": quantity.low if quantity else None,
                "high": quantity.high if quantity else None,
                "unit": quantity.unit if quantity else None,
                "bound": quantity.bound if quantity else None,
                "wording": quantity.wording if quantity else None,
                "range_low": derived.low if derived else None,
                "range_high": derived.high if derived else None,
                "range_basis": derived.basis if derived else None,
                "attribution": claim.attribution.type,
                "sources_cited": claim.attribution.sources_cited,
                "person": claim.attribution.person,
                "confidence": claim_confidence(record, seeds),
                "label": claim.label,
                "summary": claim.summary,
                "locator": claim.locator,
                "contradicts": _ids(claim.contradicts),
                "supersedes": _ids(claim.supersedes),
                "superseded": claim.id not in live,
                "tags": _ids(claim.tags),
                "publisher": source.publisher,
                "origin": source.origin or source.publisher,
                "source_title": source.title,
                "url": source.url,
                "seed_report": source.seed_report,
            }
        )
    return _typed(rows, CLAIM_DTYPES)


SOURCE_DTYPES = {
    "source_id": "string",
    "title": "string",
    "publisher": "string",
    "origin": "string",
    "kind": "string",
    "published": "datetime64[ns]",
    "url": "string",
    "carried_by": "string",
    "outlets": "Int64",
    "confidence": "string",
    "reliability": "string",
    "seed_report": "boolean",
    "claims": "Int64",
}


def build_sources_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One row per source document that has at least one visible claim."""
    counts: dict[str, int] = {}
    for record in select_claims(seeds, claim_filter):
        counts[record.source_id] = counts.get(record.source_id, 0) + 1
    rows = []
    for source_id, count in counts.items():
        source = seeds.sources[source_id]
        rows.append(
            {
                "source_id": source_id,
                "title": source.title,
                "publisher": source.publisher,
                "origin": source.origin or source.publisher,
                "kind": source.kind,
                "published": source.available_from,
                "url": source.url,
                "carried_by": _ids([o.outlet for o in source.carried_by]),
                "outlets": 1 + len(source.carried_by),
                "confidence": source.confidence,
                "reliability": source.reliability,
                "seed_report": source.seed_report,
                "claims": count,
            }
        )
    frame = _typed(rows, SOURCE_DTYPES)
    return frame.sort_values(["published", "source_id"], ignore_index=True)


# --------------------------------------------------------------------------- events (timeline)

EVENT_DTYPES = {
    "claim_id": "string",
    "source_id": "string",
    "date": "datetime64[ns]",
    "date_precision": "string",
    "date_basis": "string",
    "lane": "string",
    "lane_label": "string",
    "kind": "string",
    "label": "string",
    "summary": "string",
    "actors": "string",
    "publisher": "string",
    "confidence": "string",
    "key_moment": "boolean",
    "annotate": "boolean",
    "reported": "datetime64[ns]",
}


def _lane(record: ClaimRecord, seeds: SeedData) -> str:
    for actor in record.claim.actors:
        organisation = seeds.organisations.get(actor)
        if organisation is not None:
            return organisation.lane
    return SIDE_LANE.get(record.claim.side, "others")


def build_events_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """The timeline: one row per dated claim (chip specs and ``off-timeline`` claims excluded)."""
    rows = []
    for record in select_claims(seeds, claim_filter):
        claim = record.claim
        if claim.kind == "spec" or "off-timeline" in claim.tags:
            continue
        lane = _lane(record, seeds)
        rows.append(
            {
                "claim_id": claim.id,
                "source_id": record.source_id,
                "date": claim.date,
                "date_precision": claim.date_precision,
                "date_basis": claim.date_basis,
                "lane": lane,
                "lane_label": LANES[lane],
                "kind": claim.kind,
                "label": claim.label or "",
                "summary": claim.summary,
                "actors": _ids([seeds.organisations[a].name for a in claim.actors if a in seeds.organisations]),
                "publisher": seeds.sources[record.source_id].publisher,
                "confidence": claim_confidence(record, seeds),
                "key_moment": "key-moment" in claim.tags,
                "annotate": "annotate" in claim.tags,
                "reported": seeds.sources[record.source_id].available_from,
            }
        )
    return _typed(rows, EVENT_DTYPES)


# --------------------------------------------------------------------------- approvals

APPROVAL_DTYPES = {
    "organisation_id": "string",
    "organisation": "string",
    "side": "string",
    "stage": "string",
    "stage_label": "string",
    "stage_order": "Int64",
    "status": "string",
    "date": "datetime64[ns]",
    "claim_id": "string",
    "source_id": "string",
    "publisher": "string",
    "summary": "string",
    "confidence": "string",
}


def _buyer_ids(seeds: SeedData) -> list[str]:
    return [o.id for o in seeds.organisations.values() if o.kind in ("buyer", "distributor")]


def build_approvals_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Organisation x side x stage, with date, status and source.

    A stage claim that names no buyer (a rule, a customs block) applies to every buyer and is
    stored once with ``organisation_id == "*"``; the figure layer spreads it across the rows.
    """
    buyers = set(_buyer_ids(seeds))
    rows = []
    for record in select_claims(seeds, claim_filter):
        claim = record.claim
        if claim.stage is None:
            continue
        named = [a for a in claim.actors if a in buyers]
        side = "US" if claim.stage.startswith("us_") else "China"
        order = (US_STAGES if side == "US" else CN_STAGES).index(claim.stage)
        for organisation_id in named or [ALL_BUYERS]:
            rows.append(
                {
                    "organisation_id": organisation_id,
                    "organisation": seeds.organisations[organisation_id].name
                    if organisation_id in seeds.organisations
                    else "All buyers",
                    "side": side,
                    "stage": claim.stage,
                    "stage_label": STAGE_LABELS[claim.stage],
                    "stage_order": order,
                    "status": claim.status or "reported",
                    "date": claim.date,
                    "claim_id": claim.id,
                    "source_id": record.source_id,
                    "publisher": seeds.sources[record.source_id].publisher,
                    "summary": claim.summary,
                    "confidence": claim_confidence(record, seeds),
                }
            )
    return _typed(rows, APPROVAL_DTYPES)


# --------------------------------------------------------------------------- buyers

BUYER_MEASURES = {
    "interest": ("buyer-interest", "preliminary-order"),
    "approved": ("cn-first-batch-chips",),
    "cap": ("us-buyer-licence-cap", "us-per-customer-cap"),
    "delivered": ("h200-delivered-to-china",),
}

BUYER_QUANTITY_DTYPES = {
    "organisation_id": "string",
    "organisation": "string",
    "measure": "string",
    "metric": "string",
    "low": "Float64",
    "high": "Float64",
    "best": "Float64",
    "open_high": "boolean",
    "is_group": "boolean",
    "group_members": "string",
    "scope": "string",
    "basis": "string",
    "conflict": "boolean",
    "independent_origins": "Int64",
    "claim_ids": "string",
    "source_ids": "string",
}


def build_buyer_quantities_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Per-buyer quantities (interest, approved, cap, delivered) as reconciled ranges.

    A figure reported for several firms together stays one *group* row (``is_group``): it is never
    divided into per-firm numbers here. A figure for a named buyer, or a cap that applies to each
    cleared firm, is a per-buyer row.
    """
    records = select_claims(seeds, claim_filter)
    metric_measure = {m: measure for measure, metrics in BUYER_MEASURES.items() for m in metrics}
    buyers = {o.id for o in seeds.organisations.values() if o.kind == "buyer"}
    in_process = ("approved", "applied", "conditional", "in_principle", "pending", "under_review")
    cleared = {
        actor
        for r in records
        if r.claim.side == "US" and r.claim.status in ("approved", "applied") and r.claim.kind == "export_licence"
        for actor in r.claim.actors
        if actor in buyers
    }
    involved = {
        actor
        for r in records
        if r.claim.status in in_process and r.claim.side in ("US", "China")
        for actor in r.claim.actors
        if actor in buyers
    }
    rows = []
    seen: set[tuple[str, str]] = set()
    estimates = sorted(reconcile_all(records, seeds), key=lambda e: (not e.applies_to, e.metric))
    for estimate in estimates:
        measure = metric_measure.get(estimate.metric)
        if measure is None:
            continue
        members = list(estimate.applies_to)
        if not members:
            # A market-wide figure: a per-customer cap holds for each cleared firm, and
            # "none delivered" holds for every buyer in the approval process. Other
            # market-wide figures are not buyer figures.
            targets = sorted(cleared if measure == "cap" else involved if measure == "delivered" else set())
            scope, is_group = "market-wide figure, applies to each firm", False
        elif len(members) > 1:
            targets, scope, is_group = ["+".join(members)], "group figure, not split", True
        else:
            targets, scope, is_group = members, "reported for this firm", False
        for organisation_id in targets:
            if (organisation_id, measure) in seen:
                continue  # a firm's own figure beats a market-wide one
            seen.add((organisation_id, measure))
            name = (
                " + ".join(seeds.organisations[m].name for m in members if m in seeds.organisations)
                if is_group
                else seeds.organisations[organisation_id].name
                if organisation_id in seeds.organisations
                else organisation_id
            )
            rows.append(
                {
                    "organisation_id": organisation_id,
                    "organisation": name,
                    "measure": measure,
                    "metric": estimate.metric,
                    "low": estimate.low,
                    "high": estimate.high,
                    "best": estimate.best,
                    "open_high": estimate.open_high,
                    "is_group": is_group,
                    "group_members": _ids(members) if is_group else "",
                    "scope": scope,
                    "basis": estimate.basis,
                    "conflict": estimate.conflict,
                    "independent_origins": estimate.independent_origins,
                    "claim_ids": _ids(estimate.claim_ids),
                    "source_ids": _ids(estimate.source_ids),
                }
            )
    return _typed(rows, BUYER_QUANTITY_DTYPES)


BUYER_DTYPES = {
    "organisation_id": "string",
    "organisation": "string",
    "kind": "string",
    "us_status": "string",
    "us_status_date": "datetime64[ns]",
    "us_claim_id": "string",
    "cn_status": "string",
    "cn_status_date": "datetime64[ns]",
    "cn_claim_id": "string",
    "interest_low": "Float64",
    "interest_high": "Float64",
    "cap_low": "Float64",
    "cap_high": "Float64",
    "delivered_low": "Float64",
    "delivered_high": "Float64",
    "group_approved": "string",
    "claims": "Int64",
    "source_ids": "string",
}


def build_buyers_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One row per buyer or distributor: latest US and China status and per-buyer quantities."""
    records = select_claims(seeds, claim_filter)
    quantities = build_buyer_quantities_frame(seeds, claim_filter).to_dict("records")
    by_measure = {(q["organisation_id"], q["measure"]): q for q in quantities}
    group_rows = [
        {"organisation": q["organisation"], "members": str(q["group_members"]).split(", ")}
        for q in quantities
        if q["is_group"]
    ]
    rows = []
    for organisation_id in _buyer_ids(seeds):
        organisation = seeds.organisations[organisation_id]
        mine = [r for r in records if organisation_id in r.claim.actors]
        status_claims = {
            side: [r for r in mine if r.claim.status is not None and r.claim.side == side] for side in ("US", "China")
        }
        latest = {
            side: max(claims, key=lambda r: (r.claim.date, seeds.sources[r.source_id].available_from), default=None)
            for side, claims in status_claims.items()
        }

        def measure(name: str, column: str, organisation_id: str = organisation_id) -> float | None:
            value = by_measure.get((organisation_id, name), {}).get(column)
            return None if value is None or pd.isna(value) else float(value)

        groups = [g["organisation"] for g in group_rows if organisation_id in g["members"]]
        source_ids = list(dict.fromkeys(r.source_id for r in mine))
        rows.append(
            {
                "organisation_id": organisation_id,
                "organisation": organisation.name,
                "kind": organisation.kind,
                "us_status": latest["US"].claim.status if latest["US"] else None,
                "us_status_date": latest["US"].claim.date if latest["US"] else None,
                "us_claim_id": latest["US"].claim.id if latest["US"] else None,
                "cn_status": latest["China"].claim.status if latest["China"] else None,
                "cn_status_date": latest["China"].claim.date if latest["China"] else None,
                "cn_claim_id": latest["China"].claim.id if latest["China"] else None,
                "interest_low": measure("interest", "low"),
                "interest_high": measure("interest", "high"),
                "cap_low": measure("cap", "low"),
                "cap_high": measure("cap", "high"),
                "delivered_low": measure("delivered", "low"),
                "delivered_high": measure("delivered", "high"),
                "group_approved": "; ".join(groups),
                "claims": len(mine),
                "source_ids": _ids(source_ids),
            }
        )
    return _typed(rows, BUYER_DTYPES)


# --------------------------------------------------------------------------- supply and demand

SUPPLY_DEMAND_DTYPES = {
    "metric": "string",
    "applies_to": "string",
    "date": "datetime64[ns]",
    "low": "Float64",
    "high": "Float64",
    "best": "Float64",
    "open_high": "boolean",
    "unit": "string",
    "bound": "string",
    "wording": "string",
    "basis": "string",
    "rule": "string",
    "confidence": "string",
    "claim_id": "string",
    "source_ids": "string",
    "publisher": "string",
    "superseded": "boolean",
    "summary": "string",
}


def build_supply_demand_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Every reported figure (chip specs aside) as a range, with basis reported or derived."""
    records = select_claims(seeds, claim_filter)
    live = {r.claim.id for r in live_claims(records)}
    rows = []
    for record in records:
        claim, quantity = record.claim, record.claim.quantity
        if quantity is None or claim.kind == "spec":
            continue
        derived = quantity_range(quantity, seeds.lexicon)
        rows.append(
            {
                "metric": quantity.metric,
                "applies_to": _ids(quantity.applies_to),
                "date": claim.date,
                "low": derived.low,
                "high": derived.high,
                "best": derived.mid if not derived.open_high else derived.low,
                "open_high": derived.open_high,
                "unit": quantity.unit,
                "bound": quantity.bound,
                "wording": quantity.wording,
                "basis": derived.basis,
                "rule": derived.rule,
                "confidence": claim_confidence(record, seeds),
                "claim_id": claim.id,
                "source_ids": record.source_id,
                "publisher": seeds.sources[record.source_id].publisher,
                "superseded": claim.id not in live,
                "summary": claim.summary,
            }
        )
    return _typed(rows, SUPPLY_DEMAND_DTYPES)


ESTIMATE_DTYPES = {
    "metric": "string",
    "applies_to": "string",
    "unit": "string",
    "low": "Float64",
    "high": "Float64",
    "best": "Float64",
    "open_high": "boolean",
    "basis": "string",
    "best_bound": "string",
    "best_claim_id": "string",
    "claim_ids": "string",
    "source_ids": "string",
    "independent_origins": "Int64",
    "conflict": "boolean",
}


def build_estimates_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """One reconciled estimate per (metric, applies_to): what the KPI cards show."""
    rows = [
        {
            "metric": e.metric,
            "applies_to": _ids(e.applies_to),
            "unit": e.unit,
            "low": e.low,
            "high": e.high,
            "best": e.best,
            "open_high": e.open_high,
            "basis": e.basis,
            "best_bound": e.best_bound,
            "best_claim_id": e.best_claim_id,
            "claim_ids": _ids(e.claim_ids),
            "source_ids": _ids(e.source_ids),
            "independent_origins": e.independent_origins,
            "conflict": e.conflict,
        }
        for e in reconcile_all(select_claims(seeds, claim_filter), seeds)
    ]
    return _typed(rows, ESTIMATE_DTYPES)


# --------------------------------------------------------------------------- chips

SPEC_UNITS = {
    "memory_gb": "GB",
    "bandwidth_tb_s": "TB/s",
    "fp16_dense_tflops": "TFLOPS",
    "fp8_dense_tflops": "TFLOPS",
    "tpp": "TPP",
    "power_w": "W",
}

CHIP_DTYPES = {
    "chip_id": "string",
    "chip": "string",
    "vendor": "string",
    "china_status": "string",
    "metric": "string",
    "unit": "string",
    "value": "Float64",
    "low": "Float64",
    "high": "Float64",
    "estimate": "boolean",
    "note": "string",
    "source_ids": "string",
}


def build_chips_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Chip specs, long: one row per chip x metric, estimates flagged and given as low/high.

    Specs are reference values, not news: most spec pages are undated, so the as-of part of the
    filter does not apply here (the argument is accepted so every builder is called alike).
    """
    del claim_filter
    rows = []
    for chip in seeds.chips.values():
        vendor = seeds.organisations.get(chip.vendor)
        for metric, spec in chip.specs.items():
            low = spec.value if spec.value is not None else spec.low
            high = spec.value if spec.value is not None else spec.high
            rows.append(
                {
                    "chip_id": chip.id,
                    "chip": chip.name,
                    "vendor": vendor.name if vendor else chip.vendor,
                    "china_status": chip.china_status,
                    "metric": metric,
                    "unit": SPEC_UNITS[metric],
                    "value": spec.value if spec.value is not None else (low + high) / 2,  # type: ignore[operator]
                    "low": low,
                    "high": high,
                    "estimate": spec.estimate,
                    "note": spec.note,
                    "source_ids": _ids(spec.sources),
                }
            )
    return _typed(rows, CHIP_DTYPES)


# --------------------------------------------------------------------------- conflicts

CONFLICT_DTYPES = {
    "group": "Int64",
    "topic": "string",
    "claim_id": "string",
    "source_id": "string",
    "publisher": "string",
    "date": "datetime64[ns]",
    "summary": "string",
    "wording": "string",
    "low": "Float64",
    "high": "Float64",
    "unit": "string",
    "confidence": "string",
    "spread_low": "Float64",
    "spread_high": "Float64",
}


def build_conflicts_frame(seeds: SeedData, claim_filter: ClaimFilter | None = None) -> pd.DataFrame:
    """Groups of claims linked by ``contradicts`` (connected components), with their spread."""
    records = select_claims(seeds, claim_filter)
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

    rows = []
    ordered = sorted(groups.values(), key=lambda members: _topic(members))
    for number, members in enumerate(ordered, start=1):
        ranges = [quantity_range(m.claim.quantity, seeds.lexicon) if m.claim.quantity else None for m in members]
        units = {m.claim.quantity.unit for m in members if m.claim.quantity}
        comparable = [r for r in ranges if r is not None and (r.low is not None or r.high is not None)]
        values = [v for r in comparable for v in (r.low, r.high) if v is not None]
        spread_low = min(values) if values and len(units) == 1 else None
        spread_high = max(values) if values and len(units) == 1 else None
        topic = _topic(members)
        for member, quantity_range_ in zip(members, ranges, strict=True):
            claim = member.claim
            rows.append(
                {
                    "group": number,
                    "topic": topic,
                    "claim_id": claim.id,
                    "source_id": member.source_id,
                    "publisher": seeds.sources[member.source_id].publisher,
                    "date": claim.date,
                    "summary": claim.summary,
                    "wording": claim.quantity.wording if claim.quantity else None,
                    "low": quantity_range_.low if quantity_range_ else None,
                    "high": quantity_range_.high if quantity_range_ else None,
                    "unit": claim.quantity.unit if claim.quantity else None,
                    "confidence": claim_confidence(member, seeds),
                    "spread_low": spread_low,
                    "spread_high": spread_high,
                }
            )
    return _typed(rows, CONFLICT_DTYPES)


def _topic(members: list[ClaimRecord]) -> str:
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


APPROVED_VOLUME_METRICS = {
    "China": ("cn-first-batch-chips",),
    "US": ("us-licensed-h200-volume", "us-implied-licensed-ceiling"),
}


def approved_volume_series(supply_demand: pd.DataFrame) -> pd.DataFrame:
    """Approved H200 volume per side as reports arrived (from ``build_supply_demand_frame``).

    Superseded versions and ranges derived from vague wording are dropped; each remaining
    reported figure is one step with its range.
    """
    rows = []
    for side, metrics in APPROVED_VOLUME_METRICS.items():
        part = supply_demand[
            supply_demand["metric"].isin(metrics)
            & ~supply_demand["superseded"]
            & (supply_demand["basis"] == "reported")
        ]
        for _, row in part.iterrows():
            rows.append(
                {
                    "date": row["date"],
                    "side": side,
                    "low": row["low"],
                    "high": row["high"],
                    "best": row["best"],
                    "label": f"{row['wording'] or ''} ({row['publisher']})",
                    "source_ids": row["source_ids"],
                }
            )
    frame = pd.DataFrame(rows, columns=["date", "side", "low", "high", "best", "label", "source_ids"])
    return frame.astype(
        {"date": "datetime64[ns]", "side": "string", "low": "Float64", "high": "Float64", "best": "Float64"}
    ).sort_values("date", ignore_index=True)
