"""Supply-versus-demand view: every reported figure (its slide; the newest reading per figure
unless every report is asked for) and the scenario under the link's inputs. Pure."""

from __future__ import annotations

import html
from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from components import takeaways
from components.exports.images import plain_title
from components.figures import plot_range_bars, plot_scenario_gap
from components.format import fmt_bound, fmt_number, plain, value_words
from components.labels import BOUNDS, CONFIDENCES, label, metric_label
from components.view import ChartView, PageView, Params, TableView, page_view
from data.frames import ClaimFilter, build_supply_demand_frame
from data.load import SeedData
from data.scenario import binding_limit, defaults_at, missing_inputs, run_scenario
from data.vocabulary import (
    BUYER_INTEREST,
    DELIVERED,
    EXPECTED_ORDERS,
    FIRST_BATCH,
    FIRST_SHIPMENT,
    INITIAL_ORDERS,
    NVIDIA_STOCK,
    ORDERS,
    PRELIMINARY_ORDER,
    SUPPLY_DEMAND_METRICS,
    US_IMPLIED_CEILING,
    US_PER_CUSTOMER_CAP,
    US_TOTAL_CEILING,
)

FIGURES_ALT = "Horizontal bars of every reported H200 demand, supply, approval and delivery figure, with ranges."
SCENARIO_ALT = "Bars of demand, supply, the three limits, what could arrive and the gap under the chosen assumptions."


def bar_label(metric: str, subject: str, publisher: str, date: pd.Timestamp) -> str:
    """A bar's name (plain text): the figure, whom it is about (when it names someone), the
    publisher and the month. A long "X via mirror" shows the outlet X (the hover names both);
    only an outlet name itself longer than 24 characters is cut, at a word, with "…"."""
    shown = publisher if len(publisher) <= 24 else publisher.split(" via ")[0].strip()
    if len(shown) > 24:
        shown = shown[:24].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"{metric_label(metric, short=True)}{f' · {subject}' if subject else ''} · {shown} · {date:%b %Y}"


def label_figures(figures: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Figures in the vocabulary's order, each with a bar label and a hover text."""
    order = {metric: index for index, metric in enumerate(SUPPLY_DEMAND_METRICS)}
    figures = figures.sort_values(["metric", "date"], key=lambda c: c.map(order) if c.name == "metric" else c).copy()

    def subject(applies_to: list[str]) -> str:
        return names.get(applies_to[0], applies_to[0]) if len(applies_to) == 1 else ""

    labels = pd.Series(
        [
            bar_label(m, subject(a), p, d)
            for m, a, p, d in zip(
                figures["metric"], figures["applies_to"], figures["publisher"], figures["date"], strict=True
            )
        ],
        index=figures.index,
    )
    figures["label"] = labels.where(
        ~labels.duplicated(), labels + " #" + (labels.groupby(labels).cumcount() + 1).astype(str)
    )
    figures["label"] = figures["label"].map(plain)
    figures["hover"] = [
        f"<b>{metric_label(m, short=True)}</b><br>as reported: {plain(w) or '—'} ({label(b, BOUNDS).lower()})"
        f"<br>{plain(r)}<br>{plain(p)}, {d:%d %b %Y} · confidence {label(c, CONFIDENCES).lower()}"
        for m, w, b, r, p, d, c in zip(
            figures["metric"],
            figures["wording"],
            figures["bound"],
            figures["rule"],
            figures["publisher"],
            figures["date"],
            figures["confidence"],
            strict=True,
        )
    ]
    return figures


def figures_chart(seeds: SeedData, claim_filter: ClaimFilter, every_report: bool) -> tuple[go.Figure, pd.DataFrame]:
    """The figures chart and its rows: the newest live reading per figure (reported first), or
    every report when asked."""
    frame = build_supply_demand_frame(seeds, claim_filter)
    frame = frame[frame["metric"].isin(list(SUPPLY_DEMAND_METRICS)) & ~frame["superseded"]]
    if not every_report and not frame.empty:
        frame = frame.assign(
            subject=frame["applies_to"].map(tuple), rank=(frame["basis"] == "reported").astype(int)
        ).sort_values(["rank", "date"])
        frame = frame.groupby(["metric", "subject"], sort=False).tail(1).drop(columns=["subject", "rank"])
    figures = label_figures(frame, {o.id: o.name for o in seeds.organisations.values()})
    subtitle = (
        "One bar per report; " if every_report else "Newest reading of each figure; "
    ) + "hatched = derived by the project (formula in the hover); whiskers = reported range"
    figure = plot_range_bars(figures, title=takeaways.supply_demand_title(figures), subtitle=subtitle)
    return figure, figures


SLIDE_BARS = 10
"""Bars a slide draws at most: at 1280 x 720, under the briefing bar, the chart's title and its
legend, ten rows of 19 px labels stay apart (17 printed over each other)."""
SLIDE_ORDER: tuple[str, ...] = (
    *(ORDERS, EXPECTED_ORDERS, NVIDIA_STOCK, FIRST_BATCH, US_TOTAL_CEILING),  # what the title compares
    *(US_PER_CUSTOMER_CAP, DELIVERED, BUYER_INTEREST, INITIAL_ORDERS, FIRST_SHIPMENT),
    *(PRELIMINARY_ORDER, US_IMPLIED_CEILING),
)
"""Which figures a slide keeps first when the page has more than ``SLIDE_BARS``."""
SAME_FIGURE = ("metric", "low", "high", "best", "bound", "basis", "open_high", "publisher", "date", "sources")
FIRMS_CHARS = 30  # firms named in a merged bar's label up to this length, else counted


def merge_firms(figures: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One row where one report gives the same figure for several firms, one each ("each" and
    the firms in its label; every firm in its hover): four equal caps are one bar on a slide."""
    keyed = figures.assign(sources=figures["source_ids"].map(tuple))
    key = pd.Series([repr(tuple(row)) for row in keyed[list(SAME_FIGURE)].itertuples(index=False)], index=keyed.index)
    rows = []
    for _, group in keyed.groupby(key, sort=False):
        one_firm = group[group["applies_to"].map(len) == 1]
        if len(one_firm) < 2:
            rows.extend(row for _, row in group.iterrows())
            continue
        row = one_firm.iloc[0].copy()
        firms = [names.get(a[0], a[0]) for a in one_firm["applies_to"]]
        who = ", ".join(firms) if len(", ".join(firms)) <= FIRMS_CHARS else f"{len(firms)} firms"
        row["label"] = plain(bar_label(row["metric"], f"{who} (each)", row["publisher"], row["date"]))
        row["hover"] = f"{row['hover']}<br>for each of: {plain(', '.join(firms))}"
        row["applies_to"] = [a[0] for a in one_firm["applies_to"]]
        row["firms"] = "" if who == ", ".join(firms) else f"“{who}”: {', '.join(firms[:-1])} and {firms[-1]}"
        rows.append(row)
        rows.extend(other for index, other in group.iterrows() if index not in one_firm.index)
    return pd.DataFrame(rows).drop(columns=["sources"]).reset_index(drop=True)


def slide_figure(figures: pd.DataFrame, names: dict[str, str], title: str) -> tuple[go.Figure | None, str]:
    """The figures chart as a slide draws it, and the caption naming what it leaves out (bounds
    kept); (None, "") when the page's chart fits a slide as it is."""
    if len(figures) <= SLIDE_BARS:
        return None, ""
    merged = merge_firms(figures, names)
    rank = merged["metric"].map({m: i for i, m in enumerate(SLIDE_ORDER)}).fillna(len(SLIDE_ORDER))
    kept = merged.index.isin(rank.sort_values(kind="stable").index[:SLIDE_BARS])
    left_out = merged[~kept]
    how = [
        *(["one bar for a figure several firms share"] if len(merged) < len(figures) else []),
        *(["the rest named below"] if not left_out.empty else []),
    ]
    derived = "hatched = derived by the project; " if (merged.loc[kept, "basis"] == "derived").any() else ""
    subtitle = f"{kept.sum()} bars for the page's {len(figures)} ({'; '.join(how)}); {derived}whiskers = reported range"
    figure = plot_range_bars(merged[kept], title=title, subtitle=subtitle)
    figure.update_layout(legend={"xref": "container"})  # from the slide's left edge: one row, not three
    rest = [
        f"{html.unescape(row['label'])} {value_words(row)}"
        + (" (derived by the project)" if row["basis"] == "derived" else "")
        for row in left_out.to_dict("records")
    ]
    counted = [str(f) for f in merged.get("firms", pd.Series(dtype=str)).dropna() if f]  # "4 firms" named
    caption = " ".join(
        [*([f"Also on the page: {'; '.join(rest)}."] if rest else []), *(f"{firms}." for firms in counted)]
    )
    return figure, caption


def scenario(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> tuple[ChartView, str, pd.DataFrame] | None:
    """The gap chart under the link's inputs (cited defaults for the rest), its one-line reading,
    and the steps; None without scenario defaults."""
    if not seeds.scenarios or missing_inputs(seeds.scenarios) or claim_filter.as_of is None:
        return None
    readings = defaults_at(seeds.scenarios, seeds, claim_filter.as_of)
    defaults = {key: reading.value for key, reading in readings.items()}
    values = {**defaults, **{k: float(v) for k, v in dict(params.get("s_") or {}).items() if k in defaults}}
    steps = run_scenario(values, defaults, {key: reading.bound for key, reading in readings.items()})
    by_label = steps.set_index("label")
    gap, arrive = float(by_label.loc["Gap", "value"]), float(by_label.loc["Could arrive", "value"])
    demand = fmt_bound(float(values["demand"]), str(by_label.loc["Demand", "bound"]))
    title = f"Under these inputs, about {fmt_number(arrive)} chips could arrive against {demand} demanded"
    figure = plot_scenario_gap(steps, title=title)
    reading = (
        f"Could arrive: {fmt_number(arrive)} chips, limited by {binding_limit(steps)} · "
        f"gap to demand: {fmt_number(gap)} chips (a scenario, not a reported figure)."
    )
    sources = tuple(dict.fromkeys(s for r in readings.values() for s in r.sources))
    return ChartView("scenario-gap", plain_title(figure), figure, sources, SCENARIO_ALT), reading, steps


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    figure, figures = figures_chart(seeds, claim_filter, bool(params.get("every")))
    sources = tuple(dict.fromkeys(s for ids in figures["source_ids"] for s in ids))
    names = {o.id: o.name for o in seeds.organisations.values()}
    on_slide, caption = slide_figure(figures, names, takeaways.supply_demand_title(figures))
    charts = [
        ChartView(
            "supply-demand-ranges",
            plain_title(figure),
            figure,
            sources,
            FIGURES_ALT,
            slide_figure=on_slide,
            slide_caption=caption,
        )
    ]
    gap = scenario(seeds, claim_filter, params)
    if gap is not None:
        charts.append(replace(gap[0], notes=(gap[1],)))
    return page_view(
        "supply_demand",
        claim_filter,
        params,
        charts=tuple(charts),
        tables=(TableView("supply-demand", figures, full=build_supply_demand_frame(seeds, claim_filter)),),
    )
