"""A claim's status from its sentence: which word decides, and which words never do.

Three steps, so the status belongs to what the sentence says happened rather than to a word in
passing: a concessive clause ("despite the US approval, ...") is set aside; a negation, a wait or
a stated condition decides wherever it stands ("has not yet approved" is pending, "approved only
in special cases" conditional); otherwise the sentence's first status word decides ("approved,
after the earlier block" stays approved), skipping a word that is itself negated ("no option to
cancel"). Pure, like the rest of the drafter.
"""

from __future__ import annotations

import re

_ADVERB = r"(?:\w+ly )?"
# No orders placed yet, in any form of the verb: "have not placed orders", "orders aren't being placed",
# "yet to place any orders"; "not placing orders until ..." is a pause, not none (see _WORDS).
NO_ORDERS = (
    r"\b(?:has|have|had)(?:n['’]t| not) (?:yet )?(?:placed|made|submitted) (?:\w+ ){0,2}?orders\b|"
    r"\borders? (?:are|is|have|has|were)(?:n['’]t| not) (?:yet )?(?:being |been )?placed\b|"
    r"\b(?:aren['’]t|are not|isn['’]t|is not) (?:yet )?placing (?:\w+ ){0,2}?orders\b(?![^.;]{0,60}\buntil\b)|"
    r"\byet to (?:place|make|receive) (?:any )?(?:\w+ )?orders\b|\bno orders (?:have|has) (?:yet )?been (?:placed|made)"
)
# The chip not sold or not arrived, told without a shipping verb: "remains unsold in China", "has yet to
# penetrate the Chinese market", "is yet to reach Chinese buyers" ("unsold inventory" written off is no such claim).
NOT_IN_MARKET = (
    r"\b(?:remains?|remained|remaining|stays?|stayed|sits?|sat|sitting|still|left|go(?:es)?|went|gone)\s+unsold\b|"
    r"\byet to (?:hit|reach|penetrate|enter|arrive in|land in|make it (?:in)?to) (?:the )?"
    r"(?:(?:Chinese|China['’]s|mainland)\s+)?(?:market|China|customers|buyers|shelves)\b"
)
_NOT_IN_MARKET_RE = re.compile(NOT_IN_MARKET, re.IGNORECASE)
# Decide wherever they stand, in this order.
_FIRST: list[tuple[str, str]] = [
    (
        r"\bnone (?:so far|of)\b|\bnot (?:yet )?(?:been )?(?:received|sold|shipped|delivered)\b|\bzero\b.{0,40}"
        r"\b(?:shipped|delivered|sold)\b|\bhas(?:n't| not) (?:yet )?(?:received|sold|shipped)|\bno (?:\w+ ){0,6}"
        r"(?:have|has) been (?:sold|shipped|delivered)|\bnot a single\b|"
        r"\bno (?:deliveries|shipments|sales) (?:have|has) (?:yet )?been (?:made|completed)|"
        + NOT_IN_MARKET
        + "|"
        + NO_ORDERS,
        "none",
    ),
    (r"\b(?:pending|amid(?:st)?|during|awaiting|under) (?:an?|the) (?:[\w.-]+ ){0,3}review\b", "under_review"),
    (
        rf"\bnot (?:yet|necessarily) {_ADVERB}(?:approved|signed off|cleared|allowed|permitted|authori[sz]ed|granted)|"
        rf"\b(?:has|have|had)(?:n't| not) (?:yet )?{_ADVERB}(?:approved|signed off|cleared|made a final decision)|"
        rf"\b(?:has|have|had)(?:n't| not) yet {_ADVERB}(?:allowed|permitted|authori[sz]ed|granted)|"
        r"\bdecision (?:has|have|had)(?:n't| not) (?:yet )?been (?:made|taken)|\bno final decision|"
        r"\bawaiting|\bpending\b|waiting (?:for|in line)|\bqueue|yet to (?:make|decide|approve|allow|clear|grant|"
        r"sign off|authori[sz]e)|still deciding|\bhold(?:s|ing)? up (?:the |a )?(?:decision|approval)|\bstuck\b|"
        # a permission still asked for: "still needs final approval", "applied for licences"
        r"\bstill (?:needs?|requires?) (?:\w+ ){0,2}(?:approval|clearance|sign-off|permission|licen[cs]es?)\b|"
        # terms not settled yet: "still finalizing the conditions", "under negotiation", "yet to be finalised"
        r"\bstill (?:finali[sz]|negotiat|hammering out|working out|drafting)\w*|\b(?:under|in) negotiation\b|"
        r"\b(?:yet to be|not yet(?: been)?|still being) (?:finali[sz]ed|settled|agreed|set|decided|negotiated)\b|"
        r"\b(?:seek(?:s|ing)?|sought|appl(?:y|ies|ied|ying) for) (?:\w+ ){0,3}(?:approval|clearance|permission|"
        r"licen[cs]es?)\b",
        "pending",
    ),
    (r"in[- ]principle", "in_principle"),
    (
        r"\bnot (?:be )?(?:allowed|permitted)\b|not authori[sz]ed|\b(?:could|can)(?:n['’]t|not| not) (?:legally )?"
        r"(?:enter|be imported|clear customs)|\btold (?:\w+ ){0,3}not to (?:clear|import|let|allow|admit)\b",
        "blocked",
    ),
    (r"only (?:in|for) special|special (?:cases|circumstances)|case[- ]by[- ]case|\bconditionally\b", "conditional"),
]
# Otherwise the first of these in the sentence decides.
_WORDS: list[tuple[str, str]] = [
    # a ban by any word for it, and a restriction that stands: "remains restricted", "stays off-limits"
    (r"\bbann?(?:ed|s)?\b|\bblock|\bbarred\b|\brefus|turns? away|spurn|\bprohibit(?:s|ed|ing)?\b|\boff-limits\b|"
     r"\b(?:remains?|remained|stays?|stayed|still)\s+(?:\w+\s+)?restricted\b", "blocked"),
    (
        r"\bpaus|temporarily halt|halt(?:ed)? (?:new )?orders|h(?:old(?:s|ing)?|eld) off|refrain(?:s|ed|ing)? from|\bfr(?:eez|oz)e|stop(?:s|ped|ping)? (?:placing|buying|purchasing|ordering)|suspend|\bon hold\b|"
        r"not (?:be )?placing (?:\w+ )?orders\b[^.;]{0,60}\buntil\b|\b(?:temporary|a) hold on\b",
        "paused",
    ),
    (r"\bhalt", "halted"),
    (r"denied|reject", "denied"),
    (r"cancel", "cancelled"),
    # a measure being prepared is proposed, whoever weighs it: "reviewing a plan to require", "draft quotas",
    # "stricter limits could be placed", "potentially capping purchases"
    (r"\b(?:review|weigh|consider|study|studi|mull|discuss|debat|prepar|draft)\w*\s+(?:a |the |new )?(?:plan|proposal|"
     r"draft|idea|rules?|quotas?|regulations?|guidelines?|measures?|requirements?)\b|\bdraft (?:rules|quotas|regulations|"
     r"guidelines|measures|requirements)\b|\b(?:limits|caps|restrictions|quotas|requirements|conditions|curbs)\s+"
     r"(?:could|may|might|would) (?:also )?be (?:placed|imposed|introduced|set|added|tightened)\b|"
     r"\bpotentially (?:capping|limiting|restricting|requiring)\b", "proposed"),
    # every form of the verb: "agencies review the terms", "regulators are vetting", "was evaluated"
    (r"under review|reviewing|security review|inter-?agency review|\breview(?:s|ed)?\b(?= (?:the|their|its|licen|appl))|"
     r"\b(?:be|been|being) reviewed\b|evaluat(?:es|ed|ing)\b|scrutini[sz](?:es|ed|ing)\b", "under_review"),
    # "considering a cap" deliberates; "buyers consider the chip an upgrade" only judges it
    (r"consider(?:ing|ed|ation)|\bconsiders? (?!(?:the|a|an|it|them|this|that)\b)|weigh|propos|mull|discuss|in talks|talked about|explor|push(?:es|ing)? for|call(?:s|ing)? for", "proposed"),
    (
        r"\bapprov(?:ed|es|ing)\b|(?:received|won|secured|obtained|got|gave|given) (?:\w+ )?approvals?\b|cleared|granted|"
        r"green ?light|greenlit|signed off|go-ahead|authori[sz](?:ed|es|ing)\b|"
        # a permission given to someone or something: "allowed Nvidia to sell", "permitted H200 sales", "the
        # decision to allow exports"; never "hesitant to allow", "would be allowed", "the permitted chips"
        r"(?<!could )(?<!would )(?<!might )(?<!may )\b(?:allow(?:s|ed)|permit(?:s|ted))\s+(?:[\w$.'’-]+\s+){0,4}?"
        r"(?:sales?|exports?|shipments?|imports?|purchases?|to (?:sell|export|ship|buy|import|purchase|be (?:sold|"
        r"exported|shipped|imported)))\b|"
        # a decided permission in the infinitive: "the decision to approve exports", "the move to clear the chips"
        r"\b(?:decision|move|vote|order|ruling)(?:\s+(?!whether\b)[\w,]+){0,5}?\s+to (?:allow|permit|approve|clear|authori[sz]e|green-?light)\b",
        "approved",
    ),
    (r"condition|requirements to (?:each |the )?approvals?", "conditional"),
    # announcing, and confirming or declaring that a permission will come: "confirmed that he would permit"
    (r"\bannounc(?:ed|es|ing)\b|\b(?:confirm|declar|unveil|said|says)(?:ed|es|s)?\b(?= (?:[\w.,]+ ){0,6}?that (?:(?!hop|wish|want)[\w.]+ ){1,4}?"
     r"(?:would|will) (?:\w+ )?(?:allow|permit|approve|authori[sz]e|grant|let|clear)\b)", "announced"),
    (r"plan(?:s|ned)? to|expected to|will\b|set to|preparing|aims? to|hop(?:es|ing) to|intends? to|"
     # a step put ahead in time: "shipments planned for March", "slated to", "poised to", "on track to"
     r"\b(?:planned|scheduled|slated) (?:for|as early as|by|in|to)\b|\b(?:slated|poised|on track|scheduled) to\b|"
     r"\bdue to (?=(?:begin|start|arrive|ship|be|take|open|launch|resume)\b)",
     "planned"),
    (r"took effect|in effect|in force|(?:have|has) begun(?! \w+ing)|\bbegan\b(?! \w+ing)|started (?:shipping|to ship)",
     "in_effect"),
]  # fmt: skip
_CONCESSIVE = re.compile(
    r"(?:\b(?:despite|in spite of|notwithstanding|even (?:after|though|as|if)|although)|^\W*while)\b[^,;:.]*(?:[,;:]|\.?\s*$)",
    re.I,
)  # "While Washington has cleared the sale, Beijing has yet to ...": a sentence-initial "while" concedes
# ", with more firms now awaiting approval": an aside about others, not the sentence's own step.
_ASIDE = re.compile(r",\s+with\s+(?:\w+\s+){1,4}?(?:now\s+|still\s+)?\w+ing\b[^;]*", re.IGNORECASE)
_NEGATED = re.compile(r"(?:\b(?:no|not|without|never)\b|n['’]t)[^,;.]{0,24}$", re.IGNORECASE)
# "whether Beijing will approve", "who gets approved": a question the sentence leaves open
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b[^,;.]{0,50}$|\bwho (?:gets|will get|can|may)\s+$", re.IGNORECASE)
_PAST_MEASURE = re.compile(r"\b(?:prior|previous|former|formerly|[A-Z][a-z]+-era)\s+$")


# A clause of cause or time ("after customs said the chips were not permitted", "because Beijing has not
# approved", "following the ban") says why or when; the main clause says what happened.
_CAUSE = re.compile(
    r"^\W*(?:after|because|since|following|once)\b[^,;]*,\s*|"
    r"\s(?:after|because|since|following|as a result of|in response to|due to|owing to)\s[^,;]*",
    re.IGNORECASE,
)
# "approved" naming whom a sale may go to ("sales to approved customers", "“approved customers”") is no step
_ATTRIBUTIVE = re.compile(
    r"approved[\"”’]?\s+(?:[\w-]+\s+){0,2}?(?:customers|buyers|clients|users|end[- ]users|entities|parties|"
    r"purchasers|list|vendors|suppliers|commercial|business)\b",
    re.IGNORECASE,
)
_BEFORE_ATTRIBUTIVE = re.compile(r"(?:\b(?:to|for|of|the|only|and|among|with)\s+[\"“‘]?|[\"“‘])$", re.IGNORECASE)


_FRAME_WORDS = 4  # "It comes", "This came as": a main clause this short only frames what it concedes


def status(sentence: str) -> str | None:
    """The status the sentence states for what happened, or None: its main clause's when that
    states one ("suppliers paused production after customs blocked the chips" is a pause)."""
    text = _ASIDE.sub(" ", _CONCESSIVE.sub(" ", sentence))
    main = _CAUSE.sub(" ", text)
    if main.strip() and main != text and (found := _status(main)) is not None:
        return found
    found = _status(text)
    if found is None and text != sentence and len(re.findall(r"\w+", text)) <= _FRAME_WORDS:
        found = _status(sentence)  # "It comes despite the US approval": the concession is all it says
    return found


def _status(text: str) -> str | None:
    for pattern, value in _FIRST:
        if re.search(pattern, text, re.IGNORECASE):
            return value
    best: tuple[int, str] | None = None
    for pattern, value in _WORDS:
        for found in re.finditer(pattern, text, re.IGNORECASE):
            before = text[: found.start()]
            if _NEGATED.search(before) or _PAST_MEASURE.search(before) or _OPEN_QUESTION.search(before):
                continue
            if _ATTRIBUTIVE.match(text, found.start()) and _BEFORE_ATTRIBUTIVE.search(before):
                continue  # "to approved customers": whom sales may go to, not an approval  # "no refunds or cancellations", "the prior ban": a denied word, a past measure
            if best is None or found.start() < best[0]:
                best = (found.start(), value)
            break
    return best[1] if best else None


_CUSTOMS = re.compile(r"\bcustoms\b", re.IGNORECASE)
_APPROVAL_VERB = re.compile(
    r"\b(?:approv(?:e|ed|es|ing)|cleared|granted|authori[sz](?:e|ed|es|ing)|green ?light(?:ed)?|greenlit|allow(?:ed|ing|s)?|permit(?:s|ted)?|go-ahead)\b",
    re.IGNORECASE,
)
_US_APPROVER = re.compile(r"\b(?:U\.?S\.?|United States|Washington|Trump|administration|Commerce|White House|BIS)\b")
_CN_APPROVER = re.compile(r"\b(?:China|Beijing|Chinese (?:government|authorities|regulators|officials))\b")
_US_REVIEW = re.compile(
    r"\b(?:U\.?S|US|American|Washington|Commerce|State Department|inter-?agency)\b\W*(?:[\w-]+\s+){0,2}review", re.I
)
_HOPED = re.compile(r"\b(?:hop(?:e|es|ed|ing)|wish\w*|want\w*|urg\w*|call\w* on|ask\w*)\b", re.IGNORECASE)
_VISIT = re.compile(r"\b(?:visit(?:s|ed|ing)?|trip)\b", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+(?:\w+\s+){0,3}?by\s+([^,;.]{3,60})")
_BUYING = re.compile(r"\b(?:orders|purchases|purchasing|buying)\b", re.IGNORECASE)
_PAUSED_KINDS = frozenset({"condition", "financial", "market", "statement", "delivery", "shipment"})
# Kinds a keyword gave that an approval's approver overrides: "the arrests came the day Trump authorised exports"
# states the approval, whatever else it names (an arrest, a revenue share, output).
_RETHOUGHT = frozenset(
    {"condition", "import_approval", "export_licence", "shipment", "delivery", "order", "statement", "enforcement",
     "financial", "production", "market"}
)  # fmt: skip
# "obtained approval from the US administration", "conditional approval from the Trump administration"
_FROM_AGENT = re.compile(
    r"\bapprovals?\s+from\s+([^,;]{3,60}?)(?=\s+(?:to|for|on|in|that|which|after|before)\b|[,;]|\.(?:\s|$)|$)", re.I
)  # the approver ends where what was approved begins: "from the US administration | to sell in China"


_NO_ORDERS_RE = re.compile(NO_ORDERS, re.IGNORECASE)
_UNSETTLED_TERMS = re.compile(
    r"\b(?:still (?:finali[sz]|negotiat|hammering out|working out|drafting)\w*|finali[sz]\w*)\s+(?:\w+\s+){0,4}?"
    r"(?:conditions|terms|requirements|rules|criteria)\b|"
    r"\b(?:conditions|terms|requirements|criteria)\b[^.;]{0,40}\b(?:yet to be|not yet(?: been)?|still being|under) "
    r"(?:finali[sz]ed|settled|agreed|negotiated|negotiation)\b",
    re.IGNORECASE,
)
# Shipping put ahead in time, by the seller or of the goods: "aims to start shipping by mid-February", "will
# begin shipping", "shipments are expected to begin in the second half", "with shipments planned for March".
PLANNED_SHIPPING = re.compile(
    r"\b(?:plans?|planning|aims?|aiming|expect(?:s|ed)?|set|scheduled|slated|poised|prepar(?:es|ing)|intends?|will|would|"
    r"on track)\s+(?:to\s+)?(?:start|begin|resume|commence)?\s*(?:ship(?:ping)?|deliver(?:ing)?)\b|"
    r"\b(?:shipments?|deliveries|shipping)\s+(?:\w+\s+){0,4}?(?:are |is |were |was )?(?:expected|planned|set|scheduled|"
    r"slated|due|poised)\s+(?:to (?:begin|start|resume|arrive)|for|as early as|by|in)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|plans? to|is to|are to)\b", re.IGNORECASE)
_OWN_STEP_KINDS = frozenset(
    {"import_approval", "export_licence", "policy", "condition", "order", "production", "legislation"}
)


def refine(kind: str, claim_status: str | None, sentence: str) -> tuple[str, str | None]:
    """A statement's kind from the step its status words name, where the keyword kinds miss it.

    A customs authority stopping goods is a blocked import (the keys of the first twenty excerpts;
    the seeds file the January customs block as enforcement, see the report). An approval
    whose approver is named before its verb is that side's step: Washington clearing sales is an
    export licence, Beijing clearing purchases an import approval ("conditionally approved" stays
    an approval, with its condition as the status). A condition, a plan or a price keeps its kind.
    """
    if claim_status == "pending" and _UNSETTLED_TERMS.search(sentence):
        return "condition", claim_status  # "still finalizing the conditions": the conditions are what waits
    if claim_status == "none" and _NO_ORDERS_RE.search(sentence):
        return "order", claim_status  # "have approvals but aren't placing orders yet": the orders are what is none
    if claim_status == "none" and kind in ("statement", "market") and _NOT_IN_MARKET_RE.search(sentence):
        return "shipment", claim_status  # "remains unsold in China": no chips have gone there
    ahead = claim_status == "planned" or (claim_status == "announced" and _FUTURE.search(sentence))
    if ahead and kind not in _OWN_STEP_KINDS and PLANNED_SHIPPING.search(sentence):
        return "shipment", "planned"  # "announced that it will begin shipping" is a plan to ship
    own = _CAUSE.sub(" ", sentence)  # "suppliers paused after customs said ...": customs is the cause, not who acts
    if claim_status in ("blocked", "halted", "paused") and _CUSTOMS.search(own):
        customs = _CUSTOMS.search(own)
        if customs and customs.start() < len(own) // 2 + 20:  # customs is who acts, not where
            return "import_approval", "blocked"
    main = _CONCESSIVE.sub(" ", sentence)
    if not (_APPROVAL_VERB.search(main) or _FROM_AGENT.search(main)):
        main = sentence  # "It comes despite the US approval": the concession is all it says
    verb = _APPROVAL_VERB.search(main) or _FROM_AGENT.search(main)
    if claim_status in ("approved", "conditional", "announced", "planned") and verb and kind in _RETHOUGHT:
        approver = main[: verb.start()]
        passive = _BY_AGENT.match(main[verb.end() :])  # "were approved by the Trump administration"
        if passive or verb.re is _FROM_AGENT:
            approver = passive.group(1) if passive else verb.group(1)
        if claim_status in ("planned", "announced") and _HOPED.search(approver):
            return kind, claim_status  # "Huang hopes China will allow the sale": a wish, no side's plan
        if _US_APPROVER.search(approver) and not _CN_APPROVER.search(approver):
            # the seeds never file a US licence as conditional: its conditions are claims of their own
            return "export_licence", "approved" if claim_status == "conditional" else claim_status
        if _CN_APPROVER.search(approver) and not _US_APPROVER.search(approver):
            return "import_approval", claim_status
    if kind in ("import_approval", "export_licence") and claim_status is None and _VISIT.search(sentence):
        return "visit", claim_status  # "the approvals came during his trip": no approval verb, the trip is the news
    if kind in _RETHOUGHT and claim_status == "under_review" and _US_REVIEW.search(sentence):
        return "export_licence", claim_status  # sales held up by a US review wait on licences
    if kind in _PAUSED_KINDS and claim_status == "paused" and _BUYING.search(sentence):
        return "order", claim_status  # a pause of purchases is about orders, whatever else it names
    return kind, claim_status
