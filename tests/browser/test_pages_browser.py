"""Real Chromium against `streamlit run`: every page draws its charts with no console errors."""

from __future__ import annotations

import re

import pytest

from components.registry import PAGES

pytestmark = pytest.mark.browser

# Streamlit's frontend first probes its endpoints under the page's own path (/<page>/_stcore/...)
# and falls back to the root; those 404s are the framework's, not ours. Anything else fails.
FRAMEWORK_PROBE = re.compile(r"/_stcore/(health|host-config)$")


def _url(base: str, page) -> str:
    return f"{base}/" if page.default else f"{base}/{page.url_path}"


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_page_renders_charts_without_console_errors(app_url, browser, page) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    console: list[str] = []
    failed: list[str] = []
    tab.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    tab.on(
        "response", lambda r: failed.append(r.url) if r.status >= 400 and not FRAMEWORK_PROBE.search(r.url) else None
    )
    tab.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    tab.goto(_url(app_url, page))
    if page.has_chart:
        tab.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
        tab.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 1", timeout=30000)
    else:
        tab.get_by_role("heading", name=page.title, level=1).wait_for(timeout=60000)
    tab.wait_for_timeout(1000)
    assert tab.locator("h1").first.inner_text().strip() == page.title
    assert tab.get_by_text("Page not found").count() == 0
    assert tab.locator('[data-testid="stException"]').count() == 0
    if page.has_chart:
        assert tab.locator(".js-plotly-plot .gtitle").count() >= 1  # the chart's takeaway title is drawn
        assert tab.get_by_text(re.compile(r"^Sources \(\d+ documents")).count() >= 1
    errors = [c for c in console if not c.startswith("Failed to load resource")]
    assert errors == [], errors
    assert failed == [], failed
    context.close()
