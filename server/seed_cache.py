"""The seeds as the server's routes read them (the feed, the data API), without Streamlit.

Why not ``components.ui.cache``: that cache lives in Streamlit's runtime; the routes answer
outside any script run. The version tag is a fixed hash of every seed file's name, size and
modification time, so every replica computes the same ``ETag`` for the same files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from data.load import SeedData, load_seeds

ROOT = Path(__file__).resolve().parents[1]

_lock = threading.Lock()
_cache: dict[str, tuple[str, SeedData]] = {}
SEED_FOLDERS = ("sources", "reference", "briefings")


@dataclass(frozen=True)
class SeedVersion:
    """Which seed content is served: a tag stable across processes and replicas (for ``ETag``)
    and the newest file's modification time (for ``Last-Modified``)."""

    tag: str
    modified: dt.datetime


def seeds_dir() -> Path:
    """The seed folder: ``H200_SEEDS_DIR`` if set (as the app reads it), else ``seeds/``."""
    return Path(os.environ.get("H200_SEEDS_DIR", ROOT / "seeds"))


def seed_version(root: Path) -> SeedVersion:
    """Every seed file's name, size and modification time, hashed with a fixed hash (the
    loader's fingerprint is salted per process, so two replicas would disagree on it)."""
    items, newest = [], 0
    for folder in SEED_FOLDERS:
        directory = root / folder
        if not directory.is_dir():
            continue
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.endswith((".yaml", ".yml")):
                    stat = entry.stat()
                    items.append(f"{folder}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
                    newest = max(newest, stat.st_mtime_ns)
    tag = hashlib.sha256("\n".join(sorted(items)).encode()).hexdigest()[:32]
    return SeedVersion(tag, dt.datetime.fromtimestamp(newest / 1e9, tz=dt.UTC).replace(microsecond=0))


def current_seeds() -> tuple[SeedData, SeedVersion]:
    """The validated seeds and their version; reloaded when a seed file changes."""
    path = seeds_dir()
    version = seed_version(path)
    with _lock:
        cached = _cache.get(str(path))
        if cached is None or cached[0] != version.tag:
            cached = (version.tag, load_seeds(path))
            _cache[str(path)] = cached
    return cached[1], version
