"""Measure strife against spaCy alone, on Dask, and its storage at 100,000 events (`make bench`).

python -m strife.bench [--articles N] [--speed-articles N] [--events N] [--quick] [--skip-dask]
[--skip-postgres] [--workers N] [--query-runs N] [--out FILE]

Builds the corpus, runs (a) spaCy alone, (b) `strife extract` and (c) `strife ingest --engine
dask` on the same subset (interleaved on its halves: a1 b1 c1 c2 b2 a2, see
`speed.measure_both`), (d) the storage benchmark seeded with (b)'s events, and writes each
section of docs/benchmarks.md (`--out`) with the command and the date. `--quick` is a small run
for tests (8 articles, 1,000 events) that prints its figures and writes only to an explicit `--out`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from strife.bench import corpus as corpora
from strife.bench import report, speed, storage
from strife.errors import StrifeError

DOCS = corpora.REPO / "docs" / "benchmarks.md"
# Full run, sized to finish in about 15 minutes on 2 idle cores: the corpus is 2,000 articles;
# (a), (b) and (c) time an evenly spread subset of it (the same one), (d) 100,000 events.
ARTICLES, SPEED_ARTICLES, EVENTS, QUERY_RUNS = 2000, 600, 100_000, 50
QUICK = {"articles": 8, "speed_articles": 8, "events": 1000, "query_runs": 5}


def parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m strife.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, help=f"corpus size (default {ARTICLES:,})")
    ap.add_argument("--speed-articles", type=int, help=f"subset timed in (a)-(c) (default {SPEED_ARTICLES})")
    ap.add_argument("--events", type=int, help=f"events replicated into each database (default {EVENTS:,})")
    ap.add_argument("--query-runs", type=int, help=f"timed runs of the query (default {QUERY_RUNS})")
    ap.add_argument("--workers", type=int, default=2, help="Dask workers for (c) (default 2)")
    ap.add_argument("--quick", action="store_true", help="a small run for tests")
    ap.add_argument("--skip-dask", action="store_true", help="do not run (c)")
    ap.add_argument("--skip-postgres", action="store_true", help="(d) on SQLite only")
    ap.add_argument("--out", type=Path, help="the Markdown file to write (default docs/benchmarks.md)")
    a = ap.parse_args(argv)
    defaults = QUICK if a.quick else {"articles": ARTICLES, "speed_articles": SPEED_ARTICLES,
                                      "events": EVENTS, "query_runs": QUERY_RUNS}  # fmt: skip
    for key, value in defaults.items():
        if getattr(a, key) is None:
            setattr(a, key, value)
    for key in ("articles", "speed_articles", "events", "query_runs", "workers"):
        if getattr(a, key) < 1:
            ap.error(f"--{key.replace('_', '-')} must be at least 1")
    if a.out is None and not a.quick:
        a.out = DOCS
    return a


def command(argv: list[str]) -> str:
    return "make bench" if not argv else "python -m strife.bench " + " ".join(argv)


def emit(out: Path | None, name: str, lines: list[str]) -> None:
    text = "\n".join(lines)
    print(text + "\n", flush=True)
    if out is not None:
        report.write_section(out, name, text)


def main(argv: list[str] | None = None) -> dict[str, object]:
    """Run the benchmark; returns every figure (for tests and scripts)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    a = parse(args_list)
    today, cmd = date.today().isoformat(), command(args_list)
    load = os.getloadavg()[0]
    docs = corpora.corpus(a.articles)
    subset = corpora.sample(docs, a.speed_articles)
    what = (
        "all of it"
        if len(subset) == len(docs)
        else f"an evenly spread subset ({len(subset):,} of {len(docs):,})"
    )
    figures: dict[str, object] = {"corpus": corpora.describe(docs)}
    with speed.workdir() as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        b, c, a_ = None, None, None
        if not a.skip_dask:  # a1 b1 c1 c2 b2 a2 on the halves of the subset (speed.measure_both)
            first, second = speed.halves(subset)
            speed.warm_vocab([d.text for d in subset])
            a1 = speed.measure_spacy(first)
            try:
                b, c, articles = speed.measure_both(subset, work, a.workers)
            except (ImportError, OSError, RuntimeError, StrifeError) as exc:  # e.g. no distributed
                print(f"strife.bench: Dask run skipped: {' '.join(str(exc).split())}", file=sys.stderr)
            a_ = speed.summed(a1, speed.measure_spacy(second))
        if b is None:
            b, articles = speed.measure_extract(subset, work)  # loads the pipeline first (not timed)
        if a_ is None:
            a_ = speed.measure_spacy(subset)
        gaz = speed.measure_gazetteer()
        figures.update(a=a_, b=b, gazetteer=gaz)
        head = report.header("Single process: strife vs spaCy alone", today, cmd, load)
        emit(a.out, "single", head + report.single(a_, b, gaz, corpora.describe(docs), what))
        if c is not None:
            figures["c"] = c
            head = report.header(f"Dask: strife ingest on {a.workers} workers", today, cmd, load)
            emit(a.out, "dask", head + report.dask(c, b))
        d = storage.measure_all(articles, work, a.events, a.query_runs, postgres=not a.skip_postgres)
        figures["d"] = d
        head = report.header(f"Storage: {a.events:,} events, ingest and filtered query", today, cmd, load)
        emit(a.out, "storage", head + report.storage(d))
        print(f"strife.bench: done in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return figures


if __name__ == "__main__":
    main()
