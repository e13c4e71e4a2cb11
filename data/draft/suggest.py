"""Kind, status, stage, side and metric suggestions: always marked "to confirm".

Keyword rules cover the common phrasings; the metric falls back to the existing claim (same
unit) whose wording and summary read most like the sentence, so figures reuse metric ids that
reconcile instead of inventing near-duplicates.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from data.load import SeedData

_KIND_RULES: list[tuple[str, str]] = [
    (r"smuggl|indict|charged|arrest", "enforcement"),
    (r"\bbill\b|\bact\b|legislat|lawmakers|congress|committee", "legislation"),
    (r"\bprice[sd]?\b|cost[s]? |sell(?:s|ing)? for|apiece|per chip|per module", "price"),
    (r"revenue|profit|earnings|capex|capital expenditure|spend|budget", "financial"),
    (r"market share|share of (?:the|china)|market (?:is|was|worth)", "market"),
    (r"deliver", "delivery"),
    (r"ship(?:ped|ment|ments|ping)?\b|arriv", "shipment"),
    (r"inventory|stock|stockpile", "supply"),
    (r"produc|output|manufactur|foundry", "production"),
    (r"\bcap\b|capped|limit|ceiling|condition|restrict", "condition"),
    (r"licen[cs]e", "export_licence"),
    (r"import|customs|approv|cleared|green light|allowed? .* to buy", "import_approval"),
    (r"\border(?:s|ed)?\b|purchase|bought|\bbuy", "order"),
    (r"demand|interest|want|seek|sought|asked for", "demand_signal"),
    (r"\brule\b|regulation|policy|ban\b|tariff|export control", "policy"),
    (r"visit|trip|travel", "visit"),
]
_STATUS_RULES: list[tuple[str, str]] = [
    (r"in principle", "in_principle"),
    (r"approv|cleared|granted|green light|signed off", "approved"),
    (r"\bblock", "blocked"),
    (r"paus|suspend", "paused"),
    (r"\bhalt", "halted"),
    (r"denied|reject|refus", "denied"),
    (r"cancel", "cancelled"),
    (r"under review|reviewing|security review", "under_review"),
    (r"pending|awaiting|waiting for", "pending"),
    (r"consider|weigh|propos|mull|discuss", "proposed"),
    (r"condition", "conditional"),
    (r"plan(?:s|ned)? to|expected to|will\b", "planned"),
    (r"took effect|in effect|in force", "in_effect"),
]
_METRIC_RULES: list[tuple[str, str, str]] = [
    (r"first batch", "chips", "cn-first-batch-chips"),
    (
        r"per (?:chinese )?(?:customer|buyer|company|firm)|each (?:buyer|customer|company)|cap\b",
        "chips",
        "us-per-customer-cap",
    ),
    (r"deliver", "chips", "h200-delivered-to-china"),
    (r"inventory|stock", "chips", "nvidia-h200-stock"),
    (r"first shipment|initial shipment|first deliveries", "chips", "first-shipment-chips"),
    (r"first shipment|initial shipment", "modules", "first-shipment-modules"),
    (r"order", "chips", "cn-h200-orders"),
    (r"licen[cs]|cleared|approved", "firms", "us-cleared-firms"),
    (r"tpp|performance", "tpp", "bis-tpp-limit"),
    (r"market share|share of", "percent", "nvidia-china-share-pct"),
    (r"cut|fee|share of (?:the )?(?:sales|revenue|proceeds)|tariff", "percent", "us-revenue-cut-pct"),
]


def _first(rules: list[tuple[str, str]], text: str) -> str | None:
    return next((value for pattern, value in rules if re.search(pattern, text, re.IGNORECASE)), None)


def kind(sentence: str, unit: str | None) -> str:
    if unit in ("usd_per_chip", "rmb_per_module"):
        return "price"
    found = _first(_KIND_RULES, sentence)
    if found is None and unit in ("usd", "rmb"):
        return "financial"
    return found or "statement"


def status(sentence: str) -> str | None:
    return _first(_STATUS_RULES, sentence)


def side(actors: list[str], seeds: SeedData, sentence: str, claim_kind: str = "statement") -> str:
    buyer_named = any(seeds.organisations[a].kind == "buyer" for a in actors if a in seeds.organisations)
    if buyer_named and claim_kind in ("order", "demand_signal", "application"):
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


def metric(sentence: str, unit: str | None, seeds: SeedData) -> tuple[str, float]:
    """A metric id used in the seeds, with how sure (100 = a keyword rule); a new slug if none fits."""
    for pattern, rule_unit, metric_id in _METRIC_RULES:
        if unit == rule_unit and re.search(pattern, sentence, re.IGNORECASE):
            return metric_id, 100.0
    best, best_score = None, 0.0
    for record in seeds.claims:
        quantity = record.claim.quantity
        if quantity is None or quantity.unit != unit:
            continue
        score = fuzz.token_set_ratio(sentence.lower(), f"{quantity.wording or ''} {record.claim.summary}".lower())
        if score > best_score:
            best, best_score = quantity.metric, score
    if best is not None and best_score >= 60:
        return best, round(best_score, 1)
    return f"to-confirm-new-metric-{(unit or 'figure').replace('_', '-')}", 0.0
