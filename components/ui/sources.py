"""Attribution on screen: the source footer under every chart and number, and safe markdown.

Every piece of seed text shown through markdown goes through ``md``, so data can never add
emphasis, links, LaTeX or HTML to the page.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.format import counted
from data.load import SeedData
from data.outlets import outlet_of

_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|$~<>"})
DOMAIN = r"https?://(?:www\.)?([^/?#]+)"  # show a link by its site name


def md(text: object) -> str:
    """Seed text made safe for st.markdown: no emphasis, links, LaTeX ($) or HTML from data."""
    return str(text).translate(_MARKDOWN_SPECIAL)


def link_column(label: str = "Source") -> object:
    """A table column that shows each source URL by its site, clickable."""
    return st.column_config.LinkColumn(label, display_text=DOMAIN)


def sources_table(seeds: SeedData, source_ids: Iterable[str]) -> pd.DataFrame:
    """The named sources, one row each, in the order given (unknown ids are skipped)."""
    rows = []
    for source_id in dict.fromkeys(source_ids):
        source = seeds.sources.get(source_id)
        if source is None:
            continue
        link = outlet_of(seeds, source_id)
        rows.append(
            {
                "published": source.available_from,
                "dated": source.published is not None,
                "publisher": link.label,
                "origin": source.origin or source.publisher,
                "title": source.title,
                "confidence": source.confidence,
                "url": link.url,
                "source_id": source_id,
            }
        )
    columns = ["published", "dated", "publisher", "origin", "title", "confidence", "url", "source_id"]
    return pd.DataFrame(rows, columns=columns)


def when(row: object) -> str:
    """A source's date as people read it; an undated page says so (its accessed date is not a report date)."""
    return f"{row.published:%d %b %Y}" if row.dated else "undated"  # type: ignore[attr-defined]


def sources_markdown(table: pd.DataFrame) -> str:
    """A plain list of sources with links; every piece of seed text is escaped for markdown."""
    lines = []
    for row in table.itertuples():
        url = row.url if isinstance(row.url, str) and row.url.startswith(("http://", "https://")) else None
        safe_url = url.replace("(", "%28").replace(")", "%29") if url else None
        title = md(row.title)
        linked = f"[{title}]({safe_url})" if safe_url else title
        lines.append(f"- {when(row)} · **{md(row.publisher)}** — {linked} · confidence {row.confidence}")
    return "\n".join(lines)


FOOTER_LIST = 12


@dataclass(frozen=True)
class Footer:
    """A source footer's texts, built once per (seeds, sources) and shared by every session."""

    count: int
    origins: int
    names: str
    newest: str  # markdown list of the newest FOOTER_LIST
    rest: str  # markdown list of the others ("" when none)


_FOOTERS: dict[int, tuple[weakref.ref, OrderedDict]] = {}
_FOOTER_LOCK = threading.Lock()
FOOTER_CACHE = 2048


def footer(seeds: SeedData, ids: tuple[str, ...]) -> Footer:
    """The footer for ``ids`` (known sources only, in order), cached per seeds object: the
    weak reference makes sure a new SeedData (seeds edited) never reads an old entry."""
    with _FOOTER_LOCK:
        ref, cache = _FOOTERS.get(id(seeds), (None, None))
        if ref is None or ref() is not seeds or cache is None:
            _FOOTERS.clear()  # one seeds object is live at a time; drop the old one's entries
            cache = OrderedDict()
            _FOOTERS[id(seeds)] = (weakref.ref(seeds), cache)
        if ids in cache:
            cache.move_to_end(ids)
            return cache[ids]
    table = sources_table(seeds, ids).sort_values("published")
    newest = table.iloc[::-1]
    built = Footer(
        count=len(ids),
        origins=int(table["origin"].str.lower().nunique()),
        names=", ".join(dict.fromkeys(f"{row.publisher} ({when(row)})" for row in table.itertuples())),
        newest=sources_markdown(newest.head(FOOTER_LIST)),
        rest=sources_markdown(newest.iloc[FOOTER_LIST:]) if len(newest) > FOOTER_LIST else "",
    )
    with _FOOTER_LOCK:
        cache[ids] = built
        while len(cache) > FOOTER_CACHE:
            cache.popitem(last=False)
    return built


def footer_counts(built: Footer) -> str:
    """'1 document, 1 independent origin' or '12 documents, 5 independent origins' (a slide read
    "1 documents, 1 independent origins")."""
    return f"{counted(built.count, 'document')}, {counted(built.origins, 'independent origin')}"


def render_source_footer(seeds: SeedData, source_ids: Iterable[str], *, key: str, compact: bool = False) -> None:
    """The sources behind one chart or number: a one-line summary and an expander with links
    (``compact``, on a slide: the one line only, short enough to stay on one line).

    The expander lists the newest ``FOOTER_LIST`` sources; the rest are sent only when asked for
    (a toggle), so a chart resting on hundreds of reports does not ship them all on every load.
    """
    ids = tuple(s for s in dict.fromkeys(source_ids) if s in seeds.sources)
    if not ids:
        st.caption("Sources: none for this view.")
        return
    shown_footer = footer(seeds, ids)
    names = shown_footer.names
    limit = 150 if compact else 260
    shown = names if len(names) < limit else names[: limit - 3].rsplit(",", 1)[0] + ", …"
    st.caption(f"Sources ({footer_counts(shown_footer)}): {md(shown)}")
    if compact:
        return
    with st.expander(f"All {len(ids)} sources behind this", expanded=False):
        st.markdown(shown_footer.newest)
        if shown_footer.rest and st.toggle(f"List the other {len(ids) - FOOTER_LIST}", key=f"more-{key}"):
            st.markdown(shown_footer.rest)
