"""Throughput: (a) spaCy's own pipeline, (b) `strife extract` in one process, (c) `strife ingest
--engine dask` on a LocalCluster; and the gazetteer's name lookups.

Every measure runs warm: the models are loaded (in this process, or in every Dask worker)
before the clock starts, and the load time is reported on its own. (b) and (c) go through the
service functions the CLI calls (`strife.service.extract_paths`, `strife.service.ingest_paths`)
on a JSON-lines file of the articles, so they include reading, cleaning and (for c) storing
and merging, exactly as a user running the command gets them.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from strife.bench.corpus import Doc, count_words, write_jsonl
from strife.models import Article

WARM_UP_TEXT = "Gunmen attacked a police station in the capital on Monday, killing two officers."


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rates(n_articles: int, n_words: int, seconds: float) -> dict[str, float]:
    return {
        "articles": n_articles,
        "words": n_words,
        "seconds": seconds,
        "art_s": n_articles / seconds if seconds > 0 else 0.0,
        "words_s": n_words / seconds if seconds > 0 else 0.0,
    }


def measure_spacy(docs: list[Doc]) -> dict[str, float]:
    """(a) `nlp.pipe` of the very model strife loads, on the same texts, at strife's batch size."""
    from strife import service

    resources = service.pipeline().resources
    nlp, size = resources.nlp, resources.settings.pipeline.batch_size
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:2], batch_size=size))  # warm: first calls allocate
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=size):
        pass
    return rates(len(docs), count_words(texts), time.perf_counter() - t0)


def measure_extract(docs: list[Doc], workdir: Path) -> tuple[dict[str, float], list[Article]]:
    """(b) `strife extract FILE.jsonl` in this process (the local engine, batched). Returns the
    figures and the extracted articles (they seed the storage benchmark)."""
    from strife import service

    t0 = time.perf_counter()
    service.pipeline()(Article(raw=WARM_UP_TEXT))  # every stage's resources loaded
    load_s = time.perf_counter() - t0
    path = write_jsonl(docs, workdir / "extract.jsonl")
    articles: list[Article] = []
    failed = 0
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    for outcome in service.extract_paths([str(path)], engine="local"):
        if outcome.article is None:
            failed += 1
        else:
            articles.append(outcome.article)
    figures = rates(len(docs), count_words([d.text for d in docs]), time.perf_counter() - t0)
    figures.update(
        cpu_s=cpu_seconds() - cpu0,
        load_s=load_s,
        failed=failed,
        events=sum(len(a.events) for a in articles),
        peak_rss_mb=peak_rss_mb(),
    )
    return figures, articles


# -- (c) Dask -----------------------------------------------------------------------------------
def _warm_worker() -> float:
    """Run in each worker: build its pipeline (language model, gazetteer, ...) on one article."""
    from strife.engine import process_batch

    t0 = time.perf_counter()
    process_batch([Article(raw=WARM_UP_TEXT)])
    return time.perf_counter() - t0


def _worker_peak_rss_mb() -> float:
    """Run in each worker: its own peak resident memory, in MB. Read from VmHWM (this process
    image's high-water mark): ru_maxrss survives exec, so a worker spawned from this process
    would report this process's peak when that was higher."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_dask(docs: list[Doc], workdir: Path, workers: int = 2) -> dict[str, Any]:
    """(c) `strife ingest FILE.jsonl --engine dask --scheduler ADDR --db sqlite:///tmp.db` on a
    LocalCluster of `workers` single-threaded worker processes (as `strife.engine` makes one),
    warmed first; then the peak memory each worker reached, read inside the worker."""
    from distributed import Client

    from strife import service
    from strife.engine import local_cluster

    path = write_jsonl(docs, workdir / "ingest.jsonl")
    db = workdir / "dask-ingest.db"
    t0 = time.perf_counter()
    cluster = local_cluster(workers)  # as `strife ingest --engine dask` starts one
    client = Client(cluster)
    try:
        client.run(_warm_worker)  # the writer needs no model: the workers embed the events too
        load_s = time.perf_counter() - t0
        worker_cpu0 = client.run(cpu_seconds)
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        report = service.ingest_paths(
            [str(path)],
            f"sqlite:///{db}",
            engine="dask",
            workers=workers,
            scheduler=cluster.scheduler_address,
        )
        seconds = time.perf_counter() - t0
        writer_cpu = cpu_seconds() - cpu0
        worker_cpu = sum(cpu - worker_cpu0.get(w, 0.0) for w, cpu in client.run(cpu_seconds).items())
        worker_rss = sorted(client.run(_worker_peak_rss_mb).values())
    finally:
        client.close()
        cluster.close()
    figures: dict[str, Any] = rates(len(docs), count_words([d.text for d in docs]), seconds)
    figures.update(
        workers=workers,
        load_s=load_s,
        stored=report.stored,
        failed=report.failed,
        events=report.events,
        writer_cpu_s=writer_cpu,
        workers_cpu_s=worker_cpu,
        worker_rss_mb=worker_rss,
    )
    return figures


def measure_gazetteer(n: int = 200_000) -> dict[str, float]:
    """Name lookups per second of the loaded gazetteer, over names it holds and names it lacks."""
    from strife import service

    gaz = service.pipeline().resources.gazetteer
    if not hasattr(gaz, "lookup"):
        return {}
    names = ["Aleppo", "Baghdad", "Mosul", "San Salvador", "Lima", "Raqqa", "Springfield", "Nowhereville",
             "Deir ez-Zor", "Kobani", "Bogota", "Medellin", "Homs", "Idlib", "Managua", "Tegucigalpa"]  # fmt: skip
    queries = [names[i % len(names)] for i in range(n)]
    t0 = time.perf_counter()
    for q in queries:
        gaz.lookup(q)
    return {"lookups": n, "lookups_per_s": n / (time.perf_counter() - t0)}


def workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="strife-bench-")
