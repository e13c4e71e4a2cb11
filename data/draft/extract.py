"""Input to article text: checks for bad input, HTML through trafilatura, paragraphs and sentences.

Everything a person can upload or paste goes through here first, so the refusals (empty, too
large, binary, hostile names) live in one place and nothing is written before they pass.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from data.draft.model import DraftError

# Drafting time grows in step with the text (about 25 ms per kB on one shared core): 200 kB, far
# more than one article, drafts in seconds. A saved web page may be larger, since only the
# article text extracted from it counts against the limit.
MAX_TEXT_BYTES = 200_000
MAX_HTML_BYTES = 8 * 1024 * 1024
MAX_UPLOAD_BYTES = 8 * 1024 * 1024
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._()+-]{0,150}\.(txt|html|htm)\Z")
# A page's own label before its date ("Published: 2026-01-07 21:44"); an "Updated" date is not the story's.
_DATE_LABEL = re.compile(r"^(?:(?:first )?published|posted|dated?)(?: on)?\s*:?\s*", re.IGNORECASE)
_HEADER = re.compile(r"^(title|publisher|published|date|url|byline|by)\s*:\s*(.+)$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .,'/-]{1,40}),?\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)\s*"
    r"\((?P<wire>Reuters|Bloomberg|AP|AFP|Xinhua|Kyodo)\)\s*[-–—]+\s*"
)
_ABBREV = re.compile(
    r"\b(?:U\.S|U\.K|Mr|Ms|Mrs|Dr|Inc|Corp|Co|Ltd|No|St|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$"
)
# A full stop and the next capital, with a space between them or none: a copy that lost the space
# ("... in 2026.Each chip costs ...") still ends its sentence there (a word of two letters at least
# before it, so "U.S.Commerce" and "e.g.The" stay whole).
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(0-9$])|(?<=[a-z0-9][a-z0-9])[.!?](?=[A-Z][a-z])")
_TAG = re.compile(r"<[^>]{0,400}>")


@dataclass
class Article:
    """The article as the drafter sees it: body paragraphs plus whatever metadata was found."""

    paragraphs: list[str]
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    byline: str | None = None
    notes: list[str] = field(default_factory=list)
    date_line: dt.date | None = None  # a date the text shows on a line of its own, under its headline

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def check_name(name: str) -> str:
    """Refuse file names that could escape a folder or hide what they are."""
    if not isinstance(name, str) or not _NAME.match(name) or ".." in name or name.strip() != name:
        raise DraftError(
            "That file name is not accepted: use letters, digits, spaces, dots and dashes, ending in .txt or .html."
        )
    return name


def decode(raw: bytes) -> str:
    """Bytes to text, refusing binary and non-UTF-8 uploads with a plain message."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise DraftError(
            f"The file is {len(raw) / 1e6:.1f} MB; at most {MAX_UPLOAD_BYTES // 1_000_000} MB is accepted."
        )
    if b"\x00" in raw[:65536]:
        raise DraftError("This is not a text file (it contains binary data). Upload a .txt or a saved .html page.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DraftError(
            "The file is not UTF-8 text. Save it as UTF-8 (plain text or a web page) and try again."
        ) from None


def size_message(size: int, limit: int = MAX_TEXT_BYTES) -> str:
    """The refusal for a text over the limit, with both sizes in words."""
    return (
        f"The text is {_kb(size)}; the drafter reads at most {_kb(limit)} at a time (about "
        f"{limit // 6_500 * 1_000:,} words, many times a long article). Paste one article at a time."
    )


def _kb(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


def check_text(text: str, max_bytes: int = MAX_TEXT_BYTES) -> str:
    if not isinstance(text, str):
        raise DraftError("Expected text.")
    size = len(text.encode("utf-8", "replace"))
    if size > max_bytes:
        raise DraftError(size_message(size, max_bytes))
    if "\x00" in text:
        raise DraftError("The text contains binary data (NUL characters).")
    if not text.strip():
        raise DraftError("The text is empty: paste an article or upload a file.")
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in text[:5000].lower() and "</p>" in text.lower())


def from_html(html: str) -> Article:
    """Article text and metadata from a saved page; scripts, styles and navigation never reach the text."""
    import json

    import trafilatura

    try:
        raw = trafilatura.extract(
            html,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_links=False,
        )
    except Exception:  # lxml and trafilatura raise many types on broken markup; all mean "unreadable"
        raise DraftError("This page could not be read as HTML. Paste the article text instead.") from None
    if not raw:
        raise DraftError("No article text was found in this page. Paste the article text instead.")
    meta = json.loads(raw)
    title = (meta.get("title") or "").strip() or None
    lines = [_TAG.sub(" ", line).strip() for line in (meta.get("text") or "").split("\n")]
    lines = [re.sub(r"\s+", " ", line) for line in lines if line]
    if lines and title and lines[0].strip() == title:
        lines = lines[1:]
    lines = [line for line in lines if not re.match(r"^(by|von)\s+[A-Z][\w.' -]{1,60}$", line, re.IGNORECASE)]
    published = _iso(meta.get("date"))
    if published is None:
        published = _htmldate(html)
    article = Article(
        paragraphs=lines,
        title=title,
        publisher=(meta.get("source-hostname") or meta.get("sitename") or None),
        published=published,
        url=meta.get("source") or meta.get("url") or None,
        byline=meta.get("author") or None,
    )
    _date_line(article)
    if not article.paragraphs:
        raise DraftError("No article text was found in this page. Paste the article text instead.")
    return _apply_dateline(article)


def _date_line(article: Article) -> None:
    """A short line near the top that is only a date is the publication date, not body text."""
    for index, line in enumerate(article.paragraphs[:3]):
        if len(line) < 40 and (parsed := _parse_date_line(_DATE_LABEL.sub("", line))):
            article.published = article.published or parsed
            article.date_line = parsed
            del article.paragraphs[index]
            return


def _htmldate(html: str) -> dt.date | None:
    try:
        from htmldate import find_date

        found = find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate raises on odd markup; no date is an honest answer
        return None
    return _iso(found)


def _iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def from_plain(text: str) -> Article:
    """Plain text: optional 'Key: value' header lines, a headline, a wire dateline, paragraphs."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    if len(blocks) <= 2 and text.count("\n") > 3:
        blocks = _rejoin([line.strip() for line in text.splitlines() if line.strip()])
    if blocks and all(len(line) < 160 for line in blocks[0].split("\n")):
        blocks = [line.strip() for line in blocks[0].split("\n") if line.strip()] + blocks[1:]
    article = Article(paragraphs=[])
    body: list[str] = []
    for block in blocks:
        rest: list[str] = []
        for line in block.split("\n"):
            header = _HEADER.match(line.strip()) if not body and not rest else None
            if header:
                _set_header(article, header.group(1).lower(), header.group(2).strip())
            else:
                rest.append(line.strip())
        if rest:
            body.append(" ".join(rest))
    body = [_MARKDOWN.sub("", b).strip() for b in body]  # a pasted Markdown page: "## Headline", "**BEIJING**"
    if body and article.title is None and len(body[0]) < 180 and not body[0].rstrip().endswith((".", '"', "”")):
        article.title = body.pop(0)
    while body and re.match(r"^by\s+[A-Z][\w.' ,-]{1,80}$", body[0], re.IGNORECASE):
        article.byline = article.byline or body.pop(0)[3:].strip()
    article.paragraphs = body
    _date_line(article)
    body = article.paragraphs
    if not body and not (article.title and article.publisher and article.published):
        raise DraftError(
            "No article text was found: the input has only a title or headers. For a report whose text "
            "you cannot paste, give all three of Title:, Publisher: and Published: and add its claims by hand."
        )
    return _apply_dateline(article)


# Markdown's marks, not the article's words: a heading's leading hashes and bold's double stars.
_MARKDOWN = re.compile(r"^#{1,6}\s+|\*\*")


def _rejoin(lines: list[str]) -> list[str]:
    """Lines of a text with no blank lines between paragraphs, with a sentence a copied link or
    column cut across lines put back together ("... is a steep" / "25% export tariff ..."): a line
    that starts in lower case or with a number continues the one before when that one ends
    mid-sentence (a heading's next line starts a sentence of its own)."""
    out: list[str] = []
    for line in lines:
        before = out[-1] if out else ""
        cut = before and not re.search(r"[.!?:;\"”’)\]]$", before) and not _HEADER.match(before)
        if cut and re.match(r"[a-z0-9$%(]", line):
            out[-1] = f"{before} {line}"
        else:
            out.append(line)
    return out


def _set_header(article: Article, key: str, value: str) -> None:
    if key == "title":
        article.title = value
    elif key == "publisher":
        article.publisher = value
    elif key in ("published", "date"):
        article.published = _iso(value) or _parse_date_line(value)
    elif key == "url":
        article.url = value if re.match(r"^https?://\S+$", value) else None
    else:
        article.byline = value


def _parse_date_line(line: str) -> dt.date | None:
    import dateparser

    if not re.search(r"\d", line):
        return None
    parsed = dateparser.parse(line, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]})
    return parsed.date() if parsed else None


def _apply_dateline(article: Article) -> Article:
    """'BEIJING, Jan 28 (Reuters) -' gives the wire and the day; the dateline is not body text."""
    if not article.paragraphs:
        return article
    match = _DATELINE.match(article.paragraphs[0])
    if match:
        article.notes.append(f"dateline: {match.group(0).strip()}")
        if article.publisher is None:
            article.publisher = match.group("wire")
        if article.published is None:
            article.published = _dateline_date(match.group("date"))
        article.paragraphs[0] = article.paragraphs[0][match.end() :]
    return article


def _dateline_date(text: str) -> dt.date | None:
    """'Jan 28' in a dateline: the most recent such day (a wire dateline never points ahead)."""
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None


def sentences(paragraph: str) -> list[tuple[int, str]]:
    """Split a paragraph into sentences, keeping each one's offset; abbreviations do not split."""
    out: list[tuple[int, str]] = []
    # a bullet is its own sentence, with or without a full stop: "... the country. • The United States ..."
    pieces = [m for m in re.finditer(r"(?:^|(?<=\s))•\s*", paragraph)]
    if pieces:
        bounds = [m.end() for m in pieces]
        if paragraph[: pieces[0].start()].strip():
            out.extend(sentences(paragraph[: pieces[0].start()]))
        for begin, upto in zip(bounds, [m.start() for m in pieces[1:]] + [len(paragraph)], strict=True):
            out.extend((begin + offset, text) for offset, text in sentences(paragraph[begin:upto]))
        return out
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        piece = paragraph[start : match.start() + 1]
        if _ABBREV.search(piece):
            continue
        out.append((start, paragraph[start : match.end()].strip()))
        start = match.end()
    if paragraph[start:].strip():
        out.append((start, paragraph[start:].strip()))
    return out


# The commonest English words: a report in English has many of them, one in German, Italian or
# Arabic almost none. The drafter reads English only, so such a text gets a notice, not a quiet draft.
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "its",
        "from",
        "has",
        "have",
        "said",
        "are",
        "be",
        "at",
        "will",
        "which",
        "this",
        "an",
        "or",
        "were",
        "been",
        "not",
        "but",
        "their",
        "would",
        "after",
    ]
)
NOT_ENGLISH = (
    "This text does not read as English: the drafter reads English only, so it will miss figures, "
    "names and duplicates here. Enter the claims by hand, or paste an English version."
)


def _language(article: Article) -> Article:
    """Notes a text that is not in English (at least 30 words, under 8 % of them common English ones)."""
    words = re.findall(r"\w+", article.text.lower())
    if len(words) >= 30 and sum(w in _ENGLISH for w in words) < 0.08 * len(words):
        article.notes.append(NOT_ENGLISH)
    return article


def read_input(path_or_bytes: str | Path | bytes, name: str) -> Article:
    """A file on disk or uploaded bytes, with its name: the name decides .txt versus .html."""
    check_name(name)
    if isinstance(path_or_bytes, bytes | bytearray):
        raw = bytes(path_or_bytes)
    else:
        path = Path(path_or_bytes)
        if not path.is_file():
            raise DraftError(f"No such file: {name}")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise DraftError(f"The file is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB.")
        raw = path.read_bytes()
    text = decode(raw)
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        if not text.strip():
            raise DraftError("The file is empty.")
        article = from_html(text)
        check_text(article.text)
        return _language(article)
    return _language(from_plain(check_text(text)))


def read_text(text: str, max_bytes: int = MAX_TEXT_BYTES) -> Article:
    """Pasted text or page source; a page may be larger than the limit, its article text may not."""
    if isinstance(text, str) and looks_like_html(text):
        check_text(text, MAX_HTML_BYTES)
        article = from_html(text)
        check_text(article.text, max_bytes)
        return _language(article)
    return _language(from_plain(check_text(text, max_bytes)))
