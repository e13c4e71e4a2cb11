"""Metric suggestions read from word families, not from one article's phrasing: a levy on the chips
under any of its names is the US take, a share of what ships to US buyers is the US 50% rule, and
a declared metric is offered from its own label and description when no rule or claim fits.

Every case has a near miss that must not get the metric. Sentences are the project's own words.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from data.draft import metric_words
from data.load import SeedData
from tests.unit.draft_helpers import metric_for as _metric


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington cleared the exports but put a 25% tariff on every chip sold.",
        "The sales were allowed, subject to a 25 percent export tax.",
        "A 25% duty is collected on each H200 shipped to Chinese buyers.",
        "Under the deal the company will share 25% of the revenues with the US government.",
    ],
)
def test_a_levy_on_the_chips_by_any_name_is_the_us_take(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) == "us-revenue-cut-pct"


@pytest.mark.parametrize(
    "sentence",
    [
        "The truce lowered US tariffs on Chinese goods to 30% while chips stayed under review.",
        "A 20% tax credit for chip plants was part of the spending bill.",
        "Last summer a 15% tax was set on sales of the H200's cut-down cousin, the H20.",  # the H20 deal's own
        "Chinese firms will share 25% of the revenues among themselves, analysts of the chip market said.",
    ],
)
def test_a_trade_war_rate_or_a_tax_credit_is_not_the_us_take(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) != "us-revenue-cut-pct"


@pytest.mark.parametrize(
    "sentence",
    [
        "China-bound shipments may not exceed 50% of what Nvidia sells to US-based customers.",
        "A volume cap holds exports to China to no more than 50% of US domestic sales of the chip.",
        "Exports to China are limited to half the volume: at most 50% of the American shipments.",
        "The licences come with a 50% volume cap.",
    ],
)
def test_a_share_of_what_ships_to_us_buyers_is_the_50_percent_rule(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) == "us-china-share-of-us-volume-pct"


@pytest.mark.parametrize(
    "sentence",
    [
        "About 50% of the chips went to data centres in Shanghai.",
        "Nvidia's share of China's AI chip market fell to 5% from 95%.",
        "Its shares fell 50% after the volume cap was announced.",
    ],
)
def test_a_share_with_no_us_buyers_is_not_the_50_percent_rule(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) != "us-china-share-of-us-volume-pct"


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("The new rule lets chips be exported if their memory bandwidth stays below 4,000 GB/s.",
         "bis-dram-bandwidth-limit"),
        ("Beijing is weighing a support package for its chip industry of up to $50 billion.",
         "cn-chip-incentive-package-usd"),
    ],
)  # fmt: skip
def test_a_declared_metric_is_offered_from_its_own_words(sentence: str, metric: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) == metric


@pytest.mark.parametrize(
    "sentence",
    [
        "Its bandwidth reached 4,000 GB/s in tests.",  # one shared word is not enough
        "Nvidia's package of stock awards was worth $50 billion.",  # "package" alone, about something else
    ],
)
def test_one_shared_word_offers_no_declared_metric(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds).startswith("to-confirm-new-metric-")


def _declared(**labels: str) -> dict[str, SimpleNamespace]:
    return {
        mid.replace("_", "-"): SimpleNamespace(unit="percent", label=text, description=text)
        for mid, text in labels.items()
    }


def test_a_tie_between_two_metrics_offers_neither() -> None:
    metrics = _declared(a_rate="Levy rate on wafers", b_rate="Levy rate on wafers")
    assert metric_words.described("a levy rate of 5% on wafers", "percent", metrics, fits=lambda _m: True) is None
    metrics = _declared(a_rate="Levy rate on wafers", b_rate="Levy rate on cars")
    assert metric_words.described("a levy rate of 5% on wafers", "percent", metrics, fits=lambda _m: True) == "a-rate"


def test_common_words_in_the_figures_clause_name_no_metric() -> None:
    """'market' and 'share', used by every metric of the unit, weigh too little in the figure's clause."""
    metrics = _declared(
        a_share="Market share before the curbs", b_share="Market share in cloud", c_share="Market share in phones"
    )
    text = "Before the curbs it held a 15% market share"
    assert metric_words.described(text, "percent", metrics, fits=lambda _m: True, near="a 15% market share") is None
    assert metric_words.described(text, "percent", metrics, fits=lambda _m: True, near="the curbs, a 15%") == "a-share"


@pytest.mark.parametrize(
    ("sentence", "metric", "at"),
    [
        ("Early orders will be met from existing stock: 4,000 to 8,000 boards, or 32,000 to 64,000 chips.",
         "first-shipment-modules", 0),
        ("Early orders will be met from existing stock: 4,000 to 8,000 boards, or 32,000 to 64,000 chips.",
         "first-shipment-chips", 1),
        ("The initial batch of H200 shipments could hold 30,000 chips.", "first-shipment-chips", 0),
    ],
)  # fmt: skip
def test_orders_filled_from_stock_and_a_first_batch_shipped_are_the_first_shipment(
    sentence: str, metric: str, at: int, real_seeds: SeedData
) -> None:
    assert _metric(sentence, real_seeds, at=at) == metric


def test_initial_orders_not_filled_from_stock_stay_orders(real_seeds: SeedData) -> None:
    assert _metric("Initial orders could reach 60,000 H200 chips.", real_seeds) == "initial-orders"


def test_wanting_to_order_is_one_buyers_interest_and_market_wide_wants_are_orders(real_seeds: SeedData) -> None:
    assert _metric("Tencent said it was interested in ordering 150,000 H200 chips.", real_seeds) == "buyer-interest"
    # near misses: no buyer named (what Chinese firms want, market-wide), and orders placed
    assert _metric("Chinese tech giants want 1.5 million H200 chips.", real_seeds) == "cn-h200-orders"
    assert _metric("Tencent has placed orders for 150,000 H200 chips.", real_seeds) != "buyer-interest"
