"""Notices for link values that are not among a control's options (a buyer, a scenario input,
a period, an actor, a conflict that does not exist), as bad dates already get.

Streamlit drops an invalid value of a bound widget silently and reruns without it, so the
notice is kept in session state for the page and shown on the following runs too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from components.state import ParamSpec, parse_number, read_params

_KEY = "_option_notices"


def _choice(options: Sequence[str]) -> Callable[[str], str]:
    allowed = set(options)

    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError("not one of the choices on this page")
        return text

    return parse


def _show(page_id: str, name: str, notices: list[str]) -> None:
    kept: dict[tuple[str, str], list[str]] = st.session_state.setdefault(_KEY, {})
    if notices:
        kept[(page_id, name)] = notices
    for notice in kept.get((page_id, name), []):
        st.info(notice, icon=":material/link_off:")


def check_link_options(
    page_id: str, name: str, options: Sequence[str], *, multi: bool = False, describe: str = ""
) -> None:
    """Show a notice for each value of ``name`` in the link that is not one of ``options``."""
    raw = {name: st.query_params.get_all(name)}
    spec = ParamSpec(name, _choice(options), multi=multi, describe=describe)
    _show(page_id, name, read_params(raw, [spec]).notices)


def check_link_number(page_id: str, name: str, low: float, high: float, *, describe: str = "") -> None:
    """Show a notice when the link's ``name`` is not a number between ``low`` and ``high``."""
    raw = {name: st.query_params.get_all(name)}
    _show(page_id, name, read_params(raw, [ParamSpec(name, parse_number(low, high), describe=describe)]).notices)
