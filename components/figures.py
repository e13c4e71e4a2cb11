"""Pure Plotly builders: a DataFrame in, a ``go.Figure`` out.

No streamlit, no I/O, no globals; inputs are never mutated. Every figure has a title that states
the takeaway, axis titles with units, hover text, and a clear "no data" figure for an empty frame.
Reported / derived / assumed values are drawn with the shared styles in ``components.theme``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from components.theme import (
    BASIS_COLOURS,
    BASIS_LABELS,
    BASIS_PATTERN,
    CONFIDENCE_OPACITY,
    INK,
    LANE_COLOURS,
    MUTED,
    OKABE_ITO,
    STATUS_COLOURS,
    TEMPLATE_NAME,
)
from data.frames import CN_STAGES, LANES, STAGE_LABELS, US_STAGES

KIND_SYMBOLS = {
    "policy": "square",
    "legislation": "square-open",
    "condition": "diamond",
    "export_licence": "triangle-up",
    "import_approval": "triangle-down",
    "application": "triangle-right",
    "order": "star",
    "demand_signal": "star-open",
    "supply": "hexagon",
    "production": "hexagon-open",
    "shipment": "cross",
    "delivery": "x",
    "price": "pentagon",
    "statement": "circle",
    "visit": "circle-open",
    "enforcement": "hourglass",
    "market": "bowtie",
    "financial": "diamond-open",
    "status": "circle-dot",
    "spec": "square-dot",
}


def fmt_number(value: float | None, unit: str | None = None) -> str:
    """Human figures: 2,000,000 -> '2.0M', 75000 -> '75,000', 27000 USD -> '$27,000'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    money = unit in ("usd", "usd_per_chip")
    prefix = "$" if money else ("RMB " if unit in ("rmb", "rmb_per_module") else "")
    suffix = "%" if unit == "percent" else ""
    magnitude = abs(value)
    if magnitude >= 1e9:
        text = f"{value / 1e9:.1f}B"
    elif magnitude >= 1e6:
        text = f"{value / 1e6:.1f}M" if value % 1e6 else f"{value / 1e6:.0f}M"
    elif magnitude >= 1 or magnitude == 0:
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    else:
        text = f"{value:.2f}"
    return f"{prefix}{text}{suffix}"


def fmt_range(low: float | None, high: float | None, unit: str | None = None, open_high: bool = False) -> str:
    """'400,000+' for an open lower bound, '300,000–900,000' for a range, one number otherwise."""
    if low is None and high is None:
        return "n/a"
    if open_high:
        if low is not None and high is not None and high > low:
            return f"{fmt_number(low, unit)}–{fmt_number(high, unit)}+"
        return f"≥ {fmt_number(low, unit)}" if low is not None else f"{fmt_number(high, unit)}+"
    if low is None or high is None or low == high:
        return fmt_number(low if low is not None else high, unit)
    return f"{fmt_number(low, unit)}–{fmt_number(high, unit)}"


BOUND_PREFIX = {"at_least": "> ", "at_most": "≤ ", "approx": "~", "exact": "", "range": ""}


def fmt_bound(value: float | None, bound: str, unit: str | None = None) -> str:
    """A figure as reported: '> 400,000', '≤ 75,000', '~700,000'."""
    return BOUND_PREFIX.get(bound, "") + fmt_number(value, unit)


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _num(value: object) -> float | None:
    return None if _is_missing(value) else float(value)  # type: ignore[arg-type]


def _base_layout(fig: go.Figure, title: str, subtitle: str | None = None, height: int = 460) -> go.Figure:
    text = f"{title}<br><span style='font-size:13px;color:{MUTED}'>{subtitle}</span>" if subtitle else title
    fig.update_layout(template=TEMPLATE_NAME, title={"text": text}, height=height)
    return fig


def empty_figure(message: str, title: str = "Nothing to show") -> go.Figure:
    """A figure that says why it is empty instead of drawing blank axes."""
    fig = go.Figure()
    fig.add_annotation(
        text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font={"size": 16, "color": MUTED}
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _base_layout(fig, title, height=260)


def _range_traces(
    fig: go.Figure,
    rows: pd.DataFrame,
    *,
    group_column: str,
    colours: dict[str, str],
    log_x: bool,
    selected_column: str | None = None,
    selected: Sequence[str] = (),
) -> None:
    """Bars (best reading) with whiskers (range) and a value label past the whisker.

    Rows need ``label, low, high, best, open_high, basis, unit, hover`` and ``group_column``.
    Derived rows are hatched, assumption rows are drawn as open outlines, reported rows solid.
    Reported zeros (nothing delivered) are drawn as a marker since a log axis has no zero.
    """
    positives = [v for v in pd.concat([rows["low"], rows["high"], rows["best"]]).dropna() if v > 0]
    floor = min(positives) / 2 if positives else 1
    for group, part in rows.groupby(group_column, sort=False):
        part = part[part["best"].fillna(0) > 0] if log_x else part[part["best"].notna()]
        if part.empty:
            continue
        colour = colours.get(str(group), MUTED)
        best = part["best"].astype(float)
        low = part["low"].fillna(part["best"]).astype(float)
        high = part["high"].fillna(part["best"]).astype(float)
        is_assumption = (part["basis"] == "assumption").tolist()
        opacity = (
            [1.0 if not selected or v in selected else 0.3 for v in part[selected_column]] if selected_column else 1.0
        )
        fig.add_trace(
            go.Bar(
                y=part["label"],
                x=best,
                orientation="h",
                name=str(group),
                marker={
                    "color": ["rgba(255,255,255,0)" if a else colour for a in is_assumption]
                    if any(is_assumption)
                    else colour,
                    "opacity": opacity,
                    "line": {
                        "color": colour,
                        "width": [2.5 if a else 0 for a in is_assumption] if any(is_assumption) else 0,
                    },
                    "pattern": {
                        "shape": [BASIS_PATTERN.get(b, "") for b in part["basis"]],
                        "fgcolor": "white",
                        "fillmode": "overlay",
                        "solidity": 0.4,
                    },
                },
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": (high - best).clip(lower=0).tolist(),
                    "arrayminus": (best - low).clip(lower=0).tolist(),
                    "color": INK,
                    "thickness": 1.5,
                    "width": 5,
                },
                customdata=part[selected_column] if selected_column else None,
                hovertext=part["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
        label_x = pd.concat([high, best], axis=1).max(axis=1) * (1.12 if log_x else 1.0)
        fig.add_trace(
            go.Scatter(
                y=part["label"],
                x=label_x,
                mode="text",
                text=[
                    fmt_range(_num(lo), _num(hi), u, bool(o))
                    for lo, hi, u, o in zip(part["low"], part["high"], part["unit"], part["open_high"], strict=True)
                ],
                textposition="middle right",
                textfont={"size": 11, "color": INK},
                showlegend=False,
                hoverinfo="skip",
                cliponaxis=False,
            )
        )
    zeros = rows[rows["best"].fillna(-1) == 0] if log_x else rows.iloc[0:0]
    if not zeros.empty:
        fig.add_trace(
            go.Scatter(
                y=zeros["label"],
                x=[floor] * len(zeros),
                mode="markers+text",
                marker={"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": OKABE_ITO["vermillion"]}},
                text=["0 (none)"] * len(zeros),
                textposition="middle right",
                name="Reported zero",
                hovertext=zeros["hover"],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=zeros[selected_column] if selected_column else None,
            )
        )


def _log_range(rows: pd.DataFrame) -> list[float]:
    """A log-axis range with room for the value labels right of the longest whisker."""
    values = [v for v in pd.concat([rows["low"], rows["high"], rows["best"]]).dropna() if v > 0]
    if not values:
        return [0, 1]
    return [math.log10(min(values) / 3), math.log10(max(values) * 12)]


def _add_basis_key(fig: go.Figure, used: Iterable[str]) -> None:
    """Legend entries for the basis styles actually drawn (hatched = derived, open = assumption)."""
    for basis in dict.fromkeys(used):
        if basis == "reported":
            continue
        fig.add_trace(
            go.Bar(
                x=[None],
                y=[None],
                orientation="h",
                name=BASIS_LABELS[basis],
                marker={
                    "color": MUTED if basis == "derived" else "rgba(255,255,255,0)",
                    "pattern": {
                        "shape": BASIS_PATTERN[basis],
                        "fgcolor": "white",
                        "fillmode": "overlay",
                        "solidity": 0.4,
                    },
                    "line": {"color": MUTED, "width": 0 if basis == "derived" else 2.5},
                },
                hoverinfo="skip",
            )
        )


# --------------------------------------------------------------------------- ranges (overview, supply/demand)


def plot_range_bars(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str | None = None,
    log_x: bool = True,
    unit_title: str = "H200 chips (log scale)",
) -> go.Figure:
    """Horizontal bars with ranges: one row per figure; colour and fill say reported / derived / assumed.

    Expects columns ``label, low, high, best, open_high, basis, unit, hover``.
    """
    if frame.empty:
        return empty_figure("No figures were reported by the chosen date.", title)
    rows = frame.reset_index(drop=True).copy()
    rows["basis_label"] = rows["basis"].map(BASIS_LABELS).fillna("Reported figure")
    fig = go.Figure()
    colours = {BASIS_LABELS[b]: c for b, c in BASIS_COLOURS.items()}
    _range_traces(fig, rows, group_column="basis_label", colours=colours, log_x=log_x)
    fig.update_layout(barmode="overlay", bargap=0.35, showlegend=True)
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], title=None, tickfont={"size": 13})
    fig.update_xaxes(title=unit_title, type="log" if log_x else "linear")
    if log_x:
        fig.update_xaxes(range=_log_range(rows))
    return _base_layout(fig, title, subtitle, height=max(360, 44 * len(rows) + 200))


# --------------------------------------------------------------------------- buyers

BUYER_MEASURE_LABELS = {
    "interest": "Signalled interest",
    "approved": "Approved by Beijing",
    "cap": "US cap",
    "delivered": "Delivered",
}
BUYER_MEASURE_COLOURS = {
    "Signalled interest": OKABE_ITO["orange"],
    "Approved by Beijing": OKABE_ITO["green"],
    "US cap": OKABE_ITO["blue"],
    "Delivered": OKABE_ITO["vermillion"],
}


def plot_buyer_quantities(
    frame: pd.DataFrame,
    *,
    selected: Sequence[str] = (),
    split_assumption: dict[str, float] | None = None,
) -> go.Figure:
    """Per-buyer quantities with ranges; a group figure stays one bar labelled as a group.

    ``split_assumption`` maps organisation id -> share (0..1) of the group figure; when given,
    per-firm bars are added in the open "assumption" style and labelled "assumption".
    """
    title = "No firm has a confirmed H200 volume: only a group approval and per-firm caps"
    if frame.empty:
        return empty_figure("No buyer quantities were reported by the chosen date.", "Buyer quantities")
    rows = frame.copy()
    rows["measure_label"] = rows["measure"].map(BUYER_MEASURE_LABELS)
    rows["label"] = [
        f"{name} (group) · {m}" if bool(g) else f"{name} · {m}"
        for name, g, m in zip(rows["organisation"], rows["is_group"], rows["measure_label"], strict=True)
    ]
    rows["unit"] = "chips"
    rows["hover"] = [
        f"<b>{name}</b><br>{m}: {fmt_range(_num(lo), _num(hi), 'chips', bool(o))} ({b})<br>{scope}<br>sources: {src}"
        for name, m, lo, hi, o, b, scope, src in zip(
            rows["organisation"],
            rows["measure_label"],
            rows["low"],
            rows["high"],
            rows["open_high"],
            rows["basis"],
            rows["scope"],
            rows["source_ids"],
            strict=True,
        )
    ]
    if split_assumption:
        extra = []
        for _, group in rows[(rows["measure"] == "approved") & rows["is_group"]].iterrows():
            members = [m.strip() for m in str(group["group_members"]).split(",")]
            names = dict(zip(members, [n.strip() for n in str(group["organisation"]).split("+")], strict=False))
            for member in members:
                share = split_assumption.get(member)
                if share is None or _is_missing(group["best"]):
                    continue
                value = float(group["best"]) * share
                extra.append(
                    {
                        "organisation_id": member,
                        "label": f"{names.get(member, member)} · assumed share of group",
                        "measure_label": "Approved by Beijing",
                        "low": value,
                        "high": value,
                        "best": value,
                        "open_high": False,
                        "basis": "assumption",
                        "unit": "chips",
                        "hover": f"<b>Assumption, not reported</b>: {share:.0%} of the group's "
                        f"{fmt_number(float(group['best']))} = {fmt_number(value)}",
                    }
                )
        rows = pd.concat([rows, pd.DataFrame(extra)], ignore_index=True) if extra else rows
    order = {name: i for i, name in enumerate(dict.fromkeys(rows["organisation_id"]))}
    rows = rows.sort_values(
        ["organisation_id", "measure_label"], key=lambda c: c.map(order) if c.name == "organisation_id" else c
    )
    fig = go.Figure()
    _range_traces(
        fig,
        rows,
        group_column="measure_label",
        colours=BUYER_MEASURE_COLOURS,
        log_x=True,
        selected_column="organisation_id",
        selected=selected,
    )
    _add_basis_key(fig, rows["basis"])
    fig.update_layout(barmode="overlay", bargap=0.3)
    fig.update_xaxes(title="H200 chips (log scale)", type="log", range=_log_range(rows))
    fig.update_yaxes(title=None, categoryorder="array", categoryarray=list(rows["label"])[::-1])
    return _base_layout(
        fig,
        title,
        "Bar = best reading, whiskers = range across reports; hatched = derived from vague wording; open = assumption",
        height=max(380, 34 * len(rows) + 220),
    )


# --------------------------------------------------------------------------- approvals


def plot_approval_matrix(frame: pd.DataFrame, buyers: Sequence[tuple[str, str]]) -> go.Figure:
    """Buyer x stage status matrix, US pipeline then China pipeline.

    ``buyers`` is a list of (organisation_id, name). Rows for "*" (rules and blocks naming no buyer)
    are shown for every buyer, marked "applies to all".
    """
    title = "Washington has cleared about ten buyers; Beijing's approvals stop at conditional"
    if frame.empty or not buyers:
        return empty_figure("No approval steps were reported by the chosen date.", "Approval status")
    stages = US_STAGES + CN_STAGES
    labels = [("US<br>" if s in US_STAGES else "China<br>") + STAGE_LABELS[s].replace(" ", "<br>", 1) for s in stages]
    status_codes = {s: i for i, s in enumerate(STATUS_COLOURS)}
    # latest report per (organisation, stage): one pass over the sorted rows, not a filter per cell
    latest: dict[tuple[str, str], dict] = {}
    for record in frame.sort_values(["date", "organisation_id"]).to_dict("records"):
        latest[(record["organisation_id"], record["stage"])] = record
    z, text, hover = [], [], []
    for organisation_id, name in buyers:
        z_row, text_row, hover_row = [], [], []
        for stage in stages:
            candidates = [c for c in (latest.get(("*", stage)), latest.get((organisation_id, stage))) if c]
            if not candidates:
                z_row.append(None)
                text_row.append("")
                hover_row.append(f"{name} · {STAGE_LABELS[stage]}: nothing reported")
                continue
            cell = max(candidates, key=lambda c: (c["date"], c["organisation_id"]))
            status = str(cell["status"])
            everyone = cell["organisation_id"] == "*"
            z_row.append(status_codes.get(status, status_codes["reported"]))
            text_row.append(status.replace("_", " ") + ("*" if everyone else ""))
            hover_row.append(
                f"<b>{name} · {STAGE_LABELS[stage]}</b><br>{status.replace('_', ' ')} · {cell['date']:%d %b %Y}"
                + (" · applies to all buyers" if everyone else "")
                + f"<br>{_wrap(str(cell['summary']))}<br>source: {cell['publisher']} ({cell['source_id']})"
            )
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    n = len(status_codes)
    colourscale = []
    for status, index in status_codes.items():
        colourscale += [[index / n, STATUS_COLOURS[status]], [(index + 1) / n, STATUS_COLOURS[status]]]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=labels,
            y=[name for _, name in buyers],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11, "color": INK},
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
    fig.add_vline(x=len(US_STAGES) - 0.5, line={"color": INK, "width": 2})
    fig.update_xaxes(side="top", tickangle=0, title=None, tickfont={"size": 12})
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(margin={"t": 150})
    return _base_layout(
        fig,
        title,
        "Cell = latest reported status at that stage; * = a rule or block that names no buyer, so it applies to all",
        height=max(380, 48 * len(buyers) + 260),
    )


def plot_approvals_over_time(frame: pd.DataFrame, *, until: object = None) -> go.Figure:
    """Step chart of approved H200 volume on each side as reports arrived.

    Expects columns ``date, side, low, high, best, label, source_ids`` (one row per report).
    """
    title = "Approved volume on paper rose in steps; none of it has been delivered"
    if frame.empty:
        return empty_figure("No approval volumes were reported by the chosen date.", "Approvals over time")
    fig = go.Figure()
    colours = {"China": OKABE_ITO["vermillion"], "US": OKABE_ITO["blue"]}
    for side, part in frame.sort_values("date").groupby("side", sort=False):
        if until is not None and len(part):
            # hold the last reading until the as-of date, so a step reads as "still the latest"
            last = part.iloc[[-1]].copy()
            last["date"] = pd.Timestamp(until)
            last["label"] = "latest reading, held to the as-of date"
            part = pd.concat([part, last], ignore_index=True)
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=part["best"],
                mode="lines+markers",
                line={"shape": "hv", "color": colours.get(str(side), MUTED), "width": 3},
                marker={"size": 9},
                name=f"{side} side",
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (part["high"].fillna(part["best"]) - part["best"]).clip(lower=0).tolist(),
                    "arrayminus": (part["best"] - part["low"].fillna(part["best"])).clip(lower=0).tolist(),
                },
                customdata=list(zip(part["label"], part["source_ids"], strict=True)),
                hovertemplate="%{x|%d %b %Y}: %{y:,.0f} chips<br>%{customdata[0]}<br>sources: %{customdata[1]}<extra></extra>",
            )
        )
    fig.update_yaxes(title="H200 chips approved (best reading)", rangemode="tozero")
    fig.update_xaxes(title="Report date")
    return _base_layout(fig, title, "Reported figures only; whiskers show the reported range", height=420)


# --------------------------------------------------------------------------- scenario


def plot_scenario_gap(steps: pd.DataFrame) -> go.Figure:
    """Demand versus what could arrive under the chosen assumptions, step by step.

    Expects columns ``label, value, basis, note`` in order: demand first, the binding limits,
    then the deliverable result and the gap.
    """
    title = "Under these assumptions, demand outruns what can arrive"
    if steps.empty:
        return empty_figure("Set the scenario inputs to see the gap.", "Scenario")
    fig = go.Figure()
    for basis in ("reported", "derived", "assumption"):
        part = steps[steps["basis"] == basis]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["label"],
                y=part["value"],
                name=BASIS_LABELS[basis],
                marker={
                    "color": BASIS_COLOURS[basis] if basis != "assumption" else "rgba(255,255,255,0)",
                    "line": {"color": BASIS_COLOURS[basis], "width": 2.5},
                    "pattern": {
                        "shape": BASIS_PATTERN[basis],
                        "fgcolor": "white",
                        "fillmode": "overlay",
                        "solidity": 0.35,
                    }
                    if BASIS_PATTERN[basis]
                    else {},
                },
                text=[fmt_number(v) for v in part["value"]],
                textposition="outside",
                cliponaxis=False,
                customdata=part["note"],
                hovertemplate="<b>%{x}</b>: %{y:,.0f} chips<br>%{customdata}<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_xaxes(categoryorder="array", categoryarray=list(steps["label"]), title=None, tickangle=0)
    fig.update_yaxes(title="H200 chips", rangemode="tozero")
    return _base_layout(fig, title, "Open bars are your assumptions; solid bars are reported figures", height=460)


# --------------------------------------------------------------------------- timeline


def plot_timeline(frame: pd.DataFrame, *, key_moments: pd.DataFrame | None = None) -> go.Figure:
    """Every event on lanes by actor, marker by kind, key moments annotated."""
    title = "Washington moved first; Beijing's hold-ups set the pace"
    if frame.empty:
        return empty_figure("No events match the chosen filters and date.", "Timeline")
    lanes = [lane for lane in LANES if lane in set(frame["lane"])]
    fig = go.Figure()
    for kind, part in frame.groupby("kind", sort=True):
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=part["lane_label"],
                mode="markers",
                name=str(kind).replace("_", " "),
                marker={
                    "symbol": KIND_SYMBOLS.get(str(kind), "circle"),
                    "size": 12,
                    "color": [LANE_COLOURS.get(lane, MUTED) for lane in part["lane"]],
                    "opacity": [CONFIDENCE_OPACITY.get(c, 1.0) for c in part["confidence"]],
                    "line": {"width": 1, "color": INK},
                },
                customdata=list(
                    zip(
                        [_wrap(s) for s in part["summary"]],
                        part["date_precision"],
                        part["publisher"],
                        part["source_id"],
                        part["confidence"],
                        part["claim_id"],
                        strict=True,
                    )
                ),
                hovertemplate=(
                    "<b>%{x|%d %b %Y}</b> (precision: %{customdata[1]})<br>%{customdata[0]}"
                    "<br>source: %{customdata[2]} · confidence %{customdata[4]}<extra></extra>"
                ),
            )
        )
    if key_moments is not None and not key_moments.empty:
        # one layout update with every line and label (add_vline per moment is ~10 ms each)
        last_date = frame["date"].max()
        shapes, notes = [], []
        for index, (_, moment) in enumerate(key_moments.sort_values("date").iterrows()):
            shapes.append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": moment["date"],
                    "x1": moment["date"],
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": MUTED, "width": 1, "dash": "dot"},
                }
            )
            notes.append(
                {
                    "x": moment["date"],
                    "y": 1.02 + 0.065 * (index % 3),
                    "xref": "x",
                    "yref": "paper",
                    "text": str(moment["label"]),
                    "showarrow": False,
                    "font": {"size": 11, "color": INK},
                    "bgcolor": "rgba(255,255,255,0.9)",
                    "xanchor": "right" if moment["date"] >= last_date - pd.Timedelta(days=45) else "left",
                }
            )
        fig.update_layout(shapes=shapes, annotations=notes)
    fig.update_yaxes(categoryorder="array", categoryarray=[LANES[lane] for lane in lanes][::-1], title=None)
    fig.update_xaxes(title="Event date")
    fig.update_layout(margin={"t": 170})
    return _base_layout(
        fig,
        title,
        "Marker shape = kind of event; faded = low confidence; dotted lines = key moments",
        height=max(440, 80 * len(lanes) + 260),
    )


def _wrap(text: str, width: int = 70) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "<br>".join(lines)


# --------------------------------------------------------------------------- chips


def plot_chip_metric(
    frame: pd.DataFrame, *, metric: str, metric_label: str, unit: str, threshold: tuple[float, str] | None = None
) -> go.Figure:
    """One spec across chips, estimates as hatched bars with their range; a US limit as a line."""
    part = frame[frame["metric"] == metric]
    title = f"{metric_label}: the H200 against its rivals"
    if part.empty:
        return empty_figure(f"No {metric_label.lower()} figures are recorded.", title)
    part = part.sort_values("value", ascending=False)
    h200 = part[part["chip_id"] == "h200"]
    if not h200.empty:
        h200_value = float(h200["value"].iloc[0])
        domestic = part[part["vendor"].isin(["Huawei", "Cambricon"])]
        if not domestic.empty and domestic["high"].max() < h200_value:
            title = f"{metric_label}: every Chinese chip recorded trails the H200"
    fig = go.Figure()
    for estimate, name in ((False, "Published figure"), (True, "Estimate (range)")):
        rows = part[part["estimate"] == estimate]
        if rows.empty:
            continue
        colours = [OKABE_ITO["green"] if c == "h200" else BASIS_COLOURS["reported"] for c in rows["chip_id"]]
        fig.add_trace(
            go.Bar(
                x=rows["chip"],
                y=rows["value"],
                name=name,
                marker={
                    "color": colours if not estimate else BASIS_COLOURS["derived"],
                    "pattern": {
                        "shape": "/" if estimate else "",
                        "fgcolor": "white",
                        "fillmode": "overlay",
                        "solidity": 0.35,
                    },
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (rows["high"] - rows["value"]).clip(lower=0).tolist(),
                    "arrayminus": (rows["value"] - rows["low"]).clip(lower=0).tolist(),
                    "color": INK,
                },
                customdata=list(
                    zip(rows["low"], rows["high"], rows["source_ids"], rows["note"].fillna(""), strict=True)
                ),
                hovertemplate=(
                    "<b>%{x}</b>: %{y:,.4~g} "
                    + unit
                    + "<br>range %{customdata[0]:,.4~g}–%{customdata[1]:,.4~g}<br>%{customdata[3]}"
                    "<br>sources: %{customdata[2]}<extra></extra>"
                ),
            )
        )
    if threshold is not None:
        fig.add_hline(
            y=threshold[0],
            line={"color": OKABE_ITO["vermillion"], "width": 2, "dash": "dash"},
            annotation_text=threshold[1],
            annotation_position="top left",
            annotation_font={"color": OKABE_ITO["vermillion"]},
        )
    fig.update_layout(barmode="overlay", bargap=0.3)
    fig.update_xaxes(categoryorder="array", categoryarray=list(part["chip"]), tickangle=-35, title=None)
    fig.update_yaxes(title=f"{metric_label} ({unit})", rangemode="tozero")
    return _base_layout(fig, title, "Hatched = estimate (no vendor datasheet); whiskers = range across sources")


# --------------------------------------------------------------------------- conflicts


def plot_conflict_spread(frame: pd.DataFrame, *, topic: str) -> go.Figure:
    """The claims in one conflict group side by side, each with its own range."""
    rows = frame[frame["low"].notna() | frame["high"].notna()]
    title = f"{topic}: the sources disagree"
    if rows.empty:
        return empty_figure("These claims disagree in words, not numbers: see the table.", title)
    rows = rows.sort_values("date")
    labels = [f"{p} · {d:%d %b %Y}" for p, d in zip(rows["publisher"], rows["date"], strict=True)]
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
            customdata=list(zip(rows["wording"].fillna(""), rows["claim_id"], rows["confidence"], strict=True)),
            hovertemplate="%{y}<br>as reported: %{customdata[0]}<br>confidence: %{customdata[2]}<br>claim %{customdata[1]}<extra></extra>",
            name="Claim",
        )
    )
    unit = rows["unit"].dropna().iloc[0] if rows["unit"].notna().any() else ""
    fig.update_xaxes(title=f"Reported value ({unit})")
    fig.update_yaxes(title=None, autorange="reversed")
    return _base_layout(
        fig, title, "Dot = middle of each claim's range; whiskers = its range", height=max(300, 60 * len(rows) + 180)
    )


def expand_ids(values: Iterable[object]) -> list[str]:
    """'a, b' strings (as frames store id lists) -> ['a', 'b'], de-duplicated in order."""
    out: dict[str, None] = {}
    for value in values:
        if _is_missing(value):
            continue
        for part in str(value).split(","):
            if part.strip():
                out[part.strip()] = None
    return list(out)


__all__ = [
    "empty_figure",
    "expand_ids",
    "fmt_number",
    "fmt_range",
    "plot_approval_matrix",
    "plot_approvals_over_time",
    "plot_buyer_quantities",
    "plot_chip_metric",
    "plot_conflict_spread",
    "plot_range_bars",
    "plot_scenario_gap",
    "plot_timeline",
]
