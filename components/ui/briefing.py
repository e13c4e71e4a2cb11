"""The briefing step bar: open a step's view, step with Prev/Next (or the arrow keys)."""

from __future__ import annotations

import streamlit as st

from components.registry import BY_ID, PageSpec
from components.ui.links import app_root, page_url, widget_value
from components.ui.sources import md, render_source_footer
from data.load import SeedData


def render_briefing_step(seeds: SeedData, page: PageSpec, present: bool) -> None:
    """If the link names a briefing step, open its view and draw the step bar with Prev/Next."""
    briefing_id = st.query_params.get("briefing")
    if not briefing_id:
        return
    briefing = seeds.briefings.get(briefing_id)
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
