"""The Streamlit script of the app: page config, sign-in and ``st.navigation`` over the registry.

``app.py`` (the ``st.App`` entry) points Streamlit here. It lives in its own folder because
Streamlit treats a ``pages/`` folder beside the *script* as its old multipage mode, decided at the
first session: beside ``app.py`` that made a cold deep link show "Page not found" once. Here no
``pages/`` is beside the script, so the router's ``st.navigation`` owns every URL from the start.
"""

from components.ui.router import build_navigation

build_navigation().run()
