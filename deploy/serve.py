"""Container entry point: ``python -m deploy.serve [--address 0.0.0.0] [--port 8501]``.

Replaces itself with one production Streamlit process (exec, so the container's signals reach
Streamlit directly and it is PID 1's only child).
"""

from __future__ import annotations

import argparse
import os

from deploy.production import COOKIE_SECRET_ENV, ROOT, streamlit_command


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--address", default=os.environ.get("H200_ADDRESS", "0.0.0.0"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("H200_PORT", "8501")))
    args = parser.parse_args(argv)
    if not os.environ.get(COOKIE_SECRET_ENV):
        print(f"warning: {COOKIE_SECRET_ENV} is unset; replicas will not share signed cookies", flush=True)
    command = streamlit_command(args.port, args.address)
    os.chdir(ROOT)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
