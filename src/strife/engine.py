"""Running the pipeline over many articles: in this process, in a process pool, or on Dask.

    strife.engine.run(items, engine="local" | "process" | "dask", workers=N, scheduler=ADDRESS)

yields one `Outcome` per input, in input order, whichever engine runs it. Every engine calls the
same function, `process_batch`, which runs the pipeline on a few articles with the resources of
the process it is in
(`strife.resources.shared_resources()`: a worker loads the language model and the gazetteer once,
on its first article). Only the results travel back; storing them is the caller's job, in one
process (one writer), in order.

- local: this process, one article after another (what `strife extract` always did).
- process: a `concurrent.futures.ProcessPoolExecutor` of `workers` processes on this machine.
- dask: a Dask cluster: the scheduler at `scheduler` (e.g. tcp://10.0.0.5:8786), or a
  `LocalCluster` of `workers` single-threaded worker processes started for the run.

Articles travel in batches of `BATCH`, at most a few batches per worker in flight at a time, so
memory stays bounded however many inputs there are. With `vectors=True` (an ingest that merges)
a worker also embeds each article's events for merging (`strife.merge.embed_reports`: the
embedding of the event's lead sentence, its main one, which the event typer's encoder has just
computed and still holds), so the one writer only compares vectors. Errors raised in a worker
come back as the same `StrifeError` types with the same messages (a stage's original exception
keeps its type name).
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from strife.errors import ConfigError, InputError, StageError, StrifeError
from strife.memory import die_with_parent, steady_allocator
from strife.models import Article
from strife.pipeline import Outcome, Pipeline

ENGINES = ("local", "process", "dask")
BATCH = 8  # articles per task: enough for nlp.pipe to help, few enough to stream
# Batches in flight per worker: outcomes are taken in input order, so while a long batch at the
# head runs, the other workers need queued batches to go on with (a few articles each: small).
IN_FLIGHT_PER_WORKER = 4

Item = Article | StrifeError
log = logging.getLogger(__name__)
_pipelines: dict[tuple[str, ...] | None, Pipeline] = {}


def _pipeline(stages: tuple[str, ...] | None) -> Pipeline:
    """This process's pipeline for `stages` (None: the settings' stages), built once."""
    if stages not in _pipelines:
        from strife.resources import shared_resources

        _pipelines[stages] = Pipeline(list(stages) if stages else None, resources=shared_resources())
    return _pipelines[stages]


def _source(item: Item) -> str:
    if isinstance(item, StrifeError):
        return str(getattr(item, "source", "?"))
    return item.source or item.id or "<text>"


def process_batch(
    items: list[Article], stages: tuple[str, ...] | None = None, vectors: bool = False
) -> list[Outcome]:
    """Run the pipeline on a batch of articles (the language layer parses them together): the
    function every engine runs. One outcome per article, in order; nothing raises. `vectors`:
    add each article's event embeddings for merging (`Outcome.vectors`)."""
    try:
        outcomes = list(_pipeline(stages).run(items))
    except Exception as exc:  # outside any stage (e.g. building the pipeline): recorded, never fatal
        error = exc if isinstance(exc, StrifeError) else StageError("pipeline", "<batch>", exc)
        return [Outcome(source=_source(item), error=error) for item in items]
    for outcome in outcomes:
        if outcome.article is not None:
            outcome.article.doc = None  # the spaCy Doc is working state: never sent between processes
    if vectors:
        _add_vectors(outcomes)
    return outcomes


def _add_vectors(outcomes: list[Outcome]) -> None:
    """Embed the events of the batch's articles in one call; when that fails, the outcomes go
    without (the writer embeds what it needs itself)."""
    done = [o for o in outcomes if o.article is not None]
    try:
        from strife.merge.similarity import embed_reports

        made = embed_reports([o.article for o in done if o.article is not None])
    except Exception as exc:  # merging still works without them: never fail an article for it
        log.warning("events not embedded for merging in the worker (%s: %s)", type(exc).__name__, exc)
        return
    for outcome, made_for in zip(done, made, strict=True):
        outcome.vectors = made_for


def process_one(item: Item, stages: tuple[str, ...] | None = None) -> Outcome:
    """`process_batch` of one input (an input error passes through)."""
    if isinstance(item, StrifeError):
        return Outcome(source=_source(item), error=item)
    return process_batch([item], stages)[0]


# -- errors that cross a process boundary -------------------------------------------------------
@dataclass(frozen=True)
class _Failure:
    """A StrifeError as plain data (StrifeError subclasses with their own __init__ do not unpickle)."""

    kind: str
    message: str
    fields: tuple[str, ...] = ()


def _portable(outcome: Outcome) -> tuple[str, Article | None, _Failure | None, Any]:
    error = outcome.error
    if error is None:
        return (outcome.source, outcome.article, None, outcome.vectors)
    if isinstance(error, StageError):
        cause = error.cause
        failure = _Failure("stage", str(cause), (error.stage, error.article, type(cause).__name__))
    elif isinstance(error, InputError):
        failure = _Failure("input", error.problem, (error.source,))
    else:
        failure = _Failure(type(error).__name__, str(error))
    return (outcome.source, outcome.article, failure, None)


def _restore(value: Any) -> Outcome:
    source, article, failure, vectors = value
    if failure is None:
        return Outcome(source=source, article=article, vectors=vectors)
    error: StrifeError
    if failure.kind == "stage":
        stage, label, cause_type = failure.fields
        error = StageError(stage, label, type(cause_type, (Exception,), {})(failure.message))
    elif failure.kind == "input":
        error = InputError(failure.fields[0], failure.message)
    else:
        error = _error_class(failure.kind)(failure.message)
    return Outcome(source=source, error=error)


def _error_class(name: str) -> type[StrifeError]:
    from strife import errors

    found = getattr(errors, name, None)
    return found if isinstance(found, type) and issubclass(found, StrifeError) else StrifeError


def remote_batch(
    items: list[Article], stages: tuple[str, ...] | None = None, vectors: bool = False
) -> list[Any]:
    """`process_batch` for another process: the outcomes as plain, picklable data. The input as
    read (`Article.raw`, an HTML page often many times its text) does not travel back: every
    later use reads the cleaned text, and the sender has the input. The worker's allocator is
    set to an ordinary process's thresholds first (`strife.memory.steady_allocator`)."""
    steady_allocator()
    outcomes = process_batch(items, stages, vectors)
    for outcome in outcomes:
        if outcome.article is not None:
            outcome.article.raw = None
    return [_portable(outcome) for outcome in outcomes]


# -- running ------------------------------------------------------------------------------------
def _ordered(submit: Callable[[list[Article]], Any], items: Iterable[Item], size: int, ahead: int):
    """Submit the articles in batches of `size`, keeping at most `ahead` batches in flight; yield
    their outcomes in input order. Input errors stay here and come back in their place."""
    pending: deque[tuple[list[Item], Any]] = deque()
    it = iter(items)
    while chunk := list(islice(it, size)):
        articles = [x for x in chunk if not isinstance(x, StrifeError)]
        pending.append((chunk, submit(articles) if articles else None))
        if len(pending) >= ahead:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(chunk: list[Item], future: Any) -> Iterator[Outcome]:
    results = iter(future.result() if future is not None else ())
    for item in chunk:
        if isinstance(item, StrifeError):
            yield Outcome(source=_source(item), error=item)
        else:
            yield _restore(next(results))


def run(
    items: Iterable[Item],
    engine: str = "local",
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    stages: list[str] | None = None,
    pipeline: Pipeline | None = None,
    vectors: bool = False,
) -> Iterator[Outcome]:
    """One Outcome per input, in input order (see the module docstring). `pipeline` is used by
    the local engine only (other engines build theirs in each worker from the settings or `stages`).
    `vectors`: the workers embed the events for merging; the local engine leaves that to the
    writer, which shares this process's encoder and embeds only reports it compares."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise ConfigError(f"workers must be at least 1 (got {workers})")
    if scheduler and engine != "dask":
        raise ConfigError("a scheduler address is only used with --engine dask")
    key = tuple(stages) if stages else None
    if engine == "local":
        yield from (pipeline or _pipeline(key)).run(items)
    elif engine == "process":
        yield from _run_pool(items, key, workers or os.cpu_count() or 1, vectors)
    else:
        yield from _run_dask(items, key, workers, scheduler, vectors)


def _run_pool(
    items: Iterable[Item], stages: tuple[str, ...] | None, workers: int, vectors: bool
) -> Iterator[Outcome]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
        submit = lambda batch: pool.submit(remote_batch, batch, stages, vectors)  # noqa: E731
        yield from _ordered(submit, items, BATCH, workers * IN_FLIGHT_PER_WORKER)


#: Dask settings of the clusters strife starts (scheduler, nannies and workers). Dask's
#: statistical profiler samples every worker thread's stack every 10 ms; over spaCy's deep stacks
#: that took the GIL from the task often enough to cost a third more CPU and a fifth of idle time
#: (96 bench articles in one worker, batches of 8: 18.9 s CPU and 23.3 s wall with it, 14.3 s and
#: 14.3 s without; the same in this process: 16.9 s). The periodic checks run on every process's
#: event loop as long as the cluster lives, and their CPU comes off the 2 cores the pipeline
#: shares: an idle LocalCluster of 2 workers took 21 ms of CPU per second in each worker and
#: 45 ms per second in this process (scheduler and nannies) with Dask's defaults (event-loop
#: tick every 20 ms, memory monitor every 100 ms, system monitor every 500 ms), 4.5 and 10 ms
#: with the values below (measured 2026-11-22, 20 s idle). They only feed Dask's dashboard and
#: its blocked-loop warnings, or (memory) react within a second instead of 0.1 s. A cluster of
#: the user's (`--scheduler`) keeps its own settings.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def local_cluster(workers: int) -> Any:
    """A LocalCluster of `workers` single-threaded worker processes, with `WORKER_CONFIG`."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):  # the nannies hand the settings to their workers
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # spaCy and the gazetteer are not shared across threads
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


def dask_client(scheduler: str | None, workers: int | None) -> Any:
    """A Dask client: connected to `scheduler`, or to a new LocalCluster of worker processes."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("the dask engine needs the packages dask and distributed installed") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = local_cluster(workers or os.cpu_count() or 1)
    client = Client(cluster)
    client._strife_cluster = cluster  # type: ignore[attr-defined]  # closed with the client (_run_dask)
    return client


def _run_dask(
    items: Iterable[Item],
    stages: tuple[str, ...] | None,
    workers: int | None,
    scheduler: str | None,
    vectors: bool,
) -> Iterator[Outcome]:
    client = dask_client(scheduler, workers)
    try:
        slots = max(1, len(client.scheduler_info().get("workers", {})) or workers or 1)
        submit = lambda batch: client.submit(remote_batch, batch, stages, vectors, pure=False)  # noqa: E731
        yield from _ordered(submit, items, BATCH, slots * IN_FLIGHT_PER_WORKER)
    finally:
        cluster = getattr(client, "_strife_cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()
