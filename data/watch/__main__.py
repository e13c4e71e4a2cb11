"""``python -m data.watch --once [--feed URL ...] [--inbox DIR] [--seeds DIR]``: fill the inbox once.

Without ``--feed``, the feeds come from ``<seeds>/reference/feeds.yaml``. Exit code 0 when the
run finished (items may still have been refused or skipped: see the lines printed), 1 when every
feed failed, 2 for bad arguments or settings.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from data.watch.config import Feed, check_inbox_location, default_inbox, load_feeds
from data.watch.fetch import SafeFetcher
from data.watch.run import watch_once


def _feed_from_url(url: str) -> Feed:
    return Feed(id="cli-" + hashlib.sha256(url.encode()).hexdigest()[:10], name=url[:120], url=url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.watch", description=__doc__)
    parser.add_argument("--once", action="store_true", required=True, help="one pass over the feeds, then exit")
    parser.add_argument("--feed", action="append", default=[], metavar="URL", help="a feed URL (repeatable)")
    parser.add_argument("--seeds", default="seeds", help="the seed folder to compare with (default: seeds)")
    parser.add_argument("--inbox", default=None, help="inbox folder (default: $H200_INBOX_DIR or inbox/ beside seeds)")
    parser.add_argument("--min-interval", type=float, default=1.0, help="seconds between requests to one host")
    args = parser.parse_args(argv)
    seeds_dir = Path(args.seeds)
    inbox = Path(args.inbox) if args.inbox else default_inbox(seeds_dir)
    try:
        check_inbox_location(inbox, seeds_dir)
        feeds = [_feed_from_url(url) for url in args.feed] if args.feed else load_feeds(seeds_dir)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not feeds:
        print("error: no feeds: pass --feed URL or list feeds in seeds/reference/feeds.yaml", file=sys.stderr)
        return 2
    report = watch_once(feeds, inbox, seeds_dir, SafeFetcher(min_interval=args.min_interval))
    return 1 if len(report.feed_problems) == len(feeds) else 0


if __name__ == "__main__":
    sys.exit(main())
