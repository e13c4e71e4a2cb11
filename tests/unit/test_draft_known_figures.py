"""A figure the tracker already holds is offered that figure's metric, so the claims reconcile.

Sentences are the project's own words; each case has a near miss the rule must leave alone: a
number two metrics hold, a quarter's metric for a sentence naming no quarter, an H200 metric for
another chip, and a number no seeded claim holds.
"""

from __future__ import annotations

import datetime as dt

from data.draft import draft_from_text
from data.draft.known_figures import metric_of, offered
from data.draft.metric_words import firms_named, owner_fits
from data.draft.model import Figure
from data.load import SeedData


def _metrics(text: str, seeds: SeedData) -> dict[str, str | None]:
    draft = draft_from_text(text, seeds, publisher="Test Wire", published=dt.date(2026, 2, 3))
    return {c.figure.wording: c.metric for c in draft.claims if c.figure is not None}


def _usd(value: float) -> Figure:
    return Figure(unit="usd", bound="exact", wording="x", value=value)


def test_a_figure_only_one_metric_holds_is_offered_that_metric(real_seeds: SeedData) -> None:
    # the smuggling case's value, told in words no keyword rule reads as it
    text = "Agents said the ring smuggled $160 million of H200 chips to buyers in China.\n"
    assert _metrics(text, real_seeds)["$160 million"] == "gatekeeper-smuggled-value-usd"
    # over a keyword rule of the same family: the share rule reads a share, the number says which one
    text = "Nvidia once held 95% of China's market for H200-class chips, Huang said.\n"
    assert _metrics(text, real_seeds)["95%"] == "nvidia-china-share-peak-pct"


def test_the_number_alone_or_against_a_guarded_rule_is_not_enough(real_seeds: SeedData) -> None:
    # near misses: no word of what the metric counts; a keyword rule of another family; a guard
    assert metric_of(_usd(5e10), "Nvidia's package of stock awards was worth $50 billion.", real_seeds) is None
    assert offered(
        "h200-china-revenue-opportunity-usd", 100.0, _usd(5e10), "a market of $50B a year", real_seeds, None
    ) == ("h200-china-revenue-opportunity-usd")
    share = Figure(unit="percent", bound="exact", wording="25%", value=25.0)
    revenues = "Chinese firms will share 25% of the revenues among themselves, analysts of the chip market said."
    assert offered("to-confirm-new-metric-percent", 0.0, share, revenues, real_seeds, None) == (
        "to-confirm-new-metric-percent"
    )
    assert offered(
        "to-confirm-new-metric-percent", 0.0, share, "a 25% share of H200 revenue for the US", real_seeds, None
    ) == ("us-revenue-cut-pct")


def test_a_number_no_seeded_claim_or_several_hold_keeps_the_words_metric(real_seeds: SeedData) -> None:
    # near misses: 15% is the H20 deal's share and a speed ratio; $123 million is in no claim
    assert (
        metric_of(Figure(unit="percent", bound="exact", wording="15%", value=15.0), "a 15% share", real_seeds) is None
    )
    assert metric_of(_usd(123e6), "about $123 million", real_seeds) is None
    assert metric_of(_usd(0.0), "no revenue at all", real_seeds) is None  # zero is told of too many things


def test_of_two_metrics_holding_a_number_the_one_the_sentence_tells_of_clearly(real_seeds: SeedData) -> None:
    # 15% is the H20 deal's share of revenue and a speed ratio; the licences and the revenue decide
    fifteen = Figure(unit="percent", bound="exact", wording="15%", value=15.0)
    deal = "Washington wants a 15% share of the revenue from H20 sales in return for the export licences."
    assert metric_of(fifteen, deal, real_seeds) == "h20-mi308-revenue-share-pct"
    assert metric_of(fifteen, "a 15% share", real_seeds) is None  # one word each: no clear winner


def test_a_quarters_metric_needs_the_quarter_named(real_seeds: SeedData) -> None:
    held = Figure(unit="usd", bound="at_most", wording="x", high=5.5e9)  # the H20 charge of Q1 of fiscal 2026
    assert metric_of(held, "a $5.5 billion charge in the first quarter of fiscal 2026", real_seeds) is not None
    assert metric_of(held, "a $5.5 billion charge on its H20 stock", real_seeds) is None


def test_an_h200_metric_is_not_offered_for_another_chip(real_seeds: SeedData) -> None:
    stock = Figure(unit="chips", bound="exact", wording="600,000", value=600000.0)  # H200 stock and Ascend output
    assert metric_of(stock, "600,000 units", real_seeds) is None
    assert metric_of(stock, "600,000 Ascend chips", real_seeds, product="ascend-910c") == "huawei-ascend-output"


def test_a_metric_named_for_a_firm_is_not_offered_for_another_firms_figure(real_seeds: SeedData) -> None:
    # Huawei's output is 600,000 in the seeds; Cambricon's 600,000 chips are not it
    text = "Cambricon plans to make 600,000 Siyuan chips next year, SMIC's capacity allowing."
    assert _metrics(text, real_seeds)["600,000 Siyuan chips"] != "huawei-ascend-output"
    firms = firms_named(text, real_seeds)
    assert "cambricon" in firms and not owner_fits("huawei-ascend-output", firms, real_seeds)
    # near misses: the firm itself named, or no firm named at all
    assert owner_fits("huawei-ascend-output", firms_named("Huawei will make 600,000 chips.", real_seeds), real_seeds)
    assert owner_fits("huawei-ascend-output", firms_named("Output may reach 600,000 chips.", real_seeds), real_seeds)


def test_a_sentence_naming_no_quarter_takes_the_period_its_lead_names(real_seeds: SeedData) -> None:
    """Q4 FY26 revenue told as "the quarter ended 25 January": the lead names the quarter (422)."""
    lead = "Nvidia reported its results for the fourth quarter of fiscal year 2026 (Q4 FY26).\n\n"
    body = "Nvidia's revenue for the quarter ended 25 January 2026 came to $68.1bn.\n\nIt sold no H200s in China.\n"
    assert _metrics(lead + body, real_seeds)["$68.1bn"] == "nvidia-revenue-q4-fy26"
    other = "Nvidia reported its results for the first quarter of fiscal year 2027 (Q1 FY27).\n\n"
    assert _metrics(other + body, real_seeds)["$68.1bn"] != "nvidia-revenue-q4-fy26"  # another quarter's lead
    assert _metrics("Nvidia had a busy week.\n\n" + body, real_seeds)["$68.1bn"] != "nvidia-revenue-q4-fy26"


def test_a_percentage_told_as_a_change_is_no_share_of_the_same_number(real_seeds: SeedData) -> None:
    """20% is the US's first ask for a revenue share, but "a 20% sequential revenue increase" is growth."""
    grew = _metrics(
        "Nvidia, which sells H200 chips in China, also reported a 20% sequential revenue increase.\n", real_seeds
    )
    assert grew["20%"] != "us-revenue-share-initial-ask-pct"
    levels = _metrics("Nvidia's China market share has dropped to 50% from 95%, Huang said.\n", real_seeds)
    assert levels["95%"] and levels["95%"].startswith("nvidia-china-share")  # levels, not a change


def test_the_trackers_own_figure_in_a_sentence_set_aside_is_drafted(real_seeds: SeedData) -> None:
    """A sentence about rare earths is background, but the 46 US firms China's finance ministry
    barred are a figure the tracker holds (its answer to the 1260H list): drafted, with its metric."""
    text = (
        "China answered the Pentagon list on Monday.\n\nThe finance ministry barred Chinese buyers from "
        "procuring goods from 46 other US firms, rare earth miners among them.\n"
    )
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 6, 22))
    assert [(c.figure.value, c.metric) for c in draft.claims if c.figure] == [(46, "cn-mof-barred-us-firms")]


def test_another_chips_figure_in_a_history_sentence_stays_history(real_seeds: SeedData) -> None:
    """The H20 deal's 15% is a seeded figure, but in an H200 story it is the earlier year's."""
    text = (
        "Nvidia began shipping H200 chips to China this week, the company said.\n\nIn August 2025, Trump "
        "said he would grant Nvidia licences to sell its H20 chips to China on condition that the company "
        "pay the US government 15% of its revenue from those sales.\n"
    )
    draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 7, 20))
    assert not [c for c in draft.claims if c.figure is not None and c.figure.value == 15]
    assert any('"15%" left out' in note for note in draft.notes)


def test_a_quarter_without_its_year_takes_the_one_fiscal_year_the_text_names(real_seeds: SeedData) -> None:
    """ "a $180 million release ... in the second quarter", in a text naming fiscal 2026 once (436)."""
    body = (
        "Nvidia had no H20 sales to China in the second quarter, but it released $180 million of reserved "
        "H20 inventory.\n\nFor the third quarter of fiscal 2026 it guides to $54 billion.\n"
    )
    lead = "Nvidia shares slipped before the open.\n\nInvestors focused on China.\n\n"
    assert _metrics(lead + body, real_seeds)["$180 million"] == "nvidia-h20-reserve-release-q2-fy26"
    two_years = body + "\nIn the second quarter of fiscal 2025 it had sold more.\n"
    assert _metrics(lead + two_years, real_seeds)["$180 million"] != "nvidia-h20-reserve-release-q2-fy26"
