"""Sign-in end to end: real Chromium, `streamlit run app.py` with sign-in settings, and a local
OpenID provider (oidc-provider-mock). Its users are registered with their claims first, so a test
signs in as a chosen subject with a chosen (verified or unverified) address.

Covers what the gate (server/gate.py) must hold on the real server: the sign-in screen for every
path, identity by (issuer, sub) with ``email_verified`` required, sign-out ending every copy of the
cookie, the maximum age and an expired ID token, and downloads (``/media``) behind the session.
"""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.registry import PAGES
from scripts.devserver import streamlit_server
from server.revocation import RevocationList
from tests.browser.oidc import oidc_provider, sign_in
from tests.signin_cookies import USER_COOKIE, read_claims, user_cookies

pytestmark = pytest.mark.browser

COOKIE_SECRET = "test-only-cookie-secret-0123456789abcdef"
SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "{secret}"
client_id = "h200-tracker"
client_secret = "test-only-client-secret"
server_metadata_url = "{issuer}/.well-known/openid-configuration"

[access]
allowed_domains = ["example.com"]
allowed_emails = ["guest@partner.org"]
editors = ["ana@example.com"]
session_max_age_hours = 8
"""
USERS = {
    "ana-1": {"email": "Ana@Example.com", "email_verified": True},
    "mallory-1": {"email": "mallory@example.org", "email_verified": True},
    "attacker-7f3a": {"email": "ANA@example.com"},  # an editor's address, never verified
}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """oidc-provider-mock on a free loopback port with USERS registered; yields its issuer URL."""
    with oidc_provider(USERS) as issuer:
        yield issuer


@pytest.fixture(scope="module")
def signin_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the app's secrets file and revocation list live."""
    return Path(tmp_path_factory.mktemp("signin"))


@pytest.fixture(scope="module")
def signin_app(provider: str, signin_folder: Path) -> Iterator[str]:
    """The app with a temporary secrets file (and only that one) pointing at the provider."""
    secrets = signin_folder / "secrets.toml"
    secrets.write_text(SECRETS.format(issuer=provider, secret=COOKIE_SECRET))
    env = {"STREAMLIT_SECRETS_FILES": str(secrets), "H200_REVOCATION_FILE": str(signin_folder / "revoked.json")}
    with streamlit_server(env=env) as url:
        yield url


@pytest.fixture(scope="module")
def revocations(signin_folder: Path) -> RevocationList:
    """The revocation list the app reads (as ``python -m server.revoke`` writes it)."""
    return RevocationList(signin_folder / "revoked.json")


def _jar(context) -> dict[str, str]:
    return {c["name"]: c["value"] for c in context.cookies() if c["name"].startswith(USER_COOKIE)}


def _fetch(url: str, jar: dict[str, str] | None = None, accept: str = "*/*") -> tuple[int, str]:
    headers = {"Accept": accept}
    if jar:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def _assert_no_dashboard(page) -> None:
    assert page.locator('[data-testid="stSidebar"]').count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert page.locator(".js-plotly-plot").count() == 0
    body = page.inner_text("body")
    for listed in PAGES:
        assert listed.title not in body, listed.title


def _wait_for_dashboard(page, heading: str = "Overview") -> None:
    page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
    assert page.locator("h1").first.inner_text().strip() == heading


def _opens_dashboard(browser, url: str, jar: dict[str, str]) -> bool:
    """Does a fresh browser holding only ``jar`` get the dashboard (True) or the sign-in screen?"""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": k, "value": v, "url": url} for k, v in jar.items()])
    page = context.new_page()
    page.goto(f"{url}/")
    page.locator('.js-plotly-plot .main-svg, [role=button]:has-text("Sign in")').first.wait_for(
        state="attached", timeout=60000
    )
    signed_in = page.get_by_role("button", name="Sign in").count() == 0
    if not signed_in:
        _assert_no_dashboard(page)
    context.close()
    return signed_in


def test_signed_out_user_sees_only_the_sign_in_screen(signin_app, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in ("/", "/buyers"):  # the landing page and a deep link
        page.goto(f"{signin_app}{path}")
        page.get_by_role("button", name="Sign in").wait_for(timeout=60000)
        page.wait_for_timeout(1500)  # let anything else that would render arrive
        assert page.locator("h1").first.inner_text().strip() == "H200 China Tracker"
        assert "sign in with your work account" in page.inner_text("body")
        _assert_no_dashboard(page)
    page.screenshot(path=str(Path(os.environ.get("H200_SHOTS", "/tmp")) / "gate-sign-in-1280.png"))
    context.close()
    for path in ("/_stcore/metrics", "/media/0123456789abcdef.csv", "/feed.atom", "/api/v1/claims.csv"):
        status, body = _fetch(f"{signin_app}{path}")
        assert status == 401 and "Sign in" in body, (path, status, body[:200])
    assert _fetch(f"{signin_app}/_stcore/health")[0] == 200  # health checks stay open


def test_allowed_user_signs_in_and_sees_the_dashboard(signin_app, provider, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, signin_app, "ana-1")
    _wait_for_dashboard(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Signed in as ana@example.com" in sidebar.inner_text()
    assert sidebar.get_by_role("button", name="Sign out").count() == 1
    assert page.locator('[data-testid="stSidebarNav"]').get_by_text("Buyers").count() == 1

    page.goto(f"{signin_app}/buyers")  # the identity cookie carries over to a new session
    _wait_for_dashboard(page, "Buyers")
    claims = read_claims(_jar(context), COOKIE_SECRET)
    assert (claims["iss"], claims["sub"], claims["email_verified"]) == (provider, "ana-1", True)
    context.close()


def test_an_unverified_address_of_an_editor_gets_nothing(signin_app, browser) -> None:
    """The finding: sub attacker-7f3a with email ANA@example.com (unverified) became an editor."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, signin_app, "attacker-7f3a")
    page.get_by_text("Access not granted").wait_for(timeout=60000)
    page.wait_for_timeout(1500)
    assert "not confirmed that ana@example.com is verified" in page.inner_text("body")
    _assert_no_dashboard(page)
    jar = _jar(context)
    assert read_claims(jar, COOKIE_SECRET)["sub"] == "attacker-7f3a"
    for path in ("/", "/add-report", "/feed.atom", "/_stcore/metrics"):
        assert _fetch(f"{signin_app}{path}", jar)[0] == 403, path
    context.close()


def test_disallowed_user_is_refused_and_can_sign_out(signin_app, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, signin_app, "mallory-1")
    page.get_by_text("Access not granted").wait_for(timeout=60000)
    page.wait_for_timeout(1500)
    assert "mallory@example.org is not on this tracker's access list" in page.inner_text("body")
    _assert_no_dashboard(page)

    page.get_by_role("button", name="Sign out").click()  # Streamlit ends the provider's session too
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Sign in").wait_for(timeout=60000)
    _assert_no_dashboard(page)
    context.close()


def test_a_cookie_copied_before_sign_out_is_refused_afterwards(signin_app, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, signin_app, "ana-1")
    _wait_for_dashboard(page)
    copied = _jar(context)
    assert _opens_dashboard(browser, signin_app, copied)  # the copy works while signed in

    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Sign in").wait_for(timeout=60000)
    context.close()

    assert not _opens_dashboard(browser, signin_app, copied)
    status, body = _fetch(f"{signin_app}/", copied, accept="text/html")
    assert status == 401 and "signed out or revoked" in body


def test_old_cookies_and_expired_id_tokens_are_refused(signin_app, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, signin_app, "ana-1")
    _wait_for_dashboard(page)
    claims = read_claims(_jar(context), COOKIE_SECRET)
    context.close()
    now = time.time()

    assert _opens_dashboard(browser, signin_app, user_cookies(claims, COOKIE_SECRET))  # re-signed now: the control
    signed_29_days_ago = user_cookies(claims, COOKIE_SECRET, signed_at=now - 29 * 86400)
    signed_9_hours_ago = user_cookies(claims, COOKIE_SECRET, signed_at=now - 9 * 3600)  # max age: 8 hours
    expired_id_token = user_cookies({**claims, "exp": int(now - 86400)}, COOKIE_SECRET)
    for jar, reason in (
        (signed_29_days_ago, "older than the maximum age"),
        (signed_9_hours_ago, "older than the maximum age"),
        (expired_id_token, "ID token has expired"),
    ):
        assert not _opens_dashboard(browser, signin_app, jar), reason
        status, body = _fetch(f"{signin_app}/", jar, accept="text/html")
        assert status == 401 and reason in body


def test_a_download_link_needs_the_session(signin_app, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    sign_in(page, signin_app, "ana-1")
    page.goto(f"{signin_app}/supply-demand")
    _wait_for_dashboard(page, "Supply vs demand")
    page.get_by_text("Download supply and demand data").click()
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("CSV \\(all\\)")).click()
    url = download.value.url
    assert "/media/" in url
    status, body = _fetch(url, _jar(context))
    assert status == 200 and "Figure" in body  # the signed-in user gets the file
    status, body = _fetch(url)  # the same link without the cookie
    assert status == 401 and "Figure" not in body
    context.close()


def test_an_open_tab_stops_once_its_session_is_revoked(signin_app, provider, revocations, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, signin_app, "ana-1")
    _wait_for_dashboard(page)
    revocations.end_subject(provider, "ana-1")  # what python -m server.revoke --subject does
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Buyers").click()
    page.wait_for_timeout(5000)
    shots = Path(os.environ.get("H200_SHOTS", "/tmp"))
    page.screenshot(path=str(shots / "gate-revoked-open-tab-1280.png"))
    assert page.locator("h1").filter(has_text="Buyers").count() == 0  # the next page never arrives
    page.reload()
    page.get_by_role("button", name="Sign in").wait_for(timeout=60000)
    assert "signed out or revoked" in page.inner_text("body")
    _assert_no_dashboard(page)
    context.close()
