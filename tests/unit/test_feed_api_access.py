"""The feed and the API behind the real sign-in gate (server/gate.py, h-gate's middleware):
with sign-in on, anonymous requests are refused and a read token from the secrets opens them;
without settings everything stays open. The app's own middleware list is used, not a copy."""

from __future__ import annotations

import io

import feedparser
import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from server.gate import Gate
from server.routes import routes

TOKEN = "read-token-for-feed-tests-0123456789abcdef"
SECRETS = {
    "auth": {
        "redirect_uri": "http://testserver/oauth2callback",
        "cookie_secret": "test-only-cookie-secret-0123456789abcdef",
        "client_id": "h200-tracker",
        "client_secret": "test-only-client-secret",
        "server_metadata_url": "http://idp.test/.well-known/openid-configuration",
    },
    "access": {"allowed_domains": ["example.com"]},
    "read_tokens": {"notebook": TOKEN},
}
URLS = ["/feed.atom", "/feed.atom?page=approvals", "/api/v1/claims.csv?as_of=2026-03-01", "/api/v1/timeline.json"]


def _client(secrets: dict, tmp_path) -> TestClient:
    from server.revocation import RevocationList

    gate = Middleware(
        Gate,
        secrets=lambda: secrets,
        revocations=RevocationList(tmp_path / "revoked.json"),
        base_path=lambda: "",
        provider_token=lambda: "provider-token",
    )
    return TestClient(Starlette(routes=routes(), middleware=[gate]))


@pytest.mark.parametrize("url", URLS)
def test_sign_in_on_refuses_anonymous_requests(url, tmp_path) -> None:
    answer = _client(SECRETS, tmp_path).get(url)
    assert answer.status_code == 401
    assert b"<entry" not in answer.content and b"Claim id" not in answer.content


@pytest.mark.parametrize("url", URLS)
def test_a_read_token_opens_the_feed_and_the_api(url, tmp_path) -> None:
    client = _client(SECRETS, tmp_path)
    by_header = client.get(url, headers={"Authorization": f"Bearer {TOKEN}"})
    assert by_header.status_code == 200, by_header.text
    joiner = "&" if "?" in url else "?"
    by_query = client.get(f"{url}{joiner}token={TOKEN}")  # a feed reader or IMPORTDATA cannot send headers
    assert by_query.status_code == 200, by_query.text
    assert by_query.content == by_header.content
    assert TOKEN.encode() not in by_query.content  # the token is never echoed back
    if url.startswith("/feed.atom"):
        assert feedparser.parse(by_query.content).entries
    elif url.endswith(".json") or ".json?" in url:
        assert by_query.json()["tables"]
    else:
        assert len(pd.read_csv(io.BytesIO(by_query.content))) > 0
    wrong = client.get(url, headers={"Authorization": "Bearer not-the-token-0123456789abcdef"})
    assert wrong.status_code == 401


def test_without_settings_everything_is_open(tmp_path) -> None:
    client = _client({}, tmp_path)
    assert all(client.get(url).status_code == 200 for url in URLS)


def test_the_apps_middleware_list_holds_the_gate() -> None:
    from server.middleware import middleware

    assert Gate in [m.cls for m in middleware()]
