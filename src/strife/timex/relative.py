"""Resolution of expressions relative to the publication date: weekdays, "yesterday", "three
days ago", "last week", "earlier this month", "the past few days", "the three-day battle",
"in January" (a month without a year).

Each handler takes a grammar match and the publication date and returns a `Value` (start,
end, precision) or None when the words turn out not to be a date after all.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from strife.timex import calendar as cal
from strife.timex.grammar import RawMatch

Value = tuple[date, date, int]

#: Rolling spans without a number ("in recent days", "the past weeks") cover this many days.
DEFAULT_PAST_DAYS = {"hours": 0, "days": 7, "weeks": 28, "months": 90, "years": 3 * 365}
UNIT_DAYS = {"day": 1, "night": 1, "week": 7, "month": 30, "year": 365, "hour": 0, "decade": 3650}


def _day(d: date) -> Value:
    return d, d, 1


def _span(start: date, end: date, floor: int = 1) -> Value:
    return start, end, max(floor, cal.precision(start, end))


def count_range(word: str | None) -> tuple[int, int] | None:
    """'three' -> (3, 3); 'several' -> (3, 10); None when it is no count."""
    if word is None:
        return None
    w = " ".join(word.lower().split())
    exact = cal.number(w)
    if exact is not None:
        return exact, exact
    for vague, bounds in cal.VAGUE.items():
        if w == vague or w.startswith(vague):
            return bounds
    return None


# "a truce due to take effect on Monday", "talks will resume on Friday": a weekday ahead
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|due\s+to|set\s+to|is\s+to|are\s+to|scheduled|expected\s+to|planned|plans\s+to|"
    r"going\s+to|until|deadline)\b[^.;!?]*$",
    re.I,
)


def planned(text: str, start: int) -> bool:
    """Do the words before `start` announce a plan ("are scheduled to testify on", "will
    resume on")?"""
    return bool(_FUTURE_CUE.search(text, max(0, start - 60), start))


def _future_context(r: RawMatch) -> bool:
    return planned(r.match.string, r.start)


def weekday(r: RawMatch, pub: date) -> Value:
    wd = cal.WEEKDAYS[r.group("wd") or ""]
    mod = r.group("mod")
    if mod not in ("last", "past") and _future_context(r) and wd != pub.weekday():
        return _day(cal.next_weekday(pub, wd))
    if mod == "next":
        return _day(cal.next_weekday(pub, wd))
    return _day(cal.latest_weekday(pub, wd, strictly_before=mod in ("last", "past")))


def day_of_month(r: RawMatch, pub: date) -> Value | None:
    """'on the 12th': the latest 12th on or before publication (the next one in a plan, "until
    the 15th"); a day no month near publication has ("the 31st" in a run of short months) is none."""
    n = int(str(r.group("day"))[:-2])  # "12th" -> 12 (the grammar's "dom" reads 1st to 31st)
    ahead = _future_context(r) or r.group("prep") in ("until", "till", "by")
    found = cal.latest_day_of_month(pub, n, ahead)
    return _day(found) if found is not None else None


def relday(r: RawMatch, pub: date) -> Value:
    w = " ".join((r.group("w") or "").split())
    if w == "the day before yesterday":
        return _day(pub - timedelta(days=2))
    if w in ("yesterday", "last night", "last evening"):
        return _day(pub - timedelta(days=1))
    return _day(pub)


def ago(r: RawMatch, pub: date) -> Value | None:
    bounds = count_range(r.group("n"))
    unit = (r.group("unit") or "").rstrip("s")
    if bounds is None:
        return None
    lo, hi = bounds
    if r.group("today") and lo == hi and unit in ("week", "month", "year", "decade"):
        return _day(_anniversary(pub, lo, unit))
    if unit in ("minute", "hour"):  # "a few minutes ago", "36 hours ago": that day
        return _day(pub - timedelta(days=hi // 24 if unit == "hour" else 0))
    if unit == "day":
        return _span(pub - timedelta(days=hi), pub - timedelta(days=lo))
    if unit == "week":
        if lo == hi:
            d = pub - timedelta(days=7 * lo)
            return d, d, 2 if lo == 1 else 3
        return _span(pub - timedelta(days=7 * hi), pub - timedelta(days=7 * lo), 3)
    if unit == "month":
        y1, m1 = cal.add_months(pub.year, pub.month, -hi)
        y2, m2 = cal.add_months(pub.year, pub.month, -lo)
        return date(y1, m1, 1), cal.month_end(y2, m2), 3
    years = 10 if unit == "decade" else 1
    return date(pub.year - hi * years, 1, 1), date(pub.year - lo * years, 12, 31), 3


def _anniversary(pub: date, n: int, unit: str) -> date:
    """The day `n` weeks, months, years or decades before publication ("nine years ago today")."""
    if unit == "week":
        return pub - timedelta(days=7 * n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    y, m = cal.add_months(pub.year, pub.month, -months)
    return date(y, m, min(pub.day, cal.month_end(y, m).day))


def unit(r: RawMatch, pub: date) -> Value | None:
    mod = " ".join((r.group("mod") or "").split())
    what = r.group("unit") or ""
    if what == "weekend":
        return _weekend(mod, pub)
    if mod in ("over the", "during the", "at the", "on the"):
        return None  # "during the week" is habitual, not a date
    if what == "week":
        return _week(mod, pub)
    if what == "month":
        return _month(mod, pub)
    return _year(mod, pub)


def _weekend(mod: str, pub: date) -> Value:
    if mod == "next":
        sat = cal.next_weekday(pub, 5)
        return sat, sat + timedelta(days=1), 2
    sat, sun = cal.latest_weekend(pub, strictly_before=mod in ("last", "the previous"))
    return sat, min(sun, pub), 2


def _week(mod: str, pub: date) -> Value:
    monday, sunday = cal.week_of(pub)
    if mod in ("last", "the previous", "early last", "late last") or mod.endswith("end of last"):
        lm, ls = monday - timedelta(days=7), monday - timedelta(days=1)
        if mod == "early last":
            return lm, lm + timedelta(days=2), 2
        if mod in ("late last",) or mod.endswith("end of last"):
            return lm + timedelta(days=3), ls, 2
        return lm, ls, 2
    if mod == "the past":
        return pub - timedelta(days=7), pub, 2
    if mod == "next":
        return sunday + timedelta(days=1), sunday + timedelta(days=7), 2
    if mod in ("later this", "late this"):
        return pub + timedelta(days=1), sunday, 2
    return monday, pub, 2


def _month(mod: str, pub: date) -> Value:
    if mod in ("last", "the previous", "early last", "late last") or mod.endswith("end of last"):
        y, m = cal.add_months(pub.year, pub.month, -1)
        part = "early" if mod == "early last" else "late" if ("late" in mod or "end" in mod) else None
        start, end = cal.part_of_month(y, m, part)
        return start, end, 3
    if mod == "the past":
        return pub - timedelta(days=30), pub, 3
    if mod == "next":
        y, m = cal.add_months(pub.year, pub.month, 1)
        return *cal.month_range(y, m), 3
    if mod in ("later this", "late this"):
        return pub + timedelta(days=1), cal.month_end(pub.year, pub.month), 3
    if "beginning" in mod or mod == "early this":
        start, end = cal.part_of_month(pub.year, pub.month, "early")
        return start, min(end, pub), max(1, cal.precision(start, min(end, pub)))
    return date(pub.year, pub.month, 1), pub, max(2, cal.precision(date(pub.year, pub.month, 1), pub))


def _year(mod: str, pub: date) -> Value:
    if mod in ("last", "the previous", "early last", "late last") or mod.endswith("end of last"):
        part = "early" if mod == "early last" else "late" if ("late" in mod or "end" in mod) else None
        return *cal.part_of_year(pub.year - 1, part), 3
    if mod == "the past":
        return pub - timedelta(days=365), pub, 3
    if mod == "next":
        return date(pub.year + 1, 1, 1), date(pub.year + 1, 12, 31), 3
    if mod in ("later this", "late this"):
        return pub + timedelta(days=1), date(pub.year, 12, 31), 3
    return date(pub.year, 1, 1), pub, 3


def _hours_back(hours: int, pub: date) -> Value:
    """'a few hours ago', 'in the past 24 hours': the report's day, or the days the hours
    reach back over (24 hours before a report span its day and the day before)."""
    days = -(-hours // 24) if hours >= 24 else 0
    return _span(pub - timedelta(days=days), pub)


def past(r: RawMatch, pub: date) -> Value | None:
    what = r.group("unit") or "days"
    bounds = count_range(r.group("n"))
    if what == "hours":
        return None if r.group("n") and bounds is None else _hours_back(bounds[1] if bounds else 6, pub)
    if r.group("n") is None:
        days = DEFAULT_PAST_DAYS[what]
    elif bounds is None:
        return None
    else:
        days = bounds[1] * UNIT_DAYS[what.rstrip("s")]
    return _span(pub - timedelta(days=days), pub, 2)


def span(r: RawMatch, pub: date) -> Value | None:
    """'the three-day battle': a span of that length ending at publication."""
    n = cal.number(r.group("n"))
    if not n or n > 400:
        return None
    length = n * UNIT_DAYS[r.group("unit") or "day"]
    return _span(pub - timedelta(days=length - 1), pub, 2)


def nth_day(r: RawMatch, pub: date) -> Value | None:
    """'for a third day': began k-1 days before publication."""
    word = r.group("ord") or ""
    k = cal.ORDINALS.get(word) or int("".join(c for c in word if c.isdigit()) or 0)
    if k < 2 or k > 60:
        return None
    return _span(pub - timedelta(days=k - 1), pub, 2)


def month_only(r: RawMatch, pub: date) -> Value | None:
    """'in January' (the latest January on or before publication), 'last March', 'since
    September' (handled by the caller as a span), 'the end of March'."""
    m = cal.month_number(r.group("month") or "")
    if m is None:
        return None
    prep = " ".join((r.group("prep") or "").split())
    mod = r.group("mod") or (prep.split()[1] if prep.startswith("the ") else None)
    if prep in ("early", "late", "mid"):
        mod = prep
    if prep == "next":
        year = pub.year if m > pub.month else pub.year + 1
    elif prep == "this":
        year = pub.year
    else:
        year = cal.latest_month(pub, m, strictly_before=prep == "last")
    start, end = cal.part_of_month(year, m, mod)
    return start, end, 3
