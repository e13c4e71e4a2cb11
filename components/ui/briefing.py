"""The briefing step bar: open a step's view, step with Prev/Next (or the arrow keys).

Prev/Next open the next step *with its view state in the link* (as the step's own link does), so
the controls on the new page take their values from the URL on their first run. A composed
briefing travels in its link too (``b=``, ``components.briefings.encode_steps``), so its link
opens it in a new session.
"""

from __future__ import annotations

import datetime as dt
import uuid

import streamlit as st

from components.briefings import COMPOSED, composed, decode_steps, encode_steps, step_params
from components.registry import BY_ID, PageSpec
from components.ui.links import app_root, page_url
from components.ui.sources import md, render_source_footer
from data.load import SeedData
from data.models import Briefing, BriefingStep

STATE = "_composed_steps"
LINK_KEY = "b"  # the composed briefing's steps, in its links


def composed_steps() -> list[dict]:
    """The steps added this session with "Add this view to a briefing" (uid, page, params, caption):
    each step keeps its own uid, so reordering moves its caption with it."""
    steps: list[dict] = st.session_state.setdefault(STATE, [])
    for step in steps:
        step.setdefault("uid", uuid.uuid4().hex[:8])
    return steps


def composed_briefing(as_of: dt.date) -> Briefing | None:
    """This session's own briefing, or None while it has no step."""
    steps = composed_steps()
    if not steps:
        return None
    return composed([BriefingStep(page=s["page"], caption=s["caption"], params=s["params"]) for s in steps], as_of)


def render_add_to_briefing(page: PageSpec, params: dict[str, object]) -> None:
    """Sidebar: add the current view (page + its link parameters) as a step with a caption."""
    with st.sidebar.expander("Add this view to a briefing", icon=":material/playlist_add:"):
        caption = st.text_input("One-line caption", key=f"add-caption-{page.page_id}", max_chars=240)
        if st.button("Add as a step", key=f"add-step-{page.page_id}", disabled=len(caption.strip()) < 5):
            link_params = {
                k: (v.isoformat() if isinstance(v, dt.date) else [str(x) for x in v] if isinstance(v, list) else v)
                for k, v in params.items()
            }
            composed_steps().append(
                {"uid": uuid.uuid4().hex[:8], "page": page.page_id, "caption": caption.strip(), "params": link_params}
            )
            st.toast(f"Added as step {len(composed_steps())} of your briefing (see the Briefings page).")


def step_query(briefing: Briefing, number: int, present: bool) -> dict[str, str | list[str]]:
    """The query string that opens step ``number`` of ``briefing`` (1-based)."""
    step = briefing.steps[number - 1]
    query: dict[str, str | list[str]] = {"briefing": briefing.id, "step": str(number)}
    if briefing.id == COMPOSED:
        query[LINK_KEY] = encode_steps(briefing.steps)
    if present:
        query["present"] = "1"
    for key, value in step_params(briefing, step).items():
        query[key] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return query


def step_link(root: str, briefing: Briefing, number: int, present: bool = True) -> str:
    return page_url(root, BY_ID[briefing.steps[number - 1].page], step_query(briefing, number, present))


def _go(briefing: Briefing, number: int, present: bool, current: PageSpec) -> None:
    """Open step ``number``. Link values bound to a control of the current page (the as-of date,
    for one) cannot be set in the switch (Streamlit refuses); they travel in session state."""
    step = briefing.steps[number - 1]
    query = step_query(briefing, number, present)
    bound_here = {k for k in query if any(p.bound and p.names([k]) for p in current.params)}
    for key in bound_here:
        value = query[key]
        st.session_state[key] = dt.date.fromisoformat(str(value)) if key == "as_of" else value
    st.switch_page(str(BY_ID[step.page].file), query_params={k: v for k, v in query.items() if k not in bound_here})


def linked_briefing(seeds: SeedData) -> tuple[Briefing | None, str]:
    """The briefing the link names (a built-in one, or a composed one carried in ``b=``)."""
    briefing_id = st.query_params.get("briefing") or ""
    briefing = seeds.briefings.get(briefing_id)
    if briefing is None and briefing_id == COMPOSED:
        carried = st.query_params.get(LINK_KEY)
        if carried:
            try:
                steps = decode_steps(carried)
            except ValueError as error:
                return None, str(error)
            as_of = max(dt.date.fromisoformat(str(s.params.get("as_of", dt.date.today()))) for s in steps)
            return composed(steps, as_of), ""
        latest = max((b.as_of for b in seeds.briefings.values()), default=dt.date.today())
        briefing = composed_briefing(latest)
    return briefing, "not found"


def render_briefing_step(seeds: SeedData, page: PageSpec, present: bool) -> dict[str, object] | None:
    """If the link names a briefing step, open its view and draw the step bar with Prev/Next.
    Returns the step's parameters on the run that applies them to this page (else None)."""
    briefing_id = st.query_params.get("briefing")
    if not briefing_id:
        return None
    briefing, why = linked_briefing(seeds)
    try:
        number = int(st.query_params.get("step", "1"))
    except ValueError:
        number = 0
    if briefing is None or not 1 <= number <= len(briefing.steps):
        shown = f"{briefing_id}, step {st.query_params.get('step')}".replace("`", "'")[:60]
        st.info(f"Ignored the briefing in the link (`{shown}`): {why or 'no such step'}.", icon=":material/link_off:")
        return None
    step = briefing.steps[number - 1]
    target = BY_ID.get(step.page)
    if target is None:
        st.error(f"Briefing step {number} names an unknown page '{step.page}'.")
        return None
    applied: dict[str, object] | None = None
    marker = (briefing.id, number, st.query_params.get(LINK_KEY))
    if st.session_state.get("_briefing_applied") != marker:
        st.session_state["_briefing_applied"] = marker
        params = step_params(briefing, step)
        if target.page_id != page.page_id:
            _go(briefing, number, present, page)
        st.session_state["as_of"] = dt.date.fromisoformat(str(params["as_of"]))
        applied = params
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
            st.caption(f"Link to this step: {step_link(app_root(page), briefing, number, present=False)}")
            if step.sources:
                render_source_footer(seeds, step.sources, key=f"briefing-{number}")
    return applied
