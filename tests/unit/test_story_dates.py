"""What the reports said by three dates: today (1 Dec 2026), 31 Aug 2026 and 30 Jun 2026, and
the day before the first shipment was reported (13 Jul 2026). Built from the real seeds, so a
seed or reconcile change that puts a June zero on screen today, or a delivery before July, fails.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from components import takeaways
from data import vocabulary
from data.frames import (
    ClaimFilter,
    build_approvals_frame,
    build_buyer_quantities_frame,
    build_buyers_frame,
    build_estimates_frame,
)
from data.headlines import KPI_KEYS, pick_headlines

TODAY, AUG, JUN, BEFORE = dt.date(2026, 12, 1), dt.date(2026, 8, 31), dt.date(2026, 6, 30), dt.date(2026, 7, 13)


def _names(seeds) -> dict[str, str]:
    return {o.id: o.name for o in seeds.organisations.values()}


def _buyer(seeds, as_of: dt.date, organisation_id: str) -> dict:
    buyers = build_buyers_frame(seeds, ClaimFilter(as_of=as_of))
    return buyers[buyers["organisation_id"] == organisation_id].iloc[0].to_dict()


@pytest.mark.parametrize("as_of", [TODAY, AUG])
def test_deliveries_have_begun_with_each_firms_figure(real_seeds, as_of) -> None:
    estimates = build_estimates_frame(real_seeds, ClaimFilter(as_of=as_of))
    phrase = takeaways.deliveries_phrase(estimates, _names(real_seeds))
    assert phrase == (
        "deliveries have begun: ByteDance about 10,000, Tencent about 10,000 chips; other firms none reported"
    )
    assert takeaways.overview_title(estimates, _names(real_seeds)).endswith(phrase)
    delivered = pick_headlines(estimates, KPI_KEYS).set_index("key").loc["delivered"]
    assert delivered["best"] == 0 and delivered["best_bound"] == "more_than"  # the market: more than 0
    assert delivered["claim_ids"] == ["cnbc-0714.shipments-begun"]  # not 5 reports, 4 of them zeros
    assert len(delivered["history_claim_ids"]) >= 4
    for firm in ("bytedance", "tencent"):
        row = _buyer(real_seeds, as_of, firm)
        assert (row["delivered_low"], row["delivered_bound"]) == (10000, "approx")
        assert row["delivered_date"] == pd.Timestamp(2026, 8, 19)
        assert row["cn_status"] == "conditional" and row["cn_status_date"] == pd.Timestamp(2026, 8, 19)
    for firm in ("alibaba", "jd-com", "deepseek", "other-cn-buyers"):
        assert pd.isna(_buyer(real_seeds, as_of, firm)["delivered_low"]), firm  # none reported, not a June zero


def test_on_30_june_nothing_had_been_delivered(real_seeds) -> None:
    estimates = build_estimates_frame(real_seeds, ClaimFilter(as_of=JUN))
    assert takeaways.deliveries_phrase(estimates, _names(real_seeds)) == "deliveries reported: none"
    delivered = pick_headlines(estimates, KPI_KEYS).set_index("key").loc["delivered"]
    assert (delivered["best"], delivered["best_bound"]) == (0, "exact")
    row = _buyer(real_seeds, JUN, "bytedance")
    assert (row["delivered_low"], row["delivered_bound"]) == (0, "exact")  # the market-wide zero holds for each
    assert row["market_status"] == "paused" and row["market_status_date"] == pd.Timestamp(2026, 6, 1)
    alibaba = _buyer(real_seeds, JUN, "alibaba")
    assert alibaba["restrictions"] == ["8 Jun: Alibaba on Pentagon 1260H list"]
    assert alibaba["us_status"] == "approved"  # a restriction list is not a change of licence


@pytest.mark.parametrize("as_of", [JUN, BEFORE])
def test_before_14_july_no_delivery_or_shipment(real_seeds, as_of) -> None:
    claim_filter = ClaimFilter(as_of=as_of)
    estimates = build_estimates_frame(real_seeds, claim_filter)
    delivered = estimates[estimates["metric"] == vocabulary.DELIVERED]
    assert (delivered["best"].fillna(0) == 0).all() and (delivered["best_bound"] == "exact").all()
    approvals = build_approvals_frame(real_seeds, claim_filter)
    assert approvals[approvals["stage"] == "us_shipped"].empty
    assert "none" in takeaways.volume_title(pd.DataFrame(), estimates)


def test_the_shipped_stage_is_filled_today(real_seeds) -> None:
    approvals = build_approvals_frame(real_seeds, ClaimFilter(as_of=TODAY))
    shipped = approvals[approvals["stage"] == "us_shipped"]
    assert {"bytedance", "tencent", "*"} <= set(shipped["organisation_id"])
    assert set(shipped[shipped["organisation_id"] == "bytedance"]["status"]) == {"delivered"}


def test_a_per_buyer_figure_never_spreads_to_firms_it_does_not_name(real_seeds) -> None:
    quantities = build_buyer_quantities_frame(real_seeds, ClaimFilter(as_of=TODAY))
    for firm in ("foxconn", "lenovo"):  # distributors, and not named by the FT's allowance
        assert quantities[quantities["organisation_id"] == firm].empty, firm
    unnamed = quantities[(quantities["organisation_id"] == "other-cn-buyers") & (quantities["measure"] == "cap")]
    assert "ft-0819.allowance-100k" not in unnamed.iloc[0]["claim_ids"] and unnamed.iloc[0]["high"] == 75000


def test_a_share_of_revenue_stays_a_share_and_a_filing_keeps_its_period(real_seeds) -> None:
    by_id = real_seeds.claims_by_id()
    share = by_id["nv-0826.h200-under-1pct"].claim
    assert share.quantity is not None
    assert (share.quantity.unit, share.quantity.bound, share.quantity.high) == ("percent", "less_than", 1)
    assert share.fiscal_period == "Q2 FY2027"
    assert by_id["nv-0826.h200-charge"].claim.fiscal_period == "H1 FY2027"
    # no claim turns the share into a chip count
    assert not [r.claim.id for r in real_seeds.claims if r.claim.quantity and share.id in r.claim.quantity.derived_from]
    estimates = build_estimates_frame(real_seeds, ClaimFilter(as_of=AUG))
    share_row = estimates[estimates["metric"] == "nvidia-h200-share-of-dc-revenue-q2-fy27"].iloc[0]
    assert (share_row["unit"], share_row["best_bound"], share_row["best"]) == ("percent", "less_than", 1)


def test_today_counts_from_the_newest_readings(real_seeds) -> None:
    estimates = build_estimates_frame(real_seeds, ClaimFilter(as_of=TODAY))
    cards = pick_headlines(estimates, KPI_KEYS).set_index("key")
    assert cards.loc["firms", "claim_ids"] == ["cnbc-0714.ten-firms-approved"]
    note = takeaways.reading_note(cards.loc["delivered"].to_dict(), estimates, _names(real_seeds))
    assert note.startswith("Newest reading 14 Jul 2026") and "ByteDance about 10,000" in note
    assert takeaways.reading_note(cards.loc["stock"].to_dict(), estimates) == "Newest reading 31 Dec 2025"
