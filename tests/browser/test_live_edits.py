"""Seed files added or edited while the app runs are picked up on the next interaction."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from data.frames import latest_report_date
from data.load import load_seeds
from scripts.devserver import ROOT, streamlit_server

pytestmark = pytest.mark.browser

NEW_SOURCE = """source:
  id: 2026-06-04-live-edit-wire
  title: A report added while the app was running
  publisher: Live Edit Wire
  published: 2026-06-04
  url: https://example.org/live
  kind: wire
  accessed: 2026-11-24
  reliability: Test data written during a browser test.
  confidence: high
claims:
  - id: live.added
    kind: statement
    date: 2026-06-04
    side: US
    attribution: {type: named_person, person: A Tester}
    summary: A marker sentence that only the live-edit test writes.
"""


def _interact(page) -> None:
    """Any interaction reruns the script: switch the confidence filter and back."""
    page.get_by_text("Hide low confidence", exact=True).click()
    page.wait_for_timeout(1500)
    page.get_by_text("All claims", exact=True).click()
    page.wait_for_timeout(2500)


def test_added_and_broken_files_are_picked_up_without_restart(tmp_path, browser) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    # the new report is the newest one, so the overview's latest events list it whatever the archive holds
    newest = latest_report_date(load_seeds(seeds)) or dt.date.today()
    day = min(newest + dt.timedelta(days=1), dt.date.today()).isoformat()
    new_source = NEW_SOURCE.replace("2026-06-04", day)
    with streamlit_server(env={"H200_SEEDS_DIR": str(seeds)}) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        page.goto(f"{url}/")
        page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
        assert "marker sentence" not in page.inner_text("body")

        path = seeds / "sources" / f"{day}-live-edit-wire.yaml"
        path.write_text(new_source)
        _interact(page)
        assert "A marker sentence that only the live-edit test writes." in page.inner_text("body")

        path.write_text(new_source.replace("kind: statement", "kind: [broken"))
        _interact(page)
        body = page.inner_text("body")
        assert re.search(r"1 problem in the seed files", body)  # one problem, in the singular
        assert f"seeds/sources/{day}-live-edit-wire.yaml" in body
        assert page.locator(".js-plotly-plot").count() >= 1  # everything valid still renders
        assert "marker sentence" not in body
        context.close()
