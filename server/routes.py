"""Every route served beside the Streamlit app: the Atom feed and the data API.

Mounted by the ``st.App`` entry in ``app.py``; the sign-in gate (``server.middleware``) wraps
these as it wraps Streamlit's own paths.
"""

from __future__ import annotations

from starlette.routing import BaseRoute

from server.api import api_routes
from server.feed import feed_routes


def routes() -> list[BaseRoute]:
    """The Starlette routes the ``st.App`` entry mounts."""
    return [*feed_routes(), *api_routes()]
