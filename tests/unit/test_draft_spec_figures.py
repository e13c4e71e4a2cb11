"""A chip's specification written with its unit run on ("141GB", "4.8TB/s") is a figure of that
measure, with its exact bound (issue 17 part 5: run 12's two bound misses, in 156,
were the H200's memory and bandwidth, read as model numbers). The sentences are written for
these tests.
"""

from __future__ import annotations

from data.draft import draft_from_text
from data.draft.figures import find_figures

SPEC = "The H200 carries 141GB of HBM3e memory and 4.8TB/s of bandwidth, Nvidia says."


def test_a_unit_run_onto_its_number_is_read_as_that_measure() -> None:
    found = {(f.wording, f.unit, f.value) for f in find_figures(SPEC)}
    assert found == {("141GB", "gb", 141.0), ("4.8TB/s", "tb_per_s", 4.8)}
    # near miss: letters run onto a number that are no unit are a model name, as before
    assert find_figures("Huawei's 910B and 910C trail the H200.") == []
    # watts run on too (session 17, fixture 347): "310W"; a model name with a W-less suffix stays none
    assert [(f.wording, f.unit) for f in find_figures("The chip draws 310W at peak.")] == [("310W", "watts")]
    assert find_figures("The 5090D and the 910C ship later.") == []


def test_a_spec_with_its_unit_run_on_is_drafted_with_its_exact_bound(real_seeds) -> None:
    draft = draft_from_text(f"Nvidia may sell the H200 in China.\n\n{SPEC}", real_seeds)
    drafted = {(c.figure.wording, c.figure.bound) for c in draft.claims if c.figure is not None}
    assert {("141GB", "exact"), ("4.8TB/s", "exact")} <= drafted
    assert {c.metric for c in draft.claims if c.figure is not None and c.figure.unit == "tb_per_s"} == {
        "spec-bandwidth-tb-s"
    }
