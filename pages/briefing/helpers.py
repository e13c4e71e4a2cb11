"""Briefings page helpers: the composed briefing (kept in the session), its editor, a step
preview, the deck and document downloads, and saving into seeds/briefings/ when editing is on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st
import yaml

from components import ui
from components.exports.deck import build_pdf, build_pptx, render_slide_images
from components.registry import BY_ID
from components.ui.briefing import COMPOSED, composed_briefing, composed_steps
from components.ui.identity import editor_identity
from components.ui.links import app_root, page_url
from data.frames import ClaimFilter
from data.load import SeedData, load_seeds
from data.models import Briefing, BriefingFile, BriefingStep
from data.safe_save import LOCAL_EDITOR, save_new

__all__ = ["COMPOSED", "BriefingStep"]
from pages.briefing.slides import SLIDE_PARTS, briefing_slides


def available_briefings(seeds: SeedData, as_of: dt.date) -> dict[str, Briefing]:
    """Briefings pinned on or before the as-of date (a later one would tell the future), and this
    session's own, whose steps keep the dates they were added with."""
    out = {key: b for key, b in seeds.briefings.items() if b.as_of <= as_of}
    mine = composed_briefing(as_of)
    if mine is not None:
        out[COMPOSED] = mine
    return out


def render_editor() -> None:
    """Reorder, recaption or remove the composed steps."""
    steps = composed_steps()
    for index, step in enumerate(list(steps)):
        page = BY_ID.get(step["page"])
        columns = st.columns([6, 1, 1, 1], vertical_alignment="bottom")
        step["caption"] = columns[0].text_input(
            f"Step {index + 1} · {page.title if page else step['page']} (as of {step['params'].get('as_of', '—')})",
            value=step["caption"],
            max_chars=240,
            key=f"compose-caption-{index}",
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
    """One step at a time, as its slide will show it, with a link to present it."""
    number = st.number_input("Preview step", min_value=1, max_value=len(briefing.steps), value=1, key="preview-step")
    step = briefing.steps[int(number) - 1]
    as_of = _step_as_of(briefing, step)
    st.markdown(
        f"**Step {int(number)}: {ui.md(step.caption)}**  \nAs of {as_of:%d %b %Y} · {ui.md(BY_ID[step.page].title)}"
    )
    if briefing.id != COMPOSED:
        link = page_url(
            app_root(ctx.page),
            BY_ID[step.page],
            {**step.params, "briefing": briefing.id, "step": int(number), "present": "1"},
        )
        st.link_button("Present from this step", link, icon=":material/slideshow:")
    parts = SLIDE_PARTS.get(step.page)
    figure, _, sources = parts(ctx.seeds, ClaimFilter(as_of=as_of), step.params) if parts else (None, None, [])
    if figure is None:
        st.info("This step shows no chart; its slide carries the page's numbers and sources.")
        return
    ui.render_chart(figure, ctx=ctx, key="briefing-preview", alt=f"Preview of step {int(number)}.", source_ids=sources)


def _step_as_of(briefing: Briefing, step: BriefingStep) -> dt.date:
    value = step.params.get("as_of", briefing.as_of)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _deck(ctx: ui.PageContext, briefing: Briefing) -> tuple[bytes, bytes]:
    root = app_root(ctx.page)

    def link_for(number: int) -> str:
        step = briefing.steps[number - 1]
        return page_url(
            root, BY_ID[step.page], {**step.params, "briefing": briefing.id, "step": number, "present": "1"}
        )

    slides = briefing_slides(briefing, ctx.seeds, link_for)
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
