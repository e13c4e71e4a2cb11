"""Small readers the drafter's unit tests share: which metric a sentence's figure is offered, and
which organisations a text names. One copy, so the metric and organisation tests ask the drafter
the same question the same way."""

from __future__ import annotations

from data.draft import suggest
from data.draft.entities import EntityIndex
from data.draft.figures import find_figures
from data.load import SeedData


def metric_for(sentence: str, seeds: SeedData, *, at: int = 0, product: str = "h200", status: str | None = None) -> str:
    """The metric suggested for the ``at``-th figure of ``sentence``, read as the drafter reads it."""
    figure = find_figures(sentence, chip_context=True)[at]
    near = sentence[max(0, figure.start - 60) : figure.end + 40]
    metric, _ = suggest.metric(
        sentence,
        figure.unit,
        seeds,
        near=near,
        bound=figure.bound,
        product=product,
        claim_status=status,
        span=(figure.start, figure.end),
    )
    return metric


def orgs_in(index: EntityIndex, text: str) -> set[str]:
    """The organisation ids the entity index finds in ``text``."""
    return {m.id for m in index.find(text) if m.kind == "organisation"}
