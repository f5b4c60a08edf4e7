"""Resolve the grammar's matches into dates, against the publication date and each other.

`find_timexes(text, published)` scans the text, resolves every expression left to right, and
returns `Timex` objects plus the warnings to put on the article. Rules:

- absolute dates resolve without a publication date; everything relative needs one and stays
  unresolved (with one warning) without it: a day is never invented;
- impossible dates ("31 February") and dates more than `FAR_FUTURE_DAYS` after publication are
  rejected with a warning;
- "since X" is the span from X to publication;
- anchors ("two days later", "the next day") count from the last day-precise date mentioned
  before them that is not the day of a report or statement, and a time of day with no day ("at 2120") is on that date (else on the day of
  publication); "a day after <event>" relates two events: the clause it heads is dated
  relative to the main clause (see `Timex.main`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from strife.models import DateInfo
from strife.timex import calendar as cal
from strife.timex import relative as rel
from strife.timex.grammar import RawMatch, is_reporting, scan

Value = tuple[date, date, int]

#: An expression dated more than this many days after publication is rejected as misread.
FAR_FUTURE_DAYS = 366
#: A day up to this many days after publication may still be the story's (time zones, late
#: filing); a later one is a plan, and anchors do not count from it.
REFERENCE_SLACK_DAYS = 1

_RELATIVE = {
    "weekday": rel.weekday, "relday": rel.relday, "ago": rel.ago, "unit": rel.unit, "past": rel.past,
    "span": rel.span, "nth_day": rel.nth_day, "month": rel.month_only, "dom": rel.day_of_month,
}  # fmt: skip
_ANCHORS = ("anchor", "anchor_rel", "anchor_eve")
#: Expressions dated from the discourse or the publication, not from their own words.
_NO_DAY = (*_ANCHORS, "clock")
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
_COMPLEMENT_START = re.compile(r"\s*(?!that\b|this\b|then\b)[\w\"'“‘(]", re.I)


class Unresolved(Exception):
    """The expression cannot be dated; `warning` says why when the article should know."""

    def __init__(self, warning: str | None = None) -> None:
        super().__init__(warning or "")
        self.warning = warning


@dataclass
class Timex:
    """One time expression with what it resolved to.

    `value` is (start, end, precision) or None. For an event-relating anchor ("a day after
    the attack"), `value` dates its complement (the attack) and `main` the clause it modifies.
    """

    start: int
    end: int
    text: str
    kind: str
    value: Value | None = None
    relative: bool = False
    complement: bool = False
    main: Value | None = None
    offset: int = 0
    reporting: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def day(self) -> bool:
        return self.value is not None and self.value[2] == 1

    def info(self, value: Value | None = None) -> DateInfo | None:
        v = value if value is not None else self.value
        if v is None:
            return None
        return DateInfo(start=v[0].isoformat(), end=v[1].isoformat(), precision=v[2], text=self.text)


def _year_of(yy: str, pub: date | None) -> int:
    """A two-digit year in the century that puts it nearest to publication (or to 2000)."""
    n = int(yy)
    base = pub.year if pub else 2000
    return min((c + n for c in (1900, 2000)), key=lambda y: (abs(y - base), y))


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Unresolved(f"impossible date {text!r} ignored") from None


def _day_number(word: str | None) -> int:
    return int("".join(c for c in (word or "") if c.isdigit()))


def _year_for(r: RawMatch, month: int, day: int, pub: date | None) -> int:
    """The explicit year, or for a day and month alone the year that puts the date nearest
    to publication ("on 28 December" in a January report is last year's)."""
    if r.group("year"):
        return int(r.group("year") or 0)
    if r.group("yy"):
        return _year_of(r.group("yy") or "", pub)
    if pub is None:
        raise Unresolved(None)
    safe_day = min(day, 28)  # an impossible day is reported by _make_date
    return min(
        (pub.year - 1, pub.year, pub.year + 1),
        key=lambda y: (abs((date(y, month, safe_day) - pub).days), y > pub.year),
    )


def _absolute(r: RawMatch, pub: date | None) -> Value | None:
    text = r.match.group(0)
    if r.kind == "date_num":
        return _numeric(r, text)
    month = int(r.group("month") or 0) if r.kind == "date_iso" else cal.month_number(r.group("month") or "")
    if not month:
        raise Unresolved(f"impossible date {text!r} ignored")
    if r.kind.startswith("range_"):
        d1, d2 = _day_number(r.group("d1")), _day_number(r.group("d2"))
        year = _year_for(r, month, d1, pub)
        first, last = _make_date(year, month, d1, text), _make_date(year, month, d2, text)
        if last < first:
            raise Unresolved(f"date range {text!r} ends before it starts; ignored")
        return first, last, max(1, cal.precision(first, last))
    day = _day_number(r.group("day"))
    d = _make_date(_year_for(r, month, day, pub), month, day, text)
    return d, d, 1


def _numeric(r: RawMatch, text: str) -> Value | None:
    """dd/mm/yyyy or mm/dd/yyyy; only when one part exceeds 12 is the order certain."""
    a, b, year = int(r.group("a") or 0), int(r.group("b") or 0), int(r.group("year") or 0)
    if a > 12 >= b:
        d = _make_date(year, b, a, text)
    elif b > 12 >= a or a == b:
        d = _make_date(year, a, b, text)
    else:
        return None  # ambiguous day/month order: not guessed
    return d, d, 1


def _month_year(r: RawMatch) -> Value | None:
    month = cal.month_number(r.group("month") or "")
    if month is None:
        return None
    start, end = cal.part_of_month(int(r.group("year") or 0), month, r.group("mod"))
    return start, end, 3


def _year(r: RawMatch) -> Value:
    start, end = cal.part_of_year(int(r.group("year") or 0), r.group("mod"))
    return start, end, 3


def _shift(d: date, n: int, unit: str) -> date:
    if unit.startswith("month"):
        y, m = cal.add_months(d.year, d.month, n)
        return date(y, m, min(d.day, cal.month_end(y, m).day))
    if unit.startswith("year"):
        return _shift(d, 12 * n, "month")
    return d + timedelta(days=n * rel.UNIT_DAYS.get(unit.rstrip("s"), 1))


def _anchor_parts(r: RawMatch) -> tuple[int, int, str, str]:
    """(low count, high count, unit, direction) of an anchor: direction is +1/-1/0 as 'after'."""
    if r.kind == "anchor_eve":
        return 1, 1, "day", "before"
    if r.kind == "anchor_rel":
        relword = r.group("rel") or ""
        unit = r.group("unit") or "day"
        unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
        direction = (
            "same" if relword == "same" else "later" if relword in ("next", "following") else "earlier"
        )
        return 1, 1, unit, direction
    n = r.group("n")
    lo, hi = (1, 1) if n == "the" else (rel.count_range(n) or (1, 1))
    unit = (r.group("unit") or r.group("bare") or "day").rstrip("s")
    if unit in ("hour", "minute", "moment"):
        lo = hi = 0
        unit = "day"
    if unit == "night":
        unit = "day"
    return lo, hi, unit, " ".join((r.group("dir") or "after").split())


def _anchor(r: RawMatch, t: Timex, ref: Value | None, text: str) -> None:
    """Date an anchor from the discourse reference `ref` (the last day-precise date)."""
    lo, hi, unit, direction = _anchor_parts(r)
    t.complement = direction in ("after", "before", "prior to") and bool(_COMPLEMENT_START.match(text, r.end))
    if ref is None:
        t.problems.append("no earlier date to count from")
        return
    sign = 0 if direction == "same" else 1 if direction in ("after", "later") else -1
    if t.complement:
        sign = -sign  # "X a day after Y": Y is a day before X, and X is the main clause's date
        t.main = ref
    base = ref[0]
    first, last = sorted((_shift(base, sign * lo, unit), _shift(base, sign * hi, unit)))
    p = 1 if first == last and unit == "day" else 2 if unit in ("day", "week") else 3
    t.value = (first, last, max(p, cal.precision(first, last)))
    t.offset = sign * lo


def _drop_future_complement(t: Timex, pub: date | None) -> None:
    """An anchor such as "the day before the killing" that, counted from the day the text last
    named, puts the killing after the report telling it as done: the main clause is not on that
    day, so the anchor dates neither clause."""
    if t.complement and t.value is not None and pub is not None and t.value[0] > pub:
        t.value = t.main = None
        t.problems.append("counted from the day last named, the event it names lies after publication")


def _resolve_one(r: RawMatch, pub: date | None) -> Value | None:
    if r.kind.startswith(("date_", "range_")):
        return _absolute(r, pub)
    if r.kind == "month_year":
        return _month_year(r)
    if r.kind == "year":
        return _year(r)
    if pub is None:
        raise Unresolved(None)
    return _RELATIVE[r.kind](r, pub)


def _since(r: RawMatch, text: str) -> bool:
    return r.group("prep") == "since" or bool(_SINCE_BEFORE.search(text, max(0, r.start - 12), r.start))


def _apply_since(t: Timex, pub: date | None) -> None:
    if t.value is None:
        return
    start = t.value[0]
    if pub is None:
        t.value = None
        t.problems.append("a span up to publication needs the publication date")
        return
    t.value = (start, pub, max(2, cal.precision(start, pub)))


def _clock(ref: Value | None, pub: date | None) -> Value:
    """A time of day with no day of its own ("the attack took place at 2120") is on the day
    the text last named, else on the day of the report (wire copy gives the clock time of an
    event of the day it is filed, often with its GMT equivalent)."""
    if ref is not None:
        return ref[0], ref[0], 1
    if pub is None:
        raise Unresolved(None)
    return pub, pub, 1


def _check_future(t: Timex, pub: date | None, warnings: list[str]) -> None:
    if t.value is not None and pub is not None and t.value[0] > pub + timedelta(days=FAR_FUTURE_DAYS):
        warnings.append(f"date {t.text!r} lies far after publication ({pub.isoformat()}); ignored")
        t.value = None


def _reference(t: Timex, pub: date | None) -> bool:
    """Can later anchors ("two days later", "moments after the attack") count from `t`? A day
    of its own words, not a day after publication: a plan ("will take office on 1 June") is no
    point of the story an anchor looks back to; nor is the day of a report (`Timex.reporting`):
    the dateline, the day the report was filed ("On the same night ...", "The day after the
    crime ..." before the text names any day count from a day the text has not told), or the
    day of a statement ("the minister disclosed this afternoon that ... Minutes after the
    killing ...": the killing is not of the afternoon the minister spoke)."""
    if t.value is None or t.value[2] != 1 or t.complement or t.kind == "clock" or t.reporting:
        return False
    return pub is None or t.value[0] <= pub + timedelta(days=REFERENCE_SLACK_DAYS)


def find_timexes(text: str, published: date | None) -> tuple[list[Timex], list[str]]:
    """Every time expression of `text`, resolved; and the warnings for the article."""
    out: list[Timex] = []
    warnings: list[str] = []
    ref: Value | None = None
    needing_pub: list[str] = []
    for r in scan(text):
        t = Timex(r.start, r.end, r.match.group(0), r.kind, relative=r.kind in _RELATIVE or r.kind in _NO_DAY)
        t.reporting = is_reporting(text, r.start, r.end)
        try:
            if r.kind in _ANCHORS:
                _anchor(r, t, ref, text)
                _drop_future_complement(t, published)
            elif r.kind == "clock":
                t.value = _clock(ref, published)
            else:
                t.value = _resolve_one(r, published)
                if t.value is None:
                    continue  # the words were not a date after all
                if _since(r, text):
                    _apply_since(t, published)
        except Unresolved as exc:
            if exc.warning:
                warnings.append(exc.warning)
                continue
            needing_pub.append(t.text)
        _check_future(t, published, warnings)
        out.append(t)
        if _reference(t, published):
            ref = t.value
    if needing_pub and published is None:
        warnings.append(
            f"no publication date: {len(needing_pub)} relative time expression(s) left unresolved "
            f"(e.g. {needing_pub[0]!r})"
        )
    return _merge_ranges(out, text), warnings


# A day named relative to publication and then by its date ("Tuesday, March 10", "today, 30
# June", "last Friday (17 November)"): the date says which day; a dispatch dated by its
# dateline may have been written the day before it was filed.
_NAMED_DAY = ("weekday", "relday")
_APPOSED = ("", ",", "(")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$", re.I)
# what may stand between a time of day and its day: a comma, "on", its GMT or local equivalent
_CLOCK_GAP = re.compile(
    r"\s*(?:\((?:[^()\n]{0,20}gmt|local\s+time)[^()\n]{0,12}\)\s*)?,?\s*(?:on\s+|of\s+)?", re.I
)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)


def _clock_day(first: Timex, second: Timex, text: str) -> Timex | None:
    """The day expression of a time of day and the day it is on, written side by side ("at
    0200 today", "yesterday at 2200", "at 2350 (0550 GMT) on 16 January"); else None."""
    kinds = (first.kind == "clock", second.kind == "clock")
    if kinds not in ((True, False), (False, True)):
        return None
    day = second if kinds[0] else first
    if day.value is None or not _CLOCK_GAP.fullmatch(text[first.end : second.start]):
        return None
    return day


def _joinable(first: Timex, second: Timex) -> bool:
    """Can two joined expressions make one span? Two dates ("from 3 March to 5 April"), or two
    days of the same kind named from publication ("late last night and early this morning",
    "between Friday and Saturday"); an anchor or a rolling span makes none. ("and" joins only
    after "between" or "from", or two days named from publication.)"""
    if not first.relative and not second.relative:
        return True
    return first.kind == second.kind and first.kind in _NAMED_DAY and first.day and second.day


def _merge_ranges(timexes: list[Timex], text: str) -> list[Timex]:
    """'from 3 March to 5 April', 'between X and Y': two dates joined into one span; a weekday
    or "today" directly before a date ("Tuesday, March 10", "today, 30 June") folds into it,
    and so does a time of day beside its day ("at 2200 last night", "at 1010 on 5 July")."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if prev is not None and (day := _clock_day(prev, t, text)) is not None:
            out[-1] = replace(day, start=prev.start, end=t.end, text=text[prev.start : t.end])
            continue
        if prev is not None and prev.value and t.value:
            gap = text[prev.end : t.start]
            if prev.kind in _NAMED_DAY and t.kind.startswith("date_") and gap.strip() in _APPOSED:
                out[-1] = Timex(
                    prev.start, t.end, text[prev.start : t.end], t.kind, t.value, reporting=prev.reporting
                )
                continue
            joined = _RANGE_JOIN.match(gap) and (
                gap.strip().lower() != "and"
                or _RANGE_OPEN.search(text, max(0, prev.start - 10), prev.start)
                or prev.kind == t.kind == "relday"  # "late last night and early this morning"
            )
            if joined and _joinable(prev, t) and prev.value[0] <= t.value[1]:
                start, end = prev.value[0], t.value[1]
                span = (start, end, max(prev.value[2], cal.precision(start, end)))
                out[-1] = Timex(prev.start, t.end, text[prev.start : t.end], "range", span)
                continue
        out.append(t)
    return out
