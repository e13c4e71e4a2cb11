"""Timeline helpers: which events a view shows, and the figure built once per view (``ui.memo``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components import takeaways
from components.figures import plot_timeline
from data.frames import ClaimFilter, build_events_frame
from data.load import SeedData

SINCE = pd.Timestamp("2025-11-01")


def shown_events(
    events: pd.DataFrame, as_of: dt.date, *, all_dates: bool, lanes: tuple[str, ...], kinds: tuple[str, ...]
) -> pd.DataFrame:
    """Events on or before the as-of date that match the chosen period, actors and kinds."""
    shown = events[events["date"] <= pd.Timestamp(as_of)]
    if not all_dates:
        shown = shown[shown["date"] >= SINCE]
    if lanes:
        shown = shown[shown["lane"].isin(lanes)]
    if kinds:
        shown = shown[shown["kind"].isin(kinds)]
    return shown


def timeline_figure(
    seeds: SeedData, claim_filter: ClaimFilter, all_dates: bool, lanes: tuple[str, ...], kinds: tuple[str, ...]
) -> go.Figure:
    events = build_events_frame(seeds, claim_filter)
    as_of = claim_filter.as_of or events["date"].max()
    shown = shown_events(events, as_of, all_dates=all_dates, lanes=lanes, kinds=kinds)
    key_moments = shown[shown["annotate"] & (shown["label"] != "")]
    return plot_timeline(shown, title=takeaways.timeline_title(shown), key_moments=key_moments)


def figure_for_events(seeds: SeedData, claim_filter: ClaimFilter, claim_ids: tuple[str, ...]) -> go.Figure:
    """The timeline of exactly these events (the page's filters already applied), built once per
    view: the cache key is the filter and the events shown."""
    events = build_events_frame(seeds, claim_filter)
    shown = events[events["claim_id"].isin(set(claim_ids))]
    key_moments = shown[shown["annotate"] & (shown["label"] != "")]
    return plot_timeline(shown, title=takeaways.timeline_title(shown), key_moments=key_moments)
