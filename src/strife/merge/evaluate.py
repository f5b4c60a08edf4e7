"""Measuring cross-article merging on MUC-4: pairwise and B-cubed scores against gold clusters.

Gold: the key incidents of a split, clustered by `strife.merge.gold` (the same incident reported
by several documents). Prediction: every document goes through the pipeline (its publication
date read from the dateline by the clean stage), then through `Merger.ingest` into a fresh
in-memory store, in order of publication as a news feed would arrive. In each document strife's
events become templates (`strife.eval.muc4_map`) aligned with the key templates by the GTT
alignment; an aligned key incident is predicted to be in the stored event that holds the
template's main event.

Scores are over the aligned key incidents (the merge judged on the incidents strife found):
pairwise precision/recall/F1 over pairs of items in one cluster, and B-cubed (Bagga & Baldwin
1998) averaged over items. Most incidents are reported once, so not merging at all already scores
a high B-cubed; the report gives that baseline and the pairwise figures, which only count merges.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from strife.eval.muc4 import Template, score_document
from strife.eval.muc4_keys import key_template, make_article
from strife.eval.muc4_map import DEFAULT_TEMPLATES, article_templates
from strife.merge.gold import gold_clusters
from strife.merge.merger import Merger
from strife.models import Article


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _clusters(labels: Mapping[str, Any]) -> dict[Any, set[str]]:
    out: dict[Any, set[str]] = defaultdict(set)
    for item, label in labels.items():
        out[label].add(item)
    return out


def bcubed(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> PRF:
    """B-cubed precision and recall over the items both labellings hold."""
    items = [i for i in gold if i in pred]
    if not items:
        return PRF(0.0, 0.0)
    g, p = _clusters({i: gold[i] for i in items}), _clusters({i: pred[i] for i in items})
    precision = sum(len(g[gold[i]] & p[pred[i]]) / len(p[pred[i]]) for i in items) / len(items)
    recall = sum(len(g[gold[i]] & p[pred[i]]) / len(g[gold[i]]) for i in items) / len(items)
    return PRF(precision, recall)


def _pairs(labels: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {(a, b) for members in _clusters(labels).values() for a in members for b in members if a < b}


def pairwise(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> PRF:
    """Precision and recall of the pairs of items put in one cluster (1.0 when there are none)."""
    items = [i for i in gold if i in pred]
    g, p = _pairs({i: gold[i] for i in items}), _pairs({i: pred[i] for i in items})
    return PRF(len(g & p) / len(p) if p else 1.0, len(g & p) / len(g) if g else 1.0)


@dataclass
class MergeReport:
    documents: int = 0
    incidents: int = 0
    aligned: int = 0
    gold_multi: int = 0  # aligned incidents whose gold cluster holds another aligned incident
    events: int = 0  # strife events before merging
    stored: int = 0  # stored events after merging
    merged: int = 0  # stored events backed by more than one article
    embedder: str = ""
    gold: dict[str, int] = field(default_factory=dict)
    pred: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, PRF]:
        singletons = {i: i for i in self.pred}
        return {
            "pairwise": pairwise(self.gold, self.pred),
            "b-cubed": bcubed(self.gold, self.pred),
            "b-cubed, no merging": bcubed(self.gold, singletons),
        }

    def rows(self) -> list[tuple[str, float, float, float]]:
        return [(n, 100 * s.precision, 100 * s.recall, 100 * s.f1) for n, s in self.scores().items()]


def merge_articles(articles: Iterable[Article], merger: Merger, store: Any) -> None:
    """Ingest the articles through the merger, in order of publication (undated last)."""
    for article in sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id or "")):
        merger.ingest(store, article)


def _aligned_items(article: Article, templates: list[dict[str, Any]], max_templates: int) -> dict[str, str]:
    """Key incident (`doc#index`) -> the member id of strife's event aligned with it."""
    mapped = article_templates(article, max_templates)
    keyed = [(n, t) for n, t in enumerate(templates) if key_template(t) is not None]
    preds = [Template.from_dict(t.to_gtt()) for t in mapped]
    golds = [Template.from_dict(key_template(t) or {}) for _, t in keyed]
    out = {}
    for i, j in score_document(preds, golds).alignment:
        event = max(mapped[i].events, key=lambda e: e.confidence)
        out[f"{article.id}#{keyed[j][0]}"] = event.id
    return out


def evaluate(
    articles: list[Article],
    keys: dict[str, list[dict[str, Any]]],
    merger: Merger,
    max_templates: int = DEFAULT_TEMPLATES,
    db: str = "sqlite://",
) -> MergeReport:
    """Merge processed MUC-4 articles in a fresh store (`db`: an empty database; by default one
    in memory) and score the clusters."""
    from strife.errors import StorageError
    from strife.storage import Store

    report = MergeReport(documents=len(articles), embedder=merger.embedder.name)
    gold = gold_clusters({a.id or "": keys.get(a.id or "", []) for a in articles})
    report.incidents = len(gold)
    report.events = sum(len(a.events) for a in articles)
    with Store(db) as store:
        if store.articles():
            raise StorageError(f"{store.url}: the merge evaluation needs an empty database")
        merge_articles(articles, merger, store)
        home = {m.member_id: m.event_id for a in articles for m in store.members(article_id=a.id or "")}
        events = store.events()
    report.stored = len(events)
    report.merged = sum(1 for e in events if e["sources"] > 1)
    for article in articles:
        for item, member_id in _aligned_items(article, keys.get(article.id or "", []), max_templates).items():
            if item in gold and member_id in home:
                report.pred[item] = home[member_id]
                report.gold[item] = gold[item]
    report.aligned = len(report.pred)
    sizes = Counter(report.gold.values())
    report.gold_multi = sum(1 for c in report.gold.values() if sizes[c] > 1)
    return report


def run_muc4(
    pipeline: Any,
    docs: dict[str, Any],
    keys: dict[str, Any],
    merger: Merger,
    limit: int | None = None,
    max_templates: int = DEFAULT_TEMPLATES,
    db: str = "sqlite://",
) -> MergeReport:
    """Run the pipeline over the key documents (publication date from the dateline, read by the
    clean stage), merge them in the empty database `db` and score them."""
    from strife.eval.runner import run_articles

    ids = [d for d in docs if d in keys][:limit]
    articles, errors = [], []
    for article, error in run_articles(pipeline, [make_article(d, docs[d]) for d in ids], "MUC-4 documents"):
        if error:
            errors.append(error)
        else:
            articles.append(article)
    report = evaluate(articles, {d: keys[d] for d in ids}, merger, max_templates, db)
    report.documents, report.errors = len(ids), errors
    return report
