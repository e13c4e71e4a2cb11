"""Supply-versus-demand page helpers: the scenario's inputs (sliders with cited defaults) and
where each default comes from; the figures and the gap chart are in ``view.py``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import ui
from components.labels import UNITS, column_label, label
from components.ui.links import follow_default
from data.scenario import FORMULA, defaults_at, missing_inputs

STEP_NAME_PX = 13  # the scenario's step names on a phone: readable, as the values beside the bars
# On a phone every chart's y tick text is set to 10 px (NARROW_SCREEN_CSS: the figures chart's
# three-line "figure · source · value" names need it). The scenario's step names are short
# ("Demand", "Could arrive"), and at 10 px too small to read: they keep a readable size.
STEP_NAMES_CSS = f"""<style>
@media (max-width: 700px) {{
  .st-key-scenario-gap .ytick text {{ font-size: {STEP_NAME_PX}px !important; }}
}}
</style>"""


def render_scenario_inputs(ctx: ui.PageContext) -> bool:
    """Sliders with cited defaults and the formula in words; False when no defaults are loaded."""
    parameters = ctx.seeds.scenarios
    if not parameters:
        st.warning("No scenario defaults are loaded (seeds/reference/scenarios.yaml); the scenario is unavailable.")
        return False
    missing = missing_inputs(parameters)
    if missing:
        st.warning(
            "The scenario is unavailable: seeds/reference/scenarios.yaml has no valid input "
            + ", ".join(f"`{name}`" for name in missing)
            + " (see the problems listed above)."
        )
        return False
    readings = defaults_at(parameters, ctx.seeds, ctx.as_of)
    defaults = {key: reading.value for key, reading in readings.items()}
    st.markdown(FORMULA)
    columns = st.columns(4)
    values = {}
    for index, parameter in enumerate(parameters.values()):
        key = f"s_{parameter.id}"
        follow_default(key, defaults[parameter.id])
        st.session_state.setdefault(key, defaults[parameter.id])
        values[parameter.id] = columns[index % 4].slider(
            parameter.label,
            min_value=float(parameter.min),
            max_value=float(parameter.max),
            step=float(parameter.step),
            key=key,
            help=f"Default {defaults[parameter.id]:,g} {label(parameter.unit, UNITS)}: {readings[parameter.id].basis}",
            format="%,.0f" if parameter.unit != "percent" else "%.0f%%",
        )
    changed = [parameters[k].label for k, v in values.items() if float(v) != float(defaults[k])]
    st.caption(
        "All inputs at their cited defaults." if not changed else "Your assumptions: " + "; ".join(changed) + "."
    )
    return True


def render_scenario_sources(ctx: ui.PageContext) -> None:
    """Where each default comes from, on this date."""
    parameters = ctx.seeds.scenarios
    readings = defaults_at(parameters, ctx.seeds, ctx.as_of)
    with st.expander("Where each default comes from"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Input": p.label,
                        "Default on this date": f"{readings[p.id].value:,g}",
                        "Unit": label(p.unit, UNITS),
                        "Why this default": readings[p.id].basis,
                        column_label("source_ids"): "; ".join(readings[p.id].sources),
                    }
                    for p in parameters.values()
                ]
            ),
            hide_index=True,
            key="scenario-defaults",
        )
