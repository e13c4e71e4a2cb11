"""Slides laid out for 16:9: titles wrap (never cut), charts fill their box with no text under
18 px when the slide is shown at 1920 x 1080, and every category label of a bar chart is shown."""

from __future__ import annotations

import pytest

from components.briefings import briefing_slides
from components.exports.images import chart_body
from components.exports.layout import (
    MIN_CHART_TEXT_PX,
    SHOWN_AT_PX,
    SLIDE_W,
    SOURCE_BOX,
    Slide,
    heading,
    slide_job,
    step_layout,
)


@pytest.fixture(scope="module")
def slides(real_seeds):
    briefing = real_seeds.briefings["h200-status"]
    return briefing_slides(briefing, real_seeds, lambda n: f"https://h200.example/?step={n}")


def _fonts(node: object) -> list[float]:
    """Every font size in a figure dict (layout, traces, annotations, template)."""
    if isinstance(node, dict):
        found = [v["size"] for k, v in node.items() if k.endswith("font") and isinstance(v, dict) and "size" in v]
        return found + [f for v in node.values() for f in _fonts(v)]
    if isinstance(node, list):
        return [f for v in node for f in _fonts(v)]
    return []


def test_every_title_wraps_and_none_is_cut(slides) -> None:
    long = Slide(title=" ".join(["Beijing's first batch covered more than 400,000 chips"] * 5)[:240], takeaway="x")
    for slide in [*slides, long]:
        top = heading(slide)
        assert not top.title.fitted.cut, slide.title
        assert top.title.box.bottom < top.takeaway.top < top.body.top < SOURCE_BOX.top


def test_the_chart_box_sits_under_the_heading(slides) -> None:
    for slide in slides:
        layout = step_layout(slide)
        box = layout.chart or layout.kpi_area
        assert box is not None and box.top >= heading(slide).body.top and box.bottom <= SOURCE_BOX.top


def test_no_chart_text_under_18_px_at_1920_by_1080(slides) -> None:
    for slide in slides:
        job = slide_job(slide)
        if job is None:
            continue
        chart = step_layout(slide).chart
        shown_per_image_px = chart.width * SHOWN_AT_PX / SLIDE_W / job.width
        body = chart_body(
            job.figure, width=job.width, height=job.height, font_px=job.font_px, min_font_px=job.min_font_px
        )
        sizes = _fonts(body.to_dict())
        assert sizes and min(sizes) * shown_per_image_px >= MIN_CHART_TEXT_PX - 0.1, slide.title


def test_the_buyers_slide_labels_every_bar(slides) -> None:
    buyers = next(s for s in slides if "group approval" in s.title)
    job = slide_job(buyers)
    axis = job.figure.layout.yaxis
    assert list(axis.tickvals) == list(axis.categoryarray)
    assert len(axis.tickvals) >= 8
    # each label keeps its value in words (the page's label column), bound and all
    own = dict(zip(buyers.figure.layout.yaxis.tickvals, buyers.figure.layout.yaxis.ticktext, strict=True))
    assert list(axis.ticktext) == [own[c].replace("<br>", " ") for c in axis.categoryarray]  # one line a bar
    assert all("<b>" in text for text in axis.ticktext) and any("more than" in text for text in axis.ticktext)
