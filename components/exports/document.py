"""A briefing as a PDF: a title page, then one landscape 16:9 page per step, like the deck.

fpdf2 writes the text as real text (searchable, selectable) in the same boxes and fitted sizes
as the PowerPoint (`layout`), and embeds each chart as an image. Data text goes through
`cell()` only, with fpdf2's markdown off (passed explicitly) and no `write_html`, so a title
holding "**", "<b>" or "--" is printed as written. With Liberation Sans or DejaVu Sans installed
the text is full Unicode; without, the built-in Helvetica gets a Latin-1 version of it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from fpdf import FPDF

from components.exports.layout import (
    KPI_PAD,
    LINE_HEIGHT,
    SLIDE_H,
    SLIDE_W,
    Box,
    Placed,
    Slide,
    clean_text,
    font_file,
    kpi_boxes,
    kpi_texts,
    latin1,
    render_slide_images,
    step_layout,
    step_texts,
    title_page_texts,
)
from components.theme import GRID

CARD_FILL = "#F4F6F8"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class _Document:
    """An FPDF in inches, 13.333 x 7.5 like the slides, with the body font chosen once."""

    def __init__(self, title: str) -> None:
        self.pdf = FPDF(orientation="L", unit="in", format=(SLIDE_H, SLIDE_W))
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(0, 0, 0)
        self.pdf.c_margin = 0
        self.pdf.set_title(clean_text(title)[:255])
        self.pdf.set_creator("H200 China Tracker")
        regular, bold = font_file("regular"), font_file("bold")
        self.unicode = bool(regular and bold)
        if regular and bold:
            self.pdf.add_font("body", "", regular)
            self.pdf.add_font("body", "B", bold)

    def write(self, placed: Placed) -> None:
        """Each fitted line as a cell; the block sits at the top, middle or bottom of its box."""
        fitted, box = placed.fitted, placed.box
        self.pdf.set_font("body" if self.unicode else "helvetica", "B" if fitted.bold else "", fitted.size)
        self.pdf.set_text_color(*_rgb(placed.colour))
        line_h = fitted.size * LINE_HEIGHT / 72
        spare = max(0.0, box.height - line_h * len(fitted.lines))
        offset = {"top": 0.0, "middle": spare / 2, "bottom": spare}[placed.valign]
        for number, line in enumerate(fitted.lines):
            self.pdf.set_xy(box.left, box.top + offset + number * line_h)
            shown = line if self.unicode else latin1(line)
            align = "R" if placed.align == "right" else "L"
            self.pdf.cell(box.width, line_h, shown, align=align, link=placed.link or "", markdown=False)

    def card(self, box: Box) -> None:
        self.pdf.set_fill_color(*_rgb(CARD_FILL))
        self.pdf.set_draw_color(*_rgb(GRID))
        self.pdf.set_line_width(0.01)
        self.pdf.rect(box.left, box.top, box.width, box.height, style="DF", round_corners=True, corner_radius=KPI_PAD)


def _step_page(doc: _Document, step: Slide, png: bytes | None, index: int, total: int) -> None:
    doc.pdf.add_page()
    for placed in step_texts(step, index, total):
        doc.write(placed)
    layout = step_layout(step)
    if layout.kpi_area is not None and step.kpis:
        for box, kpi in zip(kpi_boxes(len(step.kpis), layout.kpi_area), step.kpis, strict=True):
            doc.card(box)
            for placed in kpi_texts(box, kpi, compact=layout.chart is not None):
                doc.write(placed)
    if layout.chart is not None and png is not None:
        chart = layout.chart
        alt = clean_text(f"{step.title}. {step.takeaway}")[:500]
        doc.pdf.image(io.BytesIO(png), chart.left, chart.top, chart.width, chart.height, alt_text=alt)


def build_pdf(slides: Sequence[Slide], *, deck_title: str, images: Sequence[bytes | None] | None = None) -> bytes:
    """A PDF with a title page and one landscape page per step (same content as the deck)."""
    pictures = list(images) if images is not None else render_slide_images(slides)
    if len(pictures) != len(slides):
        raise ValueError("one image (or None) per slide")
    doc = _Document(deck_title)
    doc.pdf.add_page()
    for placed in title_page_texts(slides, deck_title, dt.datetime.now(dt.UTC).date()):
        doc.write(placed)
    for index, (step, png) in enumerate(zip(slides, pictures, strict=True), start=1):
        _step_page(doc, step, png, index, len(slides))
    return bytes(doc.pdf.output())
