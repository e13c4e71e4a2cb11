"""The production ``streamlit run`` command, built from deploy/streamlit.production.toml.

One place decides how a replica is started, so the local cluster, the container and the tests
run the app the same way. Settings become command-line flags because flags beat the project's
.streamlit/config.toml, which keeps the theme.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_TOML = Path(__file__).with_name("streamlit.production.toml")
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
# Plain `streamlit run app.py`: app.py is an st.App entry, so nothing needs settling first.
STREAMLIT_RUN = (sys.executable, "-m", "streamlit", "run")
PER_PROCESS = {"server.address", "server.port", "server.cookieSecret"}


def _flag_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    raise ValueError(f"unsupported production setting value {value!r}: use a string, number or boolean")


def production_flags(path: Path = PRODUCTION_TOML) -> list[str]:
    """``--section.option value`` pairs for every setting in the production TOML file."""
    settings = tomllib.loads(path.read_text(encoding="utf-8"))
    flags: list[str] = []
    for section, options in settings.items():
        for name, value in options.items():
            key = f"{section}.{name}"
            if key in PER_PROCESS:
                raise ValueError(f"{key} is set per process (address, port) or by environment (cookie secret)")
            flags += [f"--{key}", _flag_value(value)]
    return flags


def streamlit_command(port: int, address: str = "127.0.0.1", script: str = "app.py") -> list[str]:
    """The argv that starts one replica on ``address:port`` with the production settings."""
    return [
        *STREAMLIT_RUN,
        script,
        "--server.address",
        address,
        "--server.port",
        str(port),
        *production_flags(),
    ]
