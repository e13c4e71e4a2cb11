"""Test entry point: a page that fails with a message and a traceback nobody should see."""

import streamlit as st

st.title("Raising page")
raise ValueError("internal detail /srv/secret/path.yaml")
