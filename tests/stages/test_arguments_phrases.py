"""Stage `arguments`: how the words of a filler are cut from the sentence.

Each test is one pattern on a sentence written for it (lower case, as MUC-4 prints its texts,
where it matters): a bare participle after a noun is no part of it, a phrase does not end on a
dangling word, a part of a thing stands for the thing, and a weapon named through what it does
("mortar fire", "a bomb attack") is the weapon.
"""

from __future__ import annotations

import pytest

from stages.test_arguments_patterns import roles, run  # one way of running the two stages

pytestmark = pytest.mark.slow


def test_a_bare_participle_after_the_target_is_not_part_of_it(nlp, resources):
    text = "the guerrillas attacked the la eminencia farm located near the border."
    targets = roles(run(nlp, resources, text), "targets")
    assert "la eminencia farm" in targets
    assert not any(t.endswith("located") for t in targets)


def test_a_participle_with_its_means_stays_in_the_weapon(nlp, resources):
    text = "the terrorists attacked the bank with a truck loaded with dynamite."
    assert "truck loaded with dynamite" in roles(run(nlp, resources, text), "weapons")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("the bomb damaged the front part of the plane.", "plane"),
        ("the terrorists damaged the roof of the church with dynamite.", "church"),
        ("a bomb exploded and damaged the shelves of a book store in the capital.", "book store"),
    ],
)
def test_a_part_of_a_thing_stands_for_the_thing(nlp, resources, text, target):
    targets = roles(run(nlp, resources, text), "targets")
    assert target in targets
    assert not any(t.startswith(("front", "roof", "shelves")) for t in targets)


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("urban guerrillas attacked the presidency with mortar fire tonight.", "mortar"),
        ("the house of the mayor was the target of a dynamite attack yesterday.", "dynamite"),
        ("one person was killed in a bomb explosion downtown.", "bomb"),
    ],
)
def test_a_weapon_named_through_its_use_is_the_weapon(nlp, resources, text, weapon):
    weapons = roles(run(nlp, resources, text), "weapons")
    assert weapon in weapons
    assert not any(w.endswith(("fire", "attack", "explosion")) for w in weapons)


def test_a_phrase_does_not_end_on_a_dangling_word():
    """A phrase the text cuts short ("the offices of all the (words indistinct)") ends on its
    last content word: here nothing of the `of` phrase is left."""
    import spacy
    from spacy.tokens import Doc

    from strife.detect.phrases import np_bounds

    words = ["burned", "the", "offices", "of", "all", "the"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[0, 2, 0, 2, 3, 3],
        deps=["ROOT", "det", "dobj", "prep", "pobj", "det"],
        pos=["VERB", "DET", "NOUN", "ADP", "DET", "DET"],
    )
    start, end = np_bounds(doc[2])
    assert doc.text[start:end] == "offices"


def test_a_quoting_word_is_no_part_of_the_name(nlp, resources):
    text = "both were kidnapped by the so-called nelson mandela cell of the eln on monday."
    perpetrators = roles(run(nlp, resources, text), "perpetrators")
    assert "nelson mandela cell of the eln" in perpetrators
    assert not any("so-called" in p for p in perpetrators)


def test_a_bracket_closed_before_the_phrase_is_no_part_of_it(nlp, resources):
    text = "at 2100 (0300 gmt) incendiary bombs exploded at the offices of the company."
    assert roles(run(nlp, resources, text), "weapons") == ["incendiary bombs"]
