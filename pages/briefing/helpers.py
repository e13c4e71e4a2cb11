"""Briefings page helpers: the composed briefing (kept in the session), its editor, a step
preview, the deck and document downloads, and saving into seeds/briefings/ when editing is on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st
import yaml

from components import ui
from components.briefings import COMPOSED, briefing_slides, step_view
from components.exports.deck import build_pdf, build_pptx, render_slide_images
from components.registry import BY_ID
from components.ui.briefing import composed_briefing, composed_steps, step_link
from components.ui.identity import editor_identity
from components.ui.links import app_root
from data.load import SeedData, load_seeds
from data.models import Briefing, BriefingFile
from data.safe_save import LOCAL_EDITOR, save_new

__all__ = ["COMPOSED"]


def available_briefings(seeds: SeedData, as_of: dt.date) -> dict[str, Briefing]:
    """Briefings pinned on or before the as-of date (a later one would tell the future), and this
    session's own, whose steps keep the dates they were added with."""
    out = {key: b for key, b in seeds.briefings.items() if b.as_of <= as_of}
    mine = composed_briefing(as_of)
    if mine is not None:
        out[COMPOSED] = mine
    return out


def render_editor() -> None:
    """Reorder, recaption or remove the composed steps. Each caption's control is keyed by its
    step's own id, not its position, so moving a step moves its caption with it."""
    steps = composed_steps()
    for index, step in enumerate(list(steps)):
        page = BY_ID.get(step["page"])
        columns = st.columns([6, 1, 1, 1], vertical_alignment="bottom")
        key = f"compose-caption-{step['uid']}"
        st.session_state.setdefault(key, step["caption"])
        step["caption"] = columns[0].text_input(
            f"Step {index + 1} · {page.title if page else step['page']} (as of {step['params'].get('as_of', '—')})",
            max_chars=240,
            key=key,
        )
        if columns[1].button("Up", key=f"compose-up-{index}", disabled=index == 0):
            steps[index - 1], steps[index] = steps[index], steps[index - 1]
            st.rerun()
        if columns[2].button("Down", key=f"compose-down-{index}", disabled=index == len(steps) - 1):
            steps[index + 1], steps[index] = steps[index], steps[index + 1]
            st.rerun()
        if columns[3].button("Remove", key=f"compose-remove-{index}"):
            steps.pop(index)
            st.rerun()


def render_preview(ctx: ui.PageContext, briefing: Briefing) -> None:
    """One step at a time, as its slide will show it (the step page's own view), with a link to present it."""
    number = st.number_input("Preview step", min_value=1, max_value=len(briefing.steps), value=1, key="preview-step")
    step = briefing.steps[int(number) - 1]
    view = ui.memo(ctx, _step_view, briefing.model_dump_json(), int(number) - 1)
    st.markdown(
        f"**Step {int(number)}: {ui.md(step.caption)}**  \nAs of {view.as_of:%d %b %Y} · {ui.md(BY_ID[step.page].title)}"
    )
    st.link_button(
        "Present from this step", step_link(app_root(ctx.page), briefing, int(number)), icon=":material/slideshow:"
    )
    for notice in view.notices:
        st.info(notice, icon=":material/link_off:")
    if view.lead == "cards":
        if not view.cards:
            st.info(view.empty)
        ui.render_cards(ctx, view, per_row=3)
        ui.render_source_footer(ctx.seeds, view.slide_sources, key="briefing-preview")
        return
    chart = view.slide_chart
    if chart is None:
        st.info(view.empty or "This step shows no chart; its slide carries the page's numbers and sources.")
        return
    ui.render_chart(chart.on_slide, ctx=ctx, key="briefing-preview", alt=chart.alt, source_ids=chart.source_ids)
    for note in (*chart.notes, *([chart.slide_caption] if chart.slide_caption else [])):
        st.caption(ui.md(note))


def _step_view(seeds: SeedData, claim_filter: object, briefing_json: str, index: int) -> object:
    """A step's view, cached per briefing and step (the filter is the step's own)."""
    del claim_filter
    return step_view(Briefing.model_validate_json(briefing_json), index, seeds)


def _deck(ctx: ui.PageContext, briefing: Briefing) -> tuple[bytes, bytes]:
    root = app_root(ctx.page)
    slides = briefing_slides(briefing, ctx.seeds, lambda number: step_link(root, briefing, number))
    images = render_slide_images(slides)
    return build_pptx(slides, deck_title=briefing.title, images=images), build_pdf(
        slides, deck_title=briefing.title, images=images
    )


def render_downloads_for(ctx: ui.PageContext, briefing: Briefing) -> None:
    """PowerPoint and PDF (one slide or page per step), and the briefing as YAML."""
    st.subheader("Hand it on")
    key = f"_deck_{briefing.id}_{len(briefing.steps)}_{hash(briefing.model_dump_json())}"
    if st.button("Prepare the deck and the PDF", icon=":material/slideshow:", key="prepare-deck"):
        with st.spinner("Drawing every step's chart…"):
            st.session_state[key] = _deck(ctx, briefing)
    columns = st.columns(3)
    if key in st.session_state:
        pptx, pdf = st.session_state[key]
        columns[0].download_button(
            "PowerPoint", pptx, f"h200-{briefing.id}.pptx", key="deck-pptx", icon=":material/slideshow:"
        )
        columns[1].download_button(
            "PDF",
            pdf,
            f"h200-{briefing.id}.pdf",
            mime="application/pdf",
            key="deck-pdf",
            icon=":material/picture_as_pdf:",
        )
    columns[2].download_button(
        "YAML",
        briefing_yaml(briefing),
        f"{briefing.id}.yaml",
        mime="text/yaml",
        key="deck-yaml",
        icon=":material/download:",
        help="The briefing as a seed file for seeds/briefings/.",
    )


def briefing_yaml(briefing: Briefing) -> str:
    """The briefing as a seed file that validates (``BriefingFile``)."""
    data = {"briefing": yaml.safe_load(briefing.model_dump_json())}
    BriefingFile.model_validate(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def render_save(ctx: ui.PageContext, briefing: Briefing, *, editing: bool) -> None:
    """Save into seeds/briefings/ (editing on only): atomic, never over an existing file or id."""
    if not editing:
        st.caption("Saving into the tracker is switched off here; download the YAML instead.")
        return
    name = st.text_input(
        "Save as (lower-case id)", value="", key="save-briefing-id", placeholder="e.g. board-update-june"
    )
    if st.button("Save into seeds/briefings", key="save-briefing", disabled=not name):
        try:
            path = save_briefing(
                briefing.model_copy(update={"id": name.strip(), "title": name.strip().replace("-", " ").capitalize()}),
                ui.seeds_dir(),
                who=editor_identity(),
            )
        except ValueError as error:  # SaveError too: a taken name, a read-only or full folder
            st.error(str(error))
        else:
            st.success(f"Saved as {path.name}.")


def save_briefing(briefing: Briefing, seeds_dir: Path, who: str = LOCAL_EDITOR) -> Path:
    """Write ``seeds/briefings/<id>.yaml`` once (data.safe_save: atomic, stamped, audited).

    Raises ``ValueError`` in plain words: a bad or taken id, a step the loader would refuse, a
    read-only or full seeds folder.
    """
    text = briefing_yaml(Briefing.model_validate(briefing.model_dump()))
    relative = f"briefings/{briefing.id}.yaml"

    def check() -> None:  # inside the save lock, against the folder as it is now
        loaded = load_seeds(seeds_dir, pending={relative: text})
        mine = [p for p in loaded.problems if Path(p.file).name == f"{briefing.id}.yaml"]
        if mine:
            raise ValueError("The briefing cannot be saved: " + "; ".join(f"{p.field}: {p.message}" for p in mine))

    return save_new(seeds_dir, relative, text, who=who, kind="Briefings page", check=check)
