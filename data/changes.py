"""What changed in the tracker between two dates, or between two versions of the seeds.

Pure (no streamlit). The "What's new" page and the "Add a report" preview share it:

- ``changes_between(seeds, since, until)``: what the tracker learned from ``since`` to ``until``
  (both days included). A source counts from the day it was ``added``; sources recorded before
  the tracker kept that date count from their publication date.
- ``compare(before, after, ...)``: headline figures, statuses per buyer and stage, and conflicts,
  between two snapshots (the preview passes the seeds without and with a draft).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data.frames import ALL_BUYERS, ClaimFilter, build_approvals_frame, build_estimates_frame
from data.frames.claims import select_claims
from data.frames.conflicts import conflict_groups, topic_of
from data.headlines import KPI_KEYS, pick_headlines
from data.load import SeedData
from data.reconcile import live_claims
from data.vocabulary import STAGE_LABELS

DEFAULT_DAYS = 7
HEADLINE_COLUMNS = ["key", "title", "unit", "before", "before_bound", "after", "after_bound", "change"]
STATUS_COLUMNS = ["buyer", "side", "stage", "before", "after", "date", "claim_id", "summary", "source_id"]
CONFLICT_COLUMNS = ["topic", "change", "claims", "about", "claim_ids"]


def known_since(source: object) -> dt.date:
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
    """Everything the "What's new" page shows, as plain frames (empty frames keep their columns)."""

    since: dt.date
    until: dt.date
    new_sources: pd.DataFrame
    new_claims: pd.DataFrame
    headlines: pd.DataFrame
    statuses: pd.DataFrame
    conflicts: pd.DataFrame

    @property
    def empty(self) -> bool:
        return all(f.empty for f in (self.new_sources, self.new_claims, self.statuses, self.conflicts)) and not (
            self.headlines["change"].ne("same").any() if not self.headlines.empty else False
        )


def _new_sources(seeds: SeedData, since: dt.date, until: dt.date) -> pd.DataFrame:
    rows = []
    for source in seeds.sources.values():
        day = known_since(source)
        if since <= day <= until:
            count = sum(1 for r in seeds.claims if r.source_id == source.id)
            rows.append(
                {
                    "added": day,
                    "published": source.published,
                    "publisher": source.publisher,
                    "title": source.title,
                    "claims": count,
                    "url": source.url,
                    "source_id": source.id,
                    "added_recorded": source.added is not None,
                }
            )
    columns = ["added", "published", "publisher", "title", "claims", "url", "source_id", "added_recorded"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["added", "published"], ascending=False).reset_index(drop=True)


def _new_claims(seeds: SeedData, source_ids: set[str]) -> pd.DataFrame:
    rows = [
        {
            "date": r.claim.date,
            "kind": r.claim.kind,
            "summary": r.claim.summary,
            "publisher": seeds.sources[r.source_id].publisher,
            "claim_id": r.claim.id,
            "source_id": r.source_id,
        }
        for r in seeds.claims
        if r.source_id in source_ids
    ]
    frame = pd.DataFrame(rows, columns=["date", "kind", "summary", "publisher", "claim_id", "source_id"])
    return frame.sort_values("date", ascending=False).reset_index(drop=True)


def _headline_table(seeds: SeedData, as_of: dt.date | None) -> dict[str, dict]:
    picked = pick_headlines(build_estimates_frame(seeds, ClaimFilter(as_of=as_of)), KPI_KEYS)
    return {} if picked.empty else {row["key"]: row for row in picked.to_dict("records")}


def headline_changes(
    before: SeedData, after: SeedData, before_as_of: dt.date | None, after_as_of: dt.date | None
) -> pd.DataFrame:
    """One row per headline figure shown on the overview, before and after, and what happened to it."""
    old, new = _headline_table(before, before_as_of), _headline_table(after, after_as_of)
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
            # a report that joins with a different figure is a disagreement, not "the same figure"
            spread = (row_a.get("low"), row_a.get("high")) != (row_b.get("low"), row_b.get("high"))
            change = "disputed" if row_b.get("conflict") and (spread or not row_a.get("conflict")) else "more reports"
        else:
            change = "same"
        rows.append(
            {
                "key": key,
                "title": (b or a)["title"],
                "unit": (b or a)["unit"],
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
    old, new = _latest_statuses(before, before_as_of), _latest_statuses(after, after_as_of)
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
    """Conflict groups with at least two live (not superseded) claims: topic, claim ids, latest summary."""
    records = select_claims(seeds, ClaimFilter(as_of=as_of))
    live = {r.claim.id for r in live_claims(records)}
    out = []
    for members in conflict_groups(records):
        ids = {m.claim.id for m in members} & live
        if len(ids) >= 2:
            out.append((topic_of(members), ids, members[-1].claim.summary))
    return out


def conflict_changes(
    before: SeedData, after: SeedData, before_as_of: dt.date | None, after_as_of: dt.date | None
) -> pd.DataFrame:
    """Disagreements opened, widened (new claims joined) or resolved between the two snapshots.

    Groups are matched by the claims they share, not by name: a group that absorbs another is
    "widened", not one opened and one resolved.
    """
    old, new = _open_conflicts(before, before_as_of), _open_conflicts(after, after_as_of)
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
    return Changes(since, until, sources, _new_claims(seeds, set(sources["source_id"])), headlines, statuses, conflicts)
