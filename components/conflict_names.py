"""Conflicts named in plain words ("Beijing's first batch: about 400,000 vs several hundred
thousand") with their spread as a number, and the table of all disagreements. Pure: no streamlit.

The conflicts frame names a group by codes ("C1, C17 · cn-first-batch-chips"); people need the
subject and the figures that disagree.
"""

from __future__ import annotations

import pandas as pd

from components.format import MISSING, fmt_number, is_missing
from components.labels import METRICS, figure_text

# Metrics that only appear in conflicts: their subject in words.
CONFLICT_SUBJECTS: dict[str, str] = {
    "cn-first-batch-chips": "First approved batch",
    "nvidia-china-share-pct": "Nvidia's share of China's AI-chip market",
    "deepseek-v4-post-training-accelerators": "Chips used to post-train DeepSeek V4",
    "cn-chipmaker-domestic-equipment-share-pct": "Required domestic share",
    "cn-domestic-hardware-min-pct": "Required domestic share",
    "spec-fp16-dense-tflops": "FP16 compute",
    "spec-fp16-tflops": "FP16 compute",
    "spec-fp8-dense-tflops": "FP8 compute",
    "spec-fp8-tflops": "FP8 compute",
    "spec-bandwidth-tb-s": "Memory bandwidth",
    "spec-memory-gb": "Memory",
    "spec-power-w": "Power draw",
    "h200-price-per-chip": "H200 price",
    "cn-h200-orders": "Chinese H200 orders",
    "h200-delivered-to-china": "H200s delivered to China",
    "first-shipment-chips": "First shipment",
    "us-per-customer-cap": "US cap per customer",
    "us-revenue-cut-pct": "US cut of H200 sales",
    "cambricon-output": "Cambricon's output",
}
MAX_FIGURES = 3


def _metrics(topic: str) -> list[str]:
    """The metric ids in a topic like 'C1, C17 · cn-first-batch-chips, other-metric'."""
    if "·" in topic:
        return [m.strip() for m in topic.split("·", 1)[1].split(",") if m.strip()]
    return [topic.strip()] if "-" in topic and " " not in topic.strip() else []


def _subject(topic: str, rows: pd.DataFrame) -> str:
    for metric in _metrics(topic):
        if metric in CONFLICT_SUBJECTS:
            return CONFLICT_SUBJECTS[metric]
        if metric in METRICS:
            return METRICS[metric]
    if "label" in rows and rows["label"].notna().any():
        text = str(rows["label"].dropna().iloc[0])
        if text.strip():
            return text.strip()
    summary = str(rows["summary"].iloc[0]) if "summary" in rows and len(rows) else topic
    return summary if len(summary) <= 70 else summary[:67].rsplit(" ", 1)[0] + "…"


def conflict_name(topic: str, rows: pd.DataFrame) -> str:
    """'Subject: figure vs figure' for one conflict group (its rows from the conflicts frame)."""
    subject = _subject(topic, rows)
    product = ""
    if "product" in rows:
        products = [str(p) for p in dict.fromkeys(rows["product"].dropna()) if str(p).strip()]
        product = f" ({products[0]})" if len(products) == 1 and products[0].lower() not in subject.lower() else ""
    figures: list[str] = []
    for row in rows.sort_values("date").to_dict("records"):
        text = figure_text(None, row.get("low"), row.get("high"), row.get("unit"), row.get("wording"), None)
        if text != MISSING and text.lower() not in (f.lower() for f in figures):
            figures.append(text)
    if len(figures) < 2:
        return f"{subject}{product}"
    shown = " vs ".join(figures[:MAX_FIGURES]) + (" vs …" if len(figures) > MAX_FIGURES else "")
    return f"{subject}{product}: {shown}"


def spread(rows: pd.DataFrame) -> tuple[float | None, float | None, str | None]:
    """The lowest and highest figure the group's claims give (one unit only), and that unit."""
    units = [u for u in rows["unit"].dropna().unique()]
    if len(units) != 1:
        units = list(rows["unit"].dropna().value_counts().index[:1])
    if not units:
        return None, None, None
    same = rows[rows["unit"] == units[0]]
    values = pd.concat([same["low"], same["high"]]).dropna().astype(float)
    if values.empty:
        return None, None, str(units[0])
    return float(values.min()), float(values.max()), str(units[0])


def spread_text(low: float | None, high: float | None, unit: str | None) -> str:
    """'300,000 to 900,000 (3× apart)'; '—' without figures."""
    if low is None or high is None:
        return MISSING
    if low == high:
        return f"all {fmt_number(low, unit)}"
    ratio = f" ({high / low:,.1f}× apart)" if low > 0 else ""
    return f"{fmt_number(low, unit)} to {fmt_number(high, unit)}{ratio}"


def conflicts_table(conflicts: pd.DataFrame) -> pd.DataFrame:
    """One row per conflict group: its name in words, the spread, how many claims and sources."""
    rows = []
    names = names_by_group(conflicts)
    for key, group in conflicts.groupby("group", sort=False):
        low, high, unit = spread(group)
        rows.append(
            {
                "Disagreement": names[key],
                "Spread": spread_text(low, high, unit),
                "Times apart": round(high / low, 1) if low and high and low > 0 else None,
                "Gap": None if low is None or high is None else high - low,
                "Claims": len(group),
                "Publishers": group["publisher"].nunique(),
                "First": group["date"].min(),
                "Latest": group["date"].max(),
                "group": key,
            }
        )
    return pd.DataFrame(rows)


def names_by_group(conflicts: pd.DataFrame) -> dict[object, str]:
    """Each conflict group's plain name, made unique (two groups with one name get a number)."""
    names: dict[object, str] = {}
    for key, group in conflicts.groupby("group", sort=False):
        name = conflict_name(str(group["topic"].iloc[0]), group)
        if name in names.values():
            name = f"{name} ({sum(1 for n in names.values() if n.startswith(name)) + 1})"
        names[key] = name
    return names


def subject_of(name: str) -> str:
    """The subject part of a conflict's name (before the figures), for a chart title."""
    return name.split(": ", 1)[0]


def missing_to_dash(value: object) -> object:
    return MISSING if is_missing(value) else value
