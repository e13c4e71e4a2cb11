"""A page that fails on purpose: the load benchmark must report it as an error, not a load."""

import streamlit as st

st.write("This page raises before it finishes.")
raise RuntimeError("deliberate failure for the protocol client test")
