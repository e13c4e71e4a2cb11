"""Sources & conflicts: where does every number come from, and where do sources disagree?"""

import streamlit as st

from components import ui
from components.figures import plot_conflict_spread
from data.frames import build_claims_frame, build_conflicts_frame

ctx = ui.page_context("sources")
claims = ui.frame(ctx, build_claims_frame)
conflicts = ui.frame(ctx, build_conflicts_frame)

tab_claims, tab_conflicts = st.tabs(["Claims", "Conflicts"], key="tab", bind="query-params")
with tab_claims:
    query = st.text_input("Search claims", key="q", bind="query-params", placeholder="e.g. ByteDance, 75,000, customs")
    shown = claims
    if query:
        text = (
            claims["summary"]
            + " "
            + claims["actors"].map(" ".join)
            + " "
            + claims["publisher"]
            + " "
            + claims["wording"].fillna("")
        )
        shown = claims[text.str.contains(query, case=False, regex=False)]
    st.caption(f"{len(shown)} of {len(claims)} claims from {shown['source_id'].nunique()} sources")
    ui.render_paged_table(
        shown[
            [
                "date",
                "summary",
                "kind",
                "wording",
                "attribution",
                "sources_cited",
                "confidence",
                "publisher",
                "origin",
                "reported",
                "url",
                "claim_id",
            ]
        ],
        key="claims-table",
        column_config={
            "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
            "reported": st.column_config.DateColumn("Reported", format="YYYY-MM-DD"),
            "summary": st.column_config.TextColumn("Claim (our words)", width="large"),
            "url": ui.link_column(),
        },
    )
    ui.render_source_footer(ctx.seeds, shown["source_id"].tolist(), key="claims")
    with st.expander("Download claims"):
        ui.render_downloads(ctx, "claims", full=claims, shown=shown)

with tab_conflicts:
    if conflicts.empty:
        st.info("No conflicting claims had been reported by the chosen date.")
    else:
        topics = list(dict.fromkeys(conflicts["topic"]))
        topic = st.selectbox("Conflict", topics, key="conflict", bind="query-params")
        group = conflicts[conflicts["topic"] == topic]
        ui.render_chart(
            plot_conflict_spread(group, topic=topic),
            ctx=ctx,
            key="conflict-spread",
            alt="Dot plot of the disagreeing claims in the chosen conflict, each with its range.",
            source_ids=group["source_id"].tolist(),
        )
        st.dataframe(
            group[["date", "publisher", "summary", "wording", "confidence", "claim_id"]],
            hide_index=True,
            key="conflict-table",
            column_config={
                "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                "summary": st.column_config.TextColumn("Claim", width="large"),
            },
        )
        st.caption(
            f"{conflicts['group'].nunique()} conflict groups in all. Both sides are kept; none is silently picked."
        )

ui.finish_page(ctx)
