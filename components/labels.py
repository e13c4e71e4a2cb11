"""Words people use: human labels for every column, status, stage, kind, unit, bound,
attribution type, confidence and lane, in one place. Pure: no streamlit.

Frames keep their ids (``export_licence``, ``at_least``); tables, tooltips, legends and exports
show these labels, with "—" for anything missing and dates that cannot be misread
("26 Jan 2026", never "Jan 26").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import yaml
from pydantic import ValidationError

from components.format import MISSING, fmt_number, is_missing
from components.theme import BASES as BASIS_STYLES
from data.models import Metric
from data.vocabulary import LANES, SPEC_BY_ID, STAGE_LABELS

COLUMNS: dict[str, str] = {
    "active": "Active",
    "actors": "Who",
    "anonymous_sources": "Anonymous sources",
    "applies_to": "Applies to",
    "attribution": "Attributed to",
    "basis": "Basis",
    "best": "Best estimate",
    "best_bound": "Bound of the best estimate",
    "bound": "Bound",
    "china_status": "Status in China",
    "chip": "Chip",
    "claim_id": "Claim id",
    "claim_ids": "Claims",
    "claims": "Claims",
    "cn_status": "China status",
    "cn_status_date": "China status as of",
    "confidence": "Confidence",
    "conflict": "Sources disagree",
    "contradicts": "Contradicts",
    "date": "Date",
    "date_basis": "Date is of",
    "date_precision": "Date precision",
    "delivered": "Delivered",
    "estimate": "Estimate",
    "export_licence": "Export licence",
    "group": "Conflict",
    "fiscal_period": "Fiscal period",
    "group_approved": "First batch (group)",
    "high": "High",
    "independent_origins": "Independent origins",
    "is_group": "Group figure",
    "kind": "Kind",
    "label": "Label",
    "lane": "Actor",
    "lane_label": "Actor",
    "locator": "Where in the source",
    "low": "Low",
    "measure": "Measure",
    "metric": "Figure",
    "note": "Note",
    "open_high": "Open-ended",
    "organisation": "Organisation",
    "organisation_id": "Organisation id",
    "origin": "Original outlet",
    "person": "Person",
    "product": "Product",
    "publisher": "Publisher",
    "published": "Published",
    "range_basis": "Range basis",
    "range_high": "Range high",
    "range_low": "Range low",
    "reported": "Reported",
    "rule": "How it was read",
    "scope": "Scope",
    "seed_report": "Seed report",
    "side": "Side",
    "source_id": "Source id",
    "source_ids": "Sources",
    "source_title": "Source title",
    "sources_cited": "Sources cited",
    "spread": "Spread",
    "spread_high": "Spread high",
    "spread_low": "Spread low",
    "stage": "Stage",
    "stage_label": "Stage",
    "stage_order": "Stage order",
    "status": "Status",
    "summary": "What was reported",
    "superseded": "Superseded",
    "supersedes": "Supersedes",
    "tags": "Tags",
    "title": "Title",
    "topic": "Topic",
    "unit": "Unit",
    "url": "Link",
    "us_status": "US status",
    "us_status_date": "US status as of",
    "value": "Value",
    "vendor": "Vendor",
    "wording": "Wording in the report",
}

STATUSES: dict[str, str] = {
    "announced": "Announced",
    "proposed": "Proposed",
    "approved": "Approved",
    "conditional": "Conditional",
    "in_principle": "In principle",
    "pending": "Pending",
    "under_review": "Under review",
    "blocked": "Blocked",
    "paused": "Paused",
    "halted": "Halted",
    "denied": "Denied",
    "cancelled": "Cancelled",
    "none": "Nothing granted",
    "planned": "Planned",
    "in_effect": "In effect",
    "applied": "Applied for",
    "disputed": "Disputed",
    "unverified": "Unverified",
    "shipped": "Shipped",
    "delivered": "Delivered",
    "listed": "On a restriction list",
    "reported": "Reported",
}

KINDS: dict[str, str] = {
    "policy": "Policy",
    "legislation": "Legislation",
    "export_licence": "Export licence",
    "import_approval": "Import approval",
    "application": "Application",
    "order": "Order",
    "demand_signal": "Demand signal",
    "supply": "Supply",
    "production": "Production",
    "shipment": "Shipment",
    "delivery": "Delivery",
    "condition": "Condition",
    "price": "Price",
    "spec": "Specification",
    "statement": "Statement",
    "visit": "Visit",
    "enforcement": "Enforcement",
    "market": "Market",
    "financial": "Financial results",
    "status": "Status update",
}

UNITS: dict[str, str] = {
    "chips": "chips",
    "modules": "modules",
    "accelerators": "accelerators",
    "dies": "dies",
    "firms": "firms",
    "usd": "US$",
    "usd_per_chip": "US$ per chip",
    "rmb": "RMB",
    "rmb_per_module": "RMB per module",
    "percent": "%",
    "hours": "hours",
    "days": "days",
    "votes": "votes",
    "parameters": "parameters",
    "tpp": "TPP",
    "gb_per_s": "GB/s",
    "gb": "GB",
    "tb_per_s": "TB/s",
    "tflops": "TFLOPS",
    "pflops": "PFLOPS",
    "watts": "W",
}

BOUNDS: dict[str, str] = {
    "exact": "Exact",
    "at_least": "At least",
    "at_most": "At most",
    "approx": "About",
    "range": "Range",
    "more_than": "More than",
    "less_than": "Less than",
}

ATTRIBUTIONS: dict[str, str] = {
    "official_document": "Official document",
    "company_statement": "Company statement",
    "named_person": "Named person",
    "anonymous_sources": "Anonymous sources",
    "media_analysis": "Media analysis",
    "analyst_estimate": "Analyst estimate",
}

CONFIDENCES: dict[str, str] = {"high": "High", "medium": "Medium", "low": "Low"}
SIDES: dict[str, str] = {"US": "US", "China": "China", "vendor": "Vendor", "buyer": "Buyer", "other": "Other"}
PRECISIONS: dict[str, str] = {"day": "Day", "week": "Week", "month": "Month", "quarter": "Quarter", "year": "Year"}
DATE_BASES: dict[str, str] = {"event": "The event", "reported": "The report"}
BASES: dict[str, str] = {basis: style.label for basis, style in BASIS_STYLES.items()}
SOURCE_KINDS: dict[str, str] = {
    "wire": "Wire service",
    "news": "News",
    "official": "Official",
    "company": "Company",
    "analyst": "Analyst",
    "blog": "Blog",
    "aggregator": "Aggregator",
    "other": "Other",
}
CHIP_STATUSES: dict[str, str] = {
    "allowed": "Allowed",
    "restricted": "Restricted",
    "banned": "Banned",
    "domestic": "Domestic",
}
METRICS_FILE = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "metrics.yaml"


def _declared_metrics(path: Path = METRICS_FILE) -> dict[str, tuple[str, str]]:
    """metric id -> (label, short label) from the reference file, the one home of metric names.

    Read item by item, so one broken entry (the validator reports it) cannot take every label down.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    out: dict[str, tuple[str, str]] = {}
    for item in data.get("metrics") or [] if isinstance(data, dict) else []:
        try:
            metric = Metric.model_validate(item)
        except ValidationError:
            continue
        out[metric.id] = (metric.label, metric.short_label or metric.label)
    return out


METRIC_NAMES: dict[str, tuple[str, str]] = _declared_metrics()
METRICS: dict[str, str] = {
    **{metric_id: names[0] for metric_id, names in METRIC_NAMES.items()},
    **{metric_id: metric.label for metric_id, metric in SPEC_BY_ID.items()},
}


def metric_label(metric_id: object, *, short: bool = False) -> str:
    """A metric as people read it: its label (tables, exports) or short label (axes, legends,
    slides) from ``seeds/reference/metrics.yaml``; an undeclared id still reads as words."""
    if is_missing(metric_id) or metric_id == "":
        return MISSING
    text = str(metric_id)
    if text in METRIC_NAMES:
        return METRIC_NAMES[text][1 if short else 0]
    if text in SPEC_BY_ID:
        return SPEC_BY_ID[text].label
    return text.replace("-", " ").replace("_", " ").strip().capitalize()


# Columns whose values are ids of one family: the table shows the family's label.
VALUE_LABELS: dict[str, Mapping[str, str]] = {
    "status": STATUSES,
    "us_status": STATUSES,
    "cn_status": STATUSES,
    "kind": KINDS,
    "unit": UNITS,
    "bound": BOUNDS,
    "best_bound": BOUNDS,
    "attribution": ATTRIBUTIONS,
    "confidence": CONFIDENCES,
    "lane": LANES,
    "stage": STAGE_LABELS,
    "side": SIDES,
    "date_precision": PRECISIONS,
    "date_basis": DATE_BASES,
    "basis": BASES,
    "range_basis": BASES,
    "china_status": CHIP_STATUSES,
    "metric": METRICS,
}

_SNAKE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")


def humanise_id(text: str) -> str:
    """An id nobody mapped still reads as words: 'export_licence' -> 'Export licence'."""
    return text.replace("_", " ").replace("-", " ").strip().capitalize() if _SNAKE.match(text) else text


def label(value: object, family: Mapping[str, str] | str) -> str:
    """The human label of ``value`` in ``family`` (a mapping, or a column name); '—' if missing."""
    if is_missing(value) or value == "":
        return MISSING
    mapping = VALUE_LABELS.get(family, {}) if isinstance(family, str) else family
    text = str(value)
    return mapping.get(text, humanise_id(text))


def column_label(name: str) -> str:
    """The heading of a table column."""
    return COLUMNS.get(name, humanise_id(name) if "_" in name else name[:1].upper() + name[1:])


def fmt_date(value: object, precision: str | None = None) -> str:
    """'26 Jan 2026'; with a coarser precision 'Jan 2026', 'Q1 2026' or '2026'; '—' if missing."""
    if is_missing(value) or value is pd.NaT:
        return MISSING
    day = pd.Timestamp(value)
    if pd.isna(day):
        return MISSING
    if precision == "month":
        return f"{day:%b %Y}"
    if precision == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if precision == "year":
        return str(day.year)
    return f"{day.day} {day:%b %Y}"


def fmt_cell(value: object) -> object:
    """One table cell: lists joined, missing as '—', ids left to the column's labels."""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value) or MISSING
    if isinstance(value, dt.date | pd.Timestamp):
        return value
    if is_missing(value):
        return MISSING
    if isinstance(value, str) and value.strip().lower() in ("none", "nan", "<na>", ""):
        return MISSING
    return value


def human_frame(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """``frame`` (or the named columns) as a table shows it: labelled values, '—' for missing,
    lists joined, and human column headings. Date columns stay dates (sortable)."""
    names = list(columns) if columns is not None else list(frame.columns)
    out = pd.DataFrame(index=frame.index)
    for name in names:
        series = frame[name]
        if pd.api.types.is_datetime64_any_dtype(series):
            out[column_label(name)] = series
        elif name in VALUE_LABELS:
            out[column_label(name)] = series.map(lambda v, n=name: label(v, n))
        elif pd.api.types.is_bool_dtype(series):
            out[column_label(name)] = series.map(lambda v: MISSING if is_missing(v) else ("Yes" if v else "No"))
        elif pd.api.types.is_numeric_dtype(series) and not series.isna().any():
            out[column_label(name)] = series
        elif pd.api.types.is_numeric_dtype(series):
            out[column_label(name)] = series.map(lambda v: MISSING if is_missing(v) else fmt_number(float(v)))
        else:
            out[column_label(name)] = series.map(fmt_cell).astype(object)
    return out


# --------------------------------------------------------------------------- text that stands alone

_DANGLING = re.compile(
    r"^(it|its|this|that|these|those|they|he|she|the (effect|site|piece|catalogue|article|report|post|"
    r"page|company|firm|move|rule|guidance|outlet|entry|source))\b",
    re.IGNORECASE,
)


def standalone(summary: str, title: str) -> str:
    """Event text that makes sense on its own: a summary that leans on its article ('The effect
    is…', 'It also says…') gets the article's title in front."""
    text = str(summary).strip()
    if _DANGLING.match(text) and title:
        return f"{str(title).strip().rstrip('.')}: {text[:1].lower() + text[1:]}"
    return text
