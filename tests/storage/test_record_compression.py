"""Migration 0010: on PostgreSQL the event records are compressed with LZ4 (quicker to read back
than pglz), those of a database written before as well; the records read the same."""

from __future__ import annotations

import json

import pytest

from strife.storage import Store, postgres, sqlite

on_postgres = pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)])


def _long_record(event_id: str) -> str:
    """A record long enough for PostgreSQL to compress it in its row (past ~2 kB), keys in the
    order strife writes them (json keeps the text: the order must survive)."""
    evidence = [{"start": n, "end": n + 1, "text": f"sentence {n} " * 20} for n in range(20)]
    return json.dumps({"id": event_id, "z_first": 1, "a_last": evidence}, ensure_ascii=False)


def _compression(store) -> dict[str, str | None]:
    rows = store.conn.execute("SELECT id, pg_column_compression(record) AS c FROM events ORDER BY id")
    return {r["id"]: r["c"] for r in rows}


def _insert(store, event_id: str) -> None:
    store._execute(
        "INSERT INTO articles (id, text, record_hash, record, ingested_at) "
        "VALUES (?, 't', 'h', '{}', '2020-01-01T00:00:00+00:00') ON CONFLICT DO NOTHING",
        ("a1",),
    )
    store._execute("INSERT INTO events (id, article_id, event_type, sub_event_type, record) "
                   "VALUES (?, 'a1', 'Battles', 'Armed clash', ?)", (event_id, _long_record(event_id)))  # fmt: skip


@on_postgres
def test_new_records_are_compressed_with_lz4(store):
    with store.transaction():
        _insert(store, "e1")
    assert _compression(store) == {"e1": "lz4"}
    assert json.dumps(store.event("e1")["a_last"]) == json.dumps(json.loads(_long_record("e1"))["a_last"])


@on_postgres
def test_migration_compresses_the_stored_records_again(store_url, monkeypatch):
    known = postgres.migrations()
    monkeypatch.setattr(postgres, "migrations", lambda: [m for m in known if m[0] <= 9])
    with Store(store_url) as old:
        assert old.schema_version() == 9
        with old.transaction():
            _insert(old, "e1")
            _insert(old, "e2")
        assert _compression(old) == {"e1": "pglz", "e2": "pglz"}
        before = {e["id"]: list(e) for e in old.events()}
    monkeypatch.undo()

    with Store(store_url) as store:
        assert store.schema_version() == 10
        assert _compression(store) == {"e1": "lz4", "e2": "lz4"}
        after = store.events()
        assert {e["id"]: list(e) for e in after} == before  # the keys, in their order
        assert after[0]["a_last"] == json.loads(_long_record("e1"))["a_last"]


def test_sqlite_numbers_the_migration_alike():
    assert [n for _, n, _ in sqlite.migrations()][9] == "0010_record_lz4.sql"
