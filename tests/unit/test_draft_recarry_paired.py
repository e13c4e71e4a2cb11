"""Two kinds of evidence just under the bar (issue 17 part 5, run 9): a retelling that repeats the
words a source quotes and its figure of the same thing scores under 0.4 on either alone, yet the
two agree. The lower bar holds only for kinds a neighbouring story does not share by nature (its
vocabulary, its wire) and only when no source clears the full bar. Each rule with a case and a
near miss; the short texts are written for these tests, in the project's words.
"""

from __future__ import annotations

from bench.draft_real import read_fixture
from data.draft import draft_from_text
from data.draft.offer import PAIRED, combined, enough
from tests.unit.recarry_sources import FIRST_BATCH, GATEKEEPER, PAUSE, REAL, SCMP_BATCH, TRUMP_GO_AHEAD

QUOTED = (0.25, "it uses the words this source quotes ('a phrase')")
FIGURE = (0.12, "the same figures of the same things (25 percent, a cut)")
WORDS = (0.25, "the text shares its distinctive words (a, b, c)")
ORIGIN = (0.15, "the same origin (Reuters)")


def test_two_kinds_of_evidence_clear_the_lower_bar() -> None:
    signals = [QUOTED, FIGURE]
    assert PAIRED <= combined(signals) < 0.4
    assert enough(combined(signals), signals)


def test_near_misses_of_two_kinds_do_not() -> None:
    # one kind twice is one kind
    twice = [QUOTED, (0.2, "it uses the words this source quotes ('another')")]
    assert not enough(combined(twice), twice)
    # shared vocabulary and a shared wire are what a neighbour about the same event has too
    neighbour = [WORDS, ORIGIN]
    assert not enough(combined(neighbour), neighbour)
    neighbour_with_figure = [WORDS, FIGURE]
    assert not enough(combined(neighbour_with_figure), neighbour_with_figure)
    # a weak second signal does not count as one of the two
    weak = [(0.28, QUOTED[1]), (0.05, FIGURE[1])]
    assert not enough(combined(weak), weak)
    # and two kinds together still need the lower bar
    low = [(0.12, QUOTED[1]), (0.12, FIGURE[1])]
    assert combined(low) < PAIRED and not enough(combined(low), low)


def _offered(name: str, seeds) -> set[str]:
    _, body = read_fixture(REAL / f"{name}.txt")
    return {d.source_id for d in draft_from_text(body, seeds).duplicates}


def test_a_retelling_with_the_quoted_words_and_the_figure_names_the_go_ahead(real_seeds) -> None:
    # run 9's miss: the quoted two words and the 25 % share, 0.34 together, nothing above the bar
    assert TRUMP_GO_AHEAD in _offered("98-gulfnews-h200-sales-more-complicated", real_seeds)


def test_beside_a_clear_match_a_neighbour_with_two_kinds_is_not_named(real_seeds) -> None:
    # near miss: the first-batch retelling clears the bar for its own story; a sibling story of the
    # same day (the same actors and events, its own figure) has two kinds just under it too
    offered = _offered("02-thecryptagon-first-batch", real_seeds)
    assert FIRST_BATCH in offered and SCMP_BATCH not in offered


# --------------------------------------------------------------------------- word families


def test_none_sold_and_a_review_holding_sales_in_other_words_are_events() -> None:
    from data.draft.events import events_in

    assert "none-delivered" in events_in("The accelerator is still unsold across the mainland.")
    assert "none-delivered" in events_in("The vendor has yet to reach Chinese buyers with the part.")
    assert "under-review" in events_in("Licences sit in an inter-agency review in Washington.")
    assert "under-review" in events_in("The application is under review at the agency.")
    assert "under-review" in events_in("A slow review in the State Department has held up the sale.")


def test_near_misses_of_unsold_and_review_are_not_events() -> None:
    from data.draft.events import events_in

    assert "none-delivered" not in events_in("The part sold out within a week in Shenzhen.")
    assert "none-delivered" not in events_in("The firm has yet to comment on the report.")
    assert "under-review" not in events_in("Critics gave the new chip glowing reviews.")
    assert "under-review" not in events_in("Our editors review every story before it runs.")


# --------------------------------------------------------------------------- one event of few stories


def test_one_event_three_or_four_stories_tell_is_some_evidence(real_seeds) -> None:
    from data.draft.story import read_text, story_index

    stories = story_index(real_seeds)
    text = read_text(stories, "Prosecutors in New York charged two traders with smuggling Nvidia parts into China.")
    assert 3 <= stories.event_count["diverted"] <= 4
    assert (0.15, "the same rare event (chips diverted)") in story_signals_of(stories, GATEKEEPER, text)


def test_one_event_many_stories_tell_is_not(real_seeds) -> None:
    # near miss: a pause is told by more than four stories; one shared pause says little
    from data.draft.story import read_text, story_index

    stories = story_index(real_seeds)
    text = read_text(stories, "Chinese buyers were told to halt their orders of the part for now.")
    assert stories.event_count["orders-paused"] > 4
    assert not [r for _, r in story_signals_of(stories, PAUSE, text) if "rare event" in r]


def story_signals_of(stories, sid: str, text) -> list[tuple[float, str]]:
    from data.draft.story import story_signals

    return story_signals(stories, sid, text, {})


# --------------------------------------------------------------------------- a halt in buying words; firms unnamed by country


def test_told_to_stop_buying_is_a_pause() -> None:
    from data.draft.events import events_in

    assert "orders-paused" in events_in("Regulators told buyers to stop purchasing the part for now.")
    assert "orders-paused" in events_in("The platforms ceased buying the accelerator last week.")
    # near miss: stopping something other than buying
    assert "orders-paused" not in events_in("Nothing could stop prices from rising in the quarter.")


def test_tech_companies_china_acts_on_are_its_own_firms(real_seeds) -> None:
    from data.draft.story import UNNAMED_FIRMS, read_text, story_index

    stories = story_index(real_seeds)
    told = read_text(stories, "China told tech companies to stop buying the H200 this week.")
    assert UNNAMED_FIRMS in told.events["orders-paused"]
    # near miss: American firms, or tech companies with no Chinese government acting on them
    us = read_text(stories, "China told US tech companies to stop selling the H200 to its state agencies.")
    assert UNNAMED_FIRMS not in set().union(*us.events.values())
    plain = read_text(stories, "Tech companies in Europe stopped buying the H200 this week.")
    assert UNNAMED_FIRMS not in set().union(*plain.events.values())
