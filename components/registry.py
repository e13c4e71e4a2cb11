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

    @property
    def file(self) -> Path:
        return ROOT / self.path


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
    PageSpec("buyers", "views/buyers.py", "Buyers", ":material/groups:", "buyers", "Who is buying, and how much?"),
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
    ),
    PageSpec(
        "timeline",
        "views/timeline.py",
        "Timeline",
        ":material/timeline:",
        "timeline",
        "What happened when, and who moved?",
    ),
    PageSpec(
        "chips",
        "views/chips.py",
        "Chips",
        ":material/memory:",
        "chips",
        "How does the H200 compare with what China can otherwise get?",
    ),
    PageSpec(
        "sources",
        "views/sources.py",
        "Sources & conflicts",
        ":material/menu_book:",
        "sources",
        "Where does every number come from, and where do sources disagree?",
    ),
)

BY_ID = {page.page_id: page for page in PAGES}
