"""Approval page helpers: one card per buyer for narrow screens (the grid needs ~700 px); the
figures are in ``view.py``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.labels import STATUSES, fmt_date, label
from components.ui.sources import md

# Both views are drawn; the browser's width picks one (Streamlit cannot see the width).
NARROW_CSS = """<style>
@media (max-width: 700px) { .st-key-approvals-grid { display: none !important; } }
@media (min-width: 701px) { .st-key-approval-cards { display: none !important; } }
</style>"""


def latest_stages(approvals: pd.DataFrame) -> pd.DataFrame:
    """Per buyer and side, the furthest stage reported and its status."""
    if approvals.empty:
        return approvals
    ordered = approvals.sort_values(["stage_order", "date"])
    return ordered.groupby(["organisation_id", "side"], as_index=False).tail(1)


def render_cards(approvals: pd.DataFrame, rows: list[tuple[str, str]]) -> None:
    """One bordered card per buyer: where it stands in Washington and in Beijing."""
    furthest = latest_stages(approvals)
    with st.container(key="approval-cards"):
        for organisation_id, name in rows:
            mine = furthest[furthest["organisation_id"] == organisation_id]
            with st.container(border=True):
                st.markdown(f"**{md(name)}**")
                for side, heading in (("US", "Washington"), ("China", "Beijing")):
                    row = mine[mine["side"] == side]
                    if row.empty:
                        st.caption(f"{heading}: nothing reported")
                        continue
                    r = row.iloc[0]
                    st.caption(
                        f"{heading}: {md(r['stage_label'])} — {label(r['status'], STATUSES).lower()} "
                        f"({fmt_date(r['date'])})"
                    )
