"""Sources view: the chosen disagreement's dot plot (its slide; the link names it by a short id
such as ``c1-c17``), the claims the search finds, and the table of every disagreement. Pure."""

from __future__ import annotations

import pandas as pd

from components.conflict_names import conflicts_table, names_by_group, subject_of, wording_table
from components.exports.images import plain_title
from components.figures import plot_conflict_spread
from components.labels import standalone
from components.link_options import conflict_frame
from components.view import ChartView, PageView, Params, TableView, figures_wanted, page_view
from data.frames import ClaimFilter, build_claims_frame
from data.load import SeedData

ALT = "Dot plot of the disagreeing claims in the chosen conflict, each with its range."


def search_claims(claims: pd.DataFrame, query: str | None) -> pd.DataFrame:
    """Claims whose text, actors, publisher or wording contain ``query`` (case-insensitive)."""
    if not query:
        return claims
    text = (
        claims["summary"]
        + " "
        + claims["actors"].map(" ".join)
        + " "
        + claims["publisher"]
        + " "
        + claims["wording"].fillna("")
    )
    return claims[text.str.contains(query, case=False, regex=False)]


def readable_claims(seeds: SeedData, claim_filter: ClaimFilter) -> pd.DataFrame:
    """Every visible claim with its summary made to stand alone."""
    claims = build_claims_frame(seeds, claim_filter)
    titles = {source_id: source.title for source_id, source in seeds.sources.items()}
    return claims.assign(
        summary=[standalone(s, titles.get(i, "")) for s, i in zip(claims["summary"], claims["source_id"], strict=True)]
    )


def spread_figure(group: pd.DataFrame, name: str):
    """The dot plot, its axis widened around a single figure (so 400,000 does not read 399.999k–400.0005k)."""
    figure = plot_conflict_spread(group, topic=subject_of(name))
    values = pd.concat([group["low"], group["high"]]).dropna().astype(float)
    if not values.empty and values.min() == values.max():
        middle = float(values.min())
        pad = abs(middle) * 0.25 or 1.0
        figure.update_xaxes(range=[middle - pad, middle + pad])
    return figure


def view(seeds: SeedData, claim_filter: ClaimFilter, params: Params) -> PageView:
    conflicts = conflict_frame(seeds, claim_filter)
    claims = readable_claims(seeds, claim_filter)
    shown = search_claims(claims, str(params.get("q") or ""))
    charts: tuple[ChartView, ...] = ()
    tables = [TableView("claims", shown, full=claims)]
    if not conflicts.empty:
        names = names_by_group(conflicts)
        wanted = params.get("conflict")
        ids = list(dict.fromkeys(conflicts["conflict_id"]))
        chosen = wanted if wanted in ids else ids[0]
        group = conflicts[conflicts["conflict_id"] == chosen]
        name = names[group["group"].iloc[0]]
        if figures_wanted():  # the data API asks for the tables only
            figure = spread_figure(group, name)
            sources = tuple(dict.fromkeys(group["source_id"]))
            charts = (ChartView("conflict-spread", plain_title(figure), figure, sources, ALT),)
        every = conflicts_table(conflicts).sort_values("Times apart", ascending=False, na_position="last")
        every = every.assign(
            conflict_id=every["group"].map(dict(zip(conflicts["group"], conflicts["conflict_id"], strict=False)))
        )
        tables += [
            TableView("conflict", group),
            TableView("conflicts", every),
            TableView("wording", wording_table(conflicts)),
        ]
    return page_view(
        "sources",
        claim_filter,
        params,
        charts=charts,
        tables=tuple(tables),
        empty="" if not conflicts.empty else "No conflicting claims had been reported by the chosen date.",
    )
