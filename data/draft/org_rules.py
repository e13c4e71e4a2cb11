"""Organisations a report names by their role or in a list rather than by a name in the reference file.

Reports write "customs agents", "the Departments of State, Defense and Energy", "China had agreed
to import ..." or "prosecutors charged three men with smuggling". Each rule below names one of the
tracked organisations only where the wording ties the role to it. A country word just before a
role or a generic name ("US customs agents", "Japan's Ministry of Finance", "Taiwanese
lawmakers") that is not the organisation's own country stops the match: the role is real, but
it belongs to someone else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# A country or nationality word and the country code it stands for (the reference file's codes:
# US, CN, TW; every other country is simply not one of ours). "state" stands for a US state.
NATIONS: dict[str, str] = {
    "US": "US", "U.S.": "US", "United States": "US", "American": "US", "America": "US", "Washington": "US",
    "Republican": "US", "Democratic": "US", "federal": "US", "Chinese": "CN", "China": "CN", "Beijing": "CN",
    "Peking": "CN", "Pechino": "CN",
    "mainland": "CN", "PRC": "CN", "Shenzhen": "CN", "Shanghai": "CN", "Taiwanese": "TW", "Taiwan": "TW",
    "Taipei": "TW", "Hong Kong": "HK", "Japanese": "JP", "Japan": "JP", "Korean": "KR", "South Korean": "KR",
    "Korea": "KR", "Indian": "IN", "India": "IN", "European": "EU", "EU": "EU", "Europe": "EU", "British": "GB",
    "UK": "GB", "Britain": "GB", "Dutch": "NL", "German": "DE", "Germany": "DE", "French": "FR", "France": "FR",
    "Malaysian": "MY", "Malaysia": "MY", "Singaporean": "SG", "Singapore": "SG", "Thai": "TH", "Thailand": "TH",
    "Vietnamese": "VN", "Vietnam": "VN", "Indonesian": "ID", "Russian": "RU", "Russia": "RU", "Canadian": "CA",
    "Canada": "CA", "Australian": "AU", "Australia": "AU", "Mexican": "MX", "Mexico": "MX", "Israeli": "IL",
    "Emirati": "AE", "UAE": "AE", "Saudi": "SA", "state": "US-state", "State": "US-state",
    "provincial": "CN-province",
}  # fmt: skip
# Words that end the run of adjectives between a country word and a role: "China cleared customs"
# is not China's customs.
_NOT_BETWEEN = r"[a-z]+ed\s|(?:is|was|has|had|at|in|of|to|for|by|from|with|and|or|the|a|an|its|their)\s"
_NATION = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(n) for n in sorted(NATIONS, key=len, reverse=True)) + r")"
    r"(?:['’]s)?\s+(?:(?!" + _NOT_BETWEEN + r")[a-z][\w-]*\s+){0,2}$"
)


# A capital or a country opening an institution's name ("Beijing Jiaotong University", "Shanghai Stock
# Exchange") is part of that name, not the government.
IN_A_NAME = re.compile(
    r"(?:\s+[A-Z][\w.-]*){0,3}\s+(?:University|Institute|Academy|College|Laborator(?:y|ies)|Hospital|Bank|Airport|"
    r"Stock\s+Exchange)\b"
)
# A named university whose name holds a Chinese place ("Beijing Jiaotong University", "the Shanghai
# University of Finance"): one of the Chinese universities.
_CN_UNIVERSITY = re.compile(
    r"(?<![\w-])(?:Beijing|Peking|Shanghai|Shenzhen|Nanjing|Wuhan|Hefei|Harbin|Xi['’]?an|Tianjin|Chongqing|Chinese|China)"
    r"(?:\s+[A-Z][\w.-]*){0,3}\s+(?:University|Institute\s+of\s+Technology|Academy\s+of\s+Sciences)\b"
)


# A trip to a capital is to the city, not to its government ("a visit to Beijing", "flew to Beijing").
TRAVEL = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trips?|travel(?:l?ed|s|ling|ing)?|flew|fly(?:ing)?|journey|arriv(?:ed|es|ing)|"
    r"returned|headed|went|moved|relocated|based|headquartered|meetings?|summit|talks)\s+(?:to|in|into)?\s*$"
)


_MAYBE_NATION = re.compile(r"[A-Z]|\b(?:state|federal|mainland|provincial)\b")  # a cheap test before _NATION


def nation_before(text: str, start: int) -> str | None:
    """The country of the nationality word just before ``start`` ("China's leading ..."), or None.

    Up to two lowercase words may sit between ("Chinese state-owned", "US federal").
    """
    window = text[max(0, start - 60) : start]
    match = _NATION.search(window) if _MAYBE_NATION.search(window) else None
    return NATIONS[match.group(1)] if match else None


_IN_NATION = re.compile(
    r"\s+(?:in|from|across)\s+(?:mainland\s+)?(China|Beijing|the\s+US|the\s+United\s+States|Taiwan|Japan)\b"
)


def nation_after(text: str, end: int) -> str | None:
    """The country named right after a role ("universities in China", "labs across the US"), or None."""
    match = _IN_NATION.match(text, end)
    return NATIONS.get(re.sub(r"^the\s+", "", match.group(1)).replace("  ", " ")) if match else None


def foreign(text: str, start: int, country: str) -> bool:
    """True when a country word before ``start`` is not the organisation's own country."""
    if country not in ("US", "CN", "TW"):
        return False
    found = nation_before(text, start)
    return found is not None and found != country


@dataclass(frozen=True)
class Role:
    """A role phrase that names one organisation; ``needs_nation``: only after its own country word."""

    org: str
    pattern: re.Pattern[str]
    needs_nation: bool = False
    hints: tuple[str, ...] = ()  # lowercase words one of which the text must hold (a cheap test first)


def _role(org: str, body: str, needs_nation: bool = False) -> Role:
    hints = tuple(sorted({w[:6] for w in re.findall(r"[a-z]{5,}", body)}))
    return Role(org, re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE), needs_nation, hints)


ROLES: list[Role] = [
    _role(
        "cn-customs",
        r"customs?\s+(?:authorit(?:y|ies)|agents?|officers?|officials?|administration|agency|bureau|inspectors?|staff)",
    ),
    _role("cn-customs", r"customs", needs_nation=True),  # "China's customs", "Chinese border customs"
    _role(
        "us-congress",
        r"lawmakers|legislators|senators|congressmen|congresswomen|congressional\s+(?:leaders|hawks|hearings?|panels?)",
    ),
    # a chamber by its name with what it does: "a House committee", "the full House", "the Senate companion bill"
    _role(
        "us-congress",
        r"(?:a|the)\s+(?-i:House|Senate)\s+(?:committee|panel|subcommittee)|the\s+full\s+(?-i:House|Senate)"
        r"|(?-i:House|Senate)\s+(?:companion\s+)?(?:bill|floor\s+vote|Republicans|Democrats)",
    ),
    _role("us-commerce", r"commerce\s+secretary"),
    # Chinese bodies as reports describe them after a country word: "China's market regulator"
    _role("samr", r"(?:market|antitrust|competition)\s+(?:regulator|watchdog)", needs_nation=True),
    _role("cac", r"(?:cyberspace|internet)\s+(?:regulator|watchdog)", needs_nation=True),
    _role("ndrc", r"(?:state|economic)\s+planner|planning\s+agency", needs_nation=True),
    _role("mofcom", r"commerce\s+ministry", needs_nation=True),
    _role("miit", r"industry\s+ministry|(?:industry|technology)\s+regulator", needs_nation=True),
    _role("cn-mof", r"finance\s+ministry", needs_nation=True),
    _role(
        "cn-universities",
        r"universit(?:y|ies)|research\s+(?:institutes|institutions|labs|laboratories)|academic\s+institutions",
        needs_nation=True,
    ),
    # owned, run, backed or controlled by the state: "state-owned enterprises", "a state-run AI institute"
    _role(
        "cn-state-buyers",
        r"state[-\s](?:owned|run|backed|controlled)\s+(?:[\w-]+\s+){0,2}?(?:enterprises?|companies|company|firms?|groups?|"
        r"entities|entity|institutes?|institutions?|labs?|laborator(?:y|ies)|agencies|buyers|conglomerates?)|"
        r"state\s+enterprises",
    ),
    # the government named by where it sits: "authorities in China", "the leadership in Beijing"
    _role("cn-government", r"(?:authorities|government|leadership|officials|regulators)\s+in\s+(?:China|Beijing)"),
    _role("smuggling-networks", r"(?:chip\s+)?smugglers|smuggling\s+(?:rings?|networks?|syndicates?|operations?)"),
]

# "Nvidia's suppliers", "H200 component suppliers", "suppliers that make parts for the H200": suppliers
# tied to Nvidia or its chips, never suppliers in general ("domestic suppliers", "Apple's suppliers").
_NVIDIA_SUPPLIERS = re.compile(
    r"\b(?:Nvidia|H200|H20)(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:suppliers|component\s+makers|parts\s+makers)\b"
    r"|\bsuppliers\s+(?:(?:that|which|who)\s+)?(?:[\w-]+\s+){0,3}?(?:of|to|for)\s+(?:the\s+|its\s+)?"
    r"(?:[\w-]+\s+(?:and|or)\s+)?(?:Nvidia|H200)\b"
    # a chip's parts makers ("parts suppliers", "its component suppliers"), and suppliers stopping output
    # ("suppliers have paused production", "Suppliers to Pause Production"), in a text about the H200
    r"|(?<!domestic\s)(?<!local\s)\b(?:parts|components?)\s+(?:suppliers|makers)\b"
    r"|(?<!domestic\s)(?<!local\s)\bsuppliers\s+of\s+(?:parts|components)\b"
    # firms "supplying components for Nvidia's H200"; Nvidia's "its suppliers" in the sentence naming it
    r"|\b(?:manufacturers|makers|firms|companies|vendors)\s+supplying\s+(?:[\w-]+\s+){0,2}?(?:components|parts)\s+"
    r"(?:for|to)\s+(?:Nvidia|the\s+H200)\b"
    r"|\bNvidia\b[^.;]{0,80}?\bits\s+(?:[\w-]+\s+)?suppliers\b"
    r"|\bsuppliers\s+(?:(?:have|had|has|to|will|would|were|are)\s+)?(?:\w+\s+)?"
    r"(?:paus|halt|stopp?|suspend|cut|freez|froze)\w*\s+(?:\w+\s+)?(?:production|output|manufacturing|work)\b",
    re.IGNORECASE,
)
# People charged over smuggling or diversion: the network is named by its case, not by a name.
_CHARGE = r"indict\w*|charg(?:ed|es|ing)|arrest(?:ed|s)?|defendants?|prosecutors?|pleaded\s+guilty|convicted|sentenced"
_SMUGGLE = r"smuggl\w*|divert\w*|diversion|illegal(?:ly)?\s+export\w*|transship\w*"
_IN_SENTENCE = r"(?:[^.!?]|(?-i:(?<=[A-Z])\.))"  # no sentence end between them ("U.S." is not one)
_SMUGGLING_CASE = re.compile(
    rf"\b(?:{_CHARGE})\b{_IN_SENTENCE}{{0,160}}?\b(?:{_SMUGGLE})"
    rf"|\b(?:{_SMUGGLE})\b{_IN_SENTENCE}{{0,80}}?\b(?:indicted|charged|arrested|convicted)\b",
    re.IGNORECASE,
)
_HINTS = {
    "nvidia-suppliers": ("supplier", "makers", "supplying"),
    "smuggling-networks": ("smuggl", "divert", "diversion", "illegal", "transship"),
}
_NEGATED = re.compile(r"\b(?:no one|nobody|not|never|no charges)\b", re.IGNORECASE)
# "China" as the acting state: the subject of a clause whose verb is something only a government
# does to imports and sales. After a preposition ("exports to China halted") it is a place.
_STATE_VERB = (  # verbs only: "China approved", never the nouns ("a China approval", "the China blockade")
    r"approv(?:e[ds]?|ing)|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|agree[ds]?|block(?:s|ed|ing)?|bann?(?:ed|s)?|"
    r"bar(?:red|s)?|told|instruct(?:s|ed|ing)?|halt(?:s|ed|ing)?|clear(?:s|ed|ing)?|reject(?:s|ed|ing)?|"
    r"summon(?:s|ed|ing)?|urg(?:ed|es)|restrict(?:s|ed|ing)?|requir(?:ed|es)|authori[sz](?:e[ds]?|ing)|"
    r"forb(?:ids?|ade|idden)|prohibit(?:s|ed|ing)?|suspend(?:s|ed|ing)?|decid(?:ed|es)|signed\s+off|greenlit"
)
_AUX = r"(?:has|had|would|will|could|may|might|did|does|(?:is|was|has\s+been)(?=\s+(?:\w+\s+)?\w+ing\b))"
_CHINA_ACTS = re.compile(
    r"(?<![\w-])China(?:\s+" + _AUX + r")?"  # "is rejecting"; "was barred" is done to it
    # a second verb of the same subject, after its auxiliary: "China has read the plan - and is rejecting the chips";
    # a headline's capitalised verb: "China Blocks Imports"
    r"(?:\s+(?!and\b)[a-z][\w’'-]*(?:\s+(?!and\b)[\w’'-]+){0,5}?\s*(?:[—–,]\s*|\s-\s)?\s*and\s+" + _AUX + r")?"
    r"(?:\s+(?:not|now|also|reportedly|formally|quietly|already|finally|since|yet|previously|recently|officially|"
    r"effectively|initially|then|later|still))*\s+(?:" + _STATE_VERB + r"|(?=[A-Z])(?i:" + _STATE_VERB + r"))\b"
)
# The word before such a "China" that makes it a place or part of a name ("exports to China
# halted", "Bank of China approved", "Greater China").
_PLACE_BEFORE = re.compile(
    r"\b(?:to|from|in|into|of|for|with|by|about|on|at|against|towards?|over|between|across|than|like|including|"
    r"within|inside|outside|via|through|around|Greater|Air)\s+$",
    re.IGNORECASE,  # a headline's "Exports To China Blocked"
)
# "the Departments of State, Defense, and Energy", "the Commerce and State departments": one
# organisation per item, looked up as "Department of X" and "X Department".
_ITEM = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_ITEMS = _ITEM + r"(?:\s*,\s*" + _ITEM + r")*\s*,?\s+(?:and|&)\s+" + _ITEM
_LISTS = [
    re.compile(r"\b([Dd]epartments|[Mm]inistries)\s+of\s+(?:the\s+)?(" + _ITEMS + r")"),
    re.compile(r"(?<![\w-])(" + _ITEMS + r")\s+([Dd]epartments|[Mm]inistries)\b"),
    # one department named, the rest of the list after it: "the State Department, Defense, and Energy"
    re.compile(r"(?<![\w-])(" + _ITEM + r"\s+(Department|Ministry)\s*,\s*" + _ITEMS + r")"),
]
# A department's head names it: "Secretary of State", "Energy Secretary", "Defense Secretary".
_SECRETARY = re.compile(r"\bSecretary\s+of\s+(?:the\s+)?([A-Z][a-z]+)\b|(?<![\w-])([A-Z][a-z]+)\s+Secretary\b")


def _listed(text: str, lookup: Callable[[str], str | None]) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    if not re.search(r"epartment|inistr|Secretary", text):
        return out
    for number, pattern in enumerate(_LISTS):
        for match in pattern.finditer(text):
            plural, items = (match.group(1), match.group(2)) if number == 0 else (match.group(2), match.group(1))
            if number == 2:
                items = re.sub(r"\s+(?:Department|Ministry)\b", "", items, count=1)
            single = "Department" if plural.lower().startswith("department") else "Ministry"
            for item in re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", items):
                item = re.sub(r"^The\s+", "", item.strip())
                names = (item, item.split()[0])
                org = next(filter(None, (lookup(f"{single} of {n}") or lookup(f"{n} {single}") for n in names)), None)
                if org:
                    out.append((match.start(), match.end(), org, match.group(0)))
    for match in _SECRETARY.finditer(text):
        item = match.group(1) or match.group(2)
        org = lookup(f"Department of {item}") or lookup(f"{item} Department")
        if org:
            out.append((match.start(), match.end(), org, match.group(0)))
    return out


def role_matches(
    text: str, known: dict[str, str], lookup: Callable[[str], str | None]
) -> list[tuple[int, int, str, str]]:
    """(start, end, organisation id, matched words) for every rule that fires, in no particular order.

    ``known`` maps each loaded organisation id to its country (ids not loaded are never named);
    ``lookup`` turns a name into the id it is an alias of, for the items of a list.
    """
    out: list[tuple[int, int, str, str]] = []
    low = text.lower()
    for role in ROLES:
        if role.org not in known or not any(hint in low for hint in role.hints):
            continue
        country = known[role.org]
        for match in role.pattern.finditer(text):
            nation = nation_before(text, match.start())
            if nation is None and role.needs_nation:
                nation = nation_after(text, match.end())  # "academic institutions in China"
            if country not in ("US", "CN", "TW"):  # "Chinese smugglers": no country of ours to check
                nation = country
            if nation != country and (nation is not None or role.needs_nation):
                continue
            out.append((match.start(), match.end(), role.org, match.group(0)))
    found: list[tuple[re.Pattern[str], str]] = [
        (_NVIDIA_SUPPLIERS, "nvidia-suppliers"),
        (_SMUGGLING_CASE, "smuggling-networks"),
    ]
    for pattern, org in found:
        if org not in known or not any(hint in low for hint in _HINTS[org]):
            continue
        for match in pattern.finditer(text):
            if org == "smuggling-networks" and _NEGATED.search(text[max(0, match.start() - 40) : match.end()]):
                continue
            out.append((match.start(), match.end(), org, match.group(0)))
    if "cn-universities" in known and ("Univers" in text or "Academy" in text):
        for match in _CN_UNIVERSITY.finditer(text):
            out.append((match.start(), match.end(), "cn-universities", match.group(0)))
    if "cn-government" in known and "China" in text:
        for match in _CHINA_ACTS.finditer(text):
            before = text[max(0, match.start() - 30) : match.start()]
            if not _PLACE_BEFORE.search(before):
                out.append((match.start(), match.start() + 5, "cn-government", match.group(0)))
    for start, end, org, words in _listed(text, lookup):
        if org in known and not foreign(text, start, known[org]):
            out.append((start, end, org, words))
    return out
