""" "Use this data": the data API's address for the view on screen, with ready snippets.

Why: a notebook or a spreadsheet should not need a browser session and a download button
(Our World in Data shows the same beside each chart). The address carries the page's own link
parameters, so it returns the table the page's filtered download gives. Shown with ``st.code``
(plain text, never HTML).
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from components.registry import PageSpec
from components.state import build_query


def api_urls(root: str, page: PageSpec, params: dict[str, object]) -> dict[str, str] | None:
    """The CSV, JSON and feed addresses for a view, or None for a page without data tables."""
    from server.page_tables import BUILDERS, VIEW_TABLE  # the API's own list, so the two cannot drift

    if page.page_id not in BUILDERS:
        return None
    query = build_query({**params, **({"table": VIEW_TABLE[page.url_path]} if page.url_path in VIEW_TABLE else {})})
    suffix = f"?{query}" if query else ""
    return {
        "csv": f"{root}/api/v1/{page.url_path}.csv{suffix}",
        "json": f"{root}/api/v1/{page.url_path}.json{suffix}",
        "feed": f"{root}/feed.atom?{urlencode({'page': page.url_path})}",
    }


def snippets(urls: dict[str, str]) -> dict[str, str]:
    """pandas and spreadsheet code that reads the view's table."""
    spreadsheet_url = urls["csv"].replace('"', "%22")
    return {
        "pandas": f'import pandas as pd\n\ntable = pd.read_csv("{urls["csv"]}")',
        "spreadsheet": f'=IMPORTDATA("{spreadsheet_url}")',
    }


def render_use_data(root: str, page: PageSpec, params: dict[str, object]) -> None:
    """The sidebar panel: the view's table address, pandas and spreadsheet snippets, the feed."""
    urls = api_urls(root, page, params)
    if urls is None:
        return
    code = snippets(urls)
    with st.sidebar.expander("Use this data", icon=":material/data_object:"):
        st.caption("This view's table as CSV (the same as the filtered download), pinned to its as-of date:")
        st.code(urls["csv"], language=None, wrap_lines=True)
        st.caption("In pandas:")
        st.code(code["pandas"], language="python", wrap_lines=True)
        st.caption("In Google Sheets (Excel: Data › From Web with the same address):")
        st.code(code["spreadsheet"], language=None, wrap_lines=True)
        st.caption("Every table of the view, typed, as JSON:")
        st.code(urls["json"], language=None, wrap_lines=True)
        st.caption("Follow what changes here in a feed reader:")
        st.code(urls["feed"], language=None, wrap_lines=True)
        st.caption(
            "When sign-in is on, add `&token=` and a read token from your administrator "
            "(or send it as `Authorization: Bearer …`)."
        )
