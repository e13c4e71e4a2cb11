"""The navigation over the page registry: what ``app.py`` runs (and the benchmark's entry script)."""

from __future__ import annotations

import streamlit as st

from components import auth
from components.registry import PAGES
from components.ui.context import is_presenting

ABOUT = "H200 China Tracker: Nvidia H200 sales into China, every number traced to its source."


def build_navigation(extra: list[st.Page] | None = None) -> object:
    """Page config and ``st.navigation`` over every registered page (plus ``extra`` hidden ones)."""
    present = is_presenting()
    st.set_page_config(
        page_title="H200 China Tracker",
        page_icon="📊",
        layout="wide",
        initial_sidebar_state="collapsed" if present else "auto",
        menu_items={"About": ABOUT},
    )
    auth.require_sign_in()  # does nothing unless sign-in settings exist (deploy/secrets.example.toml)
    pages = [st.Page(str(p.file), title=p.title, icon=p.icon, url_path=p.url_path, default=p.default) for p in PAGES]
    return st.navigation(pages + list(extra or []), position="sidebar")
