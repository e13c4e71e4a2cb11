"""Command line check of seed folders: ``python -m data.validate [--strict] [PATH ...]`` (default ``seeds``).

Prints every problem as ``file:line: field: message``, then every warning as
``warning: file:line: field: message``, then one summary line. Problems fail the exit code;
warnings fail it only with ``--strict``.
"""

from __future__ import annotations

import argparse
import sys

from data.load import load_seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.validate", description="Check seed folders.")
    parser.add_argument("paths", nargs="*", default=["seeds"], help="seed folders (default: seeds)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    failed = False
    for path in args.paths or ["seeds"]:
        seeds = load_seeds(path)
        for problem in seeds.problems:
            print(problem)
        for warning in seeds.warnings:
            print(f"warning: {warning}")
        counts = f"{len(seeds.problems)} problems, {len(seeds.warnings)} warnings"
        if seeds.problems:
            print(f"FAILED: {path}: {counts}")
        else:
            print(seeds.summary_line() + (f" ({len(seeds.warnings)} warnings)" if seeds.warnings else ""))
        failed = failed or bool(seeds.problems) or (args.strict and bool(seeds.warnings))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
