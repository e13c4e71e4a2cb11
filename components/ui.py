"""Streamlit renderers shared by every page: controls, status line, banners, charts with their
source footer, KPI cards and downloads. Pages stay thin by calling these.

The one cached entry point is ``load_data``: keyed on a hash of the seed files' contents, so an
edited or added seed file is picked up on the next interaction without a restart.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.figures import expand_ids, fmt_range
from components.registry import BY_ID, COMMON_PARAMS, LIST_PARAMS, PageSpec, page_for_params
from components.state import CONFIDENCE_OPTIONS, ParamSpec, build_query, parse_choice, parse_date, read_params
from components.theme import plotly_config
from data.frames import ClaimFilter, latest_report_date
from data.load import SeedData, load_seeds, seed_fingerprint

ROOT = Path(__file__).resolve().parents[1]
STALE_AFTER_DAYS = 60


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|$~<>"})


def md(text: object) -> str:
    """Seed text made safe for st.markdown: no emphasis, links, LaTeX ($) or HTML from data."""
    return str(text).translate(_MARKDOWN_SPECIAL)


DOMAIN = r"https?://(?:www\.)?([^/?#]+)"  # show a link by its site name


def link_column(label: str = "Source") -> object:
    """A table column that shows each source URL by its site, clickable."""
    return st.column_config.LinkColumn(label, display_text=DOMAIN)


RUN_TIMES: list[float] = []


@contextlib.contextmanager
def timed_run() -> Iterator[None]:
    """Server-side run time of one page, kept only when the benchmarks ask (bench/):
    H200_BENCH_TIMING=1 keeps it in RUN_TIMES, H200_BENCH_TIMING_FILE appends it to a file."""
    log = os.environ.get("H200_BENCH_TIMING_FILE")
    if os.environ.get("H200_BENCH_TIMING") != "1" and not log:
        yield
        return
    started, cpu_started = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        elapsed, cpu = time.perf_counter() - started, time.thread_time() - cpu_started
        RUN_TIMES.append(elapsed)
        if log:
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(f"{elapsed:.6f} {cpu:.6f}\n")


def seeds_dir() -> Path:
    """The seed folder: ``H200_SEEDS_DIR`` if set (tests point it at scratch folders), else ``seeds/``."""
    return Path(os.environ.get("H200_SEEDS_DIR", ROOT / "seeds"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_cached(path: str, fingerprint: str) -> SeedData:
    del fingerprint  # part of the cache key only
    return load_seeds(path)


def load_data() -> SeedData:
    """Validated seeds for this run (shared, read-only: never mutate the result)."""
    path = seeds_dir()
    return _load_cached(str(path), seed_fingerprint(path))


@dataclass(frozen=True)
class PageContext:
    """What every page needs after the shared controls have run."""

    page: PageSpec
    seeds: SeedData
    claim_filter: ClaimFilter
    as_of: dt.date
    latest_report: dt.date
    present: bool
    rendered: list[tuple[str, go.Figure, list[str]]] = field(default_factory=list)
    numbers: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def filter_key(self) -> tuple:
        return (self.claim_filter.as_of, self.claim_filter.exclude_low_confidence, self.claim_filter.exclude_anonymous)


def _today() -> dt.date:
    return dt.date.today()


def is_presenting() -> bool:
    try:
        embedded = bool(st.context.is_embedded)
    except AttributeError:
        embedded = False
    return embedded or st.query_params.get("present") == "1"


PRESENT_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stSidebar"] { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { padding-top: 1.2rem !important; max-width: 96vw !important; }
html, body, [data-testid="stMarkdownContainer"] p { font-size: 21px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 3.2rem !important; }
</style>"""


def _app_root(page: PageSpec) -> str:
    """The app's base URL (st.context.url names the current page and has no query string)."""
    try:
        url = str(st.context.url or "")
    except (AttributeError, RuntimeError):
        url = ""
    if not url:
        return "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if not page.default and path.endswith("/" + page.url_path):
        path = path[: -len(page.url_path) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


def page_url(root: str, page: PageSpec, params: dict[str, object]) -> str:
    query = build_query(params)
    return f"{root}/{'' if page.default else page.url_path}" + (f"?{query}" if query else "")


def _widget_value(key: str, value: object) -> object:
    """A link value as the widget behind ``key`` holds it in session state."""
    if key == "as_of":
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    if key.startswith("s_"):
        return float(value)  # type: ignore[arg-type]
    if key.startswith("share_"):
        return int(float(value))  # type: ignore[arg-type]
    if key == "split":
        return value in (True, "true", "1")
    if key in LIST_PARAMS:
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return str(value)


def _briefing_step(seeds: SeedData, page: PageSpec, present: bool) -> None:
    """If the link names a briefing step, open its view and draw the step bar with Prev/Next."""
    briefing_id = st.query_params.get("briefing")
    if not briefing_id:
        return
    briefing = seeds.briefings.get(briefing_id)
    try:
        number = int(st.query_params.get("step", "1"))
    except ValueError:
        number = 0
    if briefing is None or not 1 <= number <= len(briefing.steps):
        shown = f"{briefing_id}, step {st.query_params.get('step')}".replace("`", "'")[:60]
        st.info(f"Ignored the briefing in the link (`{shown}`): not found.", icon=":material/link_off:")
        return
    step = briefing.steps[number - 1]
    target = BY_ID.get(step.page)
    if target is None:
        st.error(f"Briefing step {number} names an unknown page '{step.page}'.")
        return
    base = {"briefing": briefing.id, **({"present": "1"} if present else {})}
    if st.session_state.get("_briefing_applied") != (briefing.id, number):
        st.session_state["_briefing_applied"] = (briefing.id, number)
        for key, value in {"as_of": briefing.as_of, **step.params}.items():
            st.session_state[key] = _widget_value(key, value)
        if target.page_id != page.page_id:
            st.switch_page(target.path, query_params={**base, "step": str(number)})
    with st.container(border=True, key="briefing-bar"):
        left, middle, right = st.columns([1, 8, 1], vertical_alignment="center")
        if left.button("◀ Prev", key="briefing-prev", shortcut="Left", disabled=number == 1):
            previous = briefing.steps[number - 2]
            st.switch_page(BY_ID[previous.page].path, query_params={**base, "step": str(number - 1)})
        middle.markdown(f"**{md(briefing.title)}** · step {number} of {len(briefing.steps)}  \n{md(step.caption)}")
        if right.button("Next ▶", key="briefing-next", shortcut="Right", disabled=number == len(briefing.steps)):
            following = briefing.steps[number]
            st.switch_page(BY_ID[following.page].path, query_params={**base, "step": str(number + 1)})
        link = page_url(_app_root(page), target, {"as_of": briefing.as_of, **step.params, **base, "step": number})
        st.caption(f"Link to this step: {link}")
        if step.sources:
            render_source_footer(seeds, step.sources, key=f"briefing-{number}")


def page_context(page_id: str) -> PageContext:
    """Render the page heading and the shared controls; return the chosen filter.

    The as-of date and confidence filter live in the sidebar and are bound to the URL, so a link
    carries them. A garbled value in the link is dropped with a notice, never an exception.
    """
    page = BY_ID[page_id]
    seeds = load_data()
    present = is_presenting()
    st.session_state["_numbers_this_run"] = []
    if present:
        st.html(PRESENT_CSS)
    _briefing_step(seeds, page, present)
    latest = latest_report_date(seeds) or _today()
    compiled = seeds.coverage.compiled if seeds.coverage else _today()
    first = min((s.available_from for s in seeds.sources.values()), default=dt.date(2025, 1, 1))

    raw = {name: st.query_params.get_all(name) for name in ("as_of", "confidence")}
    parsed = read_params(
        raw,
        [
            ParamSpec(
                "as_of",
                lambda text: parse_date(text, low=first, high=compiled),
                describe=f"the latest report ({latest:%d %b %Y})",
            ),
            ParamSpec("confidence", parse_choice(list(CONFIDENCE_OPTIONS.values())), describe="all claims"),
        ],
    )
    with st.sidebar:
        st.markdown("**View**")
        as_of = st.date_input(
            "Data as of",
            value=latest,
            min_value=first,
            max_value=compiled,
            key="as_of",
            bind="query-params",
            format="YYYY-MM-DD",
            help="Only claims reported on or before this date are used. Pin it in a shared link to keep the view reproducible.",
        )
        confidence_label = st.segmented_control(
            "Confidence",
            options=list(CONFIDENCE_OPTIONS.values()),
            default=CONFIDENCE_OPTIONS["all"],
            required=True,
            key="confidence",
            bind="query-params",
            help="Hide low-confidence claims, or keep only named and official ones (drops anonymous sources too).",
        )
    as_of = as_of if isinstance(as_of, dt.date) else latest
    codes = {label: code for code, label in CONFIDENCE_OPTIONS.items()}
    confidence = codes.get(confidence_label or "", "all")
    claim_filter = ClaimFilter(
        as_of=as_of,
        exclude_low_confidence=confidence in ("no-low", "firm"),
        exclude_anonymous=confidence == "firm",
    )

    st.title(page.title)
    st.caption(page.question)
    render_status_line(seeds, as_of, latest)
    # The frontend drops invalid bound values from the URL and reruns, so keep the notice for
    # this page for the rest of the session rather than only on the first run.
    if parsed.notices:
        st.session_state["_link_notices"] = (page.page_id, parsed.notices)
    notice_page, notices = st.session_state.get("_link_notices", (None, []))
    for notice in notices if notice_page == page.page_id else []:
        st.info(notice, icon=":material/link_off:")
    render_problems_banner(seeds)
    return PageContext(page, seeds, claim_filter, as_of, latest, present)


def current_view_params(page: PageSpec) -> dict[str, object]:
    """The page's view state from session state, in link form; the as-of date is always pinned."""
    keys = page_for_params(page, list(st.session_state.keys()))
    params: dict[str, object] = {}
    for key in [*COMMON_PARAMS, *sorted(k for k in keys if k not in COMMON_PARAMS)]:
        value = st.session_state.get(key)
        if value is None or value == [] or value == "" or value is False:
            continue
        params[key] = value
    picked = st.query_params.get_all("picked")
    if "picked" in page.params and picked:
        params["picked"] = picked
    return params


def _render_share_link(link: str) -> None:
    """Rendered at the end of the page, when every widget has its value for this run."""
    with st.sidebar.expander("Share this view", icon=":material/link:"):
        st.caption(
            "This link restores the page, its filters and the as-of date (pinned, so it stays the same after new reports)."
        )
        st.code(link, language=None, wrap_lines=True)
        st.caption("Add `&present=1` for meeting mode.")


def render_status_line(seeds: SeedData, as_of: dt.date, latest: dt.date) -> None:
    coverage_end = seeds.coverage.coverage_end if seeds.coverage else latest
    st.markdown(
        f"Data as of **{as_of:%d %b %Y}** · latest report **{latest:%d %b %Y}** · "
        f"coverage ends **{coverage_end:%d %b %Y}**"
    )
    age = (_today() - latest).days
    if age > STALE_AFTER_DAYS:
        st.warning(
            f"The newest report is {age} days old: statuses are the last known ones (about "
            f"{coverage_end:%B %Y}), not live news.",
            icon=":material/history:",
        )


def render_problems_banner(seeds: SeedData) -> None:
    if not seeds.problems:
        return
    lines = "\n".join(f"- `{problem}`" for problem in seeds.problems[:50])
    more = f"\n- … and {len(seeds.problems) - 50} more" if len(seeds.problems) > 50 else ""
    st.error(
        f"**{len(seeds.problems)} problem(s) in the seed files.** Everything valid is still shown; "
        f"the items below were skipped until fixed.\n\n{lines}{more}",
        icon=":material/error:",
    )


def sources_table(seeds: SeedData, source_ids: Iterable[str]) -> pd.DataFrame:
    rows = []
    for source_id in dict.fromkeys(source_ids):
        source = seeds.sources.get(source_id)
        if source is None:
            continue
        rows.append(
            {
                "published": source.available_from,
                "publisher": source.publisher,
                "origin": source.origin or source.publisher,
                "title": source.title,
                "confidence": source.confidence,
                "url": source.url,
                "source_id": source_id,
            }
        )
    return pd.DataFrame(rows, columns=["published", "publisher", "origin", "title", "confidence", "url", "source_id"])


def render_source_footer(seeds: SeedData, source_ids: Iterable[str], *, key: str) -> None:
    """The sources behind one chart or number: a one-line summary and an expander with links."""
    ids = [s for s in dict.fromkeys(source_ids) if s in seeds.sources]
    if not ids:
        st.caption("Sources: none for this view.")
        return
    table = sources_table(seeds, ids).sort_values("published")
    origins = table["origin"].str.lower().nunique()
    names = ", ".join(
        dict.fromkeys(f"{p} ({d:%d %b %Y})" for p, d in zip(table["publisher"], table["published"], strict=True))
    )
    shown = names if len(names) < 260 else names[:257] + "…"
    st.caption(f"Sources ({len(ids)} documents, {origins} independent origins): {md(shown)}")
    with st.expander(f"All {len(ids)} sources behind this", expanded=False):
        st.markdown(sources_markdown(table))


def sources_markdown(table: pd.DataFrame) -> str:
    """A plain list of sources with links; every piece of seed text is escaped for markdown."""
    lines = []
    for row in table.itertuples():
        url = row.url if isinstance(row.url, str) and row.url.startswith(("http://", "https://")) else None
        safe_url = url.replace("(", "%28").replace(")", "%29") if url else None
        title = md(row.title)
        linked = f"[{title}]({safe_url})" if safe_url else title
        lines.append(f"- {row.published:%d %b %Y} · **{md(row.publisher)}** — {linked} · confidence {row.confidence}")
    return "\n".join(lines)


def render_chart(
    fig: go.Figure,
    *,
    ctx: PageContext,
    key: str,
    alt: str,
    source_ids: Iterable[str],
    on_select: str = "ignore",
    selection_mode: tuple[str, ...] | str = ("points",),
) -> object:
    """A chart with its modebar settings, alt text and the source footer listing its sources."""
    if ctx.present:
        fig = go.Figure(fig).update_layout(
            font={"size": 18}, title_font={"size": 28}, height=max(fig.layout.height or 450, 620)
        )
    event = st.plotly_chart(
        fig,
        key=key,
        theme=None,
        width="stretch",
        on_select=on_select,
        selection_mode=selection_mode,
        config=plotly_config(f"h200-{key}", present=ctx.present),
        alt=alt,
    )
    ids = list(dict.fromkeys(source_ids))
    ctx.rendered.append((key, fig, ids))
    if not ctx.present:
        st.download_button(
            "SVG",
            data=lambda: fig.to_image(format="svg", width=1600, height=900),
            file_name=f"h200-{key}.svg",
            mime="image/svg+xml",
            on_click="ignore",
            icon=":material/image:",
            key=f"svg-{key}",
            help="The chart as a vector image at presentation size (PNG: the camera icon on the chart).",
        )
    render_source_footer(ctx.seeds, ids, key=key)
    return event


def render_kpi(
    column,
    *,
    title: str,
    value: str,
    detail: str,
    basis: str,
    origins: int,
    source_ids: list[str],
    seeds: SeedData,
    conflict: bool = False,
) -> None:
    """One headline number with its bound, range, basis and sources."""
    badge = {"reported": "reported", "derived": "derived from wording", "assumption": "assumption"}.get(basis, basis)
    _numbers = st.session_state.setdefault("_numbers_this_run", [])
    _numbers.append((title, value, detail))
    with column.container(border=True):
        st.metric(title, value)
        st.caption(detail)
        st.caption(
            f":material/verified: {origins} independent origin{'s' if origins != 1 else ''} · {badge}"
            + (" · :material/warning: sources disagree" if conflict else "")
        )
        with st.popover("Sources", icon=":material/menu_book:"):
            st.markdown(sources_markdown(sources_table(seeds, source_ids).sort_values("published")))


def range_text(row: pd.Series) -> str:
    return fmt_range(
        None if pd.isna(row["low"]) else float(row["low"]),
        None if pd.isna(row["high"]) else float(row["high"]),
        str(row["unit"]) if not pd.isna(row["unit"]) else None,
        bool(row["open_high"]),
    )


def render_downloads(name: str, *, full: pd.DataFrame, shown: pd.DataFrame | None = None) -> None:
    """CSV and XLSX of a page's data: everything, and what the current filters show."""
    columns = st.columns(4)
    variants = [("all", full)] + ([("filtered", shown)] if shown is not None else [])
    index = 0
    for label, frame in variants:
        columns[index].download_button(
            f"CSV ({label})",
            data=lambda frame=frame: frame.to_csv(index=False).encode("utf-8"),  # built on click, not per rerun
            file_name=f"h200-{name}-{label}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"csv-{name}-{label}",
        )
        columns[index + 1].download_button(
            f"XLSX ({label})",
            data=lambda frame=frame: _xlsx(frame),
            file_name=f"h200-{name}-{label}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/table:",
            key=f"xlsx-{name}-{label}",
        )
        index += 2 if index < 2 else 0


def _xlsx(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    out = frame.copy()
    for column in out.columns:
        if str(out[column].dtype).startswith("datetime"):
            out[column] = out[column].dt.date
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name="data")
    return buffer.getvalue()


def ids_in(frame: pd.DataFrame, column: str = "source_ids") -> list[str]:
    return expand_ids(frame[column]) if column in frame.columns else []


@st.cache_data(show_spinner=False, max_entries=256)
def _frame_cached(name: str, path: str, fingerprint: str, filter_key: tuple) -> pd.DataFrame:
    from data import frames

    as_of, no_low, no_anonymous = filter_key
    seeds = _load_cached(path, fingerprint)
    return getattr(frames, name)(seeds, ClaimFilter(as_of, no_low, no_anonymous))


def frame(ctx: PageContext, name: str) -> pd.DataFrame:
    """A frame from ``data.frames`` (by builder name) for the page's filter, cached per seed content."""
    path = seeds_dir()
    return _frame_cached(name, str(path), seed_fingerprint(path), ctx.filter_key)


def finish_page(ctx: PageContext) -> None:
    """End of every page: the standalone HTML export of what this view shows."""
    numbers = st.session_state.pop("_numbers_this_run", [])
    if ctx.present:
        return
    link = page_url(_app_root(ctx.page), ctx.page, current_view_params(ctx.page))
    _render_share_link(link)
    with st.sidebar:
        st.download_button(
            "This view as HTML",
            data=lambda: view_html(ctx, numbers, link),
            file_name=f"h200-{ctx.page.url_path}-{ctx.as_of:%Y-%m-%d}.html",
            mime="text/html",
            on_click="ignore",
            icon=":material/description:",
            key="export-html",
            help="One self-contained file: the charts, key numbers, sources and the as-of stamp. Works offline.",
        )


def view_html(ctx: PageContext, numbers: list[tuple[str, str, str]], link: str) -> bytes:
    """A standalone HTML briefing of the current view. Every piece of data is escaped."""
    esc = html.escape
    coverage = ctx.seeds.coverage
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>H200 China Tracker · {esc(ctx.page.title)}</title>",
        "<style>body{font-family:Inter,Arial,sans-serif;max-width:1200px;margin:2rem auto;color:#1F2933}"
        "table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}"
        ".stamp{color:#5F6B7A}.kpis{display:flex;flex-wrap:wrap;gap:1rem}.kpi{border:1px solid #ddd;padding:.6rem 1rem}"
        ".kpi b{font-size:1.6rem;display:block}</style></head><body>",
        f"<h1>H200 China Tracker · {esc(ctx.page.title)}</h1>",
        f"<p>{esc(ctx.page.question)}</p>",
        f"<p class='stamp'>Data as of {ctx.as_of:%d %b %Y} · latest report {ctx.latest_report:%d %b %Y}"
        + (f" · coverage ends {coverage.coverage_end:%d %b %Y}" if coverage else "")
        + f" · exported {dt.datetime.now():%Y-%m-%d %H:%M}</p>",
        f"<p class='stamp'>Live view: <a href='{esc(link, quote=True)}'>{esc(link)}</a></p>",
    ]
    if numbers:
        parts.append("<div class='kpis'>")
        parts += [f"<div class='kpi'>{esc(t)}<b>{esc(v)}</b><small>{esc(d)}</small></div>" for t, v, d in numbers]
        parts.append("</div>")
    all_sources: list[str] = []
    for index, (key, fig, ids) in enumerate(ctx.rendered):
        all_sources += ids
        parts.append(
            fig.to_html(
                full_html=False,
                include_plotlyjs=index == 0,
                div_id=f"chart-{esc(key)}",
                config={"displaylogo": False, "showSendToCloud": False, "responsive": True},
            )
        )
        names = ", ".join(esc(ctx.seeds.sources[s].publisher) for s in ids if s in ctx.seeds.sources)
        parts.append(f"<p class='stamp'>Sources: {names or 'none'}</p>")
    table = sources_table(ctx.seeds, all_sources)
    parts.append(
        f"<h2>Sources ({len(table)})</h2><table><tr><th>Published</th><th>Publisher</th><th>Title</th><th>Confidence</th><th>Link</th></tr>"
    )
    for row in table.itertuples():
        url = str(row.url) if isinstance(row.url, str) and row.url.startswith(("http://", "https://")) else ""
        anchor = f"<a href='{esc(url, quote=True)}'>{esc(urlsplit(url).netloc)}</a>" if url else ""
        parts.append(
            f"<tr><td>{row.published}</td><td>{esc(str(row.publisher))}</td><td>{esc(str(row.title))}</td>"
            f"<td>{esc(str(row.confidence))}</td><td>{anchor}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts).encode("utf-8")
