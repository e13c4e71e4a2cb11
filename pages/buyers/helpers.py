"""Buyers page helpers: the split-share sliders, the chart selection mirrored into the link, and
the status table (the chart itself is in ``view.py``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.format import MISSING, fmt_row
from components.labels import STATUSES, fmt_date, label


def share_sliders(members: list[str], names: dict[str, str]) -> dict[str, float]:
    """One slider per group member; shares rescaled to 100 % (the user's assumption)."""
    columns = st.columns(len(members))
    for m in members:
        st.session_state.setdefault(f"share_{m}", round(100 / len(members)))
    raw = {
        m: columns[i].slider(f"{names.get(m, m)} share (%)", 0, 100, key=f"share_{m}") for i, m in enumerate(members)
    }
    total = sum(raw.values()) or 1
    if sum(raw.values()) != 100:
        st.caption(f"Shares add up to {sum(raw.values())} %: they are rescaled to 100 %.")
    return {m: v / total for m, v in raw.items()}


def picked_from_chart(event: object, names: dict[str, str]) -> list[str]:
    """Buyers picked by clicking or box-selecting bars, mirrored into the link as ``picked``
    (a chart selection is not a widget, so the link keeps it only if we write it)."""
    picked: list[str] = []
    selection = getattr(event, "selection", None) if event is not None else None
    for point in (selection or {}).get("points", []):
        custom = point.get("customdata")
        if isinstance(custom, list | tuple):
            custom = custom[0] if custom else None
        if custom:
            picked += [p for p in str(custom).split("+") if p in names]
    if picked:
        st.query_params["picked"] = picked
        return picked
    picked = [p for p in st.query_params.get_all("picked") if p in names]
    if picked and st.button("Clear the chart selection from the link", icon=":material/close:"):
        del st.query_params["picked"]
        st.rerun()
    return picked


def _range_cell(low: object, high: object, bound: object) -> str:
    return fmt_row({"low": low, "high": high, "bound": bound, "unit": "chips", "open_high": pd.isna(high)})


def status_rows(buyers: pd.DataFrame, ids: tuple[str, ...]) -> pd.DataFrame:
    """The status table's rows for these buyers, in words (built once per shared frame and
    selection: ``ui.per_object``)."""
    table = buyers[buyers["organisation_id"].isin(ids)].copy()
    table["US status"] = table["us_status"].map(lambda v: label(v, STATUSES)).replace(MISSING, "Nothing reported")
    table["China status"] = [
        (label(v, STATUSES) if isinstance(v, str) else "Nothing reported")
        + (f": {note}" if isinstance(note, str) else "")
        for v, note in zip(table["cn_status"], table["cn_status_note"], strict=True)
    ]
    for measure in ("interest", "cap", "delivered"):
        table[measure.title()] = [
            _range_cell(lo, hi, b)
            for lo, hi, b in zip(
                table[f"{measure}_low"], table[f"{measure}_high"], table[f"{measure}_bound"], strict=True
            )
        ]
    table["Delivered"] = table["Delivered"].replace(MISSING, "None reported")
    for side in ("us", "cn"):  # a month-precise date reads "Jul 2026", never an invented day
        table[f"{side}_status_date"] = [
            fmt_date(date, precision if isinstance(precision, str) else None)
            for date, precision in zip(table[f"{side}_status_date"], table[f"{side}_status_precision"], strict=True)
        ]
    table["delivered_date"] = table["delivered_date"].map(fmt_date)
    table["Market-wide step (China)"] = [
        f"{label(status, STATUSES)} (market-wide, {fmt_date(date)})" if isinstance(status, str) else MISSING
        for status, date in zip(table["market_status"], table["market_status_date"], strict=True)
    ]
    table["Restriction lists"] = table["restrictions"].map(lambda items: "; ".join(items) or MISSING)
    table["First batch (group)"] = table["group_approved"].map(lambda groups: "; ".join(groups) or "—")
    return table


def render_status_table(table: pd.DataFrame) -> None:
    """Latest US and China status per buyer, with the per-buyer figures (rows from ``status_rows``)."""
    st.dataframe(
        table[
            [
                "organisation",
                "US status",
                "us_status_date",
                "China status",
                "cn_status_date",
                "Market-wide step (China)",
                "Restriction lists",
                "Interest",
                "First batch (group)",
                "Cap",
                "Delivered",
                "delivered_date",
                "claims",
            ]
        ],
        hide_index=True,
        key="buyers-status",
        column_config={
            "organisation": "Buyer",
            "us_status_date": "US as of",
            "cn_status_date": "China as of",
            "delivered_date": "Delivered as of",
            "claims": st.column_config.NumberColumn("Claims", help="Claims that name this buyer"),
        },
    )
    st.caption(
        "The first batch was reported for three firms together; it is shown as a group and never split into "
        "invented per-firm numbers. A cap reported for the market is shown for each firm it applies to; a market-wide "
        "delivery count only while it is zero: once deliveries have begun, a firm without a figure of its own reads "
        '"None reported". A Chinese step that names no firm is shown on each buyer it binds, marked market-wide; a '
        "restriction list (such as the Pentagon's 1260H list) is not an approval."
    )


def claims_naming(claims: pd.DataFrame, ids: tuple[str, ...]) -> pd.DataFrame:
    """The claims that name any of these buyers."""
    wanted = set(ids)
    return claims[claims["actors"].map(lambda actors: bool(wanted.intersection(actors))).astype(bool)]  # empty-safe
