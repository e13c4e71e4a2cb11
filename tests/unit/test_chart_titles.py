"""Chart titles wrap instead of running off the chart: SVG text does not wrap, and the overview's
takeaway (about 140 characters) was cut at "Tencer" on a 1280 px screen. On a phone the page
shows the title as HTML text instead (tests/browser/test_phone_width.py)."""

from __future__ import annotations

import pytest

from components.exports.images import chart_heading
from components.figures._common import TITLE_CHARS, TITLE_LINE_PX
from components.format import SUBTITLE
from components.registry import PAGES
from components.theme import TEMPLATE_TOP_PX
from components.ui.charts import PRESENT_TITLE_CHARS, meeting_figure
from components.view import build_view

CHART_PX_AT_1280 = 820  # the chart's width on a 1280 px screen with the sidebar open (measured)
TITLE_PX = 18
CHAR_EM = 0.52  # Chromium's sans, a little over what it draws for these titles


def title_lines(text: str) -> list[str]:
    return text.partition(SUBTITLE)[0].split("<br>")


@pytest.mark.parametrize("page", [p for p in PAGES if p.has_chart], ids=lambda p: p.page_id)
def test_every_chart_title_fits_a_1280_screen_on_its_lines(real_seeds, page) -> None:
    for chart in build_view(page.page_id, real_seeds, {}).charts:
        text = chart.figure.layout.title.text or ""
        lines = title_lines(text)
        assert all(len(line) * CHAR_EM * TITLE_PX <= CHART_PX_AT_1280 - 16 for line in lines), lines
        assert chart_heading(chart.figure)[0] == " ".join(" ".join(lines).split())  # the same words, one line
        if len(lines) > 1:  # room made for every extra line
            assert chart.figure.layout.margin.t >= TEMPLATE_TOP_PX + TITLE_LINE_PX * (len(lines) - 1)


def test_the_overview_title_wraps_and_keeps_its_words_on_the_slide(real_seeds) -> None:
    chart = build_view("overview", real_seeds, {}).charts[0]
    assert len(chart.title) > TITLE_CHARS  # the long takeaway this was about
    assert len(title_lines(chart.figure.layout.title.text)) >= 2
    slide = meeting_figure(chart.figure)
    lines = title_lines(slide.layout.title.text)
    assert all(len(line) <= PRESENT_TITLE_CHARS for line in lines)
    assert chart_heading(slide) == chart_heading(chart.figure)  # title and subtitle, word for word


def test_the_scenario_steps_are_rows_named_in_short_lines(real_seeds) -> None:
    """'Available supply', 'Allowed by 50 % rule', 'US licence ceiling' and 'Approved by Beijing'
    ran into each other on one line each under 7 bars about 105 px apart; as columns a phone then
    tilted them. The steps are rows: each name on the y axis, in short lines beside its bar."""
    from components.figures.scenario import LABEL_CHARS

    chart = build_view("supply_demand", real_seeds, {}).charts[1]
    assert chart.figure.layout.xaxis.categoryarray is None  # the x axis is the chips, not the names
    names = list(chart.figure.layout.yaxis.categoryarray)
    assert max(len(line) for name in names for line in name.split("<br>")) <= LABEL_CHARS, names
    assert {" ".join(n.split("<br>")) for n in names} >= {"Demand", "Could arrive", "Allowed by 50 % rule"}


@pytest.mark.parametrize("page", ["overview", "buyers", "supply_demand"])
def test_log_axes_label_only_the_powers_of_ten(real_seeds, page) -> None:
    """The 2 and 5 between decades ran into '10k' and '100k' on a phone ('510k2 5100k')."""
    charts = [c for c in build_view(page, real_seeds, {}).charts if c.figure.layout.xaxis.type == "log"]
    assert charts
    for chart in charts:
        assert chart.figure.layout.xaxis.dtick == 1 and chart.figure.layout.xaxis.minor.showgrid


def test_the_chips_chart_keeps_its_names_and_limit_whole_on_a_phone(real_seeds) -> None:
    """Tilted chip names ran off the left edge at 390 px, and the limit's label off the right."""
    fig = build_view("chips", real_seeds, {}).charts[0].figure
    assert fig.layout.xaxis.tickangle == -90
    limits = [a.text for a in fig.layout.annotations if "US limit" in (a.text or "")]
    assert limits and all(len(line) <= 24 for text in limits for line in text.split("<br>"))


def test_an_empty_chart_says_why_in_lines_a_phone_shows_whole(real_seeds) -> None:
    """'These claims disagree in words, not in like-for-like figures' was cut at both ends at 390 px."""
    fig = build_view("sources", real_seeds, {}).charts[0].figure  # its first disagreement: in words only
    (note,) = fig.layout.annotations
    lines = note.text.split("<br>")
    assert len(lines) > 1 and "disagree in words" in " ".join(lines)
    assert all(len(line) * CHAR_EM * note.font.size <= 358 - 16 for line in lines)  # the phone's chart width
