"""Sign-in end to end: real Chromium, `streamlit run app.py` with sign-in settings, and a local
OpenID provider (oidc-provider-mock) whose authorization form lets the test type any e-mail."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.registry import PAGES
from scripts.devserver import free_port, streamlit_server

pytestmark = pytest.mark.browser

SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "test-only-cookie-secret-0123456789abcdef"
client_id = "h200-tracker"
client_secret = "test-only-client-secret"
server_metadata_url = "{issuer}/.well-known/openid-configuration"

[access]
allowed_domains = ["example.com"]
allowed_emails = ["guest@partner.org"]
editors = ["ana@example.com"]
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """oidc-provider-mock on a free loopback port; yields its issuer URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "NO_COLOR": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("oidc-provider-mock did not start") from None
                time.sleep(0.2)
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def signin_app(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with a temporary secrets file (and only that one) pointing at the provider."""
    secrets = Path(tmp_path_factory.mktemp("secrets")) / "secrets.toml"
    secrets.write_text(SECRETS.format(issuer=provider))
    with streamlit_server(env={"STREAMLIT_SECRETS_FILES": str(secrets)}) as url:
        yield url


def _sign_in(page, url: str, email: str) -> None:
    """Open the app signed out, press Sign in, and authorize as `email` at the provider's form."""
    page.goto(f"{url}/")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("input[name=sub]", timeout=20000)  # the provider's authorization form
    page.fill("input[name=sub]", email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**", timeout=20000)


def _assert_no_dashboard(page) -> None:
    assert page.locator('[data-testid="stSidebar"]').count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert page.locator(".js-plotly-plot").count() == 0
    body = page.inner_text("body")
    for listed in PAGES:
        assert listed.title not in body, listed.title


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
    context.close()


def test_allowed_user_signs_in_and_sees_the_dashboard(signin_app, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _sign_in(page, signin_app, "Ana@Example.com")
    page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
    assert page.locator("h1").first.inner_text().strip() == "Overview"
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Signed in as ana@example.com" in sidebar.inner_text()
    assert sidebar.get_by_role("button", name="Sign out").count() == 1
    assert page.locator('[data-testid="stSidebarNav"]').get_by_text("Buyers").count() == 1

    page.goto(f"{signin_app}/buyers")  # the identity cookie carries over to a new session
    page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
    assert page.locator("h1").first.inner_text().strip() == "Buyers"
    context.close()


def test_disallowed_user_is_refused_and_can_sign_out(signin_app, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _sign_in(page, signin_app, "mallory@example.org")
    page.get_by_text("Access not granted").wait_for(timeout=60000)
    page.wait_for_timeout(1500)
    body = page.inner_text("body")
    assert "mallory@example.org is not on this tracker's access list" in body
    _assert_no_dashboard(page)

    page.get_by_role("button", name="Sign out").click()  # Streamlit ends the provider's session too
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Sign in").wait_for(timeout=60000)
    _assert_no_dashboard(page)
    context.close()
