"""The sentence-case copy a one-case text is read from: same offsets, names capitalised."""

from __future__ import annotations

import pytest

from figures.helpers import parsed
from strife.figures.casing import figures_doc, is_monocase, original, sentence_case, vocabulary
from strife.models import ActorMention, Article, Span, Toponym


def test_one_case_texts_are_told_from_mixed_case():
    assert is_monocase("THREE PEASANTS WERE KILLED BY THE GUERRILLAS IN THE NORTH.")
    assert is_monocase("three peasants were killed by the guerrillas in the north.")
    assert not is_monocase("Three peasants were killed by the FMLN guerrillas in Chalatenango.")
    assert not is_monocase("TEN DEAD")  # too few letters to judge


def test_sentence_case_keeps_every_offset_and_capitalises_sentences_and_names():
    text = "GUERRILLAS OF THE FMLN KILLED TWO SOLDIERS. THE ARMY SAID SO IN SAN SALVADOR."
    fmln, place, second = text.index("FMLN"), text.index("SAN SALVADOR"), text.index("THE ARMY")
    article = Article(
        text=text,
        sentences=[Span(start=0, end=second - 1), Span(start=second, end=len(text))],
        actor_mentions=[
            ActorMention(text="FMLN", start=fmln, end=fmln + 4, name="FMLN", actor_type="Rebel group")
        ],
        toponyms=[Toponym(text="SAN SALVADOR", start=place, end=place + 12)],
    )
    out = sentence_case(article)
    assert len(out) == len(text)
    assert out == "Guerrillas of the Fmln killed two soldiers. The army said so in San Salvador."


def test_sentence_case_of_an_odd_character_keeps_the_length():
    article = Article(text="İSTANBUL POLICE SAID TWO OFFICERS WERE WOUNDED BY GUNMEN.")
    assert len(sentence_case(article)) == len(article.text)


@pytest.mark.slow
def test_words_the_model_does_not_know_are_names(nlp):
    vocab = vocabulary(nlp)
    assert vocab.known("peasants") and vocab.known("killed") and vocab.known("the")
    assert not vocab.known("quintero") and not vocab.known("zacatecoluca")
    article = parsed(nlp, "GUSTAVO QUINTERO, THE MAYOR OF ZACATECOLUCA, WAS KILLED BY GUNMEN.")
    doc = figures_doc(article, nlp)
    assert doc is not article.doc and doc.text.startswith("Gustavo Quintero, the mayor of Zacatecoluca")
    assert [original(t) for t in doc[:2]] == ["GUSTAVO", "QUINTERO"]  # the words as the article has them


@pytest.mark.slow
def test_mixed_case_text_keeps_the_language_stage_parse(nlp):
    article = parsed(nlp, "Gunmen killed two soldiers near the border on Monday.")
    assert figures_doc(article, nlp) is article.doc


@pytest.mark.slow
def test_an_actor_mention_of_one_common_word_is_a_description_not_a_name(nlp):
    from strife.figures import extract

    text = "HE REPORTED THAT GUERRILLAS KILLED A PEASANT IN THE NORTHERN DEPARTMENT OF EL PETEN."
    article = parsed(nlp, text)
    peasant, guerrillas, fmln = text.index("PEASANT"), text.index("GUERRILLAS"), text.index("EL PETEN")
    article.actor_mentions = [
        ActorMention(
            text="GUERRILLAS", start=guerrillas, end=guerrillas + 10, name="Rebels", actor_type="Rebel group"
        ),
        ActorMention(
            text="PEASANT", start=peasant, end=peasant + 7, name="Civilians", actor_type="Civilians"
        ),
    ]
    article.toponyms = [Toponym(text="EL PETEN", start=fmln, end=fmln + 8)]
    out = sentence_case(article, vocabulary(nlp))
    assert "guerrillas killed a peasant in the northern department of El Peten" in out
    counts = [f.count() for f in extract(article, figures_doc(article, nlp))]
    assert [(c.kind, c.group, c.low, c.text) for c in counts] == [("fatalities", "Civilians", 1, "A PEASANT")]
