"""Overview: where do H200 sales to China stand, in six numbers?"""

import streamlit as st

from components import ui
from components.glossary import glossary_markdown
from components.labels import fmt_date, label, standalone
from pages.overview.helpers import latest_news

ctx = ui.page_context("overview")
view = ui.page_view(ctx)

if not view.cards:
    st.info(view.empty + " Move the as-of date later.")
ui.render_cards(ctx, view)
ui.end_slide(ctx, view.slide_sources)

ui.render_view_chart(ctx, view)

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
st.caption(
    "Newest event first (on the same day, the newer report first). Specification sheets and encyclopedia "
    "pages are left out here; the timeline and Sources pages list them."
)

with st.expander("Glossary: TPP, the 50 % rule, the 25 % share, licence stages", icon=":material/help:"):
    st.markdown(glossary_markdown())

with st.expander("Download the headline figures"):
    full, shown = ui.table_frames(view.table("overview"))
    ui.render_downloads(ctx, "overview", full=full, shown=shown if not shown.empty else None)

ui.finish_page(ctx)
