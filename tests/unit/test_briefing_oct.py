"""The October 2026 briefing: pinned at its date, beside the June one, and every caption true
against the data at its step's as-of date (each figure and status it names is checked)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components import takeaways
from data.frames import ClaimFilter, build_approvals_frame, build_buyers_frame, build_estimates_frame
from data.headlines import KPI_KEYS, pick_headlines

OCT = dt.date(2026, 10, 31)


def _at(seeds, as_of: dt.date):
    claim_filter = ClaimFilter(as_of=as_of)
    names = {o.id: o.name for o in seeds.organisations.values()}
    return claim_filter, names, build_estimates_frame(seeds, claim_filter)


def _claims_by(seeds, as_of: dt.date) -> dict:
    return {r.claim.id: r for r in seeds.claims if seeds.sources[r.source_id].available_from <= as_of}


def test_both_briefings_are_built_in_and_pinned(real_seeds) -> None:
    june, october = real_seeds.briefings["h200-status"], real_seeds.briefings["h200-status-oct-2026"]
    assert june.as_of == dt.date(2026, 6, 5) and october.as_of == OCT
    assert october.title == "H200 sales to China: where things stand (as of October 2026)"
    for step in october.steps:
        assert dt.date.fromisoformat(str(step.params["as_of"])) <= OCT


def test_every_october_caption_is_true_at_its_date(real_seeds) -> None:
    steps = real_seeds.briefings["h200-status-oct-2026"].steps
    claim_filter, names, estimates = _at(real_seeds, OCT)
    buyers = build_buyers_frame(real_seeds, claim_filter).set_index("organisation_id")

    # 1. deliveries begun, ByteDance and Tencent about 10,000 each, none reported for others
    assert "about 10,000 each" in steps[0].caption
    assert takeaways.per_buyer_deliveries(estimates, names) == ["ByteDance about 10,000", "Tencent about 10,000"]
    assert buyers["delivered_low"].dropna().to_dict() == {"bytedance": 10000.0, "tencent": 10000.0}

    # 2. on 30 June: none delivered, hold-your-orders, Alibaba just listed
    june_filter, _, june = _at(real_seeds, dt.date(2026, 6, 30))
    delivered = pick_headlines(june, KPI_KEYS).set_index("key").loc["delivered"]
    assert (delivered["best"], delivered["best_bound"]) == (0, "exact")
    june_buyers = build_buyers_frame(real_seeds, june_filter).set_index("organisation_id")
    assert june_buyers.loc["bytedance", "market_status"] == "paused"
    assert june_buyers.loc["alibaba", "restrictions"] == ["8 Jun: Alibaba on Pentagon 1260H list"]

    # 3. 14 July "trivial" shipments; August case-by-case easing
    claims = _claims_by(real_seeds, OCT)
    kessler = claims["cnbc-0714.shipments-begun"].claim
    assert kessler.date == dt.date(2026, 7, 14) and "trivial" in (kessler.quantity.wording or "")
    easing = claims["ft-0819.ndrc-case-by-case"].claim
    assert easing.date.month == 8 and easing.status == "conditional" and "case by case" in easing.summary

    # 4. about ten licensed; shipped stage for ByteDance and Tencent; offshore condition on them
    firms = pick_headlines(estimates, KPI_KEYS).set_index("key").loc["firms"]
    assert (firms["best"], firms["best_bound"]) == (10, "approx")
    approvals = build_approvals_frame(real_seeds, claim_filter)
    shipped = approvals[approvals["stage"] == "us_shipped"]
    assert {"bytedance", "tencent"} <= set(shipped["organisation_id"])
    offshore = approvals[approvals["claim_id"] == "ft-0819.hold-offshore"]
    assert set(offshore["organisation_id"]) == {"bytedance", "tencent"}

    # 5. per-buyer deliveries and the two ceilings, each with its source
    for firm in ("alibaba", "jd-com", "deepseek"):
        assert pd.isna(buyers.loc[firm, "delivered_low"]), firm
    assert buyers.loc["bytedance", "cap_high"] == 75000
    allowance = claims["ft-0819.allowance-100k"].claim.quantity
    assert (allowance.high, allowance.bound) == (100000, "at_most")

    # 6. the filing: below 1% of data-centre revenue, no China DC revenue next quarter
    share = estimates[estimates["metric"] == "nvidia-h200-share-of-dc-revenue-q2-fy27"].iloc[0]
    assert (share["best"], share["best_bound"]) == (1, "less_than")
    outlook = estimates[estimates["metric"] == "nvidia-china-dc-revenue-guidance-q3-fy27"].iloc[0]
    assert (outlook["best"], outlook["best_bound"]) == (0, "exact")

    # 7. the RTX Pro 5500: 84 GB, asked about in late September, not approved
    assert real_seeds.chips["rtx-pro-5500"].specs["memory_gb"].value == 84
    ask = claims["ars-0928.miit-asks-rtx-pro-5500"].claim
    assert ask.date.month == 9 and ask.status == "pending" and {"alibaba", "bytedance"} <= set(ask.actors)
