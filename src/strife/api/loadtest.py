"""Load test of the REST API: p50/p95 latency of filtered `/api/events` queries over 100,000
stored events under 50 concurrent clients, on loopback only, bounded in time.

    python -m strife.api.loadtest [--events 100000] [--clients 50] [--seconds 20] [--workers 2]

It generates synthetic events into a temporary SQLite database through `Store.ingest` (or
reuses --db), starts `uvicorn` on a free loopback port, and drives it with `wrk` (Debian's
package) when installed, else with a small Python client; it prints p50, p95, requests and
errors. The queries vary (country, type, date range, box, minimum fatalities, page) so no
single cached answer is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from strife.models import (
    SUB_EVENT_TYPES,
    Actor,
    Article,
    Count,
    DateInfo,
    Event,
    Evidence,
    Fatalities,
    Location,
)
from strife.storage import Store

COUNTRIES = {  # (iso3, name, admin1 list, lat range, lon range)
    "SYR": ("Syria", ["Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Raqqa"], (32.5, 37.0), (35.8, 42.0)),
    "IRQ": ("Iraq", ["Nineveh", "Anbar", "Baghdad", "Basra", "Kirkuk"], (29.5, 37.0), (39.0, 48.0)),
    "YEM": ("Yemen", ["Sanaa", "Aden", "Taizz", "Marib", "Hodeidah"], (12.8, 18.0), (42.7, 52.0)),
    "NGA": ("Nigeria", ["Borno", "Yobe", "Kaduna", "Zamfara", "Lagos"], (4.5, 13.5), (3.0, 14.5)),
    "AFG": (
        "Afghanistan",
        ["Kabul", "Helmand", "Kandahar", "Nangarhar", "Kunduz"],
        (29.5, 38.0),
        (61.0, 71.0),
    ),
    "MLI": ("Mali", ["Mopti", "Gao", "Timbuktu", "Kidal", "Segou"], (12.0, 20.0), (-8.0, 2.0)),
    "SOM": ("Somalia", ["Banadir", "Lower Shabelle", "Bay", "Gedo", "Hiraan"], (-1.0, 10.0), (41.5, 49.0)),
    "COL": (
        "Colombia",
        ["Cauca", "Antioquia", "Narino", "Norte de Santander", "Arauca"],
        (1.0, 8.0),
        (-78.0, -71.0),
    ),
}
ACTORS = [
    ("Islamic State", "Rebel group"), ("Syrian Democratic Forces", "Rebel group"),
    ("Military Forces of Syria", "State forces"), ("Boko Haram", "Rebel group"),
    ("Taliban", "Rebel group"), ("Al Shabaab", "Rebel group"), ("Houthis", "Rebel group"),
    ("Civilians", "Civilians"), ("Police Forces", "State forces"), ("Protesters", "Protesters"),
]  # fmt: skip
TAG_CHOICES = ["air_strike", "shelling", "ied", "suicide_attack", "kidnapping", "raid", "ambush", "execution"]
FIRST_DAY, DAYS = date(2015, 1, 1), 3650
#: Indexes proposed for a storage migration (not applied by strife itself yet): with them a
#: filter on country or box plus a date range is answered from the index instead of reading
#: thousands of wide event rows. `--proposed-indexes` adds them to the load-test database.
PROPOSED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_iso3_date ON events (iso3, date_start, date_end, id)",
    "CREATE INDEX IF NOT EXISTS events_country_date ON events (country, date_start, date_end, id)",
    "CREATE INDEX IF NOT EXISTS events_latlon_date ON events (lat, lon, date_start, date_end, id)",
)
TEXT = "Fighters attacked the town at dawn. Five people were killed, the monitor said."


def synthetic_article(n: int, per_article: int, rng: random.Random) -> Article:
    """Article n with `per_article` synthetic events in one country, over a few days."""
    iso3 = rng.choice(list(COUNTRIES))
    country, regions, lats, lons = COUNTRIES[iso3]
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    events = []
    for k in range(per_article):
        event_type = rng.choice(list(SUB_EVENT_TYPES))
        day = (published - timedelta(days=rng.randrange(4))).isoformat()
        deaths = min(int(rng.expovariate(0.25)), 500) if event_type != "Protests" else 0
        a1, a2 = rng.sample(ACTORS, 2)
        events.append(
            Event(
                id=f"s{n}-{k}", event_type=event_type, sub_event_type=rng.choice(SUB_EVENT_TYPES[event_type]),
                tags=rng.sample(TAG_CHOICES, rng.randrange(3)),
                date=DateInfo(start=day, end=day, precision=1, text="on Monday"),
                location=Location(
                    name=f"Place {rng.randrange(400)}", admin1=rng.choice(regions), country=country, iso3=iso3,
                    lat=round(rng.uniform(*lats), 4), lon=round(rng.uniform(*lons), 4), geo_precision=1,
                ),
                actor1=Actor(name=a1[0], type=a1[1]), actor2=Actor(name=a2[0], type=a2[1]),
                counts=[Count(kind="fatalities", low=deaths, high=deaths, source="the monitor",
                              text="Five people", start=36, end=47)],
                fatalities=Fatalities(low=deaths, best=deaths, high=deaths),
                evidence=[Evidence(start=36, end=len(TEXT), text=TEXT[36:])],
                confidence=0.7,
            )
        )  # fmt: skip
    return Article(
        id=f"syn{n:07d}", source=f"https://news.example.org/{n}", title=f"Synthetic report {n}",
        publisher=f"Outlet {n % 25}", published=published.isoformat(), published_from="metadata",
        text=TEXT, events=events,
    )  # fmt: skip


def generate(url: str, events: int, per_article: int = 10, seed: int = 7) -> float:
    """Store `events` synthetic events at `url`; returns the seconds it took."""
    rng = random.Random(seed)
    started = time.perf_counter()
    with Store(url) as store:
        for n in range(max(1, events // per_article)):
            store.ingest(synthetic_article(n, per_article, rng))
    return time.perf_counter() - started


def add_indexes(url: str) -> None:
    with Store(url) as store:
        conn = store.sql_connection()
        assert conn is not None, "the load test needs an SQL backend"
        for sql in PROPOSED_INDEXES:
            conn.execute(sql)
        conn.execute("ANALYZE")


def query_paths(count: int = 200, seed: int = 11) -> list[str]:
    """Varied filtered queries, as a map page would send them."""
    rng = random.Random(seed)
    paths = []
    for _ in range(count):
        iso3 = rng.choice(list(COUNTRIES))
        _, _, lats, lons = COUNTRIES[iso3]
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 400))
        params: dict[str, object] = {
            "since": start.isoformat(),
            "until": (start + timedelta(days=365)).isoformat(),
        }
        choice = rng.randrange(4)
        if choice == 0:
            params["country"] = iso3
        elif choice == 1:
            params |= {"country": iso3, "type": rng.choice(list(SUB_EVENT_TYPES))}
        elif choice == 2:
            lat, lon = rng.uniform(*lats), rng.uniform(*lons)
            params["bbox"] = f"{lon - 1.5:.3f},{lat - 1:.3f},{lon + 1.5:.3f},{lat + 1:.3f}"
        else:
            params |= {"country": iso3, "min_fatalities": rng.choice([1, 5, 10])}
        params |= {"limit": 50, "offset": rng.choice([0, 0, 50])}
        paths.append("/api/events?" + urlencode(params))
    return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = os.environ | {"STRIFE_DB": url, "STRIFE_API__RATE_LIMIT_PER_MINUTE": "0", "STRIFE_API_TOKEN": ""}
    command = [
        sys.executable, "-m", "uvicorn", "strife.api.app:app_from_env", "--factory", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats?country=none", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("the server did not start within 60 s")


WRK_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def run_wrk(port: int, paths: list[str], clients: int, seconds: int) -> dict[str, float]:
    script = WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        command = ["wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{seconds}s", "--timeout", "5s", "-s", handle.name,
                   f"http://127.0.0.1:{port}"]  # fmt: skip
        out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    finally:
        os.unlink(handle.name)
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    requests, errors, p50, p95, p99, worst = (int(v) for v in line.split()[1:])
    return {"requests": requests, "errors": errors, "p50_ms": p50 / 1000, "p95_ms": p95 / 1000,
            "p99_ms": p99 / 1000, "max_ms": worst / 1000, "seconds": seconds}  # fmt: skip


def run_python(port: int, paths: list[str], clients: int, seconds: int) -> dict[str, float]:
    """Closed-loop clients in threads (slower than wrk: they share the server's two cores)."""
    import http.client

    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        i = k
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", paths[i % len(paths)])
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            with lock:
                latencies.append(time.perf_counter() - started)
                errors[0] += not ok
            i += clients

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    return {"requests": len(latencies), "errors": errors[0], "p50_ms": pct(0.5), "p95_ms": pct(0.95),
            "p99_ms": pct(0.99), "max_ms": pct(1.0), "seconds": seconds}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--db", help="an existing database to load (default: a new temporary one)")
    parser.add_argument("--proposed-indexes", action="store_true", help="add PROPOSED_INDEXES first")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'load.db'}"
        if not args.db:
            took = generate(url, args.events)
            print(f"generated {args.events} events in {took:.1f} s", flush=True)
        if args.proposed_indexes:
            add_indexes(url)
        port = free_port()
        server = start_server(url, port, args.workers)
        try:
            paths = query_paths()
            runner = run_wrk if shutil.which("wrk") else run_python
            result = runner(port, paths, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    tool = "wrk" if shutil.which("wrk") else "python client"
    print(
        f"{tool}: {args.clients} clients, {result['seconds']} s, {result['requests']} requests, "
        f"{result['requests'] / result['seconds']:.0f}/s, errors {result['errors']}; "
        f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
        f"max {result['max_ms']:.1f} ms"
    )
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
