"""Where each link parameter's options come from: ``{id: label}`` per parameter, from the seeds
at the view's claim filter. Pure (no streamlit): the pages' controls, the link reader and the
views all call these, so a link, a control and a slide always agree on what a value means.

Links carry short stable ids (``lanes=nvidia``, ``conflict=c1``); the labels older links carried
("Nvidia", "C1, C17 · cn-first-batch-chips", the long display name) are still read as aliases.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from components.conflict_names import names_by_group
from components.labels import KINDS
from components.state import CONFIDENCE_OPTIONS, Bounds
from data.frames import ClaimFilter, build_buyer_quantities_frame, build_claims_frame, build_conflicts_frame
from data.load import SeedData
from data.scenario import defaults_at
from data.vocabulary import LANES, SPEC_METRICS, buyer_ids

WINDOWS = {"recent": "Since Nov 2025", "all": "All dates"}
TABS = {"Claims": "Claims", "Conflicts": "Conflicts"}
COMPOSED = "my-briefing"
_TAGS = re.compile(r"C\d+(, C\d+)*")


def confidence(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return CONFIDENCE_OPTIONS


def buyers(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    """Every organisation that counts as a buyer, by id."""
    return {b: seeds.organisations[b].name for b in buyer_ids(seeds.organisations.values())}


def lanes(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return LANES


def kinds(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return KINDS


def windows(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return WINDOWS


def whats_new_modes(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return {"story": "What the story did", "learned": "What the tracker learned"}


def inbox_views(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return {"New": "New", "Decided": "Decided", "All": "All"}


def tabs(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return TABS


def metrics(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    return {m.id: m.label for m in SPEC_METRICS}


def briefings(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    """Briefings pinned by the as-of date (a later one would tell the future), and your own."""
    as_of = claim_filter.as_of
    shown = {k: b.title for k, b in seeds.briefings.items() if as_of is None or b.as_of <= as_of}
    return {**shown, COMPOSED: "My briefing (yours, this session)"}


def scenario_bounds(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, Bounds]:
    """Each scenario input's range and its cited default at the as-of date."""
    if not seeds.scenarios or claim_filter.as_of is None:
        return {p.id: Bounds(float(p.min), float(p.max), float(p.default)) for p in seeds.scenarios.values()}
    readings = defaults_at(seeds.scenarios, seeds, claim_filter.as_of)
    return {p.id: Bounds(float(p.min), float(p.max), readings[p.id].value) for p in seeds.scenarios.values()}


def group_members(seeds: SeedData, claim_filter: ClaimFilter) -> list[str]:
    """The firms of the group figure (the first batch reported for three firms together)."""
    quantities = build_buyer_quantities_frame(seeds, claim_filter)
    group = quantities[quantities["is_group"]]
    return list(group["group_members"].iloc[0]) if not group.empty else []


def share_bounds(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, Bounds]:
    """A percentage per group member; equal shares by default."""
    members = group_members(seeds, claim_filter)
    return {m: Bounds(0, 100, round(100 / len(members))) for m in members}


# --------------------------------------------------------------------------- conflicts


def conflict_frame(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    """The conflicts frame with each claim's product (for names) and a short stable ``conflict_id``."""
    claims = build_claims_frame(seeds, claim_filter)
    conflicts = build_conflicts_frame(seeds, claim_filter).merge(
        claims[["claim_id", "product"]].drop_duplicates("claim_id"), on="claim_id", how="left"
    )
    ids = conflict_ids(conflicts)
    return conflicts.assign(conflict_id=conflicts["group"].map(ids).astype(object))


def conflict_ids(conflicts: pd.DataFrame) -> dict[object, str]:
    """One short id per conflict group: its fact-base tags (``c1-c17``), else its first metric,
    else its earliest claim; never the group number, which moves with the as-of date."""
    out: dict[object, str] = {}
    for group, rows in conflicts.groupby("group", sort=False):
        topic = str(rows["topic"].iloc[0])
        head = topic.split(" · ", 1)[0]
        if _TAGS.fullmatch(head):
            base = "-".join(tag.strip().lower() for tag in head.split(","))
        else:
            tail = topic.split(" · ", 1)[-1].split(",")[0].strip()
            base = tail if re.fullmatch(r"[a-z0-9-]+", tail) else str(rows.sort_values("date")["claim_id"].iloc[0])
        key, n = base, 2
        while key in out.values():
            key, n = f"{base}-{n}", n + 1
        out[group] = key
    return out


def conflicts(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    """``{conflict id: plain name}`` at the filter, widest-named first as the page lists them."""
    frame = conflict_frame(seeds, claim_filter)
    if frame.empty:
        return {}
    names = names_by_group(frame)
    ids = frame.drop_duplicates("group").set_index("group")["conflict_id"]
    return {str(ids[g]): name for g, name in names.items()}


def conflict_aliases(seeds: SeedData, claim_filter: ClaimFilter) -> Mapping[str, str]:
    """Old spellings of each conflict: its codes ("C1, C17 · cn-first-batch-chips") and every
    fact-base tag it carries (``c17``, ``C17``)."""
    frame = conflict_frame(seeds, claim_filter)
    out: dict[str, str] = {}
    for topic, rows in frame.groupby("topic", sort=False):
        cid = str(rows["conflict_id"].iloc[0])
        out[str(topic)] = cid
        head = str(topic).split(" · ", 1)[0]
        if _TAGS.fullmatch(head):
            for tag in head.split(","):
                out.setdefault(tag.strip(), cid)
                out.setdefault(tag.strip().lower(), cid)
    return out
