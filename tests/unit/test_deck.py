"""The briefing as PowerPoint and PDF (issue 12, item 4): built, reopened and checked.

One browser renders the charts once for the module; the deck and the PDF reuse them, as the
app does when both are downloaded. Each step must come back with its title, its picture (or
KPI cards), its source line, its link and its as-of date, inside the slide, at readable sizes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import plotly.graph_objects as go
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu
from pypdf import PdfReader

import components.theme  # noqa: F401  (registers the "h200" template)
from components.exports.deck import Slide, build_pdf, build_pptx, render_slide_images
from components.exports.layout import BODY_BOX, Box, fit, measure

AS_OF = dt.date(2026, 3, 1)
HOSTILE_TITLE = '**Bold?** <b>tags</b> =HYPERLINK("http://x") -- as written'


def _bars() -> go.Figure:
    buyers = ["ByteDance", "Alibaba", "Tencent", "Baidu", "Unnamed firms"]
    fig = go.Figure(go.Bar(y=buyers, x=[400_000, 200_000, 150_000, 80_000, 50_000], orientation="h", name="Reported"))
    fig.add_bar(y=buyers, x=[0, 150_000, 0, 0, 20_000], orientation="h", name="Derived from wording")
    return fig.update_layout(template="h200", title="Interest by buyer", xaxis_title="H200 chips")


def _line() -> go.Figure:
    dates = [dt.date(2025, 12, 1) + dt.timedelta(days=7 * i) for i in range(20)]
    fig = go.Figure(go.Scatter(x=dates, y=[i * 30_000 for i in range(20)], mode="lines+markers", name="Approved"))
    return fig.update_layout(template="h200", title="Approved volume", yaxis_title="chips")


SLIDES = [
    Slide(
        title="Who wants how many H200s, by buyer, with the project's derived figures kept apart",
        takeaway="ByteDance and Alibaba account for most of the interest reported so far.",
        figure=_bars(),
        source_line="Sources: Reuters (28 Jan 2026); Bloomberg (3 Mar 2026); The Information (7 Jan 2026)",
        link="https://tracker.example/buyers?as_of=2026-03-01&buyers=bytedance,alibaba",
        as_of=AS_OF,
    ),
    Slide(
        title=HOSTILE_TITLE,
        takeaway="Washington has licensed a first batch; Beijing has not approved any buyer.",
        kpis=[
            ("Approved by the US", "more than 400,000", "chips, reported 28 Jan 2026"),
            ("Delivered", "0", "no shipment reported"),
            ("Buyers named", "4", "ByteDance, Alibaba, Tencent, Baidu"),
        ],
        source_line="Sources: Reuters (28 Jan 2026); Financial Times (23 Dec 2025)",
        link="javascript:alert(1)",
        as_of=AS_OF,
    ),
    Slide(
        title="Approved volume over time",
        takeaway="Approvals rose steadily from January.",
        figure=_line(),
        kpis=[("Latest", "570,000", "chips approved"), ("Change", "+30,000", "in the last week")],
        source_line="Source: US Commerce Department rule (15 Jan 2026)",
        link="https://tracker.example/supply?as_of=2026-03-01",
        as_of="2026-03-01",
    ),
]
DECK_TITLE = "H200 into China: three steps"


@pytest.fixture(scope="module")
def pictures() -> list[bytes | None]:
    return render_slide_images(SLIDES)


@pytest.fixture(scope="module")
def pptx_bytes(pictures: list[bytes | None]) -> bytes:
    return build_pptx(SLIDES, deck_title=DECK_TITLE, images=pictures)


@pytest.fixture(scope="module")
def pdf_bytes(pictures: list[bytes | None]) -> bytes:
    return build_pdf(SLIDES, deck_title=DECK_TITLE, images=pictures)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_images_one_per_chart_step(pictures: list[bytes | None]) -> None:
    assert pictures[1] is None, "the KPI-only step has no picture"
    for png in (pictures[0], pictures[2]):
        assert png is not None
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG" and image.width == 3200


def test_pptx_has_a_title_slide_and_one_slide_per_step(pptx_bytes: bytes) -> None:
    deck = Presentation(io.BytesIO(pptx_bytes))
    assert len(deck.slides) == len(SLIDES) + 1
    assert deck.slide_width == Emu(int(13.333 * 914400)) and deck.slide_height == Emu(int(7.5 * 914400))
    assert deck.slides[0].shapes.title.text_frame.text == DECK_TITLE
    for slide, step in zip(list(deck.slides)[1:], SLIDES, strict=True):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert slide.shapes.title.text_frame.text == step.title, "titles are plain text, markup and all"
        assert step.takeaway in texts
        assert step.source_line in texts
        assert "As of 1 March 2026 · Step" in " ".join(texts)
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (1 if step.figure is not None else 0)
        for kpi in step.kpis or []:
            assert kpi[1] in texts
        assert step.source_line in slide.notes_slide.notes_text_frame.text


def test_pptx_links_only_for_web_addresses(pptx_bytes: bytes) -> None:
    deck = Presentation(io.BytesIO(pptx_bytes))
    for slide, step in zip(list(deck.slides)[1:], SLIDES, strict=True):
        runs = [
            run for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs
        ]
        addresses = [run.hyperlink.address for run in runs if run.hyperlink.address]
        assert addresses == ([step.link] if step.link.startswith("https://") else [])


def test_pptx_nothing_leaves_the_slide_and_text_is_projector_sized(pptx_bytes: bytes) -> None:
    deck = Presentation(io.BytesIO(pptx_bytes))
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= deck.slide_width, shape.name
            assert shape.top + shape.height <= deck.slide_height, shape.name
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size.pt >= 10, (shape.name, run.text)
    titles = [s.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt for s in list(deck.slides)[1:]]
    assert min(titles) >= 24


def test_pdf_one_landscape_page_per_step_with_text(pdf_bytes: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf_bytes))
    assert len(reader.pages) == len(SLIDES) + 1
    assert reader.metadata.title == DECK_TITLE
    for page, step in zip(reader.pages[1:], SLIDES, strict=True):
        assert float(page.mediabox.width) == pytest.approx(960, abs=1)
        assert float(page.mediabox.height) == pytest.approx(540, abs=1)
        text = _squash(page.extract_text())
        assert _squash(step.title) in text
        assert _squash(step.source_line) in text
        assert "As of" in text
        assert len(page.images) == (1 if step.figure is not None else 0)
        uris = [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", []) if "/A" in a.get_object()]
        assert uris == ([step.link] if step.link.startswith("https://") else [])


def test_pdf_page_renders_with_pdftoppm(pdf_bytes: bytes, tmp_path: Path) -> None:
    source = tmp_path / "deck.pdf"
    source.write_bytes(pdf_bytes)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "2", "-l", "2", "-png", str(source), str(tmp_path / "page")], check=True
    )
    rendered = sorted(tmp_path.glob("page*.png"))
    assert len(rendered) == 1
    image = Image.open(rendered[0]).convert("L")
    assert abs(image.width - 533) <= 1 and image.height == 300
    dark = sum(image.histogram()[:128])
    assert dark > 500, "text and chart drawn"


def test_fit_shrinks_then_cuts() -> None:
    box = Box(0, 0, 6, 0.6)
    short = fit("Approved volume", box, (32, 24))
    assert short.size == 32 and short.lines == ["Approved volume"]
    assert fit("Approved volume", Box(0, 0, 6, 0.5), (32, 24)).size == 24, "32 pt lines are taller than 0.5 in"
    long = fit("word " * 200, box, (32, 24, 12))
    assert long.size == 12 and long.lines[-1].endswith("…")
    assert len(long.lines) * 12 * 1.2 <= 0.6 * 72
    assert all(measure(line, 12) <= 6 * 72 for line in long.lines)


def test_too_many_kpis_is_an_error() -> None:
    crowded = Slide(title="x", kpis=[("a", "1", "")] * 9)
    with pytest.raises(ValueError, match="at most 8"):
        build_pptx([crowded], deck_title="x", images=[None])


def test_body_box_inside_slide() -> None:
    assert BODY_BOX.bottom < 7.5 and BODY_BOX.left + BODY_BOX.width < 13.34
