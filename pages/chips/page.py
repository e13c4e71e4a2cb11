"""Chips: how does the H200 compare with what China can otherwise get?"""

import streamlit as st

from components import ui
from components.figures import plot_chip_metric
from data.frames import build_chips_frame
from data.vocabulary import SPEC_METRICS

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
threshold = next(((t.value, t.label) for t in ctx.seeds.thresholds if t.metric == metric), None)
shown = chips[chips["metric"] == metric]
threshold_sources = [s for t in ctx.seeds.thresholds if t.metric == metric for s in t.sources]
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
st.caption(
    "Huawei publishes no full datasheets, so its figures are estimates shown as ranges. The US rule of January 2026 "
    "allows exports case by case only below TPP 21,000 and DRAM bandwidth 6.5 TB/s."
)
st.subheader("All recorded specs")
table = chips.pivot_table(index=["chip", "vendor", "china_status"], columns="metric", values="value", aggfunc="first")
table = table.reset_index().rename(columns={m: f"{name} ({u})" for m, (name, u) in METRICS.items()})
ui.show_table(table, list(table.columns), key="chips-table", wide=())
with st.expander("Download chip specs"):
    ui.render_downloads("chips", full=chips, shown=shown)

ui.finish_page(ctx)
