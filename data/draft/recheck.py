"""The duplicate check for a draft, run again whenever the form's web address, publisher or date
change, and a re-carry the analyst names by hand when the check did not offer it.

Apart from ``core`` (which builds a draft) so each module does one job; ``core`` calls it once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from data.draft import dates as dates_mod
from data.draft import source_index
from data.draft.duplicates import find_matches
from data.draft.figure_match import figure_key
from data.draft.model import DateMention, DraftClaim, Duplicate, Matches
from data.load import SeedData


class Draft(Protocol):
    """What the check reads from ``core.Draft`` (a protocol, so the modules import one way only)."""

    source: dict[str, Any]
    claims: list[DraftClaim]
    dates: list[DateMention]
    text: str
    story_date: dt.date | None
    page_date: dt.date | None


BY_HAND = "Named by the analyst: the check did not offer it"


def carrier_for(publisher: str | None, url: str | None, published: dt.date | None) -> dict[str, Any]:
    """The ``carried_by`` entry the form's fields make."""
    return {"outlet": publisher, "url": url, "published": published.isoformat() if published else None}


def recheck_matches(
    draft: Draft, seeds: SeedData, *, url: str | None, publisher: str | None, published: dt.date | None
) -> Matches:
    """The duplicate check again with the form's web address, publisher and date (the page calls
    this whenever the analyst changes one). A date equal to the draft's guessed one (today, when
    the text gave none) still counts as unknown."""
    if published is not None and draft.story_date is None and published.isoformat() == draft.source["published"]:
        published = None
    return find_matches(
        seeds,
        url=url,
        title=draft.source.get("title"),
        publisher=publisher,
        published=published,
        origin=draft.source.get("origin"),
        figures=[(c.id, c.figure) for c in draft.claims if c.figure is not None],
        carrier=carrier_for(publisher, url, published),
        text=draft.text,
        text_dates=dates_mod.text_days(draft.dates, dated=draft.story_date is not None)
        + ([draft.page_date] if draft.page_date else []),
        dated_sentences=[
            (m.date, m.sentence) for m in dates_mod.text_day_mentions(draft.dates, dated=bool(draft.story_date))
        ],
        written_after=max((m.date for m in draft.dates if dates_mod.dated_day(m)), default=None),
        metrics={c.id: c.metric for c in draft.claims},
        statuses={c.id: c.status for c in draft.claims},
    )


def named_by_hand(draft: Draft, seeds: SeedData, source_id: str, carrier: dict[str, Any]) -> Duplicate:
    """A source the analyst says this report repeats: the claims whose figures it lacks are the new
    ones, as for an offered match. Unknown ids raise KeyError (the page offers only real ones)."""
    if source_id not in seeds.sources:  # a typo'd id is an error, not an empty match
        raise KeyError(source_id)
    known = source_index.index(seeds).figures.get(source_id, set())
    new_ids = [
        c.id
        for c in draft.claims
        if c.figure is None or c.figure.vague or not (figure_key(c.figure.unit, c.figure.numbers()) & known)
    ]
    return Duplicate(source_id, 0.0, BY_HAND, dict(carrier), new_ids)
