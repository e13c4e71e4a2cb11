"""A briefing step as a slide: each page's figure (and the overview's KPI row) rebuilt for the
step's as-of date and view, without a browser. Used for the PowerPoint and PDF of a briefing.

Each function takes (seeds, claim filter, step params) and returns (figure or None, KPI rows or
None, source ids). The figures come from the same helpers the pages draw (and cache) with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import plotly.graph_objects as go

from components import takeaways
from components.exports.deck import Slide
from components.exports.images import plain_title
from components.figures import plot_buyer_quantities, plot_chip_metric, plot_conflict_spread
from components.format import fmt_bound, fmt_row, num
from components.registry import BY_ID
from data.frames import (
    ClaimFilter,
    build_buyer_quantities_frame,
    build_chips_frame,
    build_conflicts_frame,
    build_events_frame,
)
from data.load import SeedData
from data.models import Briefing
from data.vocabulary import SPEC_METRICS
from pages.approvals.helpers import matrix_figure
from pages.overview.helpers import headline_cards, headline_chart
from pages.supply_demand.helpers import figures_chart
from pages.timeline.helpers import shown_events, timeline_figure

Parts = tuple[go.Figure | None, list[tuple[str, str, str]] | None, list[str]]


def _overview(seeds: SeedData, claim_filter: ClaimFilter, params: Mapping[str, Any]) -> Parts:
    cards = headline_cards(seeds, claim_filter)
    kpis = [
        (
            r["title"],
            fmt_bound(num(r["best"]), r["best_bound"], r["unit"]) if num(r["best"]) is not None else fmt_row(r),
            "",
        )
        for r in cards.to_dict("records")
    ]
    figure, sources = headline_chart(seeds, claim_filter)
    return figure, kpis or None, sources + [s for ids in cards.get("source_ids", []) for s in ids]


def _buyers(seeds: SeedData, claim_filter: ClaimFilter, params: Mapping[str, Any]) -> Parts:
    quantities = build_buyer_quantities_frame(seeds, claim_filter)
    figure = plot_buyer_quantities(quantities, title=takeaways.buyers_title(quantities))
    return figure, None, [s for ids in quantities["source_ids"] for s in ids]


def _approvals(seeds: SeedData, claim_filter: ClaimFilter, params: Mapping[str, Any]) -> Parts:
    figure, sources = matrix_figure(seeds, claim_filter)
    return figure, None, sources


def _supply_demand(seeds: SeedData, claim_filter: ClaimFilter, params: Mapping[str, Any]) -> Parts:
    figure, rows = figures_chart(seeds, claim_filter, str(params.get("every", "")).lower() == "true")
    return figure, None, [s for ids in rows["source_ids"] for s in ids]


def _timeline(seeds: SeedData, claim_filter: ClaimFilter, params: Mapping[str, Any]) -> Parts:
    lanes = params.get("lanes", [])
    kinds = params.get("kinds", [])
    view = (
        params.get("window") == "All dates",
        tuple(lanes if isinstance(lanes, list) else [lanes]),
        tuple(kinds if isinstance(kinds, list) else [kinds]),
    )
    events = build_events_frame(seeds, claim_filter)
    shown = shown_events(events, claim_filter.as_of or dt.date.today(), all_dates=view[0], lanes=view[1], kinds=view[2])
    return timeline_figure(seeds, claim_filter, *view), None, list(shown["source_id"])


def _chips(seeds: SeedData, claim_filter: ClaimFilter, params: Mapping[str, Any]) -> Parts:
    metric = next((m for m in SPEC_METRICS if m.label == params.get("metric")), SPEC_METRICS[1])
    chips = build_chips_frame(seeds, claim_filter)
    figure = plot_chip_metric(chips, metric=metric.id, metric_label=metric.label, unit=metric.unit)
    return figure, None, [s for ids in chips[chips["metric"] == metric.id]["source_ids"] for s in ids]


def _sources(seeds: SeedData, claim_filter: ClaimFilter, params: Mapping[str, Any]) -> Parts:
    conflicts = build_conflicts_frame(seeds, claim_filter)
    if conflicts.empty:
        return None, None, []
    topic = params.get("conflict") if params.get("conflict") in set(conflicts["topic"]) else conflicts["topic"].iloc[0]
    group = conflicts[conflicts["topic"] == topic]
    return plot_conflict_spread(group, topic=str(topic)), None, list(group["source_id"])


SLIDE_PARTS: dict[str, Callable[[SeedData, ClaimFilter, Mapping[str, Any]], Parts]] = {
    "overview": _overview,
    "buyers": _buyers,
    "approvals": _approvals,
    "supply_demand": _supply_demand,
    "timeline": _timeline,
    "chips": _chips,
    "sources": _sources,
}


def source_line(seeds: SeedData, source_ids: list[str]) -> str:
    """'Sources: Reuters (28 Jan 2026), …' for a slide (undated pages say so)."""
    names = []
    for source_id in dict.fromkeys(source_ids):
        source = seeds.sources.get(source_id)
        if source is not None:
            when = f"{source.published:%d %b %Y}" if source.published else "undated"
            names.append(f"{source.publisher} ({when})")
    names = list(dict.fromkeys(names))
    shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    return f"Sources: {shown}" if names else "Sources: none"


def briefing_slides(briefing: Briefing, seeds: SeedData, link_for: Callable[[int], str]) -> list[Slide]:
    """One slide per step, each true at its step's as-of date."""
    slides = []
    for number, step in enumerate(briefing.steps, start=1):
        as_of = step.params.get("as_of", briefing.as_of)
        as_of = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
        parts = SLIDE_PARTS.get(step.page)
        figure, kpis, sources = parts(seeds, ClaimFilter(as_of=as_of), step.params) if parts else (None, None, [])
        page = BY_ID.get(step.page)
        slides.append(
            Slide(
                title=step.caption,
                takeaway=plain_title(figure) if figure is not None else (page.question if page else ""),
                figure=figure,
                kpis=kpis if figure is None else None,
                source_line=source_line(seeds, [*sources, *step.sources]),
                link=link_for(number),
                as_of=as_of,
            )
        )
    return slides
