"""Conflicts that are conflicts (like with like, wording apart) and links that say where they go."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from components.conflict_names import conflicts_table, names_by_group, wording_table
from components.figures import plot_approvals_over_time, plot_conflict_spread
from data.frames import ClaimFilter, build_conflicts_frame, build_sources_frame
from data.lexicon import Range
from data.load import load_seeds
from data.models import Outlet, Publisher, Source
from data.outlets import outlet_link
from data.reconcile import can_all_be_true
from data.seed_data import SeedData

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 6, 5)


@pytest.fixture(scope="module")
def conflicts() -> pd.DataFrame:
    return build_conflicts_frame(load_seeds(ROOT / "seeds"), ClaimFilter(as_of=AS_OF))


def _r(low: float | None, high: float | None, bound: str) -> Range:
    return Range(low, high, "reported", bound, bound=bound)


def test_figures_that_can_all_be_true_differ_in_wording_only() -> None:
    assert can_all_be_true([_r(400_000, None, "more_than"), _r(400_000, 400_000, "approx")])
    assert can_all_be_true([_r(None, 75_000, "at_most"), _r(None, 75_000, "at_most")])
    assert not can_all_be_true([_r(400_000, None, "more_than"), _r(400_000, 400_000, "exact")])
    assert not can_all_be_true([_r(0, 0, "exact"), _r(1, 100_000, "range")])
    assert not can_all_be_true([_r(20_000, 20_000, "approx"), _r(27_000, 27_000, "approx")])


def test_no_real_disagreement_has_a_gap_of_zero(conflicts) -> None:
    table = conflicts_table(conflicts)
    figures = table[table["How they differ"] == "Figures disagree"]
    assert len(figures) >= 3 and (figures["Gap"] > 0).all()
    wording = wording_table(conflicts)
    assert any("more than 400,000 vs about 400,000" in n for n in wording["Disagreement"])
    assert not any("400,000 vs about 400,000" in n for n in table["Disagreement"])


def test_a_spread_compares_one_measure_unit_scope_and_chip(conflicts) -> None:
    spread = conflicts[conflicts["in_spread"]]
    per_group = spread.groupby("group").agg(
        metrics=("metric", "nunique"), units=("unit", "nunique"), chips=("chip", "nunique"), scopes=("scope", "nunique")
    )
    assert (per_group <= 1).all().all()
    # a page quoting the FP64 Tensor figure as "FP16" is not an FP16 spread against the dense figure
    fp16 = conflicts[conflicts["claim_id"] == "andr0425.h200-fp16"].iloc[0]
    assert not fp16["in_spread"] and fp16["metric"] == "spec-fp64-tensor-tflops"
    # H200 prices: dollars per chip only, never mixed with RMB per module
    price = conflicts[conflicts["claim_id"] == "ft-251223.price-20k"]["group"].iloc[0]
    drawn = conflicts[(conflicts["group"] == price) & conflicts["in_spread"]]
    assert set(drawn["unit"]) == {"usd_per_chip"}


def test_names_are_plain_and_short(conflicts) -> None:
    for name in names_by_group(conflicts).values():
        assert len(name) <= 120, name
        assert not re.search(r"\([a-z0-9-]+\)", name), name  # no chip ids like "(h200)"
        assert not re.search(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b", name), name  # no metric ids
        assert not ("$" in name and "%" in name), name
        assert "None" not in name and "·" not in name


def test_the_dot_plot_draws_only_like_for_like_figures(conflicts) -> None:
    names = names_by_group(conflicts)
    price = conflicts[conflicts["claim_id"] == "ft-251223.price-20k"]["group"].iloc[0]
    fig = plot_conflict_spread(conflicts[conflicts["group"] == price], topic=names[price].split(": ")[0])
    assert len(fig.data[0].x) == 3  # the three per-chip dollar prices, not the module prices
    assert "US$ per chip" in fig.layout.xaxis.title.text


def _source(publisher: str, url: str | None, carried: list[tuple[str, str | None]] = ()) -> Source:
    return Source(
        id="2026-01-14-test-source",
        title="A test source",
        publisher=publisher,
        published=dt.date(2026, 1, 14),
        url=url,
        url_missing=None if url else "print edition",
        kind="wire",
        carried_by=[Outlet(outlet=o, url=u) for o, u in carried],
        accessed=dt.date(2026, 11, 24),
        added=dt.date(2026, 11, 24),
        reliability="A test source for the outlet rules.",
        confidence="high",
    )


def test_a_mirror_link_says_via_and_an_own_page_wins() -> None:
    seeds = SeedData(publishers={"Reuters": Publisher(name="Reuters", domains=["reuters.com"])})
    mirror = outlet_link(
        _source("Reuters", "https://www.prismedia.ai/news/x", [("Prismedia", "https://www.prismedia.ai/news/x")]), seeds
    )
    assert (mirror.label, mirror.via) == ("Reuters via Prismedia", "Prismedia")
    bare = outlet_link(_source("Reuters", "https://sport.walaw.press/a"), seeds)
    assert bare.label == "Reuters via sport.walaw.press"
    own = outlet_link(
        _source("Reuters", "https://up2info.com/?p=1", [("Reuters", "https://www.reuters.com/world/x")]), seeds
    )
    assert (own.label, own.url) == ("Reuters", "https://www.reuters.com/world/x")
    assert outlet_link(_source("Reuters", "https://www.reuters.com/x"), seeds).via is None
    # an outlet not in the map owns a site named like it
    assert outlet_link(_source("Tom's Hardware", "https://www.tomshardware.com/x"), seeds).via is None
    assert outlet_link(_source("Gokawiil", "https://news.az/x"), seeds).via == "news.az"


def test_every_source_table_names_the_mirror() -> None:
    seeds = load_seeds(ROOT / "seeds")
    sources = build_sources_frame(seeds).set_index("source_id")
    customs = sources.loc["2026-01-14-reuters-china-customs-blocks-h200"]
    assert customs["publisher"] == "Reuters via Prismedia" and customs["via"] == "Prismedia"
    mirrored = sources[sources["url"].fillna("").str.contains("walaw.press|prismedia.ai")]
    assert len(mirrored) >= 2 and mirrored["publisher"].str.contains(" via ").all()


def test_one_low_confidence_reading_is_not_drawn_as_a_solid_step() -> None:
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-01-28", "2026-02-24"]),
            "side": ["China", "US"],
            "low": [400_000.0, 0.0],
            "high": [None, 0.0],
            "best": [400_000.0, 0.0],
            "label": ["more than 400,000 (Reuters)", "hasn't approved any sales (Tom's Hardware)"],
            "source_ids": [["a"], ["b"]],
            "confidence": ["medium", "low"],
        }
    )
    fig = plot_approvals_over_time(frame, title="t", until=dt.date(2026, 6, 5))
    us = next(t for t in fig.data if t.name.startswith("US"))
    assert us.line.dash == "dot" and us.marker.symbol == "circle-open" and len(us.x) == 1  # not held to June
    china = next(t for t in fig.data if t.name.startswith("China"))
    assert china.line.dash == "solid" and len(china.x) == 2  # held to the as-of date


def test_a_headline_whose_reports_agree_is_not_flagged_as_a_disagreement() -> None:
    from data.frames import build_estimates_frame

    estimates = build_estimates_frame(load_seeds(ROOT / "seeds"), ClaimFilter(as_of=AS_OF))
    reported = estimates[estimates["basis"] == "reported"]

    def flagged(metric: str) -> set[bool]:
        return {bool(c) for c in reported[reported["metric"] == metric]["conflict"]}

    assert flagged("us-per-customer-cap") == {False}  # "75,000 per customer" and "up to 75,000 each"
    batch = reported[
        (reported["metric"] == "cn-first-batch-chips")
        & reported["applies_to"].map(lambda ids: sorted(ids) == ["alibaba", "bytedance", "tencent"])
    ]
    assert not batch["conflict"].any()  # "more than 400,000" and "about 400,000"
    assert flagged("h200-price-per-chip") == {True}  # about $20,000 against about $27,000
