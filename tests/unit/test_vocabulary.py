"""The vocabulary is defined once and agrees with the schema and the seeds: a metric id that the
code relies on but no seed uses (a typo) fails here instead of silently dropping data."""

from __future__ import annotations

import typing

from data import models, vocabulary


def test_every_metric_the_code_relies_on_is_used_by_a_seed(real_seeds) -> None:
    used = {r.claim.quantity.metric for r in real_seeds.claims if r.claim.quantity}
    assert vocabulary.CODE_METRICS - used == set()


def test_a_typo_in_a_code_metric_would_be_caught(real_seeds) -> None:
    used = {r.claim.quantity.metric for r in real_seeds.claims if r.claim.quantity}
    assert "us-buyer-licence-cap" not in used  # the old typo: the check above would fail on it


def test_stages_match_the_schema() -> None:
    assert [s.id for s in vocabulary.STAGES] == list(typing.get_args(models.Stage))
    assert set(vocabulary.US_STAGES) | set(vocabulary.CN_STAGES) == set(typing.get_args(models.Stage))
    assert all(vocabulary.stage_side(s) == ("US" if s.startswith("us_") else "China") for s in vocabulary.US_STAGES)


def test_spec_metrics_match_the_schema() -> None:
    assert [m.id for m in vocabulary.SPEC_METRICS] == list(typing.get_args(models.SpecMetric))


def test_lanes_match_the_schema() -> None:
    lane = typing.get_type_hints(models.Organisation)["lane"]
    assert list(vocabulary.LANES) == list(typing.get_args(lane))
