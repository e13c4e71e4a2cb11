"""Briefings: which story do we tell in the meeting, and how do we hand it on?

Pick a briefing (the built-in one, or the one composed from "Add this view to a briefing" on any
page), reorder or remove its steps, present it, and download it as PowerPoint, PDF or YAML.
"""

import streamlit as st

from components import ui
from components.auth import can_edit
from pages.briefing.helpers import (
    COMPOSED,
    available_briefings,
    render_downloads_for,
    render_editor,
    render_preview,
    render_save,
)

ctx = ui.page_context("briefing")
briefings = available_briefings(ctx.seeds, ctx.as_of)
if not briefings:
    st.info(
        "No briefing was pinned on or before the chosen date. Move the as-of date later, or add views "
        'to your own briefing with "Add this view to a briefing" in the sidebar of any page.'
    )
    ui.finish_page(ctx)
    st.stop()
titles = {b.id: b.title + (" (yours, this session)" if b.id == COMPOSED else "") for b in briefings.values()}
if st.session_state.get("pick") not in titles:
    st.session_state["pick"] = next(iter(titles))
chosen = st.selectbox("Briefing", options=list(titles), format_func=titles.__getitem__, key="pick")
briefing = briefings[chosen or next(iter(titles))]

if briefing.id == COMPOSED:
    render_editor()
    briefing = available_briefings(ctx.seeds, ctx.as_of)[COMPOSED]
else:
    st.caption(
        f"Pinned to {briefing.as_of:%d %b %Y}; {len(briefing.steps)} steps. Steps are true at their own as-of date."
    )
render_preview(ctx, briefing)
ui.end_slide(ctx)  # a slide is the step's preview: "Hand it on" below it ran a 720 px slide to 803 px
render_downloads_for(ctx, briefing)
if briefing.id == COMPOSED:
    render_save(ctx, briefing, editing=can_edit())
ui.finish_page(ctx)
