"""Supply vs demand: how far does demand outrun what can actually arrive?"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd
import streamlit as st

from components import ui
from components.figures import fmt_number, plot_range_bars, plot_scenario_gap
from data.scenario import FORMULA, binding_limit, run_scenario

METRICS = {
    "cn-h200-orders": "Orders requested",
    "nvidia-expected-orders": "Orders Nvidia expected",
    "initial-orders": "Early initial orders",
    "buyer-interest": "Interest per buyer",
    "preliminary-order": "Preliminary order",
    "nvidia-h200-stock": "Nvidia stock",
    "first-shipment-chips": "Planned first shipment",
    "cn-first-batch-chips": "Beijing's first batch",
    "us-total-ceiling": "US total ceiling",
    "us-implied-licensed-ceiling": "US licensed ceiling",
    "us-per-customer-cap": "US cap per customer",
    "us-buyer-licence-cap": "US cap per customer",
    "h200-delivered-to-china": "Delivered",
}

ctx = ui.page_context("supply_demand")
supply_demand = ui.frame(ctx, "build_supply_demand_frame")
claims = ui.frame(ctx, "build_claims_frame")

st.subheader("Every reported figure")
figures = supply_demand[supply_demand["metric"].isin(list(METRICS)) & ~supply_demand["superseded"]].copy()
order = {metric: index for index, metric in enumerate(METRICS)}
figures = figures.sort_values(["metric", "date"], key=lambda c: c.map(order) if c.name == "metric" else c)
names = {o.id: o.name for o in ctx.seeds.organisations.values()}


def _subject(applies_to: str) -> str:
    ids = [i.strip() for i in str(applies_to or "").split(",") if i.strip()]
    return "" if not ids or len(ids) > 1 else f" · {names.get(ids[0], ids[0])}"


figures["label"] = [
    f"{METRICS[m]}{_subject(a)} · {p[:20]} {d:%b %y}"
    for m, a, p, d in zip(figures["metric"], figures["applies_to"], figures["publisher"], figures["date"], strict=True)
]
figures["label"] = figures["label"].where(
    ~figures["label"].duplicated(), figures["label"] + " #" + (figures.groupby("label").cumcount() + 1).astype(str)
)
figures["hover"] = [
    f"<b>{METRICS[m]}</b><br>as reported: {w or 'n/a'} ({b})<br>{r}<br>{p}, {d:%d %b %Y} · confidence {c}"
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
ui.render_chart(
    plot_range_bars(
        figures,
        title="Reported demand runs to millions; approvals, caps and stock to hundreds of thousands",
        subtitle="One bar per report; hatched = range derived from vague wording; whiskers = reported range",
    ),
    ctx=ctx,
    key="supply-demand-ranges",
    alt="Horizontal bars of every reported H200 demand, supply, approval and delivery figure, with ranges.",
    source_ids=ui.ids_in(figures),
)
halt = claims[claims["kind"].isin(["production"]) & claims["summary"].str.contains("halt", case=False)]
if not halt.empty:
    row = halt.iloc[-1]
    st.info(
        f"**Production:** {ui.md(row['summary'])} ({ui.md(row['publisher'])}, {row['date']:%d %b %Y}; confidence {row['confidence']})"
    )

st.subheader("Scenario: what could arrive, and the gap")
parameters = ctx.seeds.scenarios
if not parameters:
    st.warning("No scenario defaults are loaded (seeds/reference/scenarios.yaml); the scenario is unavailable.")
else:
    defaults = {p.id: p.default for p in parameters.values()}
    st.markdown(FORMULA)
    columns = st.columns(4)
    values = {}
    for index, parameter in enumerate(parameters.values()):
        values[parameter.id] = columns[index % 4].slider(
            parameter.label,
            min_value=float(parameter.min),
            max_value=float(parameter.max),
            value=float(parameter.default),
            step=float(parameter.step),
            key=f"s_{parameter.id}",
            bind="query-params",
            help=f"Default {parameter.default:,g} {parameter.unit}: {parameter.basis}",
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
    scenario_sources = [s for p in parameters.values() for s in p.sources]
    ui.render_chart(
        plot_scenario_gap(steps),
        ctx=ctx,
        key="scenario-gap",
        alt="Bars of demand, supply, the three limits, what could arrive and the gap under the chosen assumptions.",
        source_ids=scenario_sources,
    )
    with st.expander("Where each default comes from"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "input": p.label,
                        "default": p.default,
                        "unit": p.unit,
                        "basis": p.basis,
                        "sources": ", ".join(p.sources),
                    }
                    for p in parameters.values()
                ]
            ),
            hide_index=True,
            key="scenario-defaults",
        )
with st.expander("Download supply and demand data"):
    ui.render_downloads("supply-demand", full=supply_demand, shown=figures)

ui.finish_page(ctx)
