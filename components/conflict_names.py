"""Conflicts named in plain words ("Beijing's first batch: more than 400,000 vs about 400,000"),
their spread, and the tables of real disagreements and of wording-only differences. Pure: no
streamlit.

The conflicts frame (``data.frames.conflicts``) says how each group differs and which claims it
compared like with like; this module only puts that into words: the metric's short label from
``seeds/reference/metrics.yaml``, the chip's name, and figures with their bounds.
"""

from __future__ import annotations

import pandas as pd

from components.format import MISSING, fmt_number, fmt_range, is_missing, num
from components.labels import UNITS
from data.frames.conflicts import FIGURES, STATEMENTS, WORDING

MAX_FIGURES = 3
SUBJECT_CHARS = 60
DIFFERENCES = {
    FIGURES: "Figures disagree",
    STATEMENTS: "Statements disagree",
    WORDING: "Same figure, different words",
}
_UNIT_SHOWN_BY_NUMBER = {"usd", "usd_per_chip", "rmb", "rmb_per_module", "percent"}


def _with_unit(text: str, unit: object) -> str:
    """'989 TFLOPS': units that ``fmt_number`` does not show ($, %, RMB) are named after the figure."""
    if is_missing(unit) or str(unit) in _UNIT_SHOWN_BY_NUMBER or str(unit) in ("chips",) or text == MISSING:
        return text
    return f"{text} {UNITS.get(str(unit), str(unit))}"


def figure(row: dict) -> str:
    """One claim's figure with its bound in words ('more than 400,000', '$27,000', '3.2 TB/s')."""
    wording = row.get("wording")
    if row.get("basis") == "derived" and isinstance(wording, str) and wording.strip():
        return f"“{wording.strip()}”"
    unit = None if is_missing(row.get("unit")) else str(row["unit"])
    bound = None if is_missing(row.get("bound")) else str(row["bound"])
    low, high = num(row.get("low")), num(row.get("high"))
    text = fmt_range(
        low, high, unit, open_high=high is None and low is not None and bound not in ("more_than",), bound=bound
    )
    return _with_unit(text, unit)


def _named_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The claims a name quotes: the widest disagreeing set, else the largest like-for-like set."""
    if "in_spread" in rows and rows["in_spread"].fillna(False).astype(bool).any():
        return rows[rows["in_spread"].fillna(False).astype(bool)]
    compared = rows[rows["comparison"].notna()] if "comparison" in rows else rows.iloc[0:0]
    if compared.empty:
        return compared
    biggest = compared["comparison"].value_counts().index[0]
    return compared[compared["comparison"] == biggest]


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= SUBJECT_CHARS else text[: SUBJECT_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def subject(rows: pd.DataFrame) -> str:
    """What the group is about: the compared metric's short label (with the chip's name), else the
    one metric the group's figures share, else the first claim's summary, shortened."""
    named = _named_rows(rows)
    pool = named if not named.empty else rows[rows["measure"].notna()]
    measures = [str(m) for m in dict.fromkeys(pool["measure"].dropna())]
    common = measures[0] if len(measures) == 1 else _common_words(measures)
    if not common:
        return _short(str(rows.sort_values("date").iloc[0]["summary"]))
    specs = pool[pool["spec"].fillna(False).astype(bool)]
    chips = [str(c) for c in dict.fromkeys(specs["chip"].dropna())]
    return f"{common} — {chips[0]}" if len(chips) == 1 else common


def _common_words(labels: list[str]) -> str:
    """The words several labels start with ('FP8 compute' for 'FP8 compute, dense' and 'FP8
    compute, with sparsity'); '' when they share fewer than two words."""
    if not labels:
        return ""
    split = [label.replace(",", " ,").split() for label in labels]
    words = []
    for column in zip(*split, strict=False):
        if len(set(column)) != 1:
            break
        words.append(column[0])
    text = " ".join(words).replace(" ,", ",").rstrip(",")
    return text if len(text.split()) >= 2 else ""


def conflict_name(rows: pd.DataFrame) -> str:
    """'Subject: figure vs figure' for one conflict group (its rows from the conflicts frame);
    a disagreement of statements is named by its subject only."""
    name = subject(rows)
    if str(rows["difference"].iloc[0]) == STATEMENTS:
        return name
    figures: list[str] = []
    for row in _named_rows(rows).sort_values("date").to_dict("records"):
        text = figure(row)
        if text != MISSING and text not in figures:
            figures.append(text)
    if len(figures) == 1 and str(rows["difference"].iloc[0]) == WORDING:
        return f"{name}: {figures[0]} in every report"
    if len(figures) < 2:
        return name
    shown = " vs ".join(figures[:MAX_FIGURES]) + (" vs …" if len(figures) > MAX_FIGURES else "")
    return f"{name}: {shown}"


def spread_text(low: float | None, high: float | None, unit: str | None) -> str:
    """'300,000 to 900,000 (3× apart)'; '—' without figures."""
    if low is None or high is None:
        return MISSING
    if low == high:
        return f"all {_with_unit(fmt_number(low, unit), unit)}"
    ratio = f" ({high / low:,.1f}× apart)" if low > 0 else ""
    return f"{fmt_number(low, unit)} to {_with_unit(fmt_number(high, unit), unit)}{ratio}"


def _group_row(key: object, group: pd.DataFrame, name: str) -> dict:
    first = group.iloc[0]
    difference = str(first["difference"])
    low, high = num(first["spread_low"]), num(first["spread_high"])
    unit = None if is_missing(first["spread_unit"]) else str(first["spread_unit"])
    if difference == FIGURES:
        derived = group["in_spread"].astype(bool) & (group["basis"] == "derived")
        spread = spread_text(low, high, unit) + (" (partly read from vague wording)" if derived.any() else "")
    elif difference == WORDING:
        spread = "; ".join(dict.fromkeys(figure(r) for r in _named_rows(group).to_dict("records")))
    elif group["comparison"].notna().any():
        agreed = "; ".join(dict.fromkeys(figure(r) for r in _named_rows(group).to_dict("records")))
        spread = f"Like-for-like figures agree ({agreed})"
    else:
        spread = "No like-for-like figures"
    return {
        "Disagreement": name,
        "How they differ": DIFFERENCES[difference],
        "Spread": spread,
        "Times apart": round(high / low, 1) if low and high and low > 0 else None,
        "Gap": None if low is None or high is None else high - low,
        "Claims": len(group),
        "Publishers": group["publisher"].nunique(),
        "First": group["date"].min(),
        "Latest": group["date"].max(),
        "group": key,
    }


def _table(conflicts: pd.DataFrame, differences: tuple[str, ...]) -> pd.DataFrame:
    names = names_by_group(conflicts)
    rows = [
        _group_row(key, group, names[key])
        for key, group in conflicts.groupby("group", sort=False)
        if str(group["difference"].iloc[0]) in differences
    ]
    columns = ["Disagreement", "How they differ", "Spread", "Times apart", "Gap", "Claims", "Publishers"]
    table = pd.DataFrame(rows, columns=[*columns, "First", "Latest", "group"])
    # widest first: figures before statements, a spread from zero (no ratio) above every ratio
    order = table.assign(
        _figures=table["How they differ"] == DIFFERENCES[FIGURES],
        _ratio=table["Times apart"].where(table["Times apart"].notna(), table["Gap"].notna() * float("inf")),
    )
    order = order.sort_values(["_figures", "_ratio", "Claims"], ascending=False, na_position="last")
    return table.loc[order.index].reset_index(drop=True)


def conflicts_table(conflicts: pd.DataFrame) -> pd.DataFrame:
    """One row per real disagreement (figures that cannot all be true, or statements), widest first."""
    return _table(conflicts, (FIGURES, STATEMENTS))


def wording_table(conflicts: pd.DataFrame) -> pd.DataFrame:
    """One row per group whose like-for-like figures agree and differ only in wording."""
    return _table(conflicts, (WORDING,))


def names_by_group(conflicts: pd.DataFrame) -> dict[object, str]:
    """Each conflict group's plain name, made unique (two groups with one name get a number)."""
    names: dict[object, str] = {}
    for key, group in conflicts.groupby("group", sort=False):
        name = conflict_name(group)
        if name in names.values():
            name = f"{name} ({sum(1 for n in names.values() if n.startswith(name)) + 1})"
        names[key] = name
    return names


def subject_of(name: str) -> str:
    """The subject part of a conflict's name (before the figures), for a chart title."""
    return name.split(": ", 1)[0]
