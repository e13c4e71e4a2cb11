"""H200 China Tracker: the ``st.App`` entry, started with ``streamlit run app.py``.

It serves the Streamlit script ``entry/main.py`` (page config, sign-in, ``st.navigation`` over the
registry; the pages live in ``pages/<name>/``) plus the routes and middleware of ``server/`` (feed,
data API, sign-in gate). The script is kept out of this folder on purpose: Streamlit reads a
``pages/`` folder beside its script as the old multipage mode (see ``entry/main.py``).
"""

from __future__ import annotations

import streamlit as st

from components.ui.router import SCRIPT
from server.middleware import middleware
from server.routes import routes

app = st.App(SCRIPT, routes=routes(), middleware=middleware())

if __name__ == "__main__":
    # Executed as a plain Streamlit script (AppTest.from_file("app.py"), an old launcher): run the
    # same script the st.App serves. `streamlit run app.py` imports this module as "app" instead.
    from components.ui.router import build_navigation

    build_navigation().run()
