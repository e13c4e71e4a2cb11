"""Test entry point: the app with one page (named by H200_TEST_PAGE) as its landing page, so
AppTest can open that page on its very first run, with a link's parameters, like a fresh visitor."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from components.registry import BY_ID  # noqa: E402

page = BY_ID[os.environ["H200_TEST_PAGE"]]
st.set_page_config(layout="wide")
st.navigation([st.Page(str(ROOT / page.path), title=page.title, url_path=page.url_path, default=True)]).run()
