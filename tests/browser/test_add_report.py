"""Add a report in a real browser, with editing on over a temporary copy of seeds/: paste a re-carried
wire story, see the duplicate warning, write the summaries, download YAML that validates, save it,
and find it on "What's new" and the timeline. Bad uploads get a message and write nothing."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from data.load import load_seeds
from data.safe_save import audit_records
from scripts.devserver import ROOT, launch_browser, streamlit_server
from tests.conftest import forget_added_dates

pytestmark = pytest.mark.browser

ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "02-business-times-75k-cap.txt"
EXISTING = "2026-03-03-bloomberg-us-weighs-75k-h200-cap"
SUMMARIES = [  # the analyst's own words, one per drafted claim in the order drafted
    "Washington was said to be weighing a per-customer ceiling on H200 sales to China.",
    "AMD's rival accelerator would be counted toward each buyer's quota as well.",
    "If every cleared buyer used its whole quota, shipments might total a million chips.",
    "Only a handful of US export licences for the chip had been issued at that point.",
]


@pytest.fixture(scope="module")
def editing_app(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("add-report") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    forget_added_dates(seeds)
    with streamlit_server(env={"H200_SEEDS_DIR": str(seeds), "H200_EDITING": "1"}) as url:
        yield url, seeds


@pytest.fixture(scope="module")
def browser():
    """This module's own browser, closed when the module ends: the session-wide one in conftest
    would still hold a Playwright loop when test_cold_start starts its own."""
    with sync_playwright() as playwright:
        own = launch_browser(playwright)
        yield own
        own.close()


def _files(seeds: Path) -> list[str]:
    return sorted(p.name for p in (seeds / "sources").iterdir())


def _draft(page, url: str) -> None:
    page.goto(f"{url}/add-report")
    page.get_by_role("button", name="Draft from this report").wait_for(timeout=60000)


def _settle(page) -> None:
    """Wait until the script run has finished, so no late update redraws the grid mid-edit."""
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !(document.querySelector('[data-testid=\"stStatusWidget\"]')?.innerText || '').includes('Running')",
        timeout=30000,
    )


def _edit_cell(page, grid, row: int, text: str) -> None:
    """The summary is the grid's first column: select the cell, type, Enter commits."""
    _settle(page)
    box = grid.locator("canvas").first.bounding_box()  # the page is taller than its content: nothing scrolls
    page.mouse.click(box["x"] + 60, box["y"] + 35 * (row + 1) + 17)
    page.wait_for_timeout(300)
    page.keyboard.type(text[0])  # typing on a selected cell opens its editor with that letter
    page.wait_for_timeout(400)
    page.keyboard.type(text[1:])
    page.wait_for_timeout(500)
    page.keyboard.press("Enter")


def _set_published_today(page, today: dt.date) -> None:
    """The date field is three spin buttons (year, month, day): type into each, then leave the field."""
    for part, value in (("year", f"{today.year}"), ("month", f"{today.month:02d}"), ("day", f"{today.day:02d}")):
        page.get_by_role("spinbutton", name=f"{part}, Published").click()
        page.keyboard.type(value)
    page.keyboard.press("Escape")
    for _ in range(2):  # leaving the field commits the date; the second click is not swallowed by the picker
        page.get_by_role("heading", name="2 · The report").click()
        page.wait_for_timeout(300)
    expect(page.get_by_role("textbox", name="File name and id")).to_have_value(
        re.compile("^" + today.isoformat()), timeout=15000
    )


def test_paste_duplicate_edit_download_save_and_find(editing_app, browser, tmp_path) -> None:
    url, seeds = editing_app
    today = dt.date.today()
    context = browser.new_context(viewport={"width": 1280, "height": 3000}, accept_downloads=True)
    page = context.new_page()
    _draft(page, url)
    page.get_by_label("Paste the article").fill(ARTICLE.read_text())
    page.get_by_role("button", name="Draft from this report").click()

    page.get_by_text("Possibly already in the tracker").wait_for(timeout=30000)
    page.get_by_text("As another outlet carrying the Bloomberg report of 03 Mar 2026").wait_for(timeout=30000)
    body = page.inner_text("body")
    assert "Bloomberg, 03 Mar 2026" in body and "US considers capping H200 sales at 75,000" in body
    assert "Business Times is already listed as carrying this story" in body

    grid = page.locator(".st-key-ar_claims_editor").first  # the claims grid (the form has its own small one)
    for row, summary in enumerate(SUMMARIES):
        _edit_cell(page, grid, row, summary)
        left = len(SUMMARIES) - row - 1  # each summary clears one problem; wait for the rerun to show it
        done = f"{left} thing{'' if left == 1 else 's'} to fix" if left else "The file passes the tracker's checks"
        page.get_by_text(done).wait_for(timeout=30000)
    _set_published_today(page, today)  # the analyst records it as today's report
    page.get_by_text("The file passes the tracker's checks").wait_for(timeout=30000)
    page.get_by_text("Headline figures, before → after").wait_for(timeout=30000)
    _settle(page)

    with page.expect_download() as info:
        page.get_by_role("button", name="Download YAML").click()
    downloaded = tmp_path / info.value.suggested_filename
    info.value.save_as(downloaded)
    assert downloaded.name.startswith(today.isoformat()) and downloaded.suffix == ".yaml"
    check = tmp_path / "check-seeds"
    shutil.copytree(ROOT / "seeds", check)
    shutil.copy(downloaded, check / "sources" / downloaded.name)
    loaded = load_seeds(check)
    assert loaded.problems == []
    source = loaded.sources[downloaded.stem]
    assert source.published == today and source.added == today and source.publisher == "Business Times"
    assert sorted(r.claim.summary for r in loaded.claims if r.source_id == source.id) == sorted(SUMMARIES)

    before = _files(seeds)
    page.get_by_role("button", name="Save into seeds/").click()
    page.get_by_text(f"Saved as seeds/sources/{downloaded.name}").wait_for(timeout=30000)
    assert _files(seeds) == sorted([*before, downloaded.name])
    stamp, saved = (seeds / "sources" / downloaded.name).read_text().split("\n", 1)
    assert saved == downloaded.read_text()  # the download, under one comment line naming the saver
    assert stamp.startswith("# Saved by local editor on ") and stamp.endswith(" UTC (Add a report).")
    assert [r["file"] for r in audit_records(seeds)] == [f"sources/{downloaded.name}"]

    page.get_by_text("See it on What's new").click()
    page.get_by_role("heading", name="New reports (1)").wait_for(timeout=60000)
    assert f"latest report {today:%d %b %Y}" in page.inner_text("body")

    page.goto(f"{url}/timeline")
    page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
    page.get_by_text(re.compile(r"^All \d+ sources behind this")).first.click()  # the chart's source list
    page.get_by_text("US mulls capping Nvidia H200 sales at 75,000 per Chinese customer").first.wait_for(timeout=30000)
    body = page.inner_text("body")
    assert f"{today:%d %b %Y} · Business Times" in body
    assert f"Data as of {today:%d %b %Y}" in body  # the as-of control reaches today's report
    context.close()


def test_bad_uploads_get_a_message_and_write_nothing(editing_app, browser) -> None:
    url, seeds = editing_app
    before = _files(seeds)
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    page = context.new_page()
    _draft(page, url)
    cases = [
        ({"name": "article.txt", "mimeType": "text/plain", "buffer": b"\x00\x01\x02PK\x03\x04" * 200}, "binary data"),
        (
            {"name": "<img src=x onerror=alert(1)>.txt", "mimeType": "text/plain", "buffer": ARTICLE.read_bytes()},
            "That file name is not accepted",
        ),
    ]
    for upload, message in cases:
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(upload)
        page.wait_for_timeout(1000)
        page.get_by_role("button", name="Draft from this report").click()
        page.get_by_text(message, exact=False).first.wait_for(timeout=30000)
        assert page.get_by_text("Nothing was drafted or written.").count() == 1
        assert page.locator('[data-testid="stException"]').count() == 0
    big = {"name": "big.txt", "mimeType": "text/plain", "buffer": b"word " * (5 * 1024 * 1024 // 5 + 10)}
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(big)
    page.get_by_text(re.compile(r"File must be .* or smaller")).first.wait_for(timeout=15000)
    page.get_by_role("button", name="Draft from this report").click()  # the refused file never reaches the server
    page.get_by_text("Nothing was drafted or written.").first.wait_for(timeout=30000)
    assert page.get_by_text("Possibly already in the tracker").count() == 0
    assert _files(seeds) == before
    context.close()


def _type_cell(page, grid, x: float, text: str, done) -> None:
    """Type into the grid's first row at ``x`` (from the right edge when negative), Enter, and wait
    until ``done()``; a late redraw can swallow a click, so up to three tries."""
    for _ in range(3):
        _settle(page)
        page.wait_for_timeout(1000)
        box = grid.locator("canvas").first.bounding_box()
        page.mouse.click(box["x"] + (x if x >= 0 else box["width"] + x), box["y"] + 52)
        page.wait_for_timeout(400)
        page.keyboard.type(text[0])  # typing on a selected cell opens its editor with that letter
        page.wait_for_timeout(400)
        page.keyboard.type(text[1:])
        page.wait_for_timeout(500)
        page.keyboard.press("Enter")
        for _ in range(5):
            _settle(page)
            if done():
                return


def test_other_outlets_carrying_it_are_rows_of_the_form(editing_app, browser) -> None:
    # The form's "Also carried by" grid in Chromium: an outlet typed into the empty row and a date
    # typed in its date cell reach the YAML file; the empty address reads as nothing, not "None".
    url, _seeds = editing_app
    context = browser.new_context(viewport={"width": 1280, "height": 2600})
    page = context.new_page()
    _draft(page, url)
    page.get_by_label("Paste the article").fill(ARTICLE.read_text())
    page.get_by_role("button", name="Draft from this report").click()
    page.get_by_text("2 · The report").wait_for(timeout=30000)
    page.get_by_text("The YAML file").click()
    _settle(page)
    grid = page.locator(".st-key-ar_src_carried_by").first
    pattern = re.compile(r"- outlet: (\S+)\s+url: null\s+published: (\S+)")

    def shown() -> tuple[str, str] | None:
        found = pattern.search(page.inner_text("body"))  # the YAML file, open below the form
        return found.groups() if found else None

    _type_cell(page, grid, 100, "Engadget", lambda: shown() is not None)  # the outlet cell of the empty row
    assert shown() == ("Engadget", "null")
    _type_cell(page, grid, -80, "2026-03-04", lambda: shown() == ("Engadget", "2026-03-04"))  # its date cell
    assert shown() == ("Engadget", "2026-03-04")
    assert page.locator('[data-testid="stException"]').count() == 0
    context.close()
