"""The inbox as the pages share it: the Inbox page lists candidates and hands one to Add a report
through session state (pages never import each other)."""

from __future__ import annotations

import streamlit as st

from components.registry import BY_ID
from components.ui.cache import seeds_dir
from data.watch.config import default_inbox
from data.watch.inbox import Inbox

PENDING = "inbox_open"  # session key: the candidate id the Inbox page asked to open


def inbox() -> Inbox:
    """The candidates folder beside the seeds every replica reads."""
    return Inbox(default_inbox(seeds_dir()))


def open_in_add_report(candidate_id: str) -> None:
    """From the Inbox page: open this candidate in Add a report, pre-filled."""
    st.session_state[PENDING] = candidate_id
    st.switch_page(str(BY_ID["add_report"].file))
