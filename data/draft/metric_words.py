"""A declared metric offered from its own words when no keyword rule and no existing claim fits.

Each metric in ``seeds/reference/metrics.yaml`` says what it counts in its label and description
("US limit on memory bandwidth"). A figure whose own clause shares at least two of those content
words, with the same unit, is offered that metric rather than a new "to-confirm" slug; a tie
between two metrics offers neither. Words every metric shares (chip, China, Nvidia, dollars) carry
no meaning here and are left out.
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
    """Content words cut to six letters, so 'incentives' meets 'incentive' and 'exports' 'export'."""
    words = _WORD.findall(text.lower().replace("'", "").replace("’", ""))
    return {w[:6] for w in words if w not in _STOP and w.rstrip("s") not in _STOP}


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
