"""The Overview's headline chart draws the deliveries its title names (issue 17: the title said
"deliveries have begun: ByteDance about 10,000 …" while the chart had no delivery row at all, and
a "more than 0" reading vanished from it). Per-firm figures are drawn as reported, never summed."""

from __future__ import annotations

import datetime as dt

from data.frames.claims import ClaimFilter
from pages.overview.helpers import headline_chart


def _rows(seeds, as_of: dt.date) -> dict[str, list[str]]:
    figure, _ = headline_chart(seeds, ClaimFilter(as_of=as_of))
    return {trace.name: [str(y) for y in trace.y] for trace in figure.data if trace.y is not None}


def test_after_the_ft_report_each_firms_delivery_is_a_bar_and_the_market_reading_stays(real_seeds) -> None:
    rows = _rows(real_seeds, dt.date(2026, 9, 28))
    bars = rows["Reported figure"]
    assert "Delivered to ByteDance" in bars and "Delivered to Tencent" in bars
    assert rows["Begun, no count given"] == ["Delivered (all buyers)"]  # "more than 0", kept visible
    assert "Reported zero" not in rows  # a strict floor of 0 never draws as none
    assert not any("Delivered" in b and "all" in b for b in bars)  # never a summed market bar


def test_before_any_firm_figure_the_market_reading_alone_shows_and_in_june_it_is_none(real_seeds) -> None:
    july = _rows(real_seeds, dt.date(2026, 7, 31))
    assert july["Begun, no count given"] == ["Delivered (all buyers)"]
    assert not any(b.startswith("Delivered to") for b in july["Reported figure"])
    june = _rows(real_seeds, dt.date(2026, 6, 30))
    assert june["Reported zero"] == ["Delivered (all buyers)"] and "Begun, no count given" not in june
