"""The supply-versus-demand chart on a slide: the page draws a bar per figure and firm (17 in
June 2026, 19 by October), which printed its labels over each other on a 1280 x 720 slide. A
slide draws at most ``SLIDE_BARS`` bars whose one-line labels leave the bars room; every page bar
is on the slide or named in the caption under it with its value in words, bound and all."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from components.briefings import view_slide
from components.exports.layout import CAPTION_SIZES, SOURCE_BOX, caption_box, fit, step_layout
from components.format import value_words
from components.ui.charts import PRESENT_FONT_PX, SLIDE_ROOM, meeting_figure
from components.view import build_view
from data.vocabulary import SUPPLY_DEMAND_METRICS
from pages.supply_demand.view import SLIDE_BARS, SLIDE_ORDER

DATES = ["2026-06-05", "2026-08-31", "2026-10-31"]
TAG = re.compile(r"<[^>]+>")
DRAWN_EM = 0.5  # Chromium's sans draws 0.47-0.50 of the font size per character


def _ticks(figure) -> list[str]:
    return [html.unescape(TAG.sub("", str(t).replace("<br>", " "))) for t in figure.layout.yaxis.ticktext]


def _value(row: dict) -> str:
    return value_words(row)


@pytest.fixture(scope="module", params=DATES)
def shown(request, real_seeds):
    view = build_view("supply_demand", real_seeds, {"as_of": request.param})
    return request.param, view, view.charts[0]


def test_every_figure_has_a_place_in_the_slide_order() -> None:
    assert sorted(SLIDE_ORDER) == sorted(SUPPLY_DEMAND_METRICS)


def test_a_slide_draws_at_most_ten_bars_and_the_page_all(shown) -> None:
    date, view, chart = shown
    page_bars = len(chart.figure.layout.yaxis.tickvals)
    assert page_bars == len(view.table("supply-demand").frame), date  # the page keeps one bar a row
    assert page_bars > SLIDE_BARS, f"{date}: the real data needs the slide version ({page_bars} bars)"
    slide_bars = len(meeting_figure(chart.on_slide).layout.yaxis.tickvals)
    assert slide_bars <= SLIDE_BARS, f"{date}: {slide_bars} bars on a slide"


def test_slide_labels_leave_the_bars_room_on_a_1280_slide(shown) -> None:
    """One line a bar at 19 px (``every_label``): the longest label leaves the bars at least a
    fifth of a 1280 px slide (a merged bar names its firms only while that stays short)."""
    date, _, chart = shown
    longest = max(len(t) for t in _ticks(meeting_figure(chart.on_slide)))
    assert longest * DRAWN_EM * (PRESENT_FONT_PX + 1) <= 0.8 * SLIDE_ROOM.figure_px, f"{date}: {longest} characters"


def test_every_page_bar_is_on_the_slide_or_in_its_caption_with_its_bound(shown) -> None:
    date, view, chart = shown
    ticks = _ticks(chart.on_slide)
    caption = chart.slide_caption
    for row in view.table("supply-demand").frame.to_dict("records"):
        value = _value(row)
        name = html.unescape(row["label"])
        on_slide = [t for t in ticks if t.endswith(value) and t.split(" · ")[0] == name.split(" · ")[0]]
        assert on_slide or f"{name} {value}" in caption, f"{date}: {name} {value} is nowhere on the slide"
        if row["basis"] == "derived" and not on_slide:
            assert f"{name} {value} (derived by the project)" in caption
        firms = [t for t in ticks if name.split(" · ")[1] in t] if len(row["applies_to"]) == 1 else []
        if len(row["applies_to"]) == 1 and on_slide and not firms:  # merged under "N firms (each)"
            assert name.split(" · ")[1] in caption, f"{date}: {name} merged without being named"
    for bound in ("more than", "up to", "about"):
        page = sum(bound in t for t in _ticks(chart.figure))
        assert not page or any(bound in t for t in ticks) or bound in caption, f"{date}: '{bound}' lost"


def test_a_bar_for_several_firms_says_each(shown) -> None:
    date, _, chart = shown
    merged = [t for t in _ticks(chart.on_slide) if "(each)" in t]
    assert merged, f"{date}: the equal per-firm figures were not drawn as one bar"
    assert all(t.split(" · ")[0] in {"US cap per customer", "Interest per buyer", "Delivered to China"} for t in merged)


def test_the_deck_puts_the_caption_between_the_chart_and_the_sources(shown, real_seeds) -> None:
    date, view, chart = shown
    slide = view_slide(view, title="Supply and demand", link="https://h200.example/", seeds=real_seeds)
    assert slide.figure is chart.on_slide and slide.caption == chart.slide_caption
    box = caption_box(slide)
    layout = step_layout(slide)
    assert box is not None and layout.chart is not None
    assert layout.chart.bottom <= box.top and box.bottom <= SOURCE_BOX.top, date
    assert not fit(slide.caption, box, CAPTION_SIZES).cut, f"{date}: the caption is cut in the deck"


def test_a_strict_floor_of_zero_never_reads_or_draws_as_none(real_seeds) -> None:
    # "shipments have begun" (more than 0) is not "0 delivered": no "0 (none)" label, no zero marker
    assert value_words({"best": 0, "low": 0, "unit": "chips", "bound": "more_than"}) == "more than 0"
    assert value_words({"best": 0, "value": 0, "low": 0, "high": 0, "unit": "chips", "bound": "exact"}) == "0 (none)"
    chart = build_view("supply_demand", real_seeds, {"as_of": "2026-10-31"}).charts[0]
    for figure in (chart.figure, chart.slide_figure):
        ticks = _ticks(figure)
        begun = [t for t in ticks if "CNBC" in t and "Jul 2026" in t]
        assert begun and all("more than 0" in t and "(none)" not in t for t in begun), ticks
        zero_marks = [t for t in figure.data if t.name == "Reported zero"]
        assert all("CNBC" not in str(y) for trace in zero_marks for y in trace.y)


def test_bar_labels_name_the_outlet_whole() -> None:
    from pages.supply_demand.view import bar_label

    when = pd.Timestamp("2026-03-03")
    assert " · Bloomberg · Mar 2026" in bar_label("us-total-ceiling", "", "Bloomberg via Business Times", when)
    assert " · South China Morning Post · " in bar_label("cn-first-batch-chips", "", "South China Morning Post", when)
    cut = bar_label("cn-first-batch-chips", "", "An Outlet With A Very Long Name Indeed", when)
    assert " · An Outlet With A Very… · " in cut  # cut at a word, never mid-word
