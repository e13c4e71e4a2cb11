"""The "Add a report" round trip without a browser: draft -> editable table -> edits -> seed YAML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import yaml

from data.draft import draft_from_text, validate_seed_yaml
from data.load import load_seeds
from data.models import Source
from pages.add_report import editing, source_form
from pages.add_report.preview import preview

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "02-business-times-75k-cap.txt"


@pytest.fixture(scope="module")
def seeds():
    return load_seeds(ROOT / "seeds")


@pytest.fixture(scope="module")
def draft(seeds):
    return draft_from_text(ARTICLE.read_text(), seeds)


def test_table_shows_every_claim_with_its_sentence_and_no_none(draft) -> None:
    frame = editing.claims_frame(draft)
    assert list(frame.columns) == editing.COLUMNS
    assert len(frame) == len(draft.claims)
    assert frame["sentence"].tolist() == [c.text for c in draft.claims]
    assert frame["locator"].str.startswith("para ").all()
    assert (frame["summary"] == "").all()  # the analyst writes them
    for column in editing.OPTIONAL_CHOICES:
        assert frame[column].notna().all(), column


def test_edits_come_back_and_validate(draft, seeds) -> None:
    frame = editing.claims_frame(draft)
    frame["summary"] = [f"Claim number {n} put in the analyst's own words for the test." for n in range(len(frame))]
    frame.loc[0, "status"] = editing.NONE
    frame.loc[1, "keep"] = False
    today = dt.date.today()
    source = {"published": today, "id": editing.renamed_id(draft.source["id"], draft.source["published"], today)}
    edited = editing.apply_edits(draft, frame, source)
    assert len(edited.claims) == len(draft.claims) - 1
    assert edited.claims[0].status is None
    assert edited.source["id"].startswith(today.isoformat()) and edited.source["published"] == today.isoformat()
    text = edited.to_seed_yaml(editing.summaries(edited), added=today)
    assert validate_seed_yaml(text, ROOT / "seeds") == []
    result = preview(text, ROOT / "seeds", seeds)
    assert result is not None and result.problems == []
    assert set(result.headlines["key"]) >= {"cap"}


def test_re_carry_snippet_holds_only_the_new_claims(draft) -> None:
    duplicate = draft.duplicates[0]
    frame = editing.claims_frame(draft)
    frame["summary"] = "A summary in the analyst's own words, long enough to pass."
    new_only = editing.apply_edits(draft, frame, {}, only=duplicate.new_claim_ids)
    snippet = editing.carrier_yaml(draft, duplicate.source_id, duplicate.carrier_entry, new_only)
    assert "carried_by:" in snippet and "outlet: Business Times" in snippet
    assert [c.id for c in new_only.claims] == duplicate.new_claim_ids
    for claim in draft.claims:
        assert (claim.id in snippet) == (claim.id in duplicate.new_claim_ids)


@pytest.mark.parametrize(
    ("problem", "plain"),
    [
        (
            "Line 40, claims[0].summary (claim bt-0303.cap): the summary is still empty",
            "Claim 1, summary: the summary is still empty",
        ),
        ("Line 3, source.published: must be a date", "Source, published: must be a date"),
    ],
)
def test_problems_in_plain_words(problem: str, plain: str) -> None:
    assert editing.plain_problem(problem) == plain


def test_download_names_are_plain_file_names() -> None:
    assert editing.safe_filename("../../etc/passwd") == "etc-passwd.yaml"
    assert editing.safe_filename("<script>") == "script.yaml"
    assert editing.safe_filename("2026-11-29-wire-story") == "2026-11-29-wire-story.yaml"


def test_every_claim_field_is_a_column_and_comes_back_in_the_file(draft, seeds) -> None:
    frame = editing.claims_frame(draft)
    for field in ("product", "applies_to", "attribution_type", "person", "confidence", "contradicts", "label", "tags"):
        assert field in frame.columns, field
    frame["summary"] = [f"Claim number {n} put in the analyst's own words for the test." for n in range(len(frame))]
    other = next(r.claim.id for r in seeds.claims if r.claim.quantity is not None)
    frame.at[0, "product"] = "h200"
    frame.at[0, "applies_to"] = ["alibaba"]
    frame.at[0, "attribution_type"] = "named_person"
    frame.at[0, "person"] = "Jensen Huang"
    frame.at[0, "confidence"] = "low"
    frame.at[0, "contradicts"] = [other]
    frame.at[0, "label"] = "Cap per buyer"
    frame.at[0, "tags"] = ["cap"]
    frame.at[0, "date_basis"] = "event"
    edited = editing.apply_edits(draft, frame, {})
    text = edited.to_seed_yaml(editing.summaries(edited), added=dt.date.today())
    first = edited.claims[0]
    assert first.applies_to == ["alibaba"] and first.contradicts == [other] and first.confidence == "low"
    assert first.attribution == {"type": "named_person", "person": "Jensen Huang"}
    for needle in ("person: Jensen Huang", "confidence: low", f"- {other}", "label: Cap per buyer", "- cap"):
        assert needle in text, needle
    assert validate_seed_yaml(text, ROOT / "seeds") == []


def test_a_row_added_by_hand_becomes_a_claim(draft) -> None:
    frame = editing.claims_frame(draft)
    frame["summary"] = [f"Claim number {n} put in the analyst's own words for the test." for n in range(len(frame))]
    added = {column: None for column in frame.columns}
    added.update(
        keep=True,
        summary="Beijing wants most of the licensed volume held in Hong Kong, per the report.",
        kind="condition",
        side="China",
        status="conditional",
        actors=["cn-government"],
        date=dt.date(2026, 3, 3),
    )
    frame.loc[len(frame)] = added
    edited = editing.apply_edits(draft, frame, {})
    (hand,) = [c for c in edited.claims if c.locator == editing.HAND_LOCATOR]
    assert hand.kind == "condition" and hand.figure is None and hand.actors == ["cn-government"]
    assert hand.id.endswith(".by-hand-1") and hand.id not in {c.id for c in draft.claims}
    text = edited.to_seed_yaml(editing.summaries(edited), added=dt.date.today())
    assert validate_seed_yaml(text, ROOT / "seeds") == []


def test_fiscal_period_and_where_are_set_in_the_grid(draft) -> None:
    # a filing's figures carry its fiscal period; "Where" can say "p. 32" or be cleared
    frame = editing.claims_frame(draft)
    assert {"fiscal_period", "locator"} <= set(frame.columns)
    frame["summary"] = [f"Claim number {n} put in the analyst's own words for the test." for n in range(len(frame))]
    frame.at[0, "fiscal_period"] = "Q2 FY2027"
    frame.at[0, "locator"] = "p. 32, table 4"
    frame.at[1, "locator"] = ""
    edited = editing.apply_edits(draft, frame, {})
    assert edited.claims[0].fiscal_period == "Q2 FY2027" and edited.claims[0].locator == "p. 32, table 4"
    assert edited.claims[1].locator is None
    text = edited.to_seed_yaml(editing.summaries(edited), added=dt.date.today())
    saved = yaml.safe_load(text)["claims"]
    assert saved[0]["fiscal_period"] == "Q2 FY2027" and saved[0]["locator"] == "p. 32, table 4"
    assert "locator" not in saved[1] and "fiscal_period" not in saved[1]
    assert validate_seed_yaml(text, ROOT / "seeds") == []


def test_every_source_field_set_in_the_form_reaches_the_file(draft) -> None:
    form = {
        "byline": "A. Writer",
        "date_precision": "month",
        "url": "",
        "url_missing": "not found",
        "accessed": dt.date(2026, 11, 30),
        "carried_by": [
            {"outlet": "Engadget", "url": "https://www.engadget.com/h200", "published": dt.date(2026, 8, 19)},
            {"outlet": "Benzinga", "url": None, "published": None},
        ],
    }
    edited = editing.apply_edits(draft, editing.claims_frame(draft).iloc[0:0], form)
    text = edited.to_seed_yaml({}, added=dt.date.today())
    source = Source.model_validate(yaml.safe_load(text)["source"])
    assert (source.byline, source.date_precision, source.url, source.url_missing) == (
        "A. Writer", "month", None, "not found",
    )  # fmt: skip
    assert source.accessed == dt.date(2026, 11, 30)
    assert [(o.outlet, o.url, o.published) for o in source.carried_by] == [
        ("Engadget", "https://www.engadget.com/h200", dt.date(2026, 8, 19)),
        ("Benzinga", None, None),
    ]
    # the defaults stay out of the file, as a hand-written one would have them
    plain = editing.apply_edits(draft, editing.claims_frame(draft).iloc[0:0], {"date_precision": "day"})
    block = yaml.safe_load(plain.to_seed_yaml({}, added=None))["source"]
    assert "date_precision" not in block and "url_missing" not in block


def test_carried_by_rows_without_an_outlet_are_skipped_and_empty_cells_are_none() -> None:
    frame = pd.DataFrame(
        [
            {"outlet": "Engadget", "url": "", "published": pd.NaT},
            {"outlet": None, "url": "https://example.com/x", "published": None},
            {"outlet": " Benzinga ", "url": "https://www.benzinga.com/x", "published": float("nan")},
        ]
    )
    assert editing.carried_by(frame) == [
        {"outlet": "Engadget", "url": None, "published": None},
        {"outlet": "Benzinga", "url": "https://www.benzinga.com/x", "published": None},
    ]


def test_the_form_has_a_widget_for_every_source_field_a_person_decides() -> None:
    # added is stamped by the page at save time; seed_report marks the built-in report; undated
    # pages are not drafted (the drafter needs a date)
    by_page = {"added", "seed_report", "undated"}
    assert set(Source.model_fields) - by_page <= {*source_form.SOURCE_FIELDS, "carried_by"}


def test_a_claim_id_typed_in_the_grid_is_the_claim_id_in_the_file(draft) -> None:
    # other files cite claims by id: the analyst can give one a readable id, on a drafted row or an added one
    frame = editing.claims_frame(draft)
    assert frame["id"].tolist() == [c.id for c in draft.claims] and "claim_id" not in editing.SHOWN_COLUMNS
    frame["summary"] = [f"Claim number {n} put in the analyst's own words for the test." for n in range(len(frame))]
    frame.at[0, "id"] = "bt-0303.cap-75k"
    added = {column: None for column in frame.columns}
    added.update(keep=True, summary="A claim added by hand with an id chosen by the analyst.", id="bt-0303.by-hand-cap")
    frame.loc[len(frame)] = added
    edited = editing.apply_edits(draft, frame, {})
    ids = [c.id for c in edited.claims]
    assert ids[0] == "bt-0303.cap-75k" and ids[-1] == "bt-0303.by-hand-cap"
    assert ids[1:-1] == [c.id for c in draft.claims[1:]]
    text = edited.to_seed_yaml(editing.summaries(edited), added=dt.date.today())
    assert validate_seed_yaml(text, ROOT / "seeds") == []


def test_a_new_rows_empty_text_cells_never_read_none(seeds) -> None:
    # an editable text cell without a default shows "None" in a row the analyst adds
    from pages.add_report import sections

    config = sections._column_config(seeds)
    text = {k: c for k, c in config.items() if c["type_config"]["type"] == "text" and not c.get("disabled")}
    assert {"summary", "value", "wording", "fiscal_period", "id", "sources_cited"} <= set(text)
    assert {k for k, c in text.items() if c.get("default") is None} == set()
    # a number cell left empty reads "None" in the grid too: every editable number is a text cell
    assert [k for k, c in config.items() if c["type_config"]["type"] == "number" and not c.get("disabled")] == []
    for column in editing.OPTIONAL_CHOICES:  # an optional text starts as the dash the drafted rows show
        if column in text:
            assert text[column]["default"] == editing.NONE, column


def test_sources_cited_is_text_in_the_grid_and_a_number_in_the_file(seeds) -> None:
    draft = draft_from_text("Nvidia has received orders for 2 million H200 chips, two people familiar said.", seeds)
    frame = editing.claims_frame(draft)
    assert list(frame["sources_cited"]) == ["2"]  # drafted from "two people"
    frame.loc[0, "sources_cited"] = ""
    cleared = editing.apply_edits(draft, frame, {})
    assert cleared.claims[0].attribution.get("sources_cited") is None
    frame.loc[0, "sources_cited"] = "3"
    assert editing.apply_edits(draft, frame, {}).claims[0].attribution["sources_cited"] == 3


def test_the_left_out_label_counts_figures_not_notes() -> None:
    from pages.add_report.sections import left_out_count

    notes = [
        'para 2: "up 3%", "down 1.5%" left out (a share-price move); add it by hand if it matters.',
        'para 4: "10,000 A100s" left out (another chip); add it by hand if it matters.',
    ]
    assert left_out_count(notes) == 3
    assert left_out_count(notes[1:]) == 1


def test_the_reliability_note_never_names_a_placeholder_outlet(seeds) -> None:
    # without a publisher the form asks for one; the drafted note must not read "this Unknown publisher report"
    draft = draft_from_text("Nvidia has received orders for 2 million H200 chips, two people familiar said.", seeds)
    reliability = draft.source["reliability"]
    assert reliability.startswith("Drafted from the text of this report") and "Unknown" not in reliability
    named = draft_from_text("Nvidia has received orders for 2 million H200 chips.", seeds, publisher="Reuters")
    assert named.source["reliability"].startswith("Drafted from the text of this Reuters report")
