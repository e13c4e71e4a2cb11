"""The supply-versus-demand scenario: a few named inputs -> what could arrive, and the gap.

Pure arithmetic, kept out of the page so it can be tested and shown in words next to the chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from data.load import SeedData
from data.models import ScenarioDefault, ScenarioParameter

FORMULA = (
    "**Could arrive** = the smallest of (a) *available supply × share the 50 % rule allows*, "
    "(b) *US cap per customer × cleared firms* and (c) *volume Beijing approved*, "
    "then × *share of approvals that become orders and ship*.  \n"
    "**Gap** = *demand* − *could arrive*."
)


INPUTS = (
    "demand",
    "stock",
    "new_production",
    "rule_share_pct",
    "per_customer_cap",
    "cleared_firms",
    "china_approved",
    "conversion_pct",
)
"""The inputs ``run_scenario`` needs, each a parameter of seeds/reference/scenarios.yaml."""


def missing_inputs(parameters: Mapping[str, ScenarioParameter]) -> list[str]:
    """The model's inputs with no loaded parameter (one skipped for a seed problem): the page says
    so and draws no scenario, where it used to stop with an error box and no charts at all."""
    return [name for name in INPUTS if name not in parameters]


@dataclass(frozen=True)
class DefaultAt:
    """A scenario input's default as it stood on the as-of date, with what it rests on."""

    value: float
    basis: str
    sources: tuple[str, ...]
    bound: str = "exact"  # the cited figure's bound ("more than 2 million"), kept while the input is at it


def defaults_at(parameters: Mapping[str, ScenarioParameter], seeds: SeedData, as_of: dt.date) -> dict[str, DefaultAt]:
    """Each input's newest default whose cited reports were all out by ``as_of``.

    Readings are ``history`` (oldest first) then the parameter's own default; a reading with no
    sources holds from the start. If no reading qualifies, the oldest is used and says so.
    """
    out = {}
    for parameter in parameters.values():
        readings: list[ScenarioDefault | ScenarioParameter] = [*parameter.history, parameter]
        known = [
            r
            for r in readings
            if all(s in seeds.sources and seeds.sources[s].available_from <= as_of for s in r.sources)
        ]
        chosen = known[-1] if known else readings[0]
        basis = chosen.basis if known else f"No report by this date: a placeholder for you to set ({chosen.basis})"
        bound = chosen.bound if known else "exact"
        out[parameter.id] = DefaultAt(float(chosen.default), basis, tuple(chosen.sources) if known else (), bound)
    return out


def run_scenario(
    values: Mapping[str, float], defaults: Mapping[str, float], bounds: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Steps of the model as rows: label, value, basis, note, bound.

    An input left at its cited default is drawn as *reported*, with the cited figure's bound
    (``bounds``: "more than 2 million" stays more than); one the user moved is an *assumption*;
    everything computed from inputs is an *assumption* too, since it is a model (bound "exact").
    """

    def basis(name: str) -> str:
        return "reported" if float(values[name]) == float(defaults[name]) else "assumed"

    def bound(name: str) -> str:
        return str((bounds or {}).get(name, "exact")) if basis(name) == "reported" else "exact"

    supply = float(values["stock"]) + float(values["new_production"])
    rule_limit = supply * float(values["rule_share_pct"]) / 100
    us_limit = float(values["per_customer_cap"]) * float(values["cleared_firms"])
    china_limit = float(values["china_approved"])
    limits = {"50 % rule": rule_limit, "US licences": us_limit, "Beijing's approvals": china_limit}
    binding = min(limits, key=limits.__getitem__)
    arrive = limits[binding] * float(values["conversion_pct"]) / 100
    demand = float(values["demand"])
    supply_basis = "reported" if basis("stock") == basis("new_production") == "reported" else "assumed"
    # stock + nothing new keeps the stock's bound; a sum of two figures with bounds is about their sum
    added = {bound("stock"), bound("new_production")} - {"exact"}
    supply_bound = bound("stock") if float(values["new_production"]) == 0 else ("approx" if added else "exact")
    rows: list[tuple[object, ...]] = [
        ("Demand", demand, basis("demand"), "Chinese orders requested", bound("demand")),
        ("Available supply", supply, supply_basis, "stock + new production", supply_bound),
        (
            "Allowed by 50 % rule",
            rule_limit,
            "assumed",
            f"supply × {values['rule_share_pct']:g} %",
        ),
        (
            "US licence ceiling",
            us_limit,
            "assumed",
            f"{values['per_customer_cap']:,.0f} per firm × {values['cleared_firms']:g} firms",
        ),
        ("Approved by Beijing", china_limit, basis("china_approved"), "reported first batch", bound("china_approved")),
        (
            "Could arrive",
            arrive,
            "assumed",
            f"limited by {binding}, × {values['conversion_pct']:g} % conversion",
        ),
        ("Gap", max(demand - arrive, 0.0), "assumed", "demand − could arrive"),
    ]
    rows = [row if len(row) == 5 else (*row, "exact") for row in rows]
    return pd.DataFrame(rows, columns=["label", "value", "basis", "note", "bound"]).astype(
        {"label": "string", "value": "Float64", "basis": "string", "note": "string", "bound": "string"}
    )


def binding_limit(steps: pd.DataFrame) -> str:
    note = str(steps.set_index("label").loc["Could arrive", "note"])
    return note.removeprefix("limited by ").split(",")[0]
