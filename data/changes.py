"""What changed between two dates, told two ways, or between two versions of the seeds.

Pure (no streamlit). "What's new", the Atom feed (``server/feed.py``) and the "Add a report"
preview share it, so the page and the feed cannot tell different stories:

- ``story_between(seeds, since, until)`` (the default): what the story did between two as-of
  dates. A report counts from its publication date, so any two dates work, even ones before
  the tracker existed, and nothing published after ``until`` is used.
- ``changes_between(seeds, since, until)``: what the tracker learned from ``since`` to ``until``
  (both days included), for editors. A source counts from the day it was ``added``; sources
  recorded before the tracker kept that date count from their publication date.
- ``compare(before, after, ...)``: headline figures, statuses per buyer and stage, and conflicts,
  between two snapshots (the preview passes the seeds without and with a draft).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from data.frames import ALL_BUYERS, ClaimFilter, build_approvals_frame, build_estimates_frame
from data.frames.claims import select_claims
from data.frames.conflicts import WORDING, conflict_groups, difference_of, topic_of
from data.headlines import KPI_KEYS, pick_headlines
from data.load import SeedData
from data.models import Source
from data.outlets import publisher_label
from data.reconcile import live_claims
from data.vocabulary import STAGE_LABELS

DEFAULT_DAYS = 7
STORY_DEFAULT_DAYS = 30
STORY, LEARNED = "story", "learned"
# Claim kinds a reader follows as "deliveries and licences": what was shipped, licensed or approved.
MOVEMENT_KINDS = ("delivery", "shipment", "export_licence", "import_approval")
HEADLINE_COLUMNS = ["key", "title", "unit", "before", "before_bound", "after", "after_bound", "change"]
STATUS_COLUMNS = ["buyer", "side", "stage", "before", "after", "date", "claim_id", "summary", "source_id"]
CONFLICT_COLUMNS = ["topic", "change", "claims", "about", "claim_ids"]
CLAIM_COLUMNS = ["date", "kind", "summary", "publisher", "published", "claim_id", "source_id"]


def known_since(source: Source) -> dt.date:
    """The day the tracker learned of a source: ``added``, else (older files) its publication date."""
    return source.added or source.available_from


def default_window(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last seven days, today included."""
    today = today or dt.date.today()
    return today - dt.timedelta(days=DEFAULT_DAYS - 1), today


def snapshot(seeds: SeedData, day: dt.date) -> SeedData:
    """The seeds as the tracker knew them at the end of ``day``: later-added sources left out."""
    kept = {sid: s for sid, s in seeds.sources.items() if known_since(s) <= day}
    return dataclasses.replace(seeds, sources=kept, claims=[r for r in seeds.claims if r.source_id in kept])


@dataclass
class Changes:
    """Everything the "What's new" page shows, as plain frames (empty frames keep their columns).

    ``mode`` says how a report was dated: ``story`` (published) or ``learned`` (added).
    ``movements`` are the new claims about deliveries, shipments, licences and approvals.
    """

    since: dt.date
    until: dt.date
    new_sources: pd.DataFrame
    new_claims: pd.DataFrame
    headlines: pd.DataFrame
    statuses: pd.DataFrame
    conflicts: pd.DataFrame
    mode: str = LEARNED
    movements: pd.DataFrame = dataclasses.field(default_factory=lambda: pd.DataFrame(columns=CLAIM_COLUMNS))

    @property
    def empty(self) -> bool:
        frames = (self.new_sources, self.new_claims, self.statuses, self.conflicts)
        return all(f.empty for f in frames) and not (
            self.headlines["change"].ne("same").any() if not self.headlines.empty else False
        )


def _new_sources(seeds: SeedData, since: dt.date, until: dt.date, day_of=known_since) -> pd.DataFrame:
    """Sources whose day (``day_of``: added, or published in story mode) falls in the window."""
    rows = []
    for source in seeds.sources.values():
        day = day_of(source)
        if since <= day <= until:
            count = sum(1 for r in seeds.claims if r.source_id == source.id)
            rows.append(
                {
                    "added": day,
                    "published": source.published,
                    "publisher": publisher_label(seeds, source.id),
                    "title": source.title,
                    "claims": count,
                    "url": source.url,
                    "source_id": source.id,
                    "added_recorded": source.added is not None,
                }
            )
    columns = ["added", "published", "publisher", "title", "claims", "url", "source_id", "added_recorded"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["added", "published", "source_id"], ascending=False).reset_index(drop=True)


def _new_claims(seeds: SeedData, source_ids: set[str]) -> pd.DataFrame:
    rows = [
        {
            "date": r.claim.date,
            "kind": r.claim.kind,
            "summary": r.claim.summary,
            "publisher": publisher_label(seeds, r.source_id),
            "published": seeds.sources[r.source_id].available_from,
            "claim_id": r.claim.id,
            "source_id": r.source_id,
        }
        for r in seeds.claims
        if r.source_id in source_ids
    ]
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    return frame.sort_values(["date", "claim_id"], ascending=False).reset_index(drop=True)


def _headline_table(seeds: SeedData, as_of: dt.date | None) -> dict[str, dict]:
    picked = pick_headlines(build_estimates_frame(seeds, ClaimFilter(as_of=as_of)), KPI_KEYS)
    return {} if picked.empty else {row["key"]: row for row in picked.to_dict("records")}


def _joined(before: dict, after: dict) -> str:
    """A report joined a headline without moving its best figure: "disputed" when the figures can
    no longer all be true (the estimate's like-for-like test, so "up to 100,000" beside a 75,000
    cap counts, newly or by widening the spread); "more reports" when they differ in wording only."""
    spread = (before.get("low"), before.get("high")) != (after.get("low"), after.get("high"))
    return "disputed" if after.get("conflict") and (spread or not before.get("conflict")) else "more reports"


def headline_changes(
    before: SeedData, after: SeedData, before_as_of: dt.date | None, after_as_of: dt.date | None
) -> pd.DataFrame:
    """One row per headline figure shown on the overview, before and after, and what happened to it."""
    return _diff_headlines(_headline_table(before, before_as_of), _headline_table(after, after_as_of))


def _diff_headlines(old: dict[str, dict], new: dict[str, dict]) -> pd.DataFrame:
    rows = []
    for key in KPI_KEYS:
        a, b = old.get(key), new.get(key)
        if a is None and b is None:
            continue
        row_a, row_b = a or {}, b or {}
        before_value, after_value = row_a.get("best"), row_b.get("best")
        if a is None:
            change = "new"
        elif b is None:
            change = "gone"
        elif (before_value, row_a.get("best_bound")) != (after_value, row_b.get("best_bound")):
            change = "changed"
        elif set(row_a.get("claim_ids", [])) != set(row_b.get("claim_ids", [])):
            change = _joined(row_a, row_b)
        else:
            change = "same"
        rows.append(
            {
                "key": key,
                "title": (b or row_a)["title"],
                "unit": (b or row_a)["unit"],
                "before": before_value,
                "before_bound": row_a.get("best_bound"),
                "after": after_value,
                "after_bound": row_b.get("best_bound"),
                "change": change,
            }
        )
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)


def _latest_statuses(seeds: SeedData, as_of: dt.date | None) -> dict[tuple[str, str], dict]:
    """The latest reported status per (buyer or "all buyers", stage), as the approval grid shows it."""
    frame = build_approvals_frame(seeds, ClaimFilter(as_of=as_of))
    latest: dict[tuple[str, str], dict] = {}
    for record in frame.sort_values(["date", "organisation_id", "claim_id"]).to_dict("records"):
        latest[(record["organisation_id"], record["stage"])] = record
    return latest


def status_changes(
    before: SeedData, after: SeedData, before_as_of: dt.date | None, after_as_of: dt.date | None
) -> pd.DataFrame:
    """Buyer x stage cells whose latest status differs, with the claim that moved it."""
    return _diff_statuses(_latest_statuses(before, before_as_of), _latest_statuses(after, after_as_of))


def _diff_statuses(old: dict[tuple[str, str], dict], new: dict[tuple[str, str], dict]) -> pd.DataFrame:
    rows = []
    for key, record in new.items():
        previous = old.get(key)
        if previous is not None and previous["status"] == record["status"]:
            continue
        rows.append(
            {
                "buyer": "All buyers" if record["organisation_id"] == ALL_BUYERS else record["organisation"],
                "side": record["side"],
                "stage": STAGE_LABELS.get(record["stage"], record["stage"]),
                "before": previous["status"] if previous is not None else "nothing reported",
                "after": record["status"],
                "date": record["date"],
                "claim_id": record["claim_id"],
                "summary": record["summary"],
                "source_id": record["source_id"],
            }
        )
    frame = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    return frame.sort_values(["side", "buyer", "stage"]).reset_index(drop=True)


def _open_conflicts(seeds: SeedData, as_of: dt.date | None) -> list[tuple[str, set[str], str]]:
    """Conflict groups with at least two live (not superseded) claims: topic, claim ids, latest
    summary. A group whose figures differ in wording only is no disagreement (as on Sources)."""
    records = select_claims(seeds, ClaimFilter(as_of=as_of))
    live = {r.claim.id for r in live_claims(records)}
    out = []
    for members in conflict_groups(records):
        ids = {m.claim.id for m in members} & live
        if len(ids) >= 2 and difference_of(members, seeds) != WORDING:
            out.append((topic_of(members), ids, members[-1].claim.summary))
    return out


def conflict_changes(
    before: SeedData, after: SeedData, before_as_of: dt.date | None, after_as_of: dt.date | None
) -> pd.DataFrame:
    """Disagreements opened, widened (new claims joined) or resolved between the two snapshots.

    Groups are matched by the claims they share, not by name: a group that absorbs another is
    "widened", not one opened and one resolved.
    """
    return _diff_conflicts(_open_conflicts(before, before_as_of), _open_conflicts(after, after_as_of))


Conflicts = list[tuple[str, set[str], str]]


def _diff_conflicts(old: Conflicts, new: Conflicts) -> pd.DataFrame:
    rows = []
    for topic, ids, about in new:
        overlapping = [o_ids for _, o_ids, _ in old if o_ids & ids]
        known = set().union(*overlapping) if overlapping else set()
        if not overlapping:
            rows.append(
                {"topic": topic, "change": "opened", "claims": len(ids), "about": about, "claim_ids": sorted(ids)}
            )
        elif ids - known:
            rows.append(
                {
                    "topic": topic,
                    "change": "widened",
                    "claims": len(ids),
                    "about": about,
                    "claim_ids": sorted(ids - known),
                }
            )
    for topic, ids, about in old:
        if not any(ids & n_ids for _, n_ids, _ in new):
            rows.append(
                {"topic": topic, "change": "resolved", "claims": len(ids), "about": about, "claim_ids": sorted(ids)}
            )
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)


def compare(
    before: SeedData, after: SeedData, before_as_of: dt.date | None = None, after_as_of: dt.date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Headlines, statuses and conflicts between two snapshots of the seeds."""
    return (
        headline_changes(before, after, before_as_of, after_as_of),
        status_changes(before, after, before_as_of, after_as_of),
        conflict_changes(before, after, before_as_of, after_as_of),
    )


def changes_between(seeds: SeedData, since: dt.date, until: dt.date) -> Changes:
    """What the tracker learned from ``since`` to ``until``, both days included."""
    if since > until:
        since, until = until, since
    eve = since - dt.timedelta(days=1)
    before, after = snapshot(seeds, eve), snapshot(seeds, until)
    sources = _new_sources(seeds, since, until)
    headlines, statuses, conflicts = compare(before, after, eve, until)
    claims = _new_claims(seeds, set(sources["source_id"]))
    movements = claims[claims["kind"].isin(MOVEMENT_KINDS)].reset_index(drop=True)
    return Changes(since, until, sources, claims, headlines, statuses, conflicts, LEARNED, movements)


def published_on(source: Any) -> dt.date:
    """The day a report counts from in the story: its publication date (else when it was read)."""
    return source.available_from


def story_default_window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The 30 days up to the as-of date, both included."""
    return as_of - dt.timedelta(days=STORY_DEFAULT_DAYS - 1), as_of


def story_between(seeds: SeedData, since: dt.date, until: dt.date) -> Changes:
    """What the story did from ``since`` to ``until`` (both included), by publication date.

    The view at the end of the day before ``since`` is compared with the view at ``until``;
    reports published after ``until`` are never read, so the answer is the same whenever it is
    asked. Any dates work, including ones before the tracker kept its own history.
    """
    if since > until:
        since, until = until, since
    eve = since - dt.timedelta(days=1)
    sources = _new_sources(seeds, since, until, day_of=published_on)
    claims = _new_claims(seeds, set(sources["source_id"]))
    headlines, statuses, conflicts = compare(seeds, seeds, eve, until)
    movements = claims[claims["kind"].isin(MOVEMENT_KINDS)].reset_index(drop=True)
    return Changes(since, until, sources, claims, headlines, statuses, conflicts, STORY, movements)


def with_confidence(seeds: SeedData, claim_filter: ClaimFilter | None) -> SeedData:
    """The seeds with only the claims the filter's confidence choice admits (its as-of date is
    not used here): the same claims a page's frames would start from, so both counts agree."""
    if claim_filter is None or not (claim_filter.exclude_low_confidence or claim_filter.exclude_anonymous):
        return seeds
    confidence = ClaimFilter(None, claim_filter.exclude_low_confidence, claim_filter.exclude_anonymous)
    return dataclasses.replace(seeds, claims=[r for r in seeds.claims if confidence.admits(r, seeds)])


def changes_for(
    seeds: SeedData, mode: str, since: dt.date, until: dt.date, claim_filter: ClaimFilter | None = None
) -> Changes:
    """One entry for both ways of telling it (the page and the API call this); ``claim_filter``
    brings the view's confidence choice (hide low confidence, named and official only)."""
    seeds = with_confidence(seeds, claim_filter)
    if mode == STORY:
        return story_between(seeds, since, until)
    if mode == LEARNED:
        return changes_between(seeds, since, until)
    raise ValueError(f"unknown mode {mode!r}: use {STORY!r} or {LEARNED!r}")


@dataclass(frozen=True)
class _State:
    """What a reader saw at the end of one day: headline figures, statuses, open disagreements."""

    headlines: dict[str, dict]
    statuses: dict[tuple[str, str], dict]
    conflicts: Conflicts


def _state_at(seeds: SeedData, as_of: dt.date) -> _State:
    return _State(_headline_table(seeds, as_of), _latest_statuses(seeds, as_of), _open_conflicts(seeds, as_of))


def story_days(seeds: SeedData, limit: int | None = None) -> list[Changes]:
    """What the story did on each day a report was published, newest first (the feed's entries).

    The same diff as ``story_between(seeds, day, day)``, with each day's view built once: the
    view on the eve of a report day is the view at the previous report day, since nothing was
    published in between (a test checks the two agree). ``limit`` keeps only the newest days.
    """
    days = sorted({published_on(s) for s in seeds.sources.values()})
    days = days[-limit:] if limit else days
    out: list[Changes] = []
    previous: _State | None = None
    for day in days:
        eve = day - dt.timedelta(days=1)
        old = previous if previous is not None else _state_at(seeds, eve)
        new = _state_at(seeds, day)
        sources = _new_sources(seeds, day, day, day_of=published_on)
        claims = _new_claims(seeds, set(sources["source_id"]))
        headlines = _diff_headlines(old.headlines, new.headlines)
        statuses, conflicts = _diff_statuses(old.statuses, new.statuses), _diff_conflicts(old.conflicts, new.conflicts)
        movements = claims[claims["kind"].isin(MOVEMENT_KINDS)].reset_index(drop=True)
        out.append(Changes(day, day, sources, claims, headlines, statuses, conflicts, STORY, movements))
        previous = new
    return out[::-1]
