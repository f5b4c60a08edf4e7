"""Stratified k-fold cross-validation of the whole pipeline's CASE 2021 typing.

Snippets are split by label (near-duplicates kept together); for each fold a model is fitted on
the other folds' examples only and injected into a full pipeline (`Resources.event_model`),
which types the held-out snippets exactly as `strife eval case2021` does
(`case2021.predict`); all held-out predictions are then scored together (`case2021.score`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from strife.eval import case2021
from strife.eval.case2021 import Prediction, Report, Snippet
from strife.resources import Resources
from strife.train.examples import Example, group_key
from strife.train.fit import C, fit


@dataclass
class CVResult:
    report: Report
    predictions: list[Prediction]
    folds: list[dict] = field(default_factory=list)  # per fold: sizes, macro-F1, accuracy


def splits(snippets: Sequence[Snippet], k: int = 5, seed: int = 0) -> list[tuple[list[int], list[int]]]:
    """`k` (train, test) index lists, stratified by expected label, near-duplicates together."""
    from sklearn.model_selection import StratifiedGroupKFold

    groups = [group_key(s.text) for s in snippets]
    k = min(k, len(set(groups)))
    if k < 2:
        raise ValueError("cross-validation needs at least two distinct snippets")
    folds = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    labels = [s.expected for s in snippets]
    return [(list(tr), list(te)) for tr, te in folds.split(snippets, labels, groups)]


def fold_resources(base: Resources, model, embedder) -> Resources:
    """Resources sharing `base`'s loaded models, with the fold's classifier injected."""
    res = Resources(base.settings, nlp=base.nlp, gazetteer=base.gazetteer, actors=base.actors)
    res.event_model = model
    res.embedder = embedder
    return res


def cross_validate(
    snippets: Sequence[Snippet],
    examples: Sequence[Example],
    resources: Resources,
    embedder,
    k: int = 5,
    seed: int = 0,
    c: float = C,
) -> CVResult:
    from strife.pipeline import Pipeline

    predictions: list[Prediction] = []
    folds = []
    for n, (train, test) in enumerate(splits(snippets, k, seed), start=1):
        train_ids = {snippets[i].id for i in train}
        test_snippets = [snippets[i] for i in test]
        if train_ids & {s.id for s in test_snippets}:
            raise AssertionError(f"fold {n}: a snippet is both trained on and tested")
        model = fit([x for x in examples if x.id in train_ids], embedder, c=c, seed=seed)
        pipeline = Pipeline(resources=fold_resources(resources, model, embedder))
        fold = case2021.predict(pipeline, test_snippets)
        r = case2021.score(fold)
        folds.append(
            {
                "fold": n,
                "train": len(train),
                "test": len(test),
                "macro_f1": r.macro_f1,
                "accuracy": r.accuracy,
            }
        )
        predictions += fold
    return CVResult(case2021.score(predictions), predictions, folds)
