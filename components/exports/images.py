"""Chart images that stand on their own: title, as-of date and source line drawn in.

Why two passes: Plotly places annotations relative to the plot area, whose size depends on how
far axis labels push the margins (automargin), so a footer drawn inside the chart figure can
land on the tick labels or off the image. Instead the chart itself is rendered first (its own
title removed, fonts scaled to the image size) and then placed as a vector image inside a plain
frame figure with no axes, where paper coordinates are exact: title at the top, as-of and
sources at the bottom, nothing cut whatever the chart's margins do.

Rendering goes through kaleido 1.x, which drives a Chromium. Kaleido looks first for a Chrome it
downloaded itself, then BROWSER_PATH, then names on PATH; `chromium_path()` makes the choice
explicit (BROWSER_PATH if it names a file, else Debian's /usr/bin/chromium) and passes it to
kaleido, so nothing is ever downloaded. One browser serves a whole batch (`render_many`): starting
Chromium costs about 2.5 s, each figure about 0.25 s after that.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import html
import os
import re
import shutil
import textwrap
import threading
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import kaleido
import plotly.graph_objects as go

from components.format import SUBTITLE, wrap_lines
from components.theme import FONT, INK, MUTED, PAPER

ImageFormat = Literal["png", "svg"]
SYSTEM_CHROMIUM = "/usr/bin/chromium"
PLOTLY_DEFAULT_FONT_PX = 12
TITLE_ROOM_PX = 60  # what a figure's own title and subtitle take at the top, in the app's template
RENDER_TIMEOUT_S = 60
_BROWSERS = threading.BoundedSemaphore(2)  # at most two Chromiums at once on a small server
_TAG = re.compile(r"<[^>]*>")


def chromium_path() -> str | None:
    """The browser kaleido should drive: BROWSER_PATH if it is a file, else the system Chromium."""
    configured = os.environ.get("BROWSER_PATH")
    if configured and Path(configured).is_file():
        return configured
    if Path(SYSTEM_CHROMIUM).is_file():
        return SYSTEM_CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run(coroutine: Coroutine[Any, Any, list[bytes]]) -> list[bytes]:
    """Run a coroutine to completion, from plain code or from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    result: list[list[bytes]] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coroutine))
        except BaseException as error:  # handed back to the caller's thread
            failure.append(error)

    worker = threading.Thread(target=target, name="chart-image-render")
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return result[0]


@dataclass(frozen=True)
class RenderJob:
    """One figure to render: a plain figure, or a chart to frame with its title and footer."""

    figure: go.Figure
    width: int
    height: int
    fmt: ImageFormat = "png"
    scale: float = 2.0
    font_px: float | None = None
    min_font_px: float | None = None  # no text smaller (slides: 18 px when shown at 1920 x 1080)
    title: str | None = None  # None: the chart body only, no frame
    subtitle: str | None = None
    as_of: dt.date | str | None = None
    source_line: str | None = None


def render_many(jobs: Sequence[RenderJob]) -> list[bytes]:
    """Render several jobs through one browser, in order."""
    if not jobs:
        return []

    async def run() -> list[bytes]:
        async with kaleido.Kaleido(path=chromium_path(), mathjax=False, n=1, timeout=RENDER_TIMEOUT_S) as browser:
            return [await _render_job(browser, job) for job in jobs]

    with _BROWSERS:
        return _run(run())


async def _render_job(browser: kaleido.Kaleido, job: RenderJob) -> bytes:
    font_px = job.font_px or job.width / 70
    if job.title is None:
        body = chart_body(job.figure, width=job.width, height=job.height, font_px=font_px, min_font_px=job.min_font_px)
        return await _calc(browser, body, job.fmt, job.width, job.height, job.scale)
    layout = frame_layout(
        title=job.title,
        subtitle=job.subtitle,
        footer=footer_text(job.as_of, job.source_line),
        width=job.width,
        height=job.height,
        font_px=font_px,
    )
    body = chart_body(job.figure, width=job.width, height=layout.chart_px, font_px=font_px)
    svg = await _calc(browser, body, "svg", job.width, layout.chart_px, 1)
    framed = frame_figure(svg, layout)
    return await _calc(browser, framed, job.fmt, job.width, job.height, job.scale)


async def _calc(browser: kaleido.Kaleido, fig: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    return await browser.calc_fig(fig.to_dict(), opts=opts)


def chart_image(
    fig: go.Figure,
    *,
    title: str,
    subtitle: str | None = None,
    as_of: dt.date | str | None,
    source_line: str | None,
    fmt: ImageFormat = "png",
    width: int = 1600,
    height: int = 900,
    scale: float = 2.0,
) -> bytes:
    """PNG or SVG bytes of a copy of `fig` with its title, as-of date and source line drawn in.

    `fig` is never changed. An empty `title` falls back to the figure's own title as plain text.
    PNG comes at `scale` times the size (2: crisp on slides); SVG keeps the chart as vectors.
    """
    if fmt not in ("png", "svg"):
        raise ValueError(f"fmt must be 'png' or 'svg', not {fmt!r}")
    job = RenderJob(
        figure=fig,
        width=width,
        height=height,
        fmt=fmt,
        scale=scale,
        title=title or plain_title(fig),
        subtitle=subtitle,
        as_of=as_of,
        source_line=source_line,
    )
    return render_many([job])[0]


_INLINE_SIZE = re.compile(r"font-size:\s*([0-9.]+)px")


def plain_title(fig: go.Figure) -> str:
    """A figure's own title without its markup: the first line, tags removed, entities decoded."""
    return chart_heading(fig)[0]


def chart_heading(fig: go.Figure) -> tuple[str, str]:
    """A figure's title (on one line again) and subtitle (the grey ``<span>`` under it), as plain
    text; without that span, the title is the first line and the subtitle the rest."""
    text = fig.layout.title.text or ""
    title, marker, subtitle = text.partition(SUBTITLE)
    if not marker:
        title, _, subtitle = text.partition("<br>")

    def clean(part: str) -> str:
        return " ".join(html.unescape(_TAG.sub(" ", re.sub(r"<br\s*/?>", " ", part))).split())

    return clean(title), clean(SUBTITLE[4:] + subtitle if marker else subtitle)


def _scale_fonts(node: object, factor: float) -> None:
    """Multiply every font size in a figure dict (layout, traces, template) by `factor`, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), int | float):
                value["size"] = round(value["size"] * factor, 1)
            _scale_fonts(value, factor)
    elif isinstance(node, list | tuple):
        for item in node:
            _scale_fonts(item, factor)


def clamp_fonts(node: object, minimum: float) -> None:
    """Raise every font size in a figure dict below ``minimum`` to it, in place (inline
    ``font-size:NNpx`` in title markup too), so no label is too small to read from the back."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), int | float):
                value["size"] = max(value["size"], round(minimum, 1))
            elif key == "text" and isinstance(value, str) and "font-size:" in value:
                node[key] = _INLINE_SIZE.sub(lambda m: f"font-size:{max(float(m.group(1)), minimum):g}px", value)
            clamp_fonts(value, minimum)
    elif isinstance(node, list | tuple):
        for item in node:
            clamp_fonts(item, minimum)


def _legend_shown(spec: dict) -> bool:
    """Plotly's rule, roughly: an explicit showlegend, else a legend when two or more traces join it."""
    explicit = spec.get("layout", {}).get("showlegend")
    if explicit is not None:
        return bool(explicit)
    return sum(1 for trace in spec.get("data", []) if trace.get("showlegend", True) is not False) > 1


def base_font_px(spec: dict) -> float:
    """The figure's body text size (its own, else its template's): ``chart_body`` scales every
    font by ``font_px`` over this."""
    layout = spec.get("layout", {})
    template_layout = layout.get("template", {}).get("layout", {})
    base = (layout.get("font") or {}).get("size") or (template_layout.get("font") or {}).get("size")
    return float(base or PLOTLY_DEFAULT_FONT_PX)


def chart_body(
    fig: go.Figure, *, width: int, height: int, font_px: float, min_font_px: float | None = None
) -> go.Figure:
    """A copy of the chart sized for an image: no title of its own, fonts scaled to `font_px`
    (none below `min_font_px`)."""
    spec = fig.to_dict()  # a deep copy: the caller's figure is never touched
    layout = spec.setdefault("layout", {})
    template_layout = layout.get("template", {}).get("layout", {})
    factor = font_px / base_font_px(spec)
    _scale_fonts(spec, factor)
    layout.setdefault("font", {})["size"] = round(font_px, 1)
    legend = layout.setdefault("legend", {})
    legend["font"] = {**(legend.get("font") or {}), "size": round(font_px * 0.9, 1)}  # keys stay legible
    margin = {**(template_layout.get("margin") or {}), **(layout.get("margin") or {})}
    top = margin.get("t", 100) - (TITLE_ROOM_PX if (layout.get("title") or {}).get("text") else 0)
    margin["t"] = round(max(font_px, top * factor))
    bottom = margin.get("b", 80) if _legend_shown(spec) else min(margin.get("b", 80), 30)  # room kept for a legend
    margin["b"] = round(bottom * factor)
    notes = [n for n in layout.get("annotations") or () if n.get("yshift") and (n.get("font") or {}).get("size")]
    drawn = [n["font"]["size"] for n in notes]
    if min_font_px:
        clamp_fonts(spec, min_font_px)
    for note, size in zip(notes, drawn, strict=True):  # rows of labels (yshift) grow with their text
        note["yshift"] = round(note["yshift"] * factor * note["font"]["size"] / size, 1)
    above = max((n["yshift"] + n["font"]["size"] * 1.4 for n in notes), default=0)
    margin["t"] = round(max(margin["t"], above + 8))
    layout.update(title={"text": ""}, margin=margin, width=width, height=height, autosize=False)
    return go.Figure(spec)


def as_of_text(as_of: dt.date | str | None) -> str:
    """'As of 1 March 2026': the month in words, so nobody reads 03/01 two ways (ISO text too)."""
    if isinstance(as_of, str):
        text = as_of.strip()
        try:
            as_of = dt.date.fromisoformat(text)
        except ValueError:
            return f"As of {text}" if text else ""
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    return f"As of {as_of.day} {as_of:%B %Y}" if isinstance(as_of, dt.date) else ""


def footer_text(as_of: dt.date | str | None, source_line: str | None) -> str:
    """'As of 1 March 2026 · Sources: …' for the bottom of a chart image."""
    return " · ".join(part for part in (as_of_text(as_of), str(source_line or "")) if part)


def wrap_markup(text: str, *, size_px: float, width_px: float, max_lines: int, bold: bool = False) -> list[str]:
    """Plain text wrapped to the width (estimated from the font size) and escaped for Plotly."""
    per_char = size_px * (0.58 if bold else 0.53)
    lines = wrap_lines(str(text), max(10, int(width_px / per_char)), break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], textwrap.shorten(" ".join(lines[max_lines - 1 :]), int(width_px / per_char))]
        if not lines[-1].endswith("…"):
            lines[-1] = lines[-1].removesuffix("[...]").rstrip() + "…"
    return [html.escape(line, quote=False) for line in lines]


@dataclass(frozen=True)
class FrameLayout:
    """Where the title block, the chart and the footer go, in pixels of the final image."""

    width: int
    height: int
    pad: float
    title_lines: list[str]
    title_px: float
    subtitle_lines: list[str]
    subtitle_px: float
    footer_lines: list[str]
    footer_px: float
    header_h: float
    footer_h: float

    @property
    def chart_px(self) -> int:
        return max(120, int(self.height - self.header_h - self.footer_h))


def frame_layout(
    *, title: str, subtitle: str | None, footer: str, width: int, height: int, font_px: float
) -> FrameLayout:
    """Measure the title block and footer so the chart gets exactly the room that is left."""
    pad = font_px
    title_px, subtitle_px, footer_px = font_px * 1.45, font_px * 0.95, font_px * 0.8
    inner = width - 2 * pad
    title_lines = wrap_markup(title, size_px=title_px, width_px=inner, max_lines=2, bold=True)
    subtitle_lines = wrap_markup(subtitle, size_px=subtitle_px, width_px=inner, max_lines=2) if subtitle else []
    footer_lines = wrap_markup(footer, size_px=footer_px, width_px=inner, max_lines=3) if footer else []
    header_h = pad + len(title_lines) * title_px * 1.3 + len(subtitle_lines) * subtitle_px * 1.35 + pad * 0.5
    footer_h = (pad * 0.6 + len(footer_lines) * footer_px * 1.35 + pad * 0.8) if footer_lines else pad * 0.5
    return FrameLayout(
        width,
        height,
        pad,
        title_lines,
        title_px,
        subtitle_lines,
        subtitle_px,
        footer_lines,
        footer_px,
        header_h,
        footer_h,
    )


def _note(lines: list[str], *, y: float, anchor: str, size: float, colour: str, bold: bool = False) -> dict:
    text = "<br>".join(f"<b>{line}</b>" if bold else line for line in lines)
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": y,
        "xanchor": "left",
        "yanchor": anchor,
        "align": "left",
        "showarrow": False,
        "font": {"size": round(size, 1), "color": colour, "family": FONT},
    }


def frame_figure(chart_svg: bytes, layout: FrameLayout) -> go.Figure:
    """The frame: title block, the chart as a vector image, the footer; no axes, exact places."""
    width, height, pad = layout.width, layout.height, layout.pad
    x_pad = pad / width
    notes = [_note(layout.title_lines, y=1 - pad / height, anchor="top", size=layout.title_px, colour=INK, bold=True)]
    if layout.subtitle_lines:
        top = 1 - (pad + len(layout.title_lines) * layout.title_px * 1.3) / height
        notes.append(_note(layout.subtitle_lines, y=top, anchor="top", size=layout.subtitle_px, colour=MUTED))
    if layout.footer_lines:
        notes.append(
            _note(layout.footer_lines, y=pad * 0.8 / height, anchor="bottom", size=layout.footer_px, colour=MUTED)
        )
    for note in notes:
        note["x"] = x_pad
    image = {
        "source": "data:image/svg+xml;base64," + base64.b64encode(chart_svg).decode("ascii"),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 1 - layout.header_h / height,
        "sizex": 1,
        "sizey": layout.chart_px / height,
        "xanchor": "left",
        "yanchor": "top",
        "sizing": "stretch",
        "layer": "below",
    }
    hidden = {"visible": False, "range": [0, 1], "fixedrange": True}
    return go.Figure(
        layout={
            "width": width,
            "height": height,
            "autosize": False,
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0, "pad": 0},
            "paper_bgcolor": PAPER,
            "plot_bgcolor": PAPER,
            "xaxis": hidden,
            "yaxis": hidden,
            "showlegend": False,
            "images": [image],
            "annotations": notes,
        }
    )
