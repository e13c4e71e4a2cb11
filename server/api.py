"""The data API: each page's tables at the page's own address, ``/api/v1/<url_path>.csv|json``.

Why: a notebook or a spreadsheet should get the same table the page shows for the same link
(as Our World in Data serves every chart's data beside the chart). The parameters are the
page's link parameters; the tables come from ``server.page_tables`` (the page's own helpers).
CSV is the page's download format (formula-safe, bounds in words); JSON keeps numbers and
lists typed. Answers carry ``ETag`` / ``Last-Modified`` from the seed files, a bad parameter
gets a 400 with a plain message, an unknown table a 404, and nothing ever shows a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from email.utils import format_datetime
from urllib.parse import urlencode

import pandas as pd
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from components.exports.tables import to_csv_bytes, with_bound_text
from data.load import SeedData
from server.page_tables import (
    ACCESS_PARAMS,
    DEFAULT_TABLE,
    UnknownTable,
    effective_as_of,
    page_for_path,
    page_tables,
    whole_tables,
)
from server.seed_cache import SeedVersion, current_seeds

LOG = logging.getLogger(__name__)
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CACHE_ENTRIES = 512
NOTE = (
    "Each figure has a basis: reported (a source stated it), derived (worked out by the project; "
    "see formula) or assumed. 'as_reported' keeps the bound in words: 'more than 200,000' is a "
    "lower bound, not 200,000. Nothing published after as_of is used."
)


class BadRequest(ValueError):
    """A parameter the table cannot use (answered with 400 and the message)."""


_lock = threading.Lock()
_answers: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()


def _raw_params(request: Request) -> dict[str, list[str]]:
    """The query as lists, without the gate's read token (never echoed, never a cache key)."""
    raw: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if key not in ACCESS_PARAMS:
            raw.setdefault(key, []).append(value)
    return raw


def _public_url(request: Request, raw: dict[str, list[str]]) -> str:
    query = urlencode([(k, v) for k, values in raw.items() for v in values])
    return str(request.url.replace(query=query))


def _json_rows(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON values: dates ISO, missing values null, lists kept as lists."""
    text = with_bound_text(frame).to_json(orient="records", date_format="iso", date_unit="s", default_handler=str)
    rows = json.loads(text)
    for row in rows:  # "2026-05-14T00:00:00" -> "2026-05-14" for whole days
        for key, value in row.items():
            if isinstance(value, str) and value.endswith("T00:00:00"):
                row[key] = value[:10]
    return rows


def _tables_for(seeds: SeedData, name: str, raw: dict[str, list[str]]) -> tuple[dict[str, pd.DataFrame], str]:
    """The named tables for ``/api/v1/<name>``, and the page title (or table name)."""
    if name == "claims":
        frame, problems = whole_tables(seeds, name, raw)
        title = "Every claim"
        tables = {name: frame}
    else:
        page = page_for_path(name)
        chosen = raw.pop("table", [None])[-1]
        tables, problems = page_tables(page.page_id, seeds, raw)
        title = page.title
        if not problems and chosen is not None:
            if chosen not in tables:
                raise UnknownTable(f"{page.title} has no table `{chosen}`. Its tables: {', '.join(tables)}.")
            tables = {chosen: tables[chosen]}
    if problems:
        raise BadRequest(" ".join(problems))
    return tables, title


def _build(seeds: SeedData, name: str, fmt: str, raw: dict[str, list[str]], version: SeedVersion, url: str) -> bytes:
    tables, title = _tables_for(seeds, name, {k: list(v) for k, v in raw.items()})
    if fmt == "csv":  # one table: the one asked for, else the page's default
        return to_csv_bytes(tables.get(DEFAULT_TABLE.get(name, ""), next(iter(tables.values()))))
    as_of = effective_as_of(seeds, raw).isoformat()
    body = {
        "table": name,
        "title": title,
        "as_of": as_of,
        "link": url,
        "seed_version": version.tag,
        "note": NOTE,
        "tables": {key: {"rows": len(frame), "data": _json_rows(frame)} for key, frame in tables.items()},
    }
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def _cached(key: tuple, build: Callable[[], bytes], etag: str) -> bytes:
    with _lock:
        hit = _answers.get(key)
        if hit is not None and hit[1] == etag:
            _answers.move_to_end(key)
            return hit[0]
    body = build()
    with _lock:
        _answers[key] = (body, etag)
        while len(_answers) > CACHE_ENTRIES:
            _answers.popitem(last=False)
    return body


def data_endpoint(request: Request) -> Response:
    """``GET /api/v1/<name>.<fmt>``: one page's (or a whole) table; see the module docstring."""
    file_name = request.path_params["file"]
    name, dot, fmt = file_name.rpartition(".")
    if not dot or fmt not in FORMATS:
        return PlainTextResponse(f"Ask for `{file_name}.csv` or `{file_name}.json`.\n", status_code=404)
    try:
        seeds, version = current_seeds()
        raw = _raw_params(request)
        query = tuple(sorted((k, tuple(v)) for k, v in raw.items()))
        etag = '"' + hashlib.sha256(repr((version.tag, name, fmt, query)).encode()).hexdigest()[:32] + '"'
        headers = {
            "ETag": etag,
            "Last-Modified": format_datetime(version.modified, usegmt=True),
            "Cache-Control": "no-cache",
            "Vary": "Accept-Encoding",
            "Access-Control-Allow-Origin": "*",
        }
        if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers=headers)
        body = _cached(
            (name, fmt, query), lambda: _build(seeds, name, fmt, raw, version, _public_url(request, raw)), etag
        )
    except BadRequest as problem:
        return PlainTextResponse(f"{problem}\n", status_code=400)
    except UnknownTable as problem:
        return PlainTextResponse(f"{problem.args[0]}\n", status_code=404)
    except Exception:  # never a traceback to a caller; the log keeps it
        LOG.exception("data API failed for %s", request.url)
        return PlainTextResponse("The table could not be built. The error is logged.\n", status_code=500)
    if fmt == "csv":
        headers["Content-Disposition"] = f'inline; filename="h200-{name}-{dt.date.today():%Y-%m-%d}.csv"'
    return Response(body, media_type=FORMATS[fmt], headers=headers)


def api_routes() -> list[Route]:
    return [Route("/api/v1/{file}", data_endpoint, methods=["GET", "HEAD"])]
