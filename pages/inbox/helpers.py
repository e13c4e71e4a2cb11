"""The parts of the Inbox page: one card per candidate, and the three decisions.

Everything from an article or a feed is shown as plain text (``st.text``) or escaped with
``ui.md``; nothing fetched is ever rendered as HTML or markdown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from components import auth, ui
from components.format import counted
from components.labels import fmt_date
from components.ui.inbox import open_in_add_report
from data.draft import DraftError, save_seed_yaml, summary_problems, validate_seed_yaml
from data.load import SeedData
from data.watch.inbox import Inbox, InboxError
from data.watch.review import accepted_yaml, add_carrier, in_tracker, redraft

ACCEPTING = "inbox_accepting"  # session key: the candidate whose accept form is open
SHOW = ("New", "Decided", "All")
PAGE_SIZE = 40  # cards drawn per run: each is a few widgets, and the oldest can wait


def fetched_words(stamp: object) -> str:
    try:
        when = dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return "at an unknown time"
    return f"{when:%d %b %Y, %H:%M} UTC"


def settle_in_tracker(box: Inbox, candidates: list[dict[str, Any]], seeds: SeedData) -> None:
    """A candidate whose address a source now cites was added (here or by hand): record it, so the
    count and the list agree on every replica."""
    for candidate in candidates:
        if candidate.get("decision"):
            continue
        source_id = in_tracker(candidate, seeds)
        if source_id:
            try:
                candidate["decision"] = box.decide(
                    str(candidate["id"]), "accepted", reason="its address is cited by a source", target=source_id
                )
            except InboxError:
                candidate["decision"] = box.decision(str(candidate["id"]))


def summary_line(candidates: list[dict[str, Any]], box: Inbox) -> str:
    waiting = sum(1 for c in candidates if not c.get("decision"))
    runs = sorted((box.root / "runs").glob("*.json")) if (box.root / "runs").is_dir() else []
    last = fetched_words(runs[-1].name[:16].replace("T", "")) if runs else None
    if runs:
        stamp = runs[-1].name.split("-", 1)[0]  # 20261201T163000Z
        try:
            last = f"{dt.datetime.strptime(stamp, '%Y%m%dT%H%M%SZ'):%d %b %Y, %H:%M} UTC"
        except ValueError:
            last = "at an unknown time"
    ran = f"last watcher run {last}" if last else "the watcher has not run yet (`make watch`)"
    return f"{waiting} new · {len(candidates) - waiting} decided · {ran}"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _decision_words(decision: dict[str, Any]) -> str:
    who = f" by {decision['by']}" if decision.get("by") else ""
    when = fetched_words(decision.get("at"))
    action = decision.get("action", "decided")
    target = f" ({decision['target']})" if decision.get("target") else ""
    reason = f": {decision['reason']}" if decision.get("reason") else ""
    return f"{_first_upper(str(action))}{target}{who} on {when}{reason}"


def render_candidate(candidate: dict[str, Any], seeds: SeedData, box: Inbox, editable: bool) -> None:
    ident = str(candidate["id"])
    relevance = candidate.get("relevance") or {}
    with st.container(border=True):
        st.markdown(f"**{ui.md(candidate.get('title') or candidate.get('item_title') or 'Untitled page')}**")
        published = candidate.get("published")
        if any("No publication date was found" in str(note) for note in candidate.get("notes") or []):
            published = None  # the drafter filled in today's date: never show it as the report's date
        feed = (candidate.get("feed") or {}).get("name") or "a pasted link"
        st.caption(
            f"{ui.md(candidate.get('publisher') or 'Publisher not found')} · published "
            f"{fmt_date(published) if published else 'date not found on the page'} · fetched {fetched_words(candidate.get('fetched_at'))} "
            f"from {ui.md(feed)} · {counted(int(candidate.get('claims') or 0), 'candidate claim')}"
        )
        st.markdown(
            f"**Relevance:** {ui.md(relevance.get('level', 'unknown'))}, {ui.md(relevance.get('reason', ''))}  \n"
            f"**Already in the tracker?** {ui.md(_first_upper(str(candidate.get('duplicate_words', 'not checked'))))}"
        )
        st.text(str(candidate.get("final_url") or candidate.get("url")))
        decision = candidate.get("decision")
        if decision:
            st.success(ui.md(_decision_words(decision)), icon=":material/done_all:")
            return
        _actions(candidate, ident, seeds, box, editable)
        if st.session_state.get(ACCEPTING) == ident and editable:
            _accept_form(candidate, ident, seeds, box)


def _actions(candidate: dict[str, Any], ident: str, seeds: SeedData, box: Inbox, editable: bool) -> None:
    columns = st.columns([1.4, 1, 1.2, 1])
    if columns[0].button("Open in Add a report", key=f"inbox-open-{ident}", icon=":material/edit_note:"):
        open_in_add_report(ident)
    if not editable:
        columns[1].caption("Accepting, merging and dismissing need editing rights.")
        return
    if columns[1].button("Accept…", key=f"inbox-accept-{ident}", icon=":material/check:"):
        st.session_state[ACCEPTING] = ident
    duplicates = candidate.get("duplicates") or []
    if duplicates:
        with columns[2].popover("Merge as a carrier", icon=":material/call_merge:"):
            _merge(candidate, ident, duplicates, seeds, box)
    with columns[3].popover("Dismiss", icon=":material/close:"):
        reason = st.text_input("Why is it dismissed?", key=f"inbox-why-{ident}", placeholder="e.g. an opinion piece")
        if st.button("Dismiss it", key=f"inbox-dismiss-{ident}"):
            _decide(box, ident, "dismissed", reason=reason)


def _decide(box: Inbox, ident: str, action: str, **details: Any) -> None:
    try:
        box.decide(ident, action, by=auth.current_user_email(), **details)
    except InboxError as error:
        st.error(str(error))
        return
    st.session_state.pop(ACCEPTING, None)
    st.rerun()


def _merge(
    candidate: dict[str, Any], ident: str, duplicates: list[dict[str, Any]], seeds: SeedData, box: Inbox
) -> None:
    names = {d["source_id"]: d["source_id"] for d in duplicates if d.get("source_id") in seeds.sources}
    if not names:
        st.caption("The sources it matched are no longer in the tracker.")
        return

    def label(source_id: str) -> str:
        source = seeds.sources[source_id]
        return f"{source.publisher}, {source.available_from:%d %b %Y}: {source.title[:60]}"

    target = st.selectbox("Existing source", list(names), format_func=label, key=f"inbox-target-{ident}")
    entry = next(d for d in duplicates if d["source_id"] == target)["carrier_entry"]
    st.caption(f"Adds {ui.md(entry.get('outlet'))} to that source's carried_by list; no claim is added.")
    if st.button("Merge into that source", key=f"inbox-merge-{ident}", type="primary"):
        try:
            add_carrier(ui.seeds_dir(), str(target), entry)
        except (DraftError, OSError) as error:
            st.error(f"Nothing was written: {error}")
            return
        _decide(box, ident, "merged", target=str(target))


def _claim_words(claim: Any) -> str:
    """What will be saved besides the summary, so a wrong guess is seen before it is saved."""
    parts = [f"kind {claim.kind}", f"side {claim.side}"]
    if claim.status:
        parts.append(f"status {claim.status}")
    if claim.figure is not None and _needs_metric(claim):
        parts.append(f"figure “{claim.figure.wording}” with no metric yet")
    elif claim.figure is not None:
        parts.append(f"figure “{claim.figure.wording}” as metric {claim.metric}")
    words = "Drafted as " + ", ".join(p.replace("_", " ") for p in parts) + "."
    if _needs_metric(claim):
        return words + " Left out unless you tick it: choose its metric in Add a report first."
    return words + " To change these, open it in Add a report."


def _needs_metric(claim: Any) -> bool:
    """A figure whose metric the drafter could not name cannot be saved until a person picks one."""
    return claim.figure is not None and (not claim.metric or str(claim.metric).startswith("to-confirm"))


def _accept_form(candidate: dict[str, Any], ident: str, seeds: SeedData, box: Inbox) -> None:
    """Write a summary per claim in your own words, untick the ones to leave out, save."""
    cache_key = f"inbox-draft-{ident}"
    if cache_key not in st.session_state:
        try:
            st.session_state[cache_key] = redraft(box, candidate, seeds)
        except (InboxError, DraftError) as error:
            st.error(f"The candidate could not be drafted again: {error}")
            return
    draft = st.session_state[cache_key]
    with st.form(f"inbox-accept-form-{ident}"):
        st.markdown("**Accept: one summary per claim, in your own words** (untick a claim to leave it out)")
        for note in draft.notes:
            st.caption(ui.md(note))
        published = st.columns([1, 3])[0].date_input(
            "Published (confirm against the page)",
            value=dt.date.fromisoformat(str(draft.source["published"])),
            key=f"inbox-published-{ident}",
            format="YYYY-MM-DD",
        )
        keep: set[str] = set()
        summaries: dict[str, str] = {}
        for number, claim in enumerate(draft.claims, start=1):
            st.text(f"Claim {number} ({claim.locator}): {claim.text}")
            st.caption(ui.md(_claim_words(claim)))
            if st.checkbox("Keep this claim", value=not _needs_metric(claim), key=f"inbox-keep-{ident}-{claim.id}"):
                keep.add(claim.id)
            summaries[claim.id] = st.text_area(
                f"Summary of claim {number}", key=f"inbox-sum-{ident}-{claim.id}", height=68
            )
        if not draft.claims:
            st.caption("No claim was drafted: open it in Add a report to add one by hand.")
        saved = st.form_submit_button("Save into seeds/", type="primary", icon=":material/save:")
    if not saved:
        return
    confirmed = published if isinstance(published, dt.date) else None
    yaml_text = accepted_yaml(draft, summaries, keep, dt.date.today(), confirmed)
    copied = summary_problems({k: v for k, v in summaries.items() if k in keep}, draft.text)
    problems = [f"A summary copies the article word for word: “{runs[0]}”" for runs in copied.values()]
    problems += validate_seed_yaml(yaml_text, ui.seeds_dir())
    if problems:
        st.error(f"{counted(len(problems), 'thing')} to fix before it can be saved (or open it in Add a report):")
        st.text("\n".join(f"• {problem}" for problem in problems))
        return
    try:
        path = save_seed_yaml(yaml_text, ui.seeds_dir())
    except (DraftError, OSError) as error:
        st.error(f"Nothing was saved: {error}")
        return
    st.session_state.pop(cache_key, None)
    _decide(box, ident, "accepted", target=path.stem)
