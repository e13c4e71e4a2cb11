"""A briefing as a PowerPoint deck (and, through `document`, as a PDF), one slide per step.

Each step slide carries its title, a one-line takeaway, the chart as an image (or a row of KPI
cards), the source line, the step's link and the as-of date: the same things the meeting
screen shows, in the same places on every slide (`layout`). Text goes in as plain runs (never
parsed as markup), already fitted to its box, so nothing spills off a 16:9 slide.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from components.exports.document import build_pdf
from components.exports.layout import (
    PPTX_FONT,
    SLIDE_H,
    SLIDE_W,
    Box,
    Placed,
    Slide,
    as_of_text,
    clean_text,
    kpi_boxes,
    kpi_texts,
    render_slide_images,
    step_layout,
    step_texts,
    title_page_texts,
)
from components.theme import GRID

# Re-exported so callers need only this module: Slide to describe steps, build_pdf for the PDF.
__all__ = ["Slide", "build_pdf", "build_pptx", "render_slide_images"]

CARD_FILL = "#F4F6F8"
ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _emu(box: Box) -> tuple[int, int, int, int]:
    return Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height)


def _write(slide, placed: Placed) -> None:
    """One fitted text: in the title placeholder or a new text box; no insets, no auto-size."""
    if placed.role == "title":
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = _emu(placed.box)
    else:
        shape = slide.shapes.add_textbox(*_emu(placed.box))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = ANCHOR[placed.valign]
    paragraph = frame.paragraphs[0]
    paragraph.alignment = ALIGN[placed.align]
    run = paragraph.add_run()
    run.text = " ".join(placed.fitted.lines)
    run.font.name = PPTX_FONT
    run.font.size = Pt(placed.fitted.size)
    run.font.bold = placed.fitted.bold
    run.font.color.rgb = _rgb(placed.colour)
    if placed.link:
        run.hyperlink.address = placed.link


def _kpi_card(slide, box: Box, kpi: tuple[str, str, str], *, compact: bool) -> None:
    card = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, *_emu(box))
    card.adjustments[0] = 0.06
    card.fill.solid()
    card.fill.fore_color.rgb = _rgb(CARD_FILL)
    card.line.color.rgb = _rgb(GRID)
    card.shadow.inherit = False
    for placed in kpi_texts(box, kpi, compact=compact):
        _write(slide, placed)


def _picture(slide, box: Box, png: bytes, alt: str) -> None:
    picture = slide.shapes.add_picture(io.BytesIO(png), *_emu(box))
    picture._element.nvPicPr.cNvPr.set("descr", clean_text(alt)[:1000])  # alt text; python-pptx has no API for it


def _step_slide(presentation, step: Slide, png: bytes | None, index: int, total: int) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])  # "Title Only"
    for placed in step_texts(step, index, total):
        _write(slide, placed)
    layout = step_layout(step)
    if layout.kpi_area is not None and step.kpis:
        for box, kpi in zip(kpi_boxes(len(step.kpis), layout.kpi_area), step.kpis, strict=True):
            _kpi_card(slide, box, kpi, compact=layout.chart is not None)
    if layout.chart is not None and png is not None:
        _picture(slide, layout.chart, png, f"{step.title}. {step.takeaway}")
    notes = [step.takeaway, step.source_line, as_of_text(step.as_of), step.link, *step.notes]
    slide.notes_slide.notes_text_frame.text = "\n".join(clean_text(line) for line in notes if line)


def build_pptx(slides: Sequence[Slide], *, deck_title: str, images: Sequence[bytes | None] | None = None) -> bytes:
    """A 16:9 deck: a title slide, then one slide per step.

    `images` (from `render_slide_images`) lets a caller that builds the PDF too render the
    charts only once; without it they are rendered here, through one browser.
    """
    pictures = list(images) if images is not None else render_slide_images(slides)
    if len(pictures) != len(slides):
        raise ValueError("one image (or None) per slide")
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    presentation.core_properties.title = clean_text(deck_title)[:255]
    opening = presentation.slides.add_slide(presentation.slide_layouts[5])
    for placed in title_page_texts(slides, deck_title, dt.datetime.now(dt.UTC).date()):
        _write(opening, placed)
    for index, (step, png) in enumerate(zip(slides, pictures, strict=True), start=1):
        _step_slide(presentation, step, png, index, len(slides))
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
