from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.server import launch_browser, streamlit_server


@pytest.fixture(scope="session")
def app_url():
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()
