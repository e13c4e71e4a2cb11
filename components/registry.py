"""The pages: one entry per perspective. Imported by the router (app.py) and by the tests.

How to add a page (``docs/architecture.md`` has the recipe; ``tests/app/test_views.py`` holds it):
1. ``pages/<name>/view.py``: a pure ``view(seeds, claim_filter, params) -> PageView``.
2. ``pages/<name>/page.py``: ``ctx = ui.page_context("<name>")``, a control per link parameter
   (``key`` = its name), ``view = ui.page_view(ctx)``, draw it, ``ui.finish_page(ctx)`` last.
3. One ``PageSpec`` line below: a stable ``url_path``, its typed link parameters (``LinkParam``)
   and an ``example_link``. The AppTest, link, view and browser tests enumerate ``PAGES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from components import link_options as opts
from components.state import LinkParam

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PageSpec:
    page_id: str  # also its folder: pages/<page_id>/page.py and pages/<page_id>/view.py
    path: str
    title: str
    icon: str
    url_path: str
    question: str
    default: bool = False
    link: tuple[LinkParam, ...] = ()  # the view state this page keeps in its link, besides COMMON
    example_link: tuple[tuple[str, str | tuple[str, ...]], ...] = ()  # a sample link; the link tests open it
    # False for a page whose default view speaks of the tracker's own dates (when reports were added)
    # rather than the story's as-of date. What's new tells the story by default, so it is True there.
    story_dates: bool = True
    has_chart: bool = True  # the default view draws a chart with its source footer (the page tests check it)
    slide: bool = True  # False for an editing page: meeting mode shows a notice instead of its hidden form

    @property
    def file(self) -> Path:
        return ROOT / self.path

    @property
    def view_module(self) -> str:
        """The module holding this page's pure ``view`` (``pages.<page_id>.view``)."""
        return f"pages.{self.page_id}.view"

    @property
    def params(self) -> tuple[LinkParam, ...]:
        """Every link parameter of this page: the common ones, then its own."""
        return COMMON + self.link

    def owns(self, key: str) -> bool:
        """Whether a link key belongs to this page's view (``s_demand`` to the ``s_`` family)."""
        return any(param.names([key]) for param in self.params)


COMMON: tuple[LinkParam, ...] = (
    LinkParam("as_of", "date", bound=True, describe="the latest report"),
    LinkParam("confidence", "choice", "all", options=opts.confidence, describe="all claims"),
)

PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "overview",
        "pages/overview/page.py",
        "Overview",
        ":material/dashboard:",
        "overview",
        "Where do H200 sales to China stand, in six numbers?",
        default=True,
        example_link=(("as_of", "2026-02-01"), ("confidence", "firm")),
    ),
    PageSpec(
        "buyers",
        "pages/buyers/page.py",
        "Buyers",
        ":material/groups:",
        "buyers",
        "Who is buying, and how much?",
        link=(
            LinkParam("buyers", "multi", (), options=opts.buyers, describe="the other buyers"),
            LinkParam("split", "bool", False, describe="the reported group figure"),
            LinkParam("share_", "numbers", bounds=opts.share_bounds, describe="equal shares", whole=True),
            LinkParam("zeros", "bool", False, describe="one line for the zero rows"),
            LinkParam("picked", "multi", (), options=opts.buyers, widget=False, describe="no chart selection"),
        ),
        example_link=(
            ("as_of", "2026-05-20"),
            ("buyers", ("bytedance", "jd-com")),
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
        example_link=(("as_of", "2026-03-01"), ("confidence", "no-low")),
    ),
    PageSpec(
        "supply_demand",
        "pages/supply_demand/page.py",
        "Supply vs demand",
        ":material/balance:",
        "supply-demand",
        "How far does demand outrun what can actually arrive?",
        link=(
            LinkParam("every", "bool", False, describe="the newest report of each figure"),
            LinkParam("s_", "numbers", bounds=opts.scenario_bounds, describe="the cited default"),
        ),
        example_link=(("as_of", "2026-06-05"), ("s_conversion_pct", "0")),
    ),
    PageSpec(
        "timeline",
        "pages/timeline/page.py",
        "Timeline",
        ":material/timeline:",
        "timeline",
        "What happened when, and who moved?",
        link=(
            LinkParam("window", "choice", "recent", options=opts.windows, describe="since Nov 2025"),
            LinkParam("dates", "dates", (), bound=True, describe="every date in the period"),
            LinkParam("q", "text", "", bound=True, describe="no search"),
            LinkParam("lanes", "multi", (), options=opts.lanes, describe="the other actors"),
            LinkParam("kinds", "multi", (), options=opts.kinds, describe="the other kinds"),
        ),
        example_link=(
            ("as_of", "2026-04-01"),
            ("window", "all"),
            ("lanes", ("nvidia",)),
            ("kinds", ("statement",)),
        ),
    ),
    PageSpec(
        "chips",
        "pages/chips/page.py",
        "Chips",
        ":material/memory:",
        "chips",
        "How does the H200 compare with what China can otherwise get?",
        link=(LinkParam("metric", "choice", "bandwidth_tb_s", options=opts.metrics, describe="memory bandwidth"),),
        example_link=(("as_of", "2026-06-05"), ("metric", "memory_gb")),
    ),
    PageSpec(
        "sources",
        "pages/sources/page.py",
        "Sources & conflicts",
        ":material/menu_book:",
        "sources",
        "Where does every number come from, and where do sources disagree?",
        link=(
            LinkParam("tab", "choice", "Claims", options=opts.tabs, bound=True, describe="the claims"),
            LinkParam("q", "text", "", bound=True, describe="no search"),
            LinkParam(
                "conflict",
                "choice",
                None,
                options=opts.conflicts,
                aliases=opts.conflict_aliases,
                describe="the first conflict",
            ),
        ),
        example_link=(("as_of", "2026-06-05"), ("q", "customs"), ("tab", "Conflicts"), ("conflict", "c1-c17")),
    ),
    PageSpec(
        "briefing",
        "pages/briefing/page.py",
        "Briefings",
        ":material/slideshow:",
        "briefings",
        "Which story do we tell in the meeting, and how do we hand it on?",
        link=(LinkParam("pick", "choice", None, options=opts.briefings, describe="the first briefing"),),
        example_link=(("as_of", "2026-06-05"), ("pick", "h200-status")),
        has_chart=False,  # its first step (the overview) is six headline cards
    ),
    PageSpec(
        "whats_new",
        "pages/whats_new/page.py",
        "What's new",
        ":material/new_releases:",
        "whats-new",
        "What changed between two dates, in the story or in the tracker?",
        link=(
            LinkParam(
                "mode", "choice", "story", options=opts.whats_new_modes, bound=True, describe="what the story did"
            ),
            LinkParam("since", "date", bound=True, describe="the default period"),
            LinkParam("until", "date", bound=True, describe="the default period"),
        ),
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
        link=(LinkParam("inbox_show", "choice", "New", options=opts.inbox_views, bound=True, describe="new ones"),),
        example_link=(("as_of", "2026-06-05"), ("inbox_show", "All")),
        has_chart=False,
        story_dates=False,
        slide=False,
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
        slide=False,
    ),
)

BY_ID = {page.page_id: page for page in PAGES}
