"""Organisations the drafter names from roles, lists, spellings and possessives (issue 17, part 5).

Each rule gets a sentence it must catch and a near miss it must not: a role that belongs to
another country, a generic word in another sense, suppliers of someone else. The sentences are
written for these tests, not taken from articles.
"""

from __future__ import annotations

import re

import pytest

from data.draft.entities import EXTRA_ALIASES, EntityIndex, _key, _variants
from data.draft.org_rules import foreign, nation_before
from data.load import SeedData
from tests.unit.draft_helpers import orgs_in as _orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # customs: a possessive, a singular role noun, a curly apostrophe, a role with no country word
        ("Traders say China’s customs authority has stopped the cargo.", "cn-customs"),
        ("China's customs agents were instructed to hold the boxes.", "cn-customs"),
        ("Customs officers at two ports began opening every crate.", "cn-customs"),
        ("The shipment sat with Chinese border customs for a week.", "cn-customs"),
        # US departments: lists, the other word order, the new name, dotted US
        ("Licences need sign-off from the Departments of State, Defense, and Energy.", "us-defense-dept"),
        ("Licences need sign-off from the Departments of State, Defense, and Energy.", "us-energy-dept"),
        ("Licences need sign-off from the Departments of State, Defense, and Energy.", "us-state-dept"),
        ("Staff at the Commerce and Justice departments declined to comment.", "us-doj"),
        ("The Department of War asked for a briefing on the chips.", "us-defense-dept"),
        ("A memo from the U.S. Department of Energy was cited.", "us-energy-dept"),
        ("The Pentagon wants limits on the chips.", "us-defense-dept"),
        # the House committee under its other names, with a line break inside the name
        ("An official testified to the House Committee on Foreign Affairs on Tuesday.", "us-house-foreign-affairs"),
        ("He told the House Foreign\nAffairs Committee that no chips had arrived.", "us-house-foreign-affairs"),
        ("He told the House of Representatives Foreign Affairs Committee so.", "us-house-foreign-affairs"),
        ("Members of the House Foreign\u00a0Affairs  Committee asked.", "us-house-foreign-affairs"),
        # China as the acting state
        ("Analysts think China will approve a second round of purchases.", "cn-government"),
        ("Earlier, China had agreed to let a few buyers import the part.", "cn-government"),
        ("The filing said China had blocked the imports in March.", "cn-government"),
        # buyer groups
        ("Demand is strong at China's top universities.", "cn-universities"),
        ("Peking University researchers ran the model on eight of the chips.", "cn-universities"),
        ("Sales exclude state-owned enterprises and the armed forces.", "cn-state-buyers"),
        ("Chinese state-owned firms are not on the approved list.", "cn-state-buyers"),
        # Nvidia's suppliers
        ("Nvidia's Taiwanese suppliers slowed their lines.", "nvidia-suppliers"),
        (
            "Firms that make boards for the H200 halted work; suppliers of parts for the H200 waited.",
            "nvidia-suppliers",
        ),
        ("H200 component suppliers have cut shifts.", "nvidia-suppliers"),
        ("Manufacturers supplying parts for the H200 stopped their lines.", "nvidia-suppliers"),
        ("Nvidia said its suppliers had worked nights to get ready.", "nvidia-suppliers"),
        ("H200 orders stalled, and suppliers of parts for the chips have paused production.", "nvidia-suppliers"),
        # the export bureau by its head's title
        ("The letter went to the Under Secretary for Industry and Security about the H200.", "bis"),
        # smuggling networks, named by their case
        ("Three men were indicted for plotting to smuggle the chips to Shenzhen.", "smuggling-networks"),
        ("Prosecutors charged two U.S. traders with diverting servers to China.", "smuggling-networks"),
        ("The smuggling ring used a shell company in Florida.", "smuggling-networks"),
        # Congress and its members
        ("US lawmakers from both parties objected.", "us-congress"),
        ("Republican senators wrote to the department.", "us-congress"),
        ("Witnesses at a congressional hearing warned about the chips.", "us-congress"),
        ("A House committee advanced the bill; it now goes to the full House.", "us-congress"),
        ("The Senate companion bill was filed by a senator from Arkansas.", "us-congress"),
        # a department's head, the departments in lower case
        ("Secretary of State Jane Roe called the rule too loose.", "us-state-dept"),
        ("The Energy Secretary said the labs would be consulted.", "us-energy-dept"),
        ("Staff from the departments of Commerce and Justice met.", "us-doj"),
        ("The commerce secretary defended the deal on television.", "us-commerce"),
        # Chinese bodies described after a country word
        ("China's market regulator opened a review of the purchase.", "samr"),
        ("China's cyberspace regulator summoned the firms.", "cac"),
        ("China's state planner is coordinating the conditions.", "ndrc"),
        ("A statement from China's commerce ministry followed.", "mofcom"),
        ("Chinese industry ministry officials met the buyers.", "miit"),
        ("The State Council discussed the imports.", "cn-government"),
        ("Xi Jinping raised the chips at the summit.", "cn-government"),
        ("Beijing approved the imports on Wednesday.", "cn-government"),
        ("Taiwan Semiconductor Manufacturing Co makes the part.", "tsmc"),
        ("JD's cloud arm ordered servers.", "jd-com"),
        ("An Alibaba-backed start-up bought Huawei-made accelerators.", "alibaba"),
        ("An Alibaba-backed start-up bought Huawei-made accelerators.", "huawei"),
    ],
)
def test_a_role_a_list_or_another_spelling_names_the_organisation(index: EntityIndex, text: str, org: str) -> None:
    assert org in _orgs(index, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # customs in another sense, or another country's customs
        ("The two countries discussed a customs union.", "cn-customs"),
        ("The defendants filed false customs paperwork.", "cn-customs"),
        ("US customs agents seized the servers in Los Angeles.", "cn-customs"),
        ("Hong Kong customs officers opened the crates.", "cn-customs"),
        ("Malaysian customs officials were bribed, the charges say.", "cn-customs"),
        ("Chips bound for China cleared customs in Singapore.", "cn-customs"),
        # another country's ministries, another Commerce
        ("Japan's Ministries of Finance and Foreign Affairs issued a note.", "cn-mof"),
        ("Japan's Ministry of Finance issued a note.", "cn-mof"),
        ("India's foreign ministry did not reply.", "cn-mfa"),
        ("The country's industry and commerce ministries did not reply.", "us-commerce"),
        ("Officials overseeing trade and commerce in China said nothing.", "us-commerce"),
        # China as a place, not as the state acting
        ("Security worries about China halted the deal.", "cn-government"),
        ("Exports to China approved in January were small.", "cn-government"),
        ("China Mobile approved a new data centre.", "cn-government"),
        ("China was barred from buying the part.", "cn-government"),
        ("Nobody has heard of any China approval yet.", "cn-government"),
        ("The Bank of China approved a loan to the buyer.", "cn-government"),
        # universities, state firms and the military elsewhere
        ("American universities and universities in Europe use older chips.", "cn-universities"),
        ("Dozens of universities have bought the chips.", "cn-universities"),
        ("Malaysian state-owned firms bought servers.", "cn-state-buyers"),
        ("Chinese state media called the chips unsafe.", "cn-state-buyers"),
        # suppliers of others
        ("Buyers must say why domestic suppliers cannot meet their needs.", "nvidia-suppliers"),
        ("Huawei's suppliers and suppliers to Apple were not affected.", "nvidia-suppliers"),
        ("Reliance on sanctioned suppliers may grow.", "nvidia-suppliers"),
        ("Firms supplying parts for Huawei's chips kept working.", "nvidia-suppliers"),
        ("Huawei said its domestic suppliers of parts kept working.", "nvidia-suppliers"),
        ("Nvidia praised Huawei, whose own suppliers are local.", "nvidia-suppliers"),
        # smuggling talked about, nobody charged
        ("Officials admit chip smuggling is going on and is a priority.", "smuggling-networks"),
        ("No one has been charged with smuggling the chips so far.", "smuggling-networks"),
        ("Critics fear the chips could be diverted to military use.", "smuggling-networks"),
        # other legislatures, and congress in another sense
        ("Taiwanese lawmakers questioned the deal.", "us-congress"),
        ("State lawmakers in Texas passed a bill; state senators agreed.", "us-congress"),
        ("Delegates met at the party congress.", "us-congress"),
        ("The White House committee on chips met the firms.", "us-congress"),
        ("The house committee of the firm's board approved the plan.", "us-congress"),
        ("The Senate Foreign Relations Committee held a hearing.", "us-house-foreign-affairs"),
        # a head of something else, a regulator of another country, a regulator with no country word
        ("The Treasury Secretary and the Press Secretary spoke.", "us-state-dept"),
        ("Germany's State Secretary for trade spoke.", "us-state-dept"),
        ("The market regulator in Europe opened a review.", "samr"),
        ("India's commerce ministry said it had no view.", "mofcom"),
        ("Japan's finance ministry declined to comment.", "cn-mof"),
        ("Australia's Department of Defence bought servers.", "us-defense-dept"),  # a close spelling too
        # someone else's name that holds an alias
        ("Vice President JD Vance said the chips should stay at home.", "jd-com"),
        ("Warren Buffett's firm sold its chip shares.", "us-congress"),
        # the capital as a place
        ("A Beijing-based fund bought the shares.", "cn-government"),
        ("Nvidia's chief executive has since traveled to Beijing and Shanghai.", "cn-government"),
        ("The minister visited Beijing last week.", "cn-government"),
    ],
)
def test_a_near_miss_does_not_name_the_organisation(index: EntityIndex, text: str, org: str) -> None:
    assert org not in _orgs(index, text)


def test_one_country_word_decides_and_adjectives_may_sit_between() -> None:
    text = "Reports say China's leading universities want the chip"
    assert nation_before(text, text.index("universities")) == "CN"
    assert foreign("Taiwanese lawmakers", len("Taiwanese "), "US")
    assert not foreign("US lawmakers", 3, "US")
    assert not foreign("lawmakers", 0, "US")
    assert nation_before("China cleared customs", len("China cleared ")) is None  # a verb ends the run


def test_a_role_match_shows_the_words_that_named_it(index: EntityIndex) -> None:
    (match,) = [m for m in index.find("Reports said China had agreed to the first batch.") if m.kind == "organisation"]
    assert (match.id, match.matched, match.score) == ("cn-government", "China had agreed", 100.0)


def test_a_one_word_name_matches_only_capitalised(index: EntityIndex) -> None:
    assert "us-commerce" in _orgs(index, "Commerce said the rule stands.")
    assert "us-commerce" not in _orgs(index, "Rules on commerce were eased.")
    assert "nvidia" in _orgs(index, "NVIDIA declined to comment.")


def test_no_alias_names_two_organisations(real_seeds: SeedData) -> None:
    """Every name, alias and spelling variant points at one organisation only."""
    owner: dict[str, set[str]] = {}
    for org in real_seeds.organisations.values():
        names = {org.name, re.sub(r"\s*\(.*?\)", "", org.name).strip(), *org.aliases, *EXTRA_ALIASES.get(org.id, [])}
        for name in {v for n in names for v in _variants(n)}:
            owner.setdefault(_key(name, False), set()).add(org.id)
    shared = {name: ids for name, ids in owner.items() if len(ids) > 1}
    assert shared == {}


def test_extra_aliases_are_for_loaded_organisations(real_seeds: SeedData) -> None:
    assert set(EXTRA_ALIASES) <= set(real_seeds.organisations)
