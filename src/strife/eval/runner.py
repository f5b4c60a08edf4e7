"""What every evaluation shares: where the data lives and running the pipeline over many texts.

The pipeline is built once per command; texts go through `Pipeline.run`, which records a failed
article and goes on, so one bad document costs its own predictions and nothing else.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from strife.errors import InputError
from strife.models import Article

REPO = Path(__file__).resolve().parents[3]


def data_root() -> Path:
    """The development data: `$STRIFE_DATA`, else `../shared/data` beside the repository."""
    env = os.environ.get("STRIFE_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def data_path(*parts: str) -> Path:
    return data_root().joinpath(*parts)


def json_lines(path: Path, what: str) -> Iterator[tuple[str, Any]]:
    """(where, object) for each non-blank line of a JSON-lines file, `where` being "PATH:LINE"
    for the caller's own errors; an unreadable file or a line that is not JSON is an InputError
    naming it (`what` says what the line should have been)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield f"{path}:{n}", json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"not a {what} line ({exc})") from exc


def make_pipeline():  # -> Pipeline (imported lazily: building it loads the language model)
    from strife.pipeline import Pipeline

    return Pipeline()


def run_articles(
    pipeline, articles: Sequence[Article], label: str = "articles"
) -> Iterator[tuple[Article, str | None]]:
    """Yield (processed article, None) or (input article, error message) for each article."""
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task(label, total=len(articles))
        for article, outcome in zip(articles, pipeline.run(articles), strict=True):
            progress.advance(task)
            if outcome.ok:
                yield outcome.article, None
            else:
                yield article, str(outcome.error)


def _stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr, quiet=not sys.stderr.isatty())
