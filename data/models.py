"""The seed schema: what a source file and the reference files may contain.

Validated once at the edge (see ``data.load``). Unknown keys are errors so that a typo in a
seed file is reported instead of silently dropped. Cross-file checks (does this organisation id
exist? does ``contradicts`` point somewhere?) live in ``data.checks`` because they need every
file. The closed vocabularies (kinds, statuses, stages, units) are in ``data.vocabulary``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from data.vocabulary import (  # noqa: F401  (re-exported: data.models.* is the public schema)
    UNITS,
    AttributionType,
    Basis,
    Bound,
    ClaimKind,
    Confidence,
    DateBasis,
    DatePrecision,
    MetricKind,
    OrganisationKind,
    Side,
    SourceDatePrecision,
    SourceKind,
    Stage,
    Status,
    Unit,
    UrlMissing,
)

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
FISCAL_PERIOD_PATTERN = r"^((Q[1-4]|H[12]) )?FY\d{4}$"


class Strict(BaseModel):
    """Base: unknown keys are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Outlet(Strict):
    """Another outlet carrying (syndicating or re-reporting) the same story."""

    outlet: str = Field(min_length=1)
    url: str | None = None
    published: dt.date | None = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        return _check_url(value)


def _check_url(value: str | None) -> str | None:
    if value is None:
        return value
    if not re.match(r"^https?://[^\s<>\"']+$", value):
        raise ValueError("must be an http(s) URL without spaces or quotes")
    return value


class Source(Strict):
    """One source document: its citation. Its claims sit next to it in the same file."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3, max_length=300)
    publisher: str = Field(min_length=1)
    byline: str | None = None
    undated: bool = Field(default=False, description="the document carries no date; it counts from accessed")
    published: dt.date | None = Field(default=None, validate_default=True)
    date_precision: SourceDatePrecision = "day"
    url: str | None = None
    url_missing: UrlMissing | None = Field(default=None, description="why there is no url")
    kind: SourceKind
    origin: str | None = Field(default=None, description="wire service or outlet the story originally came from")
    carried_by: list[Outlet] = Field(default_factory=list)
    accessed: dt.date
    reliability: str = Field(min_length=3, max_length=600)
    confidence: Confidence
    seed_report: bool = False
    added: dt.date | None = Field(default=None, description="when the tracker learned of the document")

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str | None) -> str | None:
        return _check_url(value)

    @field_validator("published")
    @classmethod
    def _dated_or_undated(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        # ``undated`` is declared first so it is known here; both errors land on ``published``.
        undated = info.data.get("undated")
        if undated is True and value is not None:
            raise ValueError("must be null when undated is true (a page with no date counts from accessed)")
        if undated is False and value is None:
            raise ValueError("required key is missing (or set undated: true for a page with no date)")
        return value

    @property
    def available_from(self) -> dt.date:
        """The date from which the document counts: its publication date, else when it was read."""
        return self.published if self.published is not None else self.accessed

    @property
    def origin_key(self) -> str:
        """What counts as one independent origin when corroborating."""
        return (self.origin or self.publisher).strip().lower()


class Quantity(Strict):
    """A reported figure: either one value or a low/high pair, or only a vague wording."""

    metric: str = Field(pattern=ID_PATTERN, description="which quantity this is, for reconcile")
    applies_to: list[str] = Field(default_factory=list, description="organisation ids; several = a group figure")
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: Unit
    bound: Bound
    wording: str | None = Field(default=None, description="the figure as reported, verbatim")
    basis: Basis = Field(default="reported", description="reported by the source, or worked out / assumed by us")
    formula: str | None = Field(default=None, description="the arithmetic in words, for derived or assumed values")
    derived_from: list[str] = Field(default_factory=list, description="claim ids or lexicon:<wording>")

    @model_validator(mode="after")
    def _consistent(self) -> Quantity:
        for name in ("value", "low", "high"):
            number = getattr(self, name)
            if number is not None and (number != number or number in (float("inf"), -float("inf"))):
                raise ValueError(f"{name} must be a finite number")
            if number is not None and number < 0:
                raise ValueError(f"{name} must not be negative")
            if number is not None and number > 1e13:
                raise ValueError(f"{name} is implausibly large ({number:g})")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either value or low/high, not both")
        if self.bound == "range" and self.value is not None:
            raise ValueError("bound 'range' needs low/high, not value")
        if self.value is None and self.low is None and self.high is None and not self.wording:
            raise ValueError("a quantity needs a value, low/high, or a vague wording")
        if self.bound == "more_than" and self.low is None:
            raise ValueError("bound 'more_than' needs low (the number it is more than)")
        if self.bound == "less_than" and self.high is None:
            raise ValueError("bound 'less_than' needs high (the number it is below)")
        if self.basis != "reported" and not self.formula:
            raise ValueError(f"basis '{self.basis}' needs a formula: the arithmetic in words")
        return self


class Attribution(Strict):
    """How the source attributes the claim."""

    type: AttributionType
    sources_cited: int | None = Field(default=None, ge=0, le=100)
    person: str | None = None
    note: str | None = None


class Claim(Strict):
    """One thing a source says, in the project's own words."""

    id: str = Field(pattern=ID_PATTERN)
    kind: ClaimKind
    date: dt.date
    date_precision: DatePrecision = "day"
    date_basis: DateBasis = "event"
    actors: list[str] = Field(default_factory=list)
    product: str | None = None
    side: Side
    status: Status | None = None
    stage: Stage | None = None
    quantity: Quantity | None = None
    attribution: Attribution
    confidence: Confidence | None = Field(default=None, description="defaults to the source's confidence")
    label: str | None = Field(default=None, max_length=80, description="short chart annotation")
    summary: str = Field(min_length=10, max_length=700)
    locator: str | None = None
    contradicts: list[str] = Field(default_factory=list)
    supersedes: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    fiscal_period: str | None = Field(
        default=None,
        pattern=FISCAL_PERIOD_PATTERN,
        description="the company's reporting period a filed figure covers, e.g. 'Q2 FY2027' or 'H1 FY2027'",
    )


class Organisation(Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    kind: OrganisationKind
    country: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    lane: Literal["us_government", "china_regulators", "nvidia", "buyers", "others"]


class Publisher(Strict):
    """An outlet and the web domains that are its own: a source link elsewhere is a mirror ("via")."""

    name: str = Field(min_length=1, description="as sources spell it in publisher or origin")
    domains: list[str] = Field(min_length=1, description="host names without www., e.g. reuters.com")


class SpecValue(Strict):
    """One chip figure. Estimates (e.g. Huawei, which publishes no datasheet) may be ranges."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    estimate: bool = False
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> SpecValue:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give value, or both low and high")
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either value or low/high, not both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self


SpecMetric = Literal["memory_gb", "bandwidth_tb_s", "fp16_dense_tflops", "fp8_dense_tflops", "tpp", "power_w"]


class Chip(Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str
    vendor: str = Field(description="organisation id")
    architecture: str | None = None
    china_status: str | None = Field(default=None, max_length=120)
    specs: dict[SpecMetric, SpecValue] = Field(default_factory=dict)


class Threshold(Strict):
    metric: SpecMetric
    value: float
    label: str
    sources: list[str] = Field(min_length=1)


class LexiconEntry(Strict):
    wording: str = Field(min_length=2)
    aliases: list[str] = Field(default_factory=list)
    low: float = Field(ge=0)
    high: float = Field(ge=0)
    rationale: str = Field(min_length=5)

    @model_validator(mode="after")
    def _ordered(self) -> LexiconEntry:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self


class ScenarioDefault(Strict):
    """An earlier default of a scenario input: what the reports said before the newest one."""

    default: float
    bound: Bound = Field("exact", description="the cited figure's bound: 'more than 2 million' is more_than")
    basis: str = Field(min_length=5, description="why this default, in words, true on its date")
    sources: list[str] = Field(default_factory=list, description="empty: holds before any report")


class ScenarioParameter(Strict):
    """A scenario input. ``default``/``basis``/``sources`` are the newest reading; ``history``
    holds earlier ones (oldest first), so at an earlier as-of date the page uses what had been
    reported by then."""

    id: str = Field(pattern=ID_PATTERN)
    label: str
    default: float
    bound: Bound = Field("exact", description="the cited figure's bound, kept by a bar drawn at the default")
    min: float
    max: float
    step: float = Field(gt=0)
    unit: str
    basis: str = Field(min_length=5, description="why this default, in words")
    sources: list[str] = Field(default_factory=list)
    history: list[ScenarioDefault] = Field(default_factory=list)

    @model_validator(mode="after")
    def _in_range(self) -> ScenarioParameter:
        for value in [self.default, *(h.default for h in self.history)]:
            if not self.min <= value <= self.max:
                raise ValueError(f"default {value:g} is outside {self.min:g}..{self.max:g}")
        return self


class Metric(Strict):
    """One declared quantity: claims with the same metric (and applies_to) are reconciled."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=3, max_length=80)
    short_label: str | None = Field(default=None, min_length=2, max_length=40, description="for axes, legends, slides")
    unit: Unit
    kind: MetricKind
    description: str = Field(min_length=10, max_length=400)
    point_in_time: bool = Field(
        default=False,
        description="a count that changes over time: readings at different dates are history, not a dispute",
    )
    limit: bool = Field(
        default=False,
        description="the figure is a limit's level: 'up to 75,000 each' is a cap of 75,000, so two levels disagree",
    )


class Coverage(Strict):
    """What the seed data covers: shown on every page so nobody mistakes it for live news.

    The coverage end is derived from the newest dated report; ``compiled`` and ``coverage_end``
    are still accepted (and ignored by the loader) for one round so older files load.
    """

    compiled: dt.date | None = None
    coverage_end: dt.date | None = None
    note: str
    open_questions: list[str] = Field(default_factory=list)


ParamValue = str | float | bool | list[str]


class BriefingStep(Strict):
    """One slide of a briefing: a page, the view state to open it in, and one line to say."""

    page: str = Field(pattern=ID_PATTERN, description="page id from components/registry.py")
    caption: str = Field(min_length=5, max_length=240)
    params: dict[str, ParamValue] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)


class Briefing(Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    as_of: dt.date = Field(description="pinned so the briefing tells the same story after new reports")
    steps: list[BriefingStep] = Field(min_length=1)


class BriefingFile(Strict):
    briefing: Briefing
