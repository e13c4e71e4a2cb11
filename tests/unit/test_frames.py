"""Frame builders: columns and dtypes, as-of and confidence filtering, groups kept as groups."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data import frames
from data.frames import ALL_BUYERS, ClaimFilter
from data.frames._table import dtypes_of

BUILDERS = frames.BUILDERS


def _row_type(builder):
    return builder.row_type


def test_every_builder_is_registered() -> None:
    """A ``build_*_frame`` function anywhere in data.frames that BUILDERS does not list fails here."""
    import pkgutil

    found = set()
    for info in pkgutil.iter_modules(frames.__path__):
        module = __import__(f"data.frames.{info.name}", fromlist=["*"])
        found |= {n for n in vars(module) if n.startswith("build_") and n.endswith("_frame")}
    assert found == {b.__name__ for b in BUILDERS}


@pytest.mark.parametrize("builder", BUILDERS, ids=[b.__name__ for b in BUILDERS])
@pytest.mark.parametrize("as_of", [None, dt.date(2025, 1, 1)])
def test_columns_and_dtypes_are_stable_even_when_empty(small_seeds, builder, as_of) -> None:
    frame = builder(small_seeds, ClaimFilter(as_of=as_of))
    dtypes = dtypes_of(_row_type(builder))
    assert list(frame.columns) == list(dtypes)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {c: str(pd.Series(dtype=t).dtype) for c, t in dtypes.items()}


@pytest.mark.parametrize("builder", BUILDERS, ids=[b.__name__ for b in BUILDERS])
def test_every_row_names_its_sources(small_seeds, builder) -> None:
    frame = builder(small_seeds)
    column = "source_ids" if "source_ids" in frame.columns else "source_id"
    assert len(frame) > 0
    assert frame[column].notna().all()
    assert all(len(ids) > 0 for ids in frame[column]), "a row without its source"
    if column == "source_ids":
        assert all(isinstance(ids, list) for ids in frame[column]), "id lists stay lists"


def test_as_of_hides_later_reports(small_seeds) -> None:
    everything = frames.build_claims_frame(small_seeds)
    early = frames.build_claims_frame(small_seeds, ClaimFilter(as_of=dt.date(2026, 1, 15)))
    assert set(everything["claim_id"]) == {
        "a.orders",
        "a.batch-vague",
        "a.rule",
        "b.batch-400k",
        "b.cap",
        "b.orders-low",
    }
    assert set(early["claim_id"]) == {"a.orders", "a.batch-vague", "a.rule"}
    # as-of uses the report date, not the event date: b.batch-400k happened 01-28 but was reported 02-01
    assert set(frames.build_claims_frame(small_seeds, ClaimFilter(as_of=dt.date(2026, 1, 31)))["claim_id"]) == set(
        early["claim_id"]
    )


def test_confidence_filters(small_seeds) -> None:
    no_low = frames.build_claims_frame(small_seeds, ClaimFilter(exclude_low_confidence=True))
    assert set(no_low["source_id"]) == {"2026-01-10-wire-alpha"}
    named = frames.build_claims_frame(small_seeds, ClaimFilter(exclude_anonymous=True))
    assert set(named["claim_id"]) == {"a.rule", "b.orders-low"}


def test_claims_frame_carries_citation_and_derived_range(small_seeds) -> None:
    row = frames.build_claims_frame(small_seeds).set_index("claim_id").loc["a.batch-vague"]
    assert row["publisher"] == "Alpha Wire" and row["confidence"] == "medium"
    assert (row["range_low"], row["range_high"], row["range_basis"]) == (300000, 900000, "derived")
    assert pd.isna(row["value"]) and row["wording"] == "several hundred thousand"


def test_group_figure_is_never_split(small_seeds) -> None:
    quantities = frames.build_buyer_quantities_frame(small_seeds)
    approved = quantities[quantities["measure"] == "approved"]
    assert len(approved) == 1
    group = approved.iloc[0]
    assert bool(group["is_group"]) and group["organisation"] == "Alibaba + ByteDance"
    assert (
        not (quantities["organisation_id"] == "bytedance").any()
        or not ((quantities["organisation_id"] == "bytedance") & (quantities["measure"] == "approved")).any()
    )
    buyers = frames.build_buyers_frame(small_seeds).set_index("organisation_id")
    assert buyers.loc["bytedance", "group_approved"] == ["Alibaba + ByteDance"]
    assert buyers.loc["bytedance", "cap_high"] == 75000
    assert pd.isna(buyers.loc["alibaba", "cap_high"])


def test_buyers_latest_status_per_side(small_seeds) -> None:
    buyers = frames.build_buyers_frame(small_seeds).set_index("organisation_id")
    # the 01-28 "conditional" comes from a low-confidence source: shown as such, never the status
    assert buyers.loc["bytedance", "cn_status"] == "approved"
    assert pd.isna(buyers.loc["bytedance", "us_status"])  # a condition (policy) claim sets no firm's status
    firm = frames.build_buyers_frame(small_seeds, ClaimFilter(exclude_low_confidence=False))
    assert firm.set_index("organisation_id").loc["bytedance", "cn_claim_id"] == "a.batch-vague"
    early = frames.build_buyers_frame(small_seeds, ClaimFilter(as_of=dt.date(2026, 1, 20))).set_index("organisation_id")
    assert early.loc["bytedance", "cn_status"] == "approved"
    assert pd.isna(early.loc["bytedance", "us_status"])


def test_rules_naming_no_buyer_get_their_own_row(small_seeds) -> None:
    approvals = frames.build_approvals_frame(small_seeds)
    rule = approvals[approvals["stage"] == "us_rule"]
    assert list(rule["organisation_id"]) == [ALL_BUYERS]
    batch = approvals[approvals["stage"] == "cn_first_batch"]
    assert set(batch["organisation_id"]) == {"bytedance", "alibaba"}
    assert set(batch["side"]) == {"China"}


def test_events_lanes_and_key_moments(small_seeds) -> None:
    events = frames.build_events_frame(small_seeds).set_index("claim_id")
    assert events.loc["a.rule", "lane"] == "us_government"
    assert events.loc["a.batch-vague", "lane"] == "china_regulators"
    assert events.loc["b.orders-low", "lane"] == "buyers"  # no actors: falls back to the side
    assert bool(events.loc["a.batch-vague", "key_moment"]) and not bool(events.loc["a.rule", "key_moment"])


def test_supply_demand_basis(small_seeds) -> None:
    frame = frames.build_supply_demand_frame(small_seeds).set_index("claim_id")
    assert frame.loc["a.batch-vague", "basis"] == "derived"
    assert frame.loc["b.batch-400k", "basis"] == "reported" and bool(frame.loc["b.batch-400k", "open_high"])


def test_chips_frame_long_with_estimates(small_seeds) -> None:
    chips = frames.build_chips_frame(small_seeds).set_index("metric")
    assert chips.loc["memory_gb", "value"] == 141 and not bool(chips.loc["memory_gb", "estimate"])
    assert (chips.loc["bandwidth_tb_s", "low"], chips.loc["bandwidth_tb_s", "high"]) == (4.0, 4.8)
    assert bool(chips.loc["bandwidth_tb_s", "estimate"])


def test_conflicts_groups_and_spread(small_seeds) -> None:
    conflicts = frames.build_conflicts_frame(small_seeds)
    assert conflicts["group"].nunique() == 2
    batch = conflicts[conflicts["claim_id"].isin(["a.batch-vague", "b.batch-400k"])]
    assert batch["group"].nunique() == 1
    assert batch["topic"].iloc[0].startswith("C1")
    # "several hundred thousand" (300,000-900,000) and "over 400,000" can both be true: wording only
    assert set(batch["difference"]) == {"wording"} and batch["spread_low"].isna().all()
    orders = conflicts[conflicts["claim_id"].isin(["a.orders", "b.orders-low"])]
    assert set(orders["difference"]) == {"figures"}  # at least 2M vs about 50,000
    assert (orders["spread_low"].iloc[0], orders["spread_high"].iloc[0]) == (50000, 2000000)
    # as of before the contradicting report, there is no conflict to show
    assert frames.build_conflicts_frame(small_seeds, ClaimFilter(as_of=dt.date(2026, 1, 15))).empty


def test_latest_report_date(small_seeds) -> None:
    assert frames.latest_report_date(small_seeds) == dt.date(2026, 2, 1)
