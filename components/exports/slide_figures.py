"""A chart as a slide's image draws it: every bar's label shown, the timeline's key moments placed
again for the image. Pure (the deck and the PDF use both; meeting mode uses ``every_label``)."""

from __future__ import annotations

import plotly.graph_objects as go

from components.exports.images import TITLE_ROOM_PX, base_font_px
from components.figures.moment_labels import LabelRoom, is_label, refit
from components.figures.timeline import MARKED_MOMENTS


def every_label(figure: go.Figure) -> go.Figure:
    """A copy whose category axes list every category (Plotly skips labels it thinks crowded),
    each with the figure's own label where it has one (a range bar's carries its value in words:
    "more than 200,000" must reach the slide and the deck), a bar's on one line."""
    shown = go.Figure(figure)
    for name in ("yaxis", "xaxis"):
        axis = shown.layout[name]
        categories = list(axis.categoryarray) if axis.categoryarray is not None else []
        if categories and axis.type in (None, "-", "category"):
            own = dict(zip(axis.tickvals or (), axis.ticktext or (), strict=False))
            texts = [own.get(category, category) for category in categories]
            if name == "yaxis":  # a slide is wide: one line per bar, so rows stay apart when short
                texts = [" ".join(str(text).split("<br>")) for text in texts]
            shown.layout[name].update(tickmode="array", tickvals=categories, ticktext=texts)
    return shown


DECK_MOMENT_ROWS = 3  # rows of key-moment labels on a deck slide, as on the meeting slide
MOMENT_ROW_EM = 26 / 18  # a label row's height for its text size (the meeting slide's 26 px for 18 px)


def deck_room(figure: go.Figure, font_px: float, width_px: int) -> LabelRoom:
    """The deck image's room for key-moment labels, in the figure's own units (``chart_body``
    scales every font by ``font_px`` over the body size afterwards): the image's width, labels at
    the chart's text size, ``DECK_MOMENT_ROWS`` rows."""
    base = base_font_px(figure.to_dict())
    factor = font_px / base
    tick = figure.layout.yaxis.tickfont.size or base
    return LabelRoom(width_px / factor, base, round(base * MOMENT_ROW_EM, 1), DECK_MOMENT_ROWS, tick)


def deck_moments(figure: go.Figure, font_px: float, width_px: int) -> go.Figure:
    """The timeline's key moments placed again for the deck's image, newest first (the page's are
    placed for a 390 px phone in six rows of small text: scaled up, they took a third of the
    chart); the top margin shrinks to the rows used (the figure's own title is not drawn in the
    image: ``chart_body`` takes its ``TITLE_ROOM_PX`` off). Any other figure comes back as it is."""
    if not any(is_label(note) for note in figure.layout.annotations):
        return figure  # not a timeline (building the room reads the whole figure)
    room = deck_room(figure, font_px, width_px)
    labels, rows = refit(figure, room, MARKED_MOMENTS)
    if not labels:
        return figure
    shown = go.Figure(figure)
    shown.layout.shapes, shown.layout.annotations = labels["shapes"], labels["annotations"]
    shown.layout.margin.t = TITLE_ROOM_PX + 8 + room.row_px * rows  # 8: air under the subtitle
    return shown
