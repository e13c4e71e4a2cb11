"""Sources & conflicts: where does every number come from, and where do sources disagree?"""

import streamlit as st

from components import ui
from components.format import counted
from components.link_options import conflicts as conflict_options
from pages.sources.helpers import CLAIM_COLUMNS, CLAIM_HEADINGS, CLAIM_HELPS

ctx = ui.page_context("sources")
names = ui.memo(ctx, conflict_options)  # {short id: plain name}
if names and st.session_state.get("conflict") not in names:
    st.session_state["conflict"] = next(iter(names))
view = ui.page_view(ctx)


def render_conflict() -> None:
    """The chosen disagreement: its dot plot with the source line, then its claims."""
    ui.render_view_chart(ctx, view)
    ui.end_slide(ctx)
    ui.show_table(
        ui.per_object(ui.with_standalone_text, (view.table("conflict").frame, ctx.seeds)),
        ["date", "publisher", "summary", "wording", "confidence", "claim_id"],
        key="conflict-table",
    )


if ctx.present and names:
    render_conflict()

tab_claims, tab_conflicts = st.tabs(["Claims", "Conflicts"], key="tab", bind="query-params")
with tab_claims:
    st.text_input("Search claims", key="q", bind="query-params", placeholder="e.g. ByteDance, 75,000, customs")
    claims_table = view.table("claims")
    shown, claims = claims_table.frame, claims_table.full
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
    if not names:
        st.info(view.empty)
    else:
        table = view.table("conflicts").frame
        st.markdown(
            f"**All {len(table)} disagreements**, widest first (click a heading to sort). "
            "Figures are compared like with like: the same measure, unit, organisations and chip."
        )
        times = [f"{v:.1f}×" if v == v and v is not None else "—" for v in table["Times apart"]]
        st.dataframe(
            table.drop(columns=["group", "conflict_id"]).assign(**{"Times apart": times}),
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
        wording_only = view.table("wording")
        if wording_only is not None and len(wording_only.frame):
            st.markdown(
                f"**{counted(len(wording_only.frame), 'difference')} in wording only**: "
                "the reports give the same figure in other words"
            )
            st.dataframe(
                wording_only.frame[["Disagreement", "Spread", "Claims", "Publishers", "First", "Latest"]].rename(
                    columns={"Spread": "Figures as reported", "Disagreement": "Subject"}
                ),
                hide_index=True,
                key="conflicts-wording",
                column_config={
                    "Subject": st.column_config.TextColumn(width="large"),
                    "First": st.column_config.DateColumn(format=ui.DATE_FORMAT),
                    "Latest": st.column_config.DateColumn(format=ui.DATE_FORMAT),
                },
            )
        st.selectbox("Look at one disagreement", list(names), format_func=names.__getitem__, key="conflict")
        render_conflict()
        st.caption("Both sides are kept; none is silently picked.")

ui.finish_page(ctx)
