"""Metadata written at the head of an article: byline, publication-date lines, datelines.

- Byline: "By Jamie Dettmer March 10, 2015", "by Jane Roe and John Doe | Reuters",
  "Written by ...", "Author: ...". The names must look like names (capitalised words and
  particles), so "By Tuesday, the rebels had..." is not a byline.
- Date line: a line that is only a date with its label ("Published 10 March 2015 14:02 GMT").
  "Updated" dates rank after first-publication dates.
- Dateline: the opening of wire copy, "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --",
  "BAGHDAD, Jan 21 (Reuters) -", "KABUL (AP) —". A year-less dateline date gives a date only
  when the year is known from elsewhere in the head.
- Leading date: pages saved with the date glued before the headline or first sentence
  ("09-05-2016 Five civilians killed ...", "Published April 29 2017 Airstrikes struck ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.ingest.dates import DATE_RE, date_with_year, find_date, normalise_date
from strife.ingest.paragraphs import words

_PARTICLES = {"and", "&", "de", "del", "da", "di", "du", "van", "von", "der", "den", "la", "le", "el", "al", "bin",
              "ibn", "ben", "abu", "y", "e", "of", "in"}  # fmt: skip
_BYLINE_RE = re.compile(
    r"^(?:(?:written|posted|reported|reporting|story|words|text)\s+)?by\s*:?\s+(?P<rest>.+)$|^(?:author|byline)s?\s*:\s*(?P<rest2>.+)$",
    re.IGNORECASE,
)
_BYLINE_CUT = re.compile(r"\s+[|•·—–]\s*|\s+-\s+|\s{2,}|\s+(?:published|posted|updated|on)\b", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|[a-z]+-[A-Z][\w'’-]*)$")

_DATE_LABELS = re.compile(
    r"\b(?:first\s+|last\s+)?(?:published|posted|updated|modified|created|date(?:\s+of\s+publication)?|on|at|"
    r"gmt|utc|bst|cet|est|edt|et|pt|am|pm|a\.m\.|p\.m\.|ago|local\s+time|time)\b|\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"|[+-]\d{2}:?\d{2}|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"\b(?:updated|modified|last\s+edited)\b", re.IGNORECASE)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{2,4}})?|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}}|\s+\d{{4}})?|NO\s+DATE)"
)
_PLACE = r"(?-i:[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,3})(?:\s*\([A-Za-z .]{2,30}\))?"
DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}}?)"
    rf"(?:,?\s+(?P<date>{_DATELINE_DATE}))?"
    # transcribed copy may open the agency's parenthesis with a bracket ("[INRAVISION ...)")
    r"\s*(?:[(\[](?P<agency>[^()\n]{2,40})[)\]])?"
    r"\s*(?:--|—|–|-)\s+",
    re.IGNORECASE,
)
_LEADING_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated)(?:\s+(?:on|at))?|date\s+of\s+publication|date)\s*:?\s*",
    re.IGNORECASE,
)


@dataclass
class Byline:
    names: str
    date: str | None = None


def read_byline(paragraph: str) -> Byline | None:
    """The byline in `paragraph` (names, and a date written on the same line), or None."""
    if len(words(paragraph)) > 20:
        return None
    m = _BYLINE_RE.match(paragraph.strip())
    if not m:
        return None
    rest = m.group("rest") or m.group("rest2") or ""
    found = find_date(rest)
    names = rest[: found[1].start()] if found else rest
    names = _BYLINE_CUT.split(names, maxsplit=1)[0].strip(" ,;:|-–—")
    tokens = names.replace(",", " ").split()
    if not tokens or len(tokens) > 10:
        return None
    if not all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES for t in tokens):
        return None
    if not any(t[:1].isupper() for t in tokens):
        return None
    return Byline(names=names, date=found[0] if found else None)


def read_date_line(paragraph: str) -> tuple[str, bool] | None:
    """(ISO date, is-an-update) when `paragraph` is only dates with labels and times
    ("Published: 14 Feb 2021, 09:12 GMT | Updated: 15 Feb 2021"); the first publication date
    is preferred to an update."""
    if len(words(paragraph)) > 24:
        return None
    found: list[tuple[str, bool]] = []
    rest, start = "", 0
    while (hit := find_date(paragraph[start:])) is not None:
        iso, m = hit
        before = paragraph[start : start + m.start()]
        rest += " " + before
        found.append((iso, bool(_UPDATED.search(before))))
        start += m.end()
    rest += " " + paragraph[start:]
    if not found or len(words(_DATE_LABELS.sub(" ", rest))) > 1:
        return None
    return next((f for f in found if not f[1]), found[0])


@dataclass
class Dateline:
    end: int
    """Where the dateline ends in the paragraph."""
    place: str
    written_date: str | None
    date: str | None
    agency: str | None


def read_dateline(paragraph: str, year: int | None = None) -> Dateline | None:
    """The wire-copy dateline opening `paragraph`, or None.

    A dateline needs an upper-case place ("BAGHDAD", "GUATEMALA CITY"), or a place with both
    a date and an agency ("Beirut, March 3 (AFP) -"), so an ordinary sentence is not one.
    """
    m = DATELINE_RE.match(paragraph)
    if not m:
        return None
    place, written, agency = m.group("place"), m.group("date"), m.group("agency")
    place_words = [re.sub(r"[^A-Za-z]", "", w) for w in place.split()]
    upper_place = any(len(w) >= 3 and w.isupper() for w in place_words)
    if not upper_place and not (written and agency):
        return None
    date = None
    if written and not written.upper().startswith("NO"):
        date = normalise_date(written)
        if date is None and year is not None:
            date = date_with_year(written, year)
    return Dateline(end=m.end(), place=place.strip(), written_date=written, date=date, agency=agency)


def strip_leading_date(paragraph: str) -> tuple[str, str | None]:
    """`paragraph` without a date glued to its start, and that date (ISO) if there was one."""
    labelled = _LEADING_LABEL.match(paragraph)
    start = labelled.end() if labelled else 0
    m = DATE_RE.match(paragraph, start)
    if not m:
        return paragraph, None
    found = find_date(m.group(0))
    rest = paragraph[m.end() :].lstrip(" ,.-–—|:")
    if not found or not rest or not (rest[0].isupper() or rest[0].isdigit()):
        return paragraph, None
    return rest, found[0]


def _simplify(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def strip_leading_title(paragraph: str, title: str) -> str:
    """`paragraph` without the headline repeated at its start (pages saved as one line)."""
    want = _simplify(title)
    if not want or not _simplify(paragraph).startswith(want):
        return paragraph
    count = len(re.findall(r"\w+", title))
    matches = list(re.finditer(r"\w+", paragraph))
    if len(matches) <= count:
        return paragraph
    end = matches[count - 1].end()
    rest = paragraph[end:].lstrip(" .:;|-–—")
    return rest if rest else paragraph
