"""The rows of an article and its events (`article_columns`, `event_columns`, `claim_columns`:
what both SQL backends store, copied out of the `strife.article/1` record) and the way back
(`event_dict`: what `Store.events()` returns for an event, from its record and its row).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from strife.models import Event
from strife.storage.base import now


def column_date(value: str | None) -> str | None:
    """An ISO date for a date column, or None when `value` is not a date: both backends then
    filter and sort the same rows the same way (the record keeps the text as given)."""
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


def event_columns(event_id: str, article_id: str, event: Event, record: dict[str, Any]) -> dict[str, Any]:
    """The filterable columns of one event, copied out of its record."""
    loc, when, fat = event.location, event.date, event.fatalities
    return {
        "id": event_id,
        "article_id": article_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "background": bool(event.background),
        "date_start": column_date(when.start),
        "date_end": column_date(when.end),
        "time_precision": when.precision,
        "location": loc.name,
        "admin1": loc.admin1,
        "country": loc.country,
        "iso3": loc.iso3,
        "lat": loc.lat,
        "lon": loc.lon,
        "geo_precision": loc.geo_precision,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "fatalities_low": fat.low,
        "fatalities_best": fat.best,
        "fatalities_high": fat.high,
        "confidence": event.confidence,
        "record": json.dumps(record, ensure_ascii=False),
    }


def article_columns(record: dict[str, Any], digest: str, source_id: int | None) -> dict[str, Any]:
    """The row of one article, copied out of its `strife.article/1` record."""
    meta = record["article"]
    return {
        "id": meta["id"],
        "source": meta["source"],
        "source_id": source_id,
        "title": meta["title"],
        "byline": meta["byline"],
        "publisher": meta["publisher"],
        "published": column_date(meta["published"]),
        "published_from": meta["published_from"],
        "language": meta["language"],
        "text": meta["text"],
        "warnings": json.dumps(record["warnings"], ensure_ascii=False),
        "record_hash": digest,
        "record": json.dumps(record, ensure_ascii=False),
        "ingested_at": now(),
    }


#: Between the outlets of an event in `events.publishers` (the ASCII unit separator).
OUTLET_SEPARATOR = "\x1f"

#: The columns of `events` that `event_dict` reads, in its `row`'s order after the record.
STAMP_COLUMNS = "e.id, e.article_id, e.n_sources, e.publishers, e.published, e.ingested_at"


def event_dict(record: dict[str, Any], row: Sequence[Any]) -> dict[str, Any]:
    """What `events()` returns for one event: its record plus where it is stored and who backs
    it. `row` holds the `STAMP_COLUMNS` of the event's row (what migrations 0007 and 0008 keep
    there: the number of backing articles, their outlets, the dates of its article). `record` is
    one just decoded: it is extended in place, not copied (a copy was a tenth of a large read)."""
    record.update(stamp(row))
    return record


def stamp(row: Sequence[Any]) -> dict[str, Any]:
    """The keys `event_dict` adds, in order, from a row of `STAMP_COLUMNS`."""
    event_id, article_id, n_sources, publishers, published, ingested_at = row
    return {
        "id": event_id,
        "article_id": article_id,
        "sources": n_sources,
        "publishers": sorted(publishers.split(OUTLET_SEPARATOR)) if publishers else [],
        "published": published,
        "ingested_at": ingested_at,
    }


def event_record_model(record: dict[str, Any]) -> dict[str, Any]:
    """An event record as `Event` accepts it: what a merged record adds (`articles`, and the
    `article_id` of each count, evidence span and mention) left out."""
    fields = set(Event.model_fields)
    out = {k: v for k, v in record.items() if k in fields}
    for key in ("counts", "evidence", "perpetrators", "victims", "targets", "weapons"):
        out[key] = [{k: v for k, v in item.items() if k != "article_id"} for item in out.get(key) or []]
    return out


def claim_columns(event_id: str, article_id: str, event: Event) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event_id,
            "article_id": article_id,
            "kind": c.kind,
            "grp": c.group,
            "low": c.low,
            "high": c.high,
            "qualifier": c.qualifier,
            "source": c.source,
            "text": c.text,
            "start_offset": c.start,
            "end_offset": c.end,
        }
        for c in event.counts
    ]
