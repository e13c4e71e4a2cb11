"""The closed vocabularies of the seed schema: every kind, status, stage, bound and unit.

Kept apart from ``data.models`` so the lists (which docs and forms show) are easy to find;
``data.models`` re-exports every name, so ``from data.models import Unit`` keeps working.
"""

from __future__ import annotations

from typing import Literal, get_args

SourceKind = Literal["wire", "news", "official", "company", "analyst", "blog", "aggregator", "other"]
Confidence = Literal["high", "medium", "low"]
ClaimKind = Literal[
    "policy",
    "legislation",
    "export_licence",
    "import_approval",
    "application",
    "order",
    "demand_signal",
    "supply",
    "production",
    "shipment",
    "delivery",
    "condition",
    "price",
    "spec",
    "statement",
    "visit",
    "enforcement",
    "market",
    "financial",
    "status",
]
DatePrecision = Literal["day", "week", "month", "quarter", "year"]
DateBasis = Literal["event", "reported"]
Side = Literal["US", "China", "vendor", "buyer", "other"]
Status = Literal[
    "announced",
    "proposed",
    "approved",
    "conditional",
    "in_principle",
    "pending",
    "under_review",
    "blocked",
    "paused",
    "halted",
    "denied",
    "cancelled",
    "none",
    "planned",
    "in_effect",
    "applied",
    "disputed",
    "unverified",
]
Stage = Literal[
    # US side, in pipeline order
    "us_announcement",
    "us_rule",
    "us_licence_review",
    "us_licences_granted",
    "us_shipped",
    # China side, in pipeline order
    "cn_customs_block",
    "cn_in_principle",
    "cn_first_batch",
    "cn_conditional",
    "cn_paused",
]
Bound = Literal["exact", "at_least", "at_most", "more_than", "less_than", "approx", "range"]
Basis = Literal["reported", "derived", "assumed"]
SourceDatePrecision = Literal["day", "month", "quarter", "year"]
UrlMissing = Literal["print edition", "paywalled copy", "not found", "no public copy"]
MetricKind = Literal["volume", "money", "share", "count", "spec", "other"]
AttributionType = Literal[
    "official_document",
    "company_statement",
    "named_person",
    "anonymous_sources",
    "media_analysis",
    "analyst_estimate",
]
Unit = Literal[
    "chips",
    "modules",
    "accelerators",
    "dies",
    "firms",
    "usd",
    "usd_per_chip",
    "rmb",
    "rmb_per_module",
    "percent",
    "hours",
    "days",
    "votes",
    "parameters",
    "tpp",
    "gb_per_s",
    "gb",
    "tb_per_s",
    "tflops",
    "pflops",
    "watts",
]
UNITS: tuple[str, ...] = get_args(Unit)
OrganisationKind = Literal[
    "buyer", "vendor", "regulator", "government", "legislature", "distributor", "chipmaker", "other"
]
