"""Overview view: the six headline numbers (its slide) and the range chart behind them. Pure."""

from __future__ import annotations

import pandas as pd

from components.exports.images import plain_title
from components.format import fmt_bound, fmt_range, fmt_row, num
from components.view import CardView, ChartView, PageView, Params, TableView, page_view
from data.frames import ClaimFilter, build_estimates_frame
from data.load import SeedData
from pages.overview.helpers import headline_cards, headline_chart, kpi_detail, kpi_help

ALT = "Horizontal bars comparing H200 demand, approvals, US caps, Nvidia stock and deliveries, each with its range."


def cards_of(kpis: pd.DataFrame) -> tuple[CardView, ...]:
    """Each headline row as a card: the best figure with its bound in words, then the spread."""
    cards = []
    for row in kpis.to_dict("records"):
        spread = fmt_range(num(row["low"]), num(row["high"]), row["unit"], row["open_high"], row["best_bound"])
        value = (
            fmt_bound(num(row["best"]), row["best_bound"], row["unit"], compact=True)
            if not pd.isna(row["best"])
            else fmt_row({**row, "bound": row["best_bound"]})
        )
        cards.append(
            CardView(
                title=str(row["title"]),
                value=value,
                detail=kpi_detail(len(row["claim_ids"]), spread, bool(row["conflict"]))
                + (f" · {row['note']}" if row.get("note") else ""),
                basis=str(row["basis"]),
                origins=int(row["independent_origins"]),
                source_ids=tuple(row["source_ids"]),
                conflict=bool(row["conflict"]),
                help=kpi_help(str(row["title"])),
            )
        )
    return tuple(cards)


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    kpis = headline_cards(seeds, claim_filter)
    figure, sources = headline_chart(seeds, claim_filter)
    chart = ChartView("overview-ranges", plain_title(figure), figure, tuple(dict.fromkeys(sources)), ALT)
    return page_view(
        "overview",
        claim_filter,
        params,
        cards=cards_of(kpis),
        charts=(chart,),
        tables=(TableView("overview", kpis, full=build_estimates_frame(seeds, claim_filter)),),
        lead="cards",
        empty="" if not kpis.empty else "No headline figures had been reported by the chosen date.",
    )
