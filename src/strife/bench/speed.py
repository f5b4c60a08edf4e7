"""Throughput: (a) spaCy's own pipeline, (b) `strife extract` in one process, (c) `strife ingest
--engine dask` on a LocalCluster (timed interleaved with (b) on halves of the same documents:
`measure_both`); and the gazetteer's name lookups.

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


def warm_vocab(texts: list[str], worker: bool = False) -> None:
    """Put every word of `texts` into the spaCy vocabulary of this process's pipeline (the
    engine's in a Dask `worker`), untimed: the first pass over a text adds a lexeme for each word
    not seen before, a cost that whichever measure reads the texts first would pay alone ((a) or
    (b), which share the model in this process)."""
    if worker:
        from strife.resources import shared_resources

        nlp = shared_resources().nlp
    else:
        from strife import service

        nlp = service.pipeline().resources.nlp
    for _ in nlp.tokenizer.pipe(texts):
        pass


def summed(first: dict[str, float], second: dict[str, float]) -> dict[str, Any]:
    """(a) timed on the two `halves` apart, first before (b) and (c) and second after them
    (a1 b1 c1 c2 b2 a2: a steady drift of the machine's speed weighs on all three alike), as one
    measure of the whole, each half's seconds kept in `halves`."""
    whole = rates(
        int(first["articles"] + second["articles"]),
        int(first["words"] + second["words"]),
        first["seconds"] + second["seconds"],
    )
    return {**whole, "halves": [first["seconds"], second["seconds"]]}


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


def _extract(path: Path) -> tuple[dict[str, float], list[Article]]:
    """(b)'s timed part: `strife extract` of the JSON-lines file at `path` in this process, with
    its pipeline already loaded. Seconds, CPU seconds, failures; and the extracted articles."""
    from strife import service

    articles: list[Article] = []
    failed = 0
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    for outcome in service.extract_paths([str(path)], engine="local"):
        if outcome.article is None:
            failed += 1
        else:
            articles.append(outcome.article)
    return {"seconds": time.perf_counter() - t0, "cpu_s": cpu_seconds() - cpu0, "failed": failed}, articles


def _load_pipeline() -> float:
    """Load every stage's resources in this process (not timed by the measures); the seconds."""
    from strife import service

    t0 = time.perf_counter()
    service.pipeline()(Article(raw=WARM_UP_TEXT))
    return time.perf_counter() - t0


def _b_figures(
    docs: list[Doc], timed: dict[str, float], articles: list[Article], load_s: float
) -> dict[str, Any]:
    figures: dict[str, Any] = rates(len(docs), count_words([d.text for d in docs]), timed["seconds"])
    figures.update(
        cpu_s=timed["cpu_s"],
        load_s=load_s,
        failed=timed["failed"],
        events=sum(len(a.events) for a in articles),
        peak_rss_mb=peak_rss_mb(),
    )
    return figures


def measure_extract(docs: list[Doc], workdir: Path) -> tuple[dict[str, Any], list[Article]]:
    """(b) `strife extract FILE.jsonl` in this process (the local engine, batched). Returns the
    figures and the extracted articles (they seed the storage benchmark)."""
    load_s = _load_pipeline()
    timed, articles = _extract(write_jsonl(docs, workdir / "extract.jsonl"))
    return _b_figures(docs, timed, articles, load_s), articles


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


def _ingest(client: Any, address: str, path: Path, db: Path, workers: int) -> dict[str, float]:
    """(c)'s timed part: `strife ingest FILE --engine dask --scheduler ADDRESS --db sqlite:///DB`
    on the running cluster. Seconds, this process's (the writer's) and the workers' CPU seconds,
    and what the ingest stored."""
    from strife import service

    worker_cpu0 = client.run(cpu_seconds)
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    report = service.ingest_paths(
        [str(path)], f"sqlite:///{db}", engine="dask", workers=workers, scheduler=address
    )
    seconds = time.perf_counter() - t0
    writer_cpu = cpu_seconds() - cpu0
    worker_cpu = sum(cpu - worker_cpu0.get(w, 0.0) for w, cpu in client.run(cpu_seconds).items())
    return {"seconds": seconds, "writer_cpu_s": writer_cpu, "workers_cpu_s": worker_cpu,
            "stored": report.stored, "failed": report.failed, "events": report.events}  # fmt: skip


def halves(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """Every other document from the first and from the second: two halves with the same mix."""
    return docs[0::2], docs[1::2]


def rejoined(first: list[Any], second: list[Any]) -> list[Any]:
    """The inverse of `halves`: the items of both halves in the order of the whole."""
    joined = [x for pair in zip(first, second, strict=False) for x in pair]
    return joined + first[len(second) :] + second[len(first) :]


def measure_both(
    docs: list[Doc], workdir: Path, workers: int = 2
) -> tuple[dict[str, Any], dict[str, Any], list[Article]]:
    """(b) `strife extract` in this process and (c) `strife ingest FILE.jsonl --engine dask
    --scheduler ADDR --db sqlite:///tmp.db` on a LocalCluster of `workers` single-threaded worker
    processes (as `strife.engine` makes one), on the same documents, timed in the order
    b1 c1 c2 b2 over the two `halves`: this machine's speed drifts by up to 15 % within
    minutes, and with this order a steady drift slows (b) and (c) alike, where (b) then (c)
    charged it all to one. Both ingests write into one new database (the second merges against
    the first's events, as one run over all documents does). The pipeline in this process and
    the cluster (its models loaded in every worker) are ready before the clock starts; the
    cluster idles while (b) runs. Returns (b)'s figures, (c)'s (with each half's seconds and
    CPU in `halves`, and the peak memory each worker reached, read inside the worker) and (b)'s
    articles in the documents' order."""
    from distributed import Client

    from strife.engine import local_cluster

    parts = halves(docs)
    paths = [write_jsonl(part, workdir / f"half{i + 1}.jsonl") for i, part in enumerate(parts)]
    db = workdir / "dask-ingest.db"
    b_load = _load_pipeline()
    t0 = time.perf_counter()
    cluster = local_cluster(workers)  # as `strife ingest --engine dask` starts one
    client = Client(cluster)
    try:
        client.run(_warm_worker)  # the writer needs no model: the workers embed the events too
        client.run(warm_vocab, [d.text for d in docs], True)
        c_load = time.perf_counter() - t0
        b1, first = _extract(paths[0])
        c1 = _ingest(client, cluster.scheduler_address, paths[0], db, workers)
        c2 = _ingest(client, cluster.scheduler_address, paths[1], db, workers)
        b2, second = _extract(paths[1])
        worker_rss = sorted(client.run(_worker_peak_rss_mb).values())
    finally:
        client.close()
        cluster.close()
    articles = rejoined(first, second)
    b_sum = {k: b1[k] + b2[k] for k in b1}
    c_sum = {k: c1[k] + c2[k] for k in c1}
    b = _b_figures(docs, b_sum, articles, b_load)
    c: dict[str, Any] = rates(len(docs), count_words([d.text for d in docs]), c_sum["seconds"])
    c.update(c_sum, workers=workers, load_s=c_load, worker_rss_mb=worker_rss,
             halves=[{"articles": len(p), "b_s": bh["seconds"], "c_s": ch["seconds"], "b_cpu_s": bh["cpu_s"],
                      "workers_cpu_s": ch["workers_cpu_s"], "writer_cpu_s": ch["writer_cpu_s"]}
                     for p, bh, ch in zip(parts, (b1, b2), (c1, c2), strict=True)])  # fmt: skip
    c["stored"], c["failed"], c["events"] = int(c["stored"]), int(c["failed"]), int(c["events"])
    return b, c, articles


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
