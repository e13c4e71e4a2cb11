"""The briefing step bar: open a step's view, step with Prev/Next (or the arrow keys).

Prev/Next open the next step *with its view state in the link* (as the step's own link does), so
the widgets on the new page take their values from the URL on their first run. Setting only
session state before the switch left a widget that first appears on the new page (the buyers
picker of step 5) out of the address bar until the second visit: the keys seemed a press late.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.registry import BY_ID, PageSpec, page_for_params
from components.ui.links import app_root, page_url, widget_value
from components.ui.sources import md, render_source_footer
from data.load import SeedData
from data.models import Briefing, BriefingStep

COMPOSED = "my-briefing"
STATE = "_composed_steps"


def composed_steps() -> list[dict]:
    """The steps added this session with "Add this view to a briefing" (page, params, caption)."""
    return st.session_state.setdefault(STATE, [])


def composed_briefing(as_of: dt.date) -> Briefing | None:
    """This session's own briefing, or None while it has no step."""
    steps = composed_steps()
    if not steps:
        return None
    return Briefing(
        id=COMPOSED,
        title="My briefing",
        as_of=as_of,
        steps=[BriefingStep(page=s["page"], caption=s["caption"], params=s["params"]) for s in steps],
    )


def render_add_to_briefing(page: PageSpec, params: dict[str, object]) -> None:
    """Sidebar: add the current view (page + its link parameters) as a step with a caption."""
    with st.sidebar.expander("Add this view to a briefing", icon=":material/playlist_add:"):
        caption = st.text_input("One-line caption", key=f"add-caption-{page.page_id}", max_chars=240)
        if st.button("Add as a step", key=f"add-step-{page.page_id}", disabled=len(caption.strip()) < 5):
            link_params = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in params.items()}
            composed_steps().append({"page": page.page_id, "caption": caption.strip(), "params": link_params})
            st.toast(f"Added as step {len(composed_steps())} of your briefing (see the Briefings page).")


def _step_query(briefing: object, number: int, present: bool) -> dict[str, str | list[str]]:
    """The query string that opens step ``number`` of ``briefing`` (1-based)."""
    step = briefing.steps[number - 1]  # type: ignore[attr-defined]
    query: dict[str, str | list[str]] = {"briefing": briefing.id, "step": str(number)}  # type: ignore[attr-defined]
    if present:
        query["present"] = "1"
    for key, value in {"as_of": briefing.as_of, **step.params}.items():  # type: ignore[attr-defined]
        query[key] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return query


def _go(briefing: object, number: int, present: bool, current: PageSpec) -> None:
    """Open step ``number``. Link values bound to a widget of the current page (the as-of date,
    for one) cannot be set in the switch (Streamlit refuses); they travel in session state."""
    step = briefing.steps[number - 1]  # type: ignore[attr-defined]
    query = _step_query(briefing, number, present)
    bound_here = set(page_for_params(current, list(query)))
    st.switch_page(str(BY_ID[step.page].file), query_params={k: v for k, v in query.items() if k not in bound_here})


def render_briefing_step(seeds: SeedData, page: PageSpec, present: bool) -> None:
    """If the link names a briefing step, open its view and draw the step bar with Prev/Next."""
    briefing_id = st.query_params.get("briefing")
    if not briefing_id:
        return
    briefing = seeds.briefings.get(briefing_id)
    if briefing is None and briefing_id == COMPOSED:
        briefing = composed_briefing(max((b.as_of for b in seeds.briefings.values()), default=dt.date.today()))
    try:
        number = int(st.query_params.get("step", "1"))
    except ValueError:
        number = 0
    if briefing is None or not 1 <= number <= len(briefing.steps):
        shown = f"{briefing_id}, step {st.query_params.get('step')}".replace("`", "'")[:60]
        st.info(f"Ignored the briefing in the link (`{shown}`): not found.", icon=":material/link_off:")
        return
    step = briefing.steps[number - 1]
    target = BY_ID.get(step.page)
    if target is None:
        st.error(f"Briefing step {number} names an unknown page '{step.page}'.")
        return
    if st.session_state.get("_briefing_applied") != (briefing.id, number):
        st.session_state["_briefing_applied"] = (briefing.id, number)
        for key, value in {"as_of": briefing.as_of, **step.params}.items():
            st.session_state[key] = widget_value(key, value)
        if target.page_id != page.page_id:
            _go(briefing, number, present, page)
    with st.container(border=True, key="briefing-bar"):
        left, middle, right = st.columns([2, 13, 2], vertical_alignment="center")
        if left.button("◀ Prev", key="briefing-prev", shortcut="Left", disabled=number == 1, width="stretch"):
            _go(briefing, number - 1, present, page)
        middle.markdown(f"**{md(step.caption)}**  \n{md(briefing.title)} · step {number} of {len(briefing.steps)}")
        if right.button(
            "Next ▶", key="briefing-next", shortcut="Right", disabled=number == len(briefing.steps), width="stretch"
        ):
            _go(briefing, number + 1, present, page)
        if not present:
            query = {k: v for k, v in _step_query(briefing, number, present).items()}
            st.caption(f"Link to this step: {page_url(app_root(page), target, query)}")
            if step.sources:
                render_source_footer(seeds, step.sources, key=f"briefing-{number}")
