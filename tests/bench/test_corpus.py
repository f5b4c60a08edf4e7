"""The benchmark corpus: reproducible, distinct texts, in the documented order (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strife.bench.corpus import Doc, corpus, count_words, describe, sample, write_jsonl


def fake_shared(root: Path) -> Path:
    """A ../shared with two MUC-4 train documents (both cases) and one seed."""
    keys = root / "data" / "muc4" / "keys"
    gtt = root / "data" / "muc4" / "gtt"
    seeds = root / "corpus" / "seeds"
    for folder in (keys, gtt, seeds):
        folder.mkdir(parents=True)
    docs = {
        "DEV-MUC3-0002": {"dateline": "LIMA, 5 JAN 90", "text": "A BOMB EXPLODED AT A BANK."},
        "DEV-MUC3-0001": {"dateline": "BOGOTA, 3 JAN 90", "text": "GUERRILLAS ATTACKED A POST."},
    }
    (keys / "train_docs.json").write_text(json.dumps(docs), encoding="utf-8")
    lines = [{"docid": k, "doctext": v["text"].lower()} for k, v in docs.items()]
    (gtt / "train.json").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    (seeds / "001_x.txt").write_text("Rebels shelled a town on Monday.", encoding="utf-8")
    return root


def test_order_cases_and_repeats(tmp_path: Path) -> None:
    shared = fake_shared(tmp_path)
    docs = corpus(8, shared)
    assert [d.origin for d in docs] == ["muc4-upper"] * 2 + ["seed"] + ["muc4-lower"] * 2 + ["repeat"] * 3
    assert docs[0].text == "BOGOTA, 3 JAN 90 -- GUERRILLAS ATTACKED A POST."  # sorted by document id
    assert docs[3].text == "bogota, 3 jan 90 -- guerrillas attacked a post."
    assert docs[5].text.endswith("(Copy 1.)")
    assert len({d.text for d in docs}) == len(docs) == len({d.id for d in docs})
    assert corpus(8, shared) == docs  # the same every run
    assert describe(docs).startswith("8 articles (2 MUC-4 train, upper case; 1 seeds;")


def test_no_data_is_a_clear_exit(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no corpus"):
        corpus(5, tmp_path)
    with pytest.raises(SystemExit, match="at least 1"):
        corpus(0, fake_shared(tmp_path))


def test_sample_spreads_over_the_list() -> None:
    docs = [Doc(str(i), "seed", f"text {i}") for i in range(10)]
    assert [d.id for d in sample(docs, 5)] == ["0", "2", "4", "6", "8"]
    assert sample(docs, 20) == docs


def test_jsonl_reads_back_as_articles(tmp_path: Path) -> None:
    from strife.ingest import read_inputs

    docs = corpus(3, fake_shared(tmp_path / "shared"))
    path = write_jsonl(docs, tmp_path / "in.jsonl")
    read = list(read_inputs([str(path)]))
    assert [a.id for a in read] == [d.id for d in docs]  # type: ignore[union-attr]
    assert (
        count_words([d.text for d in docs]) == 9 + 11 + 6
    )  # "--" counts as a word, as the dateline separator


def test_halves_share_the_mix_and_rejoin_in_order() -> None:
    from strife.bench.speed import halves, rejoined

    for n in (0, 1, 5, 6):
        docs = [Doc(id=f"d{i}", origin="seed", text=f"text {i}") for i in range(n)]
        first, second = halves(docs)
        assert len(first) - len(second) in (0, 1) and first[:1] == docs[:1]
        assert rejoined(first, second) == docs
