"""Chart text a phone can read: pages that relax the narrow-screen rules say so in their CSS."""

from __future__ import annotations

import re

from components.ui.context import NARROW_SCREEN_CSS
from tests.app.one_page import open_page


def _font_px(css: str, selector: str) -> list[int]:
    return [int(px) for px in re.findall(re.escape(selector) + r"\s*\{\s*font-size:\s*(\d+)px", css)]


def test_scenario_step_names_are_readable_on_a_phone(monkeypatch) -> None:
    """On a 390 px phone every chart's y tick names are 10 px (for the figures chart's long
    three-line names); the scenario's short step names ("Demand", "Could arrive") were too small
    to read. The page sets them larger than that phone default, for its scenario chart only."""
    phone_default = _font_px(NARROW_SCREEN_CSS, ".stPlotlyChart .ytick text")
    assert phone_default and max(phone_default) < 12
    at = open_page(monkeypatch, "supply_demand", {})
    css = "\n".join(element.proto.body for element in at.get("html"))
    assert "scenario-gap" in [chart.key for chart in at.get("plotly_chart")]  # the chart the rule names
    step_names = _font_px(css, ".st-key-scenario-gap .ytick text")
    assert step_names and min(step_names) >= 12, step_names
