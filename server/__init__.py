"""The HTTP side of the app beside Streamlit's own: routes (feed, data API) and middleware (the
sign-in gate), mounted by the ``st.App`` entry in ``app.py``."""
