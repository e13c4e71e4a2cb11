"""Hand-on material: CSV/XLSX downloads of a page's data and the standalone HTML of the view."""

from __future__ import annotations

import datetime as dt
import html
import io
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from components.ui.context import PageContext
from components.ui.sources import sources_table
from data.frames import latest_report_date


def flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become '; '-joined text at the file boundary (frames keep them as lists)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(lambda v: isinstance(v, list | tuple)).any():
            out[column] = out[column].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v)
    return out


def render_downloads(name: str, *, full: pd.DataFrame, shown: pd.DataFrame | None = None) -> None:
    """CSV and XLSX of a page's data: everything, and what the current filters show."""
    columns = st.columns(4)
    variants = [("all", full)] + ([("filtered", shown)] if shown is not None else [])
    for index, (label, frame) in enumerate(variants):
        columns[2 * index].download_button(
            f"CSV ({label})",
            data=lambda frame=frame: flat(frame).to_csv(index=False).encode("utf-8"),  # built on click
            file_name=f"h200-{name}-{label}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"csv-{name}-{label}",
        )
        columns[2 * index + 1].download_button(
            f"XLSX ({label})",
            data=lambda frame=frame: xlsx_bytes(frame),
            file_name=f"h200-{name}-{label}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/table:",
            key=f"xlsx-{name}-{label}",
        )


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    out = flat(frame)
    for column in out.columns:
        if str(out[column].dtype).startswith("datetime"):
            out[column] = out[column].dt.date
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name="data")
    return buffer.getvalue()


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
    if ctx.kpis:
        parts.append("<div class='kpis'>")
        parts += [
            f"<div class='kpi'>{esc(k.title)}<b>{esc(k.value)}</b><small>{esc(k.detail)}</small></div>"
            for k in ctx.kpis
        ]
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
