"""The schema additions: undated sources, available_from, strict bounds, derived quantities,
metrics, optional coverage dates, did-you-mean, and problems printed before warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

import data.suggest as suggest
from data.frames import ClaimFilter, latest_report_date, select_claims
from data.load import load_seeds
from data.models import Coverage, Quantity, Source
from data.validate import main as validate_main

BASE_SOURCE = {
    "id": "x",
    "title": "A story",
    "publisher": "Wire",
    "kind": "wire",
    "accessed": "2026-06-20",
    "reliability": "Made up.",
    "confidence": "low",
}

UNDATED = """source:
  id: spec-page-undated
  title: An undated spec page
  publisher: Some Site
  undated: true
  published: null
  url: null
  url_missing: not found
  kind: other
  accessed: 2026-03-01
  reliability: A page with no date.
  confidence: low
claims:
  - id: u.spec
    kind: spec
    date: 2026-03-01
    date_basis: reported
    side: other
    attribution: {type: media_analysis}
    summary: The page lists a memory size for a test.
"""


def test_undated_source_counts_from_accessed() -> None:
    source = Source.model_validate({**BASE_SOURCE, "undated": True, "published": None})
    assert source.published is None
    assert source.available_from == dt.date(2026, 6, 20)
    dated = Source.model_validate({**BASE_SOURCE, "published": "2026-02-01", "date_precision": "month"})
    assert dated.available_from == dt.date(2026, 2, 1)
    assert dated.date_precision == "month" and dated.url_missing is None and dated.added is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"undated": True, "published": "2026-01-01"}, "must be null when undated is true"),
        ({}, "required key is missing (or set undated: true"),
        ({"published": None}, "required key is missing (or set undated: true"),
        ({"published": "2026-01-01", "date_precision": "week"}, "Input should be 'day', 'month', 'quarter' or 'year'"),
        ({"published": "2026-01-01", "url_missing": "lost"}, "Input should be 'print edition'"),
    ],
)
def test_source_date_rules(extra: dict, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        Source.model_validate({**BASE_SOURCE, **extra})
    assert message in str(error.value)


def test_undated_file_loads_and_never_counts_as_newest(seed_dir: Path) -> None:
    (seed_dir / "sources" / "spec-page-undated.yaml").write_text(UNDATED)
    seeds = load_seeds(seed_dir)
    assert seeds.problems == [] and seeds.warnings == []
    assert latest_report_date(seeds) == dt.date(2026, 2, 1)  # the undated page (accessed 1 Mar) is ignored
    ids = {r.claim.id for r in select_claims(seeds, ClaimFilter(as_of=dt.date(2026, 2, 28)))}
    assert "u.spec" not in ids
    ids = {r.claim.id for r in select_claims(seeds, ClaimFilter(as_of=dt.date(2026, 3, 1)))}
    assert "u.spec" in ids


def test_strict_bounds_and_basis() -> None:
    more = Quantity(metric="m", low=200000, unit="chips", bound="more_than", wording="more than 200,000")
    less = Quantity(metric="m", high=21000, unit="tpp", bound="less_than")
    assert (more.basis, less.basis, more.formula, more.derived_from) == ("reported", "reported", None, [])
    derived = Quantity(
        metric="m", value=750000, unit="chips", bound="approx", basis="derived", formula="10 firms x 75,000"
    )
    assert derived.formula == "10 firms x 75,000"
    with pytest.raises(ValidationError, match="bound 'more_than' needs low"):
        Quantity(metric="m", value=5, unit="chips", bound="more_than")
    with pytest.raises(ValidationError, match="basis 'assumed' needs a formula"):
        Quantity(metric="m", value=5, unit="chips", bound="approx", basis="assumed")


def test_coverage_dates_are_optional() -> None:
    assert Coverage.model_validate({"note": "Covers the test period."}).coverage_end is None


def test_metric_fixture_is_loaded(small_seeds) -> None:
    assert set(small_seeds.metrics) == {"cn-h200-orders", "cn-first-batch-chips", "us-per-customer-cap"}
    assert small_seeds.metrics["cn-h200-orders"].unit == "chips"


def test_did_you_mean_without_rapidfuzz(monkeypatch: pytest.MonkeyPatch) -> None:
    candidates = [("huawei", "huawei"), ("huawei", "Huawei Technologies"), ("bis", "Bureau of Industry and Security")]
    with_rapidfuzz = suggest.did_you_mean("huawai", candidates)
    monkeypatch.setattr(suggest, "process", None)
    assert suggest.did_you_mean("huawai", candidates) == with_rapidfuzz == " — did you mean 'huawei'?"
    assert suggest.did_you_mean("bureau of industry & security", candidates) == (
        " — did you mean 'bis' (Bureau of Industry and Security)?"
    )
    assert suggest.did_you_mean("completely-different", candidates) == ""


def test_unknown_chip_suggests_by_name(seed_dir: Path) -> None:
    path = seed_dir / "sources" / "2026-01-10-wire-alpha.yaml"
    path.write_text(path.read_text().replace("product: h200\n    side: US", "product: nvidia-h2000\n    side: US"))
    assert [str(p) for p in load_seeds(seed_dir).problems] == [
        "seeds/sources/2026-01-10-wire-alpha.yaml:38: claims.product (claim a.rule): "
        "unknown chip id 'nvidia-h2000' — did you mean 'h200' (Nvidia H200)?"
    ]


def test_validate_prints_problems_then_warnings(seed_dir: Path, capsys: pytest.CaptureFixture) -> None:
    beta = seed_dir / "sources" / "2026-02-01-paper-beta.yaml"
    beta.write_text(beta.read_text().replace("  url_missing: print edition\n", ""))
    alpha = seed_dir / "sources" / "2026-01-10-wire-alpha.yaml"
    alpha.write_text(alpha.read_text().replace("actors: [bis]", "actors: [bsi]"))
    assert validate_main([str(seed_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("seeds/sources/2026-01-10-wire-alpha.yaml:38: claims.actors (claim a.rule): unknown")
    assert out[1].startswith(
        "warning: seeds/sources/2026-02-01-paper-beta.yaml:6: source.url: no url and no url_missing"
    )
    assert out[2] == "FAILED: " + str(seed_dir) + ": 1 problems, 1 warnings"


def test_off_timeline_claims_stay_out_of_events_only(seed_dir: Path) -> None:
    from data.frames import build_claims_frame, build_events_frame

    path = seed_dir / "sources" / "2026-01-10-wire-alpha.yaml"
    path.write_text(
        path.read_text().replace(
            "summary: The US rule took effect", "tags: [off-timeline]\n    summary: The US rule took effect"
        )
    )
    seeds = load_seeds(seed_dir)
    assert seeds.problems == []
    assert "a.rule" not in set(build_events_frame(seeds)["claim_id"])
    assert "a.rule" in set(build_claims_frame(seeds)["claim_id"])


def test_did_you_mean_matches_a_word_more_or_less() -> None:
    candidates = [("nvidia", "nvidia"), ("nvidia", "Nvidia"), ("tencent", "Tencent"), ("us-commerce", "us-commerce")]
    assert suggest.did_you_mean("nvidia corp", candidates) == " — did you mean 'nvidia'?"
    assert suggest.did_you_mean("tencent-holdings", candidates) == " — did you mean 'tencent'?"
    assert suggest.did_you_mean("us", candidates) == ""  # too short to guess from one shared word


def test_a_metric_is_declared_once_with_a_known_unit(seed_dir: Path) -> None:
    path = seed_dir / "reference" / "metrics.yaml"
    path.write_text(
        path.read_text()
        + "  - {id: cn-h200-orders, label: Again, unit: chips, kind: volume, description: Declared a second time.}\n"
        + "  - {id: odd-metric, label: Odd one, unit: bananas, kind: volume, description: A unit nobody knows.}\n"
    )
    problems = sorted(str(p) for p in load_seeds(seed_dir).problems)
    assert problems[0] == "seeds/reference/metrics.yaml:5: id: duplicate metric 'cn-h200-orders'"
    assert problems[1].startswith("seeds/reference/metrics.yaml:6: metrics[4].unit: Input should be 'chips'")
    assert len(problems) == 2
