"""What loading ``seeds/`` produces: the validated records and every problem and warning found."""

from __future__ import annotations

from dataclasses import dataclass, field

from data.models import (
    Briefing,
    Chip,
    Claim,
    Coverage,
    LexiconEntry,
    Metric,
    Organisation,
    Publisher,
    ScenarioParameter,
    Source,
    Threshold,
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a second look) in the seeds, phrased for the person who edits the file."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class ClaimRecord:
    """A validated claim with where it came from."""

    claim: Claim
    source_id: str
    file: str
    line: int


@dataclass
class SeedData:
    """Everything that loaded, plus every problem (data dropped or wrong) and warning (data kept)."""

    sources: dict[str, Source] = field(default_factory=dict)
    claims: list[ClaimRecord] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    chips: dict[str, Chip] = field(default_factory=dict)
    thresholds: list[Threshold] = field(default_factory=list)
    lexicon: dict[str, LexiconEntry] = field(default_factory=dict)
    scenarios: dict[str, ScenarioParameter] = field(default_factory=dict)
    coverage: Coverage | None = None
    briefings: dict[str, Briefing] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    publishers: dict[str, Publisher] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files_read: int = 0

    def claims_by_id(self) -> dict[str, ClaimRecord]:
        return {record.claim.id: record for record in self.claims}

    def summary_line(self) -> str:
        return (
            f"OK: {len(self.sources)} sources, {len(self.claims)} claims, "
            f"{len(self.organisations)} organisations, {len(self.chips)} chips"
        )
