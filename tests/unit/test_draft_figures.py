"""Figures the drafter reads from one sentence: bound, unit and the count noun it belongs to.

Every rule has a case it must catch and a near miss it must leave alone, in the project's own
words (no article sentence is copied here).
"""

from __future__ import annotations

import datetime as dt

import pytest

from data.draft import draft_from_text
from data.draft.figures import find_figures, numbers_in_text
from data.draft.model import Figure
from data.draft.vague import find_vague
from data.load import SeedData


def _only(sentence: str) -> Figure:
    found = find_figures(sentence)
    assert len(found) == 1, [f.as_quantity() for f in found]
    return found[0]


# --------------------------------------------------------------------------- bounds


def test_a_negated_more_than_is_a_cap_that_allows_the_number() -> None:
    figure = _only("Buyers in China may not get more than 40% of what US clients receive.")
    assert (figure.bound, figure.high, figure.strict) == ("at_most", 40.0, False)
    assert figure.wording == "may not get more than 40%"  # the negation is shown with the number


def test_a_negated_fewer_than_is_a_floor() -> None:
    figure = _only("Each order cannot hold fewer than 300 H200 chips.")
    assert (figure.bound, figure.low, figure.strict) == ("at_least", 300.0, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is not clear whether more than 40% of the chips will ship.",  # "is not" negates nothing about 40 %
        "Sales of the chip grew by more than 40% this quarter.",
        "Lawmakers did not say why more than 300 H200 chips were held.",  # "why" starts another clause
    ],
)
def test_more_than_stays_strict_without_a_negated_verb(sentence: str) -> None:
    figure = _only(sentence)
    assert (figure.bound, figure.strict) == ("more_than", True)


# --------------------------------------------------------------------------- prices


@pytest.mark.parametrize(
    "sentence",
    [
        "Buyers ordered H200 chips at roughly $26,000 (about €22,000) each.",
        "Buyers ordered H200 chips at roughly US$26,000 (RM105,000) a piece.",
        "Buyers ordered H200 chips at roughly $26,000 per piece.",
    ],
)
def test_a_price_each_past_a_converted_amount_is_per_chip(sentence: str) -> None:
    figure = _only(sentence)  # the euro or ringgit amount in brackets is never a second figure
    assert (figure.unit, figure.bound, figure.value) == ("usd_per_chip", "approx", 26000.0)


def test_a_bracketed_amount_without_each_is_plain_money() -> None:
    figure = _only("The deal is worth roughly $26,000 (about €22,000) in all.")
    assert (figure.unit, figure.value) == ("usd", 26000.0)


def test_a_euro_amount_is_not_read_as_a_bare_count() -> None:
    assert find_figures("The H200 chips sold for €22,000 in Europe.") == []


# --------------------------------------------------------------------------- units


def test_a_chip_word_naming_a_module_counts_modules() -> None:
    figure = _only("The first delivery may be between 6,000 and 9,000 chip modules.")
    assert (figure.unit, figure.low, figure.high) == ("modules", 6000.0, 9000.0)
    assert figure.wording.endswith("chip modules")


def test_a_chip_word_before_another_noun_still_counts_chips() -> None:
    figure = _only("Buyers placed 9,000 chip orders with the vendor.")
    assert figure.unit == "chips"


def test_a_possessive_does_not_hide_the_unit() -> None:
    figure = _only("Agents tried to move about 60 of Nvidia's latest H200 chips abroad.")
    assert (figure.unit, figure.bound, figure.value) == ("chips", "approx", 60.0)


def test_nvidia_accelerators_are_chips_other_accelerators_are_not() -> None:
    assert _only("Firms booked more than three million of Nvidia's H200 AI accelerators.").unit == "chips"
    assert _only("Cambricon plans 300,000 Siyuan 590 accelerators next year.").unit == "accelerators"


def test_another_plural_noun_after_the_number_is_not_a_chip_count() -> None:
    # "tenders" is what is counted; the chips named later in the sentence are not its unit
    assert find_figures("A survey of more than 120 tenders found H200 chips in labs.") == []
    assert _only("Chinese buyers placed 3 million orders for H200 chips.").unit == "chips"


def test_small_chip_counts_written_as_words() -> None:
    assert _only("A lab says it runs seven H200 chips.").as_quantity() == {
        "value": 7,
        "unit": "chips",
        "bound": "exact",
        "wording": "seven H200 chips",
    }
    assert _only("The team trained on six Nvidia H200 processors.").value == 6.0


@pytest.mark.parametrize(
    "sentence",
    [
        "One of the H200 chips was faulty.",  # "one of": not a count
        "Three of the chips were seized.",  # a part of a group the sentence does not size
        "One H200 chip costs less than a server.",  # "one chip": a unit of price talk, not a quantity
        "An eight-GPU server is the usual box.",  # a configuration, not a count
    ],
)
def test_word_numbers_that_are_not_chip_counts(sentence: str) -> None:
    assert [f for f in find_figures(sentence) if f.unit in ("chips", "modules")] == []


def test_millions_of_dollars_is_money_not_chips() -> None:
    assert find_vague("They moved Nvidia chips worth millions of dollars.", ["millions"], []) == []
    found = find_vague("Buyers want millions of H200 chips.", ["millions"], [])
    assert [f.wording for f in found] == ["millions of H200 chips"]


# --------------------------------------------------------------------------- background numbers


def _drafted(text: str, seeds: SeedData) -> tuple[list[str], list[str]]:
    draft = draft_from_text(text, seeds, publisher="Test Wire", published=dt.date(2026, 2, 3))
    wordings = [c.figure.wording for c in draft.claims if c.figure is not None]
    return wordings, [n for n in draft.notes if "left out" in n]


def test_a_share_price_move_is_listed_not_drafted(real_seeds: SeedData) -> None:
    text = (
        "Chinese buyers ordered more than 1.5 million H200 chips, people familiar said.\n\n"
        "Nvidia stock has climbed 25% this year to about $190 per share.\n\n"
        "Shares of a server maker dropped 20% on the news about H200 exports to China.\n"
    )
    wordings, notes = _drafted(text, real_seeds)
    assert wordings == ["more than 1.5 million H200 chips"]
    assert len(notes) == 2 and all("share-price move" in n for n in notes)


def test_a_stock_of_chips_and_a_market_share_are_not_share_prices(real_seeds: SeedData) -> None:
    text = (
        "Nvidia holds a stock of about 600,000 H200 chips for China.\n\n"
        "Its market share in China's AI chip market fell to 5%.\n"
    )
    wordings, notes = _drafted(text, real_seeds)
    assert wordings == ["about 600,000 H200 chips", "5%"]
    assert notes == []


def test_a_figure_counting_an_untracked_chip_is_left_out_its_neighbour_kept(real_seeds: SeedData) -> None:
    text = "Prosecutors say the pair shipped some 300 A100 GPUs and tried to ship about 40 H200 chips to China.\n"
    wordings, notes = _drafted(text, real_seeds)
    assert wordings == ["about 40 H200 chips"]
    assert len(notes) == 1 and "A100" in notes[0] and "does not follow" in notes[0]


def test_a_figure_counting_a_tracked_chip_stays(real_seeds: SeedData) -> None:
    # the H20 is one of the tracker's chips: its figures are drafted beside the H200's
    text = "China's buyers took about 300 H20 chips and about 40 H200 chips last month.\n"
    wordings, _ = _drafted(text, real_seeds)
    assert wordings == ["about 300 H20 chips", "about 40 H200 chips"]


def test_dotted_abbreviations_and_microchips() -> None:
    figure = _only("Orders may total as many as 70,000 H200 A.I. microchips, reports say.")
    assert (figure.unit, figure.bound, figure.wording) == ("chips", "at_most", "as many as 70,000 H200 A.I. microchips")
    # near miss: "A.I." is one word, and what follows it is still the unit
    assert find_figures("They hired 7,000 A.I. researchers.") == []


def test_us_dollars_spelled_with_dots_are_money() -> None:
    figure = _only("About 70,000 U.S. dollars changed hands.")
    assert (figure.unit, figure.value, figure.wording) == ("usd", 70000.0, "About 70,000 U.S. dollars")


@pytest.mark.parametrize(
    ("sentence", "bound", "wording"),
    [
        ("The vendor sent 9,000 or so H200 chips.", "approx", "9,000 or so H200 chips"),
        ("The vendor sent 9,000-odd H200 chips.", "approx", "9,000-odd H200 chips"),
        ("Buyers asked for upward of 250,000 H200 chips.", "more_than", "upward of 250,000 H200 chips"),
        ("Orders sit in the region of 1.5 million H200 chips.", "approx", "in the region of 1.5 million H200 chips"),
    ],
)
def test_rough_and_floor_wordings_on_either_side_of_the_number(sentence: str, bound: str, wording: str) -> None:
    figure = _only(sentence)
    assert (figure.unit, figure.bound, figure.wording) == ("chips", bound, wording)


def test_a_letter_scale_counts_chips_only_before_a_chip_noun() -> None:
    assert _only("A buyer wants 350K H200 chips.").as_quantity() == {
        "value": 350000,
        "unit": "chips",
        "bound": "exact",
        "wording": "350K H200 chips",
    }
    assert _only("Orders reached 1.5m H200s.").value == 1_500_000.0
    # near misses: a letter scale on anything else is not a figure
    assert find_figures("The model has 70B parameters and H200 chips run it.") == []
    assert find_figures("The app had 5M users of H200 chips.") == []
    assert find_figures("The test ran 9,000 or so times on H200 chips.") == []


def test_a_section_number_is_not_a_chip_count() -> None:
    assert find_figures("Under Section 301, H200 chips from the plant face checks.") == []
    # near miss: the same number counting chips is a figure
    assert _only("The plant made 301 H200 chips.").value == 301.0


def test_pc_after_a_number_is_percent_and_pcs_are_not() -> None:
    figure = _only("The government keeps 20pc of what H200 chips earn in China.")
    assert (figure.unit, figure.value, figure.wording) == ("percent", 20.0, "20pc")
    assert [f for f in find_figures("They bought 12 PCs for the lab.") if f.unit == "percent"] == []


def test_a_price_a_share_and_a_move_in_trading_are_share_prices(real_seeds: SeedData) -> None:
    text = (
        "Nvidia ended at $175 a share after the H200 news from China.\n\n"
        "The stock gained 4% in early trading on the H200 report from China.\n\n"
        "Chinese buyers took a share of about 30% of H200 output.\n"
    )
    wordings, notes = _drafted(text, real_seeds)
    assert wordings == ["about 30%"]  # "a share of" output is no share price
    assert len(notes) == 2 and all("share-price move" in n for n in notes)


def test_over_that_belongs_to_its_verb_is_no_bound() -> None:
    assert _only("The vendor will hand over 20% of its China H200 sales.").as_quantity()["bound"] == "exact"
    assert _only("The vendor turned over roughly 20% of its China sales.").bound == "approx"
    # near misses: "paid over" and "sold over" are amounts above the number
    assert _only("Buyers paid over $2 billion for H200 chips.").bound == "more_than"
    assert _only("The vendor sold over 9,000 H200 chips.").bound == "more_than"


def test_systems_and_nodes_of_a_chip_are_modules() -> None:
    assert _only("The vendor will ship 900 HGX H200 systems to one buyer.").unit == "modules"
    assert _only("The cluster runs 450 H200 nodes.").unit == "modules"
    # near miss: systems of something else are not counted at all, and chips stay chips
    assert [f.unit for f in find_figures("The state bought 900 weapons systems and 450 H200 chips.")] == ["chips"]


def test_a_change_from_one_reading_to_another_is_not_a_range() -> None:
    found = find_figures("The levy was raised from 12% to 22%.")
    assert [(f.value, f.bound) for f in found] == [(12.0, "exact"), (22.0, "exact")]
    found = find_figures("Deliveries rose from 9,000 to 18,000 H200 chips.", chip_context=True)
    assert [(f.value, f.unit) for f in found] == [(9000.0, "chips"), (18000.0, "chips")]
    # what changed may stand between the verb and "from"
    found = find_figures("Curbs have slashed the firm's market share in China from 95% to 50%.")
    assert [(f.value, f.bound) for f in found] == [(95.0, "exact"), (50.0, "exact")]
    # near misses: a span the text gives as one quantity stays a range
    assert _only("The batch may range from 35,000 to 70,000 H200 chips.").bound == "range"
    assert _only("Shares plunged after reports of orders from 35,000 to 70,000 H200 chips.").bound == "range"
    assert _only("Shipments of 35,000 to 70,000 H200 chips are planned.").bound == "range"


@pytest.mark.parametrize(
    ("sentence", "bound", "low", "high"),
    [
        ("The vendor shipped just over 9,000 H200 chips.", "more_than", 9000.0, None),
        ("The vendor shipped slightly more than 9,000 H200 chips.", "more_than", 9000.0, None),
        ("The buyer got just under 9,000 H200 chips.", "less_than", None, 9000.0),
        ("Orders were just shy of 1.8 million H200 chips.", "less_than", None, 1_800_000.0),
    ],
)
def test_just_over_and_just_under_keep_their_side(sentence: str, bound: str, low: float, high: float) -> None:
    figure = _only(sentence)
    assert (figure.bound, figure.low, figure.high, figure.strict) == (bound, low, high, True)


def test_nearly_stays_approximate() -> None:
    assert _only("Nearly 9,000 H200 chips shipped.").bound == "approx"  # "nearly" gives no side


def test_the_earlier_reading_of_a_price_change_is_per_chip_too() -> None:
    found = find_figures("The price went from $24,000 to $26,000 per chip.")
    assert [(f.value, f.unit) for f in found] == [(24000.0, "usd_per_chip"), (26000.0, "usd_per_chip")]
    # near miss: a later, separate price does not make two totals per chip
    found = find_figures("Sales rose from $2 billion to $3 billion, or $26,000 per chip.")
    assert [f.unit for f in found] == ["usd", "usd", "usd_per_chip"]


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("Alibaba asked for >200,000 H200 chips.", "more_than"),
        ("The chips cost ≈US$27,000 each.", "approx"),
        ("Shipments reached ~10,000 H200 chips.", "approx"),
        ("Each licence allows ≤75,000 H200 chips.", "at_most"),
        ("Each buyer may take >= 5,000 H200 chips.", "at_least"),
        ("China took <1% of data-centre revenue.", "less_than"),
    ],
)
def test_bound_symbols_in_bullets_keep_their_bound(sentence: str, bound: str) -> None:
    # digests write bounds as symbols; ">200,000" is a strict floor, never an exact 200,000
    assert _only(sentence).bound == bound


def test_a_bare_number_beside_an_arrow_or_a_ratio_stays_exact() -> None:
    assert _only("Orders rose from none to 40,000 H200 chips.").bound == "exact"
    found = find_figures("The board voted 3-2 to buy 40,000 H200 chips.")
    assert [(f.unit, f.bound) for f in found if f.unit != "votes"] == [("chips", "exact")]  # the tally is votes


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials weigh a 75,000 H200s per customer cap.",
        "The “50,000 chips per Chinese buyer” limit would bind the largest firms.",
        "Talks centre on a 120,000 chips a firm ceiling.",
    ],
)
def test_a_number_that_is_a_caps_level_is_its_most(sentence: str) -> None:
    figure = _only(sentence)
    assert figure.bound == "at_most" and figure.high is not None and figure.value is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The firm bought 75,000 chips, well under the cap.",
        "About 75,000 chips per customer were shipped before any cap.",
        "Each buyer got 75,000 chips; a limit came later.",
    ],
)
def test_a_number_beside_a_cap_it_is_not_the_level_of_stays_as_written(sentence: str) -> None:
    assert _only(sentence).bound in ("exact", "approx")


@pytest.mark.parametrize(
    "sentence",
    [
        "Demand is strong, with each chip priced at around $27,000.",
        "A single H200 costs roughly $30,000 in Shenzhen.",
    ],
)
def test_a_price_after_one_chip_is_per_chip(sentence: str) -> None:
    assert _only(sentence).unit == "usd_per_chip"


@pytest.mark.parametrize(
    "sentence",
    [
        "Each server is priced at about $300,000.",
        "The chips in the order cost $2 billion in all.",
    ],
)
def test_a_price_of_a_server_or_of_many_chips_is_not_per_chip(sentence: str) -> None:
    assert _only(sentence).unit != "usd_per_chip"


@pytest.mark.parametrize(
    "sentence", ["The rule sets a 50% volume cap on exports.", "Licences carry a 30 percent export limit."]
)
def test_a_share_that_is_a_caps_level_is_its_most(sentence: str) -> None:
    figure = _only(sentence)
    assert figure.unit == "percent" and figure.bound == "at_most" and figure.high is not None


@pytest.mark.parametrize("sentence", ["A 25% tariff applies to the chips.", "Sales fell 50% after the cap."])
def test_a_share_beside_no_cap_or_after_it_stays_as_written(sentence: str) -> None:
    assert _only(sentence).bound == "exact"


def test_a_performance_threshold_named_before_its_number_is_tpp_not_chips() -> None:
    figure = find_figures("It covers H200 chips with total processing performance under 21,000.", True)[0]
    assert figure.unit == "tpp" and figure.bound == "less_than"


def test_a_bandwidth_in_gigabytes_per_second_is_a_rate() -> None:
    figure = _only("The limit is a memory bandwidth below 6,500 gigabytes per second.")
    assert figure.unit == "gb_per_s" and figure.bound == "less_than"
    assert all(f.unit != "gb_per_s" for f in find_figures("The chip ships with 141 GB of memory.", True))


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("China cannot import more than half the volume sold to US customers.", "at_most"),
        ("Shipments may not exceed half of the total US sales volume.", "at_most"),
        ("China may take half the volume sold at home.", "exact"),
    ],
)
def test_a_share_told_as_half_of_a_volume_is_kept_in_words_with_its_bound(sentence: str, bound: str) -> None:
    figure = _only(sentence)
    assert (figure.unit, figure.bound, figure.vague, figure.numbers()) == ("percent", bound, True, [])
    assert "half" in figure.wording


@pytest.mark.parametrize("sentence", ["Half of the analysts agree.", "The firm sold half its stake last year."])
def test_half_of_something_not_a_volume_is_no_figure(sentence: str) -> None:
    assert find_figures(sentence, True) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "China is not allowed to import more than 50% of the US volume.",
        "Buyers are barred from buying more than 50,000 chips.",
    ],
)
def test_a_floor_under_a_denied_permission_is_a_cap(sentence: str) -> None:
    assert _only(sentence).bound == "at_most"


def test_a_span_to_a_vague_top_is_one_figure_in_its_words() -> None:
    """ "10,000 to several hundred thousand" is the lexicon's span: drafted once, as a range in words."""
    from data.draft.vague import add_vague

    sentence = "Smuggling may have moved from 10,000 to several hundred thousand chips last year."
    lexicon = ["several hundred thousand", "10,000 to several hundred thousand"]
    found = add_vague(sentence, lexicon, find_figures(sentence, chip_context=True))
    assert [(f.wording, f.bound, f.vague) for f in found] == [
        ("10,000 to several hundred thousand chips", "range", True)
    ]


def test_a_vague_wording_beside_a_number_leaves_the_number() -> None:
    from data.draft.vague import add_vague

    sentence = "Buyers ordered 10,000 chips, and want several hundred thousand more H200 chips."
    found = add_vague(sentence, ["several hundred thousand"], find_figures(sentence, chip_context=True))
    assert sorted(f.wording for f in found) == ["10,000 chips", "several hundred thousand more H200 chips"]


@pytest.mark.parametrize(
    ("sentence", "wording", "unit", "bound"),
    [
        (
            "Big deals of more than 100,000 GB300s would need a government's sign-off.",
            "more than 100,000 GB300s",
            "chips",
            "more_than",
        ),
        ("Analysts spoke of a million chip exports a year.", "a million chip exports", "chips", "exact"),
        (
            "Buyers may get no more than half of the chips sold to US clients.",
            "no more than half of the chips sold",
            "percent",
            "at_most",
        ),
    ],
)
def test_a_chip_model_in_the_plural_a_count_noun_and_half_of_the_chips_sold(
    sentence: str, wording: str, unit: str, bound: str
) -> None:
    figure = _only(sentence)
    assert (figure.wording, figure.unit, figure.bound) == (wording, unit, bound)


@pytest.mark.parametrize(
    "sentence",
    [
        "Half of the chips sold were faulty, he said.",  # a share of chips sold, no rule's share
        "Prices of the older models fell last year.",  # "models" is no chip model
    ],
)
def test_half_of_chips_sold_alone_and_a_plural_word_are_no_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["Each H200 chip comes at an estimated cost of $21,000.", "The H200 chip's price is estimated at $21,000 each."],
)
def test_an_estimated_cost_or_a_price_estimated_at_is_approximate(sentence: str) -> None:
    figure = _only(sentence)
    assert (figure.value, figure.bound) == (21000.0, "approx")


def test_a_cost_named_without_an_estimate_stays_exact() -> None:
    assert _only("Each H200 chip comes at a cost of $21,000.").bound == "exact"


@pytest.mark.parametrize(
    ("sentence", "wording", "bound"),
    [
        ("Its share of the market fell from 95% to zero.", "to zero", "exact"),
        ("The chipmaker's share there dropped from 95% to nearly zero.", "to nearly zero", "approx"),
        # the market named at length, and an adverb that keeps it exact (session 17, fixture 335)
        (
            "The vendor's market share in the country's AI accelerator sector has collapsed to absolute zero.",
            "to absolute zero",
            "exact",
        ),
    ],
)
def test_a_share_gone_to_zero_is_a_percent_in_words(sentence: str, wording: str, bound: str) -> None:
    zero = [f for f in find_figures(sentence) if f.wording == wording]
    assert [(f.unit, f.bound, f.value, f.vague) for f in zero] == [("percent", bound, None, True)]


def test_a_count_gone_to_zero_is_no_share() -> None:
    # Near miss: shipments falling to zero are no percent (and no number is made up for them).
    assert [f for f in find_figures("H200 shipments fell to zero in May.") if "zero" in f.wording] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("$17.1 billion", 17_100_000_000.0), ("$4.1 trillion", 4_100_000_000_000.0), ("2.3 million chips", 2_300_000.0)],
)
def test_a_scaled_number_is_the_number_written_not_a_floating_point_neighbour(text: str, value: float) -> None:
    # 17.1 x 1e9 is 17,100,000,000.000002 in binary floating point: a saved seed would show it
    (figure,) = find_figures(text)
    assert figure.value == value
    assert value in numbers_in_text(text)


def test_a_scaled_number_keeps_its_own_digits() -> None:
    # near miss: rounding to fifteen digits leaves a number that has its digits as written
    (figure,) = find_figures("$1.234567 billion")
    assert figure.value == 1_234_567_000.0


@pytest.mark.parametrize(
    ("sentence", "bound"),
    [
        ("The rush orders exceeded USD 12 billion, a source said.", "more_than"),
        ("Sales topped 30,000 units in the quarter.", "more_than"),
        ("H20 revenue did not exceed $2 billion.", "at_most"),  # near miss: a negated floor is a cap
        ("The cost was USD 5 million.", "exact"),  # near miss: a currency code is no bound
    ],
)
def test_a_number_exceeded_or_topped_is_a_strict_floor(sentence: str, bound: str) -> None:
    (figure,) = find_figures(sentence, True)
    assert figure.bound == bound


def test_npus_are_counted_as_chips() -> None:
    (figure,) = find_figures("The cluster links over 500,000 Ascend NPUs.", True)
    assert (figure.unit, figure.bound, figure.low) == ("chips", "more_than", 500_000)
    metres = find_figures("The cluster covers 500,000 square metres.", True)
    assert all(f.unit != "chips" for f in metres)  # near miss: another noun


def test_a_vague_count_of_a_named_chip_model_counts_chips() -> None:
    # the sentence names no chip word: the model after the words says what is counted
    (found,) = find_vague("Firms meant to order tens of thousands of the RTX Pro 6000D.", ["tens of thousands"], [])
    assert (found.unit, found.bound, found.wording) == ("chips", "approx", "tens of thousands")
    # near miss: a year after the words is no chip model
    assert find_vague("Tens of thousands of the 2025 graduates applied.", ["tens of thousands"], []) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nvidia holds about half a million H200s.", 500_000.0),
        ("a quarter of a million chips", 250_000.0),
        ("three quarters of a million GPUs", 750_000.0),
        ("a million chips", 1_000_000.0),  # near miss: "a million" alone is a million
    ],
)
def test_a_fraction_of_a_million_is_that_fraction_never_a_million(text: str, value: float) -> None:
    (figure,) = find_figures(text, True)
    assert figure.value == value
    assert value in numbers_in_text(text)


def test_as_high_as_is_a_cap() -> None:
    (figure,) = find_figures("Orders could go as high as 500,000 chips.", True)
    assert (figure.bound, figure.high) == ("at_most", 500_000)


def test_several_thousand_and_several_million_are_lexicon_wordings(real_seeds: SeedData) -> None:
    # read as "several" always is (three to nine), kept in the words with no value made up
    for text, wording in [
        ("Chinese firms ordered several thousand H200 chips.", "several thousand H200 chips"),
        ("Buyers want several million H200s, traders say.", "several million H200s"),
    ]:
        draft = draft_from_text(text, real_seeds, publisher="Test Wire", published=dt.date(2026, 2, 3))
        (claim,) = [c for c in draft.claims if c.figure is not None]
        assert (claim.figure.wording, claim.figure.vague, claim.figure.value) == (wording, True, None)
    ranges = {w: (e.low, e.high) for w, e in real_seeds.lexicon.items()}
    assert ranges["several thousand"] == (3000, 9000) and ranges["several hundred thousand"] == (300000, 900000)


def test_a_currency_code_after_the_number_is_its_currency() -> None:
    (capex,) = find_figures("Capital spending rose to 31.9 billion RMB in the quarter.", True)
    assert (capex.unit, capex.value, capex.wording) == ("rmb", 31_900_000_000.0, "31.9 billion RMB")
    (spend,) = find_figures("The firm spent 5 billion USD on servers.", True)
    assert spend.unit == "usd"


def test_a_percent_and_an_amount_joined_by_to_are_two_figures_not_a_range() -> None:
    # "rose 9% to 196.46 billion" once made a range from 9 billion to 196.46 billion
    found = find_figures("Revenue rose 9% to 196.46 billion RMB.", True)
    assert [(f.unit, f.value) for f in found] == [("percent", 9.0), ("rmb", 196_460_000_000.0)]
    # near miss: two percents are one range
    (share,) = find_figures("China may be 20-25% of the sales.", True)
    assert (share.bound, share.low, share.high) == ("range", 20.0, 25.0)


def test_a_range_to_as_much_as_is_one_range_and_a_change_stays_two_figures() -> None:
    (revenue,) = find_figures("It may earn 3.5 billion yuan to as much as 5 billion yuan this year.", True)
    assert (revenue.unit, revenue.bound, revenue.low, revenue.high) == ("rmb", "range", 3.5e9, 5e9)
    # near miss: a change from one amount to another is two readings, not a range
    change = find_figures("Sales rose from 3.5 billion yuan to as much as 5 billion yuan.", True)
    assert [f.bound for f in change] == ["exact", "at_most"]


@pytest.mark.parametrize(
    "sentence",
    ["The Q2 guide is $91B ±2%, above consensus.", "Revenue is expected to be $54.0 billion, plus or minus 2%."],
)
def test_a_guidance_band_makes_the_number_approximate_and_is_no_figure_of_its_own(sentence: str) -> None:
    found = find_figures(sentence, True)
    assert found[0].bound == "approx" and found[0].unit == "usd"
    assert all(f.unit != "percent" for f in found)


def test_a_percent_after_a_comma_is_still_its_own_figure() -> None:
    # near miss: no plus or minus, so the 5% is a figure of its own
    found = find_figures("Nvidia sold 20,000 H200s, 5% of its stock.", True)
    assert [(f.unit, f.bound) for f in found] == [("chips", "exact"), ("percent", "exact")]


def test_a_hyphenated_scale_and_a_hyphenated_chip_count_are_read() -> None:
    # "the $4.5-billion charge" was drafted as $4.5; "a 75,000-chip cap" was no figure at all
    (charge,) = find_figures("Nvidia took the $4.5-billion charge in the quarter.", True)
    assert (charge.unit, charge.value) == ("usd", 4_500_000_000.0)
    assert 4_500_000_000.0 in numbers_in_text("the $4.5-billion charge")
    (cap,) = find_figures("Officials weigh a 75,000-chip cap on each buyer.", True)
    assert (cap.unit, cap.bound, cap.high) == ("chips", "at_most", 75_000)
    # near misses: a process node and a model number stay no figure
    assert find_figures("It is made on a 5-nanometer process.", True) == []
    assert find_figures("The 910B chip ships in May.", True) == []
