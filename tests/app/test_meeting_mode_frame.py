"""Meeting mode's frame: an editing page says it is not a slide (its form's inputs are hidden on a
slide, which left an empty bordered box and a Draft button), and the seed-problem banner is one
short line there (its list squashed the slide's chart)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from components.registry import PAGES
from tests.app.one_page import open_page

ROOT = Path(__file__).resolve().parents[2]
EDITING_PAGES = [page for page in PAGES if not page.slide]


def test_the_editing_pages_are_add_a_report_and_the_inbox() -> None:
    assert {page.page_id for page in EDITING_PAGES} == {"add_report", "inbox"}


@pytest.mark.parametrize("page", EDITING_PAGES, ids=[p.page_id for p in EDITING_PAGES])
def test_an_editing_page_in_meeting_mode_says_it_is_not_a_slide(monkeypatch, page) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    at = open_page(monkeypatch, page.page_id, {"present": "1"})
    notices = " ".join(i.value for i in at.info)
    assert f"{page.title} is an editing page, not a slide" in notices
    assert "present=1" in notices
    assert not at.button, [b.label for b in at.button]  # no Draft button without its input
    assert not at.text_area and not at.text_input
    assert [s.value for s in at.subheader] == [page.title]


def test_add_a_report_outside_meeting_mode_still_shows_its_form(monkeypatch) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    at = open_page(monkeypatch, "add_report", {})
    assert at.text_area(key="ar_text")
    assert not any("not a slide" in i.value for i in at.info)


@pytest.fixture
def broken_seeds(tmp_path, monkeypatch) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid" / "seeds", seeds)
    for name in ("one.yaml", "two.yaml", "three.yaml"):
        (seeds / "sources" / name).write_text("id: [unclosed\n")
    monkeypatch.setenv("H200_SEEDS_DIR", str(seeds))
    return seeds


def test_on_a_slide_the_seed_problems_are_one_short_line(monkeypatch, broken_seeds) -> None:
    at = open_page(monkeypatch, "chips", {"present": "1"})
    assert not at.error, "no banner listing every problem on a slide"
    lines = [c.value for c in at.caption if "in the seed files" in c.value]
    assert len(lines) == 1 and "3 problems in the seed files" in lines[0]
    assert "\n" not in lines[0] and "seeds/sources/" not in lines[0]
    assert at.get("plotly_chart"), "the slide's chart still draws"


def test_outside_meeting_mode_the_banner_lists_each_problem(monkeypatch, broken_seeds) -> None:
    at = open_page(monkeypatch, "chips", {})
    banner = " ".join(e.value for e in at.error)
    assert "3 problems in the seed files" in banner
    assert all(f"seeds/sources/{name}" in banner for name in ("one.yaml", "two.yaml", "three.yaml"))


def test_the_briefings_slide_is_the_step_preview_without_the_hand_off(monkeypatch) -> None:
    """At 1280 x 720 the Briefings page in meeting mode scrolled (803 px): under the step's
    preview came "Hand it on" and its downloads, which a meeting has no use for on screen."""
    shown = open_page(monkeypatch, "briefing", {"present": "1"})
    assert any(m.value.startswith("**Step 1:") for m in shown.markdown)  # the preview is the slide
    assert "Hand it on" not in [s.value for s in shown.subheader]
    assert not shown.get("download_button")
    page = open_page(monkeypatch, "briefing", {})
    assert "Hand it on" in [s.value for s in page.subheader]  # outside meeting mode, still there
