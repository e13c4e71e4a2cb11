"""docs/seed-format.md keeps up with the schema: every closed value is documented, and the
examples in it validate against the models."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import get_args

import pytest
import yaml

from data.models import Claim, Quantity, Source
from data.vocabulary import Bound, Side, SourceDatePrecision, Stage, Status, Unit, UrlMissing

DOC = (Path(__file__).resolve().parents[2] / "docs" / "seed-format.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC, flags=re.DOTALL)


@pytest.mark.parametrize("vocabulary", [Unit, Status, Stage, Bound, UrlMissing, SourceDatePrecision, Side])
def test_every_value_is_documented(vocabulary) -> None:
    missing = [value for value in get_args(vocabulary) if value not in DOC]
    assert missing == []


def test_special_tags_and_rules_are_documented() -> None:
    for phrase in ("`off-timeline`", "`annotate`", "`key-moment`", "carried_by", "supersedes", "--strict"):
        assert phrase in DOC


def test_examples_validate() -> None:
    source_block = next(b for b in BLOCKS if b.startswith("source:"))
    Source.model_validate(yaml.safe_load(source_block)["source"])
    claim_block = next(b for b in BLOCKS if b.startswith("claims:"))
    Claim.model_validate(yaml.safe_load(claim_block)["claims"][0])
    derived = next(b for b in BLOCKS if "basis: derived" in b)
    assert Quantity.model_validate(yaml.safe_load(textwrap.dedent(derived))["quantity"]).basis == "derived"
