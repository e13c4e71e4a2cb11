"""The watcher's settings: ``seeds/reference/feeds.yaml`` (which feeds to read) and the folders.

Kept free of feedparser and httpx so ``data.load`` can validate the feeds file (``make validate``
then reports a bad feed entry like any other seed problem) without importing the watcher.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from data.yaml_reader import YamlProblem, field_name, line_for, read_yaml

INBOX_ENV = "H200_INBOX_DIR"
FEEDS_FILE = Path("reference") / "feeds.yaml"


class Feed(BaseModel):
    """One RSS or Atom feed the watcher reads."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60, description="stable id, used in candidates")
    name: str = Field(min_length=2, max_length=120, description="the feed's name as people read it")
    url: str = Field(pattern=r"^https?://\S+$", max_length=2000, description="the feed's http(s) address")
    enabled: bool = Field(True, description="false keeps the entry but skips the feed")
    max_items: int = Field(30, ge=1, le=200, description="newest items read per run")


class FeedsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feeds: list[Feed] = Field(default_factory=list)


def feed_problems(path: Path) -> list[tuple[int, str, str]]:
    """(line, field, message) for everything wrong in a feeds file; [] when it is fine."""
    try:
        data, lines, _ = read_yaml(path)
    except YamlProblem as problem:
        return [(problem.line, problem.field, problem.message)]
    except OSError as error:
        return [(1, "(file)", f"cannot read the file: {error.strerror}")]
    try:
        parsed = FeedsFile.model_validate(data if data is not None else {})
    except ValidationError as error:
        return [
            (line_for(lines, tuple(e["loc"])), field_name(e["loc"]), e["msg"].removeprefix("Value error, "))
            for e in error.errors()
        ]
    seen: set[str] = set()
    out = []
    for index, feed in enumerate(parsed.feeds):
        if feed.id in seen:
            out.append(
                (line_for(lines, ("feeds", index, "id")), f"feeds[{index}].id", f"duplicate feed id '{feed.id}'")
            )
        seen.add(feed.id)
    return out


def load_feeds(seeds_dir: Path) -> list[Feed]:
    """The enabled feeds from ``<seeds>/reference/feeds.yaml``; none when the file is absent.

    Raises ``ValueError`` with every problem, so a broken feeds file stops the run loudly.
    """
    path = Path(seeds_dir) / FEEDS_FILE
    if not path.exists():
        return []
    problems = feed_problems(path)
    if problems:
        raise ValueError("; ".join(f"{path}:{line}: {field}: {message}" for line, field, message in problems))
    data, _, _ = read_yaml(path)
    return [feed for feed in FeedsFile.model_validate(data or {}).feeds if feed.enabled]


def default_inbox(seeds_dir: Path) -> Path:
    """``H200_INBOX_DIR`` if set, else ``inbox/`` beside the seeds folder (never inside it)."""
    configured = os.environ.get(INBOX_ENV)
    return Path(configured) if configured else Path(seeds_dir).resolve().parent / "inbox"


def check_inbox_location(inbox: Path, seeds_dir: Path) -> None:
    """Refuse an inbox inside the seeds folder: candidates must never be read as seeds."""
    inbox_r, seeds_r = Path(inbox).resolve(), Path(seeds_dir).resolve()
    if inbox_r == seeds_r or seeds_r in inbox_r.parents:
        raise ValueError(f"the inbox {inbox} is inside the seeds folder {seeds_dir}; put it beside it")
