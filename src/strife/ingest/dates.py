"""Publication dates: validating supplied dates, normalising metadata dates, finding dates in text.

Regular expressions find where a date is written; dateparser turns the words into a date. A
date is only ever returned when day, month and year are all known (a year-less "Jan 21" gives
nothing unless the caller knows the year), so no date is invented. Two-digit years are read
as the most recent past year that ends with those digits ("4 FEB 90" is 1990).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from strife.errors import InputError

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)"
_YEAR4 = r"(?:1[89]\d\d|20\d\d)"

#: Written dates with a year: "10 March 2015", "4 FEB 90", "March 10, 2015", "2015-03-10",
#: "09-05-2016", "10/03/2015", "10.03.2015". Group names tell the numeric order.
DATE_RE = re.compile(
    rf"""(?ix)\b(?:
        (?P<dmy>{_WEEKDAY}?{_DAY}\s+{_MONTH},?\s+(?:{_YEAR4}|'?\d\d)(?!\d))
      | (?P<mdy>{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR4})
      | (?P<iso>{_YEAR4}-[01]?\d-[0-3]?\d)
      | (?P<slash>[0-3]?\d/[0-3]?\d/{_YEAR4})
      | (?P<dash>[0-3]?\d[-.][01]?\d[-.]{_YEAR4})
    )\b"""
)

#: Dates without a year, as datelines write them: "Jan 21", "21 January", "4 FEB".
YEARLESS_RE = re.compile(rf"(?i)\b(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY})(?![\w,]*\s*\d{{2,4}})")

_SUPPLIED_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_supplied_date(value: str, source: str = "--published") -> str:
    """Check a caller-supplied date (YYYY-MM-DD); return it, or raise InputError."""
    text = (value or "").strip()
    problem = f"invalid date {value!r}: expected YYYY-MM-DD (e.g. 2015-03-10)"
    if not _SUPPLIED_RE.fullmatch(text):
        raise InputError(source, problem)
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(source, problem) from None
    return text


def _fix_two_digit_year(day: dt.date, written: str, today: dt.date) -> dt.date:
    """A two-digit year means the latest such year not after today (news reports the past)."""
    if re.search(r"\d{4}", written):
        return day
    while day > today:
        day = day.replace(year=day.year - 100)
    return day


@lru_cache(maxsize=4096)
def parse_date(written: str, order: str | None = None) -> str | None:
    """ISO date of a written full date (day, month and year all given), or None.

    `order` ("DMY" or "MDY") decides all-numeric dates such as 10/03/2015.
    """
    import dateparser  # imported on use: it takes a moment to load

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if order:
        settings["DATE_ORDER"] = order
    try:
        parsed = dateparser.parse(written, languages=["en"], settings=settings)
    except (ValueError, OverflowError):  # dateparser raises on some malformed numbers
        return None
    if parsed is None:
        return None
    today = dt.date.today()
    day = _fix_two_digit_year(parsed.date(), written, today)
    if day > today + dt.timedelta(days=1):  # a report cannot be published in the future
        return None
    return day.isoformat()


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first full date written in `text`, as (ISO date, match), or None."""
    for m in DATE_RE.finditer(text):
        order = None
        if m.group("slash"):
            order = "MDY"  # the slash form is mostly American: 03/10/2015
        elif m.group("dash"):
            order = "DMY"  # dashes and dots are mostly day-first: 10-03-2015, 10.03.2015
        iso = parse_date(m.group(0), order)
        if iso:
            return iso, m
    return None


def normalise_date(value: object) -> str | None:
    """ISO date from a metadata value (ISO string, datetime string, '10 March 2015'...)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = re.match(rf"({_YEAR4}-\d\d-\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$", text)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    found = find_date(text)
    return found[0] if found else parse_date(text)


def date_with_year(written: str, year: int) -> str | None:
    """ISO date of a year-less date ("Jan 21") in a known year."""
    return parse_date(f"{written} {year}")
