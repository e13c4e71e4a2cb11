"""The project's vocabulary, defined once: the seed schema's closed lists (kinds, statuses, stages,
bounds, units; ``data.models`` re-exports them), lanes, sides, approval stages with labels, who
counts as a buyer, chip spec metrics with their units, and the metric ids the code relies on.

Seeds name these by id; pages and figures show their labels. A code constant that names a metric
no seed declares is caught by ``tests/unit/test_vocabulary.py``, so a typo cannot silently drop
data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

# --------------------------------------------------------------------------- the seed schema's closed lists

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
    "shipped",
    "delivered",
    "listed",
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

# --------------------------------------------------------------------------- timeline lanes

LANES: dict[str, str] = {
    "us_government": "US government",
    "china_regulators": "Chinese regulators",
    "nvidia": "Nvidia",
    "buyers": "Buyers",
    "others": "Others",
}
SIDE_LANE: dict[str, str] = {"US": "us_government", "China": "china_regulators", "vendor": "nvidia", "buyer": "buyers"}

# --------------------------------------------------------------------------- approval stages


@dataclass(frozen=True)
class PipelineStage:
    """One step of the approval pipeline on one side."""

    id: str
    side: str  # "US" or "China"
    label: str
    help: str


STAGES: tuple[PipelineStage, ...] = (
    PipelineStage("us_announcement", "US", "Announcement", "Washington says H200 sales to China may go ahead."),
    PipelineStage("us_rule", "US", "Rule", "The Commerce Department's export rule sets the conditions."),
    PipelineStage("us_licence_review", "US", "Licence review", "Applications for export licences are being reviewed."),
    PipelineStage("us_licences_granted", "US", "Licences granted", "Export licences were issued to named firms."),
    PipelineStage("us_shipped", "US", "Shipped", "Chips left the US under a licence."),
    PipelineStage("cn_customs_block", "China", "Customs block", "Chinese customs stopped H200 imports."),
    PipelineStage("cn_in_principle", "China", "In principle", "Beijing signalled approval in principle."),
    PipelineStage("cn_first_batch", "China", "First batch", "Beijing approved a first batch of purchases."),
    PipelineStage(
        "cn_conditional", "China", "Conditional", "Approval tied to conditions (e.g. buying domestic chips too)."
    ),
    PipelineStage("cn_paused", "China", "Paused / final", "Beijing paused purchases or gave a final word."),
)
STAGE_BY_ID: dict[str, PipelineStage] = {stage.id: stage for stage in STAGES}
STAGE_LABELS: dict[str, str] = {stage.id: stage.label for stage in STAGES}
US_STAGES: list[str] = [stage.id for stage in STAGES if stage.side == "US"]
CN_STAGES: list[str] = [stage.id for stage in STAGES if stage.side == "China"]


def stage_side(stage_id: str) -> str:
    """'US' or 'China' for a stage id."""
    return STAGE_BY_ID[stage_id].side


def stage_order(stage_id: str) -> int:
    """Position of a stage within its side's pipeline (0 = first)."""
    side = stage_side(stage_id)
    return (US_STAGES if side == "US" else CN_STAGES).index(stage_id)


# --------------------------------------------------------------------------- buyers

BUYER_KINDS: tuple[str, ...] = ("buyer", "distributor")
"""Organisation kinds that buy chips: the approval grid, the buyers page and the per-buyer
quantities all use this one definition."""


BUYER_STATUS_KINDS: tuple[str, ...] = ("export_licence", "import_approval", "application", "status")
"""Kinds of claim that can set a buyer's US or China status: a licence, an import approval, an
application, or an explicit status report naming the firm. Rules and conditions (policy,
condition) describe the regime, not where a firm stands."""


UNNAMED_BUYERS: tuple[str, ...] = ("other-cn-buyers",)
"""Buyer ids that stand for firms a report does not name ("Chinese companies"): a step naming only
these binds the whole market, so the buyers page shows it on every named buyer, marked market-wide."""


def buyer_ids(organisations: Iterable[object]) -> list[str]:
    """Ids of the organisations that count as buyers, in reference-file order."""
    return [o.id for o in organisations if o.kind in BUYER_KINDS]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- chip specs


@dataclass(frozen=True)
class SpecMetric:
    id: str
    label: str
    unit: str


SPEC_METRICS: tuple[SpecMetric, ...] = (
    SpecMetric("memory_gb", "Memory", "GB"),
    SpecMetric("bandwidth_tb_s", "Memory bandwidth", "TB/s"),
    SpecMetric("fp16_dense_tflops", "Dense FP16/BF16 compute", "TFLOPS"),
    SpecMetric("fp8_dense_tflops", "Dense FP8 compute", "TFLOPS"),
    SpecMetric("tpp", "Total processing performance", "TPP"),
    SpecMetric("power_w", "Power", "W"),
)
SPEC_BY_ID: dict[str, SpecMetric] = {metric.id: metric for metric in SPEC_METRICS}
SPEC_UNITS: dict[str, str] = {metric.id: metric.unit for metric in SPEC_METRICS}

# --------------------------------------------------------------------------- metrics the code relies on
# Every id here must be a metric some seed uses (checked by tests/unit/test_vocabulary.py).

ORDERS = "cn-h200-orders"
EXPECTED_ORDERS = "nvidia-expected-orders"
INITIAL_ORDERS = "initial-orders"
BUYER_INTEREST = "buyer-interest"
PRELIMINARY_ORDER = "preliminary-order"
NVIDIA_STOCK = "nvidia-h200-stock"
FIRST_SHIPMENT = "first-shipment-chips"
FIRST_BATCH = "cn-first-batch-chips"
US_TOTAL_CEILING = "us-total-ceiling"
US_IMPLIED_CEILING = "us-implied-licensed-ceiling"
US_LICENSED_VOLUME = "us-licensed-h200-volume"
US_PER_CUSTOMER_CAP = "us-per-customer-cap"
US_CLEARED_FIRMS = "us-cleared-firms"
DELIVERED = "h200-delivered-to-china"

BUYER_MEASURES: dict[str, tuple[str, ...]] = {
    "interest": (BUYER_INTEREST, PRELIMINARY_ORDER),
    "approved": (FIRST_BATCH,),
    "cap": (US_PER_CUSTOMER_CAP,),
    "delivered": (DELIVERED,),
}
BUYER_MEASURE_LABELS: dict[str, str] = {
    "interest": "Signalled interest",
    "approved": "Approved by Beijing",
    "cap": "US cap",
    "delivered": "Delivered",
}

APPROVED_VOLUME_METRICS: dict[str, tuple[str, ...]] = {
    "China": (FIRST_BATCH,),
    "US": (US_LICENSED_VOLUME, US_IMPLIED_CEILING),
}

SUPPLY_DEMAND_METRICS: tuple[str, ...] = (
    ORDERS,
    EXPECTED_ORDERS,
    INITIAL_ORDERS,
    BUYER_INTEREST,
    PRELIMINARY_ORDER,
    NVIDIA_STOCK,
    FIRST_SHIPMENT,
    FIRST_BATCH,
    US_TOTAL_CEILING,
    US_IMPLIED_CEILING,
    US_PER_CUSTOMER_CAP,
    DELIVERED,
)
"""The figures the supply-versus-demand chart compares, in the order it draws them (their names are
the metrics' short labels in seeds/reference/metrics.yaml)."""

CODE_METRICS: frozenset[str] = frozenset(
    {*SUPPLY_DEMAND_METRICS, US_LICENSED_VOLUME, US_CLEARED_FIRMS}
    | {m for metrics in BUYER_MEASURES.values() for m in metrics}
    | {m for metrics in APPROVED_VOLUME_METRICS.values() for m in metrics}
)
