"""Every ASGI middleware wrapped around the app (Streamlit's own routes and ours)."""

from __future__ import annotations

from starlette.middleware import Middleware

from server.gate import Gate
from server.origins import OriginGuard


def middleware() -> list[Middleware]:
    """The middleware the ``st.App`` entry installs, outermost first.

    ``OriginGuard`` answers cross-origin websocket handshakes before Streamlit would look up the
    machine's external IP for them; ``Gate`` is the one sign-in check for every path.
    """
    return [Middleware(OriginGuard), Middleware(Gate)]
