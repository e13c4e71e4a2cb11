"""Per-buyer quantities with ranges; a group figure stays one bar labelled as a group."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import (
    LOG_AXIS,
    add_basis_key,
    bars_height,
    base_layout,
    empty_figure,
    log_range,
    range_traces,
)
from components.format import fmt_range, num, plain
from components.theme import OKABE_ITO
from data.vocabulary import BUYER_MEASURE_LABELS

BUYER_MEASURE_COLOURS = {
    "Signalled interest": OKABE_ITO["orange"],
    "Approved by Beijing": OKABE_ITO["green"],
    "US cap": OKABE_ITO["blue"],
    "Delivered": OKABE_ITO["vermillion"],
}


def plot_buyer_quantities(
    frame: pd.DataFrame,
    *,
    title: str,
    selected: Sequence[str] = (),
    assumed: pd.DataFrame | None = None,
) -> go.Figure:
    """Per-buyer quantities with ranges; a group figure stays one bar labelled as a group.

    ``assumed`` holds the user's split of a group figure (``data.frames.split_group_figure``):
    drawn as open "assumed" bars with the arithmetic in the hover, never as reported figures.
    """
    if frame.empty:
        return empty_figure("No buyer quantities were reported by the chosen date.", title)
    rows = frame.copy()
    rows["measure_label"] = rows["measure"].map(BUYER_MEASURE_LABELS)
    rows["label"] = [
        f"{plain(name)} (group) · {m}" if bool(g) else f"{plain(name)} · {m}"
        for name, g, m in zip(rows["organisation"], rows["is_group"], rows["measure_label"], strict=True)
    ]
    rows["unit"] = "chips"
    rows["hover"] = [
        f"<b>{plain(name)}</b><br>{m}: {fmt_range(num(lo), num(hi), 'chips', bool(o), bound)} ({b})<br>{scope}"
        f"<br>sources: {plain(', '.join(src))}"
        for name, m, lo, hi, o, bound, b, scope, src in zip(
            rows["organisation"],
            rows["measure_label"],
            rows["low"],
            rows["high"],
            rows["open_high"],
            rows["bound"] if "bound" in rows else [None] * len(rows),
            rows["basis"],
            rows["scope"],
            rows["source_ids"],
            strict=True,
        )
    ]
    if assumed is not None and not assumed.empty:
        extra = assumed.assign(
            measure_label=BUYER_MEASURE_LABELS["approved"],
            label=[f"{plain(n)} · assumed share of group" for n in assumed["organisation"]],
            unit="chips",
            open_high=False,
            hover=[f"<b>Assumption, not reported</b>: {plain(f)}" for f in assumed["formula"]],
        )
        rows = pd.concat([rows, extra], ignore_index=True)
    order = {name: i for i, name in enumerate(dict.fromkeys(rows["organisation_id"]))}
    rows = rows.sort_values(
        ["organisation_id", "measure_label"], key=lambda c: c.map(order) if c.name == "organisation_id" else c
    )
    # a group figure is highlighted with any of its members: picking ByteDance, Alibaba and Tencent
    # faded the very group approval of the three that the briefing's caption is about
    members = rows["group_members"] if "group_members" in rows else pd.Series([()] * len(rows), index=rows.index)
    groups = [
        g
        for g, m in zip(rows["organisation_id"], members, strict=True)
        if isinstance(m, (list, tuple)) and set(m) & set(selected)
    ]
    fig = go.Figure()
    range_traces(
        fig,
        rows,
        group_column="measure_label",
        colours=BUYER_MEASURE_COLOURS,
        log_x=True,
        selected_column="organisation_id",
        selected=[*selected, *groups] if selected else (),
    )
    add_basis_key(fig, rows["basis"])
    fig.update_layout(barmode="overlay", bargap=0.3)
    fig.update_xaxes(title="H200 chips (log scale)", range=log_range(rows), **LOG_AXIS)
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=list(rows["label"])[::-1])
    return base_layout(
        fig,
        title,
        "Bar = best reading, whiskers = range across reports; hatched = derived from vague wording; open = assumption",
        height=bars_height(rows, 220),
    )
