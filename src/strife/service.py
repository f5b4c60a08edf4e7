"""The service layer: the one place the CLI, the Python API and the REST API call.

Each function does one user-level job (extract, ingest, query, export, claims) with the same
pipeline, storage and formatters, so every front end behaves the same. One `Pipeline` is built
per process, lazily, on first use, and reused.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife.errors import StorageError, StrifeError
from strife.formats import EVENT_FORMATS, FormatError, write_events
from strife.models import Article
from strife.pipeline import Outcome, Pipeline
from strife.settings import get_settings
from strife.storage import Store
from strife.storage.base import Store as BaseStore

_pipeline: Pipeline | None = None
_lock = threading.Lock()


def pipeline() -> Pipeline:
    """The process's pipeline, built on first use from the settings."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = Pipeline()
        return _pipeline


def set_pipeline(replacement: Pipeline | None) -> None:
    """Use `replacement` as the process's pipeline (None: build it from the settings again)."""
    global _pipeline
    with _lock:
        _pipeline = replacement


def extract_text(text_or_html: str, published: str | None = None, **kw: Any) -> Article:
    """Run the pipeline on one text or HTML string. `kw`: source, id, title (see
    `strife.ingest.article_from_string`). Raises InputError or StageError."""
    from strife.ingest import article_from_string

    return pipeline()(article_from_string(text_or_html, published=published, **kw))


def _progress(outcomes: Iterator[Outcome], label: str) -> Iterator[Outcome]:
    """Show a rich progress line on stderr while `outcomes` are consumed."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        for outcome in outcomes:
            name = outcome.source if len(outcome.source) <= 40 else "…" + outcome.source[-39:]
            bar.update(task, advance=1, description=f"{label} {name}")
            yield outcome


def extract_paths(
    paths: Iterable[str],
    published: str | None = None,
    progress: bool = False,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    vectors: bool = False,
) -> Iterator[Outcome]:
    """One Outcome (article or error) per input article found under `paths`, in input order.
    `engine`: local (this process), process (a pool of `workers`) or dask (see `strife.engine`);
    `vectors`: the workers also embed the events for merging (`Outcome.vectors`)."""
    from strife import engine as engines
    from strife.ingest import read_inputs

    items = read_inputs(list(paths), published=published)
    local = pipeline() if engine == "local" else None
    outcomes = engines.run(
        items, engine, workers=workers, scheduler=scheduler, pipeline=local, vectors=vectors
    )
    return _progress(outcomes, "extracting") if progress else outcomes


@dataclass
class IngestReport:
    """What `ingest_paths` did: articles stored (new or changed), unchanged, failed."""

    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.stored + self.unchanged


@contextmanager
def open_store(db: str | Path | BaseStore | None) -> Iterator[BaseStore]:
    """`db` as a store: an open store (or a proxy of one, as the API's per-thread store) is used
    as is; a URL or path (default: settings) is opened and closed."""
    if db is not None and not isinstance(db, str | Path):
        yield db
        return
    store = Store(db if db is not None else get_settings().db)
    try:
        yield store
    finally:
        store.close()


def ingest_paths(
    paths: Iterable[str],
    db: str | Path | BaseStore | None = None,
    published: str | None = None,
    progress: bool = False,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    merge: bool = True,
) -> IngestReport:
    """Extract every input under `paths` and store it, merging each event with the stored reports
    of the same real-world event (`merge`, when the store supports it; see `strife.merge`). The
    pipeline runs on `engine`; this process alone writes, in input order, one transaction per
    article, so an interrupted run can simply be run again. Failures are recorded in the store's
    `failures` table and in the report; the batch goes on."""
    report = IngestReport()
    with open_store(db) as store:
        merging = merge and store.supports_merging
        write = _writer(store, merging)
        outcomes = extract_paths(
            paths,
            published=published,
            progress=progress,
            engine=engine,
            workers=workers,
            scheduler=scheduler,
            vectors=merging,
        )
        for outcome in outcomes:
            if outcome.article is None:
                error = outcome.error or StrifeError(f"{outcome.source}: no article")
                store.record_failure(outcome.source, error)
                report.failed += 1
                report.errors.append(str(error))
                continue
            try:
                written = write(outcome.article, outcome.vectors)
            except StorageError as exc:
                store.record_failure(outcome.source, exc, stage="store")
                report.failed += 1
                report.errors.append(str(exc))
                continue
            report.stored += written
            report.unchanged += not written
            report.events += len(outcome.article.events) if written else 0
        if report.stored:
            _optimize(store, report)
    return report


def _optimize(store: BaseStore, report: IngestReport) -> None:
    """Settle the store after a run that wrote (`Store.optimize`). What was stored stays stored
    when this fails: the problem is told with the run's errors, no input counts as failed."""
    try:
        store.optimize()
    except StorageError as exc:
        report.errors.append(f"{exc} (every article of the run is stored)")


def _writer(store: BaseStore, merge: bool) -> Any:
    """How an article (and the vectors a worker made with it) is stored: through the merger when
    asked and the store can merge. The merger loads the sentence model only when some report
    came without its vector (the local engine's)."""
    if not (merge and store.supports_merging):
        return lambda article, vectors=None: store.ingest(article)
    from strife.merge import Merger

    merger = Merger()
    return lambda article, vectors=None: merger.ingest(store, article, vectors)


def unmerge(article_id: str, db: str | Path | BaseStore | None = None, remove: bool = False) -> int:
    """Take one article's reports out of the events they were merged into (they stand alone
    again; `remove`: the article is deleted too). Returns how many shared events changed."""
    from strife.merge import Merger

    with open_store(db) as store:
        if store.article(article_id) is None:
            raise StorageError(f"no article {article_id!r} in {store.url}")
        if not store.supports_merging:
            raise StorageError(f"{store.url}: this database kind cannot merge or unmerge events")
        changed = Merger(embedder=_no_embedder).detach(store, article_id, remove=remove)
        if remove:
            store.delete_article(article_id)
        return changed


def delete_article(article_id: str, db: str | Path | BaseStore | None = None) -> bool:
    """Delete one article. Where events are merged across articles, its reports first leave
    the events other articles back (those are reconciled again), so nothing of theirs is lost.
    False when there is no such article."""
    from strife.merge import Merger

    with open_store(db) as store:
        if store.article(article_id) is None:
            return False
        if store.supports_merging:
            Merger(embedder=_no_embedder).detach(store, article_id, remove=True)
        store.delete_article(article_id)
        return True


def _no_embedder() -> Any:  # undoing a merge compares nothing: never load the model for it
    from strife.merge import LexicalEmbedder

    return LexicalEmbedder()


def query_events(db: str | Path | BaseStore | None = None, shape: str = "full", **filters: Any) -> list[Any]:
    """Stored events matching `filters` (see `Store.events`), in one of three shapes: "full",
    the event dicts of `Store.events`; "summary", what a table shows (`Store.event_summaries`,
    read from indexed columns, records left undecoded); "json", each full event dict as JSON
    text (`Store.event_lines`, the stored records written out as they are)."""
    with open_store(db) as store:
        if shape == "summary":
            return store.event_summaries(**filters)
        if shape == "json":
            return list(store.event_lines(**filters))
        if shape != "full":
            raise ValueError(f"unknown shape {shape!r}; choose from full, summary, json")
        return store.events(**filters)


def export(db: str | Path | BaseStore | None, fmt: str, out: Any, **filters: Any) -> int:
    """Write the stored events (optionally filtered) in `fmt` to `out` (a path or a stream).
    Returns the number of events written."""
    if fmt not in EVENT_FORMATS:
        raise FormatError(f"unknown format {fmt!r}; choose from {', '.join(EVENT_FORMATS)}")
    events = query_events(db, **filters)
    if isinstance(out, str | Path):
        if fmt == "parquet":
            write_events(events, fmt, str(out))
        else:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                write_events(events, fmt, stream)
    else:
        write_events(events, fmt, out)
    return len(events)


def claims(db: str | Path | BaseStore | None = None, event_id: str | None = None) -> list[dict[str, Any]]:
    """Every claim (or those of one event), with its source and its words."""
    with open_store(db) as store:
        if event_id is not None and store.event(event_id) is None:
            raise StorageError(f"no event {event_id!r} in {store.url}")
        return store.claims(event_id)
