"""The frame of every page: heading, shared controls bound to the link, status line, problem
banner, and at the end the share link and the HTML export. Pages call ``page_context`` first and
``finish_page`` last; everything in between is theirs."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.format import counted
from components.registry import BY_ID, PageSpec
from components.state import CONFIDENCE_OPTIONS, parse_date
from components.ui.briefing import render_add_to_briefing, render_briefing_step
from components.ui.cache import load_data_with_fingerprint
from components.ui.context import NARROW_SCREEN_CSS, PRESENT_CSS, PageContext, is_presenting
from components.ui.downloads import view_deck, view_html
from components.ui.links import app_root, follow_default, page_url
from components.ui.use_data import render_use_data
from components.ui.views import link_defaults, seed_from_link, view_params, write_link
from components.view import link_of
from data.frames import ClaimFilter, latest_report_date
from data.load import SeedData

STALE_AFTER_DAYS = 60


def today() -> dt.date:
    return dt.date.today()


def _date_bounds(seeds: SeedData) -> tuple[dt.date, dt.date, dt.date]:
    """First report, latest report, and the last date the as-of control allows (today, or a
    later report date if a source is dated ahead), so new data can never fall outside it."""
    latest = latest_report_date(seeds) or today()
    first = min((s.available_from for s in seeds.sources.values()), default=dt.date(2025, 1, 1))
    return first, latest, max(today(), latest)


def _pinned(first: dt.date, last: dt.date) -> dt.date | None:
    """The as-of date the link pins, if it is a valid one."""
    text = st.query_params.get("as_of")
    try:
        return parse_date(str(text), low=first, high=last) if text else None
    except ValueError:
        return None


def _sidebar_filter(first: dt.date, last: dt.date, latest: dt.date, pinned: dt.date | None) -> ClaimFilter:
    """The as-of date and confidence controls, bound to the link.

    An as-of date the user never moved follows the newest report, so a report added while a
    session is open shows at its next interaction; a date the user chose (or a link pinned) stays.
    A bound widget drops its value from the address bar when it equals the widget's default, so
    when a link pins the latest report date the default becomes one the link does not carry.
    """
    follow_default("as_of", latest)
    default = latest if pinned is None or pinned != latest else first
    with st.sidebar:
        st.markdown("**View**")
        as_of = st.date_input(
            "Data as of",
            value=default,
            min_value=first,
            max_value=last,
            key="as_of",
            bind="query-params",
            format="YYYY-MM-DD",
            help="Only claims reported on or before this date are used. Pin it in a shared link to keep the view reproducible.",
        )
        st.session_state.setdefault("confidence", "all")
        confidence = st.segmented_control(
            "Confidence",
            options=list(CONFIDENCE_OPTIONS),
            format_func=CONFIDENCE_OPTIONS.__getitem__,
            required=True,
            key="confidence",
            help="Hide low-confidence claims, or keep only named and official ones (drops anonymous sources too).",
        )
        confidence = confidence if confidence in CONFIDENCE_OPTIONS else "all"
    return ClaimFilter(
        as_of=as_of if isinstance(as_of, dt.date) else latest,
        exclude_low_confidence=confidence in ("no-low", "firm"),
        exclude_anonymous=confidence == "firm",
    )


def _show_link_notices(page: PageSpec, notices: list[str]) -> None:
    # The frontend drops invalid bound values from the URL and reruns, so keep the notice for
    # this page for the rest of the session rather than only on the first run.
    if notices:
        st.session_state["_link_notices"] = (page.page_id, notices)
    notice_page, kept = st.session_state.get("_link_notices", (None, []))
    for notice in kept if notice_page == page.page_id else []:
        st.info(notice, icon=":material/link_off:")


def page_context(page_id: str) -> PageContext:
    """Render the page heading and the shared controls; return what the page needs.

    A garbled value in the link is dropped with a notice, never an exception.
    """
    page = BY_ID[page_id]
    seeds, fingerprint = load_data_with_fingerprint()
    present = is_presenting()
    st.html(PRESENT_CSS if present else NARROW_SCREEN_CSS)
    step_params = render_briefing_step(seeds, page, present)
    first, latest, last = _date_bounds(seeds)
    notices = seed_from_link(page, seeds, step_params, fingerprint)
    pinned = _pinned(first, last)
    claim_filter = _sidebar_filter(first, last, latest, pinned)
    as_of = claim_filter.as_of or latest
    if not present:  # on a slide the step caption is the headline
        st.title(page.title)
        st.caption(page.question)
    render_status_line(seeds, as_of, latest, present=present)
    _show_link_notices(page, notices)
    render_problems_banner(seeds, present=present)
    if present and not page.slide:
        render_not_a_slide(page)
    return PageContext(page, seeds, claim_filter, as_of, latest, present, fingerprint)


def status_text(as_of: dt.date, used: dt.date | None, newest: dt.date, now: dt.date) -> str:
    """One line: the as-of date, the newest report used at that date, and, when that report is
    old, how old, judged where the view stands: a view of the tracker's newest data is judged
    today ("tracker's newest report N days old"); a view of the past at its as-of date (on 30 Jun
    the report of 29 Jun was a day old, whatever came later), so no later date leaks into it."""
    line = f"Data as of **{as_of:%d %b %Y}** · " + (
        f"latest report **{used:%d %b %Y}**" if used else "no report by then"
    )
    if as_of < newest:  # a view of the past: newer reports exist, but not at the date shown
        age = (as_of - used).days if used else 0
        if age > STALE_AFTER_DAYS:
            line += f" · :orange[:material/history: {age} days without a new report by then: last known statuses]"
        return line
    age = (now - newest).days
    if age > STALE_AFTER_DAYS:
        line += (
            f" · :orange[:material/history: tracker's newest report {age} days old: last known statuses, not live news]"
        )
    return line


def render_status_line(seeds: SeedData, as_of: dt.date, latest: dt.date, *, present: bool = False) -> None:
    """The as-of line; on a slide without the staleness warning and the "?" help (a slide is
    pinned to its step's date, and a meeting has no use for a tooltip)."""
    used = latest_report_date(seeds, on_or_before=as_of)
    if present:
        st.markdown(status_text(as_of, used, as_of, as_of))
        return
    st.markdown(
        status_text(as_of, used, latest, today()), help="Statuses are the last ones reported by the as-of date."
    )


def render_problems_banner(seeds: SeedData, *, present: bool = False) -> None:
    """Every seed problem, listed; on a slide one short line, so the list does not squash the chart."""
    if not seeds.problems:
        return
    if present:
        st.caption(
            f":red[:material/error: {counted(len(seeds.problems), 'problem')} in the seed files: those items are "
            "left out (listed outside meeting mode).]"
        )
        return
    lines = "\n".join(f"- `{problem}`" for problem in seeds.problems[:50])
    more = f"\n- … and {len(seeds.problems) - 50} more" if len(seeds.problems) > 50 else ""
    st.error(
        f"**{counted(len(seeds.problems), 'problem')} in the seed files.** Everything valid is still shown; "
        f"the items below were skipped until fixed.\n\n{lines}{more}",
        icon=":material/error:",
    )


def render_not_a_slide(page: PageSpec) -> None:
    """An editing page has no slide: meeting mode hides its inputs, which left an empty form box
    and a button with nothing to press it for. Say so plainly and stop."""
    st.subheader(page.title)
    st.info(
        f"{page.title} is an editing page, not a slide. Open it without `present=1` in the link to use it.",
        icon=":material/edit_off:",
    )
    st.stop()


def _render_share_link(link: str) -> None:
    """Rendered at the end of the page, when every widget has its value for this run."""
    with st.sidebar.expander("Share this view", icon=":material/link:"):
        st.caption(
            "This link restores the page, its filters and the as-of date (pinned, so it stays the same after new reports)."
        )
        st.code(link, language=None, wrap_lines=True)
        st.caption("Add `&present=1` for meeting mode.")


def finish_page(ctx: PageContext) -> None:
    """End of every page: the share link and the standalone HTML export of what this view shows."""
    if ctx.present:
        return
    values = view_params(ctx)
    write_link(ctx, values)
    params = link_of(ctx.page, ctx.seeds, values, link_defaults(ctx))
    link = page_url(app_root(ctx.page), ctx.page, params)
    _render_share_link(link)
    render_use_data(app_root(ctx.page), ctx.page, params)
    render_add_to_briefing(ctx.page, params)
    with st.sidebar:
        st.download_button(
            "This view as HTML",
            data=lambda: view_html(ctx, link),
            file_name=f"h200-{ctx.page.url_path}-{ctx.as_of:%Y-%m-%d}.html",
            mime="text/html",
            on_click="ignore",
            icon=":material/description:",
            key="export-html",
            help="One self-contained file: the charts, key numbers, sources and the as-of stamp. Works offline.",
        )
        for fmt, label, mime in (
            (
                "pptx",
                "This view as PowerPoint",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ),
            ("pdf", "This view as PDF", "application/pdf"),
        ):

            def deck(fmt: str = fmt) -> bytes:  # built on click: it draws every chart
                return view_deck(ctx, link, fmt)

            st.download_button(
                label,
                data=deck,
                file_name=f"h200-{ctx.page.url_path}-{ctx.as_of:%Y-%m-%d}.{fmt}",
                mime=mime,
                on_click="ignore",
                icon=":material/slideshow:",
                key=f"export-{fmt}",
            )
