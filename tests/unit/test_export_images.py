"""Chart images with title, as-of date and source line drawn in (issue 12, item 4).

The pure parts (the chart copy, the frame measurements, escaping, the browser choice) are
tested without a browser; two tests render through kaleido and the system Chromium and look at
the result: size, where ink lands, the text in the SVG.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest
from PIL import Image

import components.theme  # noqa: F401  (registers the "h200" template)
from components.exports import images
from components.exports.images import chart_body, chart_image, footer_text, frame_layout, plain_title, wrap_markup

BUYERS = ["ByteDance", "Alibaba", "Tencent", "Baidu", "A firm with a rather long registered name Ltd"]


def _figure() -> go.Figure:
    fig = go.Figure(go.Bar(y=BUYERS, x=[400_000, 200_000, 150_000, 80_000, 20_000], orientation="h", name="Reported"))
    fig.add_bar(y=BUYERS, x=[0, 150_000, 0, 0, 10_000], orientation="h", name="Derived")
    fig.update_layout(template="h200", title="Interest by buyer<br><span style='font-size:13px'>sub</span>")
    fig.add_annotation(text="note", x=1, y=1, xref="paper", yref="paper", font={"size": 10})
    return fig


def test_chart_body_is_a_scaled_copy_without_title() -> None:
    fig = _figure()
    before = fig.to_json()
    body = chart_body(fig, width=1600, height=700, font_px=28)
    assert fig.to_json() == before, "the caller's figure is never changed"
    assert body.layout.title.text == ""
    assert body.layout.font.size == 28
    assert body.layout.width == 1600 and body.layout.height == 700
    assert body.layout.annotations[0].font.size == pytest.approx(20, abs=0.1), "10px at base 14 -> 20px at 28"
    assert body.layout.template.layout.legend.font.size == pytest.approx(24, abs=0.1)


def test_frame_layout_leaves_the_chart_the_rest_and_wraps_long_titles() -> None:
    long_title = "A title that goes on " * 12
    layout = frame_layout(
        title=long_title, subtitle="sub", footer="As of 1 March 2026 · Sources: x", width=1600, height=900, font_px=23
    )
    assert len(layout.title_lines) == 2 and layout.title_lines[-1].endswith("…")
    assert layout.header_h + layout.chart_px + layout.footer_h <= 900
    assert layout.chart_px > 500


def test_text_is_escaped_for_plotly_markup() -> None:
    lines = wrap_markup("<b>bold</b> & <a href='javascript:x'>link</a>", size_px=20, width_px=2000, max_lines=2)
    assert lines == ["&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href='javascript:x'&gt;link&lt;/a&gt;"]


def test_footer_and_plain_title() -> None:
    assert footer_text(dt.date(2026, 3, 1), "Source: Reuters") == "As of 1 March 2026 · Source: Reuters"
    assert footer_text("2026-03-01", None) == "As of 1 March 2026"
    assert footer_text("early March", "") == "As of early March"
    assert footer_text(None, None) == ""
    assert plain_title(_figure()) == "Interest by buyer"


def test_chromium_path_prefers_browser_path_then_system(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    system = tmp_path / "system-chromium"
    system.write_text("")
    monkeypatch.setattr(images, "SYSTEM_CHROMIUM", str(system))
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    assert images.chromium_path() == str(system), "Debian's Chromium, never a download"
    chosen = tmp_path / "chrome"
    chosen.write_text("")
    monkeypatch.setenv("BROWSER_PATH", str(chosen))
    assert images.chromium_path() == str(chosen)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    assert images.chromium_path() == str(system), "a BROWSER_PATH naming no file is ignored"


def _ink_rows(image: Image.Image) -> list[int]:
    grey = image.convert("L")
    width, height = grey.size
    pixels = grey.load()
    return [y for y in range(height) if any(pixels[x, y] < 140 for x in range(0, width, 4))]


def test_png_has_title_at_top_footer_at_bottom_and_is_presentation_size() -> None:
    fig = _figure()
    before = fig.to_json()
    png = chart_image(
        fig,
        title="Interest by buyer, as reported",
        subtitle="Solid = reported",
        as_of=dt.date(2026, 3, 1),
        source_line="Sources: Reuters (28 Jan 2026); Bloomberg (3 Mar 2026)",
        fmt="png",
        width=800,
        height=450,
        scale=1,
    )
    assert fig.to_json() == before
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (800, 450)
    rows = _ink_rows(image)
    assert min(rows) < 40, "title drawn near the top"
    assert max(rows) > 450 - 30, "footer drawn near the bottom"
    assert max(rows) < 450 - 3, "nothing touches the bottom edge"


def test_svg_carries_title_and_footer_as_text() -> None:
    svg = chart_image(
        _figure(),
        title="<script>alert(1)</script> Interest",
        subtitle=None,
        as_of="2026-03-01",
        source_line="Source: =HYPERLINK(1)",
        fmt="svg",
        width=800,
        height=450,
    )
    root = ET.fromstring(svg)
    text = " ".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))
    assert "<script>alert(1)</script> Interest" in text, "shown as written, not as markup"
    assert "As of 1 March 2026 · Source: =HYPERLINK(1)" in text
    assert not any(node.tag.endswith("script") for node in root.iter())


def test_rendering_works_from_inside_a_running_event_loop() -> None:
    """Callers may already run an event loop; the render then runs on a thread of its own."""

    async def answer() -> list[bytes]:
        return [b"ok"]

    async def caller() -> list[bytes]:
        return images._run(answer())

    assert asyncio.run(caller()) == [b"ok"]
    assert images._run(answer()) == [b"ok"]
