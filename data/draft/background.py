"""Which sentences are background, and which sentences without a number still make a claim.

Background is listed on the page, never drafted: a text about neither a tracked chip nor China,
a history paragraph, a sentence set in an earlier year about another chip, a sentence about a
firm the tracker does not follow. Pure (no streamlit), like the rest of the drafter.
"""

from __future__ import annotations

import datetime as dt
import re

from data.draft import statement_words, statuses, suggest
from data.draft.entities import EntityIndex
from data.draft.model import EntityMatch, Figure
from data.draft.org_groups import UNNAMED

ON_TOPIC = re.compile(r"\bH200s?\b|\bChina\b|\bChinese\b|\bBeijing\b", re.IGNORECASE)
HISTORY_PARAGRAPH = re.compile(
    r"^\s*(?:for (?:a )?(?:quick |brief |bit of )?(?:history|background|context)|historically|in the past|back in|"
    r"background:|a brief history)",
    re.IGNORECASE,
)
_CHINA = re.compile(r"\bChina\b|\bChinese\b|\bBeijing\b|\bHong Kong\b")


def on_topic(text: str, main_chip: str | None, title: str | None, first: list[str], index: EntityIndex) -> bool:
    """A text about the tracked chips or China: it names the H200 or China, has a main chip, or
    its title or first paragraph names a Chinese organisation the tracker follows
    ("Tencent's capital spending for the quarter", with "China" nowhere in it); one named in
    passing further down ("investments in companies like Tencent") is not its subject."""
    if ON_TOPIC.search(text) or main_chip:
        return True
    lead = index.find("\n".join([title or "", *first]))
    return any(m.kind == "organisation" and index.org_country.get(m.id) == "CN" for m in lead)


_STATEMENT = re.compile(
    r"\b(?:approv|cleared|authori[sz]|green light|block|bann?(?:ed|s)?\b|bar(?:red|s)?\b|paus|halt|suspend|"
    r"allow|permit|licen[cs]|condition|special (?:cases|circumstances)|case[- ]by[- ]case|restrict|"
    r"upfront|up front|none (?:so far|of)|not (?:yet )?(?:been )?(?:received|sold|shipped|delivered)|"
    r"(?:have|has) begun|began shipping|started shipping|ship(?:ped|ments?)|(?:to|will|would) (?:start |begin )?ship\b|"
    r"deliver|order|purchase|"
    r"consider(?:ing|ed|ation)|\bconsiders? (?!(?:the|a|an|it|them|this|that)\b)|weigh|plans? to|preparing|"
    r"cap\b|capped|limit|required|requires|must\b|cannot exceed|assurances|"
    r"(?:increas|boost|rais|ramp|expand|commission|halt|paus|stop|cut|suspend)\w*\s+(?:up\s+)?(?:\w+\s+){0,3}?"
    r"(?:production|output)\b|(?:additional|more|new|extra) (?:production )?capacity|go-ahead|guidance|"
    r"discourag(?:ed|ing)\b|advis(?:ed|ory|ories)\b|\bvisit(?:s|ed|ing)?\b|\btrip\b|"
    r"in (?:high|strong|great) demand|expressed (?:\w+ ){0,2}(?:interest|desire)|interest in (?:buying|acquiring|purchasing)|"
    r"\bhold(?:s|ing)? up (?:the |a )?(?:decision|approval)|\bstuck\b)",
    re.IGNORECASE,
)


def reason(
    sentence: str,
    matches: list[EntityMatch],
    paragraph_matches: list[EntityMatch],
    main_chip: str | None,
    history: bool,
    on_topic: bool,
    published: dt.date,
) -> str | None:
    """Why a sentence is background rather than a claim about the report's story, or None.

    Background: a text about neither the tracked chips nor China; a history paragraph; a sentence
    set in an earlier year about another chip ("last year ... the H20"); a sentence about a firm
    the tracker does not follow (a SoftBank loan) that names nothing it does follow.
    """
    if not on_topic:
        return "the text names neither a tracked chip nor China"
    if history:
        return "a history paragraph"
    chips = {m.id for m in matches if m.kind == "chip"}
    if chips and main_chip not in chips and _earlier(sentence, published):
        return f"an earlier year, about the {', '.join(sorted(c.upper() for c in chips))}"
    tracked = matches or paragraph_matches
    if not tracked and not _CHINA.search(sentence) and _untracked_names(sentence):
        return f"about {', '.join(_untracked_names(sentence)[:2])}, which the tracker does not follow"
    return None


# A company's share price moving is market news, not a figure about the chips ("shares fell 30%",
# "$180 per share", "$400 million worth of its shares"); "market share" and a stock of chips are not.
_SHARE_PRICE = re.compile(
    r"\bshares\b(?! of (?:the |its )?(?:market|revenue|sales|volume|chips?|orders?)\b)|\b(?:per|a) share\b(?! of)|"
    r"\b(?:pre-?market|after-hours)\b|\bin (?:early |late |morning |afternoon )?trading\b|"
    r"\b(?:share|stock) prices?\b|\bmarket (?:cap|capitali[sz]ation|value)\b|"
    r"\bstock (?:has |had )?(?:rose|risen|rises|fell|fallen|falls|jumped|dropped|climbed|gained|slid|surged|"
    r"closed|traded|trades)\b",
    re.IGNORECASE,
)
# A chip model in a figure's own words ("400 A100 GPUs"): Nvidia's and AMD's naming.
_MODEL = re.compile(r"\b(?:[ABHL]\d{2,3}[A-Z]?|G[HB]\d{3}|MI\d{3}[A-Z]?)\b")


# A stock index moving is market news too ("the Nikkei 225 gained 0.2%", "the Hang Seng fell"):
# an index named by its word or by the usual index names, beside a move verb.
_INDEX_MOVE = re.compile(
    r"\b(?:Nikkei|Hang Seng|Kospi|KOSPI|S&P|Nasdaq|NASDAQ|Dow(?: Jones)?|FTSE|DAX|CSI ?300|Shanghai Composite|"
    r"STOXX|Stoxx|Sensex|(?:stock|equity|benchmark|composite|market) ind(?:ex|ices))\b"
    r"(?:\W+\w+){0,8}?\W+(?:gain\w*|rose|ris(?:es|ing|en)|fell|fall(?:s|ing|en)?|drop\w*|climb\w*|slid\w*|slipp?\w*|"
    r"declin\w*|advanc\w*|edg\w*|jump\w*|surg\w*|tumbl\w*|los(?:s|t|es|ing)|up|down)\b|"
    r"\b(?:gain\w*|declin\w*|loss\w*|drops?)\b(?:\W+\w+){0,4}?\W+(?:in|on|for) (?:the )?(?:Nikkei|Hang Seng|Kospi|S&P|Nasdaq|Dow)\b",
)


# A buyer's own results ("revenue rose 9%", "marketing services revenue up by 20%"): what it earns,
# not what it spends on chips; its capital spending, budget or orders stay claims.
_RESULTS = re.compile(r"\b(?:revenues?|profits?|net income|earnings|margins?|turnover)\b", re.IGNORECASE)
_SPENDING = re.compile(
    r"\b(?:capex|capital (?:expenditure|spending)|spend\w*|budget\w*|invest\w*|outlay|purchas\w*|order\w*|"
    r"buy\w*|AI (?:chips?|infrastructure)|data[- ]cent(?:er|re)s?|GPUs?|accelerators?)\b",
    re.IGNORECASE,
)


def number_reason(
    sentence: str, paragraph: list[EntityMatch] | None = None, kinds: dict[str, str] | None = None
) -> str | None:
    """Why a sentence's numbers are background though its words may not be: a share-price or a
    stock-index move (market news, not a figure about the chips), or the results of a paragraph
    whose only firms are named buyers (``kinds``: each organisation's kind; "China-bound shipments"
    name no buyer in particular)."""
    firms = {m.id for m in paragraph or [] if m.kind == "organisation"}
    buyers_only = bool(firms) and all((kinds or {}).get(f) == "buyer" and f not in UNNAMED for f in firms)
    if buyers_only and _RESULTS.search(sentence) and not (_SPENDING.search(sentence) or _CHIP_WORDS.search(sentence)):
        return "a buyer's own results, not a figure about the chips"
    if _SHARE_PRICE.search(sentence):
        return "a share-price move, not a figure about the chips"
    if _INDEX_MOVE.search(sentence):
        return "a stock-index move, not a figure about the chips"
    goods = _GOODS.search(sentence)
    if goods and not (_CHIP_WORDS.search(sentence) or _MODEL.search(sentence)):
        return f"about {goods.group(0).lower()}, not the chips"
    return None


# Other goods of a trade fight (minerals, farm goods, energy): a sentence about them that names no
# chip gives their figures ("controls 90% of the supply of rare earths"), not the chips'.
_GOODS = re.compile(
    r"\b(?:rare[- ]earths?|critical minerals|minerals|gallium|germanium|graphite|antimony|lithium|cobalt|magnets|"
    r"soybeans?|soy|pork|beef|corn|wheat|crude|oil|LNG|natural gas|coal|steel|aluminium|aluminum|copper|fentanyl)\b",
    re.IGNORECASE,
)


# Words that put a paragraph on the tracker's subject: a chip of any kind, or China.
_CHIP_WORDS = re.compile(
    r"\b(?:chips?|chipmakers?|GPUs?|semiconductors?|accelerators?|processors?|silicon|wafers?|foundr(?:y|ies)|"
    r"H200s?|Hopper|Blackwell|Ascend)\b",
    re.IGNORECASE,
)


SUBJECT_KINDS = frozenset({"vendor", "chipmaker", "buyer", "distributor"})  # organisations whose trade is the chips
# A paragraph pointing back at the story's own trade ("the deal", "these transactions", "a fee per
# sale") goes on with it: its figures are the deal's terms, not a digest's other item.
_BACK_TO_THE_DEAL = re.compile(
    r"\b(?:the|this|that) deal\b|\b(?:these|those|such) (?:sales|transactions|shipments|exports|deals|licen[cs]es)\b"
    r"|\b(?:per|each|every|on each) (?:sale|transaction|shipment|licen[cs]e)\b",
    re.IGNORECASE,
)


# The export licensing a report is about, told without naming the chip again: "agencies have 30 days
# to weigh in" under "export regulations", "a 30-day review ... to halt exports" (both words in one sentence),
# or the licence applications themselves ("sent the licensing applications to Defense ... within 30 days").
_EXPORT_REVIEW = re.compile(
    r"\bexport\w*\b[^.;]{0,100}?\b(?:licen[cs]\w*|review)\b|\b(?:licen[cs]\w*|review)\b[^.;]{0,120}?\bexport\w*"
    r"|\bexport (?:regulations|rules|control rules)\b|\blicen[cs](?:e|ing) (?:applications?|requests?)\b",
    re.IGNORECASE,
)
# How a committee or chamber voted on "the bill" (or "the measure") a report is about: the vote is its story.
_VOTE_ON_THE_BILL = re.compile(
    r"\bvot(?:e|es|ed|ing)\b(?=.*\b(?:the|this) (?:bill|measure|legislation|act)\b)"
    r"|\b(?:the|this) (?:bill|measure|legislation|act)\b(?=.*\bvot(?:e|es|ed|ing)\b)",
    re.IGNORECASE | re.DOTALL,
)


# A paragraph opening on the figure before it ("The figure would exceed ...", "That amount is"):
# it goes on with the paragraph before, and is judged with it.
# A paragraph going on with the one before: "The figure would exceed", and a firm's results told
# without naming the firm again ("Revenue for the year rose 450 per cent", "Its net profit", "The
# company expects").
POINTS_BACK = re.compile(
    r"\s*(?:(?:The|That|This) (?:figure|amount|sum|total|budget)\b"
    r"|(?:Its |The (?:company|firm|group|chipmaker)['’]s )?(?:(?:full-year|annual|quarterly|net) )?"
    r"(?:revenue|sales|net profit|profit|net income|net loss|earnings)\b(?! of\b)"
    r"|(?:The|That) (?:company|firm|chipmaker|group)\b)",
    re.IGNORECASE,
)


def paragraph_reason(
    paragraph: str,
    paragraph_matches: list[EntityMatch],
    subject_orgs: set[str],
    units: set[str | None] | frozenset = frozenset(),
    before: str | None = None,
) -> str | None:
    """A paragraph that names no chip (no tracked chip, no chip model, no chip word), not China
    and no organisation of the chip trade (``subject_orgs``: vendors, chipmakers, buyers, Chinese
    bodies) is another story, as a digest's other items are (a court case, an agency's budget):
    its numbers are listed, not drafted. The paragraph, not the sentence, decides, so a figure in
    a sentence whose neighbour names the chip or Nvidia stays a claim. A sentence whose figures
    (``units``) are all votes on "the bill" tells how the report's bill fared. One opening on the
    figure before it is judged with the paragraph ``before`` it (whose matches the caller adds)."""
    if before and POINTS_BACK.match(paragraph):
        paragraph = f"{before}\n\n{paragraph}"
    if any(m.kind == "chip" or m.id in subject_orgs for m in paragraph_matches):
        return None
    if _CHINA.search(paragraph) or _CHIP_WORDS.search(paragraph) or _MODEL.search(paragraph):
        return None
    if _BACK_TO_THE_DEAL.search(paragraph) or _EXPORT_REVIEW.search(paragraph):
        return None
    if units == {"votes"} and _VOTE_ON_THE_BILL.search(paragraph):
        return None
    return "a paragraph that names neither a chip nor China"


def figure_reason(wording: str, main_chip: str | None, tracked: set[str]) -> str | None:
    """A figure whose own words count a chip the tracker does not follow ("around 400 A100 GPUs"
    beside 50 H200s); a tracked chip (the H20, an Ascend) keeps its figure."""
    models = {m.lower() for m in _MODEL.findall(wording)}
    if main_chip and models and not models & ({main_chip, "h200"} | tracked):
        return f"it counts the {', '.join(sorted(m.upper() for m in models))}, which the tracker does not follow"
    return None


SPEC_UNITS = frozenset({"tflops", "pflops", "tops", "tpp"})
# "... at 70% of the H200's performance": a percentage of a chip's performance (a spec ratio)
_PERFORMANCE_SHARE = re.compile(r"^\W*of (?:the )?(?:\S+\s+){0,2}?(?:performance|compute|throughput)\b", re.IGNORECASE)


def comparison_reason(sentence: str, figure: Figure, matches: list[EntityMatch], main_chip: str | None) -> str | None:
    """In a sentence comparing chips, a specification figure (TFLOPS, TPP, a share of another
    chip's performance) belongs to the chip named last before it: the main chip's own is kept
    (its spec is a claim the seeds keep), the other chip's is that chip's reference data
    ("the H200's 900 TFLOPS against the H20's 150 TFLOPS": the 150 is listed, not drafted)."""
    chips = {m.id: m.matched for m in matches if m.kind == "chip"}
    if not main_chip or len(chips) < 2 or main_chip not in chips:
        return None
    after = sentence[figure.start + len(figure.wording) :]
    if figure.unit not in SPEC_UNITS and not (figure.unit == "percent" and _PERFORMANCE_SHARE.match(after)):
        return None
    last: tuple[int, str] | None = None
    for chip, alias in chips.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", sentence[: figure.start]):
            if last is None or hit.start() > last[0]:
                last = (hit.start(), chip)
    if last is None or last[1] == main_chip:
        return None
    return f"a specification of the {chips[last[1]]} in a comparison, not a claim of this report"


_EARLIER = re.compile(r"\b(?:last year|years? ago|in the past|previously|back in|in (?:19|20)\d\d)\b", re.IGNORECASE)
_NOT_NAMES = frozenset(
    ["The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "For", "By", "From", "With", "As", "An",
     "A", "According", "However", "But", "And", "Or", "If", "When", "While", "After", "Before", "Since", "Under",
     "Over", "Last", "Next", "Earlier", "Later", "Meanwhile", "During", "Despite", "Until", "Ahead", "AI", "GPU", "GPUs", "CEO", "US", "U.S"]
)  # fmt: skip


def _earlier(sentence: str, published: dt.date) -> bool:
    years = [int(y) for y in re.findall(r"\b(?:19|20)(\d\d)\b", sentence)]
    if any(2000 + y < published.year for y in years):
        return True
    return bool(_EARLIER.search(sentence)) and not years


def _untracked_names(sentence: str) -> list[str]:
    """Capitalised names in the sentence (firms, people) other than sentence openers and acronyms."""
    names = []
    for match in re.finditer(r"\b[A-Z][a-z]+[A-Z]?[a-z]*(?:\s[A-Z][a-z]+)*\b", sentence):
        name = match.group(0)
        opener = not re.search(r"\w", sentence[: match.start()])  # "Dealers said…", "🔎 Why…": a capital, not a name
        if opener and " " not in name and not re.search(r"[a-z][A-Z]", name):
            continue
        if name.split()[0] not in _NOT_NAMES and not _MONTH_OR_DAY.match(name):
            names.append(name)
    return list(dict.fromkeys(names))


_MONTH_OR_DAY = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")


_ANALYST = re.compile(r"\b(?:analysts?|experts?|observers?|commentators?|critics?)\b", re.IGNORECASE)
_OPINION = re.compile(
    r"\b(?:believes?|thinks?|argues?|argued|suggest(?:s|ing|ed)?|described|could be|may be|speculat\w*)\b", re.I
)
_HEDGE = re.compile(
    r"^\W*(?:it (?:seems|appears)|arguably|perhaps|maybe)\b|\b(?:typically|usually|generally) (?:fall|falls|go|goes|is|are)\b|"
    r"\bdid not (?:immediately )?respond to (?:a |our )?requests? for comment|\bdeclined to comment\b|"
    r"\b(?:it remains (?:unclear|to be seen)|uncertainty remain(?:s|ed)|there (?:was|is|has been) (?:\w+ )?uncertainty|"
    r"failed to (?:find out|learn|establish))\b|"
    r"^\W*(?:the|this|these|that) (?:\w+ ){0,6}?(?:suggests? that|reflects?|highlights?|underscores?)\b",
    re.IGNORECASE,
)
_SPEC_DELIVERS = re.compile(
    r"\bdeliver(?:s|ing|ed)?\b(?:\s+\S+){0,4}?\s+(?:times|performance|faster|improved|memory|bandwidth|speed)\b",
    re.IGNORECASE,
)
_FIRM_STATUSES = frozenset(
    {"none", "blocked", "paused", "halted", "denied", "pending", "approved", "conditional", "in_principle"}
)


def is_statement(sentence: str, matches: list[EntityMatch], main_chip: str | None) -> bool:
    """A sentence without a number still makes a claim when it names who and says what happened."""
    if (_ANALYST.search(sentence) and _OPINION.search(sentence)) or _HEDGE.search(sentence):
        return False  # "an analyst believes ...", "it seems ...", "typically ...": a view or a habit, not an event
    sentence = _SPEC_DELIVERS.sub(" ", sentence)  # "delivers six times the performance" is a spec
    if not (_STATEMENT.search(sentence) or suggest.status(sentence) in _FIRM_STATUSES):
        # "the money the US will earn" is no claim: a plan needs an action word (or a family of its own)
        return statement_words.is_claim(sentence, matches, main_chip)
    named = [m for m in matches if m.kind == "organisation"] or [m for m in matches if m.id == main_chip]
    if named or (_CHINA.search(sentence) and main_chip and re.search(r"\bchips?\b", sentence)):
        return True
    return statement_words.is_claim(sentence, matches, main_chip)  # "companies aren't placing orders yet"


# an announced permission or fee is a step too ("Trump announced that Nvidia would be permitted to export ...")
# A proposal is not here: the seeds keep "weighing a cap of 75,000" as the figure's own claim, status proposed
_STEP_STATUSES = _FIRM_STATUSES - {"none"} | {"under_review", "cancelled", "announced"}
_STEP_KINDS = frozenset({"import_approval", "export_licence", "policy", "enforcement", "condition", "order"})


def carries_statement(sentence: str, matches: list[EntityMatch]) -> bool:
    """A sentence with a figure that also states a step (an approval, a block, a pause) by an
    organisation it names gets a claim of its own for the step, as the seeds keep one: "Beijing
    cleared three firms to buy 400,000 chips" is the approval and the figure. A figure with a
    plan or no status ("orders of 2 million") is the figure alone, and so is a wording-only
    figure ("authorised a small number"): its claim is the statement (the caller checks that)."""
    step_status = suggest.status(sentence)
    step_kind, _ = statuses.refine(suggest.kind(sentence, None), step_status, sentence)  # the approver's step
    if step_status not in _STEP_STATUSES or step_kind not in _STEP_KINDS:
        return False
    return any(m.kind == "organisation" for m in matches) or bool(_GOVERNMENT.search(sentence))


# A government by its stand-ins ("Washington approved H200 exports"): who takes a step, named or not
_GOVERNMENT = re.compile(
    r"\b(?:Washington|Beijing|White House|Trump administration|(?:U\.S\.|US|Chinese) government)\b"
)


def main_chip(title: str | None, paragraphs: list[str], index: EntityIndex) -> str | None:
    """The chip the report is about: the first one its title or opening paragraphs name, else the
    one named most (counted paragraph by paragraph, so a long text costs one pass)."""
    head = " ".join(filter(None, [title, *paragraphs[:2]]))
    chips = [m.id for m in index.find(head) if m.kind == "chip"]
    if chips:
        return "h200" if "h200" in chips else chips[0]
    counts: dict[str, int] = {}
    for paragraph in paragraphs[2:]:
        for match in index.find(paragraph):
            if match.kind == "chip":
                counts[match.id] = counts.get(match.id, 0) + 1
    if not counts:
        return None
    return "h200" if "h200" in counts else max(counts, key=counts.__getitem__)
