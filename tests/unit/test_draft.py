"""The drafting engine behind "Add a report": figures, dates, organisations, duplicates, saving.

Each test states a behaviour the analyst relies on: bounds and units survive, nothing is
invented, bad input is refused before anything is written, and a saved draft never overwrites.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.draft import DraftError, copied_runs, draft_from_file, draft_from_text, save_seed_yaml, validate_seed_yaml
from data.draft.dates import find_dates
from data.draft.figures import find_figures, numbers_in_text
from data.load import load_seeds
from data.models import Source

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
BASE = dt.date(2026, 1, 7)  # a Wednesday


def _one(sentence: str) -> dict:
    found = find_figures(sentence)
    assert len(found) == 1, [f.as_quantity() for f in found]
    return found[0].as_quantity()


# --------------------------------------------------------------------------- CLI


def test_cli_json_on_a_duplicate_fixture() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "data.draft", str(ARTICLES / "02-business-times-75k-cap.txt"), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    data = json.loads(out.stdout)
    assert set(data) >= {"source", "claims", "duplicates"}
    assert data["source"]["publisher"] == "Business Times"
    assert data["source"]["origin"] == "Bloomberg"
    assert data["duplicates"][0]["source_id"] == "2026-03-03-bloomberg-us-weighs-75k-h200-cap"
    assert data["duplicates"][0]["why"] and 0 < data["duplicates"][0]["score"] <= 1
    cap = next(c for c in data["claims"] if c["quantity"] and c["quantity"].get("high") == 75000)
    assert cap["quantity"]["unit"] == "chips" and cap["quantity"]["bound"] == "at_most"
    assert cap["quantity"]["metric"] == "us-per-customer-cap"
    for claim in data["claims"]:
        assert claim["text"] and claim["locator"].startswith("para ")
        assert claim["summary"] == "" and claim["to_confirm"] is True
        assert claim["date"] and claim["date_precision"] in ("day", "week", "month", "quarter", "year")


def test_cli_refuses_a_binary_file_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = subprocess.run([sys.executable, "-m", "data.draft", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2
    assert "not a text file" in out.stderr and "Traceback" not in out.stderr


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They may buy over 400,000 H200 chips.", {"low": 400000, "bound": "more_than", "unit": "chips"}),
        ("They may buy more than 400,000 H200 chips.", {"low": 400000, "bound": "more_than", "unit": "chips"}),
        ("They may buy at least 400,000 H200 chips.", {"low": 400000, "bound": "at_least", "unit": "chips"}),
        ("Exports may be no more than 50% of US volume.", {"high": 50, "bound": "at_most", "unit": "percent"}),
        ("Firms ordered over two million H200 chips.", {"low": 2e6, "bound": "more_than", "unit": "chips"}),
        ("Shipments could reach as many as a million units.", {"high": 1e6, "bound": "at_most", "unit": "chips"}),
        ("Nvidia booked $14B from the region.", {"value": 14e9, "bound": "exact", "unit": "usd"}),
        ("8-GPU configurations are priced at roughly 1.5 million yuan.", {"value": 1.5e6, "unit": "rmb_per_module"}),
        ("It sells for 1.4 million yuan per 8-GPU module.", {"value": 1.4e6, "unit": "rmb_per_module"}),
        ("Nvidia plans to ship 5,000 H200 8-GPU modules.", {"value": 5000, "unit": "modules"}),
        ("Each buyer may take up to 75,000 chips.", {"high": 75000, "bound": "at_most", "unit": "chips"}),
        ("Nvidia holds about 700,000 H200s.", {"value": 700000, "bound": "approx", "unit": "chips"}),
        ("It plans between 40,000 and 80,000 chips.", {"low": 40000, "high": 80000, "bound": "range", "unit": "chips"}),
        ("Planned: 5,000 to 10,000 modules.", {"low": 5000, "high": 10000, "bound": "range", "unit": "modules"}),
        (
            "Only chips with a TPP below 21,000 qualify.",
            {"high": 21000, "bound": "less_than", "unit": "tpp"},
        ),
        (
            "Buyers ordered less than 20,000 chips.",
            {"high": 20000, "bound": "less_than", "unit": "chips"},
        ),
        ("The orders are worth $54 billion.", {"value": 54e9, "bound": "exact", "unit": "usd"}),
        ("ByteDance will spend RMB 85 billion.", {"value": 85e9, "bound": "exact", "unit": "rmb"}),
        ("It budgets 160 billion yuan.", {"value": 160e9, "bound": "exact", "unit": "rmb"}),
        ("A chip costs about $27,000 per chip.", {"value": 27000, "bound": "approx", "unit": "usd_per_chip"}),
        ("A module costs RMB 1.4 million per module.", {"value": 1.4e6, "bound": "exact", "unit": "rmb_per_module"}),
        ("The fee is 25% of sales.", {"value": 25, "bound": "exact", "unit": "percent"}),
        ("A 15-25% cut was discussed.", {"low": 15, "high": 25, "bound": "range", "unit": "percent"}),
        ("Capex was $22-23 billion.", {"low": 22e9, "high": 23e9, "bound": "range", "unit": "usd"}),
        ("Washington cleared ten companies.", {"value": 10, "bound": "exact", "unit": "firms"}),
        ("A 30-day review applies.", {"value": 30, "bound": "exact", "unit": "days"}),
    ],
)
def test_figure_bound_and_unit(sentence: str, expected: dict) -> None:
    quantity = _one(sentence)
    for key, value in expected.items():
        assert quantity[key] == pytest.approx(value) if isinstance(value, float) else quantity[key] == value, key
    assert quantity["wording"] in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The H200 and the Ascend 910C compete in 2026.",
        "On January 28 the 8-GPU boards were shown.",
        "It was the 3rd time in Q2 that fiscal 2027 came up.",
        "The H200 plan covers 2025-26 and 2026–2027 chips.",
        "It suits 7B to 70B models on H200 chips.",
    ],
)
def test_model_numbers_years_and_days_are_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_vague_wording_is_kept_as_wording_without_a_value(real_seeds) -> None:
    draft = draft_from_text("China cleared several hundred thousand H200 chips for Tencent.", real_seeds)
    (claim,) = [c for c in draft.claims if c.figure is not None]
    quantity = claim.to_dict()["quantity"]
    assert quantity["wording"].startswith("several hundred thousand")
    assert "value" not in quantity and "low" not in quantity and "high" not in quantity


def test_a_group_figure_is_one_claim_for_all_firms(real_seeds) -> None:
    text = "ByteDance, Alibaba and Tencent together may buy more than 400,000 H200 chips, three people said."
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 1, 28))
    figures = [c for c in draft.claims if c.figure is not None]
    assert len(figures) == 1
    assert sorted(figures[0].applies_to) == ["alibaba", "bytedance", "tencent"]
    assert figures[0].attribution == {"type": "anonymous_sources", "sources_cited": 3}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("Deliveries could begin in mid-February.", dt.date(2026, 2, 1), "month"),
        ("Sales may start in the second quarter of 2026.", dt.date(2026, 4, 1), "quarter"),
        ("Beijing told firms earlier this month to pause.", dt.date(2026, 1, 1), "month"),
        ("Huang said on Tuesday that demand was strong.", dt.date(2026, 1, 6), "day"),
        ("The rule was published on January 15, 2026.", dt.date(2026, 1, 15), "day"),
        ("Customs blocked shipments last week.", dt.date(2025, 12, 29), "week"),
        ("Output should double next year.", dt.date(2027, 1, 1), "year"),
        ("In December, buyers hesitated.", dt.date(2025, 12, 1), "month"),
    ],
)
def test_dates_with_precision(sentence: str, date: dt.date, precision: str) -> None:
    (mention,) = find_dates(sentence, BASE)
    assert (mention.date, mention.precision) == (date, precision)


def test_a_forward_date_does_not_become_the_claims_event_date(real_seeds) -> None:
    text = "Nvidia expects to ship 5,000 to 10,000 H200 modules by mid-February, people familiar said."
    draft = draft_from_text(text, real_seeds, publisher="Test", published=dt.date(2026, 1, 7))
    (claim,) = draft.claims
    assert (claim.date, claim.date_basis) == (dt.date(2026, 1, 7), "reported")
    assert any(m.phrase == "mid-February" and m.forward for m in draft.dates)


# --------------------------------------------------------------------------- organisations and chips


def test_organisations_and_chips_from_aliases_and_fuzzy(real_seeds) -> None:
    text = "Lutnick said Alibabba and the Cyberspace Administration of China discussed Ascend 910C and H20 supply."
    draft = draft_from_text(text, real_seeds, publisher="Test", published=BASE)
    found = {(m.kind, m.id): m for m in draft.entities}
    assert found[("organisation", "us-commerce")].matched == "Lutnick"
    assert found[("organisation", "cac")].score == 100
    fuzzy = found[("organisation", "alibaba")]
    assert fuzzy.matched == "Alibabba" and 88 <= fuzzy.score < 100
    assert ("chip", "ascend-910c") in found and ("chip", "h20") in found
    assert ("chip", "h200") not in found


# --------------------------------------------------------------------------- duplicates


@pytest.mark.parametrize(
    ("name", "source_id"),
    [
        ("01-straits-ledger-first-batch.html", "2026-01-28-reuters-china-approves-first-h200-batch"),
        ("02-business-times-75k-cap.txt", "2026-03-03-bloomberg-us-weighs-75k-h200-cap"),
        ("03-memeeeeeex-ten-buyers.html", "2026-05-14-reuters-us-clears-ten-chinese-h200-buyers"),
    ],
)
def test_duplicates_are_found_with_a_reason_and_a_carrier_entry(real_seeds, name: str, source_id: str) -> None:
    draft = draft_from_file(ARTICLES / name, name, real_seeds)
    match = next(d for d in draft.duplicates if d.source_id == source_id)
    assert match.score >= 0.5 and match.why
    assert match.carrier_entry["outlet"] == draft.source["publisher"]
    known = {c.id for c in draft.claims if c.figure is not None} - set(match.new_claim_ids)
    assert known, "the figures already in the existing source are not offered as new"


def test_noise_has_no_claims_and_no_duplicates(real_seeds) -> None:
    draft = draft_from_file(ARTICLES / "12-noise-lisbon-bakery.txt", "12-noise-lisbon-bakery.txt", real_seeds)
    assert draft.claims == [] and draft.duplicates == []


# --------------------------------------------------------------------------- never invent

_WORDS = ["more than", "up to", "about", "between", "and", "to", "below", "chips", "H200", "firms", "$", "RMB",
          "billion", "million", "%", "Tencent", "said", "on Tuesday", "several hundred thousand", "modules", "per chip",
          "-", ",", ".", "ten", "companies", "yuan", "over", "at least", "in 2026"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.integers(0, 10**7).map(str), st.floats(0, 1e4).map(lambda f: f"{f:.1f}")), min_size=1, max_size=40))  # fmt: skip
def test_never_invent_property(real_seeds, tokens: list[str]) -> None:
    text = "Report " + " ".join(tokens) + "."
    draft = draft_from_text(text, real_seeds, publisher="Fuzz", published=BASE)
    stated = numbers_in_text(text)
    for claim in draft.claims:
        assert claim.text in text
        if claim.figure is not None:
            assert claim.figure.wording in claim.text
            for number in claim.figure.numbers():
                assert round(number, 6) in stated, (number, claim.figure.wording)


def test_summaries_start_empty_and_copied_runs_are_flagged() -> None:
    text = "China has given the go-ahead for its first imports of Nvidia's H200 processors, three people said."
    assert copied_runs("Beijing approved the first H200 imports for three firms.", text) == []
    runs = copied_runs("Sources: China has given the Go-Ahead for its first imports of Nvidia's chips.", text)
    assert runs == ["China has given the Go-Ahead for its first imports of Nvidia's"]
    assert copied_runs("has given the go-ahead for its first imports", text, n=8) == [
        "has given the go-ahead for its first imports"
    ]
    assert copied_runs("given the go-ahead for its first imports", text, n=8) == []


# --------------------------------------------------------------------------- bad input writes nothing

_HOSTILE = [
    "../../etc/passwd.txt",
    "a/b.txt",
    "..\\evil.txt",
    "evil.exe",
    ".hidden.txt",
    "x.txt\n",
    "<script>.html",
    "",
]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, except the save lock (data.safe_save keeps it; it holds nothing)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".save.lock"
    }


@pytest.mark.parametrize(
    "make",
    [
        lambda: ("", "empty.txt"),
        lambda: ("   \n\t  ", "blank.txt"),
        lambda: ("x" * (5 * 1024 * 1024), "huge.txt"),
        lambda: (b"\x00\x01\x02binary\x00" * 100, "blob.txt"),
        lambda: ("caf\xe9 latin-1".encode("latin-1"), "latin.txt"),
        lambda: (
            "<html><body>" + "<script>var n = 400000; alert('chips');</script>" * 500 + "</body></html>",
            "s.html",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(make, seed_dir: Path, tmp_path: Path) -> None:
    payload, name = make()
    before = _snapshot(tmp_path)
    with pytest.raises(DraftError) as error:
        if isinstance(payload, bytes):
            draft_from_file(payload, name, seed_dir)
        else:
            draft_from_text(payload, seed_dir)
    assert str(error.value) and "Traceback" not in str(error.value)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("name", _HOSTILE)
def test_hostile_file_names_are_refused(name: str, seed_dir: Path) -> None:
    with pytest.raises(DraftError, match="file name"):
        draft_from_file(b"Nvidia sold 10 chips.", name, seed_dir)


def test_scripts_never_reach_the_text(real_seeds) -> None:
    for path in ARTICLES.glob("*.html"):
        draft = draft_from_file(path, path.name, real_seeds)
        for marker in ("<script", "document.write", "alert(", "function", "dataLayer", "777,777", "999,999", "424242"):
            assert marker not in draft.text, (path.name, marker)
        assert all(c.figure is None or "777" not in c.figure.wording for c in draft.claims)


# --------------------------------------------------------------------------- seed YAML, validation and saving

_SMALL_TEXT = """Title: Beijing clears H200 purchases for ByteDance and Alibaba
Publisher: Gamma Daily
Published: 2026-02-03

Beijing approved purchases of up to 50,000 Nvidia H200 chips by ByteDance and Alibaba on Monday, two people familiar said.

BIS said in a statement the licences cover about 30 days of shipments.
"""


def _declare_new_metrics(text: str, seed_dir: Path) -> None:
    """What an analyst does for a figure no metric fits: declare it once in metrics.yaml."""
    import re

    metrics = seed_dir / "reference" / "metrics.yaml"
    for metric_id, unit in sorted(set(re.findall(r"(to-confirm-new-metric-([a-z-]+))", text))):
        metrics.write_text(
            metrics.read_text()
            + f"  - {{id: {metric_id}, label: A new figure, unit: {unit.replace('-', '_')}, kind: other, "
            + "description: Declared by the analyst for this report.}\n"
        )


def _summarised(draft) -> dict[str, str]:
    return {c.id: f"Drafted claim number {i} restated in our own words." for i, c in enumerate(draft.claims)}


def test_yaml_from_a_fully_summarised_draft_validates_with_the_loader(real_seeds) -> None:
    name = "09-daily-circuit-tencent-order.txt"
    draft = draft_from_file(ARTICLES / name, name, real_seeds)
    text = draft.to_seed_yaml(_summarised(draft), added=dt.date(2026, 11, 29))
    problems = validate_seed_yaml(text, ROOT / "seeds")
    # a figure with no fitting metric keeps a placeholder the validator refuses until the analyst picks one
    assert all("to-confirm-new-metric" in p and "metrics.yaml" in p for p in problems), problems
    declared = {m.unit: m.id for m in real_seeds.metrics.values()} if hasattr(real_seeds, "metrics") else {}
    for unit in ("usd", "chips", "percent", "rmb"):
        if unit in declared:
            text = text.replace(f"to-confirm-new-metric-{unit.replace('_', '-')}", declared[unit])
    assert validate_seed_yaml(text, ROOT / "seeds") == []
    assert ("added:" in text) == ("added" in Source.model_fields)
    assert "strict" not in text or "strict" in draft.to_json()["claims"][0]["quantity"]


def test_empty_summaries_fail_validation_in_plain_words(seed_dir: Path) -> None:
    draft = draft_from_text(_SMALL_TEXT, seed_dir)
    problems = validate_seed_yaml(draft.to_seed_yaml(), seed_dir)
    assert len(problems) == len(draft.claims) >= 2
    assert all("summary" in p and "own words" in p for p in problems)


def test_save_is_atomic_and_never_overwrites(seed_dir: Path) -> None:
    draft = draft_from_text(_SMALL_TEXT, seed_dir)
    assert draft.duplicates == []
    text = draft.to_seed_yaml(_summarised(draft))
    _declare_new_metrics(text, seed_dir)
    path = save_seed_yaml(text, seed_dir)
    assert path == (seed_dir / "sources" / f"{draft.source['id']}.yaml").resolve()
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith("# Saved by local editor on ") and saved.split("\n", 1)[1] == text
    loaded = load_seeds(seed_dir)
    assert loaded.problems == [] and draft.source["id"] in loaded.sources
    before = _snapshot(seed_dir)
    with pytest.raises(DraftError, match="already exists"):
        save_seed_yaml(text.replace("Drafted claim number", "Another claim"), seed_dir)
    assert _snapshot(seed_dir) == before
    assert not list((seed_dir / "sources").glob(".*.tmp"))


def test_save_refuses_an_incomplete_draft_or_a_hostile_id(seed_dir: Path) -> None:
    draft = draft_from_text(_SMALL_TEXT, seed_dir)
    _declare_new_metrics(draft.to_seed_yaml(), seed_dir)
    before = _snapshot(seed_dir)
    with pytest.raises(DraftError, match="not ready"):
        save_seed_yaml(draft.to_seed_yaml(), seed_dir)
    hostile = draft.to_seed_yaml(_summarised(draft)).replace(draft.source["id"], "../../outside", 1)
    with pytest.raises(DraftError):
        save_seed_yaml(hostile, seed_dir)
    taken = draft.to_seed_yaml(_summarised(draft)).replace(draft.source["id"], "2026-01-10-wire-alpha", 1)
    with pytest.raises(DraftError, match="already exists"):
        save_seed_yaml(taken, seed_dir)
    assert _snapshot(seed_dir) == before
    assert not (seed_dir.parent / "outside.yaml").exists()


def test_the_final_link_never_replaces_a_file_that_appeared_meanwhile(tmp_path: Path) -> None:
    from data.safe_save import SaveError, place_exclusive

    tmp = tmp_path / ".draft-x.tmp"
    tmp.write_text("new", encoding="utf-8")
    target = tmp_path / "taken.yaml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(SaveError, match="already exists"):
        place_exclusive(tmp, target)
    assert target.read_text(encoding="utf-8") == "old"


def test_a_citation_without_text_starts_an_empty_draft_and_a_bare_title_is_refused() -> None:
    # a report whose text cannot be found (print edition, page gone) is still entered through the
    # page: its three header lines give the source block, its claims are added by hand
    seeds = load_seeds(ROOT / "seeds")
    draft = draft_from_text("Title: A chip story in print\nPublisher: Example Daily\nPublished: 2026-09-01\n", seeds)
    assert draft.claims == [] and draft.source["published"] == "2026-09-01"
    assert any("add its claims as rows" in note for note in draft.notes)
    assert "citation only" in draft.source["reliability"]  # never "drafted from the text"
    with pytest.raises(DraftError, match="Title:, Publisher: and Published:"):
        draft_from_text("Title: A chip story in print\n", seeds)
