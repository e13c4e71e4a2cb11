"""The hashed lock files agree with the human-edited requirements and are what the Makefile and the
container install.

requirements*.txt are the inputs people edit; `make lock` resolves them into requirements*.lock
(every package, pinned, with hashes). A pin added to requirements.txt without `make lock` would
be silently missing from every install, so this fails until the locks are regenerated.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\#]+)")


def _name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw).lower()


def inputs(path: Path) -> dict[str, str]:
    """name -> version for every requirement line of a requirements*.txt (``-r`` lines skipped)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        match = _PIN.match(line)
        assert match, f"{path.name}: {line!r} is not pinned with =="
        out[_name(match[1])] = match[2]
    return out


def lock(path: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) for a pip-compile --generate-hashes file."""
    out: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _PIN.match(line):
            current = _name(match[1])
            out[current] = (match[2], [])
        elif line.strip().startswith("--hash=sha256:") and current:
            out[current][1].append(line.strip().removeprefix("--hash=sha256:").rstrip(" \\"))
        elif line.strip() and not line.startswith(("#", " ")):
            raise AssertionError(f"{path.name}: unexpected line {line!r}")
    return out


RUNTIME = lock(ROOT / "requirements.lock")
DEV = lock(ROOT / "requirements-dev.lock")
PIP = lock(ROOT / "requirements-pip.lock")


def test_every_locked_package_has_hashes() -> None:
    for locked in (RUNTIME, DEV, PIP):
        assert locked, "empty lock file"
        assert [name for name, (_, hashes) in locked.items() if not hashes] == []
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for _, hashes in locked.values() for h in hashes)


def test_the_locks_hold_every_pin_of_the_inputs() -> None:
    runtime_in = inputs(ROOT / "requirements.txt")
    dev_in = inputs(ROOT / "requirements-dev.txt")
    stale = [f"{n}=={v}" for n, v in runtime_in.items() if RUNTIME.get(n, ("",))[0] != v]
    stale += [f"{n}=={v} (dev)" for n, v in {**runtime_in, **dev_in}.items() if DEV.get(n, ("",))[0] != v]
    assert stale == [], f"run `make lock`: the lock files lack {stale}"


def test_the_runtime_lock_is_the_dev_lock_minus_the_dev_tools() -> None:
    """Same versions in both, so `make test` tests exactly what `make run` and the image install."""
    assert {n: v for n, (v, _) in RUNTIME.items() if DEV.get(n, ("",))[0] != v} == {}


def test_the_drafter_cleaner_is_pinned() -> None:
    """trafilatura imports lxml_html_clean; lxml 6 no longer brings it along (issue 21)."""
    assert "lxml-html-clean" in RUNTIME


def test_every_install_requires_the_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() + dockerfile.splitlines() if "pip install" in line]
    assert len(installs) >= 3, installs
    assert all("--require-hashes -r requirements" in line and ".lock" in line for line in installs), installs


def test_the_installing_pip_is_pinned_and_goes_first() -> None:
    """The venv's bundled pip fails the hashed install when lxml is newer upstream than its pin."""
    assert inputs(ROOT / "requirements-pip.txt") == {"pip": PIP["pip"][0]}
    assert PIP["pip"][0] == DEV["pip"][0], "requirements-pip.txt and the dev lock disagree on pip"
    for path in (ROOT / "Makefile", ROOT / "deploy" / "Dockerfile"):
        text = path.read_text(encoding="utf-8")
        assert -1 < text.find("-r requirements-pip.lock") < text.find("-r requirements.lock"), path.name
