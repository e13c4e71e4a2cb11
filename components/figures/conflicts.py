"""The claims of one conflict group side by side, each with its own range."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.figures._common import base_layout, empty_figure
from components.format import plain
from components.labels import UNITS
from components.theme import INK, OKABE_ITO


def compared_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The claims drawn for a conflict: the widest like-for-like set that disagrees, else the
    largest like-for-like set (figures of different measures are never drawn on one axis)."""
    if "in_spread" in frame and frame["in_spread"].fillna(False).astype(bool).any():
        return frame[frame["in_spread"].fillna(False).astype(bool)]
    compared = frame[frame["comparison"].notna()] if "comparison" in frame else frame.iloc[0:0]
    if compared.empty:
        return compared
    return compared[compared["comparison"] == compared["comparison"].value_counts().index[0]]


def plot_conflict_spread(frame: pd.DataFrame, *, topic: str) -> go.Figure:
    """The like-for-like claims in one conflict group side by side, each with its own range."""
    rows = compared_rows(frame)
    rows = rows[rows["low"].notna() | rows["high"].notna()]
    agree = "difference" in frame and len(frame) and str(frame["difference"].iloc[0]) == "wording"
    title = f"{topic}: the same figure in other words" if agree else f"{topic}: the sources disagree"
    if rows.empty:
        return empty_figure("These claims disagree in words, not in like-for-like figures: see the table.", title)
    rows = rows.sort_values("date")
    labels = [f"{plain(p)} · {d:%d %b %Y}" for p, d in zip(rows["publisher"], rows["date"], strict=True)]
    low = rows["low"].fillna(rows["high"]).astype(float)
    high = rows["high"].fillna(rows["low"]).astype(float)
    mid = (low + high) / 2
    fig = go.Figure(
        go.Scatter(
            x=mid,
            y=labels,
            mode="markers",
            marker={
                "size": 13,
                "color": [OKABE_ITO["blue"] if c != "low" else OKABE_ITO["grey"] for c in rows["confidence"]],
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (high - mid).tolist(),
                "arrayminus": (mid - low).tolist(),
                "color": INK,
                "thickness": 2,
            },
            customdata=list(
                zip(map(plain, rows["wording"]), map(plain, rows["claim_id"]), rows["confidence"], strict=True)
            ),
            hovertemplate="%{y}<br>as reported: %{customdata[0]}<br>confidence: %{customdata[2]}<br>claim %{customdata[1]}<extra></extra>",
            name="Claim",
        )
    )
    unit = str(rows["unit"].dropna().iloc[0]) if rows["unit"].notna().any() else ""
    fig.update_xaxes(title=f"Reported value ({UNITS.get(unit, unit)})" if unit else "Reported value")
    fig.update_yaxes(title=None, autorange="reversed")
    return base_layout(
        fig, title, "Dot = middle of each claim's range; whiskers = its range", height=max(300, 60 * len(rows) + 180)
    )
