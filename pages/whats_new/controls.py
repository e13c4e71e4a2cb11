"""What's new: the way of telling (story or tracker) and the two dates, bound to the link.

Both ways share one pair of date widgets (``since``, ``until``) so a link carries both dates
whatever the mode; each mode has its own defaults and limits, and switching mode resets them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.state import ParamSpec, parse_choice, parse_date, read_params
from data.changes import LEARNED, STORY, default_window, known_since, story_default_window
from data.load import SeedData

MODE_LABELS = {STORY: "What the story did", LEARNED: "What the tracker learned"}
MODE_BY_LABEL = {label: mode for mode, label in MODE_LABELS.items()}
EARLIEST = dt.date(2024, 1, 1)  # story mode may start before the tracker kept its own history


@dataclass(frozen=True)
class Window:
    mode: str
    since: dt.date
    until: dt.date
    notices: tuple[str, ...] = ()


def date_limits(seeds: SeedData, as_of: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """The widest range either mode accepts: from 2024 (or the first report, or 30 days before
    the as-of date, if earlier) to today (or a later added or report date)."""
    learned = [known_since(s) for s in seeds.sources.values()] + [s.available_from for s in seeds.sources.values()]
    return min([EARLIEST, story_default_window(as_of)[0], *learned]), max([today, as_of, *learned])


def defaults(mode: str, as_of: dt.date, today: dt.date, first_added: dt.date) -> tuple[dt.date, dt.date]:
    if mode == STORY:
        return story_default_window(as_of)
    since, until = default_window(today)
    return max(since, first_added), until


def _reset_dates() -> None:
    for key in ("since", "until"):
        st.session_state.pop(key, None)


def _window_end(
    column: Any, label: str, key: str, default: dt.date, low: dt.date, high: dt.date, help_text: str
) -> object:
    """One end of the window: a date bound to the link (``key``), its default only on a new link."""
    return column.date_input(
        label,
        **({} if key in st.session_state else {"value": default}),
        min_value=low,
        max_value=high,
        key=key,
        bind="query-params",
        format="YYYY-MM-DD",
        help=help_text,
    )


def read_window(seeds: SeedData, as_of: dt.date, today: dt.date) -> Window:
    """Render the mode switch and both date widgets; return the window to show, with notices."""
    low, high = date_limits(seeds, as_of, today)
    first_added = min((known_since(s) for s in seeds.sources.values()), default=today)
    raw = {name: st.query_params.get_all(name) for name in ("mode", "since", "until")}
    specs = [ParamSpec("mode", parse_choice(list(MODE_BY_LABEL)), describe="what the story did")]
    specs += [
        ParamSpec(n, lambda t: parse_date(t, low=low, high=high), describe="the default") for n in ("since", "until")
    ]
    notices = list(read_params(raw, specs).notices)
    label = st.segmented_control(
        "Show",
        options=list(MODE_BY_LABEL),
        default=MODE_LABELS[STORY],
        required=True,
        key="mode",
        bind="query-params",
        on_change=_reset_dates,
        help="The story: reports by the day they were published, so any two dates work. "
        "The tracker: reports by the day they were added here (for editors).",
    )
    mode = MODE_BY_LABEL.get(label or "", STORY)
    default_since, default_until = defaults(mode, as_of, today, first_added)
    story = mode == STORY
    left, right, _ = st.columns([1, 1, 2])
    word = "Published" if story else "Added"
    since = _window_end(left, f"{word} from", "since", default_since, low, high, "First day of the window (included).")
    until = _window_end(
        right,
        f"{word} until",
        "until",
        default_until,
        low,
        high,
        "Last day of the window (included)." + (" Never later than the as-of date." if story else ""),
    )
    since = since if isinstance(since, dt.date) else default_since
    until = until if isinstance(until, dt.date) else default_until
    if since > until:
        since, until = until, since
        notices.append("The start date was after the end date; the two were swapped.")
    if story and until > as_of:
        notices.append(f"The story is told up to the as-of date, {as_of:%d %b %Y}; later reports are left out.")
        until, since = as_of, min(since, as_of)
    return Window(mode, since, until, tuple(notices))
