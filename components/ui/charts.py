"""A chart with its modebar settings, alt text, SVG download and source footer; a KPI card."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any, Literal

import plotly.graph_objects as go
import streamlit as st

from components.exports.images import chart_heading, chart_image, clamp_fonts
from components.exports.slide_figures import every_label
from components.figures.moment_labels import LabelRoom, refit
from components.figures.timeline import MARKED_MOMENTS
from components.format import SUBTITLE, wrap_lines
from components.theme import BASIS_BADGES, for_dark, plotly_config
from components.ui.cache import per_object
from components.ui.context import Kpi, PageContext
from components.ui.sources import footer, md, render_source_footer, sources_table, when

SelectionMode = Literal["points", "box", "lasso"]
ImageFormat = Literal["png", "svg"]


def render_chart(
    fig: go.Figure,
    *,
    ctx: PageContext,
    key: str,
    alt: str,
    source_ids: Iterable[str],
    on_select: Literal["ignore", "rerun"] = "ignore",
    selection_mode: tuple[SelectionMode, ...] | SelectionMode = ("points",),
) -> object:
    """Draw ``fig``; list exactly the sources behind it underneath.

    In meeting mode the page's first chart is the slide: its height comes from the viewport (the
    ``slide-chart`` container fills what the step bar, status and source line leave; see
    PRESENT_CSS), not from a fixed pixel height. Charts follow the light or dark theme.
    """
    shown = per_object(_chart_spec, (fig,), ctx.present, is_dark())
    slide = ctx.present and not ctx.rendered
    if not ctx.present:
        render_phone_title(fig, key)
    with st.container(key="slide-chart") if slide else contextlib.nullcontext():
        event = st.plotly_chart(
            shown,
            key=key,
            theme=None,
            width="stretch",
            height="stretch" if slide else "content",
            on_select=on_select,
            selection_mode=selection_mode,
            config=plotly_config(f"h200-{key}", present=ctx.present),
            alt=alt,
        )
    ids = list(dict.fromkeys(source_ids))
    ctx.rendered.append((key, fig, ids))
    if not ctx.present:
        render_image_downloads(fig, ctx=ctx, key=key, source_ids=ids)
    render_source_footer(ctx.seeds, ids, key=key, compact=ctx.present)
    return event


def render_phone_title(fig: go.Figure, key: str) -> None:
    """The chart's title and subtitle as text that wraps, shown only on a narrow screen in place
    of the chart's own (SVG text cannot wrap, so a long title was cut at 390 px; NARROW_SCREEN_CSS
    swaps the two)."""
    title, subtitle = chart_heading(fig)
    if not title:
        return
    with st.container(key=f"phone-title-{key}"):
        st.markdown(f"**{md(title)}**")
        if subtitle:
            st.caption(md(subtitle))


class _ReadySpec(go.Figure):
    """A figure already turned into its dict. ``st.plotly_chart`` takes a Figure and calls its
    ``to_dict()`` (a deep copy of every trace) on every load; this one hands back the dict made
    once for the shared figure. Only ``st.plotly_chart`` ever sees it: it is not a usable Figure."""

    def __init__(self, spec: dict[str, Any]) -> None:  # no Figure.__init__: nothing to validate again
        self._ready_spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._ready_spec


def _chart_spec(fig: go.Figure, present: bool, dark: bool) -> _ReadySpec:
    """What ``render_chart`` draws for ``fig`` (the slide version, the dark version), as its dict."""
    shown = meeting_figure(fig) if present else fig
    if dark:
        shown = for_dark(shown)
    return _ReadySpec(shown.to_dict())


PRESENT_FONT_PX = 18  # no chart text smaller in meeting mode (legible at 1920 x 1080 from the back)
PRESENT_TITLE_CHARS = 80  # a chart title wraps here on a slide instead of running off its edge


def meeting_figure(fig: go.Figure) -> go.Figure:
    """The chart as a slide shows it: sized by the screen, no text below ``PRESENT_FONT_PX``, its
    title wrapped onto lines (SVG titles do not wrap and were cut mid-word), the timeline's key
    moments placed again for 18 px labels (a moment whose label does not fit is not marked)."""
    spec = every_label(fig).to_dict()  # every bar keeps its label on the slide, as in the deck
    clamp_fonts(spec, PRESENT_FONT_PX)
    shown = go.Figure(spec)
    title = shown.layout.title.text or ""
    head, marker, rest = title.partition(SUBTITLE)
    head, rest = (head, rest) if marker else title.partition("<br>")[::2]
    rest = (SUBTITLE[4:] + rest) if marker else rest  # the subtitle's own <span ...>
    # the page wraps titles for a narrower chart: joined again, then wrapped for the slide
    wrapped = "<br>".join(wrap_lines(head.replace("<br>", " "), PRESENT_TITLE_CHARS))  # already Plotly markup
    lines = wrapped.count("<br>") + 1 + (1 if rest else 0)
    labels, rows = refit(shown, SLIDE_ROOM, MARKED_MOMENTS)
    shown.layout.legend.maxheight = None  # a slide cannot scroll its legend (and needs no limit)
    if labels:  # replaced whole: update_layout would merge the lists item by item
        shown.layout.shapes, shown.layout.annotations = labels["shapes"], labels["annotations"]
    return shown.update_layout(
        font={"size": PRESENT_FONT_PX + 1},
        title={
            "text": wrapped + (f"<br>{rest}" if rest else ""),
            "font": {"size": 24},
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 34},  # Plotly puts the first baseline here: room for 24 px letters
        },
        margin={"t": 60 + 30 * lines + SLIDE_ROOM.row_px * rows + top_axis_px(shown)},
        height=None,
        autosize=True,
    )


def top_axis_px(fig: go.Figure) -> int:
    """Room for category names drawn above the plot (the approval matrix's stages, up to three
    lines of 19 px text): without it the slide's subtitle printed over them."""
    axis = fig.layout.xaxis
    if axis.side != "top":
        return 0
    names = [str(t) for t in (axis.ticktext or axis.categoryarray or ())]
    return 26 * max((name.count("<br>") + 1 for name in names), default=1) + 12


# The narrowest slide: 1280 px less the 24 px padding each side (1229 px measured); 18 px labels, 26 px rows.
SLIDE_ROOM = LabelRoom(figure_px=1228, font_px=PRESENT_FONT_PX, row_px=26, rows=3, tick_px=PRESENT_FONT_PX + 1)


def source_line(ctx: PageContext, source_ids: list[str]) -> str:
    """'Sources: Reuters (28 Jan 2026), …' for an image or a slide, newest last."""
    table = sources_table(ctx.seeds, source_ids).sort_values("published")
    names = list(dict.fromkeys(f"{row.publisher} ({when(row)})" for row in table.itertuples()))
    shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    return f"Sources: {shown}" if names else "Sources: none"


def render_image_downloads(fig: go.Figure, *, ctx: PageContext, key: str, source_ids: list[str]) -> None:
    """PNG and SVG of the chart with its title, as-of date and source line drawn in (built on click)."""
    left, right, _ = st.columns([1, 1, 6])
    formats: list[tuple[Any, ImageFormat, str]] = [(left, "png", "image/png"), (right, "svg", "image/svg+xml")]
    for column, fmt, mime in formats:

        def image(fmt: ImageFormat = fmt) -> bytes:  # built on click
            return chart_image(fig, title="", as_of=ctx.as_of, source_line=source_line(ctx, source_ids), fmt=fmt)

        column.download_button(
            fmt.upper(),
            data=image,
            file_name=f"h200-{key}-{ctx.as_of:%Y-%m-%d}.{fmt}",
            mime=mime,
            on_click="ignore",
            icon=":material/image:",
            key=f"{fmt}-{key}",
            help="The chart at presentation size with its title, as-of date and sources drawn in.",
        )


def is_dark() -> bool:
    """Whether the browser shows Streamlit's dark theme (charts then use the dark template)."""
    try:
        return str(st.context.theme.type) == "dark"
    except (AttributeError, RuntimeError):
        return False


def end_slide(ctx: PageContext, source_ids: Iterable[str] = ()) -> None:
    """In meeting mode, the slide ends here: an optional source line, then nothing else runs."""
    if not ctx.present:
        return
    ids = list(source_ids)
    if ids:
        render_source_footer(ctx.seeds, ids, key="slide", compact=True)
    st.stop()


def render_kpi(
    column: object,
    *,
    ctx: PageContext,
    title: str,
    value: str,
    detail: str,
    basis: str,
    origins: int,
    source_ids: list[str],
    conflict: bool = False,
    help_text: str | None = None,
) -> None:
    """One headline number with its bound, range, basis and sources."""
    ctx.kpis.append(Kpi(title, value, detail))
    with column.container(border=True):  # type: ignore[attr-defined]
        st.metric(title, value, help=help_text)
        st.caption(detail)
        if ctx.present:  # a slide: the number and its spread; sources go in the slide's source line
            return
        st.caption(
            f":material/verified: {origins} independent origin{'s' if origins != 1 else ''} · "
            + BASIS_BADGES.get(basis, basis)
            + (" · :material/warning: sources disagree" if conflict else "")
        )
        ids = tuple(s for s in dict.fromkeys(source_ids) if s in ctx.seeds.sources)
        with st.popover("Sources", icon=":material/menu_book:"):
            listed = footer(ctx.seeds, ids) if ids else None
            st.markdown(
                (listed.newest + ("\n" + listed.rest if listed.rest else "")) if listed else "No source is cited here."
            )
