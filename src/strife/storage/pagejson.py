"""One page of an event search as JSON, for the REST API's `GET /api/events`: reads the page's
keys (`search.page_keys`: rowids on SQLite, ids elsewhere) and adds what `Store.events()` adds to
each record (`rows.event_dict`: article, number of sources, outlets, published, ingested_at).

On SQLite the record is not parsed: a record that starts with its own id, as strife writes them,
gets the added keys appended before its closing brace (parsing and writing a kilobyte of record
per event was most of a page's cost), and the page is one statement by rowid over the events
rows alone, which hold what is added since migration 0008. Measured with an in-process timer over
the load test's 100,000 events, 50-event pages of random rowids: 0.90 ms of SQL when the backing
articles and outlets were joined in, 0.22 ms from the events rows. Other backends get
`search.events_by_id`'s dicts, written by orjson.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from strife.storage.dialect import Dialect
from strife.storage.rows import STAMP_COLUMNS, stamp
from strife.storage.search import events_by_id

#: Events by rowid: the record as bytes (SQLite hands a BLOB over without decoding it, and the
#: bytes are what the page is made of), then what `event_dict` adds.
_PAGE_SQL = (
    f"SELECT e.rowid, CAST(e.record AS BLOB), {STAMP_COLUMNS} FROM events e WHERE e.rowid IN ({{marks}})"
)


def page_json(conn: Any, d: Dialect, keys: Sequence[Any]) -> list[orjson.Fragment]:
    """The events `keys` (from `search.page_keys` with the same dialect), in that order, each
    as the JSON of its `Store.events()` dict."""
    if d.name != "sqlite":
        return [orjson.Fragment(orjson.dumps(e)) for e in events_by_id(conn, d, list(keys))]
    if not keys:
        return []
    found = {
        row[0]: _fragment(row[1], row[2:])
        for row in conn.execute(_PAGE_SQL.replace("{marks}", ", ".join("?" * len(keys))), tuple(keys))
    }
    return [found[k] for k in keys if k in found]


def _fragment(record: bytes, row: Sequence[Any]) -> orjson.Fragment:
    """The record with what `event_dict` adds, spliced in when the record starts with its id (no
    event record has the added keys), else parsed and written again."""
    added = stamp(row)
    event_id = added.pop("id")
    if record.startswith(b'{"id": ' + orjson.dumps(event_id) + b", ") and record.endswith(b"}"):
        return orjson.Fragment(record[:-1] + b", " + orjson.dumps(added)[1:])
    return orjson.Fragment(orjson.dumps(orjson.loads(record) | {"id": event_id} | added))
