"""Sources & conflicts: where does every number come from, and where do sources disagree?"""

import streamlit as st

from components import ui
from components.conflict_names import subject_of
from components.figures import plot_conflict_spread
from pages.sources.helpers import (
    CLAIM_COLUMNS,
    CLAIM_HEADINGS,
    CLAIM_HELPS,
    conflict_view,
    readable_claims,
    search_claims,
)

ctx = ui.page_context("sources")
claims = ui.memo(ctx, readable_claims)
conflicts, names, all_conflicts, wording_only = ui.memo(ctx, conflict_view)
topic_by_name = {name: group for group, name in names.items()}
# Older links (and briefings) name a conflict by its codes ("C1, C17 · cn-first-batch-chips").
by_code = {str(t): names[g] for g, t in zip(conflicts["group"], conflicts["topic"], strict=True)}
linked = st.query_params.get("conflict")
if linked in by_code and "conflict" not in st.session_state:
    st.session_state["conflict"] = by_code[linked]
elif linked not in by_code:
    ui.check_link_options("sources", "conflict", list(topic_by_name), describe="the first conflict")
ui.check_link_options("sources", "tab", ["Claims", "Conflicts"], describe="the claims")


def render_conflict(name: str) -> None:
    """The chosen disagreement: its dot plot with the source line, then its claims."""
    group = conflicts[conflicts["group"] == topic_by_name[name]]
    ui.render_chart(
        plot_conflict_spread(group, topic=subject_of(name)),
        ctx=ctx,
        key="conflict-spread",
        alt="Dot plot of the disagreeing claims in the chosen conflict, each with its range.",
        source_ids=group["source_id"].tolist(),
    )
    ui.end_slide(ctx)
    ui.show_table(
        ui.with_standalone_text(group, ctx.seeds),
        ["date", "publisher", "summary", "wording", "confidence", "claim_id"],
        key="conflict-table",
    )


if ctx.present and st.query_params.get("tab") == "Conflicts" and names:
    chosen = st.session_state.get("conflict") or st.query_params.get("conflict")
    render_conflict(chosen if chosen in topic_by_name else next(iter(topic_by_name)))

tab_claims, tab_conflicts = st.tabs(["Claims", "Conflicts"], key="tab", bind="query-params")
with tab_claims:
    query = st.text_input("Search claims", key="q", bind="query-params", placeholder="e.g. ByteDance, 75,000, customs")
    shown = search_claims(claims, query)
    st.caption(f"{len(shown)} of {len(claims)} claims from {shown['source_id'].nunique()} sources")
    ui.show_table(
        shown,
        CLAIM_COLUMNS,
        key="claims-table",
        height=560,
        headings=CLAIM_HEADINGS,
        helps=CLAIM_HELPS,
    )
    ui.render_source_footer(ctx.seeds, shown["source_id"].tolist(), key="claims")
    with st.expander("Download claims"):
        ui.render_downloads(ctx, "claims", full=claims, shown=shown)

with tab_conflicts:
    if conflicts.empty:
        st.info("No conflicting claims had been reported by the chosen date.")
    else:
        st.markdown(
            f"**All {len(all_conflicts)} disagreements**, widest first (click a heading to sort). "
            "Figures are compared like with like: the same measure, unit, organisations and chip."
        )
        table = all_conflicts
        times = [f"{v:.1f}×" if v == v and v is not None else "—" for v in table["Times apart"]]
        st.dataframe(
            table.drop(columns=["group"]).assign(**{"Times apart": times}),
            hide_index=True,
            key="conflicts-all",
            column_config={
                "Disagreement": st.column_config.TextColumn(width="large"),
                "Times apart": st.column_config.TextColumn(
                    help="Highest figure divided by the lowest (same unit); — when the lowest is zero"
                ),
                "Gap": st.column_config.NumberColumn(format="localized", help="Highest minus lowest figure"),
                "First": st.column_config.DateColumn(format=ui.DATE_FORMAT),
                "Latest": st.column_config.DateColumn(format=ui.DATE_FORMAT),
            },
        )
        if wording_only is not None and len(wording_only):
            st.markdown(
                f"**{len(wording_only)} differences in wording only**: the reports give the same figure in other words"
            )
            st.dataframe(
                wording_only[["Disagreement", "Spread", "Claims", "Publishers", "First", "Latest"]].rename(
                    columns={"Spread": "Figures as reported"}
                ),
                hide_index=True,
                key="conflicts-wording",
                column_config={
                    "Disagreement": st.column_config.TextColumn("Subject", width="large"),
                    "First": st.column_config.DateColumn(format=ui.DATE_FORMAT),
                    "Latest": st.column_config.DateColumn(format=ui.DATE_FORMAT),
                },
            )
        name = st.selectbox("Look at one disagreement", list(topic_by_name), key="conflict", bind="query-params")
        render_conflict(name or next(iter(topic_by_name)))
        st.caption("Both sides are kept; none is silently picked.")

ui.finish_page(ctx)
