"""A retelling that credits its news to the outlet of one tracker story (issue 17 part 5, run 10's
miss of fixture 120): the citation may sit on a line of its own, the state may be "Chinese
officials", and a caption may run into the text; the page's own date line (run 9's miss of 101)
places it on the story's day. Each rule with a case and a near miss; the short
texts are written for these tests, in the project's words.
"""

from __future__ import annotations

import datetime as dt

from bench.draft_real import read_fixture
from data.draft import draft_from_text, story
from data.draft.extract import from_plain
from tests.unit.recarry_sources import PAUSE, REAL, told


def test_a_citation_on_a_line_of_its_own_credits_the_sentence_it_ends(real_seeds) -> None:
    cut = "Beijing has told local tech firms to pause orders for the H200.\n\nThe step hints at a quota for home-grown chips,\n\naccording to The Information."
    assert "orders-paused" in told(cut, real_seeds).cited.get("information", {})
    # near miss: a finished sentence between them is its own statement; the citation credits only that one
    ended = "Beijing has told local tech firms to pause orders for the H200.\n\nShares fell on the news.\n\nThe step hints at a quota for home-grown chips, according to The Information."
    assert "orders-paused" not in told(ended, real_seeds).cited.get("information", {})


def test_chinese_officials_acting_are_the_state_even_run_into_a_caption(real_seeds) -> None:
    text = "Photo: Agency ImagesChinese officials have asked local tech companies to halt H200 orders."
    doers = told(text, real_seeds).events["orders-paused"]
    assert {"cn-government", "other-cn-buyers"} <= doers  # the firms China acts on are its own, unnamed
    alias = story._STATE_ALIASES["cn-government"]
    assert alias.search(text) and alias.search("Chinese regulators reportedly weighed a quota")
    # near miss: officials named, doing nothing a state does to firms or trade
    assert not alias.search("Chinese officials in the delegation met reporters")


def test_the_texts_lead_credited_to_the_one_story_of_that_outlet_names_it(real_seeds) -> None:
    _, body = read_fixture(REAL / "120-podam-china-asks-firms-to-halt-h200-orders.txt")
    assert PAUSE in {d.source_id for d in draft_from_text(body, real_seeds).duplicates}
    names = {o: org.name for o, org in real_seeds.organisations.items()}
    index = story.story_index(real_seeds)
    lead = "Beijing has told local tech firms to pause H200 orders, according to The Information."
    cited = [w for w, why in story.story_signals(index, PAUSE, told(lead, real_seeds), names) if "cites" in why]
    # near miss: the same citation further down, after two paragraphs on something else, is weaker
    later = f"Nvidia showed new chips at a trade show.\n\nIts chief spoke of demand.\n\n{lead}"
    cited_later = [w for w, why in story.story_signals(index, PAUSE, told(later, real_seeds), names) if "cites" in why]
    assert cited == [0.45] and cited_later == [0.35]


def test_a_pages_own_published_line_is_its_date_and_an_updated_line_is_not() -> None:
    page = "China curbs H200 buying\n\nPublished:\n2026-01-07 21:44:45\n\nBeijing told firms to stop buying the H200 this week.\n\nMore on it."
    article = from_plain(page)
    assert article.published == dt.date(2026, 1, 7)
    assert not any("2026-01-07" in p for p in article.paragraphs)  # the label line is not body text
    # near miss: a page's update stamp is not when the story ran
    assert from_plain(page.replace("Published:", "Updated:")).published is None


def test_the_pages_own_date_places_a_paste_and_a_form_entry_on_the_storys_day(real_seeds) -> None:
    # run 9's miss of fixture 101: the page shows its date on a line of its own under the headline
    _, body = read_fixture(REAL / "101-btcc-cryptopolitan-china-halts-h200-purchases.txt")
    pasted = draft_from_text(body, real_seeds)
    assert pasted.story_date == dt.date(2026, 1, 7) and PAUSE in {d.source_id for d in pasted.duplicates}
    form = draft_from_text(body, real_seeds, publisher="BTCC Square", published=dt.date(2026, 1, 7))
    assert form.page_date == dt.date(2026, 1, 7) and PAUSE in {d.source_id for d in form.duplicates}


def test_a_sentence_cut_across_lines_is_put_back_together_and_a_heading_is_not() -> None:
    # a page copied with no blank lines, a link having cut one sentence in two (run 11's miss of 129)
    page = (
        "Washington lets Nvidia sell the H200 in China\nThe government will take a share. The price of the access is a steep\n"
        "25% levy on each sale, collected by the US.\nWhat stays banned\nThe newest chips are still off-limits.\n"
        "Buyers must be approved.\nOnly then can they order."
    )
    paragraphs = from_plain(page).paragraphs
    assert any("a steep 25% levy" in p for p in paragraphs)
    # near misses: a heading keeps its own line, and a finished sentence is not run into the next
    assert "What stays banned" in paragraphs and "Only then can they order." in paragraphs
