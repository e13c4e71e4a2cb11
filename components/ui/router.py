"""The navigation over the page registry: what the app's script ``entry/main.py`` runs (and the
benchmark's entry script)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components import auth
from components.registry import PAGES, PageSpec
from components.ui.context import is_presenting

# The Streamlit script ``app.py``'s st.App serves (and the AppTests run): in its own folder, so no
# ``pages/`` is beside it and Streamlit's old multipage mode never starts (see entry/main.py).
SCRIPT = Path(__file__).resolve().parents[2] / "entry" / "main.py"
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
    pages = [
        st.Page(str(p.file), title=p.title, icon=p.icon, url_path=_internal_path(p), default=p.default) for p in PAGES
    ]
    return st.navigation(pages + _aliases(pages) + list(extra or []), position="sidebar")


def _internal_path(page: PageSpec) -> str:
    """The default page is served at the root; its own ``url_path`` is left free for the alias."""
    return f"{page.url_path}-home" if page.default else page.url_path


def _aliases(pages: list[st.Page]) -> list[st.Page]:
    """``/overview`` (the default page's name) as a link: a hidden page that opens the root page
    with the same query string. Streamlit serves the default page at ``/`` only, so without this
    the page's own name answered "Page not found"."""
    out = []
    for spec, page in zip(PAGES, pages, strict=True):
        if spec.default:

            def redirect(target: st.Page = page) -> None:
                st.switch_page(target, query_params=st.query_params.to_dict())

            out.append(st.Page(redirect, title=spec.title, url_path=spec.url_path, visibility="hidden"))
    return out
