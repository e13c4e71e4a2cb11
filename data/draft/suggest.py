"""Kind, status, stage, side and metric suggestions: always marked "to confirm".

Keyword rules cover the common phrasings; the metric falls back to the existing claim (same
unit) whose wording and summary read most like the sentence, so figures reuse metric ids that
reconcile instead of inventing near-duplicates.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from data.draft import metric_words, statement_words, statuses, votes
from data.draft.metric_words import (
    FIRST_SHIPMENT,
    FROM_STOCK,
    LEVY,
    OF_US_VOLUME,
    PLANS_TO_SHIP,
    SHARES_SALES,
    WANTS_TO_ORDER,
    firms_named,
    names_a_buyer,
    owner_fits,
    period_fits,
)
from data.load import SeedData

_KIND_RULES: list[tuple[str, str]] = [
    (r"smuggl|indict|charged|arrest|prosecut|\bseiz(?:ed|es|ing|ure)|\bdivert|diversion", "enforcement"),
    (r"\bbill\b|\bact\b|legislat|lawmakers|congress(?!ional panel)|committee votes?", "legislation"),
    (r"\bprice[sd]?\b|cost[s]? |sell(?:s|ing)? for|apiece|per chip|per module", "price"),
    (r"revenue|profit|earnings|capex|capital expenditure|\bspend|budget|wrote down|write-?down", "financial"),
    (
        r"market share|share of (?:the|china(?!-made))|market (?:is|was|worth)",
        "market",
    ),  # not "a share of China-made chips"
    (  # a change to output is production, whatever it is for ("more capacity to speed up shipments")
        r"\b(?:increas|boost|rais|ramp|expand|add|commission|halt|paus|stop|cut|suspend)\w*\s+(?:up\s+)?(?:\w+\s+){0,3}?"
        r"(?:production|output|manufacturing)\b|\b(?:additional|more|new|extra) (?:production |manufacturing )?capacity\b",
        "production",
    ),
    # an inquiry is enforcement unless it is into one's own output ("investigating whether it can add production")
    (r"investigat|\bprobe[ds]?\b|\binquiry\b", "enforcement"),
    (
        r"\bguidance\b|\bdiscourag(?:ed|ing)\b|\badvis(?:ed|ory|ories)\b|" + statement_words.WARNED_OFF.pattern,
        "policy",
    ),  # officials steering buyers: a policy ("warned against purchasing", "told to avoid buying")
    (r"received (?:\w+ )?orders\b", "order"),  # orders received are orders, not deliveries
    (r"deliver|received", "delivery"),
    (r"ship(?:ped|ment|ments|ping)?\b|arriv|\bsold\b", "shipment"),
    (r"inventory|stock|stockpile", "supply"),
    (r"produc|output|manufactur|foundry", "production"),
    (
        r"\bcap\b|capped|limit|ceiling|condition|restrict|only (?:in|for) special|special (?:cases|circumstances)|"
        r"case[- ]by[- ]case|upfront|up front|in advance|must\b|required to|allowance|quota|"
        r"\brequir(?:e|es|ing)\s+(?:[\w'’-]+\s+){1,5}?to\b|"
        r"counts? (?:against|toward)",
        "condition",
    ),
    (r"licen[cs]e|approv\w*\s+(?:\S+\s+){0,3}(?:sales?|exports?)\b|export approval", "export_licence"),
    (r"import|customs|approv|cleared|green light|allowed? .* to buy|permitted|authori[sz]", "import_approval"),
    (
        r"expressed (?:\w+ ){0,2}(?:interest|desire)|interest in (?:buying|acquiring|purchasing)|in (?:high|strong) demand|"
        + statement_words.DEMAND.pattern,
        "demand_signal",
    ),  # wanting to buy is demand, not yet an order ("seeking the chips", "rushing to buy", "demand remains high")
    (r"\border(?:s|ed)?\b|purchase|bought|\bbuy", "order"),
    (r"demand|interest|want|seek|sought|asked for|requested", "demand_signal"),
    (r"\brule\b|regulation|policy|ban\b|tariff|export control|\bfee\b|surcharge|\bcut\b", "policy"),
    (r"visit|trip|travel", "visit"),
]
# "as many as"/"total" reads as the US ceiling only in a sentence about no one's orders or forecast:
# "initial orders are expected to total as many as 80,000" sizes orders, "shipments could reach a
# million in total" a cap.
_WEAK_CEILING = r"as many as|\btotal\b|could reach"
# Chips the US has licensed ("licensed up to 100,000", "licences issued for"), never what firms applied for.
_LICENSED = (
    r"\blicensed\b|licen[cs]es? (?:\w+ )?(?:granted|issued|approved)|(?:granted|issued|approved) (?:\w+ )?licen[cs]es?"
)
# Approving a sale or an export is Washington's step ("approved the sale of 100,000"), unless Beijing
# is the one the sentence names.
_SALE_APPROVED = r"\b(?:allowed|approved|authori[sz]ed|permitted|cleared) (?:the )?(?:sales?|exports?)\b"
# Chips sold into China so far ("Nvidia has sold about 30,000"), never a plan to sell.
_SOLD = r"\b(?:has|have|had) (?:\w+ )?sold\b|\bsold (?:\w+ ){0,3}(?:to|into|in) (?:china|chinese)"
# "a 25% share of revenue" is the US take only where the sentence names the US side: "China's share
# of Nvidia's revenue" is not.
_SHARE_OF_SALES = r"share of (?:the )?(?:sales|revenue|proceeds)"
_NO_US_SIDE = re.compile(
    r"^(?!.*\b(?:U\.?S\.?|US|United States|Washington|government|Treasury|administration|Trump|White House)\b)", re.S
)
_UNLESS_SENTENCE = {
    _SHARE_OF_SALES: _NO_US_SIDE,
    SHARES_SALES: _NO_US_SIDE,
    LEVY: re.compile(
        r"\bgoods\b|\bimports? from\b|\b(?:Chinese|China's) (?:imports|exports|products)\b|\btrade (?:war|truce|deal)\b|"
        r"\btax (?:credits?|rates?|breaks?|bills?)\b|\bincome tax\b|\bH20\b|\bMI308\b",  # the H20/MI308 deal has its own metric
        re.IGNORECASE,
    ),
    _WEAK_CEILING: re.compile(r"\borders?\b|\b(?:expected|forecast|projected|estimated)\b", re.IGNORECASE),
    _SALE_APPROVED: re.compile(r"\bBeijing\b|\bChinese (?:government|authorities|regulators)\b"),
    _LICENSED: re.compile(r"\bappl(?:y|ied|ies|ying|ications?)\b", re.IGNORECASE),
}
# (pattern, unit, metric, bounds it fits or None): the figure's own clause is tried before the sentence,
# so two figures in one sentence ("orders of 2 million, above an inventory of 700,000") get their own metric.
_METRIC_RULES: list[tuple[str, str, str, tuple[str, ...] | None]] = [
    (r"initial orders?|earlier (?:reported )?(?:initial )?orders", "chips", "initial-orders", None),
    (
        r"per (?:chinese )?(?:customer|buyer|company|firm)|per-customer|each (?:buyer|customer|company)|\bcap\b|"
        r"limiting|chips each",
        "chips",
        "us-per-customer-cap",
        ("at_most", "less_than", "exact"),
    ),
    (r"ceiling|across all customers|china-wide", "chips", "us-total-ceiling", ("at_most", "less_than", "exact")),
    (_WEAK_CEILING, "chips", "us-total-ceiling", ("at_most", "less_than", "exact")),
    (_LICENSED, "chips", "us-licensed-h200-volume", None),
    (_SALE_APPROVED, "chips", "us-licensed-h200-volume", None),
    (
        r"first batch|approv|cleared to (?:buy|purchase|import)|authori[sz]ed|can import|granted|"
        r"green light to (?:buy|purchase|import)|greenlit|(?:allowed|permitted|let) (?:\w+ ){0,3}?to (?:buy|purchase|import)",
        "chips",
        "cn-first-batch-chips",
        None,
    ),
    (r"inventory|in stock|\bstock\b|(?:has|have|had) (?:\w+ )?available|on hand", "chips", "nvidia-h200-stock", None),
    # the seller expecting orders ("Nvidia had expected orders of", "anticipating over 1 million orders"),
    # not orders placed; "orders are expected to total" stays the buyers' orders
    (r"\b(?:expect|anticipat)\w*\s+(?:[\w.,]+\s+){0,4}?orders\b", "chips", "nvidia-expected-orders", None),
    (WANTS_TO_ORDER, "chips", "buyer-interest", None),  # wanting to order is interest, not an order
    (r"\border", "chips", "cn-h200-orders", None),
    (
        r"requested|would like to (?:purchase|buy)|\bwant|interest|sought|asked for|signall?ed|"
        r"(?:plans?|planning|intends?|looking|seeks?|seeking|hopes?) to (?:buy|purchase|order|acquire)",
        "chips",
        "buyer-interest",
        None,
    ),
    (FIRST_SHIPMENT, "chips", "first-shipment-chips", None),
    (FIRST_SHIPMENT, "modules", "first-shipment-modules", None),
    (PLANS_TO_SHIP, "chips", "first-shipment-chips", None),
    (r"licen[cs]|cleared|approved", "firms", "us-cleared-firms", None),
    (r"tpp|performance", "tpp", "bis-tpp-limit", None),
    (
        r"\bfee\b|\bcut\b(?!-)|surcharge|paid to|payable|remit|\bclip\b",
        "percent",
        "us-revenue-cut-pct",
        None,
    ),  # not "cut-down"
    (_SHARE_OF_SALES, "percent", "us-revenue-cut-pct", None),
    (SHARES_SALES, "percent", "us-revenue-cut-pct", None),
    (OF_US_VOLUME, "percent", "us-china-share-of-us-volume-pct", None),
    (LEVY, "percent", "us-revenue-cut-pct", None),
    (
        r"of the (?:total )?volume|sold to (?:u\.?s\.?|american) customers|of (?:its )?u\.?s\.? (?:sales|volume)",
        "percent",
        "us-china-share-of-us-volume-pct",
        None,
    ),
    (  # other words for the US government's take: a levy, a charge, a payment, what the US receives
        r"\blevy\b|\bpayment\b|\bcharge\b|coffers|\b(?:(?:hand|turn|fork)\w* over|giv\w+|gave)\b.{0,60}\bto (?:the )?"
        r"(?:U\.?S\b|United States|government|Treasury|Washington|administration)|(?:U\.?S\.?|United States|government|Treasury|Washington)\s+"
        r"(?:\w+\s+){0,2}?(?:receive|get|take|collect|keep)s?\b",
        "percent",
        "us-revenue-cut-pct",
        None,
    ),
    (r"market share|share of", "percent", "nvidia-china-share-pct", None),
    (
        r"reap|a year from|annual|opportunity|could (?:earn|generate|bring)",
        "usd",
        "h200-china-revenue-opportunity-usd",
        None,
    ),
]
_DELIVERED = re.compile(
    r"\b(?:delivered|received(?! (?:an? )?(?:approvals?|the green|permission|clearance|licen|(?:\w+ )?orders?\b|"
    r"bookings|requests|applications|enquiries|inquiries))|arrived|have shipped|"
    r"has shipped|were shipped|t(?:aken|ook|akes) delivery|deliveries (?:so far|to date|(?:have )?total(?:led)?)|"
    r"(?:have|has) (?:now )?reached (?:china|chinese|customers|buyers|the country)|made it (?:in)?to|(?:sent|shipped|exported) (?:so far|to date)|"
    r"got(?! (?:the )?(?:green light|go-ahead|nod|approval|permission|clearance|licen)))\b",
    re.IGNORECASE,
)


def _first(rules: list[tuple[str, str]], text: str) -> str | None:
    return next((value for pattern, value in rules if re.search(pattern, text, re.IGNORECASE)), None)


_US_WORDS = re.compile(r"\b(?:U\.?S\.?|US|Washington|Trump|Commerce|administration|BIS|White House)\b")
_CN_WORDS = re.compile(r"\b(?:Beijing|China's|Chinese (?:government|authorities|regulators|customs))\b")


_STEP_SIDES = {"import_approval": "China", "export_licence": "US"}


def kind(sentence: str, unit: str | None) -> str:
    if unit in ("usd_per_chip", "rmb_per_module"):
        return "price"
    found = _first(_KIND_RULES, sentence)
    if found == "export_licence" and _CN_WORDS.search(sentence) and not _US_WORDS.search(sentence):
        found = "import_approval"  # Beijing approving a sale is an import approval, not a US licence
    if found is None and unit in ("usd", "rmb"):
        return "financial"
    return found or "statement"


def status(sentence: str) -> str | None:
    return statuses.status(sentence)


def side(actors: list[str], seeds: SeedData, sentence: str, claim_kind: str = "statement") -> str:
    if claim_kind in _STEP_SIDES:  # an import approval is Beijing's step, an export licence Washington's,
        return _STEP_SIDES[claim_kind]  # whoever else the sentence names (the buyers, Nvidia's chief)
    buyer_named = any(seeds.organisations[a].kind == "buyer" for a in actors if a in seeds.organisations)
    # the buyers in general words, with one word of what kind: "Chinese tech firms", "Chinese cloud companies"
    buyers_in_words = re.search(
        r"\bChinese (?:[\w-]+ )?(?:firms|companies|customers|buyers|giants|platforms|hyperscalers)\b", sentence
    )
    if (buyer_named or buyers_in_words) and claim_kind in ("order", "demand_signal", "application"):
        return "buyer"
    countries = [seeds.organisations[a].country for a in actors if a in seeds.organisations]
    kinds = [seeds.organisations[a].kind for a in actors if a in seeds.organisations]
    lanes = [seeds.organisations[a].lane for a in actors if a in seeds.organisations]
    if "us_government" in lanes:
        return "US"
    if "china_regulators" in lanes:
        return "China"
    if "nvidia" in lanes or "vendor" in kinds:
        return "vendor"
    if "buyer" in kinds:
        return "buyer"
    if re.search(r"\bWashington\b|\bU\.?S\.? (?:government|officials)", sentence):
        return "US"
    if re.search(r"\bBeijing\b|Chinese (?:government|authorities|regulators)", sentence):
        return "China"
    if claim_kind in ("price", "supply", "production"):
        return "vendor"  # a price, stock or output figure with no one named is the seller's
    return "other" if not countries else ("US" if "US" in countries else "China" if "CN" in countries else "other")


def stage(claim_side: str, claim_status: str | None, claim_kind: str, sentence: str) -> str | None:
    text = sentence.lower()
    if claim_side == "China":
        if "customs" in text and claim_status in ("blocked", "paused"):
            return "cn_customs_block"
        return {"in_principle": "cn_in_principle", "paused": "cn_paused", "conditional": "cn_conditional"}.get(
            claim_status or "", "cn_first_batch" if claim_status == "approved" and "first" in text else None
        )
    if claim_side == "US":
        if claim_kind == "export_licence":
            return "us_licences_granted" if claim_status == "approved" else "us_licence_review"
        if claim_kind in ("shipment", "delivery") and claim_status not in (None, "none"):
            return "us_shipped"
        if claim_kind == "policy" and "rule" in text:
            return "us_rule"
    return None


def metric(
    sentence: str,
    unit: str | None,
    seeds: SeedData,
    *,
    near: str | None = None,
    bound: str | None = None,
    product: str | None = None,
    claim_status: str | None = None,
    span: tuple[int, int] | None = None,
) -> tuple[str, float]:
    """A metric id used in the seeds, with how sure (100 = a keyword rule); a new slug if none fits.

    ``near`` is the figure's own clause. A metric named for a period (``-q4-fy26``, ``-2025``) is only
    offered when the sentence names that period, and a planned shipment is never "delivered".
    """
    declared = set(getattr(seeds, "metrics", {}) or {})
    if unit == "votes" and span and (voted := votes.vote_metric(sentence[slice(*span)], seeds.metrics)):
        return voted, 60.0  # a vote count by how it went ("Two voted against it"), when one declared count fits
    windows = [_own_clause(sentence, start, end) for start, end in [span]] if span else []
    other_chip = h200_metrics(seeds) if product and product != "h200" else set()  # an H20 deal is no H200 metric
    stocked = {"chips": "first-shipment-chips", "modules": "first-shipment-modules"}.get(unit or "")
    if stocked and stocked not in other_chip and re.search(FROM_STOCK, sentence, re.IGNORECASE):
        return stocked, 100.0  # orders met from stock size the first shipment, whatever "stock" sits nearer
    for text in (*windows, near, sentence):
        if not text:
            continue
        settled = unit == "chips" and claim_status not in ("planned", "none", "proposed")
        if settled and _DELIVERED.search(text) and "h200-delivered-to-china" not in other_chip:
            return "h200-delivered-to-china", 100.0
        if settled and re.search(_SOLD, text, re.I) and "h200-sold-to-china" not in other_chip:
            return "h200-sold-to-china", 100.0
        for pattern, rule_unit, metric_id, bounds in _METRIC_RULES:
            if metric_id in other_chip:
                continue
            if unit == rule_unit and (bounds is None or bound in bounds) and re.search(pattern, text, re.IGNORECASE):
                unless = _UNLESS_SENTENCE.get(pattern)
                if unless is None or not unless.search(sentence):
                    if (
                        metric_id == "buyer-interest"
                        and "cn-h200-orders" in declared
                        and not names_a_buyer(sentence, seeds)
                    ):
                        return "cn-h200-orders", 100.0  # what Chinese firms want market-wide, no one buyer's interest
                    return metric_id, 100.0
    family = next((f for f in (_period_family(t, sentence, unit, declared) for t in (*windows, near)) if f), None)
    if family:
        return family, 100.0
    priced = {"usd_per_chip": "price-per-chip", "rmb_per_module": "price-per-module"}.get(unit or "")
    if priced and product and f"{product}-{priced}" in declared:
        return f"{product}-{priced}", 100.0
    if unit == "usd" and product and f"{product}-price-per-module-usd" in declared and _MODULE.search(sentence):
        return f"{product}-price-per-module-usd", 100.0
    best, best_score, firms = None, 0.0, firms_named(sentence, seeds)
    for record in seeds.claims:
        quantity = record.claim.quantity
        if quantity is None or quantity.unit != unit or not period_fits(quantity.metric, sentence):
            continue
        if quantity.metric in other_chip or not owner_fits(quantity.metric, firms, seeds):
            continue  # an H200 metric for another chip; Huawei's output for Cambricon's chips
        score = fuzz.token_set_ratio(sentence.lower(), f"{quantity.wording or ''} {record.claim.summary}".lower())
        if score > best_score:
            best, best_score = quantity.metric, score
    if best is not None and best_score >= 70:
        return best, round(best_score, 1)
    own_words = metric_words.described(
        sentence,
        unit,
        getattr(seeds, "metrics", {}) or {},
        fits=lambda m: period_fits(m, sentence) and owner_fits(m, firms, seeds),
        near=windows[0] if windows else near,
        exclude=other_chip,
    )
    if own_words:
        return own_words, 60.0
    return f"to-confirm-new-metric-{(unit or 'figure').replace('_', '-')}", 0.0


# Metrics declared once per period ("nvidia-dc-revenue-q2-fy27"): the sentence's words pick the family,
# the period it names picks the member; a sentence naming no period gets none (never a guessed quarter).
_FAMILIES: list[tuple[str, str, str]] = [
    (r"data[- ]cent(?:er|re)", "percent", "nvidia-h200-share-of-dc-revenue"),
    (r"\bcharges?\b|write-?downs?|wrote down", "usd", "nvidia-h200-charge"),
    (r"(?=.*\bchina\b)(?=.*data[- ]cent).*(?:guid|outlook|forecast|expect)", "usd", "nvidia-china-dc-revenue-guidance"),
    (r"guid|outlook|forecast|expect", "usd", "nvidia-revenue-guidance"),
    (r"data[- ]cent(?:er|re) revenue", "usd", "nvidia-dc-revenue"),
    (r"\brevenue\b", "usd", "nvidia-revenue"),
]


def _period_family(text: str | None, sentence: str, unit: str | None, declared: set[str]) -> str | None:
    """The declared metric of the family the figure's own words (``text``) name, for the period the
    sentence names ("guided revenue of $54 billion, assuming no China ..." is revenue guidance)."""
    for pattern, family_unit, prefix in _FAMILIES:
        if not text or unit != family_unit or not re.search(pattern, text, re.IGNORECASE):
            continue
        shape = re.compile(rf"^{re.escape(prefix)}-(?:q[1-4]|h[12])-fy\d\d$")
        members = sorted(m for m in declared if shape.match(m) and period_fits(m, sentence))
        if len(members) == 1:
            return members[0]
    return None


_MODULE = re.compile(r"\b(?:modules?|servers?|configurations?|systems?|nodes?)\b|\b(?:8|eight)[- ](?:gpu|card)", re.I)


_CLAUSE_BREAK = re.compile(r";|\s[–—]\s|,?\s(?:but|while|whereas|although|though|yet)\s", re.IGNORECASE)


def h200_metrics(seeds: SeedData) -> set[str]:
    """Metrics whose label names the H200: never offered for a figure about another chip."""
    declared = getattr(seeds, "metrics", {}) or {}
    return {mid for mid, m in declared.items() if "H200" in str(getattr(m, "label", "") or "")}


def _own_clause(sentence: str, start: int, end: int) -> str:
    """The figure with 30 characters before and 15 after, widened to whole words ("revenue", never
    "reve") and cut at a clause break: in "want 2 million but approved just 400,000" each figure
    keeps its own verb."""
    low, high = max(0, start - 30), min(len(sentence), end + 15)
    while low > 0 and sentence[low - 1].isalnum():
        low -= 1
    while high < len(sentence) and sentence[high].isalnum():
        high += 1
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, low, start)]
    after = _CLAUSE_BREAK.search(sentence, end, high)
    return sentence[(before[-1] if before else low) : (after.start() if after else high)]


def ruled_out(metric_id: str, sentence: str) -> bool:
    """The keyword rules that read this metric in the sentence are all barred by their guards ("share
    25% of the revenues" naming no US side is no US take): so is the metric, whatever else offers it."""
    rules = [p for p, _, m, _ in _METRIC_RULES if m == metric_id and re.search(p, sentence, re.IGNORECASE)]
    return bool(rules) and all((g := _UNLESS_SENTENCE.get(p)) is not None and g.search(sentence) for p in rules)
