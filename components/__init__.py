"""Figures (pure), theme, page registry, URL-state codec and the shared Streamlit widgets."""
