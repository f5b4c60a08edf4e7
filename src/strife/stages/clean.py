"""Stage `clean`: raw input to the article's text and metadata, and its language.

Reads `raw` and `raw_format` (set by `strife.ingest`), and whatever metadata the input
carried (`title`, `published` with `published_from`). Adds:

- `text`: the body only, page clutter removed (HTML through trafilatura, plain text through
  `strife.ingest.cleantext`), paragraphs separated by a blank line;
- `title`, `byline`, `publisher` where the input or the page gives them (input metadata wins);
- `published` with `published_from="text"` when no date was supplied or carried by the input
  metadata (`"metadata"` for an HTML page's own date), never an invented one;
- `language` (ISO 639-1), with a warning when it is not English (later stages then skip it).

An article built with `text` and no `raw` keeps its text as it is (only the language is set).
Input with no article text raises `InputError` naming the source.
"""

from __future__ import annotations

from strife.errors import InputError
from strife.ingest.cleantext import Cleaned, clean_text
from strife.ingest.dates import normalise_date
from strife.ingest.html import extract_html
from strife.ingest.lang import detect_language
from strife.models import Article
from strife.pipeline import Stage, register
from strife.resources import Resources


def _set_date(article: Article, date: str | None, origin: str) -> None:
    """Set the publication date unless one was supplied or read from metadata already."""
    if date and article.published_from not in ("supplied", "metadata"):
        article.published = date
        article.published_from = origin  # type: ignore[assignment]


def _clean_html(article: Article, label: str) -> Cleaned:
    page = extract_html(article.raw or "", url=article.url)
    if not page.text.strip():
        raise InputError(label, "HTML with no readable text")
    cleaned = clean_text(page.text, title=article.title or page.title)
    article.byline = article.byline or page.author
    article.publisher = article.publisher or page.sitename
    _set_date(article, normalise_date(page.date), "metadata")
    return cleaned


def clean_article(article: Article) -> Article:
    """Clean one article in place (see the module docstring) and return it."""
    label = article.source or article.id or "<text>"
    if article.raw is None:
        article.language = detect_language(article.text) if article.text.strip() else None
        return _check_language(article)
    if article.raw_format == "html":
        cleaned = _clean_html(article, label)
    else:
        cleaned = clean_text(article.raw, title=article.title)
    if not cleaned.text.strip():
        raise InputError(label, "no article text (only page clutter)")
    article.text = cleaned.text
    article.title = article.title or cleaned.title
    article.byline = article.byline or cleaned.byline
    _set_date(article, cleaned.published, "text")
    if article.published is None and cleaned.yearless_dateline:
        article.warn(
            f"dateline date {cleaned.yearless_dateline!r} gives no year; publication date unknown "
            "(pass --published)"
        )
    article.language = detect_language(article.text)
    return _check_language(article)


def _check_language(article: Article) -> Article:
    if article.language and article.language != "en":
        article.warn(f"language {article.language!r} is not supported; no events extracted")
    return article


@register("clean")
def make(resources: Resources) -> Stage:
    return clean_article
