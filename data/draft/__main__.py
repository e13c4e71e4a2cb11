"""``python -m data.draft FILE [--json] [--seeds DIR]``: draft a seed file from one report."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from data.draft import DraftError, draft_from_file
from data.draft.render import readable
from data.load import load_seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.draft", description=__doc__)
    parser.add_argument("file", help="a .txt file or a saved .html page")
    parser.add_argument("--json", action="store_true", help="print the draft as JSON")
    parser.add_argument("--seeds", default="seeds", help="seed folder to compare with (default: seeds)")
    args = parser.parse_args(argv)
    path = Path(args.file)
    seeds = load_seeds(args.seeds)
    try:
        draft = draft_from_file(path, path.name, seeds)
    except DraftError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(draft.to_json(), indent=2, ensure_ascii=False))
    else:
        print(readable(draft))
        print("\n--- seed file draft (summaries empty: write them before saving) ---")
        print(draft.to_seed_yaml(added=dt.date.today()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
