"""One view per page, held over the registries: for every page's example link and every step of
every built-in briefing, the page opened from that link (AppTest) and its slide (the deck's
``Slide``) show the same title, the same figure and the same sources, because both are the page's
``PageView``. A page without a view, or a page folder the registry does not name, fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.briefings import briefing_slides, step_params, step_view, view_slide
from components.registry import BY_ID, PAGES, ROOT
from components.ui.briefing import step_query
from components.ui.sources import md
from components.view import PageView, build_view, view_function
from data.load import load_seeds

ONE_PAGE_APP = str(Path(__file__).resolve().parent / "one_page_app.py")
SEEDS = load_seeds(ROOT / "seeds")
STEPS = [(b.id, n) for b in SEEDS.briefings.values() for n in range(1, len(b.steps) + 1)]


def test_every_page_folder_is_a_view_a_page_and_one_registry_line() -> None:
    """The recipe "add a page": pages/<name>/ with view.py and page.py, and one PageSpec."""
    folders = {p.name for p in (ROOT / "pages").iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}
    assert folders == set(BY_ID), "every folder in pages/ is one registered page, and back"
    for page in PAGES:
        assert page.path == f"pages/{page.page_id}/page.py"
        assert (ROOT / "pages" / page.page_id / "view.py").is_file(), f"{page.page_id} has no view.py"
        assert callable(view_function(page.page_id))


def test_views_are_pure_and_pages_do_not_import_each_other() -> None:
    for page in PAGES:
        source = (ROOT / "pages" / page.page_id / "view.py").read_text()
        assert "import streamlit" not in source and "from streamlit" not in source, page.page_id
        # the header (id, title, question, as-of date, params) comes from one helper, not retyped
        assert "PageView(" not in source and "page_view(" in source, f"{page.page_id}: build it with page_view"
        for other in PAGES:
            if other.page_id == page.page_id:
                continue
            for name in ("view.py", "page.py", "helpers.py"):
                path = ROOT / "pages" / page.page_id / name
                if path.is_file():
                    assert f"pages.{other.page_id}" not in path.read_text(), f"{path} imports {other.page_id}"


def _link(page) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in page.example_link}


def _open(page_id: str, params: dict, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("H200_TEST_PAGE", page_id)
    at = AppTest.from_file(ONE_PAGE_APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _without_fonts(node: object) -> object:
    """A figure's data without font sizes (meeting mode enlarges them; the figures are the same)."""
    if isinstance(node, dict):
        return {k: _without_fonts(v) for k, v in node.items() if not k.endswith("font")}
    if isinstance(node, list):
        return [_without_fonts(v) for v in node]
    return node


def _font_sizes(node: object) -> list[float]:
    if isinstance(node, dict):
        own = [v["size"] for k, v in node.items() if k.endswith("font") and isinstance(v, dict) and "size" in v]
        return own + [f for v in node.values() for f in _font_sizes(v)]
    if isinstance(node, list):
        return [f for v in node for f in _font_sizes(v)]
    return []


def _documents(at: AppTest) -> list[int]:
    """The document counts of the page's source lines ("Sources (12 documents, …")."""
    return [int(c.value.split("(", 1)[1].split(" ", 1)[0]) for c in at.caption if c.value.startswith("Sources (")]


def assert_same(at: AppTest, view: PageView, *, title: str, present: bool = False) -> None:
    """The page shows the view's slide: its cards, or its first chart with that figure and sources
    (in meeting mode the chart's slide version, where it has one: fewer bars than the page)."""
    assert not at.exception, [e.value for e in at.exception]
    known = [s for s in view.slide_sources if s in SEEDS.sources]
    slide = view_slide(view, title=title, link="https://h200.example/", seeds=SEEDS)
    if view.lead == "cards":
        assert [m.label for m in at.metric] == [c.title for c in view.cards]
        assert [m.value for m in at.metric] == [c.value for c in view.cards]
        assert [k[1] for k in slide.kpis or []] == [c.value for c in view.cards]
        if known:
            assert len(known) in _documents(at)
        return
    chart = view.slide_chart
    assert chart is not None, "a chart page's view has a slide chart"
    shown = _charts(at)
    assert shown, "the page draws its view's chart"
    first = shown[0]
    expected = json.loads((chart.on_slide if present else chart.figure).to_json())
    words = lambda text: re.sub(r"<[^>]+>", " ", text).split()  # noqa: E731 - a slide wraps long titles
    assert words(first["layout"]["title"]["text"]) == words(expected["layout"]["title"]["text"])
    assert _without_fonts(first["data"]) == _without_fonts(expected["data"]), "the same figure as its slide"
    assert slide.figure is chart.on_slide and slide.takeaway == chart.title and slide.caption == chart.slide_caption
    if present and chart.slide_caption:
        assert md(chart.slide_caption) in [c.value for c in at.caption], "the slide names what it leaves out"
    if known:
        assert len(known) in _documents(at), "the page lists the slide's sources"
        assert slide.source_line != "Sources: none"
    else:
        assert slide.source_line == "Sources: none"


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_page_link_and_its_slide_show_the_same_view(page, monkeypatch) -> None:
    params = _link(page)
    view = build_view(page, SEEDS, params)
    assert not view.notices, view.notices
    at = _open(page.page_id, params, monkeypatch)
    if not page.has_chart and view.slide_chart is None and view.lead != "cards":
        assert not at.exception and view.empty, "a page without a chart says what its slide shows"
        return
    if page.page_id == "briefing":
        assert_same(at, view, title=page.title)  # the preview of the picked briefing's first step
        return
    assert_same(at, view, title=page.title)


@pytest.mark.parametrize(("briefing_id", "number"), STEPS, ids=[f"{b}-{n}" for b, n in STEPS])
def test_briefing_step_and_its_slide_show_the_same_view(briefing_id: str, number: int, monkeypatch) -> None:
    briefing = SEEDS.briefings[briefing_id]
    step = briefing.steps[number - 1]
    view = step_view(briefing, number - 1, SEEDS)
    assert not view.notices, f"step {number}'s link drops values: {view.notices}"
    query = step_query(briefing, number, present=True)
    at = _open(step.page, query, monkeypatch)
    assert_same(at, view, title=step.caption, present=True)
    status = " ".join(m.value for m in at.markdown)
    assert "Data as of" in status and "days old" not in status, "a slide carries no staleness banner"
    assert not [m for m in at.metric if m.proto.help], "no help icons on a slide"
    for chart in _charts(at):  # legible from the back of the room: no chart text under 18 px
        sizes = _font_sizes(chart)
        assert sizes and min(sizes) >= 18, min(sizes)
        assert all(float(px) >= 18 for px in re.findall(r"font-size:\s*([0-9.]+)px", json.dumps(chart)))
    deck = briefing_slides(briefing, SEEDS, lambda n: f"https://h200.example/?step={n}")
    assert deck[number - 1].title == step.caption
    assert str(deck[number - 1].as_of) == str(step_params(briefing, step)["as_of"])
