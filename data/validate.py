"""Command line check of seed folders: ``python -m data.validate [PATH ...]`` (default ``seeds``).

Prints every problem as ``file:line: field: message`` and exits 1, or prints one ``OK:`` line.
"""

from __future__ import annotations

import sys

from data.load import load_seeds


def main(argv: list[str] | None = None) -> int:
    paths = (argv if argv is not None else sys.argv[1:]) or ["seeds"]
    failed = False
    for path in paths:
        seeds = load_seeds(path)
        for problem in seeds.problems:
            print(problem)
        if seeds.problems:
            failed = True
        else:
            print(seeds.summary_line())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
