"""Cleaning plain text saved from a news page: body, headline, byline and the written date.

The text is cut into paragraphs. Page clutter (calls to action, furniture, menus) goes
everywhere. The *head* is what comes before the first paragraph of running text (or the
first dateline): there the byline and date lines are read, the longest title-like line is the
headline, and the rest (category labels, kickers) is dropped. In the body, short title-like
lines between paragraphs are section sub-headings and go; after the last sentence, whatever
is not a sentence is trailing site matter and goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strife.ingest import head
from strife.ingest.clutter import is_clutter, is_subheading
from strife.ingest.paragraphs import (
    ends_like_sentence,
    is_body,
    is_sentence,
    is_title_like,
    split_paragraphs,
    words,
)

#: How far into the body a byline or date line is still looked for (after a standfirst).
_BODY_META_REACH = 3
#: A head line this long is a headline rather than a category label or kicker.
_HEADLINE_WORDS = 6
#: A head line after the headline with this many words is a standfirst and kept as text.
_STANDFIRST_WORDS = 8
#: A dateline's sentence cut by hard wrapping is mended from the lines after it up to this length.
_WRAPPED_SENTENCE_WORDS = 80
#: After the last sentence, lines up to this long that are not sentences are site matter
#: (related headlines, tags, credits); longer ones are text that lost its punctuation.
_TAIL_MAX_WORDS = 20


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    """A publication date read from the text (ISO), or None."""
    yearless_dateline: str | None = None
    """The date of a dateline that gives no year ("Jan 21"), when no date could be read."""


@dataclass
class _Dates:
    """Dates found in the text, best kind first when choosing."""

    published: list[str] = field(default_factory=list)
    dateline: list[str] = field(default_factory=list)
    leading: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    def best(self) -> str | None:
        for kind in (self.published, self.dateline, self.leading, self.updated):
            if kind:
                return kind[0]
        return None

    def year(self) -> int | None:
        for kind in (self.published, self.leading, self.updated):
            if kind:
                return int(kind[0][:4])
        return None


def _meta_line(paragraph: str, out: Cleaned, dates: _Dates) -> bool:
    """Read a byline or date line into `out`/`dates`; True when `paragraph` was one."""
    byline = head.read_byline(paragraph)
    if byline:
        out.byline = out.byline or byline.names
        if byline.date:
            dates.published.append(byline.date)
        return True
    dated = head.read_date_line(paragraph)
    if dated:
        (dates.updated if dated[1] else dates.published).append(dated[0])
        return True
    return False


def _first_body(paras: list[str]) -> int | None:
    for i, p in enumerate(paras):
        if head.read_byline(p):
            continue
        if is_body(p) or (is_sentence(p) and head.read_dateline(p)) or _wrapped_dateline(p):
            return i
    return None


def _wrapped_dateline(paragraph: str) -> bool:
    """A dated dateline that opens no whole sentence: hard wrapping cut the line ("CLANDESTINE,
    17 NOV 89 (RADIO VENCEREMOS) -- WE"). The body starts there; it is no headline."""
    line = head.read_dateline(paragraph)
    return bool(line and line.written_date and not ends_like_sentence(paragraph))


def _read_head(lines: list[str], title: str | None, out: Cleaned, dates: _Dates) -> list[str]:
    """Read metadata and the headline from the head; return head lines kept as body text."""
    candidates = [(i, p) for i, p in enumerate(lines) if not _meta_line(p, out, dates) and is_title_like(p)]
    if title is None and candidates:
        # the first line long enough for a headline: category labels above it are short, and a
        # standfirst below it is longer; else the longest line
        long = [c for c in candidates if len(words(c[1])) >= _HEADLINE_WORDS]
        at, title = long[0] if long else max(candidates, key=lambda c: (len(words(c[1])), -c[0]))
    else:
        at = next((i for i, p in candidates if _same(p, title)), -1)
    out.title = title
    return [p for i, p in candidates if i > at and len(words(p)) >= _STANDFIRST_WORDS]


def _same(line: str, title: str | None) -> bool:
    """The line is the known headline, give or take a site name or a changed word or two."""
    if title is None:
        return False
    a, b = {w.lower() for w in words(line)}, {w.lower() for w in words(title)}
    return bool(a and b) and len(a & b) >= 0.7 * max(len(a), len(b))


def _open_body(body: list[str], out: Cleaned, dates: _Dates) -> list[str]:
    """A date or the headline glued to the first paragraph, the dateline's date, and (when
    there is no dateline) bylines and date lines just below a standfirst."""
    first, leading = head.strip_leading_date(body[0])
    if leading:
        dates.leading.append(leading)
    if out.title:
        first = head.strip_leading_title(first, out.title)
    line = head.read_dateline(first, dates.year())
    rest = body[1:]
    if line is not None and _wrapped_dateline(first):
        # the lines the wrapping cut from the dateline's sentence, up to where it ends
        while rest and not ends_like_sentence(first) and len(words(first)) < _WRAPPED_SENTENCE_WORDS:
            first, rest = f"{first} {rest[0]}", rest[1:]
    if line is None:
        rest = [p for i, p in enumerate(rest, 1) if i >= _BODY_META_REACH or not _meta_line(p, out, dates)]
    elif line.date:
        dates.dateline.append(line.date)
    elif line.written_date and not line.written_date.upper().startswith("NO"):
        out.yearless_dateline = line.written_date
    return [first, *rest]


def _drop_subheadings_and_tail(body: list[str]) -> list[str]:
    last = max((i for i, p in enumerate(body) if is_sentence(p) or is_body(p)), default=-1)
    kept = []
    for i, p in enumerate(body):
        if i > last and i > 0 and len(words(p)) <= _TAIL_MAX_WORDS:
            continue  # trailing site matter after the last sentence
        if 0 < i < last and is_subheading(p):
            continue
        kept.append(p)
    return kept


def clean_text(raw: str, title: str | None = None) -> Cleaned:
    """Clean plain text; `title` is a headline already known from metadata (it wins)."""
    paras = [p for p in split_paragraphs(raw) if not is_clutter(p)]
    out, dates = Cleaned(text=""), _Dates()
    start = _first_body(paras)
    if start is None:  # a snippet or headline-only text: all of it is the text
        out.title = title
        out.text = "\n\n".join(paras)
        return out
    standfirst = _read_head(paras[:start], title, out, dates)
    body = _open_body(standfirst + paras[start:], out, dates)
    out.text = "\n\n".join(_drop_subheadings_and_tail(body))
    out.published = dates.best()
    if out.published:
        out.yearless_dateline = None
    return out
