"""What's new: what changed between two dates, and what did it change?

Two ways of telling it. "What the story did" (the default) dates a report by its publication, so
any two as-of dates can be compared, even before the tracker existed, and nothing published
after the later date is read. "What the tracker learned" dates a report by when it was added
(``Source.added``; older files by their publication date), for editors.
"""

import datetime as dt

import pandas as pd
import streamlit as st

from components import ui
from components.labels import KINDS, fmt_date, label
from components.ui.context import Kpi
from data.changes import STORY, Changes, changes_for, known_since, published_on
from pages.whats_new.controls import read_window
from pages.whats_new.tables import conflicts_display, headlines_display, row_height, statuses_display, table_height

ctx = ui.page_context("whats_new")
seeds = ctx.seeds
today = dt.date.today()
window = read_window(seeds, ctx.as_of, today)
for notice in window.notices:
    st.info(notice, icon=":material/link_off:")
story = window.mode == STORY
changes: Changes = changes_for(seeds, window.mode, window.since, window.until, ctx.claim_filter)
eve = changes.since - dt.timedelta(days=1)
if story:
    st.caption(
        f"Reports published from {changes.since:%d %b %Y} to {changes.until:%d %b %Y} (both days included): the "
        f"story at the end of {changes.until:%d %b %Y} compared with the story at the end of {eve:%d %b %Y}. "
        "Nothing published later is used."
    )
else:
    st.caption(
        f"Reports added from {changes.since:%d %b %Y} to {changes.until:%d %b %Y} (both days included), compared "
        f"with what the tracker knew at the end of {eve:%d %b %Y}. Reports filed before the tracker recorded an "
        "'added' date count from their publication date."
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
        column.metric(title, value, help=None if ctx.present else detail)  # no help icons on a slide
        column.caption(detail)
        ctx.kpis.append(Kpi(title, value, detail))


def _show_days_up_to(day: dt.date, days: int) -> None:
    st.session_state["since"] = day - dt.timedelta(days=days - 1)
    st.session_state["until"] = day


def empty_state(changes: Changes) -> None:
    """Say why nothing shows and offer the window that holds the newest report."""
    day_of = published_on if story else known_since
    candidates = [s for s in seeds.sources.values() if not story or published_on(s) <= ctx.as_of]
    newest = max(candidates, key=day_of, default=None)
    if newest is None:
        st.info("The tracker holds no report by then: add one on “Add a report”, or move the as-of date later.")
        return
    day, days = day_of(newest), 30 if story else 7
    verb = "published" if story else "added"
    st.info(
        f"Nothing was {verb} between {changes.since:%d %b %Y} and {changes.until:%d %b %Y}. The most recent "
        f"report {verb} by then is from {ui.md(newest.publisher)}, counted from {day:%d %b %Y}."
    )
    st.button(
        f"Show the {'30 days' if story else 'week'} up to {day:%d %b %Y}",
        on_click=_show_days_up_to,
        args=(day, days),
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
    rows = row_height(frame, wide)
    st.dataframe(
        frame,
        hide_index=True,
        key=key,
        width="stretch",
        column_config=config,
        row_height=rows,
        height=table_height(len(frame), rows),
    )


def sources_table(changes: Changes) -> None:
    st.subheader(f"New reports ({len(changes.new_sources)})")
    table = changes.new_sources
    if table.empty:
        st.caption(f"No report was {'published' if story else 'added'} in this window.")
        return
    columns = {
        **({} if story else {"added": "Added"}),
        "published": "Published",
        "publisher": "Publisher",
        "url": "Link",
        "claims": "Claims",
        "title": "Title",
    }
    shown = table[list(columns)].fillna({"url": ""})
    shown = shown.assign(published=[fmt_date(d) if pd.notna(d) else "undated" for d in shown["published"]])
    dates = () if story else ("Added",)
    _table(shown.rename(columns=columns), key="whats-new-sources", dates=dates, wide="Title", links="Link")


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


def _claims_display(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Dated": table["date"],
            "Kind": table["kind"].map(lambda k: label(k, KINDS)),
            "What it says": table["summary"],
            "Publisher": table["publisher"],
        }
    )


def movements_table(changes: Changes) -> None:
    st.subheader(f"Deliveries, shipments and licences ({len(changes.movements)})")
    if changes.movements.empty:
        st.caption("No new report about deliveries, shipments, licences or import approvals in this window.")
        return
    _table(_claims_display(changes.movements), key="whats-new-movements", dates=("Dated",), wide="What it says")


def claims_table(changes: Changes) -> None:
    table = changes.new_claims
    if table.empty:
        return
    with st.expander(f"All {len(table)} new claims"):
        _table(_claims_display(table), key="whats-new-claims", dates=("Dated",), wide="What it says")


summary_row(changes)
if changes.empty:
    empty_state(changes)
ids = changes.new_sources["source_id"].tolist() + changes.statuses["source_id"].tolist()
ui.end_slide(ctx, ids)  # a slide is the four numbers: the tables under them ran a 720 px slide to 1,400 px
sources_table(changes)
headlines_table(changes)
statuses_table(changes)
movements_table(changes)
conflicts_table(changes)
claims_table(changes)
ui.render_source_footer(seeds, ids, key="whats-new")
ui.finish_page(ctx)
