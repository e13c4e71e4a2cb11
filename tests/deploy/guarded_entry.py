"""Test entry: ``st.App`` serving tests/deploy/tiny_page.py, with the project's middleware unless
``H200_TEST_NO_MIDDLEWARE=1`` (the "before" side of tests/deploy/test_external_ip_stall.py)."""

import os
from pathlib import Path

import streamlit as st

from server.middleware import middleware

app = st.App(
    str(Path(__file__).with_name("tiny_page.py")),
    middleware=[] if os.environ.get("H200_TEST_NO_MIDDLEWARE") == "1" else middleware(),
)
