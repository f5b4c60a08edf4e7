"""Personal names inside noun phrases, in mixed-case and one-case text."""

from __future__ import annotations

import pytest

from strife.actors.text import is_monocase
from strife.detect import names
from strife.detect.lexicon import lexicon


def test_monocase_texts_are_recognised():
    assert is_monocase("guerrillas attacked the farm of jose garcia.")
    assert is_monocase("GUERRILLAS ATTACKED THE FARM OF JOSE GARCIA.")
    assert not is_monocase("Guerrillas attacked the farm of Jose Garcia.")
    assert not is_monocase("")


def _name(nlp, text: str, head_word: str, words) -> str | None:
    doc = nlp(text)
    head = next(t for t in doc if t.text == head_word)
    left = min(t.i for t in head.subtree if t.i <= head.i)
    found = names.person_name(head, (left, head.i + 1), lexicon(), words, is_monocase(text))
    return text[found[0] : found[1]] if found else None


@pytest.fixture(scope="module")
def words(nlp):
    return names.english_words(nlp)


@pytest.mark.slow
def test_the_dictionary_knows_words_not_surnames(words):
    assert {"plant", "colonel", "truck"} <= words
    assert "quintero" not in words


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        (
            "gunmen killed police commander colonel waldemar franklin quintero in the city.",
            "quintero",
            "waldemar franklin quintero",
        ),
        ("Gunmen killed Colonel Waldemar Quintero in the city.", "Quintero", "Waldemar Quintero"),
        ("rebels kidnapped engineer alberto ruiz osorio yesterday.", "osorio", "alberto ruiz osorio"),
        ("soldiers killed companero ramiro forero yesterday.", "forero", "ramiro forero"),
        ("Soldiers killed Comrade Forero in his home.", "Forero", "Forero"),
        ("guerrillas murdered anthropologist maria eugenia ochoa at home.", "ochoa", "maria eugenia ochoa"),
        ("Gunmen shot Analyst Pedro Larrea outside the station.", "Larrea", "Pedro Larrea"),
        ("terrorists dynamited the antioquia liqueur plant.", "plant", None),
        ("the bomb wounded six passengers.", "passengers", None),
        ("Militants executed a Palestinian man.", "man", None),
    ],
)
def test_names_are_read_without_titles(nlp, words, text, head, name):
    assert _name(nlp, text, head, words) == name


@pytest.mark.slow
def test_dictionary_words_the_entity_tagger_reads_as_a_name_stay_in_it(nlp, words):
    # "todd ray wilson": all three are dictionary words, and the tagger made "todd" an adjective
    from spacy.tokens import Doc

    tags = {"words": ["todd", "ray", "wilson"], "pos": ["ADJ", "NOUN", "NOUN"]}
    named = Doc(nlp.vocab, **tags, ents=["B-PERSON", "I-PERSON", "I-PERSON"])
    assert names.name_in(list(named), lexicon(), words, monocase=True) == (0, 3)
    plain = Doc(nlp.vocab, **tags)  # no person entity: dictionary words, no name
    assert names.name_in(list(plain), lexicon(), words, monocase=True) is None


@pytest.mark.slow
def test_a_name_is_not_widened_over_the_clause_word_after_it(nlp, words):
    # "the attack on george shultz when he visited": "when" is in no dictionary of names
    from spacy.tokens import Doc

    doc = Doc(
        nlp.vocab,
        words=["george", "shultz", "when", "he", "visited"],
        tags=["NNP", "NNP", "WRB", "PRP", "VBD"],
        pos=["PROPN", "PROPN", "SCONJ", "PRON", "VERB"],
    )
    assert names.fullest(doc, (0, 2), lexicon(), words, monocase=True) == (0, 2)
