"""Links: the app's base URL, a page's link with its view state, and link values as widget values."""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

import streamlit as st

from components.registry import PageSpec
from components.state import build_query
from components.ui.context import PageContext
from components.view import link_of


def app_root(page: PageSpec) -> str:
    """The app's base URL: ``H200_PUBLIC_URL`` when set (a team server behind a proxy), else the
    address this browser used (``st.context.url`` names the current page, without the query)."""
    configured = os.environ.get("H200_PUBLIC_URL", "").strip().rstrip("/")
    if configured:
        return configured
    try:
        url = str(st.context.url or "")
    except (AttributeError, RuntimeError):
        url = ""
    if not url:
        return "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/" + page.url_path):
        path = path[: -len(page.url_path) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


def page_url(root: str, page: PageSpec, params: Mapping[str, object]) -> str:
    query = build_query(params)
    return f"{root}/{'' if page.default else page.url_path}" + (f"?{query}" if query else "")


def share_params(ctx: PageContext) -> dict[str, object]:
    """The current view in link form (ids; defaults left out; the as-of date always pinned)."""
    from components.ui.views import link_defaults, view_params

    return link_of(ctx.page, ctx.seeds, view_params(ctx), link_defaults(ctx))


def follow_default(key: str, default: object) -> None:
    """A link-bound widget the user never moved follows its default when the default changes
    (a new as-of date, a new report); a value the user chose, or a link pinned, stays."""
    memo = f"_default_{key}"
    previous = st.session_state.get(memo)
    in_link = st.query_params.get(key)
    pinned = in_link is not None and in_link not in (
        str(previous),
        f"{previous:g}" if isinstance(previous, float) else "",
    )
    if previous is not None and previous != default and st.session_state.get(key) == previous and not pinned:
        st.session_state[key] = default
    st.session_state[memo] = default
