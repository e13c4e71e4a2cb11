"""Streamlit renderers shared by every page: controls, status line, banners, charts with their
source footer, KPI cards and downloads. Pages stay thin by calling these.

The one cached entry point is ``load_data``: keyed on a hash of the seed files' contents, so an
edited or added seed file is picked up on the next interaction without a restart.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.figures import expand_ids, fmt_range
from components.registry import BY_ID, PageSpec
from components.state import CONFIDENCE_OPTIONS, ParamSpec, parse_choice, parse_date, read_params
from components.theme import plotly_config
from data.frames import ClaimFilter, latest_report_date
from data.load import SeedData, load_seeds, seed_fingerprint

ROOT = Path(__file__).resolve().parents[1]
STALE_AFTER_DAYS = 60


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


def page_context(page_id: str) -> PageContext:
    """Render the page heading and the shared controls; return the chosen filter.

    The as-of date and confidence filter live in the sidebar and are bound to the URL, so a link
    carries them. A garbled value in the link is dropped with a notice, never an exception.
    """
    page = BY_ID[page_id]
    seeds = load_data()
    present = is_presenting()
    latest = latest_report_date(seeds) or _today()
    compiled = seeds.coverage.compiled if seeds.coverage else _today()
    first = min((s.published for s in seeds.sources.values()), default=dt.date(2025, 1, 1))

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
    for notice in parsed.notices:
        st.info(notice, icon=":material/link_off:")
    render_problems_banner(seeds)
    return PageContext(page, seeds, claim_filter, as_of, latest, present)


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
                "published": source.published,
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
    st.caption(f"Sources ({len(ids)} documents, {origins} independent origins): {shown}")
    with st.expander(f"All {len(ids)} sources behind this", expanded=False):
        st.dataframe(
            table,
            hide_index=True,
            key=f"sources-{key}",
            column_config={
                "url": st.column_config.LinkColumn("Link", display_text=r"https?://([^/]+)/?.*"),
                "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
            },
        )


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
        fig = go.Figure(fig).update_layout(font={"size": 18}, height=max(fig.layout.height or 450, 560))
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
    render_source_footer(ctx.seeds, source_ids, key=key)
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
    with column.container(border=True):
        st.metric(title, value)
        st.caption(detail)
        st.caption(
            f":material/verified: {origins} independent origin{'s' if origins != 1 else ''} · {badge}"
            + (" · :material/warning: sources disagree" if conflict else "")
        )
        with st.popover("Sources", icon=":material/menu_book:"):
            st.dataframe(
                sources_table(seeds, source_ids),
                hide_index=True,
                column_config={"url": st.column_config.LinkColumn("Link", display_text=r"https?://([^/]+)/?.*")},
            )


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
            data=frame.to_csv(index=False).encode("utf-8"),
            file_name=f"h200-{name}-{label}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"csv-{name}-{label}",
        )
        columns[index + 1].download_button(
            f"XLSX ({label})",
            data=_xlsx(frame),
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
