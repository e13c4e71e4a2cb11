"""Test page: one line of text, so a replica's event loop is all that is measured."""

import streamlit as st

st.write("tiny page")
