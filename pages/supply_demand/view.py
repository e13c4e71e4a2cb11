"""Supply-versus-demand view: every reported figure (its slide; the newest reading per figure
unless every report is asked for) and the scenario under the link's inputs. Pure."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from components import takeaways
from components.exports.images import plain_title
from components.figures import plot_range_bars, plot_scenario_gap
from components.format import fmt_number, plain
from components.labels import BOUNDS, CONFIDENCES, label, metric_label
from components.view import ChartView, PageView, Params, TableView, page_view
from data.frames import ClaimFilter, build_supply_demand_frame
from data.load import SeedData
from data.scenario import binding_limit, defaults_at, run_scenario
from data.vocabulary import SUPPLY_DEMAND_METRICS

FIGURES_ALT = "Horizontal bars of every reported H200 demand, supply, approval and delivery figure, with ranges."
SCENARIO_ALT = "Bars of demand, supply, the three limits, what could arrive and the gap under the chosen assumptions."


def label_figures(figures: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Figures in the vocabulary's order, each with a bar label and a hover text."""
    order = {metric: index for index, metric in enumerate(SUPPLY_DEMAND_METRICS)}
    figures = figures.sort_values(["metric", "date"], key=lambda c: c.map(order) if c.name == "metric" else c).copy()

    def subject(applies_to: list[str]) -> str:
        return f" · {names.get(applies_to[0], applies_to[0])}" if len(applies_to) == 1 else ""

    labels = pd.Series(
        [
            f"{metric_label(m, short=True)}{subject(a)} · {p if len(p) <= 24 else p[:23] + '…'} · {d:%b %Y}"
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


def scenario(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> tuple[ChartView, str, pd.DataFrame] | None:
    """The gap chart under the link's inputs (cited defaults for the rest), its one-line reading,
    and the steps; None without scenario defaults."""
    if not seeds.scenarios or claim_filter.as_of is None:
        return None
    readings = defaults_at(seeds.scenarios, seeds, claim_filter.as_of)
    defaults = {key: reading.value for key, reading in readings.items()}
    values = {**defaults, **{k: float(v) for k, v in dict(params.get("s_") or {}).items() if k in defaults}}
    steps = run_scenario(values, defaults)
    by_label = steps.set_index("label")["value"]
    gap, arrive = float(by_label.loc["Gap"]), float(by_label.loc["Could arrive"])
    title = f"Under these inputs, about {fmt_number(arrive)} chips could arrive against {fmt_number(float(values['demand']))} demanded"
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
    charts = [ChartView("supply-demand-ranges", plain_title(figure), figure, sources, FIGURES_ALT)]
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
