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
    monkeypatch.setattr(grouping, "sentence_clusters", lambda s, lx: calls.append(s.start) or real(s, lx))
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


@pytest.mark.slow
def test_a_memo_kept_on_the_doc_is_shared_and_finalize_drops_it(nlp):
    """The events stage's drafts and the arguments stage read one memo through the Doc; the
    finalize stage removes it (its clusters refer back to the Doc's tokens)."""
    from strife.models import Article
    from strife.stages.finalize import make as finalize

    lex = lexicon()
    doc = nlp(TEXT)
    sents = list(doc.sents)
    first = [telling.memo(lex, doc)(s) for s in sents]
    assert all(
        a is b for a, b in zip(first, [grouping.clusters_memo(lex, doc)(s) for s in sents], strict=True)
    )
    assert grouping.MEMO_KEY in doc.user_data
    article = Article(raw=TEXT)
    article.text, article.doc = TEXT, doc
    finalize(None)(article)  # type: ignore[arg-type]
    assert article.doc is None and grouping.MEMO_KEY not in doc.user_data
