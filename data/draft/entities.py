"""Organisations, chips, attribution and origin, found through the reference files' names and aliases.

Exact alias hits come first; rapidfuzz then catches spelling variants ("Bytedance", "Alibaba
Group") and shows what matched with its score, so a person can judge a weak match.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from rapidfuzz import fuzz

from data.draft import org_groups, org_rules
from data.draft.model import DraftClaim, EntityMatch
from data.load import SeedData

# Common ways reports name organisations that the reference aliases do not list. Used only for
# ids that exist in the loaded reference data.
EXTRA_ALIASES: dict[str, list[str]] = {
    "us-commerce": ["Commerce Department", "Department of Commerce", "Howard Lutnick"],
    "us-white-house": ["White House", "Trump administration", "Donald Trump"],
    "cn-government": ["Chinese government", "Chinese authorities", "Chinese regulators", "Chinese officials",
                      "China's government", "China's regulators"],
    "cn-customs": ["Chinese customs", "General Administration of Customs"],
    "nvidia": ["Nvidia Corp", "Huang"],
    "amd": ["Advanced Micro Devices"],
    "bis": ["Bureau of Industry and Security"],
    "us-congress": ["Congress", "House Select Committee on the Chinese Communist Party",
                    "Select Committee on the Chinese Communist Party"],
    "us-defense-dept": ["DOD"],
    "jd-com": ["JD.com"],
}  # fmt: skip
# Role words ("customs agents", "lawmakers") and lists ("the Departments of State and Energy") are
# matched by data.draft.org_rules, which checks the country word before them.
PERSONS = {"Jensen Huang", "Huang", "Lutnick", "Howard Lutnick", "Lisa Su", "Colette Kress", "Trump", "Donald Trump",
           "President Trump", "Warren", "Meeks", "Xi Jinping", "President Xi", "David Sacks", "Marco Rubio",
           "Jamieson Greer", "John Moolenaar"}  # fmt: skip
OUTLETS = ["Reuters", "Bloomberg", "Financial Times", "The Information", "Nikkei Asia", "Nikkei", "Wall Street Journal",
           "South China Morning Post", "Caixin", "Xinhua", "Associated Press", "AFP", "CNBC", "New York Times",
           "TrendForce", "DigiTimes"]  # fmt: skip
_BUYING_OTHERS = frozenset({"smuggling-networks"})
# People whose names hold one of our aliases ("JD" for JD.com, "Warren" for the senator): never the organisation.
_OTHER_NAMES = re.compile(r"\b(?:J\.?D\.?\s+Vance|Warren\s+Buffett?)\b")
_OUTLET = r"(?:the\s+)?(" + "|".join(re.escape(o) for o in OUTLETS) + r")(?:\s+News)?"
_ORIGIN = [
    re.compile(r"\bciting (?:a report (?:by|from|in) )?" + _OUTLET, re.IGNORECASE),
    re.compile(r"\baccording to (?:a report (?:by|from|in) )?" + _OUTLET, re.IGNORECASE),
    re.compile(r"\b(?:first )?(?:reported|cited) (?:earlier )?by " + _OUTLET, re.IGNORECASE),
    re.compile(_OUTLET + r"(?:,[^,.;]{3,60},)? (?:first )?(?:reported|reports|said|wrote|has reported|had reported)\b"),
    re.compile(r"\((Reuters|Bloomberg|AP|AFP)\)"),
]
WORD_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10}  # fmt: skip
_COUNTED = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:\w+\s+){0,2}?"
    r"(people|persons?|sources?|officials?|individuals|executives|insiders)\b(?!\s+(?:said to be|in))",
    re.IGNORECASE,
)
_ANON = re.compile(r"\b(people|person|sources?) (familiar|briefed|with knowledge|close to)|\bsources said\b|"
                   r"\bwho (?:asked|declined) not to be (?:named|identified)\b", re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class _Alias:
    id: str
    name: str
    alias: str
    kind: str
    pattern: re.Pattern[str]
    fuzzy: bool = True  # a spelling variant ("U.S. Department of Energy") is matched exactly only


def _pattern(alias: str) -> re.Pattern[str]:
    flags = 0 if (alias.isupper() and len(alias) <= 5) or len(alias) <= 3 else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + _body(alias) + r"(?:['’]s|s)?(?![\w-])", flags)


def _case_sensitive(pattern: re.Pattern[str]) -> bool:
    return not pattern.flags & re.IGNORECASE


def _body(alias: str) -> str:
    """An alias as a pattern: any run of spaces or a line break between its words, either apostrophe,
    and a possessive on its first word ("China's customs" for "China customs")."""
    words = _key(alias, True).split(" ")
    escaped = [re.escape(w).replace("'", "['’]") for w in words]
    if len(words) > 1:
        escaped[0] += r"(?:['’]s)?"
    return r"\s+".join(escaped)


def _key(text: str, sensitive: bool) -> str:
    """What a hit and an alias are compared by: one space between words, straight apostrophes, no
    possessive on the first word, lowercase unless the alias is matched case-sensitively."""
    words = text.replace("’", "'").split()
    if len(words) > 1 and words[0].endswith("'s"):
        words[0] = words[0][:-2]
    key = " ".join(words)
    return key if sensitive else key.lower()


def _variants(name: str) -> set[str]:
    """A name as reports spell it: "US Department of Energy" is also "U.S. ..." and "United States ..."."""
    out = {name}
    if re.search(r"\bUS\b", name):
        out |= {re.sub(r"\bUS\b", "U.S.", name), re.sub(r"\bUS\b", "United States", name)}
    ministry = re.fullmatch(r"Ministry of (\w+)(?:\s*\(.*?\))?", name)  # also "the Finance Ministry"
    if ministry:
        out.add(f"{ministry.group(1)} Ministry")
    return out


def _alias_of(matched: str, lookup: dict[str, _Alias], sensitive: bool) -> _Alias | None:
    """The alias a hit of the combined pattern stands for, with a possessive or plural 's' removed."""
    key = _key(matched, sensitive)
    for candidate in (key, key[:-2] if key.endswith("'s") else None, key[:-1] if key.endswith("s") else None):
        if candidate and candidate in lookup:
            return lookup[candidate]
    return None


# "Nvidia-designed", "Alibaba-backed": a company named inside a compound ("Beijing-based" stays a place).
_MADE_BY = r"-(?:made|designed|built|backed|owned|produced|developed|branded|powered|supplied|led)\b"
# "DeepSeek-R1", "Qwen-72B": a company's product named by a version after a hyphen names the company.
_VERSION = r"-[A-Z]{0,3}\d[\w.]*(?!\w)"
_COMPANY_KINDS = {"vendor", "buyer", "chipmaker", "distributor"}


# Aliases that are generic institution names ("Ministry of Finance", "foreign ministry", "Commerce
# Department"): another country's word before them ("Japan's Ministry of Finance") means another body.
_GENERIC_HEADS = {"department", "ministry", "bureau", "office", "commerce", "state", "foreign", "energy", "defense",
                  "justice", "war", "customs", "general", "house", "finance"}  # fmt: skip


def _generic(alias: str) -> bool:
    return alias[:1].islower() or alias.split()[0].lower() in _GENERIC_HEADS


def _chip_aliases(name: str, ident: str) -> list[str]:
    bare = re.sub(r"\s*\(.*?\)", "", name).strip()
    out = {bare}
    parts = bare.split()
    if len(parts) > 1 and parts[0] in ("Nvidia", "AMD", "Huawei", "Cambricon"):
        out.add(" ".join(parts[1:]))
    if re.fullmatch(r"[a-z]+\d+[a-z]*", ident):
        out.add(ident.upper())
    return sorted(out)


# Built once per loaded seed set (the page and the benchmark draft many reports against one), so the
# fuzzy scores are remembered across drafts; keyed by identity and dropped with the seed set.
_BUILT: dict[int, tuple[weakref.ref[SeedData], EntityIndex]] = {}


class EntityIndex:
    """Names and aliases of every organisation and chip in the loaded seeds."""

    def __init__(self, seeds: SeedData) -> None:
        cached = _BUILT.get(id(seeds))
        if cached is not None and cached[0]() is seeds:  # the tables and the fuzzy memory are shared
            self.__dict__.update(cached[1].__dict__)
            return
        self.aliases: list[_Alias] = []
        self.org_kind: dict[str, str] = {}
        self.org_country: dict[str, str] = {}
        self._names: dict[str, str] = {org.id: org.name for org in seeds.organisations.values()}
        for org in seeds.organisations.values():
            self.org_kind[org.id] = org.kind
            self.org_country[org.id] = org.country
            names = {
                org.name,
                re.sub(r"\s*\(.*?\)", "", org.name).strip(),
                *org.aliases,
                *EXTRA_ALIASES.get(org.id, []),
            }
            spelled = {variant for n in names for variant in _variants(n)} - names  # "U.S. ...": exact only
            for alias in sorted(n for n in names | spelled if len(n) >= 2):
                entry = _Alias(org.id, org.name, alias, "organisation", _pattern(alias), alias not in spelled)
                self.aliases.append(entry)
        for chip in seeds.chips.values():
            for alias in _chip_aliases(chip.name, chip.id):
                self.aliases.append(_Alias(chip.id, chip.name, alias, "chip", _pattern(alias)))
        self.aliases.sort(key=lambda a: len(a.alias), reverse=True)
        self._fuzzy_cache: dict[str, EntityMatch | None] = {}
        # One alternation per (kind, case rule), longest alias first: a text is scanned four times,
        # not once per alias (hundreds of them).
        self._scans: list[tuple[str, re.Pattern[str], dict[str, _Alias], bool]] = []
        for kind in ("organisation", "chip"):
            for sensitive in (False, True):
                group = [a for a in self.aliases if a.kind == kind and _case_sensitive(a.pattern) == sensitive]
                if not group:
                    continue
                lookup: dict[str, _Alias] = {}
                for entry in group:
                    lookup.setdefault(_key(entry.alias, sensitive), entry)
                body = "|".join(_body(a.alias) for a in group)
                end = r"(?:(?![\w-])|(?=" + _MADE_BY + r"|" + _VERSION + r"))"
                pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?:['’]s|s)?" + end, 0 if sensitive else re.I)
                self._scans.append((kind, pattern, lookup, sensitive))
        self._org_names = {_key(a.alias, False): a for a in self.aliases if a.kind == "organisation"}
        key = id(seeds)
        _BUILT[key] = (weakref.ref(seeds, lambda _ref: _BUILT.pop(key, None)), self)

    def find(self, text: str) -> list[EntityMatch]:
        """Exact alias hits, then fuzzy hits on capitalised words, best match per id, in text order.

        Linear in the text: covered positions are marked in a mask (not searched in a list), and
        fuzzy scores are remembered per phrase, since reports repeat the same names.
        """
        found: dict[tuple[str, str], tuple[int, EntityMatch]] = {}
        covered = {"organisation": bytearray(len(text) + 1), "chip": bytearray(len(text) + 1)}
        taken = bytearray(len(text) + 1)
        for other in _OTHER_NAMES.finditer(text):  # someone else's name holding an alias ("JD Vance")
            for mask in (covered["organisation"], taken):
                mask[other.start() : other.end()] = b"\x01" * (other.end() - other.start())
        for kind, pattern, lookup, sensitive in self._scans:
            mask = covered[kind]
            for match in pattern.finditer(text):
                alias = _alias_of(match.group(0), lookup, sensitive)
                if alias is None or mask[match.start()]:
                    continue
                if not self._fits(alias, match, text):  # another sense: no fuzzy second guess either
                    taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
                    continue
                mask[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
                taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
                key = (alias.kind, alias.id)
                if key not in found or found[key][0] > match.start():
                    found[key] = (match.start(), EntityMatch(alias.id, alias.name, match.group(0), 100.0, alias.kind))
        roles = org_rules.role_matches(text, self.org_country, self._org_id)
        for start, end, org, words in roles + org_groups.group_matches(text, self.org_country, self._org_id):
            taken[start:end] = b"\x01" * (end - start)
            if ("organisation", org) not in found or found[("organisation", org)][0] > start:
                name = self._names[org]
                found[("organisation", org)] = (start, EntityMatch(org, name, words, 100.0, "organisation"))
        for start, phrase in _capitalised(text):
            if taken[start]:
                continue
            best = self._fuzzy(phrase)
            if best is None or (best.kind, best.id) in found:
                continue
            generic = best.kind == "organisation" and _generic(phrase)  # "Australia's Department of Defence"
            if generic and org_rules.foreign(text, start, self.org_country.get(best.id, "")):
                continue
            found[(best.kind, best.id)] = (start, best)
        return [m for _, m in sorted(found.values(), key=lambda item: item[0])]

    def paragraph_matches(self, paragraph: str) -> list[EntityMatch]:
        """Organisations a paragraph names that its sentences, read one by one, leave without a country."""
        return [
            EntityMatch(org, self._names[org], words, 100.0, "organisation")
            for _, _, org, words in org_groups.paragraph_matches(paragraph, self.org_country)
        ]

    def _fits(self, alias: _Alias, match: re.Match[str], text: str) -> bool:
        """A one-word name written capitalised is only that name ("Commerce", never "commerce"); a
        generic name after another country's word ("India's foreign ministry") is another body; a
        capital that stands for its government is only the city after a trip ("flew to Beijing") or when it
        opens an institution's name ("Beijing Normal University")."""
        if " " not in alias.alias and alias.alias[:1].isupper() and match.group(0)[:1].islower():
            return False
        if text.startswith("-", match.end()) and self.org_kind.get(alias.id) not in _COMPANY_KINDS:
            return False
        if alias.alias in org_rules.NATIONS and org_rules.TRAVEL.search(
            text, max(0, match.start() - 40), match.start()
        ):
            return False
        if alias.alias in org_rules.NATIONS and org_rules.IN_A_NAME.match(text, match.end()):
            return False  # "Beijing Jiaotong University": the city opens a name
        if alias.kind == "organisation" and _generic(alias.alias):
            return not org_rules.foreign(text, match.start(), self.org_country.get(alias.id, ""))
        return True

    def _org_id(self, name: str) -> str | None:
        alias = self._org_names.get(_key(name, False))
        return alias.id if alias else None

    def _fuzzy(self, phrase: str) -> EntityMatch | None:
        if phrase in self._fuzzy_cache:
            return self._fuzzy_cache[phrase]
        best = self._fuzzy_uncached(phrase)
        if len(self._fuzzy_cache) < 20_000:
            self._fuzzy_cache[phrase] = best
        return best

    def _fuzzy_uncached(self, phrase: str) -> EntityMatch | None:
        best: EntityMatch | None = None
        for alias in self.aliases:
            if len(alias.alias) < 5 or len(phrase) < 5 or not alias.fuzzy:
                continue
            score = max(fuzz.ratio(phrase.lower(), alias.alias.lower()), _prefix_score(phrase, alias.alias))
            if score >= 88 and (best is None or score > best.score):
                best = EntityMatch(alias.id, alias.name, phrase, round(score, 1), alias.kind)
        return best

    def organisations(self, matches: list[EntityMatch]) -> list[str]:
        return [m.id for m in matches if m.kind == "organisation"]

    def buyers(self, matches: list[EntityMatch]) -> list[str]:
        """Whom a count or an amount in the sentence is about: the buyers it names, and a smuggling
        network it names (the network buys and ships the chips a case counts). Firms in general words
        beside named ones ("Chinese firms such as Alibaba and Tencent") are those named firms."""
        out = [
            m.id
            for m in matches
            if m.kind == "organisation" and (self.org_kind.get(m.id) == "buyer" or m.id in _BUYING_OTHERS)
        ]
        named = [b for b in out if b not in org_groups.UNNAMED]
        return named if named else out


def applies_to(
    index: EntityIndex, matches: list[EntityMatch], buyers: list[str] | None, metric: str | None
) -> list[str]:
    """Whom a figure is about: the buyers given or named; for a firm's own quantity (a metric named
    for it: ``nvidia-h200-stock``, ``huawei-ascend-output``, ``cambricon-revenue-2025-rmb``) with no
    buyer named, that firm, when the sentence names it, as the seeds keep them."""
    out = list(buyers if buyers is not None else index.buyers(matches))
    if out:
        return out
    named = [m.id for m in matches if m.kind == "organisation"]
    owner = next((o for o in named if (metric or "").startswith(f"{o}-")), None)
    if owner:
        return [owner]
    return out


def _prefix_score(phrase: str, alias: str) -> float:
    """'Alibaba Group' or 'Tencent Holdings' against 'Alibaba': the first word carries the name."""
    head = phrase.split()[0]
    if len(alias.split()) == 1 and len(phrase.split()) > 1 and len(head) >= 5:
        return fuzz.ratio(head.lower(), alias.lower())
    return 0.0


def _capitalised(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"\b[A-Z][\w.&-]+(?:\s+[A-Z][\w.&-]+){0,2}", text)]


def find_origin(text: str) -> str | None:
    """The wire or outlet a story came from: 'citing Reuters', 'Bloomberg reported', '(Reuters) -'.
    The first one the text credits: a story names its own source in the lead, and the outlets it
    cites further down are usually for background."""
    found = [m for m in (pattern.search(text) for pattern in _ORIGIN) if m]
    if not found:
        return None
    name = min(found, key=lambda m: m.start()).group(1)
    canonical = next((o for o in OUTLETS if o.lower() == name.lower()), name)
    return {"AP": "Associated Press", "Nikkei": "Nikkei Asia"}.get(canonical, canonical)


def attribution(sentence: str, matches: list[EntityMatch]) -> dict[str, object] | None:
    """How one sentence attributes what it says; None when it does not say."""
    counted = _COUNTED.search(sentence)
    if counted and (_ANON.search(sentence) or re.search(r"\b(?:citing|according to|said|told)\b", sentence)):
        word = counted.group(1).lower()
        number = WORD_COUNTS.get(word) or (int(word) if word.isdigit() else None)
        if counted.group(2).lower().startswith("official"):
            return {"type": "anonymous_sources", "sources_cited": number, "note": "officials, not named"}
        return {"type": "anonymous_sources", "sources_cited": number}
    if _ANON.search(sentence):
        return {"type": "anonymous_sources"}
    if re.search(r"\b(?:analysts?|estimates?d?|forecasts?|projects?)\b", sentence, re.IGNORECASE) and re.search(
        r"\b(?:analyst|Bernstein|TrendForce|Goldman|research|estimate)", sentence
    ):
        return {"type": "analyst_estimate"}
    if re.search(r"\b(?:Federal Register|the rule|regulation|filing|notice published)\b", sentence, re.IGNORECASE):
        return {"type": "official_document"}
    for match in matches:
        if match.matched.rstrip("'s") in PERSONS and re.search(r"\b(?:said|told|says|stated)\b", sentence):
            return {"type": "named_person", "person": match.matched}
    if re.search(r"\b(?:said in a statement|spokesperson|spokesman|spokeswoman|the company said)\b", sentence):
        return {"type": "company_statement"}
    return None


_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours)\b", re.IGNORECASE)


def add_filer(claims: list[DraftClaim], publisher: str, index: EntityIndex, filing: bool) -> None:
    """A company's own report speaks of itself as "we" (a 10-Q: "we incurred a $0.4 billion
    charge"): when the publisher is a tracked organisation, it is an actor of each claim whose
    sentence says "we", "us" or "our", and of every claim of a filing."""
    filer = next(iter(index.organisations(index.find(publisher))), None)
    if filer is None:
        return
    for claim in claims:
        if (filing or _FIRST_PERSON.search(claim.text)) and filer not in claim.actors:
            claim.actors.insert(0, filer)
