"""Small readers the drafter's unit tests share: which metric a sentence's figure is offered, and
which organisations a text names. One copy, so the metric and organisation tests ask the drafter
the same question the same way."""

from __future__ import annotations

from data.draft.core import figure_metric
from data.draft.entities import EntityIndex
from data.draft.figures import find_figures
from data.load import SeedData


def metric_for(sentence: str, seeds: SeedData, *, at: int = 0, product: str = "h200", status: str | None = None) -> str:
    """The metric suggested for the ``at``-th figure of ``sentence``, through the drafter's own call."""
    figure = find_figures(sentence, chip_context=True)[at]
    return figure_metric(sentence, figure, seeds, product=product, status=status)


def orgs_in(index: EntityIndex, text: str) -> set[str]:
    """The organisation ids the entity index finds in ``text``."""
    return {m.id for m in index.find(text) if m.kind == "organisation"}
