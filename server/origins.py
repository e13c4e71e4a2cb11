"""Cross-origin websocket handshakes answered without Streamlit's external-IP lookup.

For a websocket whose ``Origin`` differs from its ``Host``, Streamlit 1.67 checks a list of
allowed hosts in order, and one entry is the machine's external IP, fetched from
checkip.amazonaws.com with a blocking HTTP call inside the event loop (and retried on every
handshake while it fails). Where outbound traffic is silently dropped or DNS stalls, every such
handshake froze the whole replica. No setting turns that lookup off (``server.enableCORS =
false`` skips it only by allowing every origin), so this middleware makes the same decision
first with everything but the lookup: localhost, the manually set ``browser.serverAddress``,
the machine's internal IP and ``server.corsAllowedOrigins``. A refused origin is closed here
(code 1008, as Streamlit does); an accepted one reaches Streamlit as same-origin, so it never
starts the lookup. To allow a public address, list it in ``server.corsAllowedOrigins``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlparse

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]
LOCAL_HOSTS = frozenset({"localhost", "0.0.0.0", "127.0.0.1"})


AllowedHosts = tuple[bool, frozenset[str], frozenset[str]]


def _streamlit_allowed_hosts() -> AllowedHosts:
    """(every origin allowed?, hosts Streamlit accepts before its lookup, hosts it checks after)."""
    from streamlit import config, net_util, url_util

    if not config.get_option("server.enableCORS") or config.get_option("global.developmentMode"):
        return True, frozenset(), frozenset()
    early = set(LOCAL_HOSTS)
    if config.is_manually_set("browser.serverAddress"):
        early.add(str(url_util.get_hostname(config.get_option("browser.serverAddress"))))
    late = set()
    internal = net_util.get_internal_ip()  # a UDP socket's own address: no packet is sent
    if internal:
        late.add(internal)
    for origin in config.get_option("server.corsAllowedOrigins") or []:
        name = url_util.get_hostname(str(origin).strip())
        if name:
            late.add(name)
    return False, frozenset(early), frozenset(late - early)


class OriginGuard:
    """ASGI middleware; ``allowed_hosts`` is injectable for tests."""

    def __init__(self, app: ASGIApp, allowed_hosts: Callable[[], AllowedHosts] = _streamlit_allowed_hosts) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return
        headers = list(scope.get("headers", []))
        origin = _get(headers, b"origin")
        host = _get(headers, b"host")
        if origin is None or host is None or urlparse(origin).netloc == host:
            await self.app(scope, receive, send)  # no Origin or same origin: Streamlit never looks up
            return
        allow_all, early, late = self.allowed_hosts()
        parsed = urlparse(origin)
        if allow_all or parsed.hostname in early:  # Streamlit says yes before reaching the lookup
            await self.app(scope, receive, send)
            return
        if parsed.hostname not in late:
            await send({"type": "websocket.close", "code": 1008})
            return
        # Allowed, but Streamlit would try the external IP before reaching this host in its list.
        same_origin = f"{parsed.scheme}://{host}".encode("latin-1")
        rewritten = [(k, same_origin if k.lower() == b"origin" else v) for k, v in headers]
        await self.app({**scope, "headers": rewritten}, receive, send)


def _get(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None
