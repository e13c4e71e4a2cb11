"""Hand-on material: CSV/XLSX downloads of a page's data and the standalone HTML of the view."""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from components.exports.tables import to_csv_bytes, to_xlsx_bytes
from components.ui.context import PageContext
from components.ui.links import app_root, page_url, share_params
from components.ui.sources import sources_table
from data.frames import latest_report_date
from data.outlets import publisher_label


def export_about(ctx: PageContext, link: str, frame: pd.DataFrame) -> dict[str, str]:
    """The "About" sheet: as of when, with which filters, from which link and sources."""
    ids = frame["source_id"] if "source_id" in frame.columns else frame.get("source_ids", pd.Series(dtype=object))
    sources = sorted(
        {s for value in ids for s in (value if isinstance(value, list) else [value]) if isinstance(s, str)}
    )
    claim_filter = ctx.claim_filter
    confidence = (
        "named & official only"
        if claim_filter.exclude_anonymous
        else "low confidence hidden"
        if claim_filter.exclude_low_confidence
        else "all claims"
    )
    return {
        "As of": f"{ctx.as_of:%d %b %Y}",
        "Page": ctx.page.title,
        "Filters": f"confidence: {confidence}",
        "Link": link,
        "Sources": "; ".join(sources) or "none",
    }


def render_downloads(ctx: PageContext, name: str, *, full: pd.DataFrame, shown: pd.DataFrame | None = None) -> None:
    """CSV and XLSX of a page's data: everything, and what the current filters show.

    Both variants carry the same columns; every text cell is neutralised against spreadsheet
    formulas (``components.exports.tables``), and the XLSX has an "About" sheet.
    """
    link = page_url(app_root(ctx.page), ctx.page, share_params(ctx))
    columns = st.columns(4)
    variants = [("all", full)] + ([("filtered", shown[list(full.columns)])] if shown is not None else [])
    for index, (label, frame) in enumerate(variants):

        def csv_file(frame: pd.DataFrame = frame) -> bytes:  # built on click, not per rerun
            return to_csv_bytes(frame)

        def xlsx_file(frame: pd.DataFrame = frame) -> bytes:
            return to_xlsx_bytes(frame, about=export_about(ctx, link, frame), sheet=name[:31])

        columns[2 * index].download_button(
            f"CSV ({label})",
            data=csv_file,
            file_name=f"h200-{name}-{label}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"csv-{name}-{label}",
        )
        columns[2 * index + 1].download_button(
            f"XLSX ({label})",
            data=xlsx_file,
            file_name=f"h200-{name}-{label}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/table:",
            key=f"xlsx-{name}-{label}",
        )


def view_html(ctx: PageContext, link: str) -> bytes:
    """A standalone HTML document of the current view. Every piece of data is escaped."""
    esc = html.escape
    used = latest_report_date(ctx.seeds, on_or_before=ctx.as_of)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>H200 China Tracker · {esc(ctx.page.title)}</title>",
        "<style>body{font-family:Inter,Arial,sans-serif;max-width:1200px;margin:2rem auto;color:#1F2933}"
        "table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}"
        ".stamp{color:#5F6B7A}.kpis{display:flex;flex-wrap:wrap;gap:1rem}.kpi{border:1px solid #ddd;padding:.6rem 1rem}"
        ".kpi b{font-size:1.6rem;display:block}</style></head><body>",
        f"<h1>H200 China Tracker · {esc(ctx.page.title)}</h1>",
        f"<p>{esc(ctx.page.question)}</p>",
        f"<p class='stamp'>Data as of {ctx.as_of:%d %b %Y}"
        + (f" · latest report {used:%d %b %Y}" if used else "")
        + f" · exported {dt.datetime.now():%Y-%m-%d %H:%M}</p>",
        f"<p class='stamp'>Live view: <a href='{esc(link, quote=True)}'>{esc(link)}</a></p>",
    ]
    cards = [c for view in ctx.views for c in view.cards] or ctx.kpis  # a page without a view keeps its own
    if cards:
        parts.append("<div class='kpis'>")
        parts += [
            f"<div class='kpi'>{esc(k.title)}<b>{esc(k.value)}</b><small>{esc(k.detail)}</small></div>" for k in cards
        ]
        parts.append("</div>")
    all_sources: list[str] = [s for c in cards for s in getattr(c, "source_ids", ())]
    charts = [(c.key, c.figure, list(c.source_ids)) for view in ctx.views for c in view.charts]
    for index, (key, fig, ids) in enumerate(charts or ctx.rendered):
        all_sources += ids
        parts.append(
            fig.to_html(
                full_html=False,
                include_plotlyjs=index == 0,
                div_id=f"chart-{esc(key)}",
                config={"displaylogo": False, "showSendToCloud": False, "responsive": True},
            )
        )
        names = ", ".join(esc(publisher_label(ctx.seeds, s)) for s in ids if s in ctx.seeds.sources)
        parts.append(f"<p class='stamp'>Sources: {names or 'none'}</p>")
    table = sources_table(ctx.seeds, all_sources)
    parts.append(
        f"<h2>Sources ({len(table)})</h2><table><tr><th>Published</th><th>Publisher</th><th>Title</th>"
        "<th>Confidence</th><th>Link</th></tr>"
    )
    for row in table.itertuples():
        url = str(row.url) if isinstance(row.url, str) and row.url.startswith(("http://", "https://")) else ""
        anchor = f"<a href='{esc(url, quote=True)}'>{esc(urlsplit(url).netloc)}</a>" if url else ""
        parts.append(
            f"<tr><td>{row.published if row.dated else 'undated (accessed ' + str(row.published) + ')'}</td><td>{esc(str(row.publisher))}</td><td>{esc(str(row.title))}</td>"
            f"<td>{esc(str(row.confidence))}</td><td>{anchor}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts).encode("utf-8")


def view_deck(ctx: PageContext, link: str, fmt: str) -> bytes:
    """The current view as a deck (``pptx``) or document (``pdf``): the cards first when the page
    has them, then one slide per chart; the same ``PageView`` the page drew (``components.briefings``)."""
    from components.briefings import page_slides
    from components.exports.deck import Slide, build_pdf, build_pptx, render_slide_images

    slides = [slide for view in ctx.views for slide in page_slides(view, ctx.seeds, link)]
    if not ctx.views and ctx.kpis:  # a page that draws no view (What's new): its cards as drawn
        kpis = [(k.title, k.value, k.detail) for k in ctx.kpis]
        slides.append(Slide(title=ctx.page.title, takeaway=ctx.page.question, kpis=kpis, link=link, as_of=ctx.as_of))
    images = render_slide_images(slides)
    title = f"H200 China Tracker · {ctx.page.title}"
    return (
        build_pptx(slides, deck_title=title, images=images)
        if fmt == "pptx"
        else build_pdf(slides, deck_title=title, images=images)
    )
