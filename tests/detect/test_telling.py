"""The arguments stage's memo of sentence clusters: each sentence worked out once, the same
clusters as asking `sentence_clusters` directly."""

from __future__ import annotations

import pytest

from strife.detect import grouping, telling
from strife.detect.lexicon import lexicon

TEXT = (
    "Gunmen killed two policemen in Lima on Monday. A bomb exploded outside a bank in Cuzco. "
    "The attack destroyed the front of the building."
)


@pytest.mark.slow
def test_memo_works_each_sentence_out_once_and_agrees(nlp, monkeypatch):
    lex = lexicon()
    sents = list(nlp(TEXT).sents)
    direct = [grouping.sentence_clusters(s, lex) for s in sents]
    calls = []
    real = grouping.sentence_clusters
    monkeypatch.setattr(telling, "sentence_clusters", lambda s, lx: calls.append(s.start) or real(s, lx))
    clusters = telling.memo(lex)
    first = [clusters(s) for s in sents]
    again = [clusters(s) for s in reversed(sents)][::-1]
    assert len(calls) == len(sents) == 3  # the second round came from the memo
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert [[t.token.i for c in cs for t in c.triggers] for cs in first] == [
        [t.token.i for c in cs for t in c.triggers] for cs in direct
    ]
    assert any(first)  # the sentences do tell events
    assert telling.memo(lex)(sents[0]) is not first[0]  # a new memo for another article
