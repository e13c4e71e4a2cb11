"""Every route served beside the Streamlit app. Each module adds its own routes here."""

from __future__ import annotations

from starlette.routing import BaseRoute


def routes() -> list[BaseRoute]:
    """The Starlette routes the ``st.App`` entry mounts (the feed, the data API, ...)."""
    return []
