"""The briefing step bar: open a step's view, step with Prev/Next (or the arrow keys)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.registry import BY_ID, PageSpec
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
    base = {"briefing": briefing.id, **({"present": "1"} if present else {})}
    if st.session_state.get("_briefing_applied") != (briefing.id, number):
        st.session_state["_briefing_applied"] = (briefing.id, number)
        for key, value in {"as_of": briefing.as_of, **step.params}.items():
            st.session_state[key] = widget_value(key, value)
        if target.page_id != page.page_id:
            st.switch_page(target.path, query_params={**base, "step": str(number)})
    with st.container(border=True, key="briefing-bar"):
        left, middle, right = st.columns([1, 8, 1], vertical_alignment="center")
        if left.button("◀ Prev", key="briefing-prev", shortcut="Left", disabled=number == 1):
            previous = briefing.steps[number - 2]
            st.switch_page(BY_ID[previous.page].path, query_params={**base, "step": str(number - 1)})
        middle.markdown(f"**{md(briefing.title)}** · step {number} of {len(briefing.steps)}  \n{md(step.caption)}")
        if right.button("Next ▶", key="briefing-next", shortcut="Right", disabled=number == len(briefing.steps)):
            following = briefing.steps[number]
            st.switch_page(BY_ID[following.page].path, query_params={**base, "step": str(number + 1)})
        link = page_url(app_root(page), target, {"as_of": briefing.as_of, **step.params, **base, "step": number})
        st.caption(f"Link to this step: {link}")
        if step.sources:
            render_source_footer(seeds, step.sources, key=f"briefing-{number}")
