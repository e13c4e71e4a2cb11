"""H200 China Tracker: the router. Page config and navigation only; the pages live in views/."""

import os

import streamlit as st

from components.auth import require_sign_in
from components.registry import PAGES
from components.ui import is_presenting, timed_run

present = is_presenting()
st.set_page_config(
    page_title="H200 China Tracker",
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="collapsed" if present else "expanded",
    menu_items={"About": "H200 China Tracker: Nvidia H200 sales into China, every number traced to its source."},
)
require_sign_in()  # does nothing unless the secrets hold an [auth] section
pages = [st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default) for p in PAGES]
if os.environ.get("H200_BENCH_BASELINE") == "1":  # only `make bench` serves the baseline page
    pages.append(st.Page("bench/baseline_page.py", title="Baseline", url_path="bench-baseline", visibility="hidden"))
navigation = st.navigation(pages, position="sidebar")
with timed_run():  # records the script's run time only when the benchmarks ask for it
    navigation.run()
