"""Supply-versus-demand page helpers: bar labels for every reported figure, and the scenario."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import takeaways, ui
from components.figures import plot_range_bars, plot_scenario_gap
from components.format import fmt_number, plain
from components.labels import BOUNDS, CONFIDENCES, UNITS, column_label, label, metric_label
from components.ui.links import follow_default
from data.frames import ClaimFilter, build_supply_demand_frame
from data.load import SeedData
from data.scenario import FORMULA, binding_limit, defaults_at, run_scenario
from data.vocabulary import SUPPLY_DEMAND_METRICS


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
    """The figures chart and its rows: by default the newest live reading per figure (reported
    first), or every report when asked; built once per view (``ui.memo``)."""
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


def render_scenario(ctx: ui.PageContext) -> None:
    """Sliders with cited defaults, the formula in words, and the gap chart."""
    parameters = ctx.seeds.scenarios
    if not parameters:
        st.warning("No scenario defaults are loaded (seeds/reference/scenarios.yaml); the scenario is unavailable.")
        return
    readings = defaults_at(parameters, ctx.seeds, ctx.as_of)
    defaults = {key: reading.value for key, reading in readings.items()}
    st.markdown(FORMULA)
    columns = st.columns(4)
    values = {}
    for parameter in parameters.values():
        ui.check_link_number(
            "supply_demand",
            f"s_{parameter.id}",
            float(parameter.min),
            float(parameter.max),
            describe=f"the cited default ({parameter.default:,g})",
        )
    for index, parameter in enumerate(parameters.values()):
        follow_default(f"s_{parameter.id}", defaults[parameter.id])
        values[parameter.id] = columns[index % 4].slider(
            parameter.label,
            min_value=float(parameter.min),
            max_value=float(parameter.max),
            value=defaults[parameter.id],
            step=float(parameter.step),
            key=f"s_{parameter.id}",
            bind="query-params",
            help=f"Default {defaults[parameter.id]:,g} {label(parameter.unit, UNITS)}: {readings[parameter.id].basis}",
            format="%,.0f" if parameter.unit != "percent" else "%.0f%%",
        )
    changed = [parameters[k].label for k, v in values.items() if float(v) != float(defaults[k])]
    st.caption(
        "All inputs at their cited defaults." if not changed else "Your assumptions: " + "; ".join(changed) + "."
    )
    steps = run_scenario(values, defaults)
    gap = float(steps.set_index("label").loc["Gap", "value"])
    arrive = float(steps.set_index("label").loc["Could arrive", "value"])
    st.markdown(
        f"**Could arrive: {fmt_number(arrive)}** chips, limited by *{binding_limit(steps)}* · "
        f"**gap to demand: {fmt_number(gap)}** chips (a scenario, not a reported figure)."
    )
    ui.render_chart(
        plot_scenario_gap(
            steps,
            title=f"Under these inputs, about {fmt_number(arrive)} chips could arrive against {fmt_number(float(values['demand']))} demanded",
        ),
        ctx=ctx,
        key="scenario-gap",
        alt="Bars of demand, supply, the three limits, what could arrive and the gap under the chosen assumptions.",
        source_ids=[s for reading in readings.values() for s in reading.sources],
    )
    with st.expander("Where each default comes from"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Input": p.label,
                        "Default on this date": f"{readings[p.id].value:,g}",
                        "Unit": label(p.unit, UNITS),
                        "Why this default": readings[p.id].basis,
                        column_label("source_ids"): "; ".join(readings[p.id].sources),
                    }
                    for p in parameters.values()
                ]
            ),
            hide_index=True,
            key="scenario-defaults",
        )
