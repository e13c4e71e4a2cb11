"""The chips slide lays its bars on their side: under a dozen upright chip names a 1280 x 720
slide (the October briefing's last step) kept a plot about 90 px tall. The page keeps its
upright bars; the slide, the deck and the preview draw the horizontal one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from components.ui.charts import meeting_figure
from data.frames import ClaimFilter
from data.load import load_seeds
from pages.chips.view import view

ROOT = Path(__file__).resolve().parents[2]
OCTOBER = ClaimFilter(as_of=dt.date(2026, 10, 31))


def _chart(metric: str):
    return view(load_seeds(ROOT / "seeds"), OCTOBER, {"metric": metric}).slide_chart


def test_the_slide_names_the_chips_down_the_side_and_the_page_keeps_its_columns() -> None:
    chart = _chart("memory_gb")
    page, slide = chart.figure, chart.on_slide
    assert slide is not page
    names = list(page.layout.xaxis.categoryarray)
    assert len(names) >= 10  # the crowded case the review found
    assert all(trace.orientation == "h" for trace in slide.data)
    assert all(trace.orientation in (None, "v") for trace in page.data)
    # the same chips, the leader at the top (Plotly draws the first category at the bottom)
    assert list(slide.layout.yaxis.categoryarray) == names[::-1]
    assert slide.layout.xaxis.tickangle is None  # values along the bottom: short numbers, upright
    assert slide.layout.title.text == page.layout.title.text  # the same takeaway
    for trace_page, trace_slide in zip(page.data, slide.data, strict=True):
        assert list(trace_page.x) == list(trace_slide.y) and list(trace_page.y) == list(trace_slide.x)
        assert trace_page.base is None or list(trace_page.base) == list(trace_slide.base)


def test_the_slide_keeps_every_chip_name_whole_on_one_line() -> None:
    shown = meeting_figure(_chart("memory_gb").on_slide)
    names = list(shown.layout.yaxis.ticktext)
    assert len(names) == len(shown.layout.yaxis.categoryarray)
    assert all("<br>" not in name for name in names)


def test_a_us_limit_on_the_slide_is_a_vertical_line_at_its_value() -> None:
    chart = _chart("tpp")
    limits = [s for s in chart.on_slide.layout.shapes if s.type == "line"]
    assert limits, "the TPP limit is drawn"
    assert all(s.x0 == s.x1 and s.xref == "x" for s in limits)
    page_lines = [s for s in chart.figure.layout.shapes if s.type == "line"]
    assert [s.x0 for s in limits] == [s.y0 for s in page_lines]


def test_the_chips_key_names_only_what_the_chart_draws() -> None:
    """The chart draws no whiskers (an estimate's range is its floating bar): its key promised them."""
    for metric in ("memory_gb", "tpp"):
        chart = _chart(metric)
        for fig in (chart.figure, chart.on_slide):
            drawn = [t for t in fig.data if t.error_y is not None and t.error_y.array is not None]
            assert not drawn
            assert "whisker" not in fig.layout.title.text.lower()
