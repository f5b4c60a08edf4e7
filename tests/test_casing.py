"""The sentence-case copy a one-case text is parsed as: same offsets, names capitalised, the
article's own words kept for output."""

from __future__ import annotations

import pytest

from figures.helpers import parsed
from strife.casing import (
    is_monocase,
    keep_original,
    original,
    parsed_copy,
    sentence_case,
    sentence_starts,
    text_to_parse,
    vocabulary,
)
from strife.models import ActorMention, Article, Toponym


def test_one_case_texts_are_told_from_mixed_case():
    assert is_monocase("THREE PEASANTS WERE KILLED BY THE GUERRILLAS IN THE NORTH.")
    assert is_monocase("three peasants were killed by the guerrillas in the north.")
    assert not is_monocase("Three peasants were killed by the FMLN guerrillas in Chalatenango.")
    assert not is_monocase("TEN DEAD")  # too few letters to judge


def test_sentences_start_after_final_punctuation_and_blank_lines():
    text = 'TWO DIED. "WE FLED," HE SAID! WHY?\n\nA NEW PARAGRAPH\nWRAPPED HERE. END'
    starts = sentence_starts(text)
    assert [text[s : s + 4] for s in starts] == ["TWO ", '"WE ', "WHY?", "A NE", "END"]


def test_abbreviations_and_initials_end_no_sentence():
    text = "GEN. JUAN PEREZ AND J. R. SMITH OF THE U.S. EMBASSY ARRIVED IN JAN. 1990. THEY LEFT."
    starts = sentence_starts(text, {"gen.", "jan."})
    assert [text[s : s + 4] for s in starts] == ["GEN.", "THEY"]
    assert len(sentence_starts("1. THE FIRST POINT. 2. THE SECOND.")) == 4  # list numbers are no initials


def test_sentence_case_keeps_every_offset_and_capitalises_sentences_and_names():
    text = "GUERRILLAS OF THE FMLN KILLED TWO SOLDIERS. THE ARMY SAID SO IN SAN SALVADOR."
    fmln, place = text.index("FMLN"), text.index("SAN SALVADOR")
    article = Article(
        text=text,
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
    assert {"gen.", "jan."} <= vocab.abbreviations  # the tokenizer's own exceptions
    article = parsed(nlp, "GUSTAVO QUINTERO, THE MAYOR OF ZACATECOLUCA, WAS KILLED BY GUNMEN.")
    doc = article.doc
    assert doc.text.startswith("Gustavo Quintero, the mayor of Zacatecoluca")
    assert [original(t) for t in doc[:2]] == ["GUSTAVO", "QUINTERO"]  # the words as the article has them
    assert doc[0].pos_ == "PROPN" and doc[4].pos_ == "NOUN"  # "mayor" is no name in sentence case
    assert parsed_copy(doc)


@pytest.mark.slow
def test_mixed_case_text_is_parsed_as_it_is(nlp):
    article = Article(text="Gunmen killed two soldiers near the border on Monday.")
    assert text_to_parse(article, nlp) is article.text
    doc = keep_original(nlp(article.text), article.text)
    assert "strife_original_text" not in doc.user_data and original(doc[0]) == "Gunmen"
    assert not parsed_copy(doc)


@pytest.mark.slow
def test_an_actor_mention_of_one_common_word_is_a_description_not_a_name(nlp):
    from strife.figures import extract

    text = "HE REPORTED THAT GUERRILLAS KILLED A PEASANT IN THE NORTHERN DEPARTMENT OF EL PETEN."
    peasant, guerrillas, peten = text.index("PEASANT"), text.index("GUERRILLAS"), text.index("EL PETEN")
    mentions = [
        ActorMention(
            text="GUERRILLAS", start=guerrillas, end=guerrillas + 10, name="Rebels", actor_type="Rebel group"
        ),
        ActorMention(
            text="PEASANT", start=peasant, end=peasant + 7, name="Civilians", actor_type="Civilians"
        ),
    ]
    article = parsed(nlp, text, mentions, [Toponym(text="EL PETEN", start=peten, end=peten + 8)])
    assert "guerrillas killed a peasant in the northern department of El Peten" in article.doc.text
    counts = [f.count() for f in extract(article)]
    assert [(c.kind, c.group, c.low, c.text) for c in counts] == [("fatalities", "Civilians", 1, "A PEASANT")]
