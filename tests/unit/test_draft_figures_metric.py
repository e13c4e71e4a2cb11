"""Which tracker metric a drafted figure is offered: the rule that fits its own words, never a new
slug when a declared metric says the same thing, and never a neighbouring metric's meaning.

Cases and near misses are written in the project's own words.
"""

from __future__ import annotations

import pytest

from data.draft import suggest
from data.draft.figures import find_figures
from data.load import SeedData
from tests.unit.draft_helpers import metric_for as _metric


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports go ahead on condition of a 25% payment to the US Treasury.",
        "Sales were allowed subject to a 25 percent levy.",
        "The president will impose a 25 percent charge on what those sales earn.",
        "Nvidia pledged to hand 25% of its China H200 sales to the coffers of Washington.",
        "The government would take 25 percent of what the chips bring in.",
    ],
)
def test_the_us_take_in_other_words_is_the_revenue_cut(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) == "us-revenue-cut-pct"


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Nvidia's share of China's AI chip market fell to 5%.", "nvidia-china-share-pct"),
        ("Chinese buyers may not receive more than 50% of the chips sold to US customers.",
         "us-china-share-of-us-volume-pct"),
    ],
)  # fmt: skip
def test_other_shares_are_not_the_revenue_cut(sentence: str, metric: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) == metric


def test_orders_the_seller_expects_are_not_orders_placed(real_seeds: SeedData) -> None:
    assert _metric("Nvidia had expected orders of over 1.5 million chips from China.", real_seeds) == (
        "nvidia-expected-orders"
    )
    assert _metric("The company was anticipating more than 1.5 million orders for H200 chips.", real_seeds) == (
        "nvidia-expected-orders"
    )
    # near miss: buyers' orders stay orders, also when a later step is expected
    assert _metric("Chinese firms placed orders for more than 1.5 million H200 chips.", real_seeds) == "cn-h200-orders"


def test_received_orders_are_not_deliveries(real_seeds: SeedData) -> None:
    assert _metric("Nvidia has received orders for more than 1.5 million H200 chips.", real_seeds) == ("cn-h200-orders")
    # near miss: a buyer receiving chips is a delivery
    assert _metric("ByteDance has received about 9,000 H200 chips.", real_seeds) == "h200-delivered-to-china"


def test_as_many_as_in_a_sentence_about_orders_is_not_the_us_ceiling(real_seeds: SeedData) -> None:
    metric = _metric("First orders are expected to total as many as 70,000 H200 chips.", real_seeds)
    assert metric == "cn-h200-orders"
    # near miss: shipments that could reach a total, with no orders in the sentence, are the ceiling
    assert _metric("Shipments to China could reach as many as 900,000 units in total.", real_seeds) == (
        "us-total-ceiling"
    )


def test_a_green_light_to_buy_is_the_first_batch(real_seeds: SeedData) -> None:
    sentence = "Three firms got the green light to purchase over 300,000 H200 chips in all."
    assert _metric(sentence, real_seeds) == "cn-first-batch-chips"
    # near miss: the green light to sell is not a number of chips Beijing let in
    assert _metric("Nvidia got the green light to sell 300,000 H200 chips.", real_seeds) != "cn-first-batch-chips"


def test_what_the_seller_has_available_is_its_stock(real_seeds: SeedData) -> None:
    assert _metric("That is far beyond the 600,000 chips Nvidia has available.", real_seeds) == "nvidia-h200-stock"
    assert _metric("Buyers want 600,000 chips available by March.", real_seeds) != "nvidia-h200-stock"


def test_chip_modules_get_the_module_metric(real_seeds: SeedData) -> None:
    sentence = "The first shipment will be 6,000 to 9,000 chip modules."
    assert _metric(sentence, real_seeds) == "first-shipment-modules"


def test_a_price_each_gets_the_chip_price_metric(real_seeds: SeedData) -> None:
    sentence = "Firms ordered H200 chips priced near $26,000 (about €22,000) each."
    assert _metric(sentence, real_seeds) == "h200-price-per-chip"


def test_chips_the_us_licensed_are_the_licensed_volume(real_seeds: SeedData) -> None:
    assert _metric("Washington has licensed up to 90,000 H200s for two buyers.", real_seeds) == (
        "us-licensed-h200-volume"
    )
    assert _metric("The US issued licences for 45,000 H200 chips.", real_seeds) == "us-licensed-h200-volume"
    # near miss: what firms applied for is not what was licensed
    assert _metric("Firms have applied for licences covering 250,000 H200 chips.", real_seeds) != (
        "us-licensed-h200-volume"
    )


def test_chips_sold_so_far_are_sales_never_a_plan(real_seeds: SeedData) -> None:
    assert _metric("Nvidia has sold about 25,000 H200 chips to China so far.", real_seeds) == "h200-sold-to-china"
    assert _metric("Nvidia plans to sell 25,000 H200 chips to China.", real_seeds, status="planned") != (
        "h200-sold-to-china"
    )


def test_a_price_per_card_is_per_chip(real_seeds: SeedData) -> None:
    figure = find_figures("The card would cost around $7,500 per card in China.")[0]
    assert (figure.unit, figure.bound) == ("usd_per_chip", "approx")
    # near miss: a price per server stays a module price, never a chip price
    assert find_figures("An H200 server costs about $250,000 per server.")[0].unit != "usd_per_chip"


@pytest.mark.parametrize(
    "sentence",
    [
        "Tencent has taken delivery of about 9,000 H200s.",
        "So far deliveries total about 18,000 H200 chips.",
        "About 18,000 H200 chips have reached Chinese customers.",
        "ByteDance got roughly 9,000 H200 processors by the end of the month.",
        "Only 18,000 H200s have made it into China.",
        "Shipping has begun, with about 18,000 H200s sent so far.",
    ],
)
def test_deliveries_in_other_words(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) == "h200-delivered-to-china"


@pytest.mark.parametrize(
    "sentence",
    [
        "Orders have reached 1.8 million H200 chips.",  # orders reaching a level are not chips reaching China
        "ByteDance got the green light to buy 9,000 H200 processors.",  # a permission, not chips in hand
    ],
)
def test_near_misses_of_deliveries(sentence: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) != "h200-delivered-to-china"


def test_a_sale_approved_is_washingtons_unless_beijing_is_named(real_seeds: SeedData) -> None:
    assert _metric("Washington approved the sale of 90,000 H200 chips to two buyers.", real_seeds) == (
        "us-licensed-h200-volume"
    )
    assert _metric("Beijing approved the sale of 90,000 H200 chips to one buyer.", real_seeds) == (
        "cn-first-batch-chips"
    )
    assert _metric("Beijing has allowed three firms to import 90,000 H200 chips.", real_seeds) == (
        "cn-first-batch-chips"
    )


def test_a_plan_to_buy_is_interest_and_a_forecast_total_is_no_ceiling(real_seeds: SeedData) -> None:
    assert _metric("Alibaba plans to buy 35,000 H200 chips.", real_seeds) == "buyer-interest"
    assert _metric("Deliveries are expected to total 18,000 H200 chips by autumn.", real_seeds) != "us-total-ceiling"


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("In the second quarter of fiscal 2027, licensed H200 sales to China were under 1% of data center revenue.",
         "nvidia-h200-share-of-dc-revenue-q2-fy27"),
        ("Over the first half of fiscal 2027 the company booked a $0.5 billion charge on H200 stock.",
         "nvidia-h200-charge-h1-fy27"),
        ("Data center revenue reached $40 billion in the second quarter of fiscal 2027.", "nvidia-dc-revenue-q2-fy27"),
        ("Revenue in the second quarter of fiscal 2027 came to $46 billion.", "nvidia-revenue-q2-fy27"),
        ("For the third quarter of fiscal 2027 it guided revenue of $53 billion, with no China data center sales.",
         "nvidia-revenue-guidance-q3-fy27"),
    ],
)  # fmt: skip
def test_a_metric_declared_per_period_is_offered_for_the_period_named(
    sentence: str, metric: str, real_seeds: SeedData
) -> None:
    assert _metric(sentence, real_seeds) == metric


def test_no_period_named_no_period_metric(real_seeds: SeedData) -> None:
    # near miss: the same words without a period never get a guessed quarter
    metric = _metric("Licensed H200 sales to China were under 1% of data center revenue.", real_seeds)
    assert not metric.endswith(("-fy27", "-fy26", "-fy2025-pct"))
    # a four-digit fiscal year in a metric id is a period too: fiscal 2025 is not last year
    assert "fy2025" not in _metric("China was 12% of the company's sales last year.", real_seeds)


def test_a_share_of_revenue_is_the_us_take_only_beside_the_us(real_seeds: SeedData) -> None:
    assert _metric("The value is net of the US government's 25% share of revenue.", real_seeds) == "us-revenue-cut-pct"
    assert _metric("China's share of the company's revenue was 12% last year.", real_seeds) != "us-revenue-cut-pct"


def test_each_figure_keeps_its_own_clause(real_seeds: SeedData) -> None:
    sentence = "Big Chinese platforms want 1.8 million H200 chips but Beijing approved only 350,000."
    # what the platforms want, no one buyer named: the market-wide orders (buyer-interest is one buyer's)
    assert _metric(sentence, real_seeds, at=0) == "cn-h200-orders"
    assert _metric(sentence, real_seeds, at=1) == "cn-first-batch-chips"


def test_handing_a_share_to_the_us_is_the_revenue_cut(real_seeds: SeedData) -> None:
    assert _metric("The vendor will hand over 20% of its H200 sales to the US.", real_seeds) == "us-revenue-cut-pct"
    # near miss: giving a share to someone else is not the US take
    assert _metric("The vendor will give 20% of its H200 chips to partners.", real_seeds) != "us-revenue-cut-pct"


def test_a_figure_about_another_chip_gets_no_h200_metric(real_seeds: SeedData) -> None:
    sentence = "The vendor agreed to give 15% of its H20 revenue to the US government."
    figure = find_figures(sentence)[0]
    for product in ("h20", "h200"):
        metric, _ = suggest.metric(sentence, figure.unit, real_seeds, bound=figure.bound, product=product,
                                   span=(figure.start, figure.end))  # fmt: skip
        assert (metric == "us-revenue-cut-pct") is (product == "h200")
    delivered = "Tencent has taken delivery of about 9,000 H20 chips."
    figure = find_figures(delivered)[0]
    metric, _ = suggest.metric(delivered, figure.unit, real_seeds, bound=figure.bound, product="h20")
    assert metric != "h200-delivered-to-china"


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("The agencies have 30 days to comment, under export regulations.", "us-interagency-review-days"),
        ("The bill gives Congress a 30-day window to block each export licence.", "congress-licence-review-window"),
    ],
)
def test_a_review_period_goes_to_the_body_that_reviews(sentence: str, metric: str, real_seeds: SeedData) -> None:
    assert _metric(sentence, real_seeds) == metric


def test_a_short_words_plural_meets_its_singular() -> None:
    from data.draft.metric_words import stems

    assert {"order", "vote", "export"} <= stems("orders votes exports")
    assert {"press", "shares"} <= stems("press shares")  # a stock's shares are no share of a volume
