"""Generic trust properties over the real seeds and generated claims:

- no derived or assumed value is ever a best figure, a span or a headline;
- every status cell of a named buyer is backed by a claim that names that buyer;
- bounds (at least / at most / more than / below) reach every frame and formatter unchanged.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.format import fmt_row
from data.frames import (
    ALL_BUYERS,
    ClaimFilter,
    build_approvals_frame,
    build_buyer_quantities_frame,
    build_buyers_frame,
    build_claims_frame,
    build_estimates_frame,
    build_supply_demand_frame,
)
from data.headlines import CHART_KEYS, KPI_KEYS, pick_headlines
from data.lexicon import quantity_range
from data.load import ClaimRecord
from data.models import Attribution, Claim, Quantity
from data.reconcile import reconcile

MONTH_ENDS = [dt.date(2025, 12, 31)] + [dt.date(2026, m + 1, 1) - dt.timedelta(days=1) for m in range(1, 11)]


def test_no_derived_value_is_a_best_figure_or_headline_at_any_date(real_seeds) -> None:
    for as_of in [*MONTH_ENDS, None]:
        estimates = build_estimates_frame(real_seeds, ClaimFilter(as_of=as_of))
        derived = estimates[estimates["basis"] != "reported"]
        assert derived["best"].isna().all(), derived[["metric", "best"]]
        headlines = pick_headlines(estimates, tuple(dict.fromkeys(KPI_KEYS + CHART_KEYS)))
        assert headlines.empty or set(headlines["basis"]) == {"reported"}
        by_id = real_seeds.claims_by_id()
        for row in estimates[estimates["basis"] == "reported"].to_dict("records"):
            best = by_id[row["best_claim_id"]].claim.quantity
            assert best is not None and best.basis == "reported", row["metric"]


_BOUNDS = st.sampled_from(["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range"])


@st.composite
def quantities(draw) -> Quantity:
    bound = draw(_BOUNDS)
    basis = draw(st.sampled_from(["reported", "derived", "assumed"]))
    number = draw(st.integers(min_value=1, max_value=10_000_000))
    extra = {"basis": basis, "formula": None if basis == "reported" else "a formula in words"}
    if bound in ("exact", "approx"):
        return Quantity(metric="m", value=number, unit="chips", bound=bound, **extra)
    if bound in ("at_least", "more_than"):
        return Quantity(metric="m", low=number, unit="chips", bound=bound, **extra)
    if bound in ("at_most", "less_than"):
        return Quantity(metric="m", high=number, unit="chips", bound=bound, **extra)
    return Quantity(metric="m", low=number, high=number * 2, unit="chips", bound=bound, **extra)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(quantities(), min_size=1, max_size=6))
def test_reported_always_outranks_derived(small_seeds, generated) -> None:
    template = small_seeds.claims[0]
    records = [
        ClaimRecord(
            Claim(
                id=f"g.{i}",
                kind="order",
                date=dt.date(2026, 1, 10),
                side="buyer",
                quantity=q,
                attribution=Attribution(type="media_analysis"),
                summary="A generated claim for the property test.",
            ),
            template.source_id,
            template.file,
            template.line,
        )
        for i, q in enumerate(generated)
    ]
    estimate = reconcile(records, small_seeds)
    assert estimate is not None
    if any(q.basis == "reported" for q in generated):
        assert estimate.basis == "reported"
        assert all(generated[int(c.split(".")[1])].basis == "reported" for c in estimate.claim_ids)
    else:
        assert estimate.best is None and estimate.basis != "reported" and estimate.formula


def test_every_named_buyer_status_is_backed_by_a_claim_naming_that_buyer(real_seeds) -> None:
    by_id = real_seeds.claims_by_id()
    for as_of in [*MONTH_ENDS, None]:
        claim_filter = ClaimFilter(as_of=as_of)
        approvals = build_approvals_frame(real_seeds, claim_filter)
        for row in approvals.to_dict("records"):
            claim = by_id[row["claim_id"]].claim
            if row["organisation_id"] == ALL_BUYERS:
                assert not set(claim.actors) & set(approvals["organisation_id"]) - {ALL_BUYERS}
            else:
                assert row["organisation_id"] in claim.actors and claim.status == row["status"]
        buyers = build_buyers_frame(real_seeds, claim_filter)
        for row in buyers.to_dict("records"):
            for side in ("us", "cn"):
                claim_id = row[f"{side}_claim_id"]
                if pd.isna(claim_id):
                    assert pd.isna(row[f"{side}_status"])
                    continue
                claim = by_id[claim_id].claim
                assert row["organisation_id"] in claim.actors and claim.status == row[f"{side}_status"]


WORDS = {"at_least": "at least", "more_than": "more than", "at_most": "up to", "less_than": "below"}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(list(WORDS)), st.integers(min_value=1, max_value=5_000_000))
def test_bounds_survive_to_the_formatter(bound, number) -> None:
    quantity = Quantity(
        metric="m",
        unit="chips",
        bound=bound,
        **({"low": number} if bound in ("at_least", "more_than") else {"high": number}),
    )
    reading = quantity_range(quantity, {})
    assert reading.bound == bound
    text = fmt_row(
        {"low": reading.low, "high": reading.high, "unit": "chips", "open_high": reading.open_high, "bound": bound}
    )
    assert text.startswith(WORDS[bound]), text


def test_bounds_reach_every_frame_unchanged(real_seeds) -> None:
    claims = build_claims_frame(real_seeds).set_index("claim_id")
    figures = build_supply_demand_frame(real_seeds).set_index("claim_id")
    for record in real_seeds.claims:
        quantity = record.claim.quantity
        if quantity is None:
            continue
        assert claims.loc[record.claim.id, "bound"] == quantity.bound
        if record.claim.id in figures.index and record.claim.kind != "spec":
            assert figures.loc[record.claim.id, "bound"] == quantity.bound
    strict = [r for r in real_seeds.claims if r.claim.quantity and r.claim.quantity.bound in ("more_than", "less_than")]
    assert strict, "the real seeds hold strict bounds"
    estimates = build_estimates_frame(real_seeds)
    quantities_frame = build_buyer_quantities_frame(real_seeds)
    by_id = real_seeds.claims_by_id()
    for frame in (estimates, quantities_frame):
        bound_column = "best_bound" if "best_bound" in frame.columns else "bound"
        claim_column = "best_claim_id" if "best_claim_id" in frame.columns else None
        for row in frame.to_dict("records"):
            if claim_column and row["basis"] == "reported":
                assert row[bound_column] == by_id[row[claim_column]].claim.quantity.bound
            text = fmt_row(row)
            if row[bound_column] in WORDS and not pd.isna(row["best"]):
                assert WORDS[row[bound_column]] in text, (row["metric"], text)
