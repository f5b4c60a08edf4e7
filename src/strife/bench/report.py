"""The benchmark's sections of docs/benchmarks.md, each between its own markers
(`<!-- bench:NAME -->` ... `<!-- /bench:NAME -->`), replaced in place or appended; a section
that was not measured in a run is left as it was."""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

GOAL_B_A, GOAL_C_B, GOAL_RSS_MB, GOAL_QUERY_MS = 0.5, 1.7, 1536, 100


def write_section(path: Path, name: str, body: str) -> None:
    """Replace the section between `<!-- bench:NAME -->` markers (or append it)."""
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n"
    if begin in text and end in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def header(title: str, today: str, command: str, load_start: float) -> list[str]:
    """Title, command and machine; the 1-minute load average when the run began and now (other
    jobs on the machine slow every figure, so a reader must know how busy it was)."""
    load = f"load average {load_start:.1f} when the run began, {os.getloadavg()[0]:.1f} at this section"
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {load}"
    return [f"### {title} ({today})", "", f"Command: `{command}`; machine: {machine}.", ""]


def _ok(value: float, goal: float, above: bool = True) -> str:
    return "meets the goal" if (value >= goal if above else value <= goal) else "misses the goal"


def single(
    a: dict[str, Any], b: dict[str, Any], gaz: dict[str, float], corpus: str, subset: str
) -> list[str]:
    """(a) spaCy alone and (b) `strife extract` in one process."""
    ratio = b["art_s"] / a["art_s"] if a["art_s"] else 0.0
    lines = [
        f"Corpus: {corpus}. Measured on {subset}: {a['articles']:,} articles, {a['words']:,} words.",
        "",
        "| pipeline | articles/s | words/s | seconds |",
        "|---|---:|---:|---:|",
        f"| (a) spaCy `nlp.pipe` alone, same model and texts | {a['art_s']:.1f} | {a['words_s']:,.0f} | {a['seconds']:.0f} |",
        f"| (b) `strife extract`, one process (local engine, batched) | {b['art_s']:.1f} | {b['words_s']:,.0f} | {b['seconds']:.0f} |",
        "",
        f"Ratio b/a: **{ratio:.2f}** (goal ≥ {GOAL_B_A}; {_ok(ratio, GOAL_B_A)}). "
        f"{b['failed']} article(s) failed; {b['events']:,} events extracted. Loading every resource "
        f"took {b['load_s']:.0f} s (not timed). Peak resident memory of the process: "
        f"{b['peak_rss_mb']:,.0f} MB.",
    ]
    if len(a.get("halves") or []) == 2:
        first, second = a["halves"]
        lines.append(
            f"(a) was timed on the two halves of the subset apart, before (b) and (c) and after them "
            f"(a1 b1 c1 c2 b2 a2; see the Dask section): {first:.0f} s and {second:.0f} s. Every word of "
            "the texts was put in spaCy's vocabulary before (untimed), in this process and in each "
            "Dask worker, so no measure pays alone for meeting the words first."
        )
    if gaz:
        lines += ["", f"Gazetteer: {gaz['lookups_per_s']:,.0f} name lookups/s over {gaz['lookups']:,} "
                  "lookups (goal ≥ 100,000/s)."]  # fmt: skip
    return lines


def dask(c: dict[str, Any], b: dict[str, Any] | None) -> list[str]:
    """(c) `strife ingest --engine dask` against (b)."""
    rss = ", ".join(f"{mb:,.0f}" for mb in c["worker_rss_mb"])
    peak = max(c["worker_rss_mb"], default=0.0)
    lines = [
        f"`strife ingest FILE.jsonl --engine dask` on a LocalCluster of {c['workers']} single-threaded "
        f"worker processes, into a new SQLite database, merging on (the CLI's defaults), through "
        f"`strife.service.ingest_paths`: {c['articles']:,} articles, {c['words']:,} words.",
        "",
        "| pipeline | articles/s | words/s | seconds |",
        "|---|---:|---:|---:|",
        f"| (c) `strife ingest --engine dask`, {c['workers']} workers | {c['art_s']:.1f} | {c['words_s']:,.0f} | {c['seconds']:.0f} |",
        "",
    ]
    if b is not None and b.get("art_s"):
        ratio = c["art_s"] / b["art_s"]
        lines.append(f"Ratio c/b: **{ratio:.2f}** (goal ≥ {GOAL_C_B}; {_ok(ratio, GOAL_C_B)}).")
        lines += [line for line in [_interleaved(c), _cpu_bound(c, b)] if line]
    lines.append(
        f"Peak resident memory per worker (read inside each worker): {rss} MB (goal ≤ {GOAL_RSS_MB:,} MB; "
        f"{_ok(peak, GOAL_RSS_MB, above=False)}). {c['stored']:,} articles stored, {c['failed']} failed, "
        f"{c['events']:,} events. The one writer (this process: storing and merging) used "
        f"{c['writer_cpu_s']:.0f} s of CPU. Starting the cluster and loading the models in the workers "
        f"took {c['load_s']:.0f} s (not timed)."
    )
    return lines


def _interleaved(c: dict[str, Any]) -> str:
    """How (b) and (c) were timed when `speed.measure_both` ran them: each half's seconds and
    CPU, so a reader sees how far the machine's speed moved between them."""
    parts = c.get("halves") or []
    if len(parts) != 2:
        return ""
    told = []
    for i, h in enumerate(parts, 1):
        cpu = h["workers_cpu_s"] + h["writer_cpu_s"]
        told.append(
            f"half {i} ({h['articles']:,} articles): (b) {h['b_s']:.0f} s, (c) {h['c_s']:.0f} s, "
            f"c/b {h['b_s'] / h['c_s'] if h['c_s'] else 0.0:.2f}; CPU (b) {h['b_cpu_s']:.0f} s, "
            f"(c) {cpu:.0f} s"
        )
    return (
        "Timed in the order b1 c1 c2 b2 on two halves of the subset (every other article; (a)'s "
        "halves before and after them), so "
        "that a steady drift of the machine's speed weighs on (b) and (c) alike; c/b is the "
        f"ratio of the sums. {'; '.join(told)}. The cluster, started and warmed before, idles "
        "while (b) runs."
    )


def _cpu_bound(c: dict[str, Any], b: dict[str, Any]) -> str:
    """CPU time is what load on a shared machine does not change: (b)'s, the workers' and the
    writer's. With every core to itself, (c) could at best spread the workers' and the writer's
    CPU over `workers` cores."""
    spent = c.get("workers_cpu_s", 0.0) + c["writer_cpu_s"]
    if not (spent and b.get("cpu_s")):
        return ""
    bound = b["cpu_s"] * min(c["workers"], os.cpu_count() or 1) / spent
    return (
        f"CPU: (b) {b['cpu_s']:.0f} s; (c) workers {c['workers_cpu_s']:.0f} s and writer "
        f"{c['writer_cpu_s']:.0f} s, so c/b on {c['workers']} idle cores is at most {bound:.2f}."
    )


def storage(d: dict[str, Any]) -> list[str]:
    """(d) ingest of replicated events and the `--near --since` query, per backend."""
    from strife.bench.storage import RADIUS_KM, SINCE

    lines = [
        f"{d['n_events']:,} events replicated from the extracted ones (varied days over 20 years, "
        "places drawn from the extracted places ±0.1°; see `strife.bench.storage`), written one "
        "article per transaction through `Store.ingest`. Two timings of the query `strife events "
        f"--near LAT,LON,{RADIUS_KM:.0f} --since {SINCE}` around the most frequent extracted place: "
        "**default** is what that command does minus printing (open the store, "
        '`service.query_events(shape="summary")`: the table\'s columns, no record decoded); '
        "**full records** is `Store.events(near=..., since=...)`, every matching event with its "
        "whole record and evidence (what `--format json|csv|geojson` read).",
        "",
        "| backend | events ingested | ingest seconds | events/s | default median ms | default p95 ms "
        "| full records median ms | full records p95 ms | rows |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    nan = float("nan")
    timed = [d[k]["query"] for k in ("sqlite", "postgres") if k in d and d[k].get("query")]
    for key, name in (("sqlite", "SQLite (WAL)"), ("postgres", "PostgreSQL/PostGIS")):
        f = d.get(key)
        if f is None:
            continue
        q = f.get("query") or {}
        c = q.get("cli") or {}
        lines.append(
            f"| {name} | {f['events']:,} | {f['seconds']:.0f} | {f['events_s']:,.0f} | "
            f"{c.get('median_ms', nan):.1f} | {c.get('p95_ms', nan):.1f} | "
            f"{q.get('median_ms', nan):.1f} | {q.get('p95_ms', nan):.1f} | {q.get('rows', 0):,} |"
        )
    lines.append("")
    runs = timed[0].get("runs", 0) if timed else 0
    worst_cli = max((q.get("cli", {}).get("p95_ms", nan) for q in timed), default=nan)
    worst_full = max((q["p95_ms"] for q in timed), default=nan)
    unfrozen = ", ".join(f"{q.get('gc_p95_ms', nan):.1f}" for q in timed)
    lines.append(
        f"Query times over {runs} runs after one warm-up, with the collector's long-lived objects "
        f"frozen (`gc.freeze`; this process holds the whole pipeline, the command holds none; "
        f"full-records p95 without the freeze: {unfrozen} ms). Goal < {GOAL_QUERY_MS} ms: the "
        f"default command {_ok(worst_cli, GOAL_QUERY_MS, above=False)} at p95; the full records "
        f"{_ok(worst_full, GOAL_QUERY_MS, above=False)} at p95."
        + (f" SQLite file: {d['sqlite']['size_mb']:,.0f} MB." if "size_mb" in d.get("sqlite", {}) else "")
    )
    server = (d.get("postgres") or {}).get("query", {}).get("server")
    if server:
        lines.append(
            f"PostgreSQL's share of the full records (`EXPLAIN (ANALYZE, BUFFERS)` of their statement, "
            f"median of {server['runs']}): {server['execution_ms']:.1f} ms executing on the server, "
            f"{server['hit'] + server['read']:,} buffers ({server['read']:,} read from outside "
            f"`shared_buffers`); a round trip of `SELECT 1`: {server['round_trip_ms']:.2f} ms"
            + (f" (median of {server['trips']}). " if "trips" in server else ". ")
            + "The rest of their time is the rows' transfer and decoding in the client."
        )
    if d.get("postgres_note"):
        lines.append(f"PostgreSQL: {d['postgres_note']}.")
    return lines
