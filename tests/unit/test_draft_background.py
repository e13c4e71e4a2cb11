"""Background numbers are listed, not drafted: stock-index moves and paragraphs off the subject.

Each rule has a case it must catch and a near miss it must leave alone, in the project's own
words (no article sentence is copied here). The end-to-end cases check that a listed number
still reaches the page's "left out" notes with its reason, and that the H200 figure beside it
stays a claim.
"""

from __future__ import annotations

import datetime as dt

from data.draft import draft_from_text
from data.draft.background import number_reason, paragraph_reason
from data.draft.model import EntityMatch
from data.load import SeedData


def _drafted(text: str, seeds: SeedData) -> tuple[list[str], list[str]]:
    draft = draft_from_text(text, seeds, publisher="Test Wire", published=dt.date(2026, 2, 3))
    wordings = [c.figure.wording for c in draft.claims if c.figure is not None]
    return wordings, [n for n in draft.notes if "left out" in n]


# --------------------------------------------------------------------------- stock-index moves


def test_a_stock_index_move_is_market_news() -> None:
    assert number_reason("Tokyo's Nikkei 225 edged up 0.4% by the close.") == (
        "a stock-index move, not a figure about the chips"
    )
    assert number_reason("The Hang Seng slid 1.8% in the afternoon session.") is not None
    assert number_reason("The benchmark index lost 3% over the week.") is not None


def test_an_index_that_does_not_move_is_no_market_news() -> None:
    # near misses: an index as a name for something else, and a move that is no index's
    assert number_reason("Nvidia sold 20,000 H200 chips, the company said, up from 5,000.") is None
    assert number_reason("The Dow Chemical plant ordered 300 servers.") is None


def test_an_index_move_is_listed_beside_a_kept_h200_figure(real_seeds: SeedData) -> None:
    text = (
        "Chinese buyers placed orders for about 80,000 H200 chips, two people said.\n\n"
        "Nvidia gained with chip stocks, though the Nasdaq slipped 0.8% after news of the H200 orders.\n"
    )
    wordings, notes = _drafted(text, real_seeds)
    assert wordings == ["about 80,000 H200 chips"]
    assert any('"0.8%"' in n and "stock-index move" in n for n in notes)


# --------------------------------------------------------------------------- paragraphs off the subject


def _org(oid: str) -> EntityMatch:
    return EntityMatch(id=oid, name=oid, matched=oid, score=1.0)


def test_a_paragraph_naming_no_chip_no_china_and_no_chip_firm_is_another_story() -> None:
    paragraph = "Lawmakers passed a spending bill that gives the agency $50 million more, a 12% rise."
    assert paragraph_reason(paragraph, [_org("bis")], {"nvidia"}) == "a paragraph that names neither a chip nor China"


def test_a_paragraph_on_the_subject_keeps_its_numbers() -> None:
    # near misses: each names one thing that puts it on the subject
    assert (
        paragraph_reason("Nvidia could earn $12 billion a year from the sales.", [_org("nvidia")], {"nvidia"}) is None
    )
    assert paragraph_reason("Beijing set aside $50 million for the agency.", [], set()) is None
    assert paragraph_reason("The agency will spend $50 million checking GPU exports.", [], set()) is None
    assert paragraph_reason("The agency will spend $50 million checking B30A exports.", [], set()) is None
    # the licence applications a report is about, told without "export": the review's days are its terms
    sent = "Commerce forwarded the licence applications to three departments, which get 21 days to reply."
    assert paragraph_reason(sent, [_org("us-commerce")], {"nvidia"}) is None
    assert paragraph_reason(sent.replace("licence", "grant"), [_org("us-commerce")], {"nvidia"}) is not None


def test_a_digest_item_off_the_subject_is_listed_the_h200_item_kept(real_seeds: SeedData) -> None:
    text = (
        "China's customs told agents that H200 chips may not enter, and about 10,000 H200 chips wait in bonded "
        "warehouses.\n\n"
        "The Senate passed a funding package giving the Bureau of Industry and Security $60 million more, "
        "a 20% rise on last year.\n\n"
        "A court fined a freight broker $2 million for false shipping papers.\n"
    )
    wordings, notes = _drafted(text, real_seeds)
    assert wordings == ["about 10,000 H200 chips"]
    assert any('"$60 million"' in n and "neither a chip nor China" in n for n in notes)
    assert any('"$2 million"' in n for n in notes)


def test_a_figure_beside_a_sentence_naming_the_chip_stays(real_seeds: SeedData) -> None:
    # near miss: the paragraph names the chip in another sentence, so its money figure is a claim
    text = (
        "Officials in Washington will watch a first batch of H200 exports. Analysts expect about $4 billion of "
        "sales in the first year.\n"
    )
    wordings, _ = _drafted(text, real_seeds)
    assert "about $4 billion" in wordings


# --------------------------------------------------------------------------- specs in a comparison


def test_the_other_chips_spec_in_a_comparison_is_listed_the_main_chips_kept(real_seeds: SeedData) -> None:
    text = "Chinese cloud firms want the H200 for China, whose 900 TFLOPS dwarf the H20's 150 TFLOPS, buyers say.\n"
    wordings, notes = _drafted(text, real_seeds)
    assert "900 TFLOPS" in wordings and "150 TFLOPS" not in wordings
    assert any('"150 TFLOPS"' in n and "comparison" in n for n in notes)


def test_a_spec_of_one_chip_alone_or_a_plain_percentage_stays(real_seeds: SeedData) -> None:
    # near misses: no second chip to compare with, and a percentage that is no share of performance
    wordings, _ = _drafted("The H20 sold in China offers 150 TFLOPS, a buyer said.\n", real_seeds)
    assert "150 TFLOPS" in wordings
    wordings, _ = _drafted("Nvidia pays 25% of H200 sales in China to Washington, unlike the H20 deal.\n", real_seeds)
    assert "25%" in wordings


# --------------------------------------------------------------------------- other goods of a trade fight


def test_a_figure_about_minerals_or_farm_goods_is_not_the_chips() -> None:
    assert number_reason("Beijing answered with curbs on gallium, of which China refines 95%.") == (
        "about gallium, not the chips"
    )
    assert number_reason("China agreed to buy 12 million tonnes of soybeans this season.") is not None


def test_a_sentence_naming_goods_and_chips_keeps_its_figures() -> None:
    # near miss: the goods are an aside in a sentence about the chips themselves
    assert number_reason("Beside the rare earth truce, Washington cleared 20,000 H200 chips for China.") is None
    assert number_reason("Beijing's oil deal came as ByteDance ordered GPUs worth $2 billion.") is None


# --------------------------------------------------------------------------- export licensing, told without the chip


def test_a_review_of_export_licences_is_the_reports_story(real_seeds: SeedData) -> None:
    """A paragraph on the licensing a report is about keeps its figures, though it names no chip or China."""
    text = (
        "Washington has begun reviewing requests to sell H200 chips to China.\n\n"
        "The departments that received the applications have 30 days to respond under export rules.\n\n"
        "A proposed bill would add a 45-day review period for Congress to stop exports to rivals."
    )
    wordings, _ = _drafted(text, real_seeds)
    assert "30 days" in wordings and "45-day" in wordings


def test_a_review_of_something_else_stays_background(real_seeds: SeedData) -> None:
    text = (
        "Washington has begun reviewing requests to sell H200 chips to China.\n\n"
        "Separately, the city council has 30 days to review its transport budget."
    )
    wordings, notes = _drafted(text, real_seeds)
    assert "30 days" not in wordings and any('"30 days" left out' in n for n in notes)


def test_a_headline_opening_with_a_symbol_starts_with_a_capital_not_a_name(real_seeds: SeedData) -> None:
    """A line opening '🔎 Why ...': 'Why' is no firm the tracker does not follow."""
    text = "Buyers weigh H200 orders\n\n🔎 Why $70 billion changes everything\n\nChinese buyers weigh $70 billion of H200 orders."
    _, notes = _drafted(text, real_seeds)
    assert not any("Why" in n for n in notes)


def test_a_paragraph_opening_on_the_figure_before_it_goes_on_with_it(real_seeds: SeedData) -> None:
    text = (
        "ByteDance plans to spend RMB 120 billion on AI next year, much of it on H200 chips, two people said.\n\n"
        "The figure would exceed the RMB 110 billion the company is spending this year."
    )
    drafted = draft_from_text(text, real_seeds)
    kept = {c.figure.value: c.applies_to for c in drafted.claims if c.figure}
    assert kept.get(110e9) == ["bytedance"]  # its figure, and whose it is, from the paragraph before


def test_the_same_opening_after_another_story_stays_background(real_seeds: SeedData) -> None:
    # Near miss: the paragraph before is off the subject, so the one pointing back at it is too.
    text = (
        "Beijing buyers want H200 chips.\n\nA regional water utility plans to spend $120 million on pipes next year.\n\n"
        "The figure would exceed the $110 million it is spending this year."
    )
    assert not [c for c in draft_from_text(text, real_seeds).claims if c.figure and c.figure.value == 110e6]


# --------------------------------------------------------------------------- a Chinese firm's own story


def test_a_text_naming_only_a_chinese_buyer_is_on_the_subject_and_its_results_are_listed(real_seeds) -> None:
    # "China" is nowhere: the firm is the subject; its capital spending is a claim, its revenue is not
    text = (
        "Tencent's capital spending for the quarter rose to 31.9 billion RMB, mostly for AI data centres.\n\n"
        "Tencent's revenue rose 9% in the quarter, the company said.\n"
    )
    wordings, notes = _drafted(text, real_seeds)
    assert wordings == ["31.9 billion RMB"]
    assert any('"9%"' in n and "a buyer's own results" in n for n in notes)


def test_a_text_naming_no_chip_china_or_chinese_firm_stays_off_the_subject(real_seeds) -> None:
    # near miss: an American firm's spending is another story
    wordings, notes = _drafted("Meta's capital spending rose to $19 billion in the quarter.\n", real_seeds)
    assert wordings == [] and any("neither a tracked chip nor China" in n for n in notes)


def test_nvidias_revenue_beside_a_buyer_is_not_a_buyers_result() -> None:
    # near miss: a paragraph naming a vendor too keeps its revenue figure
    kinds = {"nvidia": "vendor", "tencent": "buyer"}
    assert number_reason("Revenue rose 9% in the quarter.", [_org("tencent"), _org("nvidia")], kinds) is None
    assert number_reason("Revenue rose 9% in the quarter.", [_org("tencent")], kinds) is not None


def test_a_firms_results_told_in_the_next_paragraph_go_on_with_it(real_seeds) -> None:
    # one-sentence paragraphs: "Revenue ..." is the chipmaker's of the paragraph before
    text = (
        "Cambricon, a Chinese maker of AI chips, reported its first full-year profit.\n\n"
        "Revenue for the year rose 450 per cent to 6.5 billion yuan.\n\n"
        "A court fined a freight broker $2 million for false shipping papers.\n"
    )
    wordings, notes = _drafted(text, real_seeds)
    assert "6.5 billion yuan" in wordings
    assert any('"$2 million"' in n for n in notes)  # near miss: a new actor is another story
