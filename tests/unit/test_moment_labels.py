"""Key-moment labels on the timeline never print over each other, at any page or slide width,
and every marked moment has both its dotted line and its label (the October briefing's slide
printed "mi19 Aug…": two labels on one spot).

The boxes are estimated here on their own terms from what the figure says (date, anchor, row,
font size, text) and the chart's width in the browser (measured with Chromium: the plot starts
after the longest lane name), not with the placement code's own estimate."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.briefings import briefing_slides, step_view
from components.exports.images import RenderJob, chart_body
from components.exports.layout import slide_job
from components.exports.slide_figures import DECK_MOMENT_ROWS
from components.figures import moment_labels, plot_timeline
from components.ui.charts import meeting_figure
from components.view import build_view

CHAR_EM = 0.52  # Chromium's sans draws 0.47-0.50 of the font size per character in these labels
# Chart widths in the browser (measured): a 390 px phone, a 1280 screen with the sidebar open,
# a 1920 screen; slides at 1280 and 1920 wide (no sidebar, 24 px padding, a scrollbar's width).
PAGE_WIDTHS = {"390": 358, "1280": 820, "1920": 1460}
SLIDE_WIDTHS = {"1280": 1229, "1920": 1848}


@dataclass(frozen=True)
class Box:
    text: str
    left: float
    right: float
    bottom: float
    top: float

    def overlaps(self, other: Box) -> bool:
        apart = self.right <= other.left or other.right <= self.left
        return not apart and not (self.top <= other.bottom or other.top <= self.bottom)


def label_boxes(fig: go.Figure, figure_px: float) -> list[Box]:
    """Each label's box in figure pixels (x from the left edge, y up from the plot's top)."""
    ticks = fig.layout.yaxis.tickfont.size or fig.layout.font.size or 14
    lanes = [str(name) for name in fig.layout.yaxis.categoryarray or ()]
    left = max(len(name) for name in lanes) * CHAR_EM * ticks + 6  # the lane names, then the ticks
    plot = figure_px - left - 24
    low, high = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    boxes = []
    for note in fig.layout.annotations:
        if not moment_labels.is_label(note):
            continue
        size = note.font.size
        width = len(html.unescape(note.text)) * CHAR_EM * size + 2
        x = left + plot * ((pd.Timestamp(note.x) - low) / (high - low))
        start = {"left": x, "right": x - width, "center": x - width / 2}[note.xanchor]
        bottom = note.yshift or 0
        boxes.append(Box(note.text, start, start + width, bottom, bottom + size * 1.2))
    return boxes


def assert_readable(fig: go.Figure, figure_px: float, where: str) -> None:
    boxes = label_boxes(fig, figure_px)
    lines = [s for s in fig.layout.shapes if s.type == "line" and s.line.dash == "dot"]
    assert boxes, f"{where}: no key moment marked"
    assert sorted(pd.Timestamp(s.x0) for s in lines) == sorted(
        pd.Timestamp(n.x) for n in fig.layout.annotations if moment_labels.is_label(n)
    ), f"{where}: a line without its label or a label without its line"
    for index, one in enumerate(boxes):
        assert one.left >= 0 and one.right <= figure_px, f"{where}: {one.text!r} is cut at the edge"
        for other in boxes[index + 1 :]:
            assert not one.overlaps(other), f"{where}: {one.text!r} prints over {other.text!r}"


def timeline_figures(real_seeds) -> dict[str, go.Figure]:
    figures = {
        "page (since Nov 2025)": build_view("timeline", real_seeds, {}).charts[0].figure,
        "page (all dates)": build_view("timeline", real_seeds, {"window": "all"}).charts[0].figure,
    }
    for briefing in real_seeds.briefings.values():
        for index, step in enumerate(briefing.steps):
            if step.page == "timeline":
                figures[f"{briefing.id} step {index + 1}"] = step_view(briefing, index, real_seeds).charts[0].figure
    return figures


def test_both_briefings_have_timeline_steps(real_seeds) -> None:
    names = list(timeline_figures(real_seeds))
    assert any(n.startswith("h200-status-oct-2026") for n in names) and any(n.startswith("h200-status ") for n in names)


@pytest.mark.parametrize("width", list(PAGE_WIDTHS))
def test_no_two_labels_overlap_on_the_page(real_seeds, width: str) -> None:
    for name, fig in timeline_figures(real_seeds).items():
        assert_readable(fig, PAGE_WIDTHS[width], f"{name} at {width} px")


@pytest.mark.parametrize("width", list(SLIDE_WIDTHS))
def test_no_two_labels_overlap_on_a_slide(real_seeds, width: str) -> None:
    for name, fig in timeline_figures(real_seeds).items():
        assert_readable(meeting_figure(fig), SLIDE_WIDTHS[width], f"{name} as a slide {width} px wide")


def deck_timelines(real_seeds) -> list[tuple[str, go.Figure, RenderJob, go.Figure]]:
    """Every timeline step of every briefing as the deck draws it: (where, the step's figure, its
    render job, the chart body in the image)."""
    found = []
    for briefing in real_seeds.briefings.values():
        slides = briefing_slides(briefing, real_seeds, lambda n: f"https://h200.example/?step={n}")
        for index, step in enumerate(briefing.steps):
            if step.page != "timeline":
                continue
            job = slide_job(slides[index])
            assert job is not None and job.font_px
            drawn = chart_body(
                job.figure, width=job.width, height=job.height, font_px=job.font_px, min_font_px=job.min_font_px
            )
            found.append((f"{briefing.id} step {index + 1}", slides[index].figure, job, drawn))
    return found


def test_no_two_labels_overlap_in_the_deck(real_seeds) -> None:
    """The PowerPoint / PDF image: fonts scaled up, rows with them."""
    for where, _, job, drawn in deck_timelines(real_seeds):
        assert_readable(drawn, job.width, f"{where} in the deck")


def test_the_october_slide_keeps_the_newest_moments(real_seeds) -> None:
    briefing = real_seeds.briefings["h200-status-oct-2026"]
    index = next(i for i, s in enumerate(briefing.steps) if s.page == "timeline")
    fig = step_view(briefing, index, real_seeds).charts[0].figure
    for shown in (fig, meeting_figure(fig)):
        labels = [n.text for n in shown.layout.annotations if moment_labels.is_label(n)]
        assert len(labels) >= 3 and "Beijing sounds out RTX Pro 5500 demand" in labels


def test_moments_days_apart_are_marked_only_as_far_as_their_labels_fit() -> None:
    """Six moments a few days apart (what overlapped): each on its own row on the page; a slide
    (larger text, three rows) marks the newest that fit, each with its line and its label, and
    leaves the rest unmarked."""
    days = pd.to_datetime(["2026-08-01", "2026-08-04", "2026-08-08", "2026-08-12", "2026-08-15", "2026-08-19"])
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2025-11-01", "2026-10-31", *days]),
            "lane": "nvidia",
            "lane_label": "Nvidia",
            "kind": "statement",
            "summary": "s",
            "publisher": "p",
            "source_id": "src",
            "claim_id": [f"c{i}" for i in range(8)],
            "confidence": "high",
            "date_precision": "day",
        }
    )
    moments = pd.DataFrame({"date": days, "label": [f"{d:%d %b}: a key moment with a long label" for d in days]})
    fig = plot_timeline(events, title="T", key_moments=moments)
    labels = [n for n in fig.layout.annotations if moment_labels.is_label(n)]
    assert len({n.yshift for n in labels}) == len(labels) == len(days)
    for width in (*PAGE_WIDTHS.values(), 4000):
        assert_readable(fig, width, f"{width} px")
    slide = meeting_figure(fig)
    shown = [n for n in slide.layout.annotations if moment_labels.is_label(n)]
    assert 0 < len(shown) < len(days) and pd.Timestamp(shown[0].x) == days.max()  # the newest first
    assert_readable(slide, SLIDE_WIDTHS["1280"], "slide")


def test_the_deck_places_its_moments_for_the_slide_not_for_a_phone(real_seeds) -> None:
    """The page's labels are placed for a 390 px phone (six rows of 11 px text); scaled up for the
    deck's image they took a third of the chart. The deck places them again at the chart's text
    size, in at most three rows, newest first."""
    for where, figure, job, drawn in deck_timelines(real_seeds):
        labels = [n for n in drawn.layout.annotations if moment_labels.is_label(n)]
        assert labels and len({n.yshift for n in labels}) <= DECK_MOMENT_ROWS, where
        assert min(n.font.size for n in labels) >= job.font_px - 0.1, f"{where}: labels smaller than the chart text"
        newest = max(pd.Timestamp(n.x) for n in figure.layout.annotations if moment_labels.is_label(n))
        assert newest in {pd.Timestamp(n.x) for n in labels}, f"{where}: the newest moment is not marked"
        above = max(n.yshift + n.font.size * 1.4 for n in labels)
        assert drawn.layout.margin.t <= above + 3 * job.font_px, f"{where}: room above the labels left empty"
