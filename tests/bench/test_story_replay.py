"""The replay's own logic: which drafted rows an analyst corrects, unticks or adds, and the
semantic comparison that decides whether the page reproduced a committed file."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from bench.story_replay import compare, grid_edits, grid_row, plan

ROOT = Path(__file__).resolve().parents[2]
FT = yaml.safe_load((ROOT / "seeds" / "sources" / "2026-08-19-ft-bytedance-tencent-receive-h200s.yaml").read_text())


def _drafted(claim: dict, **changes: object) -> dict:
    row = {**grid_row(claim), "claim_id": "x", "summary": ""} | changes
    row.pop("id", None)
    return row


def test_a_related_row_is_corrected_an_unrelated_one_unticked_and_the_rest_added() -> None:
    claims = FT["claims"][:3]  # ByteDance 10,000, Tencent 10,000, a statement without a figure
    near = _drafted(claims[0], side="buyer", attribution_type="media_analysis", value="10,000")
    unrelated = _drafted(claims[0], kind="spec", metric="chip-memory-gb", value="141", actors=[], applies_to=[])
    matched, dropped, added = plan([near, unrelated], claims)
    assert matched == {0: 0} and dropped == [1] and added == [1, 2]
    state, counts = grid_edits([near, unrelated], claims)
    assert state["edited_rows"][1] == {"keep": False}
    assert set(state["edited_rows"][0]) == {"side", "attribution_type", "summary"}  # "10,000" is 10000
    assert len(state["added_rows"]) == 2 and counts["added"] == 2 and counts["corrected"] == 1


def test_the_comparison_ignores_ids_order_and_line_breaks_but_not_a_field() -> None:
    saved = copy.deepcopy(FT)
    saved["claims"].reverse()
    for n, claim in enumerate(saved["claims"]):
        claim["id"] = f"ft-0819.by-hand-{n}"
        claim["summary"] = claim["summary"].replace(" ", "\n", 1)
    same = compare(saved, FT)
    assert (same["claims_missing"], same["claims_extra"], same["source_differs"]) == (0, 0, [])
    assert same["claim_ids_differ"] == len(FT["claims"])
    saved["claims"][0]["quantity"] = {**saved["claims"][0].get("quantity", {}), "bound": "approx", "metric": "m",
                                      "unit": "chips", "value": 1}  # fmt: skip
    saved["source"]["url_missing"] = "not found"
    changed = compare(saved, FT)
    assert changed["claims_missing"] == 1 and "quantity" in changed["claim_fields_differ"]
    assert changed["source_differs"] == ["url_missing"]
