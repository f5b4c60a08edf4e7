"""Training: cross-validation splits, fitting, and a small end-to-end run on CASE 2021 snippets."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from conftest import SHARED
from strife.detect.classifier import NO_EVENT, EventClassifier, EventInput
from strife.eval.case2021 import Snippet, load_snippets
from strife.train.cv import cross_validate, splits
from strife.train.examples import CachedEmbedder, Example, case_examples, group_key, label
from strife.train.fit import fit

pytest.importorskip("sklearn")
CASE = SHARED / "data" / "case2021" / "task2_labelled.tsv"


def synthetic_snippets() -> list[Snippet]:
    codes = ["ARMED_CLASH"] * 12 + ["PEACE_PROTEST"] * 10 + ["DIPLO"] * 8
    out = [Snippet(str(i), f"report number {i} of kind {c}", c) for i, c in enumerate(codes)]
    # two near-duplicates (same first 80 characters) must stay in one fold
    out.append(Snippet("dup1", "x" * 90 + " first ending", "ARMED_CLASH"))
    out.append(Snippet("dup2", "x" * 90 + " second ending", "ARMED_CLASH"))
    return out


def test_splits_never_leak_and_cover_every_snippet():
    snippets = synthetic_snippets()
    folds = splits(snippets, k=5, seed=0)
    assert len(folds) == 5
    tested = []
    for train, test in folds:
        assert not set(train) & set(test)
        assert set(train) | set(test) == set(range(len(snippets)))
        tested += test
        ids = {snippets[i].id for i in test}
        assert {"dup1", "dup2"} <= ids or not {"dup1", "dup2"} & ids
        # stratified: every label is in every test fold (each has at least 5 snippets)
        assert {snippets[i].expected for i in test} == {"ARMED_CLASH", "PEACE_PROTEST", "NO_EVENT"}
    assert sorted(tested) == list(range(len(snippets)))  # each snippet tested exactly once
    assert splits(snippets, k=5, seed=0) == folds  # a fixed seed gives the same folds


def test_labels_map_codes_to_acled_spelling():
    assert label(Snippet("1", "t", "AIR_STRIKE")) == "Air/drone strike"
    assert label(Snippet("1", "t", "NATURAL_DISASTER")) == NO_EVENT
    assert group_key("Hello,   World! " * 20) == group_key("hello world " * 20)


class WordEmbedder:
    """A small stand-in embedder: one dimension per known word (no model to load)."""

    words = ("clash", "march", "talk", "fire", "crowd", "minister")

    def encode(self, texts):
        out = np.array([[t.lower().count(w) + 0.01 for w in self.words] for t in texts], np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _examples(labels):
    text = {"Armed clash": "rebels clash fire", "Peaceful protest": "crowd march", NO_EVENT: "minister talk"}
    return [
        Example(
            str(i), lab, EventInput([f"{text[lab]} {i}"], [*text[lab].split(), "|"], [f"rule={lab}"]), None
        )
        for i, lab in enumerate(labels)
    ]


def test_fit_is_deterministic_and_learns_separable_classes():
    examples = _examples(["Armed clash", "Peaceful protest", NO_EVENT] * 6)
    a, b = fit(examples, WordEmbedder()), fit(examples, WordEmbedder())
    assert np.array_equal(a.coef, b.coef)
    probs = a.predict([x.input for x in examples[:3]], WordEmbedder())
    assert [max(p, key=p.get) for p in probs] == ["Armed clash", "Peaceful protest", NO_EVENT]


def test_fit_with_two_labels_gives_softmax_weights():
    examples = _examples(["Armed clash", NO_EVENT] * 5)
    model = fit(examples, WordEmbedder())
    assert model.coef.shape[0] == 2
    p = model.predict([examples[0].input], WordEmbedder())[0]
    assert p["Armed clash"] > 0.5
    with pytest.raises(ValueError):
        fit(examples[:1], WordEmbedder())


@pytest.mark.slow
def test_train_end_to_end_on_a_small_subset(resources, tmp_path):
    if not CASE.is_file():
        pytest.skip(f"{CASE} is not available")
    snippets = load_snippets(CASE)[:36]
    embedder = CachedEmbedder(resources.embedder)
    examples = case_examples(snippets, resources)
    assert len(examples) >= 30 and Counter(x.label for x in examples)[NO_EVENT] >= 1
    result = cross_validate(snippets, examples, resources, embedder, k=2, seed=0)
    assert result.report.n == len(snippets) and len(result.folds) == 2
    assert sum(f["test"] for f in result.folds) == len(snippets)
    model = fit(examples, embedder)
    path = tmp_path / "m.npz"
    model.save(path)
    again = EventClassifier.load(path)
    x = [examples[0].input]
    assert again.predict(x, embedder)[0] == pytest.approx(model.predict(x, embedder)[0])


def test_report_prints_per_class_scores_and_confusions(capsys):
    from strife.eval.case2021 import Prediction, score
    from strife.train.__main__ import print_report

    rows = [
        ("PEACE_PROTEST", "PEACE_PROTEST"),
        ("VIOL_DEMONSTR", "PEACE_PROTEST"),
        ("VIOL_DEMONSTR", "VIOL_DEMONSTR"),
    ]
    print_report(score([Prediction(str(i), g, g, p) for i, (g, p) in enumerate(rows)]), k=2)
    out = capsys.readouterr().out
    assert "VIOL_DEMONSTR" in out and "R=0.50" in out
    assert "1  VIOL_DEMONSTR -> PEACE_PROTEST" in out


def test_errors_file_lists_the_wrongly_typed_snippets_by_gold_label(tmp_path):
    import json

    from strife.eval.case2021 import Prediction
    from strife.train.__main__ import write_errors

    rows = [
        Prediction("1", "PEACE_PROTEST", "PEACE_PROTEST", "PEACE_PROTEST", text="a march"),
        Prediction("2", "VIOL_DEMONSTR", "VIOL_DEMONSTR", "PEACE_PROTEST", text="a riot"),
        Prediction("3", "DIPLO", NO_EVENT, "ARMED_CLASH", text="a visit"),
    ]
    path = tmp_path / "errors.jsonl"
    assert write_errors(rows, path) == 2
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(x["expected"], x["predicted"], x["text"]) for x in lines] == [
        (NO_EVENT, "ARMED_CLASH", "a visit"),
        ("VIOL_DEMONSTR", "PEACE_PROTEST", "a riot"),
    ]


def test_fit_scales_the_tfidf_block_by_its_chosen_weight():
    from strife.train.fit import TFIDF

    examples = _examples(["Armed clash", "Peaceful protest", NO_EVENT] * 4)
    model = fit(examples, WordEmbedder())
    row = model.features([examples[0].input], WordEmbedder().encode(examples[0].input.sentences))[0]
    block = row[model.dim : model.dim + len(model.vocab)]
    assert model.weights.tfidf == TFIDF
    assert float(np.linalg.norm(block)) == pytest.approx(TFIDF, abs=1e-5)  # an L2-normalised block
