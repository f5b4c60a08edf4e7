"""The storage benchmark's event replication and measures, on hand-built articles (no model)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from strife.bench import storage
from strife.bench.report import storage as storage_lines
from strife.bench.report import write_section
from strife.models import Article, DateInfo, Event, Location


def event(n: int, day: str | None, lat: float | None, lon: float | None) -> Event:
    return Event(
        id=f"a-{n}",
        event_type="Battles",
        sub_event_type="Armed clash",
        date=DateInfo(start=day, end=day, precision=1 if day else None),
        location=Location(name=f"place {n}", country="Testland", lat=lat, lon=lon, geo_precision=2),
    )


def pool() -> list[Article]:
    located = Article(id="a", published="1990-01-05", text="x",
                      events=[event(1, "1990-01-03", 10.0, 20.0), event(2, None, None, None)])  # fmt: skip
    other = Article(id="b", text="y", events=[event(3, "1990-02-01", -5.0, 100.0)])
    return [located, Article(id="empty", text="z"), other]


def test_replicas_hold_exactly_n_events_with_varied_days_and_places() -> None:
    made = list(storage.replicas(pool(), 7))
    events = [e for a in made for e in a.events]
    assert len(events) == 7
    assert [len(a.events) for a in made] == [2, 1, 2, 1, 1]  # the event-less article is skipped
    assert all(e.id.startswith(f"{a.id}-") for a in made for e in a.events)
    assert len({a.id for a in made}) == len(made)
    days = [date.fromisoformat(e.date.start) for e in events if e.date.start]
    assert len(days) == 5 and all(date(2000, 1, 1) <= d < date(2020, 1, 1) for d in days)
    assert len(set(days)) > 1
    assert sum(e.date.start is None for e in events) == 2  # undated events stay undated
    for e in events:
        if e.location.lat is not None:
            near = [(10.0, 20.0), (-5.0, 100.0)]
            assert any(abs(e.location.lat - la) <= 0.1 and abs(e.location.lon - lo) <= 0.1 for la, lo in near)
    assert made[0].published == _days_after(made[0].events[0].date.start, 2)  # shifted with its events
    again = list(storage.replicas(pool(), 7))
    assert [a.model_dump() for a in again] == [a.model_dump() for a in made]


def _days_after(day: str | None, n: int) -> str:
    from datetime import timedelta

    return (date.fromisoformat(day or "") + timedelta(days=n)).isoformat()


def test_replicas_need_an_event() -> None:
    with pytest.raises(ValueError, match="no extracted article has an event"):
        next(storage.replicas([Article(id="x", text="t")], 5))


def test_measure_on_sqlite_writes_the_section(tmp_path: Path) -> None:
    figures = storage.measure_all(pool(), tmp_path, 300, runs=3, postgres=False)
    sqlite = figures["sqlite"]
    assert sqlite["events"] == 300 and sqlite["articles"] == 200
    q = sqlite["query"]
    assert q["runs"] == 3 and 0 < q["median_ms"] <= q["p95_ms"]
    assert 0 < q["rows"] < 300  # near one place, since 2015: a part of the events
    out = tmp_path / "bench.md"
    out.write_text("# Benchmarks\n\nkept\n", encoding="utf-8")
    write_section(out, "storage", "\n".join(storage_lines(figures)))
    write_section(out, "storage", "\n".join(storage_lines(figures)))  # replaced, not appended twice
    text = out.read_text(encoding="utf-8")
    assert text.count("<!-- bench:storage -->") == 1 and "kept" in text
    assert "| SQLite (WAL) | 300 |" in text and "PostgreSQL: skipped (--skip-postgres)." in text


@pytest.mark.postgres
def test_on_postgresql_the_servers_share_of_the_full_records_is_measured_and_reported(
    pg_server: Any, tmp_path: Path
) -> None:
    url = pg_server.fresh_url()
    try:
        figures = storage.measure(url, pool(), 300, runs=3)
    finally:
        pg_server.drop(url)
    server = figures["query"]["server"]
    assert server["runs"] == 5 and server["execution_ms"] > 0 and server["round_trip_ms"] > 0
    assert server["hit"] + server["read"] > 0  # the statement read the events it returned
    lines = "\n".join(storage_lines({"n_events": 300, "postgres": figures}))
    assert "PostgreSQL's share of the full records" in lines and "ms executing on the server" in lines
    assert server["trips"] == storage.ROUND_TRIPS and f"(median of {storage.ROUND_TRIPS})" in lines


def test_on_sqlite_no_servers_share_is_measured_or_reported(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    sqlite = storage.measure(url, pool(), 300, runs=3)
    assert "server" not in sqlite["query"]  # SQLite runs in the process: nothing to tell apart
    assert "PostgreSQL's share" not in "\n".join(storage_lines({"n_events": 300, "sqlite": sqlite}))
    # the statement the server's share explains is the one the query runs: the same rows
    from strife.storage import Store, reading

    with Store(url) as store:
        center = sqlite["center"]
        flt = reading.event_filter(near=(center.lat, center.lon, storage.RADIUS_KM), since=storage.SINCE)
        sql, args = reading.full_statement(store, flt)
        rows = store.sql_connection().execute(sql, args).fetchall()
    assert len(rows) == sqlite["query"]["rows"]
