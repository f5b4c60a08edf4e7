"""The pipeline runner: named stages, in the order the settings give, sharing injected resources.

A stage is registered by name with a factory `factory(resources) -> stage`, where a stage is a
callable `Article -> Article` that adds to the article and reads only what earlier stages wrote.
A stage may also offer `stage.batch(articles)`, doing the same to many articles at once in
place (the language layer uses it to parse texts together); the runner falls back to one
article at a time when a batch fails, so a failure is still pinned to its article.
The runner wraps any failure of a stage in `StageError` naming the stage and the article, so a
batch can record it and go on.

Memory: spaCy's vocabulary keeps every new word it has seen (strings and lexemes), so a long run
grows with its texts. When the pipeline parses (`language`) and releases the Docs (`finalize`),
`run` parses each batch (and a call, each article) inside `nlp.memory_zone()`, which frees what
it added; nothing of a Doc outlives it (the finalize stage drops it; the article keeps strings).
Zones must not overlap, so one pipeline runs in one thread at a time (as the API serialises
extraction; processes are how strife runs in parallel).

After each batch `run` also hands the heap memory the batch freed back to the system
(`strife.memory.release_memory`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from itertools import islice
from typing import Any

from strife.errors import ConfigError, StageError, StrifeError
from strife.memory import release_memory
from strife.models import Article
from strife.resources import Resources

Stage = Callable[[Article], Article]
StageFactory = Callable[[Resources], Stage]

_REGISTRY: dict[str, StageFactory] = {}


def register(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under `name` (used as a decorator in each stage module)."""

    def deco(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return deco


def registered() -> dict[str, StageFactory]:
    importlib.import_module("strife.stages")  # each stage module registers itself on import
    return dict(_REGISTRY)


@dataclass
class Outcome:
    """The result of running the pipeline on one input: an article or the error it raised, and
    what was computed with the article for the writer (`vectors`: its events' embeddings for
    merging, a `strife.merge.ReportVectors`, when the engine was asked for them)."""

    source: str
    article: Article | None = None
    error: StrifeError | None = None
    vectors: Any = None

    @property
    def ok(self) -> bool:
        return self.article is not None and self.error is None


class Pipeline:
    def __init__(self, stages: list[str] | None = None, resources: Resources | None = None) -> None:
        self.resources = resources or Resources()
        names = stages if stages is not None else self.resources.settings.pipeline.stages
        known = registered()
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ConfigError(f"unknown pipeline stage(s) {unknown}; known: {sorted(known)}")
        self.names = list(names)
        self.stages: list[tuple[str, Stage]] = [(n, known[n](self.resources)) for n in names]

    def __call__(self, article: Article) -> Article:
        with self._memory_zone():
            for name, stage in self.stages:
                article = self._stage(name, stage, article)
        article.ensure_id()
        return article

    @staticmethod
    def _stage(name: str, stage: Stage, article: Article) -> Article:
        try:
            return stage(article)
        except StrifeError:
            raise
        except Exception as exc:  # any failure is recorded with the stage and article named
            raise StageError(name, article.source or article.id or "<text>", exc) from exc

    def run(self, items: Iterable[Article | StrifeError], batch_size: int | None = None) -> Iterator[Outcome]:
        """Run over articles (or input errors passed through), yielding one outcome each, in
        input order. Articles go through in batches so that stages with a `batch` method (the
        language layer: spaCy's `nlp.pipe`) process many texts at once."""
        size = batch_size or self.resources.settings.pipeline.batch_size
        it = iter(items)
        while chunk := list(islice(it, max(1, size))):
            with self._memory_zone():
                outcomes = self._run_chunk(chunk)
            release_memory()
            yield from outcomes

    def _memory_zone(self) -> AbstractContextManager[object]:
        """spaCy's memory zone around a batch when the pipeline parses and drops its Docs (see
        the module docstring); otherwise (e.g. stages that keep `article.doc`) nothing."""
        if "language" in self.names and "finalize" in self.names:
            zone = getattr(self.resources.nlp, "memory_zone", None)  # spaCy >= 3.8; stand-ins may lack it
            if zone is not None:
                return zone()
        return nullcontext()

    def _run_chunk(self, chunk: list[Article | StrifeError]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        live: list[int] = []
        for item in chunk:
            if isinstance(item, StrifeError):
                outcomes.append(Outcome(source=getattr(item, "source", "?"), error=item))
            else:
                outcomes.append(Outcome(source=item.source or item.id or "<text>", article=item))
                live.append(len(outcomes) - 1)
        for name, stage in self.stages:
            batch = getattr(stage, "batch", None)
            if batch is not None and len(live) > 1:
                try:
                    batch([outcomes[i].article for i in live])
                    continue
                except Exception:  # redo one by one below, so the failure is pinned to its article
                    pass
            for i in list(live):
                out = outcomes[i]
                assert out.article is not None
                try:
                    out.article = self._stage(name, stage, out.article)
                except StrifeError as exc:
                    out.article, out.error = None, exc
                    live.remove(i)
        for i in live:
            article = outcomes[i].article
            assert article is not None
            article.ensure_id()
        return outcomes
