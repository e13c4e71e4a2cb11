"""The approval grid (buyer x stage) and the approved-volume step chart."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.format import plain, wrap
from components.labels import STATUSES, label
from components.theme import INK, MUTED, OKABE_ITO, STATUS_COLOURS, text_on
from data.vocabulary import CN_STAGES, STAGE_LABELS, US_STAGES


def _cell(claims: list[dict], name: str, stage: str) -> tuple[str | None, str, str]:
    """(status or None, cell text, hover) for one buyer x stage from the claims naming that buyer.

    The latest claim that is not low-confidence sets the status; low-confidence claims are shown
    as such and never as the status.
    """
    if not claims:
        return None, "", f"{plain(name)} · {STAGE_LABELS[stage]}: nothing reported"
    firm = [c for c in claims if c["confidence"] != "low"]
    cell = max(firm or claims, key=lambda c: (c["date"], c["claim_id"]))
    status = str(cell["status"])
    low = not firm
    hover = (
        f"<b>{plain(name)} · {STAGE_LABELS[stage]}</b><br>{label(status, STATUSES)} · {cell['date']:%d %b %Y}"
        + (" · low confidence only" if low else "")
        + f"<br>{wrap(str(cell['summary']))}<br>claim {plain(cell['claim_id'])} · "
        f"source: {plain(cell['publisher'])} ({plain(cell['source_id'])})"
    )
    text = ("low conf.: " if low else "") + label(status, STATUSES).lower()
    return (None if low else status), text, hover


def plot_approval_matrix(frame: pd.DataFrame, buyers: Sequence[tuple[str, str]], *, title: str) -> go.Figure:
    """Buyer x stage status matrix, US pipeline then China pipeline.

    ``buyers`` is a list of (organisation_id, name); each row shows only claims naming that
    organisation (``"*"`` is the row of rules that name no firm). Low-confidence-only cells are
    left uncoloured and say so.
    """
    if frame.empty or not buyers:
        return empty_figure("No approval steps were reported by the chosen date.", title)
    stages = US_STAGES + CN_STAGES
    labels = [("US<br>" if s in US_STAGES else "China<br>") + STAGE_LABELS[s].replace(" ", "<br>", 1) for s in stages]
    status_codes = {s: i for i, s in enumerate(STATUS_COLOURS)}
    by_cell: dict[tuple[str, str], list[dict]] = {}
    for record in frame.to_dict("records"):
        by_cell.setdefault((record["organisation_id"], record["stage"]), []).append(record)
    z, text, hover = [], [], []
    overlay: dict[str, list] = {"x": [], "y": [], "text": [], "color": []}
    for organisation_id, name in buyers:
        cells = [_cell(by_cell.get((organisation_id, stage), []), name, stage) for stage in stages]
        z.append([None if status is None else status_codes.get(status) for status, _, _ in cells])
        text.append([t for _, t, _ in cells])
        hover.append([h for _, _, h in cells])
        for column, (status, words, _) in zip(labels, cells, strict=True):
            if words:
                # the text colour follows the cell: dark on yellow or sky, white on blue or
                # vermillion; an uncoloured cell takes the theme's ink (swapped in dark mode)
                overlay["x"].append(column)
                overlay["y"].append(name)
                overlay["text"].append(words)
                overlay["color"].append(text_on(STATUS_COLOURS[status]) if status in STATUS_COLOURS else INK)
    n = len(status_codes)
    colourscale = []
    for status, index in status_codes.items():
        colourscale += [[index / n, STATUS_COLOURS[status]], [(index + 1) / n, STATUS_COLOURS[status]]]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=[name for _, name in buyers],
            text=text,  # the words per cell, drawn by the text overlay below in a colour per cell
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            colorscale=colourscale,
            zmin=0,
            zmax=n,
            showscale=False,
            xgap=3,
            ygap=3,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=overlay["x"],
            y=overlay["y"],
            text=overlay["text"],
            mode="text",
            textfont={"size": 11, "color": overlay["color"]},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_vline(x=len(US_STAGES) - 0.5, line={"color": INK, "width": 2})
    fig.update_xaxes(side="top", tickangle=0, title=None, tickfont={"size": 12})
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(margin={"t": 150})
    return base_layout(
        fig,
        title,
        "Cell = latest reported status of a claim naming that buyer; rules naming no firm have their own row",
        height=max(380, 48 * len(buyers) + 260),
    )


def plot_approvals_over_time(frame: pd.DataFrame, *, title: str, until: object = None) -> go.Figure:
    """Step chart of approved H200 volume on each side as reports arrived.

    Expects columns ``date, side, low, high, best, label, source_ids`` and optionally
    ``confidence`` (one row per report). Only readings that are not low-confidence draw the solid
    step and are held to the as-of date; low-confidence readings are open markers on a dotted
    line, so one weak report never reads as an established figure.
    """
    if frame.empty:
        return empty_figure("No approval volumes were reported by the chosen date.", title)
    fig = go.Figure()
    colours = {"China": OKABE_ITO["vermillion"], "US": OKABE_ITO["blue"]}
    confidence = frame["confidence"] if "confidence" in frame else pd.Series("medium", index=frame.index)
    for side, part in frame.assign(_low=confidence == "low").sort_values("date").groupby("side", sort=False):
        colour = colours.get(str(side), MUTED)
        for weak, points in part.groupby("_low", sort=True):
            if not weak and until is not None and len(points):
                # hold the last firm reading until the as-of date, so a step reads as "still the latest"
                last = points.iloc[[-1]].copy()
                last["date"] = pd.Timestamp(until)
                # the reading keeps its words ("more than 400,000 (Reuters …)"): its bound was lost here
                last["label"] = [f"{text}; the latest reading, held to the as-of date" for text in last["label"]]
                points = pd.concat([points, last], ignore_index=True)
            fig.add_trace(
                _volume_trace(points, f"{side} side" + (" (low confidence)" if weak else ""), colour, bool(weak))
            )
    fig.update_yaxes(title="H200 chips approved (best reading)", rangemode="tozero")
    fig.update_xaxes(title="Report date")
    return base_layout(
        fig,
        title,
        "Reported figures only; whiskers show the reported range; open markers on a dotted line are low-confidence reports",
        height=420,
    )


def _volume_trace(points: pd.DataFrame, name: str, colour: str, weak: bool) -> go.Scatter:
    return go.Scatter(
        x=points["date"],
        y=points["best"],
        mode="lines+markers",
        line={"shape": "hv", "color": colour, "width": 1.5 if weak else 3, "dash": "dot" if weak else "solid"},
        marker={"size": 9, "symbol": "circle-open" if weak else "circle", "line": {"width": 2, "color": colour}},
        name=name,
        error_y={
            "type": "data",
            "symmetric": False,
            "array": (points["high"].fillna(points["best"]) - points["best"]).clip(lower=0).tolist(),
            "arrayminus": (points["best"] - points["low"].fillna(points["best"])).clip(lower=0).tolist(),
        },
        customdata=list(
            zip(map(plain, points["label"]), [plain(", ".join(s)) for s in points["source_ids"]], strict=True)
        ),
        hovertemplate="%{x|%d %b %Y}: %{y:,.0f} chips<br>%{customdata[0]}<br>sources: %{customdata[1]}<extra></extra>",
    )
