"""The project's vocabulary, defined once: lanes, sides, approval stages, who counts as a buyer,
chip spec metrics with their units, and the metric ids the code itself relies on.

Seeds name these by id; pages and figures show their labels. A code constant that names a metric
no seed declares is caught by ``tests/unit/test_vocabulary.py``, so a typo cannot silently drop
data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
class Stage:
    """One step of the approval pipeline on one side."""

    id: str
    side: str  # "US" or "China"
    label: str
    help: str


STAGES: tuple[Stage, ...] = (
    Stage("us_announcement", "US", "Announcement", "Washington says H200 sales to China may go ahead."),
    Stage("us_rule", "US", "Rule", "The Commerce Department's export rule sets the conditions."),
    Stage("us_licence_review", "US", "Licence review", "Applications for export licences are being reviewed."),
    Stage("us_licences_granted", "US", "Licences granted", "Export licences were issued to named firms."),
    Stage("us_shipped", "US", "Shipped", "Chips left the US under a licence."),
    Stage("cn_customs_block", "China", "Customs block", "Chinese customs stopped H200 imports."),
    Stage("cn_in_principle", "China", "In principle", "Beijing signalled approval in principle."),
    Stage("cn_first_batch", "China", "First batch", "Beijing approved a first batch of purchases."),
    Stage("cn_conditional", "China", "Conditional", "Approval tied to conditions (e.g. buying domestic chips too)."),
    Stage("cn_paused", "China", "Paused / final", "Beijing paused purchases or gave a final word."),
)
STAGE_BY_ID: dict[str, Stage] = {stage.id: stage for stage in STAGES}
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

SUPPLY_DEMAND_METRICS: dict[str, str] = {
    ORDERS: "Orders requested",
    EXPECTED_ORDERS: "Orders Nvidia expected",
    INITIAL_ORDERS: "Early initial orders",
    BUYER_INTEREST: "Interest per buyer",
    PRELIMINARY_ORDER: "Preliminary order",
    NVIDIA_STOCK: "Nvidia stock",
    FIRST_SHIPMENT: "Planned first shipment",
    FIRST_BATCH: "Beijing's first batch",
    US_TOTAL_CEILING: "US total ceiling",
    US_IMPLIED_CEILING: "US licensed ceiling",
    US_PER_CUSTOMER_CAP: "US cap per customer",
    DELIVERED: "Delivered",
}
"""The figures the supply-versus-demand chart compares, in the order it draws them."""

CODE_METRICS: frozenset[str] = frozenset(
    {*SUPPLY_DEMAND_METRICS, US_LICENSED_VOLUME, US_CLEARED_FIRMS}
    | {m for metrics in BUYER_MEASURES.values() for m in metrics}
    | {m for metrics in APPROVED_VOLUME_METRICS.values() for m in metrics}
)
