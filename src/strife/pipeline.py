"""The pipeline runner: named stages, in the order the settings give, sharing injected resources.

A stage is registered by name with a factory `factory(resources) -> stage`, where a stage is a
callable `Article -> Article` that adds to the article and reads only what earlier stages wrote.
The runner wraps any failure of a stage in `StageError` naming the stage and the article, so a
batch can record it and go on.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from strife.errors import ConfigError, StageError, StrifeError
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
    """The result of running the pipeline on one input: an article or the error it raised."""

    source: str
    article: Article | None = None
    error: StrifeError | None = None

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
        label = article.source or article.id or "<text>"
        for name, stage in self.stages:
            try:
                article = stage(article)
            except StrifeError:
                raise
            except Exception as exc:  # any failure is recorded with the stage and article named
                raise StageError(name, label, exc) from exc
        article.ensure_id()
        return article

    def run(self, items: Iterable[Article | StrifeError]) -> Iterator[Outcome]:
        """Run over articles (or input errors passed through), yielding one outcome each."""
        for item in items:
            if isinstance(item, StrifeError):
                yield Outcome(source=getattr(item, "source", "?"), error=item)
                continue
            source = item.source or item.id or "<text>"
            try:
                yield Outcome(source=source, article=self(item))
            except StrifeError as exc:
                yield Outcome(source=source, error=exc)
