"""Random YAML-like text through the syntax-error explainer: a line inside the file and a
message, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from data.yaml_reader import YamlProblem, parse_yaml

ALPHABET = st.sampled_from([*"ab:- \t\n'\"[]{},#>|@`%*&!?0123456789", "  ", ": ", "\n  ", "- "])


@settings(max_examples=400, deadline=None)
@given(text=st.lists(ALPHABET, max_size=60).map("".join))
def test_syntax_errors_always_get_a_line_and_a_message(text: str) -> None:
    try:
        parse_yaml(text)
    except YamlProblem as problem:
        assert 1 <= problem.line <= text.count("\n") + 2
        assert problem.message
