"""Approval page helpers: one card per buyer for narrow screens (the grid needs ~700 px); the
figures are in ``view.py``."""

from __future__ import annotations

import streamlit as st

from components.ui.sources import md

# Both views are drawn; the browser's width picks one (Streamlit cannot see the width).
NARROW_CSS = """<style>
@media (max-width: 700px) { .st-key-approvals-grid { display: none !important; } }
@media (min-width: 701px) { .st-key-approval-cards { display: none !important; } }
</style>"""


def render_cards(cards: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
    """One bordered card per buyer: where it stands in Washington and in Beijing (from the view)."""
    with st.container(key="approval-cards"):
        for name, lines in cards:
            with st.container(border=True):
                st.markdown(f"**{md(name)}**")
                for line in lines:
                    st.caption(md(line))
