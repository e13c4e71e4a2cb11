"""Grow a seed folder N-fold: every source file copied N-1 extra times under new ids.

Why: the growth benchmark needs archives the size the tracker will reach (thousands of reports)
that still load with zero problems, so what is measured is the app's cost, not error handling.
Copy k of ``<id>.yaml`` is ``<id>-x<k>.yaml``: its source id and every claim id get the suffix
``-x<k>``, and so does every claim it points to (``contradicts`` / ``supersedes``), so each copy
is a consistent world of its own linked within itself. Reference files and briefings are
copied unchanged: they point at the original source ids, which stay in place.

``python -m bench.archive SEEDS DEST --factor 17`` writes one archive.
"""

from __future__ import annotations

import argparse
import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Safe dumper that never writes anchors or aliases (the loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


@dataclass(frozen=True)
class ArchiveInfo:
    """What was written: the folder and how many source files and claims it holds."""

    root: Path
    factor: int
    sources: int
    claims: int


def suffix(ident: str, k: int) -> str:
    return f"{ident}-x{k}"


def renamed(document: dict[str, Any], k: int) -> dict[str, Any]:
    """Copy ``k`` of one parsed source file, every id and internal reference renamed."""
    out = copy.deepcopy(document)
    out["source"]["id"] = suffix(out["source"]["id"], k)
    for claim in out.get("claims") or []:
        claim["id"] = suffix(claim["id"], k)
        for link in ("contradicts", "supersedes"):
            if claim.get(link):
                claim[link] = [suffix(target, k) for target in claim[link]]
    return out


def build_archive(seeds: Path, dest: Path, factor: int) -> ArchiveInfo:
    """Write ``seeds`` grown ``factor`` times into ``dest`` (created; must not hold sources yet)."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    seeds, dest = Path(seeds), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for folder in ("reference", "briefings"):
        if (seeds / folder).is_dir():
            shutil.copytree(seeds / folder, dest / folder, dirs_exist_ok=True)
    out_sources = dest / "sources"
    out_sources.mkdir(exist_ok=True)
    sources = claims = 0
    for path in sorted((seeds / "sources").glob("*.y*ml")):
        shutil.copy2(path, out_sources / path.name)
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        count = len(document.get("claims") or [])
        sources += 1
        claims += count
        for k in range(1, factor):
            copy_k = renamed(document, k)
            text = yaml.dump(copy_k, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
            (out_sources / f"{copy_k['source']['id']}.yaml").write_text(text, encoding="utf-8")
            sources += 1
            claims += count
    return ArchiveInfo(dest, factor, sources, claims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.archive", description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--factor", type=int, default=17)
    args = parser.parse_args(argv)
    info = build_archive(args.seeds, args.dest, args.factor)
    print(f"{info.root}: {info.sources} sources, {info.claims} claims ({info.factor}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
