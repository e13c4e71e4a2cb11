"""Timeline view: the events the link's period, dates, search, actors and kinds select (its
slide), and the same events as the table and the "filtered" download. Pure."""

from __future__ import annotations

import pandas as pd

from components import takeaways
from components.exports.images import plain_title
from components.figures import plot_timeline
from components.labels import standalone
from components.view import ChartView, PageView, Params, TableView, figures_wanted, page_view
from data.frames import ClaimFilter, build_events_frame
from data.load import SeedData

SINCE = pd.Timestamp("2025-11-01")
ALT = "Timeline of H200 events on lanes for the US government, Chinese regulators, Nvidia, buyers and others."


def readable_events(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    """Every event, each summary made to stand alone (the search looks at these words)."""
    events = build_events_frame(seeds, claim_filter)
    titles = {source_id: source.title for source_id, source in seeds.sources.items()}
    return events.assign(
        summary=[standalone(s, titles.get(i, "")) for s, i in zip(events["summary"], events["source_id"], strict=True)]
    )


def matching(frame: pd.DataFrame, params: Params) -> pd.DataFrame:
    """The actor, kind and search filters (the date filters differ for past and planned items)."""
    lanes, kinds, query = list(params.get("lanes") or ()), list(params.get("kinds") or ()), params.get("q") or ""
    if lanes:
        frame = frame[frame["lane"].isin(lanes)]
    if kinds:
        frame = frame[frame["kind"].isin(kinds)]
    if query:
        text = frame["summary"] + " " + frame["publisher"] + " " + frame["actors"].map(" ".join)
        frame = frame[text.str.contains(str(query), case=False, regex=False)]
    return frame


def shown_events(events: pd.DataFrame, as_of: pd.Timestamp, params: Params) -> pd.DataFrame:
    shown = matching(events[events["date"] <= as_of], params)
    if params.get("window") != "all":
        shown = shown[shown["date"] >= SINCE]
    dates: tuple = tuple(params.get("dates") or ())
    if len(dates) == 2:
        shown = shown[(shown["date"] >= pd.Timestamp(dates[0])) & (shown["date"] <= pd.Timestamp(dates[1]))]
    return shown


def key_moments(shown: pd.DataFrame) -> pd.DataFrame:
    """The moments that may be labelled; the chart marks the newest whose labels fit."""
    return shown[shown["annotate"] & (shown["label"] != "")]


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    events = readable_events(seeds, claim_filter)
    as_of = pd.Timestamp(claim_filter.as_of)
    shown = shown_events(events, as_of, params)
    later = matching(events[events["date"] > as_of], params)
    sources = tuple(dict.fromkeys(shown["source_id"]))
    charts: tuple[ChartView, ...] = ()
    if figures_wanted():  # the data API asks for the tables only
        figure = plot_timeline(shown, title=takeaways.timeline_title(shown), key_moments=key_moments(shown))
        charts = (ChartView("timeline", plain_title(figure), figure, sources, ALT),)
    return page_view(
        "timeline",
        claim_filter,
        params,
        charts=charts,
        tables=(
            TableView("timeline", shown.sort_values(["date", "reported"], ascending=False), full=events),
            TableView("timeline-later", later.sort_values("date")),
        ),
    )
