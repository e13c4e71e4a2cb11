"""The floor for the load benchmark: a bare Streamlit page holding one Plotly chart, nothing else."""

import plotly.express as px
import streamlit as st

st.plotly_chart(px.bar(x=["a", "b", "c"], y=[1, 3, 2]), key="bare")
