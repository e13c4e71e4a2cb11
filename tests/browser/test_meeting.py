"""Meeting-grade: slides that fit, keys that act at once, words people use, notices for bad links."""

from __future__ import annotations

import itertools
import re

import pytest

from components.registry import PAGES
from data.frames import latest_report_date
from data.load import load_seeds
from pages.supply_demand.view import SLIDE_BARS
from scripts.devserver import ROOT

pytestmark = pytest.mark.browser

BRIEFING = load_seeds(ROOT / "seeds").briefings["h200-status"]
SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
# A raw missing value: the token alone, not English ("None of the chips…").
RAW = re.compile(r"(?<![\w-])(None|nan|NaN|<NA>|NaT)(?!\s?[\w-])")

# Text on screen without Material icon ligatures ("menu_book"), plus table headings and chart text.
VISIBLE_TEXT = """() => {
  const main = document.querySelector('[data-testid=stMain]').cloneNode(true);
  main.querySelectorAll('[data-testid=stIconMaterial], style, script').forEach(e => e.remove());
  const heads = Array.from(document.querySelectorAll('[role=columnheader]')).map(e => e.textContent);
  const cells = Array.from(document.querySelectorAll('[role=gridcell]')).map(e => e.textContent);
  const chart = Array.from(document.querySelectorAll('.js-plotly-plot text')).map(e => e.textContent);
  return [main.innerText, ...heads, ...cells, ...chart].join('\\n');
}"""
FIT = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const sizes = Array.from(document.querySelectorAll('[data-testid=stMetricValue] p, [data-testid=stMetricValue] div'))
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  return {doc: document.scrollingElement.scrollHeight, inner: innerHeight,
          main: main.scrollHeight, mainClient: main.clientHeight, metric: sizes.length ? Math.min(...sizes) : null};
}"""


def _load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(
        ".js-plotly-plot .main-svg, [data-testid=stMetricValue], [data-testid=stFileUploader], [data-testid=stDateInput]",
        state="attached",
        timeout=60000,
    )
    page.wait_for_timeout(900)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_every_briefing_step_fits_the_screen_with_larger_numbers(app_url, browser, size) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    _load(page, f"{app_url}/?as_of={BRIEFING.as_of}")
    page.wait_for_selector("[data-testid=stMetricValue]", timeout=60000)  # a cold first load draws the cards late
    normal = page.evaluate(FIT)["metric"]
    assert normal and normal >= 30
    for number, step in enumerate(BRIEFING.steps, start=1):
        _load(page, f"{app_url}/?briefing={BRIEFING.id}&step={number}&present=1")
        page.wait_for_url(re.compile(rf"step={number}\b"), timeout=30000)
        where = f"step {number} ({step.page}) at {size}"
        # The source line is drawn last; measure the slide only once it is whole (a slow machine
        # drew step 8's caption a moment before its table and source line).
        page.wait_for_function("() => document.body.innerText.includes('Sources (')", timeout=30000)
        page.wait_for_timeout(400)
        fit = page.evaluate(FIT)
        assert fit["doc"] <= fit["inner"], where
        assert fit["main"] <= fit["mainClient"] + 1, f"{where} scrolls: {fit}"
        if fit["metric"] is not None:
            assert fit["metric"] >= normal, f"{where}: headline numbers {fit['metric']} px < {normal} px"
        body = page.inner_text("body")
        assert step.caption.split(",")[0][:30] in body, where  # the takeaway is on the slide
        assert "Sources (" in body, where  # and the source line with dates
    context.close()


def test_arrow_keys_act_on_the_first_press_with_the_steps_view(app_url, browser) -> None:
    buyers_step = next(i for i, s in enumerate(BRIEFING.steps, start=1) if s.page == "buyers")
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    _load(page, f"{app_url}/approvals?briefing={BRIEFING.id}&step={buyers_step - 1}&present=1")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(rf"/buyers\?.*step={buyers_step}\b"), timeout=30000)
    page.wait_for_timeout(2000)
    assert f"step {buyers_step} of {len(BRIEFING.steps)}" in page.inner_text("body")
    assert "buyers=bytedance" in page.url  # the step's view is in the address bar on the first visit
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(rf"/approvals\?.*step={buyers_step - 1}\b"), timeout=30000)
    page.close()


def test_no_raw_identifiers_none_or_nan_on_any_page(app_url, browser) -> None:
    page = browser.new_page(viewport={"width": 1600, "height": 1200})
    for spec in PAGES:
        _load(page, f"{app_url}/{'' if spec.default else spec.url_path}")
        text = re.sub(r"https?://\S+", "", page.evaluate(VISIBLE_TEXT))  # a link's address is not an identifier
        assert not SNAKE.findall(text), f"{spec.page_id}: {sorted(set(SNAKE.findall(text)))}"
        assert not RAW.findall(text), f"{spec.page_id}: {sorted(set(RAW.findall(text)))}"
    page.close()


@pytest.mark.parametrize(
    ("path", "notice"),
    [
        ("/buyers?buyers=Nobody+Inc", "Ignored buyers=Nobody Inc"),
        ("/supply-demand?s_conversion_pct=999", "Ignored s_conversion_pct=999"),
        ("/timeline?window=Next+decade&lanes=Martians", "Ignored window=Next decade"),
        ("/sources?tab=Conflicts&conflict=No+such+thing", "Ignored conflict=No such thing"),
    ],
)
def test_bad_link_values_get_a_notice(app_url, browser, path, notice) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _load(page, f"{app_url}{path}")
    assert notice in page.inner_text("body")
    page.close()


def test_overview_is_a_link_and_the_pinned_date_stays_in_the_address_bar(app_url, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _load(page, f"{app_url}/overview?as_of=2026-02-01")
    assert page.locator("h1").first.inner_text() == "Overview"
    assert "Page not found" not in page.inner_text("body")
    assert re.search(r"/\?as_of=2026-02-01", page.url)
    latest = latest_report_date(load_seeds(ROOT / "seeds"))
    _load(page, f"{app_url}/timeline?as_of={latest}")
    page.wait_for_timeout(1000)
    assert f"as_of={latest}" in page.url  # pinned to the latest report: kept, not collapsed
    page.close()


SUPPLY_STEP = next(i for i, s in enumerate(BRIEFING.steps, start=1) if s.page == "supply_demand")
TICK_BOXES = """() => Array.from(document.querySelectorAll('.st-key-slide-chart .ytick text')).map(e => {
  const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, text: e.textContent}; })"""


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize(
    "path", [f"/?briefing={BRIEFING.id}&step={SUPPLY_STEP}&present=1", "/supply-demand?as_of=2026-10-31&present=1"]
)
def test_the_supply_demand_slide_keeps_every_bar_label_whole_and_apart(app_url, browser, size, path) -> None:
    """17 to 19 bars printed their labels over each other at 1280 x 720: a slide draws at most ten,
    each label on its own line with its bound, and names the rest under the chart."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    _load(page, f"{app_url}{path}")
    page.wait_for_selector(".st-key-slide-chart .ytick text", state="attached", timeout=60000)
    page.wait_for_timeout(1500)  # the chart is drawn again once its container has its height
    boxes = sorted(page.evaluate(TICK_BOXES), key=lambda b: b["top"])
    where = f"{path} at {size}"
    assert 0 < len(boxes) <= SLIDE_BARS, f"{where}: {len(boxes)} bars"
    for upper, lower in itertools.pairwise(boxes):
        assert upper["bottom"] <= lower["top"] + 0.5, f"{where}: {upper['text']!r} prints over {lower['text']!r}"
    assert all(b["left"] >= 0 for b in boxes), f"{where}: a label is cut at the left edge"
    assert any("more than" in b["text"] for b in boxes) and any("up to" in b["text"] for b in boxes), where
    assert "Also on the page:" in page.inner_text("body"), f"{where}: the caption naming the rest is missing"
    fit = page.evaluate(FIT)
    assert fit["doc"] <= fit["inner"] and fit["main"] <= fit["mainClient"] + 1, f"{where} scrolls: {fit}"
    page.close()
