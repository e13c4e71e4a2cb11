"""Chips view: one spec across chips (its slide) with the US export limit for that spec, once
the rule that sets it was out by the as-of date. Pure."""

from __future__ import annotations

from components.exports.images import plain_title
from components.figures import plot_chip_metric
from components.view import ChartView, PageView, Params, TableView, figures_wanted, page_view
from data.frames import ClaimFilter, build_chips_frame
from data.frames.chips import available
from data.load import SeedData
from data.vocabulary import SPEC_BY_ID

DEFAULT_METRIC = "bandwidth_tb_s"


def limits(seeds: SeedData, claim_filter: ClaimFilter, metric: str | None = None) -> list:
    """The US limits (for one spec, or all) whose rule was published by the as-of date."""
    as_of = claim_filter.as_of
    return [
        t
        for t in seeds.thresholds
        if (metric is None or t.metric == metric) and all(available(seeds, s, as_of) for s in t.sources)
    ]


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    metric = SPEC_BY_ID.get(str(params.get("metric")), SPEC_BY_ID[DEFAULT_METRIC])
    chips = build_chips_frame(seeds, claim_filter)
    rules = limits(seeds, claim_filter, metric.id)
    threshold = (rules[0].value, rules[0].label) if rules else None
    shown = chips[chips["metric"] == metric.id]
    sources = tuple(
        dict.fromkeys([s for ids in shown["source_ids"] for s in ids] + [s for t in rules for s in t.sources])
    )
    alt = f"Bar chart of {metric.label.lower()} per chip; estimates hatched with ranges; US export limits as dashed lines."
    notes = (f"{rules[0].label}.",) if rules else ()
    charts: tuple[ChartView, ...] = ()
    if figures_wanted():  # the data API asks for the tables only
        spec = {"metric": metric.id, "metric_label": metric.label, "unit": metric.unit, "threshold": threshold}
        figure = plot_chip_metric(chips, **spec)
        # the slide's bars on their side: a 1280 x 720 slide's plot was ~90 px under a dozen upright names
        slide = plot_chip_metric(chips, **spec, horizontal=True)
        charts = (
            ChartView(f"chips-{metric.id}", plain_title(figure), figure, sources, alt, notes, slide_figure=slide),
        )
    return page_view(
        "chips",
        claim_filter,
        params,
        charts=charts,
        tables=(TableView("chips", shown, full=chips),),
    )
