"""Gold clusters of MUC-4 incidents reported by more than one document, derived from the full keys.

Every key template (one incident of one document) is an item. Two templates of different
documents are taken as one real-world incident when all of these hold:

- incident type: the same (a key may give alternatives, `ATTACK / BOMBING`: one in common);
- date: the key dates overlap (`- 23 MAR 90` is "on or before 23 March"; a template without a
  readable date does not contradict);
- location: the same country, and when both name places below the country, a place in common;
- victims or targets in common: a named human target (one name within the other, "IGNACIO
  ELLACURIA" / "JOSE IGNACIO ELLACURIA"; a lone word only as the other's surname, "ROMERO"); or,
  when both keys give a definite day or range and they overlap within a day, a content word in
  common among the human target descriptions and the physical targets ("EMBASSY", "BANK
  BRANCHES"), which alone are too common to tie reports whose dates are open-ended.

The clusters are the connected components of that relation. The rule uses only the keys, never
strife's output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations
from typing import Any

from unidecode import unidecode

from strife.eval.muc4_slots import KeyDate, KeyPlace, key_dates, key_location
from strife.merge.profile import words

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class KeyIncident:
    """One key template: its document, its number there, and what the gold rule compares."""

    doc: str
    index: int
    types: frozenset[str]
    dates: tuple[KeyDate, ...]
    place: KeyPlace | None
    names: frozenset[tuple[str, ...]]
    things: frozenset[str]

    @property
    def item(self) -> str:
        return f"{self.doc}#{self.index}"


def _strings(slot: Any) -> list[str]:
    out: list[str] = []
    for entry in slot or []:
        out += entry.get("strings") or entry.get("strings_rhs") or []
    return out


def incident(doc: str, index: int, key: dict[str, Any]) -> KeyIncident | None:
    """The comparable parts of a key template (None for a document with no incident)."""
    kind = str(key.get("incident_type") or "").strip().upper()
    if not kind or kind == "*":
        return None
    names = frozenset(_name(s) for s in _strings(key.get("hum_tgt_name"))) - {()}
    things = frozenset().union(
        *(words(s) for slot in ("hum_tgt_description", "phys_tgt_id") for s in _strings(key.get(slot)))
    )
    return KeyIncident(
        doc=doc,
        index=index,
        types=frozenset(t.strip() for t in kind.split("/") if t.strip()),
        dates=tuple(key_dates(key)),
        place=key_location(key),
        names=names,
        things=things,
    )


def _name(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(unidecode(re.sub(r"\[.*?\]", " ", text)).lower()))


def _names_match(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> bool:
    for x in a:
        for y in b:
            short, long_ = sorted((x, y), key=len)
            if len(short) >= 2 and set(short) <= set(long_):
                return True
            if len(short) == 1 and len(short[0]) >= 4 and short[0] == long_[-1]:
                return True
    return False


def _definite_overlap(a: tuple[KeyDate, ...], b: tuple[KeyDate, ...]) -> bool:
    one_day = timedelta(days=1)
    return any(
        x.start and y.start and x.start - one_day <= y.end and y.start - one_day <= x.end
        for x in a
        for y in b
    )


def _dates_overlap(a: tuple[KeyDate, ...], b: tuple[KeyDate, ...]) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            x_start, y_start = x.start or x.end.replace(year=1), y.start or y.end.replace(year=1)
            if x_start <= y.end and y_start <= x.end:
                return True
    return False


def _places_agree(a: KeyPlace | None, b: KeyPlace | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country.upper() != b.country.upper():
        return False
    if not a.levels or not b.levels:
        return True
    names_a = {n.upper() for level in a.levels for n in level}
    return any(n.upper() in names_a for level in b.levels for n in level)


def same_incident(a: KeyIncident, b: KeyIncident) -> bool:
    """The gold rule (see the module docstring)."""
    return (
        a.doc != b.doc
        and bool(a.types & b.types)
        and _dates_overlap(a.dates, b.dates)
        and _places_agree(a.place, b.place)
        and (
            _names_match(a.names, b.names)
            or (bool(a.things & b.things) and _definite_overlap(a.dates, b.dates))
        )
    )


def gold_clusters(keys: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Cluster number of every key incident (`doc#index`), from the keys of a split."""
    incidents = [
        i for doc, templates in keys.items() for n, t in enumerate(templates) if (i := incident(doc, n, t))
    ]
    parent = {i.item: i.item for i in incidents}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in combinations(incidents, 2):
        if same_incident(a, b):
            parent[root(a.item)] = root(b.item)
    roots = {r: n for n, r in enumerate(dict.fromkeys(root(i.item) for i in incidents))}
    return {i.item: roots[root(i.item)] for i in incidents}
