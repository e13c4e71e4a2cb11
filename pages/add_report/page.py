"""Add a report: is this report already in the tracker, and what would it add?

Paste an article or upload a saved page; the drafter checks for duplicates first, then proposes
a source block and candidate claims to confirm. The YAML can always be downloaded; it is
written into ``seeds/`` only when editing is switched on (``H200_EDITING=1``, or a listed editor
when sign-in is on), atomically and never over an existing file.
"""

import datetime as dt
import hashlib

import streamlit as st

from components import auth, ui
from components.format import counted
from components.ui.identity import editor_identity
from data.draft import DraftError, save_seed_yaml, summary_problems, validate_seed_yaml
from pages.add_report import editing, link, recarry, sections, source_form
from pages.add_report.preview import preview

ctx = ui.page_context("add_report")
state = st.session_state
editable = auth.can_edit()
if auth.auth_enabled() and not editable:
    # With sign-in on, drafting (which costs server time) and saving are for editors only.
    st.info(
        "Adding a report is for the tracker's editors, on a server with editing switched on. Your sign-in "
        "does not allow editing here: ask a maintainer to add your address to the editors list if you "
        "need to add reports.",
        icon=":material/lock:",
    )
    ui.finish_page(ctx)
    st.stop()
if editable:
    st.caption("Editing is on: a report that passes the checks can be saved into the tracker's seed files.")
else:
    st.caption(
        "Editing is off on this server: you can draft a report and download its YAML file for a maintainer. "
        "Saving needs the server started with `H200_EDITING=1` (or an editor's sign-in)."
    )

link.take_candidate(ctx.seeds)  # a candidate opened from the Inbox page
link.render_paste_link(ctx.seeds)
with st.form("ar-input", border=True):
    left, right = st.columns([3, 2])
    text = left.text_area(
        "Paste the article (text or the page's HTML source)",
        key="ar_text",
        height=220,
        placeholder="Title: …\nPublisher: …\nPublished: YYYY-MM-DD\n\nThe article's paragraphs…",
    )
    upload = right.file_uploader(
        f"…or upload a .txt file or a saved .html page (up to {sections.MAX_UPLOAD_MB} MB)",
        type=["txt", "html", "htm"],
        key="ar_upload",
        max_upload_size=sections.MAX_UPLOAD_MB,
    )
    url = right.text_input("Web address of the article (optional)", key="ar_url")
    submitted = st.form_submit_button("Draft from this report", type="primary", icon=":material/edit_note:")

if submitted:
    draft, problem = sections.read_report(text, upload, url, ctx.seeds)
    state["ar_error"] = problem
    if draft is not None:
        sections.start_draft(draft)
    else:
        state.pop("ar_draft", None)

if state.get("ar_error"):
    st.error(state["ar_error"], icon=":material/block:")
    st.caption("Nothing was drafted or written.")

draft = state.get("ar_draft")
if draft is None:
    if not state.get("ar_error"):
        st.info("Paste an article or upload a file, then press “Draft from this report”.", icon=":material/edit_note:")
    ui.finish_page(ctx)
    st.stop()

draft = sections.recheck(draft, ctx.seeds)  # the form's web address, publisher or date may have changed
sections.render_notes(draft)
choices = recarry.render(draft, ctx.seeds)
mode = (
    st.radio(
        "How to add it",
        choices,
        key="ar_mode",
        horizontal=True,
        format_func=lambda choice: recarry.choice_label(ctx.seeds, draft, choice),
    )
    if len(choices) > 1
    else choices[0]
)
source_fields = source_form.render(draft)
edited_frame = sections.render_claims_editor(ctx.seeds)
sections.render_sentences(draft)
today = dt.date.today()
seeds_folder = ui.seeds_dir()

if mode != sections.NEW_SOURCE:
    target_id = mode
    duplicate = recarry.chosen(draft, ctx.seeds, target_id)
    edited = editing.apply_edits(draft, edited_frame, source_fields, only=duplicate.new_claim_ids)
    sections.render_copy_flags(summary_problems(editing.summaries(edited), draft.text), draft)
    st.subheader("4 · Add it to the existing source")
    st.caption(
        f"The report is recorded as another outlet carrying {target_id}: paste the snippet into that file. "
        "Only the claims whose figures the existing source lacks are included (tick or untick them above)."
    )
    snippet = editing.carrier_yaml(
        draft, target_id, {**duplicate.carrier_entry, "outlet": source_fields["publisher"]}, edited
    )
    st.code(snippet, language="yaml")
    st.download_button(
        "Download the snippet",
        snippet,
        file_name=f"carrier-for-{editing.safe_filename(target_id)}",
        mime="text/yaml",
        icon=":material/download:",
        key="ar-download-carrier",
    )
    ui.finish_page(ctx)
    st.stop()

edited = editing.apply_edits(draft, edited_frame, source_fields)
sections.render_copy_flags(copied := summary_problems(editing.summaries(edited), draft.text), draft)
yaml_text = edited.to_seed_yaml(editing.summaries(edited), added=today)
digest = hashlib.sha256(yaml_text.encode()).hexdigest()
if state.get("ar_checked", (None,))[0] != digest:
    try:
        problems = validate_seed_yaml(yaml_text, seeds_folder)
    except Exception:  # a check that cannot run is reported, never shown as a traceback
        problems = ["The file could not be checked; review the fields above."]
    if copied:
        problems = [*problems, f"{len(copied)} summary(ies) copy the article word for word (see above)."]
    result = preview(yaml_text, seeds_folder, ctx.seeds) if not problems else None
    state["ar_checked"] = (digest, problems, result)
_, problems, result = state["ar_checked"]
sections.render_problems(problems)
sections.render_preview(result, ready=not problems)

st.subheader("6 · Save")
columns = st.columns([1, 1, 2])
columns[0].download_button(
    "Download YAML",
    yaml_text,
    file_name=editing.safe_filename(str(edited.source["id"])),
    mime="text/yaml",
    icon=":material/download:",
    key="ar-download",
    disabled=bool(problems),
    on_click="ignore",
)
if problems:
    columns[2].caption(
        f"Download and save are enabled once the {counted(len(problems), 'problem')} under “4 · Check” are fixed."
    )
if editable and not state.get("ar_saved"):
    if columns[1].button(
        "Save into seeds/", type="primary", disabled=bool(problems), key="ar-save", icon=":material/save:"
    ):
        try:
            path = save_seed_yaml(yaml_text, seeds_folder, who=editor_identity())
        except DraftError as error:  # also a taken id or claim id, a read-only or full seeds folder
            st.error(str(error))
        else:
            state["ar_saved"] = path.name
elif not editable:
    columns[1].caption("Saving is switched off on this server.")
if state.get("ar_saved"):
    sections.render_saved_links(state["ar_saved"])
with st.expander("The YAML file"):
    st.code(yaml_text, language="yaml")
ui.finish_page(ctx)
