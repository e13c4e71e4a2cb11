"""The drafter on the phrasings real articles use (issue 17 item 5): bounds kept exactly, units
respected, per-buyer figures per buyer, claims without a number, background left out, metrics
that fit the sentence, re-carries named from the text alone, a size limit, one-way imports."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from bench.draft_real import read_fixture
from data.draft import MAX_TEXT_BYTES, DraftError, draft_from_text, recheck_duplicates
from data.draft.extract import check_text
from data.draft.figures import find_figures, numbers_in_text
from data.draft.metric_words import period_fits

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "real_articles"
PUBLISHED = dt.date(2026, 8, 19)


def _figures(draft):
    return [c for c in draft.claims if c.figure is not None]


# --------------------------------------------------------------------------- bounds and units


@pytest.mark.parametrize(
    ("sentence", "bound", "field", "number"),
    [
        ("Regulators cleared over 400,000 H200 chips.", "more_than", "low", 400_000),
        ("Firms ordered more than two million H200 chips.", "more_than", "low", 2_000_000),
        ("Licensed shipments were less than 20,000 chips.", "less_than", "high", 20_000),
        ("Exports are capped at no more than 50% of US volume.", "at_most", "high", 50),
        ("Buyers took at least 5,000 H200 chips.", "at_least", "low", 5_000),
    ],
)
def test_bounds_are_kept_exactly(sentence: str, bound: str, field: str, number: float) -> None:
    (figure,) = find_figures(sentence)
    assert figure.bound == bound
    assert getattr(figure, field) == number
    assert figure.value is None  # "over 400,000" is never an exact 400,000


def test_an_article_between_a_bound_and_its_number_keeps_the_bound() -> None:
    """'at least a 60 percent increase' is at least 60 % (session 17, fixture 334)."""
    (_, growth, _) = find_figures("Revenue of about $12 billion is at least a 60 percent increase over $7.5 billion.")
    assert (growth.bound, growth.low) == ("at_least", 60)
    (cap,) = find_figures("They want up to a 25% fee.")
    assert (cap.bound, cap.high) == ("at_most", 25)


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        ("Revenue is at least a 60 percent increase over $7.5 billion the year before.", "$7.5 billion"),
        ("Sales were up 20% over $5 billion last year.", "$5 billion"),
        ("The gain over 2,000 units sold in May was small.", "2,000 units"),
    ],
)
def test_over_that_compares_with_a_base_is_no_bound(sentence: str, wording: str) -> None:
    base = next(f for f in find_figures(sentence) if wording in f.wording)
    assert base.bound == "exact" and base.wording == wording


@pytest.mark.parametrize(
    "sentence", ["Sales were allowed under 25% tariffs.", "It ships them under a 15% US export fee."]
)
def test_under_a_levy_is_subject_to_it_not_below_it(sentence: str) -> None:
    """'under 25% tariffs' is a 25 % tariff (session 17, fixture 359), never less than 25 %."""
    (levy,) = find_figures(sentence)
    assert levy.bound == "exact" and levy.value in (25, 15)


def test_under_before_a_count_or_a_share_is_still_less_than() -> None:
    assert [f.bound for f in find_figures("Shipments were under 20,000 chips.")] == ["less_than"]
    assert [f.bound for f in find_figures("Its share is under 5% of the market.")] == ["less_than"]


def test_over_before_a_number_is_still_more_than() -> None:
    (orders,) = find_figures("Buyers placed orders for over 400,000 chips.")
    assert (orders.bound, orders.low) == ("more_than", 400_000)


def test_money_keeps_its_scale_and_a_year_range_is_not_a_count() -> None:
    (money,) = find_figures("Nvidia took $14B from the region.")
    assert (money.value, money.unit) == (14e9, "usd")
    assert 14.0 not in numbers_in_text("Nvidia took $14B from the region.")
    assert find_figures("H200 chips sold under the 2025-26 and 2026–2027 plans.") == []


@pytest.mark.parametrize(
    ("sentence", "value", "bare"),
    [
        ("The filing details a $4.5 bn charge for H20 stock.", 4.5e9, 4.5),
        ("It booked $4.6bn of H20 sales.", 4.6e9, 4.6),
        ("Buyers paid $300 mn for the chips.", 300e6, 300),
    ],
)
def test_a_short_scale_after_a_space_keeps_its_scale(sentence: str, value: float, bare: float) -> None:
    """ "$4.5 bn" is billions, as "$4.5bn" is (session 17, fixture 327): never $4.5."""
    (money,) = find_figures(sentence)
    assert (money.value, money.unit) == (value, "usd")
    assert bare not in numbers_in_text(sentence)


def test_a_lone_letter_after_a_space_is_no_scale() -> None:
    assert 5e6 not in numbers_in_text("The rack stands 5 m tall and cost $2 k.")


def test_a_money_range_between_two_amounts_states_both_at_its_scale() -> None:
    """'between $30 and $70 billion' states $30 billion; 'between 30 and 70 staff' states no billion."""
    assert 30e9 in numbers_in_text("The firm weighs spending between $30 and $70 billion this year.")
    assert 30e9 not in numbers_in_text("The firm hired between 30 and 70 staff; it spent $70 billion.")
    (spend,) = find_figures("The firm weighs spending between $30 and $70 billion this year.")
    assert (spend.bound, spend.low, spend.high) == ("range", 30e9, 70e9)


def test_module_prices_and_counts_are_modules_not_chips() -> None:
    (price,) = find_figures("8-GPU configurations are priced at roughly 1.5 million yuan.")
    assert (price.unit, price.value, price.bound) == ("rmb_per_module", 1.5e6, "approx")
    (count,) = find_figures("Nvidia will ship 5,000 H200 8-GPU modules.")
    assert (count.unit, count.value) == ("modules", 5000)


# --------------------------------------------------------------------------- whom a figure is about


def test_each_buyer_gets_its_own_figure(real_seeds) -> None:
    text = "ByteDance and Tencent have each received about 10,000 Nvidia H200 chips, the newspaper said."
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=PUBLISHED)
    figures = _figures(draft)
    assert sorted(tuple(c.applies_to) for c in figures) == [("bytedance",), ("tencent",)]
    assert all(c.figure.value == 10_000 and c.figure.bound == "approx" for c in figures)
    assert all(c.metric == "h200-delivered-to-china" for c in figures)


def test_a_combined_figure_reaches_the_buyers_named_just_before(real_seeds) -> None:
    text = (
        "China has authorized ByteDance, Alibaba and Tencent to buy Nvidia's H200 chips. "
        "The three tech giants can import more than 400,000 H200 chips combined."
    )
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 1, 28))
    (figure,) = _figures(draft)
    assert sorted(figure.applies_to) == ["alibaba", "bytedance", "tencent"]
    assert figure.metric == "cn-first-batch-chips"


# --------------------------------------------------------------------------- claims and background


def test_a_statement_without_a_number_is_a_claim(real_seeds) -> None:
    text = "Chinese customs told agents that Nvidia's H200 chips are not permitted to enter the country."
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 1, 14))
    (claim,) = draft.claims
    assert claim.figure is None and claim.status == "blocked" and "cn-customs" in claim.actors


def test_background_numbers_are_listed_not_drafted(real_seeds) -> None:
    text = (
        "Washington is weighing a cap of 75,000 Nvidia H200 chips per Chinese customer.\n\n"
        "For a quick history, Nvidia said in October it was 100% out of China.\n\n"
        "Last year Nvidia wrote down $5.5 billion of H20 inventory."
    )
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 3, 3))
    assert [c.figure.high for c in _figures(draft)] == [75_000]
    left_out = [n for n in draft.notes if "left out" in n]
    assert any('"100%"' in n and "history" in n for n in left_out)
    assert any('"$5.5 billion"' in n and "H20" in n for n in left_out)


def test_an_unrelated_article_drafts_nothing(real_seeds) -> None:
    _, body = read_fixture(REAL / "16-traderknows-softbank-loan.txt")
    assert draft_from_text(body, real_seeds).claims == []


def test_metric_suggestions_fit_the_sentence(real_seeds) -> None:
    assert not period_fits("nvidia-dc-revenue-q4-fy26", "Nvidia's second-quarter data-centre revenue rose.")
    assert period_fits("nvidia-dc-revenue-q4-fy26", "Fourth-quarter fiscal 2026 data-centre revenue rose.")
    text = "Nvidia plans to ship 5,000 H200 chips to Alibaba next month."
    (planned,) = _figures(draft_from_text(text, real_seeds, publisher="Test Wire", published=PUBLISHED))
    assert planned.metric != "h200-delivered-to-china" and planned.status == "planned"
    revenue = "Nvidia's second-quarter data-centre revenue was $41.1 billion, with almost none from China."
    (money,) = _figures(draft_from_text(revenue, real_seeds, publisher="Test Wire", published=PUBLISHED))
    assert not money.metric.endswith(("q4-fy26", "q1-fy27"))


# --------------------------------------------------------------------------- re-carries


def test_a_plain_paste_names_the_re_carry_from_its_words(real_seeds) -> None:
    _, body = read_fixture(REAL / "08-indian-express-none-so-far.txt")  # no figure, no URL, no date
    draft = draft_from_text(body, real_seeds)
    assert draft.story_date is None
    assert draft.duplicates[0].source_id == "2026-02-24-reuters-no-h200-delivered-to-china"
    assert "distinctive words" in draft.duplicates[0].why


def test_changing_the_form_reruns_the_check(real_seeds) -> None:
    draft = draft_from_text("Nvidia shares rose on Tuesday after a chip report.", real_seeds, publisher="Test Wire")
    assert draft.duplicates == []
    source = real_seeds.sources["2026-03-03-bloomberg-us-weighs-75k-h200-cap"]
    again = recheck_duplicates(draft, real_seeds, url=source.url, publisher="Test Wire", published=None)
    assert again[0].source_id == source.id and "same web address" in again[0].why.lower()


def test_a_carrier_listed_without_a_date_matches_only_near_the_story(real_seeds) -> None:
    story = "2026-01-28-reuters-china-approves-first-h200-batch"  # lists The Decoder without a date
    text = "A short note on chip stocks and markets."
    near = draft_from_text(text, real_seeds, publisher="The Decoder", published=dt.date(2026, 1, 29))
    far = draft_from_text(text, real_seeds, publisher="The Decoder", published=dt.date(2026, 6, 30))
    assert story in {d.source_id for d in near.duplicates}
    assert story not in {d.source_id for d in far.duplicates}


# --------------------------------------------------------------------------- limits and structure


def test_text_over_the_limit_gets_a_plain_message(real_seeds) -> None:
    with pytest.raises(DraftError, match=r"The text is 300 kB; the drafter reads at most 200 kB"):
        draft_from_text("chips " * 50_000, real_seeds)
    assert MAX_TEXT_BYTES == 200_000
    assert check_text("x" * 10, max_bytes=10) == "x" * 10
    with pytest.raises(DraftError, match="Paste one article at a time"):
        check_text("x" * 11, max_bytes=10)


def _imports(path: Path) -> set[str]:
    """Every data.draft module a file imports, at the top, inside functions or under TYPE_CHECKING."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("data.draft"):
            if node.module == "data.draft":
                found |= {f"data.draft.{alias.name}" for alias in node.names}
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith(("data.draft", "streamlit"))}
    return found


def test_the_drafter_imports_one_way_and_never_streamlit() -> None:
    folder = ROOT / "data" / "draft"
    modules = {f"data.draft.{p.stem}": p for p in folder.glob("*.py") if p.stem not in ("__init__", "__main__")}
    graph = {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}
    for path in folder.glob("*.py"):
        assert not any(m.startswith("streamlit") for m in _imports(path)), path.name
        assert "import streamlit" not in path.read_text(encoding="utf-8"), path.name

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        return any(nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})) for nxt in graph[start])

    cycles = [name for name in graph if reaches(name, name, {name})]
    assert cycles == [], cycles


def test_a_pasted_markdown_page_loses_its_marks_not_its_words(real_seeds) -> None:
    # "## Headline" and a bold dateline, as a page copied from a Markdown reader comes.
    text = (
        "## Panel Backs Bill on AI Chip Exports\n\n"
        "**WASHINGTON, January 21 (Reuters)** – A House panel advanced a bill on H200 exports to China.\n\n"
        "The panel's bill_text page and #hashtags were not changed."
    )
    drafted = draft_from_text(text, real_seeds)
    assert drafted.source["title"] == "Panel Backs Bill on AI Chip Exports"
    assert drafted.source["publisher"] == "Reuters"  # the dateline is read once the bold marks are gone
    assert drafted.source["published"].endswith("-01-21")
    assert "bill_text page and #hashtags" in drafted.text  # only the marks go, not the words


def test_a_low_end_written_in_full_takes_no_scale_from_the_high_end() -> None:
    """ "between $489,000 and $4 million" is $489,000 to $4 million, never $489 billion (452); a low
    end in the high end's units still takes its scale ("1,500-2,000 million yuan")."""
    from data.draft.figures import find_figures, numbers_in_text

    (price,) = find_figures("Servers sold for between $489,000 and $4 million each.", True)
    assert (price.low, price.high) == (489_000, 4_000_000)
    assert 489_000_000_000 not in numbers_in_text("Servers sold for between $489,000 and $4 million each.")
    (budget,) = find_figures("The plan costs 1,500-2,000 million yuan.", True)
    assert (budget.low, budget.high) == (1_500_000_000, 2_000_000_000)
    (scaled_low,) = find_figures("It is worth between $30 and $70 billion.", True)
    assert scaled_low.low == 30_000_000_000


@pytest.mark.parametrize(
    ("sentence", "numbers", "bound"),
    [
        ("Alibaba may exceed 380 billion yuan of spending over three years.", (None, 380e9, None), "more_than"),
        ("Spending must not exceed 50% of revenue.", (None, None, 50), "at_most"),  # a negated floor: a cap
        ("The SuperPoD is built around 8,192 Ascend chips.", (8192, None, None), "exact"),  # what it is made of
        ("It sold around 8,000 chips.", (8000, None, None), "approx"),
        ("Data centres must source more than fifty per cent of their chips at home.", (None, 50, None), "more_than"),
    ],
)
def test_bounds_told_by_verbs_and_numbers_told_in_words(sentence: str, numbers: tuple, bound: str) -> None:
    """'may exceed' is a floor, 'built around' no approximation, 'fifty per cent' a percentage (442, 448, 450)."""
    from data.draft.figures import find_figures

    (figure,) = find_figures(sentence, True)
    assert (figure.value, figure.low, figure.high) == numbers and figure.bound == bound
