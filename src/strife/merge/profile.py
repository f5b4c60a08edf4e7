"""What the merger compares: a stored contribution (`Member`) and its comparable features (`Profile`).

A member is one event as one article reported it (its `strife.article/1` Event record, the
article it came from, that article's publication date, and the embedding of its evidence). A
stored event is the reconciliation of its members. A `Profile` is computed from a member's
record: the features the blocking rules and the decision function read, normalised once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from unidecode import unidecode

from strife.storage.base import Member
from strife.wordsets import word_set

__all__ = ["Member", "Profile", "family", "singular", "words"]

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})

#: How far before its publication an undated event is assumed to have happened. News reports
#: events of the last days; an event the text does not date is placed in this window.
UNDATED_DAYS = 7

# Words that carry no identity in a victim or target description ("two people", "a house").
_GENERIC_WORDS = (
    "a an the of and or in on at to for with by from his her their its two three four five six "
    "seven eight nine ten several some many other others people person persons man men woman women "
    "one civilian civilians member members group groups unidentified unknown"
)
_GENERIC = word_set(_GENERIC_WORDS)
_WORD = re.compile(r"[a-z0-9]+")


def family(event_type: str, sub_event_type: str) -> str:
    """Event types that can describe one real-world event: violence (battles, explosions,
    violence against civilians are often typed differently by different outlets), demonstrations,
    or each strategic development on its own."""
    if event_type in VIOLENT_TYPES:
        return "violence"
    if event_type in DEMONSTRATION_TYPES:
        return "demonstration"
    return sub_event_type


def words(text: str | None) -> frozenset[str]:
    """Content words of a name or description, ASCII-folded, lower case, crude plural folding."""
    if not text:
        return frozenset()
    out = set()
    for w in _WORD.findall(unidecode(text).lower()):
        if w in _GENERIC or len(w) < 3 or w.isdigit():
            continue
        out.add(singular(w))
    return frozenset(out)


def singular(word: str) -> str:
    """A crude English singular, enough to match "branches" with "branch", "bodies" with "body"."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    return word[:-1]


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _is_generic_actor(name: str) -> bool:
    return name.lower().startswith(("unidentified", "unknown")) or name in (
        "Civilians",
        "Protesters",
        "Rioters",
    )


@dataclass(frozen=True)
class Profile:
    """The comparable features of one member."""

    family: str
    sub_event_type: str
    tags: frozenset[str]
    start: date | None
    end: date | None
    dated: bool
    precision: int | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    geonames_id: int | None
    place: str | None
    admin1: str | None
    country: str | None
    actor1: str | None
    actor2: str | None
    actors: frozenset[str] = field(default_factory=frozenset)
    victims: frozenset[str] = field(default_factory=frozenset)
    targets: frozenset[str] = field(default_factory=frozenset)
    deaths: int | None = None

    @classmethod
    def of(cls, record: dict[str, Any], published: str | None = None) -> Profile:
        when, loc = record.get("date") or {}, record.get("location") or {}
        start, end = _day(when.get("start")), _day(when.get("end"))
        dated = start is not None
        if start is None and (pub := _day(published)) is not None:
            start, end = pub - timedelta(days=UNDATED_DAYS), pub
        a1 = (record.get("actor1") or {}).get("name")
        a2 = (record.get("actor2") or {}).get("name")
        named = [a1, a2, *[(x or {}).get("name") for x in record.get("assoc_actors") or []]]
        fat = record.get("fatalities") or {}
        return cls(
            family=family(record.get("event_type", ""), record.get("sub_event_type", "")),
            sub_event_type=record.get("sub_event_type", ""),
            tags=frozenset(record.get("tags") or ()),
            start=start,
            end=end or start,
            dated=dated,
            precision=when.get("precision") if dated else None,
            lat=loc.get("lat"),
            lon=loc.get("lon"),
            geo_precision=loc.get("geo_precision"),
            geonames_id=loc.get("geonames_id"),
            place=loc.get("name"),
            admin1=loc.get("admin1"),
            country=loc.get("country"),
            actor1=a1,
            actor2=a2,
            actors=frozenset(n for n in named if n and not _is_generic_actor(n)),
            victims=frozenset().union(*(words(m.get("text")) for m in record.get("victims") or [])),
            targets=frozenset().union(*(words(m.get("text")) for m in record.get("targets") or [])),
            deaths=fat.get("best"),
        )
