from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from scripts.devserver import launch_browser, streamlit_server


@pytest.fixture(scope="session")
def app_url():
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: Playwright's sync API holds an event loop on the main thread
    while it runs, so it is stopped after each browser module instead of living through the unit
    tests (which run their own event loops)."""
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()
