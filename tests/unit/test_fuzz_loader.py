"""Random YAML through the loader: only problems come back, never an exception."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.load import load_seeds

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates().map(str),
)
keys = st.sampled_from(["source", "claims", "id", "kind", "date", "quantity", "low", "high", "summary", "actors", "x"])
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_random_documents_only_produce_problems(seed_dir: Path, document) -> None:
    path = seed_dir / "sources" / "fuzz.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True))
    seeds = load_seeds(seed_dir)
    assert len(seeds.claims) >= 6  # the valid files are untouched by the bad one
    for problem in seeds.problems:
        assert problem.file.endswith(".yaml") and problem.line >= 1 and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=string.printable + "äß中&*!|>-:[]{}#", max_size=300))
def test_random_text_only_produces_problems(seed_dir: Path, text: str) -> None:
    (seed_dir / "sources" / "fuzz.yaml").write_text(text, encoding="utf-8")
    seeds = load_seeds(seed_dir)
    assert len(seeds.claims) >= 6
