"""Storage at scale: ingest time of 100,000 events and time of the filtered query behind
`strife events --near LAT,LON,KM --since DATE`, on SQLite and on PostgreSQL/PostGIS.

The events are the extracted ones, replicated (`replicas`): replica j is the j-th article with
events (cycling), under a new id, with all its events; its dated events are moved to a day drawn
uniformly from 2000-01-01 + [0, 20 years) (one draw per article for its first dated event; its
other events keep their distance to that one, and every event its span),
and each located event to a place drawn from the places the extraction found (uniformly, so
common and rare places alike) plus a uniform jitter of up to ±0.1° (~11 km) in latitude and
longitude. Undated and unlocated events stay so, as in real data. A fixed random seed makes
every run store the same records. Articles are written one transaction each through the
store's public `ingest` (what `strife ingest --no-merge` does per article), on both backends.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sized
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from strife.errors import StrifeError
from strife.models import Article, Event, Location

SEED = 6
BASE_DAY = date(2000, 1, 1)
SPAN_DAYS = 20 * 365
JITTER_DEG = 0.1
SINCE = "2015-01-01"  # the query keeps about the last quarter of the 20 years
RADIUS_KM = 50.0
#: How many empty statements time the round trip to the server (`server_side`).
ROUND_TRIPS = 50


@dataclass(frozen=True)
class Place:
    name: str | None
    admin1: str | None
    country: str | None
    iso3: str | None
    lat: float
    lon: float


def places(articles: list[Article]) -> list[Place]:
    """The distinct located places of the extracted events, the most frequent first."""
    counts: Counter[Place] = Counter()
    for article in articles:
        for event in article.events:
            loc = event.location
            if loc.lat is not None and loc.lon is not None:
                counts[Place(loc.name, loc.admin1, loc.country, loc.iso3, loc.lat, loc.lon)] += 1
    return sorted(counts, key=lambda p: (-counts[p], p.name or "", p.lat, p.lon))


def _shift(value: str | None, days: int) -> str | None:
    try:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat() if value else value
    except ValueError:
        return value  # a partial or odd date: kept as it was


def _moved(event: Event, event_id: str, days: int | None, place: Place | None, rng: random.Random) -> Event:
    update: dict[str, Any] = {"id": event_id}
    if days is not None and event.date.start:
        update["date"] = event.date.model_copy(
            update={"start": _shift(event.date.start, days), "end": _shift(event.date.end, days)}
        )
    if place is not None and event.location.lat is not None:
        lat = max(-90.0, min(90.0, place.lat + rng.uniform(-JITTER_DEG, JITTER_DEG)))
        lon = max(-180.0, min(180.0, place.lon + rng.uniform(-JITTER_DEG, JITTER_DEG)))
        update["location"] = Location(
            name=place.name, admin1=place.admin1, country=place.country, iso3=place.iso3,
            lat=lat, lon=lon, geo_precision=event.location.geo_precision, text=event.location.text,
        )  # fmt: skip
    return event.model_copy(update=update)


def replicas(articles: list[Article], n_events: int, seed: int = SEED) -> Iterator[Article]:
    """Articles holding `n_events` events in all (see the module docstring), made lazily."""
    pool = [a for a in articles if a.events]
    if not pool:
        raise ValueError("no extracted article has an event to replicate")
    spots = places(pool)
    rng = random.Random(seed)
    made, j = 0, 0
    while made < n_events:
        src = pool[j % len(pool)]
        new_id = f"bench-{j:07d}"
        first = next((e.date.start for e in src.events if e.date.start), None)
        days = None
        if first:
            try:
                days = (BASE_DAY + timedelta(days=rng.randrange(SPAN_DAYS)) - date.fromisoformat(first)).days
            except ValueError:
                days = None
        events = []
        for k, event in enumerate(src.events[: n_events - made]):
            place = spots[rng.randrange(len(spots))] if spots else None
            events.append(_moved(event, f"{new_id}-{k + 1}", days, place, rng))
        published = _shift(src.published, days) if days is not None else src.published
        yield src.model_copy(update={"id": new_id, "source": f"bench/{new_id}", "events": events,
                                     "published": published})  # fmt: skip
        made += len(events)
        j += 1


def ingest(store: Any, articles: Iterator[Article]) -> dict[str, float]:
    """Write every article through `store.ingest`, then `store.optimize()` as `strife ingest`
    ends a run; only the store's time is counted."""
    seconds, n_articles, n_events = 0.0, 0, 0
    for article in articles:
        t0 = time.perf_counter()
        store.ingest(article)
        seconds += time.perf_counter() - t0
        n_articles += 1
        n_events += len(article.events)
    t0 = time.perf_counter()
    store.optimize()
    seconds += time.perf_counter() - t0
    return {"articles": n_articles, "events": n_events, "seconds": seconds, "events_s": n_events / seconds}


def _timed(run: Callable[[], Sized], runs: int) -> dict[str, float]:
    """One warm-up, then `runs` timed runs of `run`: median and 95th percentile in milliseconds,
    and the rows it returns."""
    found = len(run())
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, max(0, round(0.95 * len(times)) - 1))]
    return {"runs": runs, "rows": found, "median_ms": statistics.median(times), "p95_ms": p95}


def query(store: Any, center: Place, runs: int, url: str | None = None) -> dict[str, Any]:
    """The filtered query of `strife events --near --since`, timed two ways:

    - `query` (the full records): `store.events(near=..., since=...)`, every matching event as
      its whole record with evidence, what JSON, CSV and GeoJSON output need;
    - `cli`: what `strife events --near --since` does by default, minus printing: opening the
      store at `url` (as each command does) and `service.query_events(shape="summary")`, the
      columns its table shows.

    Both run with the collector's long-lived objects frozen (`gc.freeze`): this process holds the
    whole pipeline (millions of objects), and the full collections the query's allocations
    trigger walk them all (with 3 million tracked objects: one in 30 queries, 675 ms of CPU,
    against ~20 ms in a small process), which is what made the old p95 several times the median;
    `strife events` and the API server hold none of them. `gc_p95_ms` is the full records' p95
    without the freeze, for comparison."""
    from strife import service

    near = (center.lat, center.lon, RADIUS_KM)
    gc.collect()
    unfrozen = _timed(lambda: store.events(near=near, since=SINCE), max(5, runs // 2))
    gc.freeze()
    try:
        full = _timed(lambda: store.events(near=near, since=SINCE), runs)
        target = url if url is not None else store
        cli = _timed(lambda: service.query_events(target, shape="summary", near=near, since=SINCE), runs)
    finally:
        gc.unfreeze()
    out = {**full, "gc_p95_ms": unfrozen["p95_ms"], "cli": cli}
    server = server_side(store, near)
    if server is not None:
        out["server"] = server
    return out


def server_side(store: Any, near: tuple[float, float, float], runs: int = 5) -> dict[str, float] | None:
    """On PostgreSQL, the server's share of the full records, so that a change of their time can
    be told apart from one of the client's or of the machine's (the eleventh session's p95 rose
    from 59-69 to 89 ms with the same code, records and plan): the median execution time of the
    statement `Store.events` runs (`EXPLAIN (ANALYZE, BUFFERS)`, `runs` times), its buffers (once
    warm all are hits; a read came from outside `shared_buffers`), and the median round trip of
    an empty statement on the same connection (`SELECT 1`, `ROUND_TRIPS` times, `trips` in the
    result). None on SQLite."""
    from strife.storage import reading
    from strife.storage.dialect import dialect_of

    conn = store.sql_connection()
    if dialect_of(conn).name != "postgresql":
        return None
    flt = reading.event_filter(near=near, since=SINCE)
    sql, args = reading.full_statement(store, flt)  # what `Store.events` runs for a whole filter
    plans = [
        conn.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, args).fetchone()["QUERY PLAN"][0]
        for _ in range(runs)
    ]
    trips = []
    for _ in range(ROUND_TRIPS):
        t0 = time.perf_counter()
        conn.execute("SELECT 1").fetchone()
        trips.append((time.perf_counter() - t0) * 1000)
    last = plans[-1]["Plan"]
    return {
        "runs": runs,
        "execution_ms": statistics.median(p["Execution Time"] for p in plans),
        "hit": last.get("Shared Hit Blocks", 0),
        "read": last.get("Shared Read Blocks", 0),
        "round_trip_ms": statistics.median(trips),
        "trips": len(trips),
    }


def _count(store: Any) -> int:
    row = store.sql_connection().execute("SELECT COUNT(*) AS n FROM events").fetchone()
    return int(row["n"])


def measure(url: str, articles: list[Article], n_events: int, runs: int) -> dict[str, Any]:
    """Ingest `n_events` replicated events into the store at `url`, then time the query. A store
    already holding them (a `--dir` of `python -m strife.bench.storage`) is queried as it is,
    and one holding fewer is completed (the articles stored already are skipped by `ingest`):
    `seconds` then is not the ingest time of the whole and `reused` says so."""
    from strife.storage import Store

    spots = places(articles)
    with Store(url) as store:
        held = _count(store)
        if held > n_events:
            raise StrifeError(f"{store.url} holds {held:,} events, more than {n_events:,}")
        figures: dict[str, Any] = {"events": held, "reused": held}
        if held < n_events:
            figures = {**ingest(store, replicas(articles, n_events)), "reused": held}
        if spots:
            figures["query"] = query(store, spots[0], runs, url)
            figures["center"] = spots[0]
    return figures


def measure_all(
    articles: list[Article], workdir: Path, n_events: int, runs: int, postgres: bool
) -> dict[str, Any]:
    """SQLite always; PostgreSQL/PostGIS on a throwaway server when asked and possible
    (otherwise `postgres_note` says why not)."""
    from strife.bench import pgserver

    out: dict[str, Any] = {"n_events": n_events}
    db = workdir / "storage.db"
    out["sqlite"] = measure(f"sqlite:///{db}", articles, n_events, runs)
    out["sqlite"]["size_mb"] = sum(p.stat().st_size for p in workdir.glob("storage.db*")) / 2**20
    if not postgres:
        out["postgres_note"] = "skipped (--skip-postgres)"
        return out
    why = pgserver.missing()
    if why:
        out["postgres_note"] = f"skipped: {why}"
        print(f"strife.bench: PostgreSQL {out['postgres_note']}")
        return out
    try:
        with pgserver.PgServer() as url:
            out["postgres"] = measure(url, articles, n_events, runs)
    except (OSError, RuntimeError, StrifeError) as exc:  # the server would not start or took no writes
        out["postgres_note"] = f"failed: {' '.join(str(exc).split())}"
        print(f"strife.bench: PostgreSQL {out['postgres_note']}")
    return out


# -- python -m strife.bench.storage: the storage part alone, on databases kept between runs ------
def _articles(folder: Path, n_articles: int) -> list[Article]:
    """The extracted articles the replicas are made from: `folder`/articles.jsonl, made on the
    first run by extracting the bench's evenly spread subset (as `make bench` (b) does)."""
    cache = folder / "articles.jsonl"
    if not cache.is_file():
        from strife.bench import corpus, speed

        docs = corpus.sample(corpus.corpus(2000), n_articles)
        _, extracted = speed.measure_extract(docs, folder)
        cache.write_text("".join(a.to_json() + "\n" for a in extracted), encoding="utf-8")
    articles = []
    for line in cache.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles.append(Article(**record["article"], events=record["events"], warnings=record["warnings"]))
    return articles


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Build (once) and query the storage benchmark's databases in `--dir`; print the figures."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m strife.bench.storage", description=main.__doc__)
    ap.add_argument("--dir", type=Path, required=True, help="folder kept between runs (made if missing)")
    ap.add_argument("--events", type=int, default=100_000, help="events in each database (default 100,000)")
    ap.add_argument("--articles", type=int, default=60, help="articles extracted to seed them (default 60)")
    ap.add_argument("--runs", type=int, default=50, help="timed runs of each query (default 50)")
    ap.add_argument("--postgres", help="a PostgreSQL URL to build or reuse (default: SQLite only)")
    a = ap.parse_args(argv)
    a.dir.mkdir(parents=True, exist_ok=True)
    articles = _articles(a.dir, a.articles)
    out: dict[str, Any] = {"sqlite": measure(f"sqlite:///{a.dir / 'storage.db'}", articles, a.events, a.runs)}
    if a.postgres:
        out["postgres"] = measure(a.postgres, articles, a.events, a.runs)
    for name, figures in out.items():
        q = figures.get("query") or {}
        print(f"{name}: {figures.get('seconds', 0):.0f} s ingest; full records median {q.get('median_ms', 0):.1f} "
              f"p95 {q.get('p95_ms', 0):.1f} (unfrozen gc p95 {q.get('gc_p95_ms', 0):.1f}) ms; "
              f"cli median {q.get('cli', {}).get('median_ms', 0):.1f} p95 {q.get('cli', {}).get('p95_ms', 0):.1f} ms; "
              f"{q.get('rows', 0):,} rows")  # fmt: skip
        if "server" in q:
            s = q["server"]
            print(f"{name}: server {s['execution_ms']:.1f} ms executing the full records, {s['hit'] + s['read']:,} "
                  f"buffers ({s['read']:,} read); SELECT 1 round trip {s['round_trip_ms']:.2f} ms")  # fmt: skip
    return out


if __name__ == "__main__":
    main()
