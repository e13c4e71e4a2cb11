"""Start the app: ``python scripts/serve.py [streamlit run options]`` (what `make run`, the tests,
the benchmarks and the deployment use).

It is ``streamlit run app.py`` with one difference. Streamlit decides at the first session whether
a ``pages/`` folder beside the entry script means its old multipage mode; our ``pages/`` holds one
folder per page, which the router registers with ``st.navigation``. Plain ``streamlit run`` on a
cold server therefore shows a "Page not found" notice once, when the very first visitor opens a
deep link (``/buyers``), before the router takes over. Deciding "no old mode" before the server
starts removes that notice; ``tests/browser/test_cold_start.py`` guards it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> None:
    PagesManager.uses_pages_directory = False  # the router's st.navigation owns pages/
    script = argv[0] if argv and argv[0].endswith(".py") else str(ROOT / "app.py")
    options = argv[1:] if argv and argv[0].endswith(".py") else argv
    sys.argv = ["streamlit", "run", script, *options]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
