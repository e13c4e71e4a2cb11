"""Supply-versus-demand page helpers: bar labels for every reported figure, and the scenario."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import ui
from components.figures import plot_scenario_gap
from components.format import fmt_number, plain
from components.labels import BOUNDS, CONFIDENCES, UNITS, column_label, label
from data.scenario import FORMULA, binding_limit, run_scenario
from data.vocabulary import SUPPLY_DEMAND_METRICS


def label_figures(figures: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Figures in the vocabulary's order, each with a bar label and a hover text."""
    order = {metric: index for index, metric in enumerate(SUPPLY_DEMAND_METRICS)}
    figures = figures.sort_values(["metric", "date"], key=lambda c: c.map(order) if c.name == "metric" else c).copy()

    def subject(applies_to: list[str]) -> str:
        return f" · {names.get(applies_to[0], applies_to[0])}" if len(applies_to) == 1 else ""

    labels = pd.Series(
        [
            f"{SUPPLY_DEMAND_METRICS[m]}{subject(a)} · {p if len(p) <= 24 else p[:23] + '…'} · {d:%b %Y}"
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
        f"<b>{SUPPLY_DEMAND_METRICS[m]}</b><br>as reported: {plain(w) or '—'} ({label(b, BOUNDS).lower()})"
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


def newest_per_figure(figures: pd.DataFrame) -> pd.DataFrame:
    """One bar per figure: its newest report (the first firm's, for a per-firm figure), in the same order."""
    newest = figures.sort_values("date", kind="stable").groupby("metric", sort=False).tail(1)
    return figures.loc[figures.index.isin(newest.index)]


def render_scenario(ctx: ui.PageContext) -> None:
    """Sliders with cited defaults, the formula in words, and the gap chart."""
    parameters = ctx.seeds.scenarios
    if not parameters:
        st.warning("No scenario defaults are loaded (seeds/reference/scenarios.yaml); the scenario is unavailable.")
        return
    defaults = {p.id: p.default for p in parameters.values()}
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
        values[parameter.id] = columns[index % 4].slider(
            parameter.label,
            min_value=float(parameter.min),
            max_value=float(parameter.max),
            value=float(parameter.default),
            step=float(parameter.step),
            key=f"s_{parameter.id}",
            bind="query-params",
            help=f"Default {parameter.default:,g} {label(parameter.unit, UNITS)}: {parameter.basis}",
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
        plot_scenario_gap(steps, title="Under these assumptions, demand outruns what can arrive"),
        ctx=ctx,
        key="scenario-gap",
        alt="Bars of demand, supply, the three limits, what could arrive and the gap under the chosen assumptions.",
        source_ids=[s for p in parameters.values() for s in p.sources],
    )
    with st.expander("Where each default comes from"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Input": p.label,
                        "Default": f"{p.default:,g}",
                        "Unit": label(p.unit, UNITS),
                        "Why this default": p.basis,
                        column_label("source_ids"): "; ".join(p.sources),
                    }
                    for p in parameters.values()
                ]
            ),
            hide_index=True,
            key="scenario-defaults",
        )
