"""H200 China Tracker: the router. Page config, theme and navigation only; pages live in pages/."""

import streamlit as st

from components.registry import PAGES
from components.ui import is_presenting

present = is_presenting()
st.set_page_config(
    page_title="H200 China Tracker",
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="collapsed" if present else "expanded",
    menu_items={"About": "H200 China Tracker: Nvidia H200 sales into China, every number traced to its source."},
)
navigation = st.navigation(
    [st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default) for p in PAGES],
    position="sidebar",
)
navigation.run()
