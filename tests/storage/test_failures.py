"""Storage failures: unreachable servers, bad passwords, write errors mid-article, a full disk.
Each must end in one clear StorageError line, and never leave half an article behind."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import pg
from stores import fail_inserts, stop_failing
from strife.cli import app
from strife.errors import StorageError
from strife.storage import Store

FAILING_CLAIM = "no space left"


def one_line_error(url: str) -> str:
    with pytest.raises(StorageError) as caught:
        Store(url)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_unreachable_server_names_the_url_without_its_password():
    pytest.importorskip("psycopg")
    message = one_line_error(f"postgresql://strife:s3cret-pw@127.0.0.1:{pg.free_port()}/strife")
    assert "s3cret-pw" not in message
    assert message.startswith("postgresql://strife:***@127.0.0.1:")
    assert "cannot connect" in message and "refused" in message


@pytest.mark.postgres
def test_wrong_password_and_missing_database(pg_server):
    message = one_line_error(pg_server.url("postgres", password="not-the-password"))
    assert "not-the-password" not in message and pg.PASSWORD not in message
    assert "password authentication failed" in message
    assert "does not exist" in one_line_error(pg_server.url("no_such_db"))


def test_cli_prints_one_line_and_fails():
    pytest.importorskip("psycopg")
    result = CliRunner().invoke(
        app, ["ingest", "--db", f"postgresql://127.0.0.1:{pg.free_port()}/x", "samples/"]
    )
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "cannot connect to the PostgreSQL database" in lines[0]


def snapshot(store) -> tuple:
    """Everything stored: articles, events, claims and event members (with their events)."""
    arts = [(a["id"], a["title"], a["events"]) for a in store.articles()]
    events = [(e["id"], e["sub_event_type"], e["sources"]) for e in store.events()]
    claims = [(c["event_id"], c["article_id"], c["text"]) for c in store.claims()]
    members = {(m.member_id, m.event_id) for a in arts for m in store.members(article_id=a[0])}
    return arts, events, claims, sorted(members)


def test_write_error_mid_article_rolls_it_back(store, backend, article_factory, event_factory):
    store.ingest(article_factory("a1"))
    before = snapshot(store)
    fail_inserts(store, backend, "claims", f"NEW.text = '{FAILING_CLAIM}'")
    base_event = event_factory(1)
    counts = [*base_event.counts, base_event.counts[0].model_copy(update={"text": FAILING_CLAIM})]
    new = article_factory(
        "a2", events=[event_factory(1, tags=["air_strike"]), event_factory(2, counts=counts)]
    )
    changed = article_factory(
        "a1", title="changed", events=[event_factory(1), event_factory(2, counts=counts)]
    )
    for article in (new, changed):
        with pytest.raises(
            StorageError, match=r"cannot store the article \(nothing of it was written\)"
        ) as caught:
            store.ingest(article)
        assert "\n" not in str(caught.value)
        assert "disk is full" in str(caught.value) or "No space left on device" in str(caught.value)
        assert snapshot(store) == before
    assert store.event("a2-e1") is None and store.events(event_type="air_strike") == []
    # The store is still usable, and the article goes in once the fault is gone.
    stop_failing(store, backend, "claims")
    assert store.ingest(new) is True
    assert [e["id"] for e in store.events(event_type="air_strike")] == ["a2-e1"]


def test_sqlite_full_disk_leaves_nothing_half_written(tmp_path, article_factory):
    url = f"sqlite:///{tmp_path / 'small.db'}"
    with Store(url) as store:
        store.ingest(article_factory("a1"))
        before = snapshot(store)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for a row, not an article
        big = article_factory("a2", text="word " * 50_000)
        with pytest.raises(StorageError, match=r"a2.txt: cannot store the article.*full") as caught:
            store.ingest(big)
        assert "\n" not in str(caught.value)
        assert snapshot(store) == before
        with pytest.raises(StorageError, match=r"cannot record the failure of a2.txt.*full"):
            store.record_failure("a2.txt", str(caught.value) * 500)  # too long for the free space left
    with Store(url) as reopened:  # what is on disk, not what a connection caches
        assert snapshot(reopened) == before
        assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert reopened.ingest(big) is True


def test_second_connection_sees_the_article_as_unchanged(store_url, article_factory):
    with Store(store_url) as first, Store(store_url) as second:
        assert first.ingest(article_factory("a1")) is True
        assert second.ingest(article_factory("a1")) is False
        assert second.ingest(article_factory("a1", title="new title")) is True
        assert first.article("a1")["article"]["title"] == "new title"


@pytest.mark.postgres
def test_lost_connection_is_a_storage_error(pg_server, article_factory):
    url = pg_server.fresh_url()
    try:
        store = Store(url)
        killer = Store(url)
        killer.conn.execute("SELECT pg_terminate_backend(%s)", (store.conn.info.backend_pid,))
        killer.close()
        with pytest.raises(StorageError, match="cannot store the article"):
            store.ingest(article_factory("a1"))
        with pytest.raises(StorageError, match="query failed"):
            store.events()
        store.close()
    finally:
        pg_server.drop(url)


def test_nul_characters_do_not_stop_an_article(store, article_factory):
    """PostgreSQL text cannot hold NUL; the article is stored all the same, its record exact."""
    article = article_factory("n1", text="five people\x00 more than seven were killed", title="a\x00b")
    assert store.ingest(article) is True
    assert store.article("n1")["article"]["text"] == article.text
    assert store.articles()[0]["title"] in ("a\x00b", "a\ufffdb")
    store.record_failure("odd\x00name.txt", "bad\x00input", stage="input")
    assert store.failures()[0]["input"] in ("odd\x00name.txt", "odd\ufffdname.txt")
