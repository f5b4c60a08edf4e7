"""`make train`: cross-validate, then fit and save the event-type classifier.

Usage: python -m strife.train [--data TSV] [--folds 5] [--seed 0] [--c C] [--limit N] [--out NPZ]
                              [--no-cv] [--errors JSONL]

Writes the weights (default `strife/data/models/event_typer.npz`) and, unless `--no-cv`, the
k-fold figures beside them (`event_typer.cv.json`), and prints the per-class table; `--errors`
also writes every held-out snippet the pipeline typed wrongly, for reading the weak classes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from strife.detect.classifier import DEFAULT_PATH
from strife.eval import case2021
from strife.eval.runner import data_path
from strife.resources import Resources
from strife.train.cv import CVResult, cross_validate
from strife.train.examples import CachedEmbedder, case_examples
from strife.train.fit import C, fit


def cv_summary(result: CVResult, seconds: float, k: int, seed: int) -> dict:
    r = result.report
    return {
        "folds": k,
        "seed": seed,
        "snippets": r.n,
        "macro_f1": round(r.macro_f1, 4),
        "macro_f1_with_none": round(r.macro_f1_with_none, 4),
        "accuracy": round(r.accuracy, 4),
        "per_fold": [
            {**f, "macro_f1": round(f["macro_f1"], 4), "accuracy": round(f["accuracy"], 4)}
            for f in result.folds
        ],
        "per_class_f1": {c.label: round(c.f1, 3) for c in r.classes},
        "seconds": round(seconds, 1),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None, help="CASE 2021 task 2 labelled TSV")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    ap.add_argument("--limit", type=int, default=None, help="first N snippets only (a quick run)")
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--no-cv", action="store_true", help="fit and save without cross-validation")
    ap.add_argument("--errors", type=Path, default=None, help="write the held-out errors here (JSON lines)")
    a = ap.parse_args(argv)

    snippets = case2021.load_snippets(a.data or data_path("case2021", "task2_labelled.tsv"), a.limit)
    resources = Resources()
    embedder = CachedEmbedder(resources.embedder)
    t0 = time.perf_counter()
    examples = case_examples(snippets, resources)
    embedder.warm(x.input for x in examples)
    print(f"{len(examples)} examples from {len(snippets)} snippets ({time.perf_counter() - t0:.0f} s)")
    summary = None
    if not a.no_cv:
        t0 = time.perf_counter()
        result = cross_validate(snippets, examples, resources, embedder, a.folds, a.seed, a.c)
        summary = cv_summary(result, time.perf_counter() - t0, a.folds, a.seed)
        print_report(result.report, a.folds)
        if a.errors:
            print(f"{write_errors(result.predictions, a.errors)} held-out errors: {a.errors}")
    model = fit(examples, embedder, c=a.c, seed=a.seed)
    model.meta.update({"data": "CASE 2021 task 2 (task2_labelled.tsv)", "snippets": len(snippets)})
    if summary:
        model.meta["cv"] = {k: summary[k] for k in ("folds", "seed", "macro_f1", "accuracy")}
    model.save(a.out)
    print(f"model: {a.out} ({a.out.stat().st_size / 1024:.0f} KB, {len(model.labels)} labels)")
    if summary:
        cv_path = a.out.with_suffix(".cv.json")
        cv_path.write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"cross-validation figures: {cv_path}")


def write_errors(predictions: list[case2021.Prediction], path: Path) -> int:
    """Write each wrongly typed held-out snippet as one JSON line (gold, predicted, the text),
    grouped by gold label; returns how many."""
    wrong = sorted((p for p in predictions if p.predicted != p.expected), key=lambda p: (p.expected, p.id))
    fields = ("id", "gold", "expected", "predicted", "sub_event_type", "confidence", "error", "text")
    lines = [json.dumps({k: p.record()[k] for k in fields}, ensure_ascii=False) for p in wrong]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return len(lines)


def print_report(r: case2021.Report, k: int) -> None:
    print(f"{k}-fold CV, whole pipeline: macro-F1 {r.macro_f1:.3f}  accuracy {r.accuracy:.3f}  (n={r.n})")
    for c in r.classes:
        print(f"  {c.label:32s} n={c.support:3d}  P={c.precision:.2f} R={c.recall:.2f} F1={c.f1:.2f}")
    print("most frequent confusions (gold -> predicted):")
    for gold, predicted, n in r.confusions:
        print(f"  {n:3d}  {gold} -> {predicted}")


if __name__ == "__main__":
    main()
