"""One event record from every report of it (its members), keeping every source.

`reconcile(members)` is a pure function of the members' `strife.article/1` Event records:

- id: the first member's (the report that founded the event); `articles`: every backing article.
- type: the sub-event type most reports give (ties: ACLED's precedence, the more specific);
  tags: all; background only when every report recalls it as background.
- date narrowed: the day most reports that give a single day agree on (ties: the earliest);
  else the overlap of the reported ranges; else the narrowest range.
- place: the most precise (lowest geo_precision), then the one most reports name, then the first.
- actors: the initiator and target most reports name (ties: a named actor over a generic one,
  then the first); associated actors, perpetrators, victims, targets, weapons: all.
- claims side by side: every count of every report, each with its `article_id`; fatalities
  reconciled from all of them by `strife.figures.reconcile` (the claims rule).
- evidence: every report's sentences, each with its `article_id` (offsets index that article).
- confidence: the highest.

A single member's record is returned unchanged, so an event reported once looks as it always did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from strife.merge.profile import Member, _is_generic_actor

MENTION_FIELDS = ("perpetrators", "victims", "targets", "weapons")


def _precedence(sub_event_type: str) -> int:
    try:
        from strife.detect.typing import rank
    except ImportError:  # the detector is optional here: fall back to no preference
        return 0
    return rank(sub_event_type)


def _type(records: Sequence[dict[str, Any]]) -> tuple[str, str]:
    votes = Counter((r["event_type"], r["sub_event_type"]) for r in records)
    return min(votes, key=lambda t: (-votes[t], _precedence(t[1])))


def _date(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    dates = [r.get("date") or {} for r in records]
    days = [
        d for d in dates if d.get("start") and d.get("end") in (None, d["start"]) and d.get("precision") == 1
    ]
    if days:
        votes = Counter(d["start"] for d in days)
        best = min(votes, key=lambda s: (-votes[s], s))
        return next(d for d in days if d["start"] == best)
    ranges = [d for d in dates if d.get("start")]
    if not ranges:
        return dates[0] if dates else {}
    start = max(d["start"] for d in ranges)
    end = min(d.get("end") or d["start"] for d in ranges)
    if start <= end:
        narrowest = min(ranges, key=lambda d: (d.get("precision") or 9, (d.get("end") or d["start"])))
        if (start, end) == (narrowest["start"], narrowest.get("end") or narrowest["start"]):
            return narrowest
        return {"start": start, "end": end, "precision": 1 if start == end else 2, "text": None}
    return min(ranges, key=lambda d: (d.get("precision") or 9, len(d.get("text") or "")))


def _place(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    places = [r.get("location") or {} for r in records]
    known = [p for p in places if p.get("name") or p.get("country")]
    if not known:
        return places[0] if places else {}
    votes = Counter(p.get("geonames_id") or p.get("name") for p in known)
    return min(
        known, key=lambda p: (p.get("geo_precision") or 9, -votes[p.get("geonames_id") or p.get("name")])
    )


def _actor(records: Sequence[dict[str, Any]], key: str) -> dict[str, Any] | None:
    actors = [r[key] for r in records if r.get(key)]
    if not actors:
        return None
    votes = Counter(a["name"] for a in actors)
    name = min(votes, key=lambda n: (-votes[n], _is_generic_actor(n)))
    return next(a for a in actors if a["name"] == name)


def _union(items: list[dict[str, Any]], key: tuple[str, ...]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for item in items:
        k = tuple(item.get(x) for x in key)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _sourced(members: Sequence[Member], name: str) -> list[dict[str, Any]]:
    return [{**item, "article_id": m.article_id} for m in members for item in m.record.get(name) or []]


def reconcile(members: Sequence[Member]) -> dict[str, Any]:
    """The record of the event the members report (see the module docstring)."""
    if not members:
        raise ValueError("reconcile: an event needs at least one report")
    head = members[0]
    if len(members) == 1:
        return {**head.record, "id": head.member_id}
    records = [m.record for m in members]
    event_type, sub_event_type = _type(records)
    tags = sorted({t for r in records for t in r.get("tags") or []})
    actor1, actor2 = _actor(records, "actor1"), _actor(records, "actor2")
    taken = {a["name"] for a in (actor1, actor2) if a}
    assoc = [a for a in _union([a for r in records for a in r.get("assoc_actors") or []], ("name",))]
    counts = _sourced(members, "counts")
    attack = Counter(r["attack_type"] for r in records if r.get("attack_type"))
    record: dict[str, Any] = {
        **head.record,
        "id": head.member_id,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "tags": tags,
        "background": all(r.get("background") for r in records),
        "date": _date(records),
        "location": _place(records),
        "actor1": actor1,
        "actor2": actor2,
        "assoc_actors": [a for a in assoc if a["name"] not in taken],
        "attack_type": attack.most_common(1)[0][0] if attack else None,
        "counts": counts,
        "fatalities": _fatalities(counts),
        "evidence": _sourced(members, "evidence"),
        "confidence": max(float(r.get("confidence") or 0) for r in records),
        "articles": list(dict.fromkeys(m.article_id for m in members)),
    }
    for name in MENTION_FIELDS:
        record[name] = _sourced(members, name)
    return record


def _fatalities(counts: list[dict[str, Any]]) -> dict[str, Any]:
    """The claims rule over every report's claims. A claim's offsets are its own report's, and
    the rule reads a claim whose words enclose two others as their total ("five soldiers and
    three civilians"): so each report's claims are moved to offsets no other report's share,
    or one report's total would swallow another report's claims as its parts."""
    from strife.figures import reconcile as claims_rule
    from strife.models import Count

    fields = set(Count.model_fields)
    span = max((int(c["end"]) for c in counts), default=0) + 1
    reports: dict[Any, int] = {}
    parsed = []
    for c in counts:
        shift = reports.setdefault(c.get("article_id"), len(reports)) * span
        own = {k: v for k, v in c.items() if k in fields}
        parsed.append(Count(**{**own, "start": own["start"] + shift, "end": own["end"] + shift}))
    return claims_rule(parsed).model_dump()
