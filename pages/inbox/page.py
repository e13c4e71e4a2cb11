"""Inbox: which new reports did the watcher find, and what should the tracker do with each?

Candidates come from ``python -m data.watch --once`` (``make watch``, a cron line or the
Kubernetes CronJob), newest first, each with its relevance and duplicate verdicts in words.
Open one in Add a report, accept it (summaries in your own words, then saved into ``seeds/``),
merge a re-carry into the existing source, or dismiss it with a reason. Decisions need editing
rights and are kept in the inbox folder, so a decided item is never offered again.
"""

import streamlit as st

from components import auth, ui
from components.ui.inbox import inbox
from pages.inbox import helpers

ctx = ui.page_context("inbox")
box = inbox()
editable = auth.can_edit()
candidates = box.candidates()
helpers.settle_in_tracker(box, candidates, ctx.seeds)
st.caption(helpers.summary_line(candidates, box))
for problem in box.problems:
    st.warning(ui.md(problem), icon=":material/warning:")

show = st.segmented_control("Show", helpers.SHOW, default="New", required=True, key="inbox_show", bind="query-params")
shown = [c for c in candidates if show == "All" or (show == "New") == (not c.get("decision"))]
if not candidates:
    st.info(
        "The inbox is empty. Candidates arrive when the watcher runs (`make watch`, or the scheduled job); "
        "a single article can be drafted from its link on Add a report.",
        icon=":material/inbox:",
    )
elif not shown:
    st.info("Nothing here: every candidate has been decided." if show == "New" else "No candidate decided yet.")
if len(shown) > helpers.PAGE_SIZE:
    st.caption(f"Showing the newest {helpers.PAGE_SIZE} of {len(shown)}; decide or dismiss these to see older ones.")
for candidate in shown[: helpers.PAGE_SIZE]:
    helpers.render_candidate(candidate, ctx.seeds, box, editable)
ui.finish_page(ctx)
