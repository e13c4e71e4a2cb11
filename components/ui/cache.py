"""The cached entry points: the validated seeds, and frames per (builder, filter, seed fingerprint).

The fingerprint is the seed files' names, sizes and modification times (``data.load.seed_fingerprint``),
so an added or edited seed file is picked up at the next interaction without a restart.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from components.ui.context import PageContext
from data.frames import Builder, ClaimFilter
from data.load import SeedData, load_seeds, seed_fingerprint

ROOT = Path(__file__).resolve().parents[2]


def seeds_dir() -> Path:
    """The seed folder: ``H200_SEEDS_DIR`` if set (tests point it at scratch folders), else ``seeds/``."""
    return Path(os.environ.get("H200_SEEDS_DIR", ROOT / "seeds"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_cached(path: str, fingerprint: str) -> SeedData:
    del fingerprint  # part of the cache key only
    return load_seeds(path)


def load_data() -> SeedData:
    """Validated seeds for this run (shared, read-only: never mutate the result)."""
    return load_data_with_fingerprint()[0]


def load_data_with_fingerprint() -> tuple[SeedData, str]:
    """The seeds and their fingerprint, computed once per run (it stats every seed file)."""
    path = seeds_dir()
    fingerprint = seed_fingerprint(path)
    return _load_cached(str(path), fingerprint), fingerprint


@st.cache_resource(show_spinner=False, max_entries=256)
def _frame_cached(name: str, _builder: Builder, path: str, fingerprint: str, filter_key: tuple) -> pd.DataFrame:
    del name  # the builder's qualified name stands in for the (unhashed) function in the key
    seeds = _load_cached(path, fingerprint)
    return _builder(seeds, ClaimFilter(*filter_key))


def frame(ctx: PageContext, builder: Builder) -> pd.DataFrame:
    """``builder(seeds, ctx.claim_filter)``, cached per seed content and filter.

    One shared, read-only frame for every session (``st.cache_resource``: no per-session copy,
    which matters once the archive grows): slice or ``.copy()`` it, never change it in place.
    """
    name = f"{builder.__module__}.{builder.__qualname__}"
    return _frame_cached(name, builder, str(seeds_dir()), ctx.fingerprint, ctx.claim_filter.key)


@st.cache_resource(show_spinner=False, max_entries=512)
def _memo_cached(
    name: str, _fn: Callable[..., Any], path: str, fingerprint: str, filter_key: tuple, args: tuple
) -> Any:
    del name
    return _fn(_load_cached(path, fingerprint), ClaimFilter(*filter_key), *args)


def memo(ctx: PageContext, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(seeds, ctx.claim_filter, *args)``, computed once per (function, filter, arguments, seed
    content) and shared by every session: for built figures and other derived results a page
    would otherwise rebuild on every load. The result is shared and read-only: never mutate it.
    ``args`` must be hashable (the view state: strings, numbers, tuples)."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    return _memo_cached(name, fn, str(seeds_dir()), ctx.fingerprint, ctx.claim_filter.key, args)


PER_OBJECT_ENTRIES = 256
_per_object_lock = threading.Lock()
_per_object: OrderedDict[tuple, tuple[tuple[object, ...], Any]] = OrderedDict()


def per_object(fn: Callable[..., Any], objects: tuple[object, ...], *args: Any) -> Any:
    """``fn(*objects, *args)`` once per (function, these very objects, ``args``), shared by every session.

    For work a page repeats on every load on the shared frames and figures of a cached view
    (relabelling a table, turning a figure into its dict): the objects are the cache key by
    identity, not by content (hashing a frame costs what relabelling it does), and the entry holds
    them so their ids cannot be reused while it lives. Only pass objects that are never changed in
    place (the cached views' are not); the result is shared and read-only too.
    """
    key = (fn.__module__, fn.__qualname__, tuple(id(o) for o in objects), args)
    with _per_object_lock:
        hit = _per_object.get(key)
        if hit is not None and all(a is b for a, b in zip(hit[0], objects, strict=True)):
            _per_object.move_to_end(key)
            return hit[1]
    result = fn(*objects, *args)
    with _per_object_lock:
        _per_object[key] = (objects, result)
        while len(_per_object) > PER_OBJECT_ENTRIES:
            _per_object.popitem(last=False)
    return result
