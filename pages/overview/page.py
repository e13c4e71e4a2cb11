"""Overview: where do H200 sales to China stand, in six numbers?"""

import pandas as pd
import streamlit as st

from components import ui
from components.format import fmt_bound, fmt_range, fmt_row, num
from components.glossary import glossary_markdown
from components.labels import fmt_date, label, standalone
from data.frames import build_estimates_frame
from pages.overview.helpers import headline_cards, headline_chart, kpi_detail, kpi_help, latest_news

ctx = ui.page_context("overview")
estimates = ui.frame(ctx, build_estimates_frame)
kpis = ui.memo(ctx, headline_cards)

if kpis.empty:
    st.info("No headline figures had been reported by the chosen date. Move the as-of date later.")
else:
    rows_of_cards = [st.columns(3) for _ in range((len(kpis) + 2) // 3)]
    for index, row in enumerate(kpis.to_dict("records")):
        spread = fmt_range(num(row["low"]), num(row["high"]), row["unit"], row["open_high"], row["best_bound"])
        value = (
            fmt_bound(num(row["best"]), row["best_bound"], row["unit"], compact=True)
            if not pd.isna(row["best"])
            else fmt_row({**row, "bound": row["best_bound"]})
        )
        ui.render_kpi(
            rows_of_cards[index // 3][index % 3],
            ctx=ctx,
            title=row["title"],
            value=value,
            detail=kpi_detail(len(row["claim_ids"]), spread, bool(row["conflict"]))
            + (f" · {row['note']}" if row.get("note") else ""),
            basis=row["basis"],
            origins=int(row["independent_origins"]),
            source_ids=row["source_ids"],
            conflict=bool(row["conflict"]),
            help_text=kpi_help(str(row["title"])),
        )
ui.end_slide(ctx, [s for ids in kpis.get("source_ids", []) for s in ids])

figure, chart_sources = ui.memo(ctx, headline_chart)
ui.render_chart(
    figure,
    ctx=ctx,
    key="overview-ranges",
    alt="Horizontal bars comparing H200 demand, approvals, US caps, Nvidia stock and deliveries, each with its range.",
    source_ids=chart_sources,
)

st.subheader("Latest events")
latest = ui.memo(ctx, latest_news, 5)
if latest.empty:
    st.info("No events had been reported by the chosen date.")
for row in latest.itertuples():
    title = ctx.seeds.sources[row.source_id].title if row.source_id in ctx.seeds.sources else ""
    st.markdown(
        f"**{fmt_date(row.date, row.date_precision)}** · {row.lane_label} — {ui.md(standalone(row.summary, title))}  \n"
        f"*{ui.md(row.publisher)}* · confidence {label(row.confidence, 'confidence').lower()}"
    )
ui.render_source_footer(ctx.seeds, latest["source_id"].tolist(), key="overview-events")
st.caption("Specification sheets and encyclopedia pages are left out here; the timeline and Sources pages list them.")

with st.expander("Glossary: TPP, the 50 % rule, the 25 % share, licence stages", icon=":material/help:"):
    st.markdown(glossary_markdown())

with st.expander("Download the headline figures"):
    ui.render_downloads(ctx, "overview", full=estimates, shown=kpis if not kpis.empty else None)

ui.finish_page(ctx)
