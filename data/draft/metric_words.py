"""A declared metric offered from its own words when no keyword rule and no existing claim fits.

Each metric in ``seeds/reference/metrics.yaml`` says what it counts in its label and description
("US limit on memory bandwidth"). A figure whose sentence shares at least two of those content
words, one of them a rare word in the figure's own clause, with the same unit, is offered that
metric rather than a new "to-confirm" slug; a tie between two metrics offers neither. Words nearly
every metric shares (chip, China, Nvidia, dollars) are left out, and a word weighs less the more
metrics of the unit use it.

It also holds the word families suggest.py's keyword rules read (a levy by any name, a share of US
volume, orders filled from stock, wanting to order), whether a sentence names a tracked buyer, and
whether it names the period a metric is declared for (``period_fits``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

_STOP = frozenset(
    re.findall(
        r"\w+",
        """
    about above after again against also among announced because been before being below between
    both chip chips china chinas chinese company companies could does during each even every from
    have having here into itself just made many more most much must nvidia nvidias gpus only other
    over percent said says same should since some such than that their them then there these they
    this those through under until upon very were what when where which while whom with within would
    year years yuan dollars converted figure figures amount number total reported report reports
    h200 h200s state states united
    """,
    )
)
_WORD = re.compile(r"[a-z][a-z0-9]{3,}|[a-z]+\d[a-z0-9]*")  # "h20" and "mi308" count despite their length
_NEEDED = 2  # one shared word ("package", "limit") is too weak alone; two name the same thing
# A word weighs 1 / the number of the unit's metrics using it. The figure's own clause must hold a word
# no more than two of them use (0.5): "market", in eight share metrics, names none of them.
_WEIGHT = 0.5


def stems(text: str) -> set[str]:
    """Content words cut to six letters, so 'incentives' meets 'incentive', 'exports' 'export',
    'orders' 'order' (a short word's plural s goes first) and 'license' 'licence'."""
    text = re.sub(r"licens", "licenc", text.lower())  # US and British spelling are one word
    words = _WORD.findall(text.replace("'", "").replace("’", ""))
    return {_singular(w)[:6] for w in words if w not in _STOP and w.rstrip("s") not in _STOP}


def _singular(word: str) -> str:
    """'orders' -> 'order'; not 'press', 'status', 'basis', nor 'shares' (a stock's, not a portion)."""
    keep = word.endswith(("ss", "us", "is")) or word == "shares"
    return word[:-1] if len(word) <= 6 and word.endswith("s") and not keep else word


def described(
    text: str,
    unit: str | None,
    metrics: dict[str, Any],
    *,
    fits: Callable[[str], bool],
    near: str | None = None,
    exclude: Iterable[str] = (),
) -> str | None:
    """The one declared metric of this unit whose label, description and id share at least two content
    words with ``text``, one of them a rare word in the figure's own clause (``near``), a word weighing less the more metrics of the unit use it ("market" is common,
    "bandwidth" rare); a tie offers none. ``fits`` drops metrics named for a period the sentence lacks."""
    if unit is None:
        return None
    skip = set(exclude)
    own = {
        metric_id: stems(f"{metric.label} {metric.description} {metric_id.replace('-', ' ')}")
        for metric_id, metric in metrics.items()
        if getattr(metric, "unit", None) == unit
    }
    spread = Counter(word for words in own.values() for word in words)
    words, close = stems(text), stems(near or text)
    scored: list[tuple[float, str]] = []
    for metric_id, its in own.items():
        shared = words & its
        named_close = any(1 / spread[w] >= _WEIGHT for w in shared & close)  # the figure's own words name it
        if len(shared) >= _NEEDED and named_close and metric_id not in skip and fits(metric_id):
            scored.append((sum(1 / spread[w] for w in shared), metric_id))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and abs(scored[1][0] - scored[0][0]) < 1e-9):
        return None
    return scored[0][1]


# Word families the keyword rules in suggest.py use: each names a metric in any outlet's wording.
# The same take told with the verb: "will share 25% of the revenues with the US".
SHARES_SALES = r"\bshar(?:e|es|ed|ing)\s+(?:\S+\s+){0,3}?of\s+(?:the\s+|its\s+)?(?:sales|revenues?|proceeds)\b"
# A levy on the chips under any of its names (tariff, tax, duty, toll): the US take on H200 sales. A rate on a
# country's goods ("tariffs on Chinese goods", a trade truce) is a trade-war rate, not this.
LEVY = r"\b(?:tariffs?|tax|duty|duties|toll)\b"
# A share of what ships to US buyers ("less than 50% of what it sells to US customers", "of US domestic
# sales", "of Nvidia's U.S. volume"): the US 50% rule, in any order of those words.
OF_US_VOLUME = (
    r"\bof\b[^.;%]{0,40}?(?:\bU\.?S\.?(?=[\s-])|\bUS\b|\bAmerican\b|\bdomestic\b)[^.;%]{0,25}?"
    r"\b(?:customers|sales|shipments|volumes?|buyers)\b"
    r"|%\s*(?:volume|shipment|export)s? (?:cap|ceiling|limit)\b"  # the rule's share by its name: "a 50% volume cap"
)
FROM_STOCK = (
    r"\b(?:fulfill?(?:ed|ing)?|filled|met|served|supplied|covered)\s+(?:\w+\s+){0,2}?(?:from|using|with|out\s+of)\s+"
    r"(?:\w+\s+){0,2}?(?:inventory|stock|stockpiles?)\b"
)
WANTS_TO_ORDER = (
    r"\b(?:interest(?:ed)?\s+in|wants?\s+to|wanted\s+to|would\s+like\s+to|hop(?:e|es|ed|ing)\s+to|"
    r"seek(?:s|ing)?\s+to|plan(?:s|ned|ning)?\s+to)\s+(?:\w+\s+)?(?:order|buy|purchas|acquir)\w*"
)
# The first shipment in its wordings: "first shipments", "the initial batch of chip shipments", "first deliveries".
FIRST_SHIPMENT = (
    r"\b(?:first|initial|opening|earliest)\s+(?:batch\s+of\s+(?:\w+\s+){0,2}?)?(?:shipments?|deliver(?:y|ies))\b"
)


# A seller getting chips ready to go ("preparing to ship", "plans to deliver", "set to send"): the one
# planned shipment the tracker sizes is the first one, so the count is that shipment's size.
PLANS_TO_SHIP = (
    r"\b(?:prepar(?:e|es|ed|ing)|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|set|intends?|"
    r"intending|expect(?:s|ed|ing)?|poised|ready)\s+to\s+(?:begin\s+|start\s+)?(?:ship|deliver|send)\b"
)


def names_a_buyer(sentence: str, seeds: Any) -> bool:
    """True when the sentence names a buyer the tracker follows, a firm or a named group ("PLA"), by name or alias."""
    for org in seeds.organisations.values():
        if org.kind != "buyer":
            continue
        if any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence) for name in (org.name, *org.aliases)):
            return True
    return False


_QUARTER_WORDS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}


def period_fits(metric_id: str, sentence: str) -> bool:
    """A metric named for a period fits only a sentence that names it: Q2 revenue is not Q4 FY26."""
    text = sentence.lower()
    quarter = re.search(r"\bq([1-4])\b", metric_id)
    if quarter and not re.search(rf"\bq{quarter.group(1)}\b|{_QUARTER_WORDS[quarter.group(1)]}[- ]quarter", text):
        return False
    fiscal = re.search(r"\bfy(?:20)?(\d{2})\b", metric_id)  # "fy27" and "fy2025" alike
    if fiscal and not re.search(
        rf"\bfy\s?(?:20)?{fiscal.group(1)}\b|fiscal (?:year )?(?:20)?{fiscal.group(1)}\b", text
    ):
        return False
    year = re.search(r"\b(20\d\d)\b", metric_id)
    return not year or year.group(1) in text


def firms_named(sentence: str, seeds: Any) -> set[str]:
    """The firms (vendors, chipmakers, buyers) a sentence names by name or alias."""
    out = set()
    for org in seeds.organisations.values():
        if org.kind in ("vendor", "chipmaker", "buyer"):
            names = [re.sub(r"\s*\(.*?\)", "", org.name), *org.aliases]
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sentence) for n in names if len(n) > 2):
                out.add(org.id)
    return out


def owner_fits(metric: str, firms: set[str], seeds: Any) -> bool:
    """A metric named for a firm ("huawei-ascend-output") fits a sentence naming that firm, or
    naming no firm (``firms``, from ``firms_named``): Cambricon's 300,000 chips are not Huawei's
    output of the same size."""
    owner = next((o for o in seeds.organisations if metric.startswith(f"{o}-")), None)
    return owner is None or owner in firms or not firms
