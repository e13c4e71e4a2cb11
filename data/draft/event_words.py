"""The words reports tell each event in: a plain label (shown in the reason beside an offered
duplicate) and a pattern, one entry per event. ``events`` compiles them and reads a text with them;
the table is apart so that adding an event's words does not grow the module that reads them.
"""

from __future__ import annotations

_HOME_MADE = (
    r"(?:domestic(?:ally)?[- ](?:produced|made)|(?:China|Chinese)[- ]made|home-?grown|locally[- ](?:made|produced))"
)
# Chips made at home, by any of the words for it ("domestic AI chips", "local semiconductors").
_HOME_CHIPS = r"(?:domestic(?:ally[- ]made)?|home-?grown|local(?:ly[- ]made)?|(?:China|Chinese)[- ]made) (?:AI )?(?:chips?|semiconductors?|silicon|processors|accelerators)"
# Buying in its other words ("acquire", "procure"): a go-ahead to acquire chips is one to buy them.
# A denial, a contraction too, in either apostrophe ("aren't", "haven’t"; no word boundary before "n't").
NO = r"(?:\b(?:not|yet to)|n['’]t)\b"
NOT = r"(?:\b(?:not|never)\b|n['’]t\b)"  # a plain denial, never "yet to" (a decision still pending)
BUYING = r"purchas(?:e|es|ed|ing)|buy|buying|acqui(?:re|res|red|ring|sition|sitions)|procur(?:e|es|ed|ing|ement)"
PATTERNS: dict[str, tuple[str, str]] = {
    "none-delivered": (
        "none delivered so far",
        rf"{NO}[^.;:]{{0,50}}\b(?:received|receive|delivered|shipped|sold|reached|arrived)\b"
        r"|\bnone\b[^.;:]{0,40}\b(?:sold|delivered|shipped|received|arrived)\b|\bnot a single\b"
        r"|\bunsold\b|\byet to (?:hit|reach|enter|penetrate|land in|arrive in)\b"
        r"|\bno\b[^.;:]{0,30}\b(?:have|has|had) (?:yet )?(?:been )?(?:delivered|shipped|sold|reached|arrived)\b"
        r"|\bzero\b[^.;:]{0,30}\b(?:shipped|delivered|sold)\b"
        r"|\bno (?:deliveries|shipments)\b[^.;:]{0,20}\b(?:made|yet|so far|taken place)\b",
    ),
    "orders-paused": (
        "orders paused",
        r"\b(?:halts?|halted|pauses?|paused|pausing|suspends?|suspended|hold off|on hold|stop placing|stop ordering)\b"
        rf"|\b(?:stop|stops|stopped|cease|ceased) (?:{BUYING})\b",
    ),
    # A block is the whole family of its verbs ("block", "ban", "prohibit", "forbid", "bar ... from
    # entering"), not one word: a retelling picks its own. Who blocks is left to the actors.
    "blocked": (
        "blocked",
        r"\bblock(?:ed|s|ing)?\b|\bnot (?:be )?(?:allowed|permitted) (?:to )?(?:enter|in)\b"
        r"|\b(?:ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?|forb(?:id|ids|ade|idden|idding)|bar(?:s|red|ring)?)\b"
        r"[^.;:]{0,60}\b(?:from )?(?:entering|entry|imports?|importing|into (?:the country|China))\b",
    ),
    "access-restricted": (
        "who may buy restricted",
        r"\b(?:restrict|restricting|curb|curbing|limit|limiting|throttle) (?:\w+ )?(?:access|who|purchases|buying)\b"
        r"|\b(?:put|impose|set) restrictions\b|\brestrictions (?:around|on) who\b"
        # the nouns of the same verbs: "restrictions on access", "curbs on purchases", "access limits"
        r"|\b(?:restrictions?|curbs?|limits?|limitations?) (?:on|to) (?:\w+ )?(?:access|purchases|buying)\b"
        r"|\baccess (?:restrictions|curbs|limits)\b",
    ),
    # Sales or licences stuck, in the words a report picks ("sales have stalled", "a review holds up
    # the sales", "shipments effectively frozen", "orders in limbo"); one denied ("no order is held
    # up") is not it (``events``).
    "sales-stalled": (
        "sales stalled",
        r"\b(?:sales?|shipments?|exports?|licen[cs]es?|deliveries|purchases?|orders?|imports?)\b[^.;:]{0,40}"
        r"\b(?:stall(?:s|ed|ing)?|frozen|stuck|held up|in limbo)\b"
        r"|\b(?:stall(?:s|ed|ing)?|hold(?:s|ing)? up|held up|freez(?:e|es|ing)) (?:\w+ ){0,3}"
        r"(?:sales|shipments|exports|licen[cs]es|deliveries|purchases|orders|imports)\b",
    ),
    # A government approving no purchase at all, in the verbs a report picks ("has not approved any
    # purchases", "chose not to approve", "refused to allow imports"); a decision still pending
    # ("has not yet approved", "is still weighing whether") is not it (``events``).
    "purchases-refused": (
        "no purchase approved",
        rf"(?:{NO}|\bnever\b|\bchose not to\b)[^.;:]{{0,30}}\b(?:approv\w*|allow\w*|permit\w*|green[- ]?l\w+"
        rf"|sign\w* off on)\b[^.;:]{{0,25}}\b(?:{BUYING}|imports?|importing)\b"
        rf"|\b(?:refus\w*|declin\w*)\b[^.;:]{{0,20}}\bto (?:approve|allow|permit)\b[^.;:]{{0,25}}"
        rf"\b(?:{BUYING}|imports?|importing)\b",
    ),
    "case-by-case": ("case-by-case review", r"\bcase[- ]by[- ]case\b|\bone by one\b"),
    # A licence held in a government review, in the family of words it is told in ("security
    # review", "inter-agency review", "under review", a review that stalls or delays the sale), or
    # a review on a stated clock ("a 30-day review"): a government review is the one given days.
    "under-review": (
        "held in a government review",
        r"\b(?:security|national[- ]security|inter-?agency|licen[cs](?:e|ing)|export) reviews?\b|\bunder review\b"
        r"|\b\d+[- ]day (?:\w+ )?reviews?\b"
        r"|\breviews?\b[^.;:]{0,40}\b(?:stall\w*|held up|hold(?:s|ing)? up|delay\w*)"
        r"|\b(?:stall\w*|held up|hold(?:s|ing)? up|delay\w*)\b[^.;:]{0,40}\breviews?\b"
        r"|\bawait\w*(?: \w+){0,5} (?:approval|review)\b",  # "awaiting the outcome of the approval process"
    ),
    # One agency done with its part of a review while the licence waits on others, in the verbs a
    # report picks ("finished its review", "completed its own part of the analysis").
    "review-part-done": (
        "one agency's review done",
        r"\b(?:finish|complet|conclud|wrap)\w*\b[^.;:]{0,20}\b(?:its|their) (?:own )?"
        r"(?:(?:part|share|portion|side) of (?:the |its )?)?(?:\w+ )?(?:review|analysis|assessment|vetting|evaluation)s?\b",
    ),
    # An agency holding out for harder terms, in the words a report picks ("pressing for stricter
    # licence conditions", "pushing for tougher restrictions", "playing hardball", "takes a hard line").
    "tougher-terms-sought": (
        "tougher terms sought",
        r"\b(?:push\w*|press\w*|call\w*|ask\w*|seek\w*|sought|demand\w*|want\w*|argu\w*|lobb\w*)\b (?:(?:\w+ ){0,2}for )?"
        r"(?:\w+ )?(?:strict|tough|tight|harsh)er (?:\w+ )?(?:restrictions|terms|conditions|rules|limits|controls|safeguards|curbs)\b"
        r"|\bplay\w* hardball\b|\b(?:tak\w*|took) a (?:hard|harder|tough|tougher) (?:line|stance)\b",
    ),
    "half-of-us-volume": (
        "capped at half of US volume",
        r"\bhalf of\b[^.;:]{0,50}\b(?:US|U\.S\.|American)\b|\b50 ?(?:%|per ?cent\b)[^.;:]{0,60}\b(?:US|U\.S\.)"
        # the same rule without its number: a cap set against what the home market buys
        r"|\b(?:caps?|capped|limit\w*|ceilings?)\b[^.;:]{0,30}\b(?:relative to|tied to|linked to|pegged to|in proportion to)"
        r"\b[^.;:]{0,20}\b(?:domestic|US|U\.S\.|American|home)\b[^.;:]{0,15}\b(?:sales|customers|volumes?|shipments|demand)\b",
    ),
    "us-supply-certified": (
        "US supply to be certified",
        r"\bcertif\w*\b[^.;:]{0,60}\b(?:shortage|supply|ample)\b|\b(?:sufficient|adequate|ample)\b[^.;:]{0,20}\bsupply\b",
    ),
    "buyer-security-checks": (
        "security checks on the buyer",
        r"\bsecurity (?:procedures|controls|safeguards)\b|\bknow[- ]your[- ]customer\b|\bKYC\b"
        r"|\b(?:vetted|screened|verified) (?:\w+ )?(?:customers|buyers|end[- ]users|clients)\b",
    ),
    "independent-check": (
        "checked by an independent party",
        r"\b(?:third[- ]party|independent)\b[^.;:]{0,30}\b(?:review\w*|audit\w*|test\w*|lab\w*|check\w*|inspect\w*|verif\w*)",
    ),
    "no-military-use": (
        "no military end use",
        r"\bmilitary end[- ]us\w*|\b(?:no|not|avoid\w*|barred from|ban\w* on)\b[^.;:]{0,30}\bmilitary (?:use|users?)\b",
    ),
    "per-customer-cap": ("a cap per customer", r"\bper[- ]customer\b"),
    "special-cases": (
        "only in special cases",
        r"\bspecial cases\b|\b(?:special|limited|exceptional) circumstances\b|\buniversity(?:-linked)? research\b",
    ),
    "prepayment": (
        "full payment up front",
        r"\bup ?front payment|\bpay(?:ing)? (?:the whole price |in full|up ?front)|\bfull payment|\bprepay\w*"
        r"|\b(?:pay|pays|paid|paying)\b[^.;:]{0,40}\b(?:up ?front|in advance|before (?:shipment|delivery))\b",
    ),
    # A seller's terms hardened on its buyers, in the words a report picks ("strict terms",
    # "tightening its terms", "tougher payment terms"); a source's condition a vendor sets with its
    # buyers among the actors stands for it too (``story``), however its summary words it.
    "seller-terms": (
        "stricter terms of sale",
        r"\b(?:strict(?:er|est)?|tight(?:er|en\w*)|tough(?:er|en\w*)|rigid|harsh(?:er)?|non-negotiable|onerous|stringent)\b"
        r"[^.;:]{0,25}\bterms\b|\b(?:payment|sales?|purchas\w*|commercial) terms\b",
    ),
    "no-refunds": ("no refunds or cancellations", r"\brefunds?\b|\bcancell?ations?\b"),
    "collateral": ("insurance or collateral instead", r"\bcollateral\b|\binsurance\b|\bpledged assets\b"),
    "domestic-ratio": (
        "domestic chips bought alongside",
        rf"\b{_HOME_MADE}\b[^.;:]{{0,60}}\b(?:alongside|with each|for every|ratios?|quotas?)\b"
        rf"|\b(?:alongside|also (?:buy|purchase)|ratios?|quotas?|(?:set|certain|fixed) (?:share|proportion))\b"
        rf"[^.;:]{{0,40}}\b{_HOME_MADE}"
        # a rule that buyers take home-made chips: "a domestic chip mandate", "requirement to buy local chips"
        rf"|\b{_HOME_CHIPS}[^.;:]{{0,20}}\b(?:mandates?|requirements?|quotas?)\b"
        rf"|\b(?:mandat\w*|requir\w*|quotas?)\b[^.;:]{{0,40}}\b(?:{BUYING}|us\w+) (?:of )?{_HOME_CHIPS}"
        rf"|\b(?:mandat\w*|requir\w*|quotas?)\b[^.;:]{{0,20}}\b{_HOME_CHIPS} (?:purchases|buying|use)\b",
    ),
    "told-lawmakers": (
        "said at a congressional hearing",
        r"\b(?:told|confirmed to|said to|informed|briefed)\b[^.;:]{0,30}\b(?:House|Senate|Congress|lawmakers|committee)\b"
        r"|\bhearing\b|\btestif\w*",
    ),
    # A licence or an approval still being worked out ("still finalising its licensing", "in the
    # final stages of approval"): conditions still being set are another thing (a conditional nod).
    "licensing-finalised": (
        "the licensing still being finalised",
        r"\bfinali[sz]\w* (?:its |the |their |H200 )?(?:licen[cs]\w*|approvals?)\b"
        r"|\bfinal stages? of (?:the |its )?(?:approval|licen[cs]\w*)"
        r"|\blicen[cs]\w*\b[^.;:]{0,30}\b(?:is|are|was|were) (?:still )?being finali[sz]ed",
    ),
    # A cut of China sales paid to Washington for licences ("agreed to pay the US government 15% of
    # their sales revenue", "give Washington 15% of what it earns from H20 sales").
    "approved-in-principle": (
        "approved in principle",
        r"\bin[- ]principle\b|\b(?:preliminary|provisional|tentative) (?:nod|approval|clearance|go-ahead|green light)\b",
    ),
    "conditional-approval": (
        "approved on conditions",
        r"\bconditional(?:ly)?\b[^.;:]{0,20}\b(?:approv\w*|clear\w*|nod|go-ahead|green light)"
        r"|\b(?:approv\w*|licen[cs]\w*|clearances?)\b[^.;:]{0,30}\bconditioned\b"
        r"|\b(?:approv\w*|clear\w*|nod|go-ahead|green light)\b[^.;:]{0,20}\bwith (?:strict |tight |some )?conditions\b"
        r"|\bconditions? (?:attached|linked|tied|imposed|set)\b|\b(?:attach|impos|lay|lai|set|plac)(?:e|es|ed|ing|s|d)? "
        r"(?:\w+ ){0,2}conditions\b|\bconditions\b[^.;:]{0,20}\b(?:impos|attach)\w*",
    ),
    # Making the chip stopped, not buying it: "halted production of", "stopped producing", "stops making".
    "production-halted": (
        "production halted",
        r"\b(?:halt|stop|paus|suspend|ceas)\w*\b (?:\w+ ){0,2}(?:production|producing|making|manufactur\w*)\b"
        r"|\bproduction (?:halt|stop|pause|suspension)s?\b|\bwait(?:s|ed|ing)? to (?:produce|make|manufacture)\b",
    ),
    # Rules still being written, in the verbs a report picks ("drafting rules", "writing rules", "draws up").
    "rules-drafted": (
        "rules being drafted",
        r"\b(?:draft(?:s|ed|ing)?|writ(?:e|es|ing)|drawing up|drew up|draws? up)\b (?:\w+ ){0,3}(?:rules|regulations|guidelines|(?:purchase |buying |import )limits)\b",
    ),
    "no-orders-placed": (
        "no orders placed yet",
        rf"(?:\bno\b|{NO})[^.;:]{{0,40}}\b(?:orders? (?:being |been |were |was )?placed"
        r"|plac(?:ed|e|ing) (?:\w+ ){0,2}orders?)\b|\bhold(?:ing)? back (?:\w+ ){0,2}orders?\b"
        r"|\bwait(?:s|ed|ing)? (?:to|before) (?:plac(?:e|ing)|mak(?:e|ing)) (?:\w+ ){0,2}orders?\b",
    ),
    "licence-disclosure": (
        "licences to be made public",
        r"\b(?:disclos\w*|made public|make public)\b[^.;:]{0,60}\blicen[cs]\w*"
        r"|\blicen[cs]\w*\b[^.;:]{0,60}\b(?:disclos\w*|made public|make public)",
    ),
    "president-decides": (
        "the president's decision",
        r"\b(?:call|decision|choice)\b (?:is |was |rests )?(?:for|with|up to) (?:the president|President Trump|Trump)\b"
        r"|\bup to (?:the president|President Trump|Trump)\b"
        r"|\b(?:the president|Trump|he) (?:alone |himself )?(?:will|would|is) (?:personally |alone |now |the one to )?"
        r"(?:decid(?:e|ing)|make the (?:call|decision))\b"
        r"|\b(?:decision|choice|call)\b[^.;:]{0,40}\b(?:on|at) (?:the |his )?(?:\w+ )?desk of (?:the president|President Trump|Donald Trump|Trump)\b"
        r"|\b(?:decision|choice|call)\b (?:that )?(?:rests|sits) (?:\w+ ){0,2}on (?:his|the president's|Trump's) desk\b"
        # the president as the one who decides: "Trump is the sole decision-maker", "holds exclusive authority"
        r"|\b(?:the president|Trump)\b (?:is |as )?(?:now )?the (?:sole |only |final |ultimate )?(?:decision[- ]maker|decider)\b"
        r"|\b(?:the president|Trump)\b (?:alone )?holds? (?:the )?(?:exclusive|sole|final|ultimate) (?:authority|say|power)\b",
    ),
    # A share gone, in words or in its figure ("fell to zero", "reached 0%", "hit zero percent").
    "share-gone": (
        "market share down to zero",
        r"\b(?:share|slice)\b[^.;:]{0,80}\b(?:to|at|is|was|of|reached|reaches|hit|hits) (?:(?:essentially|effectively"
        r"|basically|almost|absolute|virtually|practically) )?(?:(?:zero|nothing|nil)\b|0(?: ?%| per ?cent\b| percent\b))",
    ),
    "domestic-only": (
        "domestic chips only",
        rf"\b{_HOME_MADE}\b[^.;:]{{0,30}}\balone\b|\b(?:only|exclusively|solely)\b[^.;:]{{0,20}}\b(?:{_HOME_MADE}|domestic)"
        r"|\bbar\w* foreign (?:AI )?chips\b",
    ),
    "volume-limits": (
        "a limit on how many may be bought",
        r"\b(?:limit|cap|restrict)\w*\b[^.;:]{0,20}\b(?:overall |total )?(?:quantity|number|volume|amount)\b"
        r"[^.;:]{0,60}\b(?:buy|purchase|import)\w*|\bhow many\b[^.;:]{0,60}\b(?:may|can|could) (?:buy|purchase|import)\b"
        # the seller's side of the same limit: "volume caps", "a cap on the number", "shipments ... capped at"
        r"|\b(?:volume|shipment|export) (?:caps?|limits?|ceilings?)\b|\b(?:caps?|limits?|ceilings?) on (?:the )?(?:total )?(?:volume|number|quantity)\b"
        r"|\b(?:shipments|exports|sales|volumes?)\b[^.;:]{0,50}\bcapped\b",
    ),
    "buyers-cleared": (
        "a number of buyers cleared",
        r"\b(?:approv\w*|clear\w*|licen[cs]\w*|signed off on|authori[sz]\w*)\b[^.;:]{0,40}"
        r"\b(?:about |roughly |some |around |nearly |~)?(?:\d+|ten|a dozen|several|dozens of)\b[^.;:]{0,15}"
        r"\b(?:firms|companies|buyers|customers)\b|\b(?:firms|companies|buyers|customers) (?:were |have been |had been )?"
        r"(?:licensed|cleared)\b",
    ),
    "denial": (
        "a denial",
        r"\b(?:denied|denies|denying|refuted|rejected)\b[^.;:]{0,40}\b(?:report|reports|claims?|that|it)\b",
    ),
    "customs": ("customs", r"\bcustoms\b"),
    # A duty levied on the chips, not a share of their sales: "imposed a 25% tariff", "Section 232",
    # a tariff that "takes effect". One threatened, or planned ("would be levied"), is not it.
    "tariff-imposed": (
        "a tariff imposed",
        r"\bSection 232\b|(?<!be )\b(?:impos|levi|slap)\w*\b[^.;:]{0,30}\b(?:tariffs?|(?:import )?dut(?:y|ies))\b"
        r"|\b(?:tariffs?|import dut(?:y|ies))\b[^.;:]{0,20}\b(?:takes? effect|took effect|(?<!be )imposed)\b"
        # "a 25 percent tariff will apply to ... chips", not one that "might apply" or is asked "whether" it applies
        r"|(?<!whether )\b(?:an?|the) (?:\d+ ?(?:%|percent|per cent) )?(?:tariff|import duty)\b"
        r"[^.;:]{0,20}\b(?:will apply|applies|now applies)\b"
        # a tariff that gives a deal its form: "formalized through a 25% tariff", "implemented as a tariff"
        r"|\b(?:formali[sz]\w*|implement\w*|enact\w*|introduc\w*)\s+(?:through|by|via|as|with)\s+(?:an?\s+|the\s+)?"
        r"(?:\d+ ?(?:%|percent|per cent)\s+)?(?:tariffs?|import dut(?:y|ies))\b",
    ),
    # The first of several approvals, however a report counts them: "first batch", "an initial
    # tranche", or the ones still to come ("future batches", "later rounds of approvals").
    "first-batch": (
        "a first batch",
        r"\b(?:first|initial|opening) (?:batch|tranche|round of approvals)\b"
        r"|\b(?:later|future|subsequent|further|next) (?:(?:batch(?:es)?|tranches?)\b(?!\s+of\b)|rounds? of approvals\b)",
    ),
    "shipments-planned": (
        "shipments planned",
        r"\b(?:plan(?:s|ned)?|aim(?:s|ed)?|hop(?:es|ed|ing)|expect(?:s|ed)?|intend(?:s|ed)?) to (?:start |begin )?"
        r"(?:ship|deliver)\w*|\bplanned (?:first )?(?:shipments?|deliveries)\b"
        r"|\b(?:will|would|is to|are to) (?:begin|start) (?:shipping|delivering|to ship|to deliver)\b"
        r"|\bprepar(?:es|ed|ing|e) to (?:ship|deliver)\b",
    ),
    "from-stock": (
        "shipped from stock",
        r"\b(?:from|using|out of|drawn from) (?:its |their |existing |current |available )*"
        r"(?:stock|stocks|inventory|inventories|stockpiles?)\b",
    ),
    "capacity-added": (
        "production capacity added",
        r"\b(?:add(?:s|ed|ing)?|expand(?:s|ed|ing)?|new|extra|additional|more) (?:new |H200 )?(?:production )?capacity\b"
        r"|\bramp(?:s|ed|ing)? up (?:\w+ )?(?:production|output)\b"
        r"|\b(?:step(?:s|ped|ping)? up|boost(?:s|ed|ing)?|extra|additional|more) (?:H200 )?(?:production|output)\b",
    ),
    "deliveries-begun": (
        "deliveries begun",
        r"\b(?:shipments?|deliveries) (?:to China )?(?:have |has |had )?(?:begun|began|started|resumed)\b"
        r"|\b(?:began|begun|started) (?:shipping|delivering|to ship|to arrive)\b|\btook delivery\b"
        r"|\b(?:each )?received (?:about|around|roughly|some|nearly|~) ?[\d,]+|\b(?:started|begun|began) receiving\b"
        r"|\bhave (?:each )?(?:got|received|obtained) (?:about|around|roughly|some|nearly) [\d,]+"
        r"|\b(?:have|has) (?:finally |now |already )?(?:reached|arrived in|arrived at|landed in)\b",
    ),
    "trivial-amount": (
        "only a trivial amount",
        r"\btrivial\b|\bsmall (?:amounts?|quantit(?:y|ies))\b|\bnear(?:ly)? zero\b",
    ),
    "held-offshore": (
        "held offshore",
        r"\boffshore\b|\boutside (?:the )?mainland\b|\b(?:held|kept|stored) in Hong Kong\b",
    ),
    "military-list": ("a military-company listing", r"\b1260H\b|\bChinese military compan(?:y|ies)\b|\bentity list\b"),
    "court-challenge": ("a court challenge", r"\b(?:sued|sues|lawsuit|took .{0,30} to court|in court)\b"),
    "travel-curbs": (
        "travel curbs",
        r"\bexit bans?\b|\btravel (?:curbs|restrictions|bans?)\b|\bfrom (?:leaving|travel(?:l?ing)? abroad)\b"
        r"|\bpassports?\b",
    ),
    "diverted": ("chips diverted", r"\bsmuggl\w*|\bdivert(?:ed|ing)?\b|\bdiversion\b|\bre-?routed\b"),
    "demand-asked": (
        "buyers asked about demand",
        r"\b(?:sounded|sounding|sound) out\b|\bgauge demand\b|\basked\b[^.;:]{0,60}\b(?:demand|how many)\b",
    ),
    "bill-advanced": (
        "a bill advanced",
        r"\b(?:bill|act)\b[^.;:]{0,40}\b(?:advanced|advances|passed|passes|introduced|markup)\b"
        r"|\b(?:advanced|passed|introduced)\b[^.;:]{0,40}\b(?:bill|act)\b",
    ),
    "talks-scheduled": (
        "talks scheduled",
        r"\b(?:talks|summit)\b[^.;:]{0,40}\b(?:scheduled|planned|set for|will hold)\b",
    ),
    "overseas-subsidiaries": ("overseas subsidiaries", r"\bsubsidiar(?:y|ies)\b"),
    "charge-taken": ("a charge taken", r"\b(?:charges?|write-?downs?|wrote down|written down)\b"),
    "grey-market": ("grey-market prices", r"\bgr[ae]y[- ]market\b|\bblack[- ]market\b"),
    # The whole family of verbs a go-ahead is told in ("permit/allow/clear/approve/green-light/sign
    # off on the sale"), not one of them: a re-carry words it its own way. A denied one is not it.
    "sale-permitted": (
        "a sale or an import allowed",
        r"\b(?:permit\w*|allow\w*|clear(?:s|ed|ing)?|approv\w*|green[- ]?(?:light\w*|lit)|sign\w* off on|authori[sz]\w*"
        r"|let(?:s|ting)?|go-ahead (?:for|to))\b[^.;:]{0,30}\b(?:sale|sales|sell|selling|exports?|exporting|ship|shipments?|imports?|importing"
        rf"|{BUYING})\b"
        # The grammar of a permission, however long its recipient: "<verb> <whom> to [adverb] buy"
        # ("approved three named firms to jointly purchase"), "approval/a green light ... for the
        # purchase" ("granted approval to one named firm for the purchase").
        rf"|\b(?:permit\w*|allow\w*|clear(?:s|ed|ing)?|approv\w*|authori[sz]\w*|(?:green light|go-ahead|nod|permission) for)\b"
        rf"[^.;:]{{0,60}}?\bto (?:\w+ly )?"
        rf"(?:sell|export|ship|import|supply|{BUYING})\b"
        rf"|\b(?:approval|green light|go-ahead|permission|clearance|nod)\b[^.;:]{{0,50}}?\b(?:for|of) (?:the |its |their )?"
        rf"(?:sale|export|import|{BUYING})\w*\b"
        # A buyer holding the permission ("held US clearance", "had received export licences").
        r"|\b(?:held|hold(?:s|ing)?|received|obtained|secured|won)\s+(?:U\.?S\.?\s+|American\s+|export\s+)?"
        r"(?:clearance|licen[cs]es?|approvals?)\b",
    ),
    # Buyers getting their orders ready once told they may ("start preparing orders", "purchase
    # planning", "outline their needs"): a step before an order is placed, in any of its words.
    "orders-readied": (
        "buyers readying their orders",
        r"\bprepar(?:e|es|ed|ing) (?:(?!to\b)\w+ ){0,2}orders?\b|\bpurchase (?:planning|plans)\b"
        r"|\bplan(?:ning)? (?:their |its )?purchases\b"
        r"|\b(?:outlin|detail|specify|submit|draw\w* up)\w* (?:\w+ ){0,2}(?:needs|requirements|purchase requests)\b",
    ),
    # A trip with its next stops still ahead ("before travelling on to", "the trip was to continue
    # in"): a visit told in the words of its itinerary, not a visit mentioned in passing.
    "trip-onward": (
        "a trip going on to other cities",
        r"\bbefore (?:travel+ing|heading|flying|going|moving) (?:on(?:ward)? )?to\b"
        r"|\b(?:trip|tour|visit|journey)\b[^.;:]{0,30}\b(?:continu\w*|go(?:es)? on|move on) (?:on )?(?:in|to)\b"
        r"|\b(?:will|would|is to|was to|expected to|set to|due to) (?:then )?(?:travel|head|fly) (?:on(?:ward)? )?to\b",
    ),
    # Told in a post on a social network rather than a statement or an interview ("posted on Truth
    # Social", "wrote on his social media platform"): how a leader chose to announce it.
    "social-post": (
        "announced in a social-media post",
        r"\bTruth Social\b|\b(?:posted|wrote|announced|said) (?:on|in|via) (?:his |a |her )?(?:social[- ]media|Twitter)\b"
        r"|\bsocial[- ]media (?:post|platform|message)\b",
    ),
    "xi-informed": (
        "Xi told of the decision",
        r"\b(?:informed|told|notified|briefed)\b[^.;:]{0,30}\bXi\b|\bXi\b[^.;:]{0,40}\b(?:positive\w*|when told|was told)",
    ),
    # Demand told as strong in any of its words ("strong demand", demand "very high", "demand
    # remains robust"); a demand that is weak or unclear is not it.
    "demand-strong": (
        "demand strong",
        r"(?<!how )\b(?:strong|high|robust|huge|brisk|massive|enormous|solid|keen)\s+demand\b"
        r"|\bdemand\b[^.;:]{0,40}\b(?:is|was|remains|remained|had been|has been|were|are|as)\s+[\"“']?"
        r"(?:very |quite |so |extremely |really )?(?:strong|high|robust|huge|brisk)\b"
        r"|\bdemand\b[^.;:]{0,40}[\"“](?:very |quite |so |extremely )?(?:strong|high|robust)\b",
    ),
    # A buyer made to argue for its purchase, in any of the words for it ("justify why", "defend
    # their purchases", "make a case for why", "show that domestic chips fall short").
    "buyers-justify": (
        "buyers must justify the purchase",
        rf"\bjustif\w*\b[^.;:]{{0,40}}\b(?:why|{BUYING}|need\w*|orders?|imports?)"
        rf"|\b(?:defend|make (?:a|the|their|its) case)\b[^.;:]{{0,30}}\b(?:why|{BUYING}|need\w*|orders?|imports?)"
        r"|\b(?:show|prove|demonstrate|explain)\w*\b[^.;:]{0,20}\b(?:domestic|local|home-?grown|Chinese)\b[^.;:]{0,40}"
        r"\b(?:insufficient|inadequate|(?:cannot|can't|could not|couldn't|unable to) meet|falls? short|not (?:good )?enough)\b",
    ),
    "sensitive-buyers-excluded": (
        "sensitive buyers kept out",
        r"\b(?:exclud\w*|kept out|barred|barring|shut out|left out|restrict\w* access)\b[^.;:]{0,80}\b(?:military|state-owned|critical infrastructure)\b"
        # singled out for a closer look, in the words a retelling picks ("face tighter scrutiny")
        r"|\b(?:military|state-owned)\b[^.;:]{0,80}\bfac(?:e|es|ing) (?:\w+ )?(?:scrutiny|restrictions|curbs)\b"
        r"|\b(?:military|state-owned|state-run)\b[^.;:]{0,80}\b(?:excluded|kept out|barred|left out|shut out)\b"
        # cleared "only for select commercial use, not for the military"
        r"|\b(?:only|solely|exclusively) for (?:\w+ ){0,2}commercial (?:use|uses|purposes)\b"
        r"|\bnot (?:for|to) (?:the )?(?:military|armed forces|state-(?:run|owned))\b",
    ),
}
