"""Step 1 of "Add a report": is it already in the tracker? The sources the duplicate check offers,
the weaker matches it scored under its bar, and any other source the analyst names by hand, so a
re-carry the check misses is still recorded as a carrier rather than as a second copy of the story.
Pasted text is never rendered: every string from it or a seed goes through ``ui.md``."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components import ui
from data.draft import Draft, named_by_hand
from data.draft.model import Duplicate
from data.draft.recheck import carrier_for
from data.load import SeedData

NEW_SOURCE = "As a new source"
NAMED_KEY = "ar_named_source"
NOBODY = ""


def _name(seeds: SeedData, source_id: str) -> str:
    existing = seeds.sources.get(source_id)
    return f"{existing.publisher}, {existing.available_from:%d %b %Y}" if existing else source_id


def _title(seeds: SeedData, source_id: str) -> str:
    existing = seeds.sources.get(source_id)
    return f" — “{ui.md(existing.title)}”" if existing else ""


def source_label(seeds: SeedData, source_id: str) -> str:
    """What the picker shows: outlet, date and title (plain text: a selectbox renders no markdown)."""
    if source_id == NOBODY:
        return "— none: pick a source only if the report repeats one"
    existing = seeds.sources.get(source_id)
    return f"{_name(seeds, source_id)} — {existing.title}" if existing else source_id


def render(draft: Draft, seeds: SeedData) -> list[str]:
    """Offered matches, weaker ones and the hand picker; returns the choices for "How to add it"."""
    st.subheader("1 · Is it already in the tracker?")
    if draft.duplicates:
        for dup in draft.duplicates:
            st.warning(
                f"**Possibly already in the tracker:** {ui.md(_name(seeds, dup.source_id))}"
                f"{_title(seeds, dup.source_id)} · match {dup.score:.0%}  \n"
                f"Why: {ui.md(dup.why)}  \nGenuinely new claims in this report: {len(dup.new_claim_ids)}",
                icon=":material/content_copy:",
            )
    else:
        st.success("No existing source clearly matches this report (web address, publisher and date, title, text).")
    if draft.weaker:
        with st.expander(f"Weaker matches ({len(draft.weaker)}): under the bar, worth a look before adding it as new"):
            for dup in draft.weaker:
                st.markdown(
                    f"**{ui.md(_name(seeds, dup.source_id))}**{_title(seeds, dup.source_id)} · match "
                    f"{dup.score:.0%}  \nWhy: {ui.md(dup.why)}"
                )
    listed = [d.source_id for d in [*draft.duplicates, *draft.weaker]]
    others = sorted(seeds.sources, key=lambda sid: (seeds.sources[sid].available_from, sid), reverse=True)
    named = st.selectbox(
        "Does it repeat another source? Name it",
        [NOBODY, *others],  # the listed ones too: an analyst searching an outlet's name should find it
        key=NAMED_KEY,
        format_func=lambda sid: source_label(seeds, sid),
        help="Type to search by outlet, date or title. The report is then recorded as another outlet carrying it.",
        on_change=_follow_named,
    )
    choices = [NEW_SOURCE, *listed, *([named] if named and named not in listed else [])]
    if st.session_state.get("ar_mode") not in choices:  # a pick taken back, or a recheck that dropped it
        st.session_state["ar_mode"] = NEW_SOURCE
    return choices


def _follow_named() -> None:
    """Naming a source chooses it: the analyst has just said the report repeats it."""
    named = st.session_state.get(NAMED_KEY)
    st.session_state["ar_mode"] = named or NEW_SOURCE


def choice_label(seeds: SeedData, draft: Draft, choice: str) -> str:
    if choice not in seeds.sources:
        return choice
    how = "" if choice in {d.source_id for d in draft.duplicates} else (
        " (a weaker match)" if choice in {d.source_id for d in draft.weaker} else " (named by you)"
    )  # fmt: skip
    existing = seeds.sources[choice]
    return f"As another outlet carrying the {existing.publisher} report of {existing.available_from:%d %b %Y}{how}"


def chosen(draft: Draft, seeds: SeedData, source_id: str) -> Duplicate:
    """The match for the chosen source: an offered or weaker one as the check scored it, else one
    named by hand, with the form's web address, publisher and date as its carrier entry."""
    found = next((d for d in [*draft.duplicates, *draft.weaker] if d.source_id == source_id), None)
    if found is not None:
        return found
    state = st.session_state
    published = state.get("ar_src_published")
    carrier = carrier_for(
        str(state.get("ar_src_publisher") or "").strip() or None,
        str(state.get("ar_src_url") or "").strip() or None,
        published if isinstance(published, dt.date) else None,
    )
    return named_by_hand(draft, seeds, source_id, carrier)
