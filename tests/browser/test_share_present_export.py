"""Shared links, meeting mode and downloads, in real Chromium."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from scripts.devserver import ROOT, streamlit_server
from tests.conftest import day_after_newest, newest_report_day

pytestmark = pytest.mark.browser


def _open(browser, url: str, viewport=(1280, 900)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None,
    )
    page.goto(url)
    # A slide of headline numbers (the overview in meeting mode) has no chart.
    page.wait_for_selector(".js-plotly-plot .main-svg, [data-testid=stMetricValue]", state="attached", timeout=60000)
    page.wait_for_timeout(1500)
    return context, page, errors


def _chart_data(page) -> list:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => p.data.map(t => [t.name || '', (t.y || []).map(String), (t.x || []).map(String)]))"
    )


def _status(page) -> str:
    return page.get_by_text(re.compile(r"^Data as of ")).first.inner_text()


def test_shared_link_restores_the_view_in_a_fresh_browser(app_url, browser) -> None:
    start = f"{app_url}/timeline?as_of=2026-02-01&window=All+dates&lanes=Nvidia&confidence=Hide+low+confidence"
    context, page, errors = _open(browser, start)
    assert "01 Feb 2026" in _status(page)
    data = _chart_data(page)
    lanes = {y for chart in data for _, ys, _ in chart for y in ys}
    assert lanes == {"Nvidia"}  # the actor filter from the link is applied to the chart
    page.get_by_text("Share this view").click()
    link = page.locator("[data-testid='stSidebar'] code").first.inner_text().strip()
    assert link.startswith(f"{app_url}/timeline?") and "as_of=2026-02-01" in link and "lanes=nvidia" in link
    context.close()
    assert errors == []

    fresh, again, errors = _open(browser, link)
    assert "01 Feb 2026" in _status(again)
    assert _chart_data(again) == data
    assert again.get_by_text("Since Nov 2025").count() >= 1  # the control is there...
    selected = again.locator("[data-testid='stMultiSelect']").first.inner_text()
    assert "Nvidia" in selected  # ...and the restored selection shows in the widget
    fresh.close()
    assert errors == []


def test_garbled_link_shows_defaults_and_a_notice(app_url, browser) -> None:
    context, page, errors = _open(browser, f"{app_url}/chips?as_of=2026-13-45&confidence=%3Cscript%3E&metric=nope")
    assert "Ignored as_of=2026-13-45" in page.inner_text("body")
    assert "Ignored confidence=<script>" in page.inner_text("body")
    assert f"{newest_report_day(ROOT / 'seeds'):%d %b %Y}" in _status(page)  # the default: the newest report
    assert page.locator("h1").first.inner_text() == "Chips"
    context.close()
    assert errors == []


def test_meeting_mode_hides_chrome_and_steps_with_the_keyboard(app_url, browser) -> None:
    context, page, errors = _open(browser, f"{app_url}/?briefing=h200-status&step=1&present=1", viewport=(1920, 1080))
    assert not page.locator("[data-testid='stHeader']").is_visible()
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.locator(".modebar-container .modebar").count() == 0 or not page.locator(".modebar").first.is_visible()
    assert "step 1 of 8" in page.inner_text("body")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/timeline\?.*step=2"), timeout=30000)
    page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
    assert "step 2 of 8" in page.inner_text("body")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"step=3"), timeout=30000)
    page.wait_for_timeout(2000)
    assert "27 Jan 2026" in _status(page)  # step 3 pins its own as-of date
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"/timeline\?.*step=2"), timeout=30000)
    page.wait_for_timeout(1500)
    assert "05 Jun 2026" in _status(page)
    context.close()
    assert errors == []


def test_downloads_are_valid_files(app_url, browser) -> None:
    context, page, errors = _open(browser, f"{app_url}/supply-demand")
    page.get_by_text("Download supply and demand data").click()
    with page.expect_download() as csv_download:
        page.get_by_role("button", name=re.compile("CSV \\(all\\)")).click()
    csv = pd.read_csv(csv_download.value.path())
    # the page's own column words (components.labels), and values in words too
    assert {"Figure", "Low", "High", "Basis", "Sources", "As reported"} <= set(csv.columns) and len(csv) > 20
    assert "more_than" not in set(csv["Bound"]) and "More than" in set(csv["Bound"])
    with page.expect_download() as xlsx_download:
        page.get_by_role("button", name=re.compile("XLSX \\(filtered\\)")).click()
    book = pd.read_excel(io.BytesIO(Path(xlsx_download.value.path()).read_bytes()), sheet_name=None)
    xlsx = next(frame for name, frame in book.items() if name != "About")
    assert 0 < len(xlsx) < len(csv) and list(xlsx.columns) == list(csv.columns)  # same human columns
    assert "About" in book
    with page.expect_download(timeout=60000) as html_download:
        page.get_by_role("button", name=re.compile("This view as HTML")).click()
    text = Path(html_download.value.path()).read_text()
    charts = page.locator(".js-plotly-plot").count()
    assert text.count('class="plotly-graph-div"') == charts
    assert (
        "Sources (" in text and "Reuters" in text and f"Data as of {newest_report_day(ROOT / 'seeds'):%d %b %Y}" in text
    )
    assert '"showSendToCloud": false' in text and '"displaylogo": false' in text
    assert 'src="https://cdn.plot.ly' not in text and len(text) > 1_000_000  # plotly.js embedded: works offline
    with page.expect_download(timeout=60000) as svg_download:
        page.get_by_role("button", name="SVG").first.click()  # title, as-of date and sources drawn in
    assert Path(svg_download.value.path()).read_text().startswith("<svg")
    context.close()
    assert errors == []


def test_script_in_a_seed_is_shown_as_text_and_never_runs(tmp_path, browser) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    day = day_after_newest(seeds)  # the newest report, so the overview's latest events show it
    hostile = (ROOT / "tests" / "fixtures" / "hostile" / "2026-06-04-hostile-html.yaml").read_text()
    (seeds / "sources" / f"{day}-hostile-html.yaml").write_text(hostile.replace("2026-06-04", day))
    with streamlit_server(env={"H200_SEEDS_DIR": str(seeds)}) as url:
        context, page, errors = _open(browser, f"{url}/")
        body = page.inner_text("body")
        assert page.evaluate("() => window.__pwned === undefined")
        assert "<script>window.__pwned = 1</script>" in body  # shown literally in the latest events
        assert page.locator("img[src='x']").count() == 0
        context.close()
    assert errors == []
