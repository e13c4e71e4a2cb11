"""What a briefing step looks like on a 16:9 page, shared by the PowerPoint and the PDF.

Why one module: the deck and the document must say the same thing in the same places, and
neither python-pptx nor a PDF viewer shrinks text that does not fit. So the boxes are fixed
here (in inches, 13.333 x 7.5 like PowerPoint's widescreen) and every text is fitted before it
is written: the largest font size from a short list at which the wrapped lines fit the box,
measured with real font metrics (Liberation Sans / Arial through fpdf2), else cut with "…".
Chart images are rendered once, through one browser, for both formats.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import plotly.graph_objects as go
from fpdf import FPDF
from PIL import Image

from components.exports.images import RenderJob, as_of_text, render_many
from components.exports.slide_figures import deck_moments, every_label
from components.theme import INK, MUTED, OKABE_ITO

SLIDE_W, SLIDE_H = 13.333, 7.5  # inches
MARGIN = 0.5
CONTENT_W = SLIDE_W - 2 * MARGIN
LINE_HEIGHT = 1.2  # line height in multiples of the font size
MAX_KPIS = 8
KPIS_PER_ROW = 4
IMAGE_WIDTH_PX = 1600
CHART_TEXT_PT = 12  # chart labels as they appear on the slide
SHOWN_AT_PX = 1920  # a slide projected 1920 px wide (1080 high) ...
MIN_CHART_TEXT_PX = 18  # ... shows no chart text smaller than this
# Fonts with Arial's metrics first, so the PowerPoint (which names Arial) and the PDF agree.
FONT_FILES = {
    "regular": (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ),
    "bold": (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
}
PPTX_FONT = "Arial"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
BASIS_NOTE = (
    "Figures are reported (a source stated them), derived (worked out by the project, formula "
    "given) or assumed (scenario inputs). 'More than 200,000' stays a lower bound throughout."
)


@dataclass(frozen=True)
class Box:
    """A place on the page, in inches from the top left."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height


TITLE_BOX = Box(MARGIN, 0.3, CONTENT_W, 1.0)
TAKEAWAY_BOX = Box(MARGIN, 1.35, CONTENT_W, 0.7)
BODY_BOX = Box(MARGIN, 2.15, CONTENT_W, 4.2)
SOURCE_BOX = Box(MARGIN, 6.45, CONTENT_W, 0.45)
FOOT_LEFT_BOX = Box(MARGIN, 6.95, 4.3, 0.3)
FOOT_LINK_BOX = Box(MARGIN + 4.4, 6.95, CONTENT_W - 4.4, 0.3)
KPI_ROW_H = 1.45  # a KPI row above a chart
KPI_CARD_H = 2.6  # a KPI card on a step without a chart
KPI_GAP = 0.25
KPI_PAD = 0.15
LINK_COLOUR = OKABE_ITO["blue"]
TITLE_SIZES = (32, 28, 26, 24)
TALL_TITLE_BOX = Box(MARGIN, 0.2, CONTENT_W, 1.65)  # a long caption wraps onto more lines, never cut
TALL_TITLE_SIZES = (26, 24, 22, 20)
TAKEAWAY_SIZES = (20, 18, 16)
SOURCE_SIZES = (13, 12, 11)


@dataclass
class Slide:
    """One briefing step: what it says, what it shows, where it comes from and how to reopen it."""

    title: str
    takeaway: str = ""
    figure: go.Figure | None = None
    kpis: list[tuple[str, str, str]] | None = None  # (label, value, detail)
    source_line: str = ""
    link: str = ""
    as_of: dt.date | str | None = None
    notes: list[str] = field(default_factory=list)  # extra speaker notes (citations)
    caption: str = ""  # a line under the chart: what the slide's version leaves out (ChartView.slide_caption)


def clean_text(text: object) -> str:
    """Plain text safe for a document: no control characters (XML and PDF refuse them)."""
    return _CONTROL.sub("", "" if text is None else str(text)).replace("\r\n", "\n").replace("\r", "\n").strip()


def safe_link(url: str) -> str | None:
    """The URL if it may become a clickable link (http or https with a host), else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc and " " not in url.strip() else None


@cache
def font_file(style: str) -> str | None:
    """The first installed TrueType font for the style, or None (then the PDF uses Helvetica)."""
    return next((path for path in FONT_FILES[style] if Path(path).is_file()), None)


def latin1(text: str) -> str:
    """Text for the PDF's built-in Helvetica when no TrueType font is installed."""
    table = str.maketrans({"–": "-", "—": "-", "−": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "·": "-"})
    return text.translate(table).encode("latin-1", "replace").decode("latin-1")


@cache
def _measurer() -> FPDF:
    pdf = FPDF(unit="pt")
    regular, bold = font_file("regular"), font_file("bold")
    if regular and bold:
        pdf.add_font("body", "", regular)
        pdf.add_font("body", "B", bold)
    return pdf


def measure(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of text in the body font."""
    pdf = _measurer()
    if font_file("regular") and font_file("bold"):
        pdf.set_font("body", "B" if bold else "", size)
        return pdf.get_string_width(text)
    pdf.set_font("helvetica", "B" if bold else "", size)
    return pdf.get_string_width(latin1(text))


def wrap(text: str, width_pt: float, size: float, bold: bool, measure_fn: Callable[..., float] = measure) -> list[str]:
    """Greedy word wrap by measured width; a word longer than a line is split."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if measure_fn(candidate, size, bold) <= width_pt:
                line = candidate
                continue
            if line:
                lines.append(line)
            while measure_fn(word, size, bold) > width_pt and len(word) > 1:
                cut = max(1, int(len(word) * width_pt / measure_fn(word, size, bold)) - 1)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


@dataclass(frozen=True)
class FittedText:
    lines: list[str]
    size: float
    bold: bool
    cut: bool = False  # the text did not fit even at the smallest size and ends with "…"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def fit(text: str, box: Box, sizes: Sequence[float], *, bold: bool = False) -> FittedText:
    """The largest size whose wrapped lines fit the box; at the smallest size, cut with '…'."""
    text = clean_text(text)
    width_pt, height_pt = box.width * 72, box.height * 72
    for size in sizes:
        lines = wrap(text, width_pt, size, bold)
        if len(lines) * size * LINE_HEIGHT <= height_pt:
            return FittedText(lines, size, bold)
    size = sizes[-1]
    keep = max(1, int(height_pt // (size * LINE_HEIGHT)))
    lines = wrap(text, width_pt, size, bold)[:keep]
    last = lines[-1]
    while last and measure(last + " …", size, bold) > width_pt:
        last = last[:-1]
    lines[-1] = last.rstrip() + " …"
    return FittedText(lines, size, bold, cut=True)


def kpi_boxes(count: int, area: Box) -> list[Box]:
    """Cards in rows of up to four, filling the area's width."""
    rows = [list(range(start, min(count, start + KPIS_PER_ROW))) for start in range(0, count, KPIS_PER_ROW)]
    height = (area.height - KPI_GAP * (len(rows) - 1)) / max(1, len(rows))
    boxes: list[Box] = []
    for row_index, row in enumerate(rows):
        width = (area.width - KPI_GAP * (len(row) - 1)) / len(row)
        top = area.top + row_index * (height + KPI_GAP)
        boxes.extend(Box(area.left + i * (width + KPI_GAP), top, width, height) for i in range(len(row)))
    return boxes


@dataclass(frozen=True)
class StepLayout:
    """Where a step's KPI cards and chart go."""

    kpi_area: Box | None
    chart: Box | None


@dataclass(frozen=True)
class Heading:
    """A step's title (wrapped onto a taller box when long), its takeaway and the body below."""

    title: Placed
    takeaway: Box
    body: Box


def heading(slide: Slide) -> Heading:
    fitted, box = fit(slide.title, TITLE_BOX, TITLE_SIZES, bold=True), TITLE_BOX
    if fitted.cut:
        fitted, box = fit(slide.title, TALL_TITLE_BOX, TALL_TITLE_SIZES, bold=True), TALL_TITLE_BOX
    takeaway = Box(MARGIN, box.bottom + 0.05, CONTENT_W, TAKEAWAY_BOX.height)
    top = takeaway.bottom + 0.1
    body = Box(MARGIN, top, CONTENT_W, SOURCE_BOX.top - 0.1 - top)
    return Heading(Placed(box, fitted, valign="bottom", role="title"), takeaway, body)


CAPTION_H = 0.55  # three lines at 11 pt
CAPTION_SIZES = (13, 12, 11)


def caption_box(slide: Slide) -> Box | None:
    """Where the chart's caption goes: the bottom of the body, under the chart (none without one)."""
    if not slide.caption or slide.figure is None:
        return None
    body = heading(slide).body
    return Box(body.left, body.bottom - CAPTION_H, body.width, CAPTION_H)


def step_layout(slide: Slide) -> StepLayout:
    body = heading(slide).body  # the body below this step's heading
    caption = caption_box(slide)
    if caption is not None:  # the chart ends above its caption
        body = Box(body.left, body.top, body.width, caption.top - 0.05 - body.top)
    kpis = slide.kpis or []
    if len(kpis) > MAX_KPIS:
        raise ValueError(f"a slide holds at most {MAX_KPIS} KPIs, got {len(kpis)}")
    if kpis and slide.figure is not None:
        kpi_area = Box(body.left, body.top, body.width, KPI_ROW_H)
        chart_top = kpi_area.bottom + 0.15
        return StepLayout(kpi_area, Box(body.left, chart_top, body.width, body.bottom - chart_top))
    if kpis:
        rows = (len(kpis) + KPIS_PER_ROW - 1) // KPIS_PER_ROW
        height = min(body.height - 0.2, KPI_CARD_H * rows + KPI_GAP * (rows - 1))
        return StepLayout(Box(body.left, body.top + 0.2, body.width, height), None)
    return StepLayout(None, body if slide.figure is not None else None)


def slide_job(slide: Slide) -> RenderJob | None:
    """How a step's chart is rendered for its box: sized to it, chart text at ``CHART_TEXT_PT``
    and never below ``MIN_CHART_TEXT_PX`` on a 1920 x 1080 screen, every category label shown."""
    chart = step_layout(slide).chart
    if slide.figure is None or chart is None:
        return None
    height = round(IMAGE_WIDTH_PX * chart.height / chart.width)
    font_px = CHART_TEXT_PT / 72 * IMAGE_WIDTH_PX / chart.width
    shown_px_per_image_px = chart.width * SHOWN_AT_PX / SLIDE_W / IMAGE_WIDTH_PX
    minimum = MIN_CHART_TEXT_PX / shown_px_per_image_px
    figure = every_label(deck_moments(slide.figure, font_px, IMAGE_WIDTH_PX))
    return RenderJob(figure, IMAGE_WIDTH_PX, height, "png", 2.0, font_px, minimum)


def render_slide_images(slides: Sequence[Slide]) -> list[bytes | None]:
    """PNG of each step's chart sized for its box (None where a step has no chart), one browser."""
    jobs: list[tuple[int, RenderJob]] = []
    for index, slide in enumerate(slides):
        job = slide_job(slide)
        if job is not None:
            jobs.append((index, job))
    images: list[bytes | None] = [None] * len(slides)
    for (index, _), png in zip(jobs, render_many([job for _, job in jobs]), strict=True):
        images[index] = _opaque(png)
    return images


def _opaque(png: bytes) -> bytes:
    """The PNG flattened onto white: an alpha channel makes PDF viewers tint the chart's box."""
    with Image.open(io.BytesIO(png)) as image:
        if image.mode == "RGB":
            return png
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.convert("RGBA").getchannel("A"))
        buffer = io.BytesIO()
        flat.save(buffer, format="PNG", optimize=False)
        return buffer.getvalue()


def deck_subtitle(slides: Sequence[Slide]) -> str:
    """'8 steps · as of 1 March 2026' from the steps themselves."""
    dates = [s.as_of for s in slides if isinstance(s.as_of, dt.date)]
    stamp = as_of_text(max(dates)).replace("As of", "data as of") if dates else ""
    count = f"{len(slides)} step{'s' if len(slides) != 1 else ''}"
    return " · ".join(part for part in (count, stamp) if part)


@dataclass(frozen=True)
class Placed:
    """One fitted text in its box, as both writers draw it."""

    box: Box
    fitted: FittedText
    colour: str = INK
    align: str = "left"  # left | right
    valign: str = "top"  # top | middle | bottom
    link: str | None = None
    role: str = "text"  # "title" goes into the slide's title placeholder


def step_texts(step: Slide, index: int, total: int) -> list[Placed]:
    """Title, takeaway, source line, as-of and step number, and the link of one step."""
    top = heading(step)
    placed = [top.title]
    if step.takeaway:
        placed.append(Placed(top.takeaway, fit(step.takeaway, top.takeaway, TAKEAWAY_SIZES)))
    caption = caption_box(step)
    if caption is not None:
        placed.append(Placed(caption, fit(step.caption, caption, CAPTION_SIZES), MUTED))
    if step.source_line:
        placed.append(Placed(SOURCE_BOX, fit(step.source_line, SOURCE_BOX, SOURCE_SIZES), MUTED))
    left = " · ".join(part for part in (as_of_text(step.as_of), f"Step {index} of {total}") if part)
    placed.append(Placed(FOOT_LEFT_BOX, fit(left, FOOT_LEFT_BOX, (12, 11)), MUTED))
    if step.link:
        link = safe_link(step.link)
        shown = fit(clean_text(step.link), FOOT_LINK_BOX, (12, 11, 10))
        one_line = FittedText(shown.lines[:1], shown.size, False)  # a long address is cut, its link stays whole
        placed.append(Placed(FOOT_LINK_BOX, one_line, LINK_COLOUR if link else MUTED, "right", link=link))
    return placed


def kpi_texts(box: Box, kpi: tuple[str, str, str], *, compact: bool) -> list[Placed]:
    """A KPI card's label, value and detail, stacked inside the card's padding."""
    label, value, detail = (clean_text(part) for part in kpi)
    inner = Box(box.left + KPI_PAD, box.top + KPI_PAD, box.width - 2 * KPI_PAD, box.height - 2 * KPI_PAD)
    label_h, value_h = inner.height * 0.22, inner.height * 0.42
    label_box = Box(inner.left, inner.top, inner.width, label_h)
    value_box = Box(inner.left, inner.top + label_h, inner.width, value_h)
    detail_box = Box(inner.left, value_box.bottom, inner.width, inner.height - label_h - value_h)
    value_sizes = (28, 24, 20, 18) if compact else (54, 48, 44, 40, 36, 32, 28, 24)
    return [
        Placed(label_box, fit(label, label_box, (18, 16, 14, 12)), MUTED),
        Placed(value_box, fit(value, value_box, value_sizes, bold=True), valign="middle"),
        Placed(detail_box, fit(detail, detail_box, (16, 14, 13, 12, 11)), MUTED),
    ]


def title_page_texts(slides: Sequence[Slide], deck_title: str, exported: dt.date) -> list[Placed]:
    """The opening page: the deck's title, what it covers, when it was exported, how to read it."""
    width = SLIDE_W - 1.6
    title_box, subtitle_box = Box(0.8, 2.2, width, 1.8), Box(0.8, 4.15, width, 0.5)
    stamp_box, note_box = Box(0.8, 4.7, width, 0.4), Box(0.8, SLIDE_H - 1.4, width, 0.8)
    stamp = f"Exported {exported.day} {exported:%B %Y} from the H200 China Tracker"
    return [
        Placed(title_box, fit(deck_title, title_box, (44, 40, 36, 32), bold=True), valign="bottom", role="title"),
        Placed(subtitle_box, fit(deck_subtitle(slides), subtitle_box, (22, 20)), MUTED),
        Placed(stamp_box, fit(stamp, stamp_box, (16, 14)), MUTED),
        Placed(note_box, fit(BASIS_NOTE, note_box, (14, 13, 12)), MUTED),
    ]
