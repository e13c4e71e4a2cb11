"""Tell a user whose server session was lost that this one is new (and unsaved work is gone).

Two signs, read once at the start of a session (``st.context.headers`` of its websocket):

* the browser asked to resume a session this server does not have: Streamlit's frontend puts
  the previous session id third in the websocket's ``Sec-WebSocket-Protocol`` list when it
  reconnects, and a session that resumed never starts again, so a new session that was asked
  to resume one means the old one is gone (its replica died or restarted);
* behind the cluster's HAProxy, the replica the browser was pinned to (its stickiness cookie,
  passed on as ``X-H200-Pinned-Replica``) is not this replica (``H200_REPLICA``, set by
  deploy/cluster.py).

What lived only in the old session (a draft report, a briefing being composed, filters not in
the link) is lost; the notice says so until the user dismisses it.
"""

from __future__ import annotations

import os

import streamlit as st

HEADER = "X-H200-Pinned-Replica"
REPLICA_ENV = "H200_REPLICA"
_CHECKED, _LOST = "_replica_checked", "_replica_lost"


def lost_replica(pinned: str | None, mine: str | None) -> str | None:
    """The replica this browser lost, or None (no balancer, first visit, or the same replica)."""
    pinned, mine = (pinned or "").strip(), (mine or "").strip()
    if not pinned or not mine or pinned == mine:
        return None
    return pinned[:40]


def asked_to_resume(protocols: str | None) -> bool:
    """The websocket's subprotocol list names a previous session ("streamlit, <xsrf>, <id>")."""
    entries = [entry.strip() for entry in (protocols or "").split(",")]
    return len(entries) >= 3 and bool(entries[2])


def _header(name: str) -> str | None:
    try:
        return st.context.headers.get(name)
    except (AttributeError, RuntimeError):  # no request context (AppTest, bare mode)
        return None


def _session_lost() -> tuple[bool, str | None]:
    """(was a session lost, the replica it lived on when the balancer names one)."""
    pinned = lost_replica(_header(HEADER), os.environ.get(REPLICA_ENV))
    return bool(pinned) or asked_to_resume(_header("Sec-WebSocket-Protocol")), pinned


def notice_if_replica_lost() -> None:
    """Once per session, at its start: was a session lost? Keep the notice on every page of the
    session until the user dismisses it."""
    if _CHECKED not in st.session_state:
        st.session_state[_CHECKED] = True
        lost, pinned = _session_lost()
        if lost:
            st.session_state[_LOST] = f"server {pinned}" if pinned else "server"
    if not st.session_state.get(_LOST):
        return
    with st.container(key="replica-lost"):
        st.warning(
            f"The {st.session_state[_LOST]} this page was using stopped or restarted, so the page was "
            "reopened in a fresh session. Anything you had not saved or downloaded there (a draft report, "
            "a briefing you were composing, choices not in the link) was lost; the data itself is safe.",
            icon=":material/sync_problem:",
        )
        if st.button("Understood", key="replica-lost-ok"):
            st.session_state[_LOST] = None
            st.rerun()
