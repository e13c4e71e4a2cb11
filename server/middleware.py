"""Every ASGI middleware wrapped around the app (Streamlit's own routes and ours)."""

from __future__ import annotations

from starlette.middleware import Middleware


def middleware() -> list[Middleware]:
    """The middleware the ``st.App`` entry installs, outermost first."""
    return []
