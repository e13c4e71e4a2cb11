"""A briefing's steps as views and as slides. Pure: no streamlit.

A step is a page plus its link parameters; its slide is that page's ``PageView`` for those
parameters (``components.view``), so the deck, the preview and the meeting screen show the same
title, figures and sources as the page opened from the step's link.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import zlib
from collections.abc import Callable

from pydantic import ValidationError

from components.exports.deck import Slide
from components.link_options import COMPOSED
from components.registry import BY_ID
from components.view import PageView, build_view
from data.load import SeedData
from data.models import Briefing, BriefingStep


def step_params(briefing: Briefing, step: BriefingStep) -> dict[str, object]:
    """The step's link parameters, its as-of date falling back to the briefing's."""
    params: dict[str, object] = {"as_of": briefing.as_of.isoformat(), **step.params}
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in params.items()}


def step_view(briefing: Briefing, index: int, seeds: SeedData) -> PageView:
    """The view of step ``index`` (0-based), with a notice for every value its link drops."""
    step = briefing.steps[index]
    return build_view(step.page, seeds, step_params(briefing, step))


def source_line(seeds: SeedData, source_ids: list[str] | tuple[str, ...]) -> str:
    """'Sources: Reuters (28 Jan 2026), …' (undated pages say so), oldest first."""
    known = [seeds.sources[s] for s in dict.fromkeys(source_ids) if s in seeds.sources]
    known.sort(key=lambda s: s.available_from)
    names = list(
        dict.fromkeys(f"{s.publisher} ({f'{s.published:%d %b %Y}' if s.published else 'undated'})" for s in known)
    )
    shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    return f"Sources: {shown}" if names else "Sources: none"


def view_slide(view: PageView, *, title: str, link: str, extra_sources: tuple[str, ...] = (), seeds: SeedData) -> Slide:
    """One slide of a view: the cards if it has them, else its first chart; its sources."""
    chart = view.slide_chart
    kpis = [(c.title, c.value, c.detail) for c in view.cards] if view.lead == "cards" and view.cards else None
    if chart is not None:
        takeaway = chart.title
    elif kpis:  # the cards are the slide: say how many there are at this date, not "six"
        count = f"{len(kpis)} headline figure{'s' if len(kpis) != 1 else ''}"
        takeaway = f"{count} reported by {view.as_of.day} {view.as_of:%B %Y}, each with its sources"
    else:
        takeaway = view.empty or view.question
    return Slide(
        title=title,
        takeaway=takeaway,
        figure=chart.on_slide if chart is not None else None,
        caption=chart.slide_caption if chart is not None else "",
        kpis=kpis,
        source_line=source_line(seeds, (*view.slide_sources, *extra_sources)),
        link=link,
        as_of=view.as_of,
        notes=[*(chart.notes if chart is not None else ()), *view.notices],
    )


def briefing_slides(briefing: Briefing, seeds: SeedData, link_for: Callable[[int], str]) -> list[Slide]:
    """One slide per step, each true at its step's as-of date, its caption as the title."""
    slides = []
    for number, step in enumerate(briefing.steps, start=1):
        view = step_view(briefing, number - 1, seeds)
        slides.append(
            view_slide(view, title=step.caption, link=link_for(number), extra_sources=tuple(step.sources), seeds=seeds)
        )
    return slides


def page_slides(view: PageView, seeds: SeedData, link: str) -> list[Slide]:
    """A page's own deck: the cards (when it has them), then one slide per chart."""
    slides = []
    if view.cards:
        kpis = [(c.title, c.value, c.detail) for c in view.cards]
        ids = tuple(s for c in view.cards for s in c.source_ids)
        slides.append(
            Slide(
                title=view.title,
                takeaway=view.question,
                kpis=kpis,
                source_line=source_line(seeds, ids),
                link=link,
                as_of=view.as_of,
            )
        )
    for chart in view.charts:
        slides.append(
            Slide(
                title=chart.title or view.title,
                takeaway=view.question,
                figure=chart.on_slide,
                caption=chart.slide_caption,
                source_line=source_line(seeds, chart.source_ids),
                link=link,
                as_of=view.as_of,
                notes=list(chart.notes),
            )
        )
    return slides


# --------------------------------------------------------------------------- a composed briefing in a link

COMPOSED_TITLE = "My briefing"
MAX_LINK_STEPS = 20


def encode_steps(steps: list[BriefingStep]) -> str:
    """The steps of a composed briefing as one link value (compressed JSON, URL-safe base64), so
    its link opens it in any session and in the deck's slide links."""
    data = [{"page": s.page, "caption": s.caption, "params": s.params} for s in steps[:MAX_LINK_STEPS]]
    packed = zlib.compress(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode_steps(text: str) -> list[BriefingStep]:
    """The steps back from ``encode_steps``; ValueError for anything else (a clear notice, never a trace)."""
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(zlib.decompressobj().decompress(packed, 200_000))
        steps = [BriefingStep.model_validate(item) for item in data]
    except (ValueError, TypeError, zlib.error, ValidationError) as error:
        raise ValueError("not a briefing this app wrote") from error
    if not steps or len(steps) > MAX_LINK_STEPS:
        raise ValueError(f"a briefing link holds 1 to {MAX_LINK_STEPS} steps")
    unknown = [s.page for s in steps if s.page not in BY_ID]
    if unknown:
        raise ValueError(f"unknown page {unknown[0]!r}")
    return steps


def composed(steps: list[BriefingStep], as_of: dt.date) -> Briefing:
    """A composed briefing (the steps keep their own as-of dates)."""
    return Briefing(id=COMPOSED, title=COMPOSED_TITLE, as_of=as_of, steps=steps)
