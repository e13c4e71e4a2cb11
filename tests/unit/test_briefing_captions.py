"""Each built-in briefing caption says what its step's chart and cards show at its as-of date:
the figures it quotes are the view's figures, checked step by step against the view's data."""

from __future__ import annotations

import pandas as pd
import pytest

from components.briefings import step_view


@pytest.fixture(scope="module")
def views(real_seeds):
    briefing = real_seeds.briefings["h200-status"]
    return briefing, [step_view(briefing, i, real_seeds) for i in range(len(briefing.steps))]


def _cards(view) -> dict[str, str]:
    return {card.title: card.value for card in view.cards}


def test_the_briefing_has_the_steps_these_checks_cover(views) -> None:
    briefing, shown = views
    assert [s.page for s in briefing.steps] == [
        "overview", "timeline", "overview", "approvals", "buyers", "supply_demand", "chips", "sources",
    ]  # fmt: skip
    assert all(not view.notices for view in shown)


def test_step_1_orders_batch_and_deliveries(views) -> None:
    briefing, shown = views
    cards = _cards(shown[0])
    caption = briefing.steps[0].caption
    assert "more than 2 million" in caption and cards["Chinese orders requested"] == "more than 2M"
    assert "over 400,000" in caption and cards["China's first approved batch"] == "more than 400k"
    assert "none had been delivered" in caption and cards["H200s delivered to China"] == "0"


def test_step_2_the_us_opened_and_ruled_china_blocked_approved_conditionally_and_paused(views) -> None:
    _, shown = views
    events = shown[1].table("timeline").frame
    us = events[events["lane"] == "us_government"]
    assert (
        us["date"].between("2026-01-01", "2026-01-31") & us["summary"].str.contains("one by one|case", case=False)
    ).any()
    text = events["summary"].str.lower()
    for word in ("customs", "conditional", "pause"):
        assert text.str.contains(word).any(), word


def test_step_3_on_27_january_no_licence_and_no_import_approval(views) -> None:
    briefing, shown = views
    titles = set(_cards(shown[2]))
    assert "no H200 export licence or formal import approval" in briefing.steps[2].caption
    assert "China's first approved batch" not in titles and "Chinese firms cleared by the US" not in titles


def test_step_4_ten_cleared_one_first_batch_conditions_then_a_pause(views) -> None:
    _, shown = views
    assert "about 10 Chinese buyers" in shown[3].charts[0].title
    china = shown[3].table("approvals").frame
    china = china[(china["side"] == "China") & (china["organisation_id"] != "*")]
    approved = china[china["status"] == "approved"]
    assert set(approved["stage"]) == {"cn_first_batch"}
    assert set(approved["organisation_id"]) == {"alibaba", "bytedance", "tencent"}
    assert {"conditional", "paused"} <= set(china["status"])
    assert china[china["status"] == "paused"]["date"].max() > approved["date"].max()  # paused since


def test_step_5_one_group_approval_never_split(views) -> None:
    _, shown = views
    rows = shown[4].table("buyers").full
    group = rows[rows["is_group"]]
    assert len(group) == 1 and sorted(group["group_members"].iloc[0]) == ["alibaba", "bytedance", "tencent"]
    assert group["low"].iloc[0] == 400_000 and group["bound"].iloc[0] == "more_than"
    members = rows[rows["organisation_id"].isin(["alibaba", "bytedance", "tencent"]) & ~rows["is_group"]]
    assert "approved" not in set(members["measure"])


def test_step_6_requests_batch_cap_and_nothing_shipped(views) -> None:
    _, shown = views
    figures = shown[5].table("supply-demand").frame.set_index("metric")
    assert figures.loc["cn-h200-orders", "low"] == 2_000_000 and figures.loc["cn-h200-orders", "bound"] == "more_than"
    batch = figures.loc[["cn-first-batch-chips"]]
    assert (batch["low"] == 400_000).all() and set(batch["bound"]) == {"approx"}  # "about 400,000"
    caps = figures.loc[["us-per-customer-cap"]]
    assert (caps["high"] == 75_000).all() and set(caps["bound"]) == {"at_most"}
    assert figures.loc["h200-delivered-to-china", "high"] == 0


def test_step_7_the_chips_under_the_tpp_line(views) -> None:
    _, shown = views
    chips = shown[6].table("chips").frame
    tpp = dict(zip(chips["chip"], chips["value"], strict=True))
    assert tpp["Nvidia H200 (SXM)"] == 15_832 and tpp["Nvidia H20"] < 21_000 and tpp["AMD MI325X"] < 21_000
    assert any("21,000" in note for note in shown[6].charts[0].notes)


def test_step_8_two_reports_of_28_january(views) -> None:
    _, shown = views
    claims = shown[7].table("conflict").frame
    assert {p.split(" via ")[0] for p in claims["publisher"]} == {
        "Reuters",
        "South China Morning Post",
    }  # outlet, then any mirror
    assert (pd.to_datetime(claims["date"]) == "2026-01-28").all()
    assert set(claims["wording"]) == {"more than 400,000", "about 400,000"}
