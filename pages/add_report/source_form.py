"""Step 2 of Add a report: the source block as a form, with every field a seed source has.

Every field of ``seeds/sources/*.yaml``'s ``source:`` that a person decides (byline, how precise
the date is, why there is no web address, when it was read, other outlets carrying it) has a
widget here, so a report never needs its YAML edited after the page saved it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from data.draft import Draft
from pages.add_report import editing

SOURCE_FIELDS = ("id", "title", "publisher", "byline", "published", "date_precision", "url", "url_missing", "kind",
                 "origin", "accessed", "confidence", "reliability")  # fmt: skip
CARRIED_COLUMNS = ["outlet", "url", "published"]


def initial(draft: Draft, field: str) -> object:
    """The widget's first value, from the draft (a date for the date fields, a dash for 'none')."""
    value = draft.source.get(field)
    if field in ("published", "accessed"):
        return dt.date.fromisoformat(str(value)) if value else dt.date.today()
    if field == "date_precision":
        return value or "day"
    if field == "url_missing":
        return value or editing.NONE
    return "" if value is None else value


def carried_frame(draft: Draft) -> pd.DataFrame:
    """Other outlets already known to carry the story (usually none): one editable row each."""
    rows = [{k: o.get(k) for k in CARRIED_COLUMNS} for o in draft.source.get("carried_by") or []]
    frame = pd.DataFrame(rows, columns=CARRIED_COLUMNS).astype(object)  # text cells, even with no row
    frame["url"] = frame["url"].fillna("")
    frame["published"] = pd.Series([str(d)[:10] if d else "" for d in frame["published"]], dtype=object)
    return frame


def start(draft: Draft) -> None:
    """Fill the form's widgets from a fresh draft."""
    state = st.session_state
    for field in SOURCE_FIELDS:
        state[f"ar_src_{field}"] = initial(draft, field)
    state["ar_carried_base"] = carried_frame(draft)
    state.pop("ar_src_carried_by", None)
    state["ar_published_was"] = state["ar_src_published"]


def _follow_published() -> None:
    """Keep the id's date in step with the publication date."""
    state = st.session_state
    new = state.get("ar_src_published")
    if isinstance(new, dt.date):
        state["ar_src_id"] = editing.renamed_id(str(state.get("ar_src_id", "")), state["ar_published_was"], new)
        state["ar_published_was"] = new


def render(draft: Draft) -> dict[str, Any]:
    """The source block as a form; every field starts from the draft. Returns the edited fields."""
    st.subheader("2 · The report")
    state = st.session_state
    for field in SOURCE_FIELDS:  # widget values are dropped when the page is left: start again from the draft
        if f"ar_src_{field}" not in state:
            state[f"ar_src_{field}"] = initial(draft, field)
    if "ar_carried_base" not in state:
        state["ar_carried_base"] = carried_frame(draft)
    st.caption("Kind, confidence and the reliability note are suggestions: confirm them against the article.")
    top = st.columns([3, 2, 1.2, 1])
    top[0].text_input("Title", key="ar_src_title")
    top[1].text_input("Publisher", key="ar_src_publisher")
    top[2].date_input("Published", key="ar_src_published", format="YYYY-MM-DD", on_change=_follow_published)
    top[3].selectbox(
        "Date precision", editing.SOURCE_PRECISIONS, key="ar_src_date_precision", format_func=editing.words,
        help="How precise the publication date is: a month-only date counts from the month's first day.",
    )  # fmt: skip
    middle = st.columns([2.5, 1.4, 1.8, 1.4])
    middle[0].text_input("Web address", key="ar_src_url", placeholder="https://… (optional)")
    middle[1].selectbox(
        "No web address because", [editing.NONE, *editing.URL_MISSING], key="ar_src_url_missing",
        format_func=lambda v: "— (it has one)" if v == editing.NONE else editing.words(v),
    )  # fmt: skip
    middle[2].text_input("Story originally from", key="ar_src_origin", placeholder="e.g. Reuters (optional)")
    middle[3].text_input("Byline", key="ar_src_byline", placeholder="author (optional)")
    lower = st.columns([1.7, 1.7, 1.2])
    lower[0].selectbox("Kind (to confirm)", editing.SOURCE_KINDS, key="ar_src_kind", format_func=editing.words)
    lower[1].selectbox(
        "Confidence (to confirm)", ["high", "medium", "low"], key="ar_src_confidence", format_func=editing.words
    )
    lower[2].date_input("Read on", key="ar_src_accessed", format="YYYY-MM-DD", help="When the page was read.")
    st.text_area("How reliable is it? (to confirm)", key="ar_src_reliability", height=80)
    cc = st.column_config
    carried = st.data_editor(
        state["ar_carried_base"],
        key="ar_src_carried_by",
        hide_index=True,
        width="stretch",
        num_rows="dynamic",
        column_config={
            "outlet": cc.TextColumn("Also carried by (outlet)", required=True, default=""),
            "url": cc.TextColumn("Its web address (optional)", default=""),  # an empty cell never reads "None"
            # text, not a date picker: an empty date cell would read "None"; the pattern refuses a bad date
            "published": cc.TextColumn("Its date (optional)", default="", validate=r"^(\d{4}-\d{2}-\d{2})?$"),
        },
        column_order=CARRIED_COLUMNS,
    )
    st.text_input(
        "File name and id", key="ar_src_id", help="Becomes seeds/sources/<id>.yaml; starts with the publication date."
    )
    fields = {field: state.get(f"ar_src_{field}") for field in SOURCE_FIELDS}
    fields["carried_by"] = editing.carried_by(carried)
    return fields
