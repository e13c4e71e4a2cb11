"""The pages: one entry per perspective. Imported by the router (app.py) and by the tests.

How to add a page:
1. Create ``pages/<name>/page.py`` (helpers beside it, never a ``*.py`` directly in ``pages/``):
   a docstring with the page's question, ``ctx = ui.page_context("<name>")``, frames via
   ``ui.frame(ctx, build_<subject>_frame)``, a figure from ``components.figures`` drawn with
   ``ui.render_chart(...)``, and ``ui.finish_page(ctx)`` last.
2. Add one ``PageSpec`` line below with a stable ``url_path`` and the link parameters it keeps.
The AppTest, link and browser tests enumerate ``PAGES``, so the new page is tested from here on.
"""

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
    example_link: tuple[tuple[str, str | tuple[str, ...]], ...] = ()  # a sample link; the link tests open it
    # False for a page whose default view speaks of the tracker's own dates (when reports were added)
    # rather than the story's as-of date. What's new tells the story by default, so it is True there.
    story_dates: bool = True
    has_chart: bool = True  # the default view draws a chart with its source footer (the page tests check it)

    @property
    def file(self) -> Path:
        return ROOT / self.path


COMMON_PARAMS = ("as_of", "confidence")
DATE_PARAMS = ("as_of", "since", "until")
LIST_PARAMS = ("buyers", "lanes", "kinds", "picked")

PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview",
        "pages/overview/page.py",
        "Overview",
        ":material/dashboard:",
        "overview",
        "Where do H200 sales to China stand, in six numbers?",
        default=True,
        example_link=(("as_of", "2026-02-01"), ("confidence", "Named & official only")),
    ),
    PageSpec(
        "buyers",
        "pages/buyers/page.py",
        "Buyers",
        ":material/groups:",
        "buyers",
        "Who is buying, and how much?",
        params=("buyers", "split", "picked"),
        param_prefixes=("share_",),
        example_link=(
            ("as_of", "2026-05-20"),
            ("buyers", ("ByteDance", "JD.com")),
            ("split", "true"),
            ("share_bytedance", "50"),
        ),
    ),
    PageSpec(
        "approvals",
        "pages/approvals/page.py",
        "Approval status",
        ":material/gavel:",
        "approvals",
        "Where does each approval stand in Washington and in Beijing?",
        example_link=(("as_of", "2026-03-01"), ("confidence", "Hide low confidence")),
    ),
    PageSpec(
        "supply_demand",
        "pages/supply_demand/page.py",
        "Supply vs demand",
        ":material/balance:",
        "supply-demand",
        "How far does demand outrun what can actually arrive?",
        params=("every",),
        param_prefixes=("s_",),
        example_link=(("as_of", "2026-06-05"), ("s_conversion_pct", "0")),
    ),
    PageSpec(
        "timeline",
        "pages/timeline/page.py",
        "Timeline",
        ":material/timeline:",
        "timeline",
        "What happened when, and who moved?",
        params=("window", "lanes", "kinds", "dates", "q"),
        example_link=(
            ("as_of", "2026-04-01"),
            ("window", "All dates"),
            ("lanes", ("Nvidia",)),
            ("kinds", ("Statement",)),
        ),
    ),
    PageSpec(
        "chips",
        "pages/chips/page.py",
        "Chips",
        ":material/memory:",
        "chips",
        "How does the H200 compare with what China can otherwise get?",
        params=("metric",),
        example_link=(("as_of", "2026-06-05"), ("metric", "Memory")),
    ),
    PageSpec(
        "sources",
        "pages/sources/page.py",
        "Sources & conflicts",
        ":material/menu_book:",
        "sources",
        "Where does every number come from, and where do sources disagree?",
        params=("tab", "q", "conflict"),
        example_link=(("as_of", "2026-06-05"), ("q", "customs"), ("tab", "Conflicts")),
    ),
    PageSpec(
        "briefing",
        "pages/briefing/page.py",
        "Briefings",
        ":material/slideshow:",
        "briefings",
        "Which story do we tell in the meeting, and how do we hand it on?",
        params=("pick",),
        example_link=(("as_of", "2026-06-05"), ("pick", "H200 sales to China: where things stand (as of June 2026)")),
    ),
    PageSpec(
        "whats_new",
        "pages/whats_new/page.py",
        "What's new",
        ":material/new_releases:",
        "whats-new",
        "What changed between two dates, in the story or in the tracker?",
        params=("mode", "since", "until"),
        example_link=(("as_of", "2026-05-31"), ("since", "2026-03-31"), ("until", "2026-05-31")),
        has_chart=False,
    ),
    PageSpec(
        "inbox",
        "pages/inbox/page.py",
        "Inbox",
        ":material/inbox:",
        "inbox",
        "Which new reports did the watcher find, and what do we do with each?",
        example_link=(("as_of", "2026-06-05"), ("inbox_show", "All")),
        params=("inbox_show",),
        has_chart=False,
        story_dates=False,
    ),
    PageSpec(
        "add_report",
        "pages/add_report/page.py",
        "Add a report",
        ":material/post_add:",
        "add-report",
        "Is this report already in the tracker, and what would it add?",
        example_link=(("as_of", "2026-06-05"),),
        has_chart=False,
    ),
)

BY_ID = {page.page_id: page for page in PAGES}


def page_for_params(page: PageSpec, keys: list[str]) -> list[str]:
    """The keys among ``keys`` that belong in ``page``'s links."""
    own = set(COMMON_PARAMS) | set(page.params)
    return [k for k in keys if k in own or any(k.startswith(p) for p in page.param_prefixes)]
