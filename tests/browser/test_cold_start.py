"""A deep link opened first on a cold server goes through the router.

Streamlit decides at its first session whether a ``pages/`` folder next to the entry script means
its old multipage mode; with one folder per page (no ``*.py`` directly in ``pages/``) the old mode
finds no page files, and the router's ``st.navigation`` takes over on that first request. This
runs in its own file with its own fresh server, because any earlier visit would warm it.

Plain ``streamlit run app.py`` would show a "Page not found" notice on that first request, before
the router takes over; ``scripts/serve.py`` (how the project starts the server) settles the old
mode before the server starts, so nothing is logged and nothing shows.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from components.registry import BY_ID, PAGES
from scripts.devserver import launch_browser, streamlit_server

pytestmark = pytest.mark.browser


def test_first_request_is_a_deep_link_and_the_router_runs() -> None:
    page = BY_ID["buyers"]
    with streamlit_server() as url, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        messages: list[str] = []
        tab.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
        tab.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        tab.goto(f"{url}/{page.url_path}")
        tab.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
        assert tab.locator("h1").first.inner_text().strip() == page.title
        nav = tab.locator('[data-testid="stSidebarNav"]').inner_text()
        assert all(p.title in nav for p in PAGES), nav
        assert "page" not in nav.lower().split(), nav  # no file names such as "page" or "app"
        assert "app" not in nav.lower().split(), nav
        errors = [m for m in messages if m.startswith(("error", "pageerror")) and "Failed to load resource" not in m]
        assert errors == [], errors
        assert tab.get_by_text("Page not found").count() == 0
        messages.clear()
        tab.goto(f"{url}/{BY_ID['chips'].url_path}")  # a second deep link: no message any more
        tab.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
        assert tab.locator("h1").first.inner_text().strip() == BY_ID["chips"].title
        assert [
            m for m in messages if m.startswith(("error", "pageerror")) and "Failed to load resource" not in m
        ] == []
        assert tab.get_by_text("Page not found").count() == 0
        browser.close()
