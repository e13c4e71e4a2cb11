"""Two rules of the duplicate check that hid re-carries on the first fresh excerpts (issue 17
part 5): a vague wording read as a disagreeing figure, and one outlet's citation held against a
second story the same article repeats. Each with a case it must catch and a near miss it must not.

The short texts are written for these tests; the fixtures are the published excerpts the bench scores.
"""

from __future__ import annotations

from bench.draft_real import read_fixture
from data.draft import draft_from_text
from data.draft.duplicates import SAME_FACT
from data.draft.figure_match import as_range, conflicting
from tests.unit.recarry_sources import FIRST_BATCH, LIMITED_USE, LUTNICK, NONE_SO_FAR, PREPAY, REAL, RULE, SEED_REPORT

PAYMENT = "Nvidia now asks Chinese buyers of the H200 for full payment up front, with no refunds and no cancellations"
EXCLUDED = (
    "Beijing intends to let some H200 imports in for commercial buyers only, excluding the military, "
    "state-owned enterprises and critical infrastructure operators"
)


def _offered(text: str, seeds) -> dict[str, tuple[float, str]]:
    return {d.source_id: (d.score, d.why) for d in draft_from_text(text, seeds).duplicates}


def _fixture(name: str, seeds) -> dict[str, tuple[float, str]]:
    _, body = read_fixture(REAL / f"{name}.txt")
    return _offered(body, seeds)  # a plain paste


# --------------------------------------------------------------------------- vague wording is not another figure


def test_figures_that_can_both_be_true_do_not_disagree() -> None:
    over_400k = as_range(None, 400_000, None, "more_than")
    assert not conflicting(over_400k, [as_range(500_000, None, None, "approx")])
    assert not conflicting(as_range(2_000_000, None, None, "approx"), [as_range(None, 2_000_000, None, "more_than")])
    # ... while numbers that cannot both be true do.
    assert conflicting(as_range(75_000, None, None, "exact"), [as_range(100_000, None, None, "exact")])
    assert conflicting(over_400k, [as_range(None, None, 300_000, "at_most")])


def test_the_same_vague_wording_of_the_same_thing_is_a_shared_figure(real_seeds) -> None:
    # 22 sizes the batch only as "several hundred thousand", as the seed report does, and its
    # "over two million" orders meet the seed report's vague "millions": that is no other figure.
    offered = _fixture("22-cninews-first-batch-several-hundred-thousand", real_seeds)
    assert SEED_REPORT in offered
    assert f"{SAME_FACT} in the same words ('several hundred thousand' chips" in offered[SEED_REPORT][1].lower()
    text = "Beijing has cleared a first batch of Nvidia H200 imports, several hundred thousand chips in all, for three internet giants."
    assert "in the same words" in _offered(text, real_seeds)[FIRST_BATCH][1]


def test_a_number_only_another_source_gives_still_points_there(real_seeds) -> None:
    # Near miss: 03 gives "more than 400,000" where the seed report has only words, and the number
    # is Reuters' (the updated version): the seed report is not offered, Reuters is.
    offered = _fixture("03-news-az-first-batch", real_seeds)
    assert FIRST_BATCH in offered
    assert SEED_REPORT not in offered
    # A number in the same words' place shares no wording either.
    text = "Beijing has cleared a first batch of Nvidia H200 imports, about 250,000 chips in all, for three internet giants."
    assert all("in the same words" not in why for _, why in _offered(text, real_seeds).values())


# --------------------------------------------------------------------------- two stories in one article


def test_an_article_repeating_two_stories_names_both(real_seeds) -> None:
    # It credits Reuters for the payment terms only; the exclusions are Bloomberg's story, told on
    # their own, and the strong Reuters match does not hide them.
    offered = _offered(f"{PAYMENT}, Reuters reported.\n\nIn a separate development, {EXCLUDED}.", real_seeds)
    assert PREPAY in offered and LIMITED_USE in offered
    assert "sensitive buyers kept out" in offered[LIMITED_USE][1]
    fixture = _fixture("34-techzine-full-prepayment-h200", real_seeds)
    assert PREPAY in fixture and LIMITED_USE in fixture


def test_crediting_the_second_story_to_another_outlet_counts_against_it(real_seeds) -> None:
    # Near miss: the same exclusions credited to Reuters, which did not report them, weigh less.
    alone = _offered(f"{PAYMENT}, Reuters reported.\n\nIn a separate development, {EXCLUDED}.", real_seeds)
    credited = _offered(f"{PAYMENT}, Reuters reported.\n\n{EXCLUDED}, Reuters also reported.", real_seeds)
    assert credited.get(LIMITED_USE, (0.0, ""))[0] < alone[LIMITED_USE][0] - 0.1
    # ... and a story none of whose events the text tells stays marked down by the citation (06).
    assert "2026-01-14-the-information-h200-special-circumstances-only" not in _fixture(
        "06-thenews-pk-customs-block", real_seeds
    )


def test_the_bench_keeps_each_fresh_set_in_a_row_of_its_own() -> None:
    from bench.draft_real import RETIRED, detail, summary_table

    scored = {"figures": (1, 1), "recarries": (1, 1), "false_dups": [], "invented": 0, "background": 0}
    scored |= {"extra_figures": 0, "missed": [], "invented_list": []}
    results = {
        name: {"split": RETIRED.get(split, split), "key_split": split, "form": scored, "paste": scored}
        for name, split in (
            ("a", "tune"),
            ("b", "held_out"),
            ("c", "fresh"),
            ("d", "fresh2"),
            ("e", "fresh3"),
            ("f", "fresh4"),
            ("g", "fresh5"),
            ("h", "fresh6"),
            ("i", "fresh7"),
            ("j", "fresh8"),
            ("k", "fresh9"),
            ("l", "fresh10"),
            ("m", "fresh11"),
            ("n", "fresh12"),
            ("o", "fresh13"),
            ("p", "fresh14"),
            ("q", "fresh15"),
            ("r", "fresh16"),
            ("s", "fresh17"),
            ("t", "fresh18"),
            ("u", "fresh19"),
            ("v", "fresh20"),
            ("w", "fresh21"),
            ("x", "fresh22"),
            ("y", "fresh23"),
            ("z", "fresh24"),
            ("zz", "fresh25"),
            ("zzz", "fresh26"),
            ("zzzz", "fresh27"),
            ("zzzzz", "fresh28"),
            ("zzzzzz", "fresh29"),
            ("zzzzzzz", "fresh30"),
            ("zzzzzzzz", "fresh31"),
            ("zzzzzzzzz", "fresh32"),
            ("zzzzzzzzzz", "fresh33"),
        )
    }
    table = summary_table({"run": results})
    assert "| run · tuned on | 2 |" in table
    assert "| run · first fresh set, tuned on | 1 |" in table
    assert "| run · second fresh set, tuned on | 1 |" in table
    assert "| run · third fresh set, tuned on | 1 |" in table
    assert "| run · fourth fresh set, tuned on | 1 |" in table
    assert "| run · fifth fresh set, tuned on | 1 |" in table
    assert "| run · sixth fresh set, tuned on | 1 |" in table
    assert "| run · seventh fresh set, tuned on | 1 |" in table
    assert "| run · eighth fresh set, tuned on | 1 |" in table
    assert "| run · ninth fresh set, tuned on | 1 |" in table
    assert "| run · tenth fresh set, tuned on | 1 |" in table
    assert "| run · eleventh fresh set, tuned on | 1 |" in table
    assert "| run · twelfth fresh set, tuned on | 1 |" in table
    assert "| run · thirteenth fresh set, tuned on | 1 |" in table
    assert "| run · fourteenth fresh set, tuned on | 1 |" in table
    assert "| run · fifteenth fresh set, tuned on | 1 |" in table
    assert "| run · sixteenth fresh set, tuned on | 1 |" in table
    assert "| run · seventeenth fresh set, tuned on | 1 |" in table
    assert "| run · eighteenth fresh set, tuned on | 1 |" in table
    assert "| run · nineteenth fresh set, tuned on | 1 |" in table
    assert "| run · twentieth fresh set, tuned on | 1 |" in table
    assert "| run · twenty-first fresh set, tuned on | 1 |" in table
    assert "| run · twenty-second fresh set, tuned on | 1 |" in table
    assert "| run · twenty-third fresh set, tuned on | 1 |" in table
    assert "| run · twenty-fourth fresh set, tuned on | 1 |" in table
    assert "| run · twenty-fifth fresh set, tuned on | 1 |" in table
    assert "| run · twenty-sixth fresh set, tuned on | 1 |" in table
    assert "| run · twenty-seventh fresh set, tuned on | 1 |" in table
    assert "| run · twenty-eighth fresh set, tuned on | 1 |" in table
    assert "| run · twenty-ninth fresh set, tuned on | 1 |" in table
    assert "| run · thirtieth fresh set, tuned on | 1 |" in table
    assert "| run · thirty-first fresh set, tuned on | 1 |" in table
    assert "| run · thirty-second fresh set, tuned on | 1 |" in table
    assert "| run · thirty-third fresh held out | 1 |" in table
    retired = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    retired += [
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
        "thirty-second",
    ]
    assert all(f"· {n} fresh held out" not in table for n in retired)  # "· second" apart from "twenty-second"
    shown = detail(results)  # without --held-out: the tuned-on excerpts only
    assert "`c` (first fresh set, tuned on, key split fresh)" in shown and "`zzzzzzzzzz`" not in shown
    assert "`g` (fifth fresh set, tuned on, key split fresh5)" in shown
    assert "`d` (second fresh set, tuned on, key split fresh2)" in shown


# --------------------------------------------------------------------------- the same official saying the same thing


def test_the_same_official_saying_the_same_thing_names_the_story(real_seeds) -> None:
    # "confirmed to the committee" is telling lawmakers as much as "told the committee" (27).
    offered = _fixture("27-brandsit-h200-exports-stagnant", real_seeds)
    assert NONE_SO_FAR in offered
    assert "(David Peters) saying the same thing" in offered[NONE_SO_FAR][1]
    assert "said at a congressional hearing" in offered[NONE_SO_FAR][1]


def test_the_same_official_on_something_else_is_only_a_name(real_seeds) -> None:
    # Near miss: the same official telling the same committee about something his claims never say.
    text = "David Peters confirmed to the House committee that his bureau is hiring more export-enforcement agents."
    why = _offered(text, real_seeds).get(NONE_SO_FAR, (0.0, ""))[1]
    assert "saying the same thing" not in why
    assert NONE_SO_FAR not in _offered(text, real_seeds)


# --------------------------------------------------------------------------- the rule's conditions in other words


def test_the_rules_conditions_in_other_words_name_the_rule(real_seeds) -> None:
    # 36 retells the January rule by its conditions: enough US supply, security controls, no military use.
    offered = _fixture("36-smarteconomy24-us-clears-h200-new-limits", real_seeds)
    assert RULE in offered
    why = offered[RULE][1]
    assert "US supply to be certified" in why and "no military end use" in why and "security checks on the buyer" in why


def test_the_conditions_words_do_not_fire_on_near_misses() -> None:
    from data.draft.events import events_in

    assert "no-military-use" in events_in("Buyers must avoid military use of the chips.")
    assert "no-military-use" not in events_in("Critics fear the chips could be diverted to military purposes.")
    assert "us-supply-certified" in events_in("Sales may go ahead while there is adequate supply at home.")
    assert "us-supply-certified" not in events_in("Nvidia says supply of the H200 is tight.")
    assert "buyer-security-checks" not in events_in("The national security review holds up sales.")


def test_one_shared_condition_is_not_the_rule(real_seeds) -> None:
    # Near miss: one of the conditions alone, in a story about something else, does not name the rule.
    text = "Chinese buyers of Nvidia servers are now asked about their security controls by resellers in Shenzhen."
    assert RULE not in _offered(text, real_seeds)


# --------------------------------------------------------------------------- other people, nothing the story tells


def test_other_people_and_none_of_its_events_count_against_a_story(real_seeds) -> None:
    # 28 (a May summit story naming Trump, Bessent, Huang) shares only common words with the
    # November story credited to Howard Lutnick.
    offered = _fixture("28-osintsights-ten-firms-cleared", real_seeds)
    assert LUTNICK not in offered


def test_the_same_person_is_no_evidence_against_the_story(real_seeds) -> None:
    # Near miss: the same text naming the person the story is credited to.
    from data.draft import story, story_against

    index = story.story_index(real_seeds)
    others = story.read_text(index, "Donald Trump said H200 sales to China could go ahead.")
    same = story.read_text(index, "Howard Lutnick said H200 sales to China could go ahead.")
    assert story_against.other_people(index, LUTNICK, others)
    assert not story_against.other_people(index, LUTNICK, same)
