"""A person's name that holds a place name ('Francisco Jose Guerrero', 'Maria Elena Diaz'):
the person is a figure; a place name on its own is none."""

from __future__ import annotations

import pytest

from figures.helpers import parsed
from strife.figures import extract
from strife.models import Toponym

pytestmark = pytest.mark.slow


def _read(nlp, text: str, place: str) -> list[tuple]:
    at = text.index(place)
    article = parsed(nlp, text, toponyms=[Toponym(text=place, start=at, end=at + len(place))])
    return [(c.kind, c.low, c.high, c.text) for c in (f.count() for f in extract(article))]


def test_a_surname_that_is_a_place_is_still_the_persons(nlp):
    text = "THE MURDER OF FORMER JUDGE FRANCISCO JOSE GUERRERO SHOCKED THE COUNTRY."
    assert _read(nlp, text, "GUERRERO") == [("fatalities", 1, None, "FORMER JUDGE FRANCISCO JOSE GUERRERO")]


def test_a_first_name_that_is_a_place_is_still_the_persons(nlp):
    text = "MARIA ELENA DIAZ WAS ASSASSINATED IN THE CITY TODAY."
    assert _read(nlp, text, "MARIA ELENA") == [("fatalities", 1, None, "MARIA ELENA DIAZ")]


def test_a_place_alone_is_no_person(nlp):
    text = "Gunmen attacked Guerrero and killed two people."
    assert _read(nlp, text, "Guerrero") == [("fatalities", 2, 2, "two people")]


def _surname(nlp, rank: str):
    """'POLICE CORPORAL JAIME SORREL WAS KILLED' as the one-case parse may read it: the rank an
    adjective, the first name a proper noun, the surname a common noun left lower case."""
    from spacy.tokens import Doc

    from strife.casing import ORIGINAL

    words = ["police", rank, "Jaime", "sorrel", "was", "killed"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[3, 3, 3, 5, 5, 5],
        deps=["compound", "amod", "compound", "nsubjpass", "auxpass", "ROOT"],
        tags=["NN", "JJ", "NNP", "NN", "VBD", "VBN"],
        pos=["NOUN", "ADJ", "PROPN", "NOUN", "AUX", "VERB"],
    )
    doc.user_data[ORIGINAL] = " ".join(words).upper()
    return doc[3]


def test_a_lowered_surname_after_a_rank_read_as_an_adjective_is_a_name(nlp):
    from strife.figures.names import name_word

    assert name_word(_surname(nlp, "corporal"))  # a rank (`title_nouns`) qualifies the name
    assert not name_word(_surname(nlp, "brown"))  # any other adjective a common noun's


def _cut_name(nlp, words: list[str], heads: list[int], deps: list[str]):
    """A name the parser cut in two, its last word an apposition to the first part."""
    from spacy.tokens import Doc

    n = len(words)
    tags = ["NNP"] * (n - 2) + ["VBD", "VBN"]
    pos = ["PROPN"] * (n - 2) + ["AUX", "VERB"]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_name_cut_in_two_with_no_comma_is_one_person(nlp):
    from strife.figures.names import separate_person

    # 'Pedro Li Salazar was killed', 'Salazar' read as an apposition to 'Pedro Li'
    doc = _cut_name(
        nlp,
        ["Pedro", "Li", "Salazar", "was", "killed"],
        [1, 4, 1, 4, 4],
        ["compound", "nsubjpass", "appos", "auxpass", "ROOT"],
    )
    assert not separate_person(doc[2])


def test_a_second_name_after_a_comma_is_another_person(nlp):
    from strife.figures.names import separate_person

    doc = _cut_name(
        nlp,
        ["Jose", "Perez", ",", "Juan", "Gomez", "was", "killed"],
        [1, 6, 1, 4, 1, 6, 6],
        ["compound", "nsubjpass", "punct", "compound", "appos", "auxpass", "ROOT"],
    )
    assert separate_person(doc[4])
