"""Seed loading, validation and tidy frames. Pure Python + pandas: never imports streamlit."""
