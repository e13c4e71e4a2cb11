"""The parts of the "Add a report" page, top to bottom. Everything from the article is shown as
plain text (st.text, table cells) or escaped with ``ui.md``: pasted text is never rendered."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from components import ui
from components.format import counted
from components.registry import BY_ID
from data.draft import Draft, DraftError, draft_from_file, draft_from_text, recheck_matches
from data.load import SeedData
from pages.add_report import editing, recarry, source_form
from pages.add_report.preview import Preview
from pages.whats_new.tables import conflicts_display, headlines_display, statuses_display

MAX_UPLOAD_MB = 5
NEW_SOURCE = recarry.NEW_SOURCE


def read_report(text: str, upload: Any, url: str, seeds: SeedData) -> tuple[Draft | None, str | None]:
    """The draft, or a plain message saying what is wrong with the input. Never raises."""
    try:
        if upload is not None:
            name = str(getattr(upload, "name", "") or "")
            draft = draft_from_file(upload.getvalue(), name, seeds)
        else:
            draft = draft_from_text(text or "", seeds, url=url.strip() or None)
    except DraftError as problem:
        return None, str(problem)
    except Exception:  # any other failure is the input's, shown in words, never a traceback
        return None, "This input could not be read as an article. Paste the article's text instead."
    return draft, None


def start_draft(draft: Draft) -> None:
    """Put a fresh draft in the session: the source widgets and the claims table start from it."""
    state = st.session_state
    state["ar_draft"] = draft
    state["ar_claims_base"] = editing.claims_frame(draft)
    state.pop("ar_claims_editor", None)
    state.pop("ar_saved", None)
    state["ar_version"] = state.get("ar_version", 0) + 1
    source_form.start(draft)
    state["ar_mode"] = NEW_SOURCE
    state.pop(recarry.NAMED_KEY, None)


def recheck(draft: Draft, seeds: SeedData) -> Draft:
    """The draft with its duplicate check redone whenever the form's web address, publisher or date
    differ from the ones it was last checked with; a re-carry choice that no longer matches is dropped."""
    state = st.session_state
    url = str(state.get("ar_src_url") or "").strip() or None
    publisher = str(state.get("ar_src_publisher") or "").strip() or None
    published = state.get("ar_src_published")
    published = published if isinstance(published, dt.date) else None
    key = (state.get("ar_version"), url, publisher, published)
    if state.get("ar_dups_for") == key:
        return draft
    if state.get("ar_dups_for") is not None and state["ar_dups_for"][0] == key[0]:
        matches = recheck_matches(draft, seeds, url=url, publisher=publisher, published=published)
        draft = dataclasses.replace(draft, duplicates=matches.offered, weaker=matches.weaker)
        state["ar_draft"] = draft
        named = [state[recarry.NAMED_KEY]] if state.get(recarry.NAMED_KEY) else []
        if state.get("ar_mode") not in [
            NEW_SOURCE,
            *(d.source_id for d in [*matches.offered, *matches.weaker]),
            *named,
        ]:
            state["ar_mode"] = NEW_SOURCE
    state["ar_dups_for"] = key
    return draft


def left_out_count(notes: list[str]) -> int:
    """Figures named in the "left out" notes: one note lists every figure of its sentence."""
    listed = [n.split(" left out (", 1)[0].split(": ", 1)[-1] for n in notes]
    return sum(text.count('", "') + 1 for text in listed)


def render_notes(draft: Draft) -> None:
    background = [n for n in draft.notes if n.startswith("para ") and " left out (" in n]
    for note in draft.notes:
        if note not in background:
            st.info(ui.md(note), icon=":material/info:")
    if background:
        count = left_out_count(background)
        label = counted(count, "figure") + " left out as background (history, other chips or firms, share prices)"
        with st.expander(label):
            st.text("\n".join(background))
    if not draft.claims and draft.text.strip():  # a citation-only entry says so in its note above
        st.warning(
            "No figure or approval step about H200 sales was found in this text. If it is relevant, "
            "add it by hand; otherwise it probably does not belong in the tracker."
        )


def _column_config(seeds: SeedData) -> dict[str, Any]:
    """Column labels and pickers. Nothing here may depend on the form's fields: a changed column
    config makes the grid a new widget, and the analyst's edits would be lost."""
    cc = st.column_config
    organisations = sorted(seeds.organisations)
    chips = sorted(seeds.chips)
    claim_ids = sorted(r.claim.id for r in seeds.claims)

    def org_name(org_id: object) -> str:
        organisation = seeds.organisations.get(str(org_id))
        return organisation.name if organisation else str(org_id)

    def chip_name(chip_id: object) -> str:
        chip = seeds.chips.get(str(chip_id))
        return chip.name if chip else editing.words(chip_id)

    # A new row's empty cells start as "" (or the dash of an optional pick), never reading "None".
    return {
        "keep": cc.CheckboxColumn("Keep", default=True, help="Untick to leave this claim out of the file."),
        "summary": cc.TextColumn("Summary (your own words)", default="", width="large", help="One or two sentences; never copy eight or more words in a row from the article."),
        "sentence": cc.TextColumn("From the text", width="large", disabled=True),
        "locator": cc.TextColumn("Where", default="", width="small", help="Where in the report: a paragraph, a page, a table."),
        "kind": cc.SelectboxColumn("Kind (to confirm)", options=editing.KINDS, format_func=editing.words, required=True, default="statement"),
        "side": cc.SelectboxColumn("Side (to confirm)", options=editing.SIDES, format_func=editing.words, required=True, default="other"),
        "status": cc.SelectboxColumn("Status (to confirm)", options=[editing.NONE, *editing.STATUSES], format_func=editing.words),
        "stage": cc.SelectboxColumn("Stage (to confirm)", options=[editing.NONE, *editing.STAGES], format_func=editing.words),
        "product": cc.SelectboxColumn("Product", options=[editing.NONE, *chips], format_func=chip_name),
        "metric": cc.TextColumn("Metric id (to confirm)", default=editing.NONE),
        "value": cc.TextColumn("Value", default="", help="A number as written, e.g. 400,000; leave empty for none."),
        "low": cc.TextColumn("At least / from", default=""),
        "high": cc.TextColumn("At most / to", default=""),
        "unit": cc.SelectboxColumn("Unit", options=[editing.NONE, *editing.UNITS], format_func=editing.words),
        "bound": cc.SelectboxColumn("Bound", options=[editing.NONE, *editing.BOUNDS], format_func=editing.words),
        "wording": cc.TextColumn("Wording in the report", default=editing.NONE),
        "applies_to": cc.MultiselectColumn("Applies to", options=organisations, format_func=org_name, help="Whom the figure is about: one buyer per row when the text says 'each'."),
        "basis": cc.SelectboxColumn("Basis", options=editing.BASES, format_func=editing.words, default="reported", help="Reported by the text; derived or assumed figures need a formula."),
        "formula": cc.TextColumn("Formula (derived or assumed only)", default=editing.NONE),
        "date": cc.DateColumn("Date", format="YYYY-MM-DD", help="Empty on an added row: the publication date."),
        "date_precision": cc.SelectboxColumn("Date precision", options=editing.PRECISIONS, format_func=editing.words, default="day"),
        "date_basis": cc.SelectboxColumn("Date is", options=editing.DATE_BASES, format_func=lambda b: {"event": "When it happened", "reported": "When it was reported"}.get(str(b), editing.words(b)), default="reported"),
        "actors": cc.MultiselectColumn("Organisations", options=organisations, format_func=org_name),
        "attribution_type": cc.SelectboxColumn("Attributed to", options=editing.ATTRIBUTIONS, format_func=editing.words, default="media_analysis"),
        "sources_cited": cc.TextColumn("Sources cited", default="", help="How many sources the report gives for this claim, e.g. 2; empty when it does not say."),
        "person": cc.TextColumn("Person quoted", default=editing.NONE),
        "attribution_note": cc.TextColumn("Attribution note", default=editing.NONE),
        "confidence": cc.SelectboxColumn("Confidence", options=[editing.NONE, *editing.CONFIDENCES], format_func=lambda c: "As the source" if c == editing.NONE else editing.words(c)),
        "label": cc.TextColumn("Chart label", default=editing.NONE, max_chars=80),
        "fiscal_period": cc.TextColumn("Fiscal period", default=editing.NONE, help="For a company filing: the period a figure covers, e.g. Q2 FY2027 (not the calendar quarter)."),
        "contradicts": cc.MultiselectColumn("Contradicts", options=claim_ids, help="Claims already in the tracker that this one disagrees with."),
        "supersedes": cc.MultiselectColumn("Supersedes", options=claim_ids),
        "tags": cc.MultiselectColumn("Tags", options=sorted({t for r in seeds.claims for t in r.claim.tags}), accept_new_options=True),
        "id": cc.TextColumn("Claim id", default="", help="Drafted from the report's date and wording; give it a short readable one (e.g. ft-0819.bytedance-received-10k) if other files will cite it."),
    }  # fmt: skip


def render_claims_editor(seeds: SeedData) -> pd.DataFrame:
    st.subheader("3 · Candidate claims")
    base: pd.DataFrame = st.session_state["ar_claims_base"]
    if base.empty:
        st.caption("No candidate claim was drafted: add the report's claims as rows below.")
    st.caption(
        "Every figure below appears in the article; “From the text” and “Where” show the sentence and its "
        "paragraph. Columns marked “to confirm” are guesses from the wording. Write each summary yourself. "
        "Add a claim the drafter missed in the empty last row of the table; scroll right for every field."
    )
    return st.data_editor(
        base,
        key="ar_claims_editor",
        hide_index=True,
        width="stretch",
        num_rows="dynamic",
        column_config=_column_config(seeds),
        column_order=editing.SHOWN_COLUMNS,
    )


def render_sentences(draft: Draft) -> None:
    """The sentences in full (the table cuts long cells), as plain text."""
    if not draft.claims:
        return
    with st.expander("Read the sentences the claims come from"):
        st.text("\n\n".join(f"Claim {n} ({c.locator}): {c.text}" for n, c in enumerate(draft.claims, start=1)))


def render_copy_flags(copied: dict[str, list[str]], draft: Draft) -> None:
    number = {c.id: n for n, c in enumerate(draft.claims, start=1)}
    for claim_id, runs in copied.items():
        st.warning(
            f"The summary of claim {number.get(claim_id, '?')} copies the article word for word: “{ui.md(runs[0])}”. "
            "Rewrite it in your own words (at most seven words in a row from the article).",
            icon=":material/content_copy:",
        )


def render_problems(problems: list[str]) -> None:
    st.subheader("4 · Check")
    if not problems:
        st.success("The file passes the tracker's checks (the same models and loader the dashboard uses).")
        return
    st.error(f"{counted(len(problems), 'thing')} to fix before the file can be saved:", icon=":material/rule:")
    st.text("\n".join(f"• {editing.plain_problem(problem)}" for problem in problems))


def render_preview(result: Preview | None, ready: bool) -> None:
    st.subheader("5 · What it changes on the dashboard")
    if not ready or result is None:
        st.caption("The preview appears once the file passes the checks above.")
        return
    moved = result.headlines[result.headlines["change"] != "same"]
    if moved.empty and result.statuses.empty and result.conflicts.empty:
        st.info("Adding this report changes no headline figure, no approval status and no disagreement.")
    st.markdown("**Headline figures, before → after**")
    st.dataframe(headlines_display(result.headlines), hide_index=True, width="stretch", key="ar-preview-headlines")
    if not result.statuses.empty:
        st.markdown("**Status changes per buyer and stage**")
        st.dataframe(statuses_display(result.statuses), hide_index=True, width="stretch", key="ar-preview-statuses")
    if not result.conflicts.empty:
        st.markdown("**Disagreements opened or joined**")
        st.dataframe(conflicts_display(result.conflicts), hide_index=True, width="stretch", key="ar-preview-conflicts")


def render_saved_links(path_name: str) -> None:
    st.success(f"Saved as seeds/sources/{path_name}. It shows on every page from now on.", icon=":material/check:")
    columns = st.columns(3)
    columns[0].page_link(  # the editors' view: what the tracker learned, by date added
        str(BY_ID["whats_new"].file),
        label="See it on What's new",
        icon=":material/new_releases:",
        query_params={"mode": "What the tracker learned"},
    )
    columns[1].page_link(str(BY_ID["timeline"].file), label="See it on the timeline", icon=":material/timeline:")
