"""Sign-in through the balancer: two replicas behind HAProxy, the local OpenID provider, Chromium.

Signing in works under the balancer's Content-Security-Policy, and signing out on one replica
ends the session on both: a copy of the cookie made before *Sign out* is refused by each replica
(pinned with HAProxy's SERVERID cookie), through the revocation list beside the shared seeds.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy.cluster import STICKY_COOKIE, Cluster, free_port
from tests.browser.oidc import oidc_provider, sign_in
from tests.signin_cookies import USER_COOKIE

pytestmark = pytest.mark.browser

SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "test-only-cookie-secret-0123456789abcdef"
client_id = "h200-tracker"
client_secret = "test-only-client-secret"
server_metadata_url = "{issuer}/.well-known/openid-configuration"

[access]
allowed_domains = ["example.com"]
"""


def _status(url: str, cookies: dict[str, str]) -> int:
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    request = urllib.request.Request(url, headers={"Cookie": cookie, "Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _sign_in_copy_and_sign_out(browser, url: str, seen: dict) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, url, "bo-1")
    page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=90000)
    seen["copied"] = {c["name"]: c["value"] for c in context.cookies() if c["name"].startswith(USER_COOKIE)}
    seen["csp_errors"] = [e for e in errors if "Content Security Policy" in e or "CSP" in e]
    seen["before"] = {name: _status(f"{url}/", {**seen["copied"], STICKY_COOKIE: name}) for name in ("s1", "s2")}
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Sign in").wait_for(timeout=60000)
    context.close()


def test_sign_out_on_one_replica_ends_the_session_on_both(tmp_path: Path, shared_seeds: Path, run_in_browser) -> None:
    with oidc_provider({"bo-1": {"email": "bo@example.com", "email_verified": True}}) as issuer:
        port = free_port()
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(SECRETS.format(port=port, issuer=issuer))
        cluster = Cluster(processes=2, port=port, seeds=shared_seeds, env={"STREAMLIT_SECRETS_FILES": str(secrets)})
        with cluster as url:
            seen: dict = {}
            run_in_browser(_sign_in_copy_and_sign_out, url, seen)
            assert seen["csp_errors"] == []
            assert seen["before"] == {"s1": 200, "s2": 200}  # the copy works on both replicas
            after = {name: _status(f"{url}/", {**seen["copied"], STICKY_COOKIE: name}) for name in ("s1", "s2")}
            assert after == {"s1": 401, "s2": 401}
            assert (shared_seeds.parent / "state" / "revoked-sessions.json").exists()
