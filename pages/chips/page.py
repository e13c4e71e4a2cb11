"""Chips: how does the H200 compare with what China can otherwise get?"""

import streamlit as st

from components import ui
from components.figures import plot_chip_metric
from data.frames import build_chips_frame
from data.frames.chips import available
from data.vocabulary import SPEC_METRICS
from pages.chips.helpers import spec_text

METRICS = {metric.id: (metric.label, metric.unit) for metric in SPEC_METRICS}

ctx = ui.page_context("chips")
chips = ui.frame(ctx, build_chips_frame)
by_label = {label: metric for metric, (label, _) in METRICS.items()}
ui.check_link_options("chips", "metric", list(by_label), describe="memory bandwidth")
chosen_label = st.segmented_control(
    "Compare on",
    options=list(by_label),
    default=METRICS["bandwidth_tb_s"][0],
    required=True,
    key="metric",
    bind="query-params",
)
metric = by_label.get(chosen_label or "", "bandwidth_tb_s")
label, unit = METRICS[metric]
# a US limit shows once the rule that sets it is out by the as-of date
limits = [
    t for t in ctx.seeds.thresholds if t.metric == metric and all(available(ctx.seeds, s, ctx.as_of) for s in t.sources)
]
threshold = (limits[0].value, limits[0].label) if limits else None
shown = chips[chips["metric"] == metric]
threshold_sources = [s for t in limits for s in t.sources]
ui.render_chart(
    plot_chip_metric(chips, metric=metric, metric_label=label, unit=unit, threshold=threshold),
    ctx=ctx,
    key=f"chips-{metric}",
    alt=f"Bar chart of {label.lower()} per chip; estimates hatched with ranges; US export limits as dashed lines.",
    source_ids=[s for ids in shown["source_ids"] for s in ids] + threshold_sources,
)
ui.end_slide(ctx)
missing = [c.name for c in ctx.seeds.chips.values() if not c.specs]
if missing:
    st.caption(
        "No absolute figures are recorded for: " + ", ".join(missing) + ". Some are reported only relative to "
        "other chips (e.g. Cambricon's Siyuan 590 at about 80–90 % of an A100); see the Sources page."
    )
rule = [t for t in ctx.seeds.thresholds if all(available(ctx.seeds, s, ctx.as_of) for s in t.sources)]
st.caption(
    "Huawei publishes no full datasheets, so its figures are estimates shown as ranges. "
    + (
        "Under the US export rule, chips are licensed case by case only below these limits: "
        + "; ".join(f"{t.label}" for t in rule)
        + "."
        if rule
        else "No US export rule with performance limits had been published by the chosen date."
    )
)
st.subheader("All recorded specs")
specs = chips.assign(figure=[spec_text(row) for row in chips.to_dict("records")])
table = specs.pivot_table(index=["chip", "vendor"], columns="metric", values="figure", aggfunc="first")
table = table.rename(columns={m.id: f"{m.label} ({m.unit})" for m in SPEC_METRICS}).reset_index().fillna("—")
ui.show_table(table, list(table.columns), key="chips-table", wide=())
with st.expander("Download chip specs"):
    ui.render_downloads(ctx, "chips", full=chips, shown=shown)

ui.finish_page(ctx)
