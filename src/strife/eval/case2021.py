"""CASE 2021 task 2: typing short event descriptions with ACLED's sub-event types.

Reads `case2021/task2_labelled.tsv` (id, snippet, code). Each snippet goes through the pipeline;
its type is the sub-event type of its highest-confidence non-background event, written as the
dataset's code by `CODES` (the one table from ACLED's spelling to the codes), or `NO_EVENT`
when strife finds none. The non-conflict codes (disasters, diplomacy, organised crime,
attribution) are all expected as `NO_EVENT`: right when strife finds no conflict event.
Accuracy is over every snippet; macro-F1 is the mean F1 of the ACLED sub-event types present in
the gold labels (a second figure adds `NO_EVENT` as a class).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from strife.errors import InputError
from strife.eval.runner import run_articles
from strife.models import Article, Event

#: ACLED's sub-event types (as strife spells them) -> the dataset's codes.
CODES: dict[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
NO_EVENT = "NO_EVENT"
#: Codes outside ACLED's taxonomy: no conflict event is the right answer.
NON_CONFLICT = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ORG_CRIME", "ATTRIB"})


@dataclass
class Snippet:
    id: str
    text: str
    code: str

    @property
    def expected(self) -> str:
        return NO_EVENT if self.code in NON_CONFLICT else self.code


def load_snippets(path: Path, limit: int | None = None) -> list[Snippet]:
    """Read the labelled TSV (header `id EventSnippet SubType`); unknown codes are an error."""
    known = set(CODES.values()) | NON_CONFLICT
    try:
        with Path(path).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    if not rows or [c.strip() for c in rows[0][:3]] != ["id", "EventSnippet", "SubType"]:
        raise InputError(str(path), "expected a header 'id<TAB>EventSnippet<TAB>SubType'")
    out = []
    for n, row in enumerate(rows[1:], 2):
        if len(row) != 3 or row[2].strip() not in known:
            raise InputError(f"{path}:{n}", f"expected id, snippet and a known code, got {row[:3]!r}")
        out.append(Snippet(row[0].strip(), row[1].strip(), row[2].strip()))
    return out[:limit] if limit is not None else out


def snippet_event(events: Iterable[Event]) -> Event | None:
    """The event a snippet is typed by: the most confident one not flagged as background."""
    current = [e for e in events if not e.background]
    return max(current, key=lambda e: e.confidence, default=None)


@dataclass
class Prediction:
    id: str
    gold: str
    expected: str
    predicted: str
    sub_event_type: str | None = None
    confidence: float | None = None
    tags: list[str] = field(default_factory=list)
    events: int = 0
    error: str | None = None
    text: str = ""

    def record(self) -> dict[str, Any]:
        return asdict(self)


def predict(pipeline: Any, snippets: list[Snippet]) -> list[Prediction]:
    """Type every snippet with the pipeline (a failed snippet is predicted `NO_EVENT`)."""
    articles = [Article(id=f"case2021-{s.id}", raw=s.text) for s in snippets]
    out = []
    for snippet, (article, error) in zip(
        snippets, run_articles(pipeline, articles, "CASE 2021"), strict=True
    ):
        p = Prediction(snippet.id, snippet.code, snippet.expected, NO_EVENT, error=error, text=snippet.text)
        if not error:
            p.events = len(article.events)
            event = snippet_event(article.events)
            if event is not None:
                p.predicted = CODES.get(event.sub_event_type, "OTHER")
                p.sub_event_type, p.confidence, p.tags = (
                    event.sub_event_type,
                    event.confidence,
                    list(event.tags),
                )
        out.append(p)
    return out


@dataclass
class ClassScore:
    label: str
    support: int
    predicted: int
    precision: float
    recall: float
    f1: float
    confused_with: list[tuple[str, int]]


@dataclass
class Report:
    n: int
    accuracy: float
    macro_f1: float
    macro_f1_with_none: float
    classes: list[ClassScore]
    confusions: list[tuple[str, str, int]]
    errors: int


def score(predictions: list[Prediction], top: int = 12) -> Report:
    """Accuracy, macro-F1 over the ACLED types in the gold labels, per-class scores, confusions."""
    pairs = Counter((p.expected, p.predicted) for p in predictions)
    gold = Counter(p.expected for p in predictions)
    pred = Counter(p.predicted for p in predictions)
    classes = []
    for label in sorted(gold, key=lambda c: (c == NO_EVENT, c)):
        tp = pairs[(label, label)]
        precision = tp / pred[label] if pred[label] else 0.0
        recall = tp / gold[label]
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        confused = Counter({p: c for (g, p), c in pairs.items() if g == label and p != label})
        classes.append(
            ClassScore(label, gold[label], pred[label], precision, recall, f1, confused.most_common(3))
        )
    acled = [c.f1 for c in classes if c.label != NO_EVENT]
    errors = Counter({(g, p): c for (g, p), c in pairs.items() if g != p})
    return Report(
        n=len(predictions),
        accuracy=sum(pairs[(c, c)] for c in gold) / len(predictions) if predictions else 0.0,
        macro_f1=sum(acled) / len(acled) if acled else 0.0,
        macro_f1_with_none=sum(c.f1 for c in classes) / len(classes) if classes else 0.0,
        classes=classes,
        confusions=[(g, p, c) for (g, p), c in errors.most_common(top)],
        errors=sum(1 for p in predictions if p.error),
    )
