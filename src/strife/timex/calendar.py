"""Calendar arithmetic the resolver needs: month ranges, the latest weekday or month on or
before a date, ACLED precision of a span, and number words.

Everything here is pure and works on `datetime.date`.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
    "couple": 2, "a couple of": 2, "the": 1,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip

#: Vague counts ("a few days ago", "several weeks") resolve to a range of this many units.
VAGUE: dict[str, tuple[int, int]] = {
    "a few": (2, 6), "few": (2, 6), "several": (3, 10), "some": (2, 10), "couple": (2, 2),
}  # fmt: skip


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def number(word: str | None) -> int | None:
    """'3' -> 3, 'three' -> 3, 'a' -> 1; None for vague words and anything else."""
    if word is None:
        return None
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by n months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def latest_month(pub: date, month: int, strictly_before: bool = False) -> int:
    """The year of the latest `month` on or before the publication month ("in January")."""
    year = pub.year
    if month > pub.month or (strictly_before and month == pub.month):
        year -= 1
    return year


def latest_weekday(pub: date, weekday: int, strictly_before: bool = False) -> date:
    """The latest `weekday` on or before `pub` (the same weekday is `pub` itself)."""
    back = (pub.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return pub - timedelta(days=back)


def latest_day_of_month(pub: date, day: int, ahead: bool = False) -> date | None:
    """The latest `day` of a month on or before `pub` (the next one on or after it when
    `ahead`), looking three months back or forward; None when none of them has that day."""
    year, month = pub.year, pub.month
    for _ in range(3):
        if day <= month_end(year, month).day:
            found = date(year, month, day)
            if (found >= pub) if ahead else (found <= pub):
                return found
        year, month = add_months(year, month, 1 if ahead else -1)
    return None


def next_weekday(pub: date, weekday: int) -> date:
    ahead = (weekday - pub.weekday()) % 7 or 7
    return pub + timedelta(days=ahead)


def week_of(d: date) -> tuple[date, date]:
    """Monday..Sunday of the week holding `d`."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def latest_weekend(pub: date, strictly_before: bool = False) -> tuple[date, date]:
    """The Saturday and Sunday of the latest weekend that began on or before `pub`."""
    saturday = latest_weekday(pub, 5, strictly_before)
    if strictly_before and pub.weekday() == 6:
        saturday -= timedelta(days=7)
    return saturday, saturday + timedelta(days=1)


def part_of_month(year: int, month: int, mod: str | None) -> tuple[date, date]:
    """The month, or its early (1-10), middle (11-20) or late (21-end) part."""
    first, last = month_range(year, month)
    if mod in ("early", "beginning", "start"):
        return first, first + timedelta(days=9)
    if mod in ("mid", "middle"):
        return first + timedelta(days=10), first + timedelta(days=19)
    if mod in ("late", "end"):
        return first + timedelta(days=20), last
    return first, last


def part_of_year(year: int, mod: str | None) -> tuple[date, date]:
    """The year, a third of it (early/mid/late), or a northern-hemisphere season."""
    spans = {
        "early": ((1, 1), (4, 30)), "beginning": ((1, 1), (4, 30)), "start": ((1, 1), (4, 30)),
        "mid": ((5, 1), (8, 31)), "middle": ((5, 1), (8, 31)),
        "late": ((9, 1), (12, 31)), "end": ((9, 1), (12, 31)),
        "spring": ((3, 1), (5, 31)), "summer": ((6, 1), (8, 31)),
        "autumn": ((9, 1), (11, 30)), "fall": ((9, 1), (11, 30)), "winter": ((1, 1), (2, 28)),
    }  # fmt: skip
    if mod in spans:
        (m1, d1), (m2, d2) = spans[mod]
        return date(year, m1, d1), date(year, m2, d2)
    return date(year, 1, 1), date(year, 12, 31)


def precision(start: date, end: date) -> int:
    """ACLED time_precision of a span: 1 one day, 2 up to a week, 3 longer."""
    days = (end - start).days
    if days <= 0:
        return 1
    return 2 if days <= 7 else 3
