"""Training examples from CASE 2021 snippets: the classifier's input for each, with its label.

Each snippet goes through the language layer and the rule detector (`find_events`, the rules
alone, as the events stage runs them before the model). The input is the event the evaluation
types (`case2021.snippet_event`), or the whole text when the rules find no event and the text
is short enough for the typer to propose one (`typing.rescuable`). The label is the ACLED
sub-event type of the snippet's code, or `NO_EVENT` for its non-conflict codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from strife.detect.classifier import NO_EVENT, EventInput, context, event_input
from strife.detect.document import find_events
from strife.detect.lexicon import lexicon
from strife.detect.typing import rescuable
from strife.eval.case2021 import CODES, Snippet, snippet_event
from strife.eval.runner import run_articles
from strife.models import Article
from strife.resources import Resources

#: The dataset's codes -> ACLED's spelling (the model's labels).
LABELS = {code: sub for sub, code in CODES.items()}


@dataclass
class Example:
    id: str
    label: str
    input: EventInput
    rule: str | None  # the rules' sub-event type (None: no rule event)


def label(snippet: Snippet) -> str:
    return NO_EVENT if snippet.expected == NO_EVENT else LABELS[snippet.expected]


def group_key(text: str) -> str:
    """Near-duplicate snippets share a key, so that cross-validation keeps them in one fold."""
    return re.sub(r"\W+", " ", text.lower()).strip()[:80]


def case_examples(snippets: Sequence[Snippet], resources: Resources) -> list[Example]:
    """One example per snippet that yields an input (a failed snippet yields none)."""
    from strife.pipeline import Pipeline

    pipe = Pipeline(["clean", "language"], resources=resources)
    lex = lexicon()
    articles = [Article(id=f"case2021-{s.id}", raw=s.text) for s in snippets]
    out = []
    for snippet, (article, error) in zip(snippets, run_articles(pipe, articles, "examples"), strict=True):
        if error or article.doc is None:
            continue
        events = find_events(article, lex)
        event = snippet_event(events)
        if event is not None and event.sentences:
            x = event_input(article, event, context(article, event), lex)
        elif rescuable(article, events, lex):
            x = event_input(article, None, range(len(article.sentences)), lex)
        else:
            continue
        out.append(Example(snippet.id, label(snippet), x, event.sub_event_type if event else None))
    return out


class CachedEmbedder:
    """An embedder that embeds each distinct sentence once (training sees them many times)."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.embedder.encode(todo), strict=True))
        return np.vstack([self.cache[t] for t in texts]) if texts else np.zeros((0, 0), np.float32)

    def warm(self, inputs: Iterable[EventInput]) -> None:
        self.encode([s for x in inputs for s in x.sentences])
