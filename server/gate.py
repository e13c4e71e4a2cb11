"""The one sign-in gate: an ASGI middleware in front of every route the server answers.

With sign-in on, each HTTP request and websocket handshake (the page, ``/_stcore/stream``,
``/media`` downloads, the feed, the API, ``/_stcore/metrics``, anything) needs a valid, unexpired,
unrevoked session whose identity the access lists allow; only sign-in itself
(``/auth/login``, ``/auth/logout``, ``/oauth2callback``) and ``/_stcore/health`` stay open. The
feed and the API also take a read token from ``[read_tokens]``. An open websocket is re-checked
on every message, so a revoked or expired session stops working mid-visit too. Signing out
(``/auth/logout``) puts the session on the shared revocation list before Streamlit deletes the
cookie, so copies of it die on every replica. Without ``[auth]`` settings everything passes.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import cookie_parser

from components.access import REFUSALS, Decision, decide, normalise_email
from server.revocation import RevocationList, default_path
from server.sessions import (
    NOBODY,
    GateSettings,
    Session,
    SessionRefused,
    read_session,
    read_token_label,
    settings_from_secrets,
    still_valid,
)

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_LOG = logging.getLogger(__name__)
OPEN_PATHS = frozenset({"/auth/login", "/auth/logout", "/oauth2callback", "/_stcore/health"})
TOKEN_PATHS = ("/feed.atom", "/api/")
LOGOUT_PATH = "/auth/logout"


def streamlit_secrets() -> Mapping[str, Any]:
    """The app's secrets as Streamlit reads them (files and ``st.App(secrets=...)``)."""
    from streamlit.runtime.secrets import secrets_singleton

    if not secrets_singleton.load_if_toml_exists():
        return {}
    return {key: secrets_singleton.get(key) for key in ("auth", "access", "read_tokens")}


def _base_path() -> str:
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def _provider_token() -> str:
    from streamlit.auth_util import encode_provider_token

    return encode_provider_token("default")


class Gate:
    """ASGI middleware; ``secrets``, ``revocations``, ``clock`` and ``base_path`` are injectable for tests."""

    def __init__(
        self,
        app: ASGIApp,
        secrets: Callable[[], Mapping[str, Any]] = streamlit_secrets,
        revocations: RevocationList | None = None,
        clock: Callable[[], float] = time.time,
        base_path: Callable[[], str] = _base_path,
        provider_token: Callable[[], str] = _provider_token,
    ) -> None:
        self.app = app
        self.secrets = secrets
        self.revocations = revocations or RevocationList(default_path())
        self.clock = clock
        self.base_path = base_path
        self.provider_token = provider_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        settings = settings_from_secrets(self.secrets())
        if settings is None:  # sign-in off: open, as without the gate
            await self.app(scope, receive, send)
            return
        base = self.base_path()
        path = str(scope.get("path", ""))
        local = path[len(base) :] if base and path.startswith(base) else path
        send = _secure_cookies(send, settings) if scope["type"] == "http" else send
        if local in OPEN_PATHS:
            if local == LOGOUT_PATH and settings.problem is None:
                self._end_session(scope, settings)
            await self.app(scope, receive, send)
            return
        if settings.problem is not None:
            await self._refuse(scope, send, 503, f"Sign-in is switched on but cannot work: {settings.problem}.", base)
            return
        if local.startswith(TOKEN_PATHS):
            label = read_token_label(_bearer(scope), settings)
            if label is not None:
                await self.app(scope, receive, send)
                return
        try:
            session = self._session(scope, settings)
        except SessionRefused as refused:
            await self._refuse(
                scope, send, 401, f"Sign in to open this tracker: {refused}.", base, sign_in=True, why=str(refused)
            )
            return
        except ValueError as broken:  # the revocation list cannot be read: fail closed
            _LOG.error("gate: %s", broken)
            await self._refuse(scope, send, 503, "Sign-in cannot be checked right now; try again shortly.", base)
            return
        decision = decide(session.claims, settings.policy)
        if decision is not Decision.ALLOWED:
            email = normalise_email(session.claims.get("email")) or ""
            await self._refuse(scope, send, 403, REFUSALS[decision].format(email=email), base, sign_out=True)
            return
        if scope["type"] == "websocket":
            receive, send = self._watch(session, settings, receive, send)
        await self.app(scope, receive, send)

    def _session(self, scope: Scope, settings: GateSettings) -> Session:
        now = self.clock()
        session = read_session(_cookies(scope), settings, now)
        if self.revocations.current().ends(session.key, session.claims, session.signed_at):
            raise SessionRefused("this session was signed out or revoked")
        return session

    def _end_session(self, scope: Scope, settings: GateSettings) -> None:
        try:
            session = read_session(_cookies(scope), settings, self.clock())
        except SessionRefused:
            return  # nothing valid to end
        self.revocations.end_session(session.key, session.signed_at, now=self.clock())

    def _watch(self, session: Session, settings: GateSettings, receive: Receive, send: Send) -> tuple[Receive, Send]:
        """Wrap a websocket so each incoming message re-checks the session; ended -> closed."""
        closed = False

        async def checked_receive() -> Message:
            nonlocal closed
            message = await receive()
            if message["type"] != "websocket.receive" or closed:
                return message
            reason = still_valid(session, settings, self.clock())
            try:
                if reason is None and self.revocations.current().ends(session.key, session.claims, session.signed_at):
                    reason = "signed out or revoked"
            except ValueError:
                reason = "the revocation list cannot be read"
            if reason is None:
                return message
            closed = True
            await send({"type": "websocket.close", "code": 1008, "reason": "session ended"})
            return {"type": "websocket.disconnect", "code": 1008}

        async def guarded_send(message: Message) -> None:
            if not closed:
                await send(message)

        return checked_receive, guarded_send

    async def _refuse(
        self,
        scope: Scope,
        send: Send,
        status: int,
        text: str,
        base: str,
        *,
        sign_in: bool = False,
        sign_out: bool = False,
        why: str = "",
    ) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        headers = [(b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff")]
        if status == 401:
            headers.append((b"www-authenticate", b'Bearer realm="h200-tracker"'))
        if _wants_html(scope):
            body = self._page(text, base, sign_in=sign_in, sign_out=sign_out, why=why).encode()
            headers.append((b"content-type", b"text/html; charset=utf-8"))
        else:
            body = (text + "\n").encode()
            headers.append((b"content-type", b"text/plain; charset=utf-8"))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else body})

    def _page(self, text: str, base: str, *, sign_in: bool, sign_out: bool, why: str = "") -> str:
        """A self-contained page (no script, no data): sign in, or why access is refused."""
        if sign_in:
            title = "H200 China Tracker"
            lead = "This tracker is for invited colleagues: sign in with your work account to open it."
            if why and why != NOBODY:
                lead += f" (Your earlier session has ended: {why}.)"
            token = html.escape(self.provider_token(), quote=True)
            action = (
                f'<form method="get" action="{html.escape(base)}/auth/login">'
                f'<input type="hidden" name="provider" value="{token}">'
                '<button type="submit">Sign in</button></form>'
            )
        else:
            title = "Access not granted"
            lead = text  # identity claims are escaped below, never markup
            action = (
                f'<form method="get" action="{html.escape(base)}/auth/logout"><button type="submit">Sign out</button></form>'
                if sign_out
                else ""
            )
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body><main>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(lead)}</p>{action}</main></body></html>"
        )


_STYLE = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1f2933;background:#fff}"
    "main{max-width:40rem;margin:12vh auto;padding:0 1.5rem}h1{font-size:2rem;margin-bottom:.5rem}"
    "p{font-size:1.05rem;line-height:1.5}button{font:inherit;padding:.5rem 1.25rem;border-radius:.5rem;"
    "border:1px solid #1f4e79;background:#1f4e79;color:#fff;cursor:pointer}"
)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _cookies(scope: Scope) -> dict[str, str]:
    """The request's cookies, parsed as Starlette (and so Streamlit) parses them."""
    cookies: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        if key.lower() == b"cookie":
            cookies.update(cookie_parser(value.decode("latin-1")))
    return cookies


def _bearer(scope: Scope) -> str | None:
    authorization = _header(scope, b"authorization") or ""
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    values = query.get("token")
    return values[0] if values else None


def _wants_html(scope: Scope) -> bool:
    return scope.get("method") in ("GET", "HEAD") and "text/html" in (_header(scope, b"accept") or "")


def _secure_cookies(send: Send, settings: GateSettings) -> Send:
    """Behind HTTPS (an https ``redirect_uri``), every cookie the app sets gets ``Secure``."""
    if not settings.https:
        return send

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = []
            for key, value in message.get("headers", []):
                attributes = [part.strip().lower() for part in value.split(b";")[1:]]
                if key.lower() == b"set-cookie" and b"secure" not in attributes:
                    value = value + b"; Secure"
                headers.append((key, value))
            message = {**message, "headers": headers}
        await send(message)

    return wrapped
