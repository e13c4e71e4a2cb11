"""seeds/reference/metrics.yaml and the claims agree: every metric a claim uses is declared
once, and every declared metric is used (a metric nobody cites is a leftover or a typo)."""

from __future__ import annotations

from pathlib import Path

import yaml

from data.models import UNITS

ROOT = Path(__file__).resolve().parents[2]
METRICS = ROOT / "seeds" / "reference" / "metrics.yaml"


def test_every_used_metric_is_declared_and_every_declared_metric_is_used(real_seeds) -> None:
    used = {r.claim.quantity.metric for r in real_seeds.claims if r.claim.quantity is not None}
    declared = set(real_seeds.metrics)
    assert sorted(used - declared) == [], "used in claims but not declared in metrics.yaml"
    assert sorted(declared - used) == [], "declared in metrics.yaml but used by no claim"


def test_each_metric_is_declared_once_in_plain_words() -> None:
    entries = yaml.safe_load(METRICS.read_text(encoding="utf-8"))["metrics"]
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        assert entry["unit"] in UNITS, entry["id"]
        assert "_" not in entry["label"] and len(entry["description"].split()) >= 5, entry["id"]


def test_metric_file_loads_without_problems(real_seeds) -> None:
    assert not [str(p) for p in real_seeds.problems if "metrics.yaml" in p.file]
    assert len(real_seeds.metrics) >= 100


def test_real_seeds_have_no_unit_stage_or_date_warnings(real_seeds) -> None:
    """Units fit their metrics, stages fit their sides, file names match dates, nothing is in the future."""
    wrong = [
        w
        for w in real_seeds.warnings
        if any(
            phrase in w
            for phrase in ("does not fit metric", "is a US step", "is a China step", "file name", "after today")
        )
    ]
    assert wrong == []
