"""Shared fixtures: the real seeds, a scratch copy of the small valid seed folder."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from data.load import SeedData, load_seeds  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"

# Sign-in settings for AppTests (``at.secrets``): an OpenID Connect client nobody can reach, one
# allowed domain and one editor. The real round trip is tests/browser/test_signin.py.
SIGN_IN_SECRETS = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "test-only-cookie-secret-0123456789abcdef",
        "client_id": "h200-tracker",
        "client_secret": "test-only-client-secret",
        "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration",
    },
    "access": {"allowed_domains": ["example.com"], "editors": ["ana@example.com"]},
}


@pytest.fixture(scope="session")
def real_seeds() -> SeedData:
    return load_seeds(ROOT / "seeds")


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/valid/seeds."""
    target = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "valid" / "seeds", target)
    return target


@pytest.fixture
def small_seeds(seed_dir: Path) -> SeedData:
    seeds = load_seeds(seed_dir)
    assert seeds.problems == []
    return seeds


def forget_added_dates(seeds: Path) -> None:
    """A scratch archive as if each report had been added on its publication day (undated pages read
    and added at the end of the data, 30 Jun 2026): the real seeds were all added in the same week, which would
    put every one of them in "What's new" and make date windows depend on today's date."""
    import re

    for path in (seeds / "sources").glob("*.yaml"):
        text = re.sub(r"(?m)^  added: .*\n", "", path.read_text())
        if re.search(r"(?m)^  undated: true", text):
            text = re.sub(r"(?m)^(  undated: true\n)", r"\1  added: 2026-06-30\n", text, count=1)
            text = re.sub(r"(?m)^  accessed: .*$", "  accessed: 2026-06-30", text, count=1)
        path.write_text(text)


def copy_archive(folder: Path, *reports: str, as_published: bool = False) -> Path:
    """The real seeds copied to ``folder`` with ``reports`` (seed-file texts) added, each as
    ``sources/<its id>.yaml``; ``as_published``: every report added on its publication day."""
    shutil.copytree(ROOT / "seeds", folder)
    if as_published:
        forget_added_dates(folder)
    for text in reports:
        source_id = text.split("id: ", 1)[1].split("\n", 1)[0].strip()
        (folder / "sources" / f"{source_id}.yaml").write_text(text)
    return folder


def scratch_archive(folder: Path, *reports: str, as_published: bool = False) -> SeedData:
    """``copy_archive`` loaded, with no problem allowed (a test report that does not load is a bug)."""
    loaded = load_seeds(copy_archive(folder, *reports, as_published=as_published))
    assert not loaded.problems, loaded.problems
    return loaded


def newest_report_day(seeds: Path) -> dt.date:
    """The newest report's date in a seeds folder (the default as-of date of every page)."""
    from data.frames import latest_report_date

    return latest_report_date(load_seeds(seeds)) or dt.date.today()


def day_after_newest(seeds: Path) -> str:
    """A date for a report a test adds so that it is the newest one, whatever the archive holds
    (never after today: the loader refuses reports from the future)."""
    return min(newest_report_day(seeds) + dt.timedelta(days=1), dt.date.today()).isoformat()
