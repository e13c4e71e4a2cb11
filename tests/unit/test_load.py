"""Loader behaviour beyond the fixture files: hostile bytes, limits, partial loading."""

from __future__ import annotations

import time
from pathlib import Path

from data.load import MAX_FILE_BYTES, load_seeds, parse_yaml, seed_fingerprint

VALID_SOURCE = "2026-01-10-wire-alpha.yaml"


def _problems(seeds_dir: Path) -> list[str]:
    return [str(p) for p in load_seeds(seeds_dir).problems]


def test_small_valid_folder_loads_without_problems(small_seeds) -> None:
    assert len(small_seeds.sources) == 2
    assert len(small_seeds.claims) == 6
    assert small_seeds.coverage is not None
    assert small_seeds.summary_line() == "OK: 2 sources, 6 claims, 5 organisations, 1 chips"


def test_binary_file_is_refused_and_rest_loads(seed_dir: Path) -> None:
    (seed_dir / "sources" / "binary.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    seeds = load_seeds(seed_dir)
    assert [str(p) for p in seeds.problems] == [
        "seeds/sources/binary.yaml:1: (file): this is not a text file (it contains NUL bytes)"
    ]
    assert len(seeds.claims) == 6


def test_non_utf8_reports_the_line(seed_dir: Path) -> None:
    (seed_dir / "sources" / "latin1.yaml").write_bytes(b"source:\n  title: caf\xe9\n")
    assert _problems(seed_dir) == [
        "seeds/sources/latin1.yaml:2: (file): not valid UTF-8 text (byte 20); save it as UTF-8"
    ]


def test_bom_is_accepted(seed_dir: Path) -> None:
    path = seed_dir / "sources" / VALID_SOURCE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _problems(seed_dir) == []


def test_oversized_file_is_not_parsed(seed_dir: Path) -> None:
    path = seed_dir / "sources" / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"# padding\n" * (MAX_FILE_BYTES // 10 + 10))
    problems = _problems(seed_dir)
    assert len(problems) == 1
    assert problems[0].startswith("seeds/sources/huge.yaml:1: (file): file is 5.2 MB; seed files may be at most 5 MB")


def test_alias_bomb_is_refused_quickly(seed_dir: Path) -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 12):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(
            f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]"
        )
    (seed_dir / "sources" / "bomb.yaml").write_text("\n".join(lines) + "\n")
    started = time.perf_counter()
    problems = _problems(seed_dir)
    assert time.perf_counter() - started < 5  # a hang would be minutes; this is a sanity bound, not a benchmark
    assert problems == [
        "seeds/sources/bomb.yaml:2: (file): YAML anchors and aliases (&name / *name) are not allowed in seed files"
    ] or problems[0].startswith("seeds/sources/bomb.yaml:2: b[0]: YAML anchors and aliases")


def test_python_tags_are_not_executed(seed_dir: Path) -> None:
    (seed_dir / "sources" / "evil.yaml").write_text("source: !!python/object/apply:os.system ['echo hacked']\n")
    problems = _problems(seed_dir)
    assert (
        len(problems) == 1
        and problems[0]
        == "seeds/sources/evil.yaml:1: source: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in seed files"
    )


def test_bad_claim_does_not_drop_its_neighbours(seed_dir: Path) -> None:
    path = seed_dir / "sources" / VALID_SOURCE
    path.write_text(path.read_text().replace("kind: policy", "kind: gossip"))
    seeds = load_seeds(seed_dir)
    assert len(seeds.problems) == 1
    assert "claims[2].kind (claim a.rule)" in str(seeds.problems[0])
    assert {r.claim.id for r in seeds.claims} >= {"a.orders", "a.batch-vague", "b.cap"}
    assert "a.rule" not in {r.claim.id for r in seeds.claims}


def test_bad_reference_item_is_reported_with_line(seed_dir: Path) -> None:
    path = seed_dir / "reference" / "organisations.yaml"
    path.write_text(path.read_text() + "  - {id: Bad Id, name: X, kind: buyer, country: CN, lane: buyers}\n")
    problems = _problems(seed_dir)
    assert problems[0].startswith("seeds/reference/organisations.yaml:7: organisations[5].id: String should match")


def test_unknown_reference_file_is_reported(seed_dir: Path) -> None:
    (seed_dir / "reference" / "misc.yaml").write_text("x: 1\n")
    assert _problems(seed_dir)[0].startswith("seeds/reference/misc.yaml:1: (file): unknown reference file")


def test_chip_spec_citing_unknown_source(seed_dir: Path) -> None:
    path = seed_dir / "reference" / "chips.yaml"
    path.write_text(
        path.read_text().replace(
            "memory_gb: {value: 141, sources: [2026-01-10-wire-alpha]}", "memory_gb: {value: 141, sources: [nowhere]}"
        )
    )
    assert _problems(seed_dir) == [
        "seeds/reference/chips.yaml:2: chips.h200.specs.memory_gb.sources: unknown source id 'nowhere'"
    ]


def test_missing_folder_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    seeds = load_seeds(tmp_path / "nope")
    assert [p.message for p in seeds.problems] == ["seed folder not found"]


def test_parse_yaml_maps_paths_to_lines() -> None:
    data, lines = parse_yaml("a:\n  b:\n    - x\n    - y: 1\n")
    assert data == {"a": {"b": ["x", {"y": 1}]}}
    assert lines[("a", "b", 1, "y")] == 4
    assert lines[("a", "b", 0)] == 3


def test_fingerprint_changes_with_content(seed_dir: Path) -> None:
    before = seed_fingerprint(seed_dir)
    assert seed_fingerprint(seed_dir) == before
    path = seed_dir / "sources" / VALID_SOURCE
    path.write_text(path.read_text().replace("Alpha wire story", "Alpha wire story, edited"))
    assert seed_fingerprint(seed_dir) != before


def test_loader_never_writes_seed_files(seed_dir: Path) -> None:
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in seed_dir.rglob("*") if p.is_file()}
    load_seeds(seed_dir)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in seed_dir.rglob("*") if p.is_file()}
    assert before == after


def test_fifty_megabyte_file_is_refused_without_reading_it(seed_dir: Path) -> None:
    path = seed_dir / "sources" / "fifty.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    problems = _problems(seed_dir)
    assert time.perf_counter() - started < 5
    assert problems == ["seeds/sources/fifty.yaml:1: (file): file is 52.4 MB; seed files may be at most 5 MB"]
