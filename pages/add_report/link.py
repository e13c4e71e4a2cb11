"""Add a report, two more ways in: "Paste a link" (fetched by the watcher's safe fetcher) and a
candidate opened from the Inbox. Both end in ``sections.start_draft``, like a paste.

The page calls ``take_candidate`` and ``render_paste_link`` near its top; the Inbox page calls
``open_in_add_report``. Everything fetched goes through ``data.watch.fetch`` (no private or
loopback address, size and type limits, robots.txt), so a pasted link cannot reach the server's
own network.
"""

from __future__ import annotations

import contextlib
import time

import streamlit as st

from components import auth, ui
from components.ui.inbox import PENDING, inbox
from data.draft import Draft, DraftError, draft_from_text
from data.load import SeedData
from data.watch.fetch import PAGE_TYPES, FetchError, SafeFetcher
from data.watch.inbox import InboxError
from data.watch.review import redraft
from pages.add_report import sections

MAX_FETCHES = 10  # per session per window: the server fetches for the viewer, so a viewer cannot make it crawl
FETCH_WINDOW_SECONDS = 600
FROM_CANDIDATE = "ar_from_candidate"  # the candidate the current draft came from


def take_candidate(seeds: SeedData) -> None:
    """If the Inbox asked for a candidate, draft it from its saved page; once a draft that came
    from a candidate is saved, record the candidate as accepted."""
    state = st.session_state
    ident = state.pop(PENDING, None)
    box = inbox()
    if ident:
        candidate = box.candidate(str(ident))
        try:
            if candidate is None:
                raise InboxError("this candidate is no longer in the inbox")
            draft = redraft(box, candidate, seeds)
        except (InboxError, DraftError) as error:
            st.error(f"The inbox candidate could not be opened: {error}", icon=":material/inbox:")
        else:
            sections.start_draft(draft)
            state.pop("ar_error", None)
            title = str(candidate.get("title") or candidate["url"])
            state[FROM_CANDIDATE] = (str(ident), title, state.get("ar_version"))
    origin = state.get(FROM_CANDIDATE)
    if origin and origin[2] != state.get("ar_version"):  # another report was drafted since
        state.pop(FROM_CANDIDATE, None)
    elif origin and state.get("ar_draft") is not None:
        st.info(f"Opened from the inbox: {ui.md(origin[1])}", icon=":material/inbox:")
        saved = state.get("ar_saved")
        if saved:
            # already decided (another replica, or the inbox page): the first decision stands
            with contextlib.suppress(InboxError):
                box.decide(origin[0], "accepted", by=auth.current_user_email(), target=str(saved).removesuffix(".yaml"))
            state.pop(FROM_CANDIDATE, None)


def fetch_link(url: str, seeds: SeedData, fetcher: SafeFetcher | None = None) -> tuple[Draft | None, str | None]:
    """The draft of the page at ``url``, or a plain message. Never raises."""
    url = (url or "").strip()
    if not url:
        return None, "Paste the article's web address (https://…)."
    try:
        result = (fetcher or SafeFetcher(min_interval=0.0)).fetch(url, PAGE_TYPES)
        return draft_from_text(result.text(), seeds, url=result.final_url), None
    except FetchError as error:
        return None, f"The page was not fetched: {error}."
    except DraftError as error:
        return None, str(error)
    except Exception:  # anything else is the page's fault, said in words
        return None, "This page could not be read as an article. Paste its text instead."


def render_paste_link(seeds: SeedData) -> None:
    with st.form("ar-link", border=True):
        left, right = st.columns([4, 1], vertical_alignment="bottom")
        url = left.text_input(
            "Paste a link",
            key="ar_link",
            placeholder="https://… the article's web address: the tracker fetches and drafts it",
            help="Fetched with the watcher's rules: public addresses only, at most 2 MB, web pages only, robots.txt obeyed.",
        )
        fetched = right.form_submit_button("Fetch and draft", icon=":material/link:")
    if fetched:
        recent = [t for t in st.session_state.get("ar_link_times", []) if time.monotonic() - t < FETCH_WINDOW_SECONDS]
        if len(recent) >= MAX_FETCHES:
            st.error(
                f"At most {MAX_FETCHES} links are fetched in {FETCH_WINDOW_SECONDS // 60} minutes; try again later."
            )
            return
        st.session_state["ar_link_times"] = [*recent, time.monotonic()]
        draft, problem = fetch_link(url, seeds)
        if draft is None:
            st.error(problem, icon=":material/link_off:")
            st.caption("Nothing was drafted or written.")
        else:
            sections.start_draft(draft)
            st.session_state.pop("ar_error", None)
