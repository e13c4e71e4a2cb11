"""The sign-in gate (server/gate.py) in front of a stand-in app, through Starlette's TestClient.

Cookies are made as ``st.login`` makes them (tests/signin_cookies.py), so what the gate accepts
here is what it accepts from Streamlit. The real OIDC round trip is tests/browser/test_signin_gate.py.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from server.gate import Gate
from server.revocation import RevocationList
from tests.signin_cookies import claims, user_cookies

SECRET = "test-only-cookie-secret-0123456789abcdef"
TOKEN = "read-token-for-tests-0123456789abcdef"
SECRETS = {
    "auth": {
        "redirect_uri": "http://testserver/oauth2callback",
        "cookie_secret": SECRET,
        "client_id": "h200-tracker",
        "client_secret": "test-only-client-secret",
        "server_metadata_url": "http://idp.test/.well-known/openid-configuration",
    },
    "access": {"allowed_domains": ["example.com"], "editors": ["ana@example.com"], "session_max_age_hours": 8},
    "read_tokens": {"notebook": TOKEN},
}
ANA = claims("ana-1", "ana@example.com")
PROTECTED = ["/", "/buyers", "/media/abc.csv", "/feed.atom", "/api/v1/claims.csv", "/_stcore/metrics", "/anything"]


async def _ok(request) -> PlainTextResponse:
    return PlainTextResponse(f"data at {request.url.path}")


async def _logout(request) -> RedirectResponse:
    response = RedirectResponse("/", status_code=302)
    response.delete_cookie("_streamlit_user")
    return response


async def _stream(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        while True:
            await websocket.send_text("echo " + await websocket.receive_text())
    except WebSocketDisconnect:
        pass


def _client(tmp_path: Path, secrets: dict | None = SECRETS, clock=time.time) -> tuple[TestClient, RevocationList]:
    revocations = RevocationList(tmp_path / "state" / "revoked-sessions.json")
    routes = [
        Route("/auth/logout", _logout),
        Route("/{path:path}", _ok, methods=["GET", "HEAD", "POST"]),
        WebSocketRoute("/_stcore/stream", _stream),
    ]
    gate = Middleware(
        Gate,
        secrets=lambda: secrets or {},
        revocations=revocations,
        clock=clock,
        base_path=lambda: "",
        provider_token=lambda: "provider-token",
    )
    return TestClient(Starlette(routes=routes, middleware=[gate])), revocations


def _get(client: TestClient, path: str, jar: dict[str, str] | None = None, **headers: str):
    client.cookies.clear()
    for name, value in (jar or {}).items():
        client.cookies.set(name, value)
    return client.get(path, headers=headers, follow_redirects=False)


def test_without_sign_in_settings_everything_is_open(tmp_path: Path) -> None:
    client, _ = _client(tmp_path, secrets=None)
    for path in PROTECTED:
        assert _get(client, path).status_code == 200, path
    with client.websocket_connect("/_stcore/stream") as ws:
        ws.send_text("hi")
        assert ws.receive_text() == "echo hi"


def test_every_path_needs_a_session_except_sign_in_and_health(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    for path in PROTECTED:
        response = _get(client, path)
        assert response.status_code == 401, path
        assert "data at" not in response.text
    for path in ("/_stcore/health", "/auth/login", "/oauth2callback"):
        assert _get(client, path).status_code == 200, path
    with pytest.raises(WebSocketDisconnect) as refused, client.websocket_connect("/_stcore/stream"):
        pass
    assert refused.value.code == 1008


def test_a_browser_gets_a_sign_in_page_with_no_data(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    page = _get(client, "/buyers", accept="text/html,application/xhtml+xml")
    assert page.status_code == 401 and page.headers["content-type"].startswith("text/html")
    assert "<h1>H200 China Tracker</h1>" in page.text and ">Sign in</button>" in page.text
    assert 'action="/auth/login"' in page.text and 'value="provider-token"' in page.text
    assert "<script" not in page.text and page.headers["cache-control"] == "no-store"


def test_an_allowed_verified_user_passes_everywhere(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    jar = user_cookies(ANA, SECRET)
    for path in PROTECTED:
        assert _get(client, path, jar).text == f"data at {path}"
    chunked = user_cookies({**ANA, "picture": secrets.token_hex(4000)}, SECRET)  # split as a large ID token is
    assert len(chunked) > 2 and _get(client, "/media/abc.csv", chunked).status_code == 200


@pytest.mark.parametrize(
    ("identity", "status"),
    [
        (claims("attacker-7f3a", "ANA@example.com", verified=None), 403),  # the finding: no email_verified
        (claims("attacker-7f3a", "ANA@example.com", verified=False), 403),
        (claims("attacker-7f3a", "ANA@example.com", verified="false"), 403),
        (claims("", "ana@example.com"), 403),  # no subject: nobody
        (claims("mallory", "mallory@example.org"), 403),  # not listed
        (claims("bo", "bo@example.com", verified="true"), 200),  # some providers send a string
    ],
)
def test_identity_needs_issuer_subject_and_a_verified_address(tmp_path: Path, identity: dict, status: int) -> None:
    client, _ = _client(tmp_path)
    response = _get(client, "/feed.atom", user_cookies(identity, SECRET))
    assert response.status_code == status, response.text
    if status == 403:
        assert "data at" not in response.text


def test_unverified_editor_address_is_refused_with_the_reason_in_plain_text(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    attacker = user_cookies(claims("attacker-7f3a", "<b>ANA</b>@example.com", verified=None), SECRET)
    page = _get(client, "/", attacker, accept="text/html")
    assert page.status_code == 403 and "<h1>Access not granted</h1>" in page.text
    assert "<b>" not in page.text  # an identity claim is never markup
    verified_ana = _get(client, "/", user_cookies(claims("attacker-7f3a", "ANA@example.com", verified=None), SECRET))
    assert "not confirmed that ana@example.com is verified" in verified_ana.text


def test_forged_and_foreign_cookies_are_refused(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    assert _get(client, "/", user_cookies(ANA, "another-secret-0123456789abcdef-xyz")).status_code == 401
    jar = user_cookies(ANA, SECRET)
    tampered = {"_streamlit_user": jar["_streamlit_user"][:-3] + "AAA"}
    assert _get(client, "/", tampered).status_code == 401
    assert _get(client, "/", {"_streamlit_user": "chunks-2"}).status_code == 401


def test_maximum_age_and_id_token_expiry(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    now = time.time()
    assert _get(client, "/", user_cookies(ANA, SECRET, signed_at=now - 7.5 * 3600)).status_code == 200
    assert _get(client, "/", user_cookies(ANA, SECRET, signed_at=now - 8.5 * 3600)).status_code == 401  # > 8 h
    assert _get(client, "/", user_cookies(ANA, SECRET, signed_at=now - 29 * 86400)).status_code == 401
    expired = claims("ana-1", "ana@example.com", exp_in=-86400)  # ID token expired a day ago
    assert "expired" in _get(client, "/", user_cookies(expired, SECRET)).text
    no_exp = {k: v for k, v in ANA.items() if k != "exp"}
    assert _get(client, "/", user_cookies(no_exp, SECRET)).status_code == 401


def test_sign_out_ends_every_copy_of_the_cookie(tmp_path: Path) -> None:
    client, revocations = _client(tmp_path)
    jar = user_cookies(ANA, SECRET)
    other_device = user_cookies(ANA, SECRET, signed_at=time.time() - 5)
    assert _get(client, "/feed.atom", jar).status_code == 200
    assert _get(client, "/auth/logout", jar).status_code == 302
    assert revocations.path.exists()
    for path in PROTECTED:
        assert _get(client, path, jar).status_code == 401, path  # the copy made before signing out
    assert _get(client, "/", other_device).status_code == 200  # another sign-in of the same person
    fresh_client, _ = _client(tmp_path)  # another replica reading the same file
    assert _get(fresh_client, "/", jar).status_code == 401


def test_an_open_websocket_closes_at_its_next_message_once_revoked(tmp_path: Path) -> None:
    client, revocations = _client(tmp_path)
    jar = user_cookies(ANA, SECRET)
    for name, value in jar.items():
        client.cookies.set(name, value)
    with client.websocket_connect("/_stcore/stream") as ws:
        ws.send_text("one")
        assert ws.receive_text() == "echo one"
        revocations.end_subject("http://idp.test", "ana-1")
        ws.send_text("two")
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_text()
        assert closed.value.code == 1008


def test_read_tokens_open_the_feed_and_api_only(tmp_path: Path) -> None:
    client, _ = _client(tmp_path)
    assert _get(client, "/feed.atom", authorization=f"Bearer {TOKEN}").status_code == 200
    assert _get(client, f"/api/v1/claims.csv?token={TOKEN}").status_code == 200
    assert _get(client, "/api/v1/claims.csv", authorization="Bearer wrong-token").status_code == 401
    assert _get(client, "/", authorization=f"Bearer {TOKEN}").status_code == 401
    assert _get(client, f"/media/abc.csv?token={TOKEN}").status_code == 401
    assert _get(client, "/_stcore/metrics", authorization=f"Bearer {TOKEN}").status_code == 401


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"auth": {**SECRETS["auth"], "cookie_secret": "short"}}, "cookie_secret"),
        ({"access": {"session_max_age_hours": 0}}, "session_max_age_hours"),
        ({"access": {"session_max_age_hours": "12"}}, "session_max_age_hours"),
        ({"read_tokens": {"notebook": "short"}}, "read_tokens"),
        ({"read_tokens": "x" * 40}, "read_tokens"),
    ],
)
def test_broken_settings_refuse_everyone_in_plain_words(tmp_path: Path, change: dict, message: str) -> None:
    client, _ = _client(tmp_path, secrets={**SECRETS, **change})
    response = _get(client, "/", user_cookies(ANA, SECRET))
    assert response.status_code == 503 and message in response.text
    assert "Traceback" not in response.text


def test_an_unreadable_revocation_list_refuses_everyone(tmp_path: Path) -> None:
    client, revocations = _client(tmp_path)
    revocations.path.parent.mkdir(parents=True)
    revocations.path.write_text("{not json")
    response = _get(client, "/", user_cookies(ANA, SECRET))
    assert response.status_code == 503 and "cannot be checked" in response.text


def test_cookies_get_secure_behind_https(tmp_path: Path) -> None:
    https = {**SECRETS, "auth": {**SECRETS["auth"], "redirect_uri": "https://tracker.example.com/oauth2callback"}}
    client, _ = _client(tmp_path, secrets=https)
    response = _get(client, "/auth/logout")
    assert response.headers["set-cookie"].endswith("; Secure")
    plain, _ = _client(tmp_path)
    assert "secure" not in _get(plain, "/auth/logout").headers["set-cookie"].lower()
