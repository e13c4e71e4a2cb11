"""At phone width (390 px) chart titles wrap instead of being cut, and the timeline's key-moment
labels stay apart and inside the chart; on a 1280 px screen the chart keeps its own title."""

from __future__ import annotations

import pytest

from components.registry import PAGES

pytestmark = pytest.mark.browser

CHARTED = [page for page in PAGES if page.has_chart]

TITLES = """() => {
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).display !== 'none';
  const svg = Array.from(document.querySelectorAll('.js-plotly-plot .gtitle')).filter(shown).map(e => {
      const box = e.getBoundingClientRect(); return {text: e.textContent, left: box.left, right: box.right}; });
  const html = Array.from(document.querySelectorAll('[class*="st-key-phone-title-"]')).filter(shown).map(e => {
      const box = e.getBoundingClientRect();
      return {text: e.innerText, left: box.left, right: box.right, overflow: e.scrollWidth > e.clientWidth + 1}; });
  return {width: innerWidth, svg, html};
}"""

LABELS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => {
  const frame = plot.getBoundingClientRect();
  const notes = Array.from(plot.querySelectorAll('.annotation')).map(a => {
      const b = a.getBoundingClientRect(); return {text: a.textContent, l: b.left, r: b.right, t: b.top, b: b.bottom}; });
  return {left: frame.left, right: frame.right, notes};
})"""


def _open(browser, url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(url)
    tab.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60000)
    tab.wait_for_timeout(1500)
    return context, tab


@pytest.mark.parametrize("page", CHARTED, ids=[p.page_id for p in CHARTED])
def test_chart_titles_wrap_at_phone_width(app_url, browser, page) -> None:
    url = f"{app_url}/" if page.default else f"{app_url}/{page.url_path}"
    url += "?tab=Conflicts" if page.page_id == "sources" else ""  # its chart is on that tab
    context, tab = _open(browser, url, 390)
    seen = tab.evaluate(TITLES)
    assert seen["svg"] == [], f"an SVG title (it cannot wrap) is drawn at 390 px: {seen['svg']}"
    assert seen["html"], "no chart title at 390 px"
    for title in seen["html"]:
        assert title["text"].strip() and not title["overflow"], title
        assert title["left"] >= 0 and title["right"] <= seen["width"], f"cut at the screen's edge: {title}"
    context.close()
    context, tab = _open(browser, url, 1280)
    wide = tab.evaluate(TITLES)
    assert wide["svg"] and wide["html"] == [], "on a wide screen the chart keeps its own title"
    context.close()


def test_timeline_labels_stay_apart_at_phone_width(app_url, browser) -> None:
    context, tab = _open(browser, f"{app_url}/timeline", 390)
    (plot,) = tab.evaluate(LABELS)
    notes = [n for n in plot["notes"] if n["text"]]
    assert len(notes) >= 3, notes
    for index, one in enumerate(notes):
        assert one["l"] >= plot["left"] - 1 and one["r"] <= plot["right"] + 1, f"cut: {one}"
        for other in notes[index + 1 :]:
            apart = one["r"] <= other["l"] or other["r"] <= one["l"] or one["b"] <= other["t"] or other["b"] <= one["t"]
            assert apart, f"{one['text']!r} prints over {other['text']!r}"
    context.close()
