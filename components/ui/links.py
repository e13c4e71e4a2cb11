"""Links: the app's base URL, a page's link with its view state, and link values as widget values."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

import streamlit as st

from components.registry import COMMON_PARAMS, DATE_PARAMS, LIST_PARAMS, PageSpec, page_for_params
from components.state import build_query


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


def widget_value(key: str, value: object) -> object:
    """A link value as the widget behind ``key`` holds it in session state."""
    if key in DATE_PARAMS:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    if key.startswith("s_"):
        return float(value)  # type: ignore[arg-type]
    if key.startswith("share_"):
        return int(float(value))  # type: ignore[arg-type]
    if key in ("split", "every"):
        return value in (True, "true", "1")
    if key in LIST_PARAMS:
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return str(value)


def current_view_params(page: PageSpec) -> dict[str, object]:
    """The page's view state from session state, in link form; the as-of date is always pinned."""
    keys = page_for_params(page, [str(k) for k in st.session_state])
    params: dict[str, object] = {}
    for key in [*COMMON_PARAMS, *sorted(k for k in keys if k not in COMMON_PARAMS)]:
        value = st.session_state.get(key)
        if value is None or value == [] or value == "" or value is False:
            continue
        params[key] = value
    picked = st.query_params.get_all("picked")
    if "picked" in page.params and picked:
        params["picked"] = picked
    return params


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
