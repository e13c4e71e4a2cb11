"""The pages: one entry per perspective. Imported by app.py (routing) and by the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PageSpec:
    page_id: str
    path: str
    title: str
    icon: str
    url_path: str
    question: str
    default: bool = False
    params: tuple[str, ...] = ()  # view state this page keeps in the URL, besides COMMON_PARAMS
    param_prefixes: tuple[str, ...] = ()  # families of params named by data (scenario inputs, shares)

    @property
    def file(self) -> Path:
        return ROOT / self.path


COMMON_PARAMS = ("as_of", "confidence")
LIST_PARAMS = ("buyers", "lanes", "kinds", "picked")

PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview",
        "views/overview.py",
        "Overview",
        ":material/dashboard:",
        "overview",
        "Where do H200 sales to China stand, in six numbers?",
        default=True,
    ),
    PageSpec(
        "buyers",
        "views/buyers.py",
        "Buyers",
        ":material/groups:",
        "buyers",
        "Who is buying, and how much?",
        params=("buyers", "split", "picked"),
        param_prefixes=("share_",),
    ),
    PageSpec(
        "approvals",
        "views/approvals.py",
        "Approval status",
        ":material/gavel:",
        "approvals",
        "Where does each approval stand in Washington and in Beijing?",
    ),
    PageSpec(
        "supply_demand",
        "views/supply_demand.py",
        "Supply vs demand",
        ":material/balance:",
        "supply-demand",
        "How far does demand outrun what can actually arrive?",
        param_prefixes=("s_",),
    ),
    PageSpec(
        "timeline",
        "views/timeline.py",
        "Timeline",
        ":material/timeline:",
        "timeline",
        "What happened when, and who moved?",
        params=("window", "lanes", "kinds"),
    ),
    PageSpec(
        "chips",
        "views/chips.py",
        "Chips",
        ":material/memory:",
        "chips",
        "How does the H200 compare with what China can otherwise get?",
        params=("metric",),
    ),
    PageSpec(
        "sources",
        "views/sources.py",
        "Sources & conflicts",
        ":material/menu_book:",
        "sources",
        "Where does every number come from, and where do sources disagree?",
        params=("tab", "q", "conflict"),
    ),
)

BY_ID = {page.page_id: page for page in PAGES}


def page_for_params(page: PageSpec, keys: list[str]) -> list[str]:
    """The keys among ``keys`` that belong in ``page``'s links."""
    own = set(COMMON_PARAMS) | set(page.params)
    return [k for k in keys if k in own or any(k.startswith(p) for p in page.param_prefixes)]
