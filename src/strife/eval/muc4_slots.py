"""Reading MUC-4 answer-key slots (date, location, human-target numbers and effects) and
comparing them with a strife event's `date`, `location`, `fatalities` and `counts`.

Key conventions (MUC-4 task definition): a date is `DD MON YY`, a range `D1 - D2`, or `- D`
(on or before D, the usual slot when the text gives no day, or only a weekday name: the keys do
not resolve those); alternatives are separate strings. The year `00` is an unknown year: every key
that writes it (2 dev templates, 3 train) belongs to a message whose dateline gives no year ("NO
DATE", "13 NOV"), so such a key states a day and a month only, and is judged by them.
A location is `COUNTRY: PLACE (KIND): PLACE (KIND)`, general to specific. Human targets carry a
number (`6`, `~100`, `PLURAL`, `3-` at least three) and an effect (`DEATH`, `INJURY`,
`NO INJURY OR DEATH`, ...), linked through the target's strings. A target that suffered
several effects is listed once per effect, and its numbers follow the order of its effects, after
the size of the whole group when the key gives it (`~70`, `9`, `3` for DEATH, INJURY: 9 dead, 3
hurt of about 70).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from unidecode import unidecode

from strife.eval.muc4 import normalise
from strife.gazetteer.muc import PLACE_KINDS  # the kinds of place a key names, never a place
from strife.models import DateInfo, Event, Location
from strife.timex.muc4 import key_undated

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# "02 FEB 90"; a few keys spell the month out ("03 MARCH 90"), put it first ("OCT 18") or leave
# out the year ("11 NOV": the message's year)
_DAY = re.compile(r"(\d{1,2})\s+([A-Z]{3})[A-Z]*(?:\s+(\d{2}))?|([A-Z]{3})[A-Z]*\s+(\d{1,2})")
_NO_DEATH = frozenset({"NO DEATH", "NO INJURY OR DEATH"})
_NO_INJURY = frozenset({"NO INJURY", "NO INJURY OR DEATH"})

# -- dates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyDate:
    """A key date: a day (start == end), a range, or `- D` (start None: on or before `end`).
    `year_known` is False for a key written with the year `00` (the year is then a stand-in,
    `STAND_IN_YEAR`, and only the day and month are the key's: a range may then run across New
    Year, its start after its end)."""

    start: date | None
    end: date
    year_known: bool = True


#: The year a key writes when the message does not say it.
UNKNOWN_YEAR = "00"
#: The year read for `00`: a leap year, so that '29 FEB 00' is a day.
STAND_IN_YEAR = 2000


def _day(text: str, published: date | None = None) -> date | None:
    """A key day; one without its year takes the year that puts it nearest the message's date
    (None when neither says the year). The unknown year `00` reads as `STAND_IN_YEAR`, a stand-in
    (`KeyDate.year_known`)."""
    m = _DAY.fullmatch(text.strip().upper())
    if not m:
        return None
    day, month, yy = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), None)
    if month not in _MONTHS:
        return None
    try:
        if yy is not None:
            year = STAND_IN_YEAR if yy == UNKNOWN_YEAR else 1900 + int(yy)
            return date(year, _MONTHS.index(month) + 1, int(day))
        if published is None:
            return None
        options = [date(y, _MONTHS.index(month) + 1, int(day)) for y in (published.year - 1, published.year)]
        return min(options, key=lambda d: abs((published - d).days))
    except ValueError:
        return None


def parse_key_date(text: str, published: date | None = None) -> KeyDate | None:
    """`02 FEB 90`, `17 FEB 90 - 18 FEB 90` or `- 26 JAN 90` (None when unreadable); `published`
    gives the year to a key day written without one."""
    left, sep, right = str(text).partition("-")
    known = not any(_year_unknown(part) for part in (left, right))
    if not sep:
        day = _day(left, published)
        return KeyDate(day, day, known) if day else None
    end = _day(right, published)
    if end is None:
        return None
    if not left.strip():
        return KeyDate(None, end, known)
    start = _day(left, published)
    if start is None or (known and start > end):
        return None
    return KeyDate(start, end, known)  # of unknown year, '28 DEC 00 - 02 JAN 00' is a range too


def _year_unknown(text: str) -> bool:
    m = _DAY.fullmatch(text.strip().upper())
    return m is not None and m.group(3) == UNKNOWN_YEAR


def key_dates(key: dict[str, Any], published: str | None = None) -> list[KeyDate]:
    """Every readable alternative of the key's incident date."""
    pub = _iso(published)
    out = []
    for entry in key.get("incident_date") or []:
        for s in entry.get("strings") or []:
            if (d := parse_key_date(s, pub)) is not None:
                out.append(d)
    return out


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def date_matches(info: DateInfo, keys: list[KeyDate], published: str | None = None) -> bool:
    """Exact match with one alternative: the same day or the same range. The key's `- D` (on or
    before D) is its answer when the text names no day: it matches a date strife holds without
    a day of its own (none, month precision or vaguer, a span counted back from publication
    such as "last week", a day read from a weekday name alone: `strife.timex.muc4.key_undated`)
    when D is the publication date. A day or range strife holds matches the same day or range
    however it was read; against a key of unknown year (`00`), the same days and months."""
    start = _iso(info.start)
    end = _iso(info.end) or start
    undated = key_undated(info)
    for k in keys:
        same = _same if k.year_known else _same_day_of_year
        if k.start is None:
            if undated and same(_iso(published), k.end):
                return True
        elif same(start, k.start) and same(end, k.end):
            return True
    return False


def _same(a: date | None, b: date | None) -> bool:
    return a is not None and a == b


def _same_day_of_year(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and (a.month, a.day) == (b.month, b.day)


# -- locations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyPlace:
    """A key location: the country, the named places (each a set of alternatives) general to
    specific, and the slot as the original key writes it."""

    country: str | None
    levels: tuple[tuple[str, ...], ...]
    text: str


def key_location(key: dict[str, Any]) -> KeyPlace | None:
    entries = key.get("incident_location") or []
    if not entries:
        return None
    country: str | None = None
    levels: list[tuple[str, ...]] = []
    parts: list[str] = []
    for n, entry in enumerate(entries):
        if entry.get("type") == "colon_clause":
            names = tuple(entry.get("strings_lhs") or [])
            parts.append(f"{' / '.join(names)} ({' / '.join(entry.get('strings_rhs') or [])})")
        else:
            names = tuple(s for s in entry.get("strings") or [] if s.upper() not in PLACE_KINDS)
            parts.append(" / ".join(entry.get("strings") or []))
        if n == 0 and entry.get("type") != "colon_clause" and names:
            country = names[0]
        elif names:
            levels.append(names)
    return KeyPlace(country, tuple(levels), ": ".join(p for p in parts if p))


def _plain(name: str | None) -> str:
    return normalise(unidecode(name or ""))


def place_matches(location: Location, key: KeyPlace) -> tuple[bool, bool]:
    """(country matches, most specific named place matches): accent-, case- and
    punctuation-insensitive comparison of the event's country and its place name or words."""
    country = bool(key.country) and _plain(location.country) == _plain(key.country)
    specific = False
    if key.levels:
        wanted = {_plain(n) for n in key.levels[-1]}
        mine = {_plain(location.name), _plain(location.text)} - {""}
        specific = bool(mine & wanted)
    return country, specific


# -- human targets: deaths and injuries -----------------------------------------------------

Range = tuple[float, float]


def parse_number(text: str) -> Range | None:
    """A key number as a range: `6` (6, 6), `~100` (100, 100), `3-` (3, inf), `-3` (0, 3),
    `PLURAL` (2, inf)."""
    s = str(text or "").strip().upper()
    if s == "PLURAL":
        return (2, math.inf)
    m = re.fullmatch(r"(-?)\s*~?\s*(\d+)\s*(-?)", s)
    if not m:
        return None
    n = float(m.group(2))
    if m.group(3):
        return (n, math.inf)
    if m.group(1):
        return (0, n)
    return (n, n)


def _numbers(key: dict[str, Any]) -> list[tuple[frozenset[str], Range]]:
    """The key's number entries in key order: (the target's strings, its range; alternatives in
    one entry widen the range)."""
    out = []
    for entry in key.get("hum_tgt_number") or []:
        ranges = [r for s in entry.get("strings_lhs") or [] if (r := parse_number(s))]
        if ranges:
            low = min(r[0] for r in ranges)
            high = max(r[1] for r in ranges)
            out.append((frozenset(entry.get("strings_rhs") or []), (low, high)))
    return out


def _effects(key: dict[str, Any]) -> list[tuple[frozenset[str], list[str], bool]]:
    """Each human target (its strings) with its effects in key order, however many entries
    list them (`DEATH: "PERSONS"`, then `INJURY: "PERSONS"`), and whether the key marks it
    optional (a target an answer may include or leave out)."""
    kinds: dict[frozenset[str], list[str]] = {}
    optional: dict[frozenset[str], bool] = {}
    for e in key.get("hum_tgt_effect_of_incident") or []:
        targets = frozenset(e.get("strings_rhs") or [])
        kinds.setdefault(targets, []).extend(e.get("strings_lhs") or [])
        optional[targets] = optional.get(targets, True) and bool(e.get("optional"))
    return [(t, k, optional[t]) for t, k in kinds.items()]


def _share(targets: frozenset[str], kinds: list[str], effect: str, numbers: list) -> Range:
    """How many of a target suffered `effect`. The key lists a target's numbers in the order of
    its effects (`DEATH`, `INJURY` with `20`, `~100`: 20 dead, about 100 hurt), after the size
    of the whole group when it gives one (`~70`, `9`, `3`: 9 of a patrol of about 70 dead, 3
    hurt). With fewer numbers than effects the key does not say which effect a number counts, so
    only 'at least one' is known, as for a target with no number."""
    own = [r for names, r in numbers if names == targets]
    own = own or [r for names, r in numbers if names & targets]
    if len(own) < len(kinds):
        return (1.0, math.inf)
    return own[len(own) - len(kinds) + kinds.index(effect)]


def key_figure(key: dict[str, Any], effect: str) -> Range | None:
    """How many people the key says suffered `effect` (DEATH or INJURY), as a range; (0, 0) when
    the key says no one did; None when the key does not say. A target listed under both DEATH
    and INJURY counts, for each, only the number the key gives for that effect; an optional
    target may be counted or not (it adds 0 to the low end)."""
    effects = _effects(key)
    hit = [(targets, kinds, optional) for targets, kinds, optional in effects if effect in kinds]
    if not hit:
        denial = _NO_DEATH if effect == "DEATH" else _NO_INJURY
        return (0, 0) if any(set(kinds) & denial for _, kinds, _ in effects) else None
    total = key.get("hum_tgt_total_number")
    numbers = _numbers(key)
    # the total counts every target: it is the figure of an effect only when that is all they
    # suffered, and a target the key numbers but gives no effect (children in a house where only
    # a niece was hurt) is among the total too
    every = all(set(kinds) == {effect} for _, kinds, _ in effects)
    if total and every and all(any(names & t for t, _, _ in effects) for names, _ in numbers):
        ranges = [r for e in total for s in e.get("strings") or [] if (r := parse_number(s))]
        if ranges:
            return ranges[0]
    low = high = 0.0
    members = _members(key, [targets for targets, _, _ in hit])
    for targets, kinds, optional in hit:
        if targets in members:
            continue  # counted in its group's number
        found = _share(targets, kinds, effect, numbers)
        low, high = low + (0 if optional else found[0]), high + found[1]
    return (low, high)


def _plurals(noun: str) -> set[str]:
    return {noun + "S", noun + "ES", noun[:-1] + "IES", noun.replace("MAN", "MEN")} - {noun}


def _members(key: dict[str, Any], targets: list[frozenset[str]]) -> set[frozenset[str]]:
    """The targets the key describes as one of another target it lists ('JESUIT PRIEST:
    "IGNACIO ELLACURIA"' beside "JESUIT PRIESTS" numbered 6; 'DOMESTIC: "ELBA RAMOS"' beside
    "DOMESTICS" numbered 2): the key numbers each target, so the member is one of its group's
    number, not one more person."""
    described: dict[str, set[str]] = {}
    for entry in key.get("hum_tgt_description") or []:
        if entry.get("type") == "colon_clause":
            for name in entry.get("strings_rhs") or []:
                described.setdefault(name, set()).update(s for s in entry.get("strings_lhs") or [] if s)
    numbered = {name for entry in key.get("hum_tgt_number") or [] for name in entry.get("strings_rhs") or []}
    out = set()
    for target in targets:
        kinds = {d for name in target for d in described.get(name, ())}
        groups = {p for d in kinds for p in _plurals(d)} & numbered
        if any(other != target and other & groups for other in targets):
            out.add(target)
    return out


def strife_figure(event: Event, kind: str) -> int:
    """The event's figure of a kind: reconciled fatalities (best, else low, else high), or the
    largest lower bound of its counts of that kind; 0 when the event gives none."""
    if kind == "fatalities":
        f = event.fatalities
        for value in (f.best, f.low, f.high):
            if value is not None:
                return value
    lows = [c.low for c in event.counts if c.kind == kind and c.low is not None]
    return max(lows, default=0)


def incident_figure(events: list[Event], kind: str) -> int:
    """The figure of a kind of one incident the mapping built from several events (templates of
    one type hitting the same people are one incident, `muc4_map`): fatalities reconciled from
    all their claims by the stage's rule (`strife.figures.reconcile`), so a restatement is not
    added to the toll it restates; other kinds the largest lower bound, as for one event."""
    if len(events) == 1:
        return strife_figure(events[0], kind)
    merged = Event(id="incident", event_type=events[0].event_type, sub_event_type=events[0].sub_event_type)
    merged.counts = [c for e in events for c in e.counts]
    if kind == "fatalities":
        from strife.figures import reconcile  # loads the actor dictionary's ranks on first use

        merged.fatalities = reconcile(merged.counts)
    return strife_figure(merged, kind)


#: How far from the incident's town a place another of its events names may lie and be a part
#: of that town (a district, a neighbourhood the gazetteer lacks placed at the town's point).
PART_KM = 15.0


def incident_location(events: list[Event], primary: Event) -> Location:
    """The place of one incident the mapping built from several events: the primary event's,
    or a part of its town another of the incident's events names ("the offensive after the
    attack in Medellin" and "a car bomb exploded in a district of Medellin known as Las
    Americas" are one incident in Las Americas)."""
    from strife.gazetteer.places import distance_km

    town = primary.location
    if town is None or town.lat is None or town.lon is None or town.geo_precision != 1:
        return town
    for e in events:
        part = e.location
        if (
            e is not primary
            and part is not None
            and part.lat is not None
            and part.lon is not None
            and part.name != town.name
            and part.country == town.country
            and part.admin2 is not None
            and part.admin2 == town.admin2  # the town's own municipality
            and distance_km(part.lat, part.lon, town.lat, town.lon) <= PART_KM
        ):
            return part
    return town


def figure_matches(value: int, expected: Range) -> bool:
    return expected[0] <= value <= expected[1]
