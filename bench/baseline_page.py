"""Benchmark baseline: the floor Streamlit itself sets, one px.bar chart and nothing else."""

import plotly.express as px
import streamlit as st

st.plotly_chart(px.bar(x=["a", "b", "c"], y=[1, 3, 2]), key="baseline")
