"""The built-in briefing as PowerPoint and PDF: one slide and one page per step, each with its
title, the chart as an image and the source line; reopened with python-pptx and pypdf."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from components.briefings import briefing_slides
from components.exports.deck import build_pdf, build_pptx, render_slide_images


@pytest.fixture(scope="module")
def built(real_seeds):
    briefing = real_seeds.briefings["h200-status"]
    slides = briefing_slides(briefing, real_seeds, lambda n: f"https://h200.example/?briefing=h200-status&step={n}")
    images = render_slide_images(slides)
    return (
        briefing,
        slides,
        build_pptx(slides, deck_title=briefing.title, images=images),
        build_pdf(slides, deck_title=briefing.title, images=images),
    )


def test_every_step_is_a_slide_with_title_image_and_sources(built) -> None:
    briefing, slides, pptx, _ = built
    deck = Presentation(io.BytesIO(pptx))
    steps = list(deck.slides)[1:]  # the first slide is the deck's title
    assert len(steps) == len(briefing.steps)
    for slide, step, source in zip(steps, briefing.steps, slides, strict=True):
        text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert slide.shapes.title.text_frame.text.replace("\n", " ")[:30] in step.caption.replace("\n", " ")
        assert "Sources:" in text and "Sources: none" not in text
        if source.figure is not None:
            assert any(shape.shape_type == 13 for shape in slide.shapes), "a picture of the chart"  # 13 = PICTURE
        else:  # the overview's slide is its headline cards, as on the meeting screen
            assert source.kpis and all(kpi[1] in text for kpi in source.kpis)


def test_every_step_is_a_pdf_page_with_its_title_and_sources(built) -> None:
    briefing, slides, _, pdf = built
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(briefing.steps) + 1
    for page, step, source in zip(reader.pages[1:], briefing.steps, slides, strict=True):
        text = " ".join(page.extract_text().split())
        assert " ".join(step.caption.split()[:4]) in text
        assert "Sources:" in text
        assert bool(page.images) == (source.figure is not None), "the chart is embedded as an image"


def test_each_slide_is_true_at_its_step_date(built) -> None:
    briefing, slides, _, _ = built
    for slide, step in zip(slides, briefing.steps, strict=True):
        assert str(slide.as_of) == str(step.params.get("as_of", briefing.as_of))
