"""Minutes from an inbox candidate to a saved report that validates, against the same report by
paste: ``python -m bench.draft_inbox`` -> bench/results-draft-inbox.md.

Inputs: the six excerpts of real published articles in tests/fixtures/news_site/real/ (served
on loopback with a feed listing them; the watcher fills an inbox from it), each on a fresh copy
of seeds/.

- **Inbox path, AppTest, measured:** open the Inbox page, press "Accept…", confirm the date,
  untick claims whose metric the drafter could not name (a new metric needs declaring: that is a
  maintainer's job, not this report's), type one summary per kept claim, press Save. The wall
  time of those AppTest runs is the machine part.
- **Paste path, measured:** open Add a report in AppTest, paste the article's text with its
  address, press "Draft from this report" (duplicates, claims and checks render); AppTest cannot
  type into ``st.data_editor``, so the summaries go in through the same functions the page calls
  (``editing.apply_edits``, ``validate_seed_yaml``, ``save_seed_yaml``), timed.
- **The person, modelled the same way for both paths** (AppTest does not type or read): the
  constants below. The paste path adds finding and copying the article and its address.
A report counts as saved when its file is in seeds/sources/ and the loader reports no problem
for it. No YAML is typed by hand on either path.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from components.registry import BY_ID  # noqa: E402
from data.draft import draft_from_text, save_seed_yaml, validate_seed_yaml  # noqa: E402
from data.load import load_seeds  # noqa: E402
from data.watch.config import Feed  # noqa: E402
from data.watch.fetch import SafeFetcher  # noqa: E402
from data.watch.inbox import Inbox  # noqa: E402
from data.watch.run import watch_once  # noqa: E402
from scripts import news_site as server  # noqa: E402

RESULTS = ROOT / "bench" / "results-draft-inbox.md"
APP = str(ROOT / "app.py")
# The dates a person confirms (tests/fixtures/news_site/real/README.md says where each comes from).
DATES = {
    "techloy-customs-block": dt.date(2026, 1, 14),
    "thenews-block-after-approval": dt.date(2026, 1, 14),
    "businesstimes-suppliers-halt": dt.date(2026, 1, 16),
    "up2info-prepare-orders": dt.date(2026, 1, 26),
    "walaw-orders-halted": dt.date(2026, 1, 8),
    "newsaz-suppliers-halt": dt.date(2026, 1, 16),
}
# The person, the same on both paths.
READ_SECONDS_PER_CLAIM = 15  # read the sentence and what was drafted, decide keep or untick
SUMMARY_CHARS = 110  # one sentence in their own words
TYPING_CHARS_PER_MINUTE = 200  # about 40 words a minute
ACTION_SECONDS = 5  # one click, tick or date confirmed
FIND_AND_PASTE_SECONDS = 30  # paste path only: open the article, select, copy, switch tab, paste, copy its address
SUMMARY = "In our words for the benchmark: claim {n} of this report, with its figure and who said it."


@dataclass
class Timing:
    name: str
    claims_kept: int
    claims_left_out: int
    machine_s: float
    human_s: float
    saved: bool
    note: str = ""

    @property
    def minutes(self) -> float:
        return (self.machine_s + self.human_s) / 60


def _human(kept: int, left_out: int, actions: int, extra: float = 0.0) -> float:
    typing = kept * SUMMARY_CHARS / TYPING_CHARS_PER_MINUTE * 60
    return (kept + left_out) * READ_SECONDS_PER_CLAIM + typing + (actions + left_out) * ACTION_SECONDS + extra


def _valid(seeds: Path, before: set[str]) -> bool:
    added = {p.name for p in (seeds / "sources").iterdir()} - before
    if len(added) != 1:
        return False
    return not [p for p in load_seeds(seeds).problems if Path(p.file).name in added]


def _world(base: Path, name: str) -> Path:
    target = base / name
    shutil.copytree(base / "template", target)
    os.environ["H200_SEEDS_DIR"] = str(target / "seeds")
    os.environ.pop("H200_INBOX_DIR", None)
    os.environ["H200_EDITING"] = "1"  # saving needs editing on (a temporary copy of the seeds)
    return target


def inbox_path(world: Path, candidate: dict, stem: str) -> Timing:
    seeds = world / "seeds"
    before = {p.name for p in (seeds / "sources").iterdir()}
    ident = candidate["id"]
    started = time.perf_counter()
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(BY_ID["inbox"].path).run()
    next(b for b in at.button if b.key == f"inbox-accept-{ident}").click().run()
    at.date_input(key=f"inbox-published-{ident}").set_value(DATES[stem])
    draft = at.session_state[f"inbox-draft-{ident}"]
    kept = left_out = 0
    for n, claim in enumerate(draft.claims, start=1):
        if claim.figure is not None and (claim.metric or "").startswith("to-confirm"):
            at.checkbox(key=f"inbox-keep-{ident}-{claim.id}").uncheck()
            left_out += 1
        else:
            at.text_area(key=f"inbox-sum-{ident}-{claim.id}").set_value(SUMMARY.format(n=n))
            kept += 1
    next(b for b in at.button if b.label == "Save into seeds/").click().run()
    machine = time.perf_counter() - started
    errors = " ".join(e.value for e in at.error)
    saved = _valid(seeds, before)
    note = "" if saved else f"not saved: {errors[:160]}"
    return Timing(stem, kept, left_out, machine, _human(kept, left_out, actions=3), saved, note)


def paste_path(world: Path, page_text: str, url: str, stem: str) -> Timing:
    seeds = world / "seeds"
    before = {p.name for p in (seeds / "sources").iterdir()}
    from pages.add_report import editing  # the page's own table <-> draft functions

    started = time.perf_counter()
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(BY_ID["add_report"].path).run()
    at.text_area(key="ar_text").set_value(page_text)
    at.text_input(key="ar_url").set_value(url)
    next(b for b in at.button if b.label == "Draft from this report").click().run()
    draft = at.session_state["ar_draft"]
    frame = at.session_state["ar_claims_base"].copy()
    kept = left_out = 0
    for index, claim in enumerate(draft.claims):
        if claim.figure is not None and (claim.metric or "").startswith("to-confirm"):
            frame.loc[index, "keep"] = False
            left_out += 1
        else:
            frame.loc[index, "summary"] = SUMMARY.format(n=index + 1)
            kept += 1
    fields = {**draft.source, "published": DATES[stem]}
    fields["id"] = editing.renamed_id(str(draft.source["id"]), str(draft.source["published"]), DATES[stem])
    edited = editing.apply_edits(draft, frame, fields)
    text = edited.to_seed_yaml(editing.summaries(edited), added=dt.date.today())
    problems = validate_seed_yaml(text, seeds)
    if not problems:
        save_seed_yaml(text, seeds)
    machine = time.perf_counter() - started
    saved = _valid(seeds, before)
    note = "" if saved else f"not saved: {'; '.join(problems)[:160]}"
    return Timing(stem, kept, left_out, machine, _human(kept, left_out, 3, FIND_AND_PASTE_SECONDS), saved, note)


def main() -> int:
    site = server.start()
    rows: list[tuple[Timing, Timing]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-inbox-") as tmp:
            base = Path(tmp)
            shutil.copytree(ROOT / "seeds", base / "template" / "seeds")
            fetcher = SafeFetcher(allow_hosts=frozenset({"127.0.0.1"}), timeout=5, deadline=20, min_interval=0)
            feed = Feed(id="real-excerpts", name="Real excerpts", url=site.base + "/feeds/real.xml")
            watch_once([feed], base / "template" / "inbox", base / "template" / "seeds", fetcher, log=lambda _l: None)
            candidates = Inbox(base / "template" / "inbox").candidates()
            for candidate in sorted(candidates, key=lambda c: c["url"]):
                stem = candidate["url"].rsplit("/", 1)[-1].removesuffix(".html")
                by_inbox = inbox_path(_world(base, f"inbox-{stem}"), candidate, stem)
                page = draft_from_text(
                    (ROOT / "tests/fixtures/news_site/real" / f"{stem}.html").read_text(),
                    base / "template" / "seeds",
                )
                pasted_text = f"{page.source['title']}\n\n{page.text}"  # what a person copies from the browser
                by_paste = paste_path(_world(base, f"paste-{stem}"), pasted_text, candidate["url"], stem)
                rows.append((by_inbox, by_paste))
                print(f"{stem}: inbox {by_inbox.minutes:.2f} min, paste {by_paste.minutes:.2f} min", flush=True)
    finally:
        server.stop(site)
    write(rows)
    return 0 if all(a.saved and b.saved for a, b in rows) else 1


def write(rows: list[tuple[Timing, Timing]]) -> None:
    def cell(t: Timing) -> str:
        return (
            f"{t.minutes:.2f} ({t.machine_s:.1f} s machine + {t.human_s:.0f} s person){'' if t.saved else ' NOT SAVED'}"
        )

    lines = [
        f"# From inbox candidate to saved report, against paste ({dt.date.today()}, Python {platform.python_version()})",
        "",
        "Run `python -m bench.draft_inbox`. Six excerpts of real published articles",
        "(tests/fixtures/news_site/real/README.md), each on a fresh copy of seeds/. Machine time is",
        "measured: the Inbox path drives the real page in AppTest (open, Accept…, date, summaries, Save);",
        "the paste path drives Add a report in AppTest up to the draft, then the page's own",
        "functions for the summaries, check and save (AppTest cannot type into st.data_editor).",
        "The person's time is a model, the same for both paths: "
        f"{READ_SECONDS_PER_CLAIM} s to read each drafted claim, {SUMMARY_CHARS} characters of summary per kept claim "
        f"at {TYPING_CHARS_PER_MINUTE} characters a minute, {ACTION_SECONDS} s per click, tick or date confirmed; "
        f"the paste path adds {FIND_AND_PASTE_SECONDS} s to find, copy and paste the article and its address.",
        "Claims whose metric the drafter could not name are left out (declaring a metric is a maintainer's",
        "job); the table counts them. YAML typed by hand: none on either path.",
        "",
        "| article | claims kept / left out | inbox: minutes | paste: minutes | saved and valid |",
        "|---|---|---|---|---|",
    ]
    for by_inbox, by_paste in rows:
        saved = (
            "both"
            if by_inbox.saved and by_paste.saved
            else "inbox"
            if by_inbox.saved
            else "paste"
            if by_paste.saved
            else "neither"
        )
        lines.append(
            f"| {by_inbox.name} | {by_inbox.claims_kept} / {by_inbox.claims_left_out} | {cell(by_inbox)} | "
            f"{cell(by_paste)} | {saved} |"
        )
    if rows:
        mean_inbox = sum(a.minutes for a, _ in rows) / len(rows)
        mean_paste = sum(b.minutes for _, b in rows) / len(rows)
        worst = max(a.minutes for a, _ in rows)
        lines += [
            f"| **mean** | | **{mean_inbox:.2f}** (worst {worst:.2f}) | **{mean_paste:.2f}** | "
            f"{sum(a.saved for a, _ in rows)}/{len(rows)} inbox, {sum(b.saved for _, b in rows)}/{len(rows)} paste |",
        ]
        under = sum(a.minutes < 2 for a, _ in rows)
        lines += [
            "",
            f"Under the 2-minute target on the inbox path: **{under} of {len(rows)}**. The machine part is a few",
            "seconds on either path; the person's part is nearly all of it, and grows with the number of claims",
            "(a summary each). The inbox saves the finding and pasting, and leaves only reading and writing",
            "summaries. Not measured here: the time to *find* the article at all (the watcher's real gain), and",
            "the time to fix a wrong guess (kind, metric) in Add a report, which these six did not need once the",
            "claims with an unknown metric were left out.",
        ]
    notes = [f"- {t.name} ({path}): {t.note}" for a, b in rows for path, t in (("inbox", a), ("paste", b)) if t.note]
    lines += ["", *notes] if notes else []
    RESULTS.write_text("\n".join(lines) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    sys.exit(main())
