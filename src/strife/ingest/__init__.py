"""Reading inputs into `Article`s: files, folders, JSON lines, RSS/Atom feeds, standard input.

`read_inputs` yields one `Article` per input article, holding the raw text or HTML
(`raw`, `raw_format`), `source` (the path as given; for JSON lines and feed items their URL,
else `file:line` or `file#item`) and whatever metadata the input carries (`id`, `title`,
`url`, `published`). Inputs that cannot be read yield an `InputError(source, problem)`
instead, and the batch goes on.

Publication dates: a date passed by the caller is `published_from="supplied"` and wins; a
date carried by the input (JSON field, feed item date) is `"metadata"`. Cleaning the raw input
(boilerplate, title, byline, dates written in the text, language) is the `clean` stage's work,
in `strife.stages.clean`, with the helpers of this package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from strife.errors import InputError
from strife.ingest.dates import parse_supplied_date
from strife.ingest.decode import html_has_text, sniff
from strife.ingest.readers import make_article, read_path
from strife.models import Article

__all__ = ["InputError", "article_from_string", "parse_supplied_date", "read_inputs"]


def read_inputs(paths: Iterable[str], published: str | None = None) -> Iterator[Article | InputError]:
    """Articles (or InputErrors) from each path in turn; `-` reads standard input.

    An invalid `published` (not YYYY-MM-DD) raises InputError at once, before reading anything.
    """
    supplied = parse_supplied_date(published) if published is not None else None
    return _read_all(list(paths), supplied)


def _read_all(paths: list[str], published: str | None) -> Iterator[Article | InputError]:
    for given in paths:
        yield from read_path(given, published)


def article_from_string(
    text_or_html: str,
    *,
    source: str | None = None,
    published: str | None = None,
    id: str | None = None,
    title: str | None = None,
) -> Article:
    """An Article from a string of text or HTML (sniffed); raises InputError on empty input
    or an invalid `published` date."""
    label = source or "<text>"
    supplied = parse_supplied_date(published, label) if published is not None else None
    if not isinstance(text_or_html, str) or not text_or_html.strip():
        raise InputError(label, "empty text")
    kind = "html" if sniff(text_or_html) == "html" else "text"
    if kind == "html" and not html_has_text(text_or_html):
        raise InputError(label, "HTML with no readable text")
    return make_article(text_or_html, kind, source, published=supplied, id=id, title=title)
