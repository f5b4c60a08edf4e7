"""A small hierarchy of errors with messages meant for users: one line naming the input."""

from __future__ import annotations


class StrifeError(Exception):
    """Base class: every error strife raises on purpose."""


class InputError(StrifeError):
    """An input could not be read as an article (missing, empty, binary, malformed...)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class StageError(StrifeError):
    """A pipeline stage failed on one article; the runner records it and the batch goes on."""

    def __init__(self, stage: str, article: str, cause: BaseException) -> None:
        self.stage = stage
        self.article = article
        self.cause = cause
        super().__init__(f"{article}: stage {stage!r} failed: {type(cause).__name__}: {cause}")


class ConfigError(StrifeError):
    """Settings that cannot be used."""


class StorageError(StrifeError):
    """The database cannot be reached, or is in a state the code cannot use."""


class ResourceError(StrifeError):
    """A resource (language model, gazetteer, dictionary) cannot be loaded."""
