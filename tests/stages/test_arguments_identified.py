"""Stage `arguments`: victims a report names outside the words that tell the event
(`strife.detect.identified`; sentences written for the test with invented names, lower case as
MUC-4 prints its texts)."""

from __future__ import annotations

import pytest

from strife.models import Article

pytestmark = pytest.mark.slow


def person_victims(pipeline, text: str) -> set[str]:
    article = pipeline(Article(raw=text))
    return {m.text.lower() for e in article.events for m in e.victims if m.type == "PERSON"}


def test_they_are_after_a_sentence_about_the_dead_names_the_victims(pipeline):
    text = (
        "a car bomb exploded in front of the bank in the capital this morning. three people were "
        "killed in the explosion. the names of the three people killed have been disclosed. they "
        "are rosalia maldonado perez, ernesto quintana lugo, and policeman aurelio vasquez mena."
    )
    assert {"rosalia maldonado perez", "ernesto quintana lugo", "aurelio vasquez mena"} <= person_victims(
        pipeline, text
    )


def test_the_harmed_person_a_later_sentence_identifies_is_a_victim(pipeline):
    text = (
        "about ten persons were wounded when soldiers opened fire on the campus. one of the persons "
        "wounded was a canadian student. members of the red cross identified the canadian student "
        "as tomas ellerbeck, 24."
    )
    assert "tomas ellerbeck" in person_victims(pipeline, text)


def test_a_victim_named_several_sentences_after_the_event_is_its_victim(pipeline):
    text = (
        "one person was killed and two others injured tonight by a bomb in the market. the injured "
        "were taken to the hospital. one of them is rosa quintanilla. the other person is marta "
        "elena vides. this person was taken to the hospital by the red cross. she lives in the "
        "center. the other person is lucia ramos madrigal."
    )
    assert {"rosa quintanilla", "lucia ramos madrigal"} <= person_victims(pipeline, text)


def test_names_given_the_word_for_the_unnamed_victims_are_the_victims(pipeline):
    text = (
        "guerrillas today released three chilean engineers who were kidnapped a month ago. engineers "
        "osvaldo carrasco lira, renato fuenzalida, and mario ibarra soto were released today in the "
        "jungle."
    )
    assert {"osvaldo carrasco lira", "renato fuenzalida", "mario ibarra soto"} <= person_victims(
        pipeline, text
    )


def test_a_title_is_no_part_of_a_victims_name_and_a_speaker_is_no_victim(pipeline):
    text = (
        "two officers were killed in an ambush today. the victims were identified as lieutenant "
        "ramiro bolanos and sergeant ezequiel pardo. police spokesman julio cortes said the "
        "attackers fled."
    )
    found = person_victims(pipeline, text)
    assert "ramiro bolanos" in found
    assert not any("lieutenant" in n or "cortes" in n for n in found)
