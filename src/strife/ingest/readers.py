"""One reader per input kind: files (text, HTML, JSONL, RSS/Atom), folders and standard input.

Every reader yields `Article`s (raw input plus whatever metadata the input carries) or
`InputError`s for what cannot be read, so one bad input never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strife.errors import InputError
from strife.ingest.dates import normalise_date
from strife.ingest.decode import Kind, decode_bytes, html_has_text, sniff
from strife.models import Article

Item = Article | InputError

_KIND_BY_SUFFIX: dict[str, Kind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
}


def make_article(
    raw: str,
    raw_format: str,
    source: str | None,
    *,
    published: str | None = None,
    meta_date: object = None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Article:
    """An Article holding raw input; `published` (supplied by the caller) wins over `meta_date`."""
    article = Article(
        raw=raw,
        raw_format="html" if raw_format == "html" else "text",
        source=source,
        id=id or None,
        title=(title or "").strip() or None,
        url=url or None,
        language=None,
    )
    if published:
        article.published, article.published_from = published, "supplied"
    elif meta_date not in (None, ""):
        iso = normalise_date(meta_date)
        if iso:
            article.published, article.published_from = iso, "metadata"
        else:
            article.warn(f"publication date {meta_date!r} in the input is not a date; ignored")
    return article


def from_text(text: str, source: str, kind: Kind, published: str | None) -> Iterator[Item]:
    """Articles in decoded `text` of a known kind."""
    if kind == "jsonl":
        yield from read_jsonl(text, source, published)
    elif kind == "feed":
        yield from read_feed(text, source, published)
    elif kind == "html" and not html_has_text(text):
        yield InputError(source, "HTML with no readable text")
    else:
        yield make_article(text, kind, source, published=published)


def read_file(path: Path, source: str, published: str | None) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot be read: {exc.strerror or exc}")
        return
    try:
        text = decode_bytes(data, source)
    except InputError as exc:
        yield exc
        return
    kind = _KIND_BY_SUFFIX.get(path.suffix.lower()) or sniff(text)
    yield from from_text(text, source, kind, published)


def read_folder(path: Path, source: str, published: str | None) -> Iterator[Item]:
    """Every non-hidden file under `path`, recursively, in sorted order."""
    found = 0
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            for item in read_file(Path(root) / name, os.path.join(root, name), published):
                found += isinstance(item, Article)
                yield item
    if not found:
        yield InputError(source, "folder with no readable article")


def read_stdin(published: str | None) -> Iterator[Item]:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        text = decode_bytes(data, "<stdin>")
    except InputError as exc:
        yield exc
        return
    yield from from_text(text, "<stdin>", sniff(text), published)


def read_path(given: str, published: str | None) -> Iterator[Item]:
    """Articles read from one path as given on the command line (`-` is standard input)."""
    if given == "-":
        yield from read_stdin(published)
        return
    path = Path(given)
    if path.is_dir():
        yield from read_folder(path, given, published)
    elif path.is_file():
        yield from read_file(path, given, published)
    elif path.exists():
        yield InputError(given, "not a regular file or folder")
    else:
        yield InputError(given, "no such file or folder")


# -- JSON lines ---------------------------------------------------------------------------------


def _jsonl_article(record: dict[str, Any], where: str, published: str | None) -> Item:
    html, text = record.get("html"), record.get("text")
    body, fmt = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "JSON line has no 'text' or 'html'")
    if fmt == "html" and not html_has_text(body):
        return InputError(where, "HTML with no readable text")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    rid = record.get("id")
    return make_article(
        body,
        fmt,
        url or where,
        published=published,
        # `date` is accepted too: several public news datasets use it for the publication date
        meta_date=record.get("published", record.get("date")),
        id=str(rid) if rid not in (None, "") else None,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        url=url,
    )


def read_jsonl(text: str, source: str, published: str | None) -> Iterator[Item]:
    """One article a line; a bad line yields an InputError naming `file:line`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "JSON line is not an object")
            continue
        yield _jsonl_article(record, where, published)


# -- RSS and Atom -------------------------------------------------------------------------------


def _entry_date(entry: Any) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    if not stamp:
        return None
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError:
        return None


def _entry_body(entry: Any) -> tuple[str, str]:
    """The item's longest content (else its summary) and its format, "html" or "text"."""
    parts = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if parts:
        best = max(parts, key=lambda c: len(c["value"]))
        return best["value"], "text" if best.get("type") == "text/plain" else "html"
    detail = entry.get("summary_detail") or {}
    return entry.get("summary", "") or "", "text" if detail.get("type") == "text/plain" else "html"


def read_feed(text: str, source: str, published: str | None) -> Iterator[Item]:
    """Each feed item is an article: its content (or summary) as HTML, title, link, date."""
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield InputError(source, f"feed with no items{why}")
        return
    for index, entry in enumerate(feed.entries, start=1):
        link = entry.get("link") or None
        where = link or f"{source}#{index}"
        body, fmt = _entry_body(entry)
        if not body.strip() or (fmt == "html" and not html_has_text(body)):
            yield InputError(where, "feed item has no text")
            continue
        yield make_article(
            body,
            fmt,
            where,
            published=published,
            meta_date=_entry_date(entry),
            title=entry.get("title"),
            url=link,
        )
