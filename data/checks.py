"""Cross-file checks: does every id a claim or reference item names exist?

These need every file loaded, so they run after parsing. Unknown ids come with a
"did you mean …?" matched against ids, names and aliases. A claim citing an unknown id still
says something true about its source, so it is kept; the problem is reported.
"""

from __future__ import annotations

from collections.abc import Iterable

from data.lexicon import lookup
from data.seed_data import ClaimRecord, Problem, SeedData
from data.suggest import did_you_mean

LEXICON_PREFIX = "lexicon:"
ReferenceLines = dict[tuple[str, str], tuple[str, int]]


def organisation_candidates(seeds: SeedData) -> list[tuple[str, str]]:
    """(id, text) pairs to match a mistyped organisation against: ids, names and aliases."""
    out = []
    for org in seeds.organisations.values():
        out += [(org.id, org.id), (org.id, org.name), *((org.id, alias) for alias in org.aliases)]
    return out


def chip_candidates(seeds: SeedData) -> list[tuple[str, str]]:
    return [pair for chip in seeds.chips.values() for pair in ((chip.id, chip.id), (chip.id, chip.name))]


def metric_candidates(seeds: SeedData) -> list[tuple[str, str]]:
    return [pair for metric in seeds.metrics.values() for pair in ((metric.id, metric.id), (metric.id, metric.label))]


def cross_check(seeds: SeedData, reference_lines: ReferenceLines) -> None:
    """Append a problem for every dangling reference; drop only claims with a duplicate id."""
    unique, first_seen = _unique_claims(seeds)
    orgs = organisation_candidates(seeds)
    chips = chip_candidates(seeds)
    metrics = metric_candidates(seeds)
    for record in unique:
        claim = record.claim
        errors = [
            *_unknown_orgs("actors", claim.actors, seeds, orgs),
        ]
        if claim.product is not None and claim.product not in seeds.chips:
            errors.append(("product", f"unknown chip id '{claim.product}'{did_you_mean(claim.product, chips)}"))
        if claim.quantity is not None:
            errors += _quantity_errors(record, seeds, orgs, metrics, first_seen)
        for link_field in ("contradicts", "supersedes"):
            errors += _link_errors(link_field, getattr(claim, link_field), claim.id, first_seen)
        for name, message in errors:
            seeds.problems.append(Problem(record.file, record.line, f"claims.{name} (claim {claim.id})", message))
    seeds.claims = unique
    _reference_checks(seeds, reference_lines, orgs)


def _unique_claims(seeds: SeedData) -> tuple[list[ClaimRecord], dict[str, ClaimRecord]]:
    unique: list[ClaimRecord] = []
    first_seen: dict[str, ClaimRecord] = {}
    for record in seeds.claims:
        if record.claim.id in first_seen:
            other = first_seen[record.claim.id]
            seeds.problems.append(
                Problem(
                    record.file,
                    record.line,
                    "claims.id",
                    f"duplicate claim id '{record.claim.id}' (first at {other.file}:{other.line})",
                )
            )
            continue
        first_seen[record.claim.id] = record
        unique.append(record)
    return unique, first_seen


def _unknown_orgs(
    name: str, ids: Iterable[str], seeds: SeedData, candidates: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    return [
        (name, f"unknown organisation id '{org}'{did_you_mean(org, candidates)}")
        for org in ids
        if org not in seeds.organisations
    ]


def _quantity_errors(
    record: ClaimRecord,
    seeds: SeedData,
    orgs: list[tuple[str, str]],
    metrics: list[tuple[str, str]],
    first_seen: dict[str, ClaimRecord],
) -> list[tuple[str, str]]:
    quantity = record.claim.quantity
    assert quantity is not None
    errors = _unknown_orgs("quantity.applies_to", quantity.applies_to, seeds, orgs)
    if quantity.metric not in seeds.metrics:
        hint = did_you_mean(quantity.metric, metrics)
        if hint:
            message = f"unknown metric id '{quantity.metric}'{hint}"
        else:
            message = (
                f"unknown metric id '{quantity.metric}'; a new metric must be declared once, with its unit, "
                "in seeds/reference/metrics.yaml"
            )
        errors.append(("quantity.metric", message))
    no_numbers = quantity.value is None and quantity.low is None and quantity.high is None
    if no_numbers and lookup(quantity.wording, seeds.lexicon) is None:
        errors.append(
            (
                "quantity.wording",
                f"wording '{quantity.wording}' has no numbers and is not in the lexicon (seeds/reference/lexicon.yaml)",
            )
        )
    for target in quantity.derived_from:
        if target.startswith(LEXICON_PREFIX):
            wording = target.removeprefix(LEXICON_PREFIX).strip()
            if lookup(wording, seeds.lexicon) is None:
                errors.append(
                    ("quantity.derived_from", f"'{wording}' is not in the lexicon (seeds/reference/lexicon.yaml)")
                )
        elif target not in first_seen:
            hint = did_you_mean(target, ((ident, ident) for ident in first_seen))
            errors.append(("quantity.derived_from", f"points to claim '{target}', which does not exist{hint}"))
        elif target == record.claim.id:
            errors.append(("quantity.derived_from", "a claim cannot be derived from itself"))
    return errors


def _link_errors(
    link_field: str, targets: Iterable[str], claim_id: str, first_seen: dict[str, ClaimRecord]
) -> list[tuple[str, str]]:
    errors = []
    for target in targets:
        if target not in first_seen:
            hint = did_you_mean(target, ((ident, ident) for ident in first_seen))
            errors.append((link_field, f"points to claim '{target}', which does not exist{hint}"))
        elif target == claim_id:
            errors.append((link_field, "a claim cannot refer to itself"))
    return errors


def _reference_checks(seeds: SeedData, reference_lines: ReferenceLines, orgs: list[tuple[str, str]]) -> None:
    problems = seeds.problems

    def where(kind: str, ident: str) -> tuple[str, int]:
        return reference_lines.get((kind, ident), ("seeds/reference", 1))

    def unknown_sources(file: str, line: int, name: str, sources: Iterable[str]) -> None:
        for source_id in sources:
            if source_id not in seeds.sources:
                problems.append(Problem(file, line, name, f"unknown source id '{source_id}'"))

    for chip in seeds.chips.values():
        file, line = where("Chip", chip.id)
        if chip.vendor not in seeds.organisations:
            message = f"unknown organisation id '{chip.vendor}'{did_you_mean(chip.vendor, orgs)}"
            problems.append(Problem(file, line, f"chips.{chip.id}.vendor", message))
        for metric, spec in chip.specs.items():
            unknown_sources(file, line, f"chips.{chip.id}.specs.{metric}.sources", spec.sources)
    for threshold in seeds.thresholds:
        unknown_sources("seeds/reference/chips.yaml", 1, f"thresholds.{threshold.metric}.sources", threshold.sources)
    for parameter in seeds.scenarios.values():
        file, line = where("ScenarioParameter", parameter.id)
        unknown_sources(file, line, f"parameters.{parameter.id}.sources", parameter.sources)
