"""Every hostile seed file gives its file:line message in the app's banner too, while the
valid files keep rendering, and the app never writes to the seed folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.unit.test_invalid_fixtures import CASES as ALL_CASES
from tests.unit.test_invalid_fixtures import _exact, _expectation

ROOT = Path(__file__).resolve().parents[2]
# The banner lists the first 50 problems; the plain-words cases ("# exact:") are checked one by one
# in tests/unit, so the app test takes the structural ones.
CASES = [case for case in ALL_CASES if not _exact(case)]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_banner_lists_every_hostile_file_and_valid_data_still_renders(tmp_path, monkeypatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid" / "seeds", seeds)
    for case in CASES:
        shutil.copy(case, seeds / "sources" / case.name)
    (seeds / "sources" / "binary.yaml").write_bytes(b"\x00\x01\x02 not yaml")
    before = _snapshot(seeds)
    monkeypatch.setenv("H200_SEEDS_DIR", str(seeds))

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception, [e.value for e in at.exception]
    banner = " ".join(e.value for e in at.error)
    for case in CASES:
        line, field, message = _expectation(case)
        expected = f"seeds/sources/{case.name}:{line}: {field}: "
        assert expected in banner, expected
        assert message in banner, message
    assert "seeds/sources/binary.yaml:1: (file): this is not a text file" in banner
    # the two valid sources still drive the page
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert charts and any(trace.get("y") for chart in charts for trace in chart["data"])
    assert any(m.label == "Chinese orders requested" for m in at.metric)
    assert _snapshot(seeds) == before  # nothing in seeds/ was written
