"""`python -m bench.exports`: how long the downloads take, beside plain baselines.

Measured on the real seeds, with figures of the app's size built from the public frame
builders (so the benchmark does not depend on how the figure modules are split):
- one chart as PNG / SVG with title and source line (`chart_image`: starts a Chromium, renders
  twice) against Plotly's own `fig.to_image` of the same figure (also starts a Chromium);
- an 8-step briefing: chart images through one browser, then the PPTX and the PDF from them;
- the biggest table as CSV / XLSX (neutralised, formatted) against pandas' plain writers.
Median of 3 runs each; results go to bench/results-exports.md.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import plotly.express as px  # noqa: E402
import plotly.graph_objects as go  # noqa: E402

import components.theme  # noqa: E402, F401  (registers the "h200" template)
from bench.__main__ import machine  # noqa: E402
from components.exports.deck import Slide, build_pdf, build_pptx, render_slide_images  # noqa: E402
from components.exports.images import chart_image  # noqa: E402
from components.exports.tables import to_csv_bytes, to_xlsx_bytes  # noqa: E402
from data import frames  # noqa: E402
from data.load import load_seeds  # noqa: E402

AS_OF = dt.date(2026, 6, 5)
RUNS = 3
OUT = ROOT / "bench" / "results-exports.md"
FILES = ROOT / "bench" / "out" / "exports"  # the files themselves, to look at (not committed)


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _figures(frames_by_name: dict[str, pd.DataFrame]) -> dict[str, go.Figure]:
    """Eight charts of the sizes the pages draw: timelines, bars by buyer and source, a grid."""
    px.defaults.template = (
        "h200"  # colours come from the template at creation (importing streamlit changes the default)
    )
    events = frames_by_name["events"].dropna(subset=["date"])
    claims = frames_by_name["claims"]
    sources = frames_by_name["sources"].dropna(subset=["published"])
    approvals = frames_by_name["approvals"]
    estimates = frames_by_name["estimates"].dropna(subset=["high"]).head(20)
    supply = frames_by_name["supply_demand"].dropna(subset=["date"])
    buyers = frames_by_name["buyers"]
    grid = approvals.pivot_table(index="organisation", columns="stage_label", values="stage_order", aggfunc="count")
    publishers = claims.groupby("source_id").size().sort_values().tail(25)
    figures = {
        "Events by lane": px.scatter(events, x="date", y="lane_label", color="confidence", hover_name="label"),
        "Claims per source (top 25)": px.bar(x=publishers.values, y=publishers.index, orientation="h"),
        "Sources per month": px.histogram(sources, x="published", color="kind"),
        "Approval stages by buyer": px.imshow(grid.fillna(0), aspect="auto", text_auto=True),
        "Estimates: low and high": px.bar(estimates, x=["low", "high"], y="metric", orientation="h", barmode="group"),
        "Supply and demand over time": px.scatter(
            supply, x="date", y="best", color="basis", symbol="confidence", log_y=True
        ),
        "Interest by buyer": px.bar(buyers, x="interest_high", y="organisation", orientation="h"),
        "Claims by kind": px.histogram(claims, x="kind", color="confidence"),
    }
    for title, fig in figures.items():
        fig.update_layout(template="h200", title=title)
    return figures


def _slides(figures: dict[str, go.Figure]) -> list[Slide]:
    line = "Sources: Reuters (28 Jan 2026); Bloomberg (3 Mar 2026); Financial Times (23 Dec 2025) and 12 more"
    slides = [
        Slide(
            title=title,
            takeaway=f"What the sources report about {title.lower()}, as of {AS_OF.day} {AS_OF:%B %Y}.",
            figure=fig,
            source_line=line,
            link=f"https://tracker.example/briefing?step={number}&as_of={AS_OF}",
            as_of=AS_OF,
        )
        for number, (title, fig) in enumerate(figures.items(), start=1)
    ]
    slides[0] = Slide(
        title="Where things stand",
        takeaway="Washington has licensed a first batch; Beijing has not cleared a named buyer.",
        kpis=[
            ("Approved by the US", "more than 400,000", "chips"),
            ("Delivered", "0", "reported"),
            ("Buyers", "4", "named"),
        ],
        source_line=line,
        link="https://tracker.example/briefing?step=1",
        as_of=AS_OF,
    )
    return slides


def _xlsx_baseline(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.astype(str).to_excel(buffer, index=False, engine="openpyxl")
    return buffer.getvalue()


def main() -> int:
    load_before = os.getloadavg()[0]
    seeds = load_seeds(ROOT / "seeds")
    claim_filter = frames.ClaimFilter(as_of=AS_OF)
    names = ["claims", "sources", "events", "approvals", "buyers", "supply_demand", "estimates"]
    frames_by_name = {name: getattr(frames, f"build_{name}_frame")(seeds, claim_filter) for name in names}
    figures = _figures(frames_by_name)
    sample = figures["Events by lane"]
    about = {"As of": str(AS_OF), "Filters": "none", "Link": "https://tracker.example/timeline"}
    footer = {"as_of": AS_OF, "source_line": "Sources: Reuters; Bloomberg; Financial Times"}

    rows: list[tuple[str, float, float | None, str]] = []
    png_s, png = _timed(lambda: chart_image(sample, title="Events by lane", fmt="png", **footer))
    base_png_s, _ = _timed(lambda: sample.to_image(format="png", width=1600, height=900, scale=2))
    rows.append(("Chart PNG 1600×900 ×2, title + footer drawn in", png_s, base_png_s, f"{len(png) / 1024:.0f} KB"))
    svg_s, svg = _timed(lambda: chart_image(sample, title="Events by lane", fmt="svg", **footer))
    base_svg_s, _ = _timed(lambda: sample.to_image(format="svg", width=1600, height=900))
    rows.append(("Chart SVG 1600×900, title + footer drawn in", svg_s, base_svg_s, f"{len(svg) / 1024:.0f} KB"))

    slides = _slides(figures)
    images_s, images = _timed(lambda: render_slide_images(slides))
    pptx_s, pptx = _timed(lambda: build_pptx(slides, deck_title="H200 into China", images=images))
    pdf_s, pdf = _timed(lambda: build_pdf(slides, deck_title="H200 into China", images=images))
    charts = sum(1 for image in images if image)
    rows.append((f"8-step briefing: {charts} chart images, one browser", images_s, None, ""))
    rows.append(("… then the PPTX from them", pptx_s, None, f"{len(pptx) / 1024:.0f} KB"))
    rows.append(("… then the PDF from them", pdf_s, None, f"{len(pdf) / 1024:.0f} KB"))
    both_s, _ = _timed(lambda: build_pptx(slides, deck_title="H200 into China"))
    rows.append(("PPTX alone, charts included (one click)", both_s, None, ""))

    claims = frames_by_name["claims"]
    csv_s, csv = _timed(lambda: to_csv_bytes(claims))
    base_csv_s, _ = _timed(lambda: claims.to_csv(index=False).encode())
    rows.append(
        (f"Claims table CSV ({len(claims)} rows × {claims.shape[1]})", csv_s, base_csv_s, f"{len(csv) / 1024:.0f} KB")
    )
    xlsx_s, xlsx = _timed(lambda: to_xlsx_bytes(claims, about=about))
    base_xlsx_s, _ = _timed(lambda: _xlsx_baseline(claims))
    rows.append(("Claims table XLSX, formatted + About sheet", xlsx_s, base_xlsx_s, f"{len(xlsx) / 1024:.0f} KB"))

    FILES.mkdir(parents=True, exist_ok=True)
    for name, data in {"chart.png": png, "chart.svg": svg, "briefing.pptx": pptx, "briefing.pdf": pdf}.items():
        (FILES / name).write_bytes(data)  # type: ignore[arg-type]
    (FILES / "claims.csv").write_bytes(csv)  # type: ignore[arg-type]
    (FILES / "claims.xlsx").write_bytes(xlsx)  # type: ignore[arg-type]
    load = f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    lines = [
        "# Export benchmark",
        "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {machine()}. Median of {RUNS} runs each; seeds as of {AS_OF}; {load}.",
        "Baselines are measured in the same run: Plotly's own `fig.to_image` for charts (also one Chromium",
        "start per call) and pandas' plain `to_csv` / `to_excel` (all cells as text) for tables.",
        "",
        "| export | seconds | baseline s | × baseline | size |",
        "|---|---|---|---|---|",
    ]
    for label, seconds, baseline, size in rows:
        ratio = f"{seconds / baseline:.2f}" if baseline else "—"
        lines.append(f"| {label} | {seconds:.2f} | {f'{baseline:.2f}' if baseline else '—'} | {ratio} | {size} |")
    lines += [
        "",
        "A chart image costs one Chromium start (about 2–3 s here) plus two renders (the chart, then the",
        "frame holding its title and source line); the briefing pays the start once for all its charts.",
    ]
    OUT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
