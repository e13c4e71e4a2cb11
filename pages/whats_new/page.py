"""What's new: what did the tracker learn between two dates, and what did it change?

A report counts from the day it was added to the tracker (``Source.added``, set by the save on
"Add a report"); files written before that date was kept count from their publication date.
"""

import datetime as dt

import pandas as pd
import streamlit as st

from components import ui
from components.labels import KINDS, fmt_date, label
from components.state import ParamSpec, parse_date, read_params
from components.ui.context import Kpi
from data.changes import Changes, changes_between, default_window, known_since
from pages.whats_new.tables import conflicts_display, headlines_display, statuses_display

ctx = ui.page_context("whats_new")
seeds = ctx.seeds
today = dt.date.today()
learned = [known_since(s) for s in seeds.sources.values()]
first_day = min(learned, default=today - dt.timedelta(days=365))
last_day = max([today, *learned])
default_since, default_until = default_window(today)

raw = {name: st.query_params.get_all(name) for name in ("since", "until")}
specs = [
    ParamSpec(name, lambda text: parse_date(text, low=first_day, high=last_day), describe="the last seven days")
    for name in ("since", "until")
]
for notice in read_params(raw, specs).notices:
    st.info(notice, icon=":material/link_off:")

left, right, _ = st.columns([1, 1, 2])
since = left.date_input(
    "Added from",
    **({} if "since" in st.session_state else {"value": max(default_since, first_day)}),
    min_value=first_day,
    max_value=last_day,
    key="since",
    bind="query-params",
    format="YYYY-MM-DD",
    help="First day of the window (included). A report counts from the day it was added to the tracker.",
)
until = right.date_input(
    "Added until",
    **({} if "until" in st.session_state else {"value": default_until}),
    min_value=first_day,
    max_value=last_day,
    key="until",
    bind="query-params",
    format="YYYY-MM-DD",
    help="Last day of the window (included).",
)
since = since if isinstance(since, dt.date) else default_since
until = until if isinstance(until, dt.date) else default_until
if since > until:
    st.info("The start date was after the end date; the two were swapped.")
changes: Changes = changes_between(seeds, since, until)
st.caption(
    f"Reports added from {changes.since:%d %b %Y} to {changes.until:%d %b %Y} (both days included), compared with "
    f"what the tracker knew at the end of {changes.since - dt.timedelta(days=1):%d %b %Y}. Reports filed before "
    "the tracker recorded an 'added' date count from their publication date."
)


def summary_row(changes: Changes) -> None:
    opened = int((changes.conflicts["change"] == "opened").sum())
    resolved = int((changes.conflicts["change"] == "resolved").sum())
    moved = changes.headlines[changes.headlines["change"].isin(["new", "changed", "gone"])]
    cards = [
        ("New reports", str(len(changes.new_sources)), f"{len(changes.new_claims)} claims"),
        ("Status changes", str(len(changes.statuses)), "buyer × stage cells that moved"),
        ("Headline figures moved", str(len(moved)), f"of {len(changes.headlines)} on the overview"),
        ("Disagreements", f"{opened} opened", f"{resolved} resolved"),
    ]
    for column, (title, value, detail) in zip(st.columns(len(cards)), cards, strict=True):
        column.metric(title, value, help=detail)
        column.caption(detail)
        ctx.kpis.append(Kpi(title, value, detail))


def _show_week_up_to(day: dt.date) -> None:
    st.session_state["since"] = max(day - dt.timedelta(days=6), first_day)
    st.session_state["until"] = day


def empty_state(changes: Changes) -> None:
    newest = max(seeds.sources.values(), key=known_since, default=None)
    if newest is None:
        st.info("The tracker holds no report yet: add one on “Add a report”.")
        return
    day = known_since(newest)
    st.info(
        f"Nothing was added between {changes.since:%d %b %Y} and {changes.until:%d %b %Y}. The most recent "
        f"addition is a {ui.md(newest.publisher)} report, counted from {day:%d %b %Y}."
    )
    st.button(
        f"Show the week up to {day:%d %b %Y}",
        on_click=_show_week_up_to,
        args=(day,),
        key="whats-new-latest-week",
        icon=":material/history:",
    )


def headlines_table(changes: Changes) -> None:
    st.subheader("Headline figures, before → after")
    table = changes.headlines
    if table.empty:
        st.caption("No headline figure had been reported by the end of the window.")
        return
    shown = headlines_display(table)
    st.dataframe(shown, hide_index=True, key="whats-new-headlines", width="stretch")


def _table(
    frame: pd.DataFrame, *, key: str, dates: tuple[str, ...] = (), wide: str | None = None, links: str | None = None
) -> None:
    """One of this page's tables: dates read "26 Jan 2026", the long text column wide."""
    config: dict[str, object] = {column: st.column_config.DateColumn(column, format=ui.DATE_FORMAT) for column in dates}
    if wide:
        config[wide] = st.column_config.TextColumn(wide, width="large")
    if links:
        config[links] = ui.link_column(links)
    st.dataframe(frame, hide_index=True, key=key, width="stretch", column_config=config)


def sources_table(changes: Changes) -> None:
    st.subheader(f"New reports ({len(changes.new_sources)})")
    table = changes.new_sources
    if table.empty:
        st.caption("No report was added in this window.")
        return
    columns = {
        "added": "Added",
        "published": "Published",
        "publisher": "Publisher",
        "url": "Link",
        "claims": "Claims",
        "title": "Title",
    }
    shown = table[list(columns)].fillna({"url": ""})
    shown = shown.assign(published=[fmt_date(d) if pd.notna(d) else "undated" for d in shown["published"]])
    _table(shown.rename(columns=columns), key="whats-new-sources", dates=("Added",), wide="Title", links="Link")


def statuses_table(changes: Changes) -> None:
    st.subheader(f"Status changes per buyer and stage ({len(changes.statuses)})")
    if changes.statuses.empty:
        st.caption("No approval status moved in this window.")
        return
    _table(statuses_display(changes.statuses), key="whats-new-statuses", dates=("Dated",), wide="The claim")


def conflicts_table(changes: Changes) -> None:
    st.subheader(f"Disagreements opened or resolved ({len(changes.conflicts)})")
    if changes.conflicts.empty:
        st.caption("No disagreement between sources opened, widened or closed in this window.")
        return
    _table(conflicts_display(changes.conflicts), key="whats-new-conflicts", wide="Latest claim in the disagreement")


def claims_table(changes: Changes) -> None:
    table = changes.new_claims
    if table.empty:
        return
    with st.expander(f"All {len(table)} new claims"):
        shown = pd.DataFrame(
            {
                "Dated": table["date"],
                "Kind": table["kind"].map(lambda k: label(k, KINDS)),
                "What it says": table["summary"],
                "Publisher": table["publisher"],
            }
        )
        _table(shown, key="whats-new-claims", dates=("Dated",), wide="What it says")


summary_row(changes)
if changes.empty:
    empty_state(changes)
sources_table(changes)
headlines_table(changes)
statuses_table(changes)
conflicts_table(changes)
claims_table(changes)
ids = changes.new_sources["source_id"].tolist() + changes.statuses["source_id"].tolist()
ui.render_source_footer(seeds, ids, key="whats-new")
ui.finish_page(ctx)
