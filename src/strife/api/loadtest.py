"""Load test of the REST API: p50/p95 latency and errors of filtered `/api/events` queries over
100,000 stored events under 50 concurrent clients, on loopback only, bounded in time.

    python -m strife.api.loadtest [--events 100000] [--clients 50] [--seconds 20] [--workers 2]
                                  [--db PATH] [--distinct 20000] [--write-docs docs/benchmarks.md]

It stores synthetic events (`strife.api.loaddata`) through `Store.ingest` into a new SQLite
file (or into --db PATH when that file does not exist yet; an existing one is reused, so a rerun
skips the two minutes of generating), starts `strife serve` on a free loopback port, warms it up,
then drives it with `wrk` (Debian's package; a small Python client otherwise) for --seconds:
every client sends queries drawn at random from --distinct different ones (seven kinds of
filter, each with a period: see `loaddata.KINDS`), so what is measured is the search, not a
cache. It prints p50/p95/p99, requests, errors, the server's CPU time per request (which does
not depend on what else runs on the machine) and the machine's load average before and after,
and with --write-docs replaces its marked section of that file with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

from strife.api.loaddata import generate, query_paths

MARK, END = "<!-- loadtest -->", "<!-- /loadtest -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """`strife serve` as a user starts it, without rate limit or token."""
    env = os.environ | {"STRIFE_API__RATE_LIMIT_PER_MINUTE": "0", "STRIFE_API_TOKEN": ""}
    command = [sys.executable, "-m", "strife.cli", "serve", "--db", url, "--port", str(port),
               "--workers", str(workers)]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats?country=none", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("the server did not start within 90 s")


def server_cpu(server: subprocess.Popen[bytes]) -> float:
    """CPU seconds (user + system) used so far by the server and its worker processes."""
    import psutil

    root = psutil.Process(server.pid)
    total = 0.0
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


WRK_SCRIPT = """
local paths = {%s}
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
init = function(args)
  math.randomseed(tid * 7919 + %d)
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
  io.write(string.format("ERRORS connect %%d, read %%d, write %%d, status %%d, timeout %%d\\n",
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
"""


def run_wrk(port: int, paths: list[str], clients: int, seconds: int, seed: int = 1) -> dict[str, Any]:
    script = WRK_SCRIPT % (", ".join(json.dumps(p) for p in paths), seed)
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
    kinds = next(x for x in out.splitlines() if x.startswith("ERRORS")).removeprefix("ERRORS ")
    return {"requests": requests, "errors": errors, "p50_ms": p50 / 1000, "p95_ms": p95 / 1000,
            "p99_ms": p99 / 1000, "max_ms": worst / 1000, "seconds": seconds, "error_kinds": kinds}  # fmt: skip


def run_python(port: int, paths: list[str], clients: int, seconds: int, seed: int = 1) -> dict[str, Any]:
    """Closed-loop clients in threads (slower than wrk: they share the server's cores)."""
    import http.client
    import random

    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", rng.choice(paths))
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            with lock:
                latencies.append(time.perf_counter() - started)
                errors[0] += not ok

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


def measure(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Start the server, warm it up on other queries, then drive it; the figures."""
    runner = run_wrk if shutil.which("wrk") else run_python
    port = free_port()
    server = start_server(url, port, args.workers)
    try:
        # Warm-up: every worker thread opens its connection and the file's pages are read once.
        runner(port, query_paths(500, seed=99), args.clients, args.warmup, seed=2)
        load_before = os.getloadavg()
        cpu_before = server_cpu(server)
        result: dict[str, Any] = runner(port, query_paths(args.distinct), args.clients, args.seconds)
        cpu = server_cpu(server) - cpu_before
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    result |= {
        "tool": "wrk" if runner is run_wrk else "python client",
        "cpu_ms": cpu * 1000 / max(1, result["requests"]),
        "load": (load_before[0], load_after[0]),
        "cores": os.cpu_count() or 0,
    }
    return result


def summary(result: dict[str, Any], args: argparse.Namespace) -> str:
    r = result
    return (
        f"{r['tool']}: {args.events:,} events, {args.clients} clients, {args.workers} workers, {r['seconds']} s, "
        f"{r['requests']} requests ({r['requests'] / r['seconds']:.0f}/s), errors {r['errors']}"
        f"{' (' + r['error_kinds'] + ')' if r['errors'] and r.get('error_kinds') else ''}; "
        f"p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, max {r['max_ms']:.1f} ms; "
        f"server CPU {r['cpu_ms']:.2f} ms/request; load average {r['load'][0]:.1f} -> {r['load'][1]:.1f} "
        f"on {r['cores']} cores"
    )


def docs_section(result: dict[str, Any], command: str, args: argparse.Namespace) -> str:
    r = result
    return (
        f"{MARK}\n### REST API under load ({date.today().isoformat()})\n\n"
        f"Command: `{command}`; {r['tool']}, {args.clients} concurrent clients on loopback for {r['seconds']} s "
        f"after a {args.warmup} s warm-up, each query drawn from {args.distinct:,} different filtered `/api/events` queries "
        f"(country, country + type, box, country + minimum fatalities, near a point, country + words, "
        f"deadliest first; each with a period; 50 a page); {args.events:,} stored events, SQLite, "
        f"`strife serve --workers {args.workers}`. Machine: {r['cores']} cores, load average "
        f"{r['load'][0]:.1f} before and {r['load'][1]:.1f} after (other jobs share the cores when it "
        "is above about 2).\n\n"
        "| requests | per second | errors | p50 | p95 | p99 | max | server CPU per request |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        f"| {r['requests']:,} | {r['requests'] / r['seconds']:.0f} | {r['errors']} | {r['p50_ms']:.1f} ms | "
        f"**{r['p95_ms']:.1f} ms** | {r['p99_ms']:.1f} ms | {r['max_ms']:.1f} ms | {r['cpu_ms']:.2f} ms |\n\n"
        f"Goal: p95 ≤ 100 ms with 0 errors.\n{END}"
    )


def write_docs(path: Path, section: str) -> None:
    """Replace the marked section of `path` (append it when there is none)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(re.escape(MARK) + ".*?" + re.escape(END), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of other queries first")
    parser.add_argument("--distinct", type=int, default=20_000, help="different queries to draw from")
    parser.add_argument("--db", type=Path, help="SQLite file: generated when missing, reused when present")
    parser.add_argument("--write-docs", type=Path, metavar="FILE", help="write the figures into FILE")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "load.db"
        url = f"sqlite:///{path.resolve()}"
        if not path.exists():
            print(f"generating {args.events:,} events into {path} ...", flush=True)
            print(f"generated in {generate(url, args.events):.0f} s", flush=True)
        from strife.storage import Store
        from strife.storage.search import EventFilter

        with Store(url) as store:  # a reused file may hold another number
            args.events = store.search_events(EventFilter(), limit=0)[0]
        result = measure(url, args)
    print(summary(result, args))
    if args.write_docs:
        command = "python -m strife.api.loadtest " + " ".join(argv if argv is not None else sys.argv[1:])
        write_docs(args.write_docs, docs_section(result, command.strip(), args))
        print(f"written to {args.write_docs}")
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
