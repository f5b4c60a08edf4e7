"""The GTT template metric for MUC-4 (Du, Rush & Cardie 2021), as ../shared/data/README.md states it.

Mentions are normalised (lower case, punctuation and a/an/the removed, white space collapsed).
In each document predicted templates are aligned one-to-one with gold templates (or left
unaligned), choosing the alignment with the best micro-F1 for that document. An aligned pair
counts only when the predicted incident type is a substring of the gold one; then the type is
one true positive, a predicted entity is correct when all its mentions are mentions of one gold
entity of the role, and a gold entity is recalled when some predicted entity of the role
matches it. Counts are summed over documents and micro-averaged over the type and five roles.

The alignment search is exact: a dynamic programme over the templates of the larger side with
the set of used templates of the smaller side as state, keeping for each state only the
Pareto-optimal (correct predicted, recalled gold) pairs. Document F1 rises with both counts and
pair contributions add up, so a dominated pair can never end better; the result equals the
published scorer's exhaustive search (whose cost grows as (gold + 1) ** predicted), in
time linear in the templates of the larger side and 2 ** (smaller side).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife.errors import InputError
from strife.eval.runner import json_lines

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
FIELDS: tuple[str, ...] = ("incident_type", *ROLES)
#: The published scorer becomes intractable beyond this many predicted templates per document.
MAX_TEMPLATES = 6
DEFAULT_TEMPLATES = 4
#: Beyond this many templates on the smaller side the exact search is replaced by a greedy one.
EXACT_LIMIT = 16

_PUNCT = str.maketrans("", "", string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalise(mention: str) -> str:
    """The GTT normalisation: lower case, punctuation and articles removed, spaces collapsed."""
    text = mention.lower().translate(_PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


def doc_key(docid: str) -> str:
    """The key the GTT scorer uses: `TST3-MUC4-0003` -> `30003` (a non-digit series counts 0)."""
    parts = docid.strip().split("-")
    if len(parts) < 2 or not parts[-1].isdigit():
        raise ValueError(f"not a MUC-4 document id: {docid!r}")
    series = int(parts[0][-1]) if parts[0][-1:].isdigit() else 0
    return str(series * 10000 + int(parts[-1]))


# -- templates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """A template with normalised mentions: each role is a list of entities (sets of mentions)."""

    incident_type: str
    roles: Mapping[str, tuple[frozenset[str], ...]]

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Template:
        """Read a gold (`[[mention, offset], ...]`) or predicted (`[mention, ...]`) template."""
        roles = {}
        for role in ROLES:
            entities = []
            for entity in raw.get(role) or []:
                mentions = [entity] if isinstance(entity, str) else entity
                names = {normalise(m[0] if isinstance(m, list | tuple) else str(m)) for m in mentions}
                if names:
                    entities.append(frozenset(names))
            roles[role] = tuple(entities)
        return cls(str(raw.get("incident_type") or "").strip().lower(), roles)

    def size(self, name: str) -> int:
        """How many items the template holds for a field (1 for the incident type)."""
        return 1 if name == "incident_type" else len(self.roles[name])


def type_matches(pred: str, gold: str) -> bool:
    """The GTT rule: the predicted type is a substring of the gold one (`attack` / `bombing / attack`)."""
    return bool(pred) and pred in gold


def pair_counts(pred: Template, gold: Template) -> dict[str, tuple[int, int]] | None:
    """Per field, (correct predicted items, recalled gold items) of an aligned pair; None when
    the incident types do not match (then the pair is worth nothing)."""
    if not type_matches(pred.incident_type, gold.incident_type):
        return None
    out = {"incident_type": (1, 1)}
    for role in ROLES:
        p_ents, g_ents = pred.roles[role], gold.roles[role]
        correct = sum(1 for p in p_ents if any(p <= g for g in g_ents))
        recalled = sum(1 for g in g_ents if any(p <= g for p in p_ents))
        out[role] = (correct, recalled)
    return out


# -- tallies --------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts per field: predicted items, gold items, correct predicted, recalled gold."""

    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    recalled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, other: Tally) -> None:
        for mine, theirs in (
            (self.pred, other.pred),
            (self.gold, other.gold),
            (self.correct, other.correct),
            (self.recalled, other.recalled),
        ):
            for name in FIELDS:
                mine[name] += theirs[name]

    def prf(self, names: Iterable[str] = FIELDS) -> tuple[float, float, float]:
        """Micro precision, recall and F1 (as fractions) over the given fields."""
        names = list(names)
        n_pred = sum(self.pred[n] for n in names)
        n_gold = sum(self.gold[n] for n in names)
        p = sum(self.correct[n] for n in names) / n_pred if n_pred else 0.0
        r = sum(self.recalled[n] for n in names) / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def f1(correct: int, recalled: int, n_pred: int, n_gold: int) -> float:
    """Micro-F1 from counts (0 when either side is empty)."""
    if not n_pred or not n_gold or not correct or not recalled:
        return 0.0
    return 2 * correct * recalled / (correct * n_gold + recalled * n_pred)


# -- alignment ------------------------------------------------------------------------------

Pair = tuple[int, int]


def best_alignment(
    scores: Mapping[Pair, tuple[int, int]], n_pred: int, n_gold: int, totals: Pair
) -> list[Pair]:
    """The one-to-one alignment (pred index, gold index) with the best document micro-F1.

    `scores` holds, for each pair worth aligning, its (correct, recalled) counts; `totals` the
    document's (predicted items, gold items). Ties go to the larger correct + recalled sum.
    """
    if min(n_pred, n_gold) > EXACT_LIMIT:
        return _greedy(scores)
    flip = n_pred < n_gold  # iterate over the larger side, the smaller one is the bitmask
    rows = n_gold if flip else n_pred
    by_row: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for (i, j), value in scores.items():
        r, c = (j, i) if flip else (i, j)
        by_row.setdefault(r, []).append((c, value))
    states: dict[int, dict[Pair, tuple[Pair, ...]]] = {0: {(0, 0): ()}}
    for r in range(rows):
        nxt: dict[int, dict[Pair, tuple[Pair, ...]]] = {m: dict(f) for m, f in states.items()}
        for mask, front in states.items():
            for c, (cp, cr) in by_row.get(r, []):
                if mask & (1 << c):
                    continue
                target = nxt.setdefault(mask | (1 << c), {})
                for (a, b), pairs in front.items():
                    target.setdefault((a + cp, b + cr), (*pairs, (c, r) if flip else (r, c)))
        states = {m: _pareto(f) for m, f in nxt.items()}
    best: tuple[float, int] = (-1.0, -1)
    chosen: tuple[Pair, ...] = ()
    for front in states.values():
        for (a, b), pairs in front.items():
            key = (f1(a, b, *totals), a + b)
            if key > best:
                best, chosen = key, pairs
    return sorted(chosen)


def _pareto(front: dict[Pair, tuple[Pair, ...]]) -> dict[Pair, tuple[Pair, ...]]:
    """Keep only the points not dominated in both counts."""
    points = sorted(front, key=lambda p: (-p[0], -p[1]))
    kept: dict[Pair, tuple[Pair, ...]] = {}
    best_b = -1
    for a, b in points:
        if b > best_b:
            kept[(a, b)] = front[(a, b)]
            best_b = b
    return kept


def _greedy(scores: Mapping[Pair, tuple[int, int]]) -> list[Pair]:
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for (i, j), _ in sorted(scores.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        if i not in used_p and j not in used_g:
            out.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return sorted(out)


# -- documents and corpora ------------------------------------------------------------------


@dataclass
class DocScore:
    alignment: list[Pair]
    tally: Tally


def score_document(preds: list[Template], golds: list[Template]) -> DocScore:
    """Align a document's templates and count its items (aligned or not)."""
    tally = Tally()
    for t in preds:
        for name in FIELDS:
            tally.pred[name] += t.size(name)
    for t in golds:
        for name in FIELDS:
            tally.gold[name] += t.size(name)
    detail = {}
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            counts = pair_counts(p, g)
            if counts is not None:
                detail[(i, j)] = counts
    scores = {
        pair: (sum(c for c, _ in d.values()), sum(r for _, r in d.values())) for pair, d in detail.items()
    }
    totals = (sum(tally.pred.values()), sum(tally.gold.values()))
    alignment = best_alignment(scores, len(preds), len(golds), totals)
    for pair in alignment:
        for name, (c, r) in detail[pair].items():
            tally.correct[name] += c
            tally.recalled[name] += r
    return DocScore(alignment, tally)


@dataclass
class GoldDoc:
    docid: str
    text: str
    templates: list[dict[str, Any]]

    @property
    def key(self) -> str:
        return doc_key(self.docid)


@dataclass
class CorpusScore:
    tally: Tally
    documents: int
    warnings: list[str]


def score_corpus(predictions: Mapping[str, Any], docs: list[GoldDoc]) -> CorpusScore:
    """Score predictions (the GTT file's content, keyed as `doc_key`) against gold documents."""
    total = Tally()
    warnings: list[str] = []
    keys = {d.key for d in docs}
    missing = [d.docid for d in docs if d.key not in predictions]
    if missing:
        warnings.append(
            f"{len(missing)} gold document(s) have no prediction (scored as empty), e.g. {missing[0]}"
        )
    extra = sorted(set(predictions) - keys)
    if extra:
        warnings.append(
            f"{len(extra)} predicted document(s) are not in the gold file (ignored), e.g. {extra[0]}"
        )
    for doc in docs:
        entry = predictions.get(doc.key) or {}
        raw = entry.get("pred_templates", []) if isinstance(entry, Mapping) else []
        preds = [Template.from_dict(t) for t in raw]
        golds = [Template.from_dict(t) for t in doc.templates]
        total.add(score_document(preds, golds).tally)
    return CorpusScore(total, len(docs), warnings)


def load_gtt_docs(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """Read a GTT-format file: one JSON object a line with docid, doctext and templates."""
    docs: list[GoldDoc] = []
    for where, obj in json_lines(path, "GTT document"):
        try:
            doc = GoldDoc(str(obj["docid"]), str(obj.get("doctext") or ""), list(obj.get("templates") or []))
            doc_key(doc.docid)
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(where, f"not a GTT document line ({exc})") from exc
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    return docs


def load_predictions(path: Path) -> dict[str, Any]:
    """Read a predictions file `{"30003": {"pred_templates": [...]}, ...}`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(str(path), 'expected a JSON object {"<doc key>": {"pred_templates": [...]}}')
    return data


def score_rows(tally: Tally) -> list[tuple[str, float, float, float]]:
    """Rows (field, P, R, F1) in percent: each field, then the micro average."""
    rows = []
    for name, (p, r, f) in [(n, tally.prf([n])) for n in FIELDS] + [("micro", tally.prf())]:
        rows.append((name, 100 * p, 100 * r, 100 * f))
    return rows
