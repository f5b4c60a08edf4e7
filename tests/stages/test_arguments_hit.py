"""Stage `arguments`: what an event hit is a person, a force or a thing, and what is neither.

Sentences written for the test with invented names, lower case as MUC-4 prints its texts: a
name with a title before it is a person however the tagger read its words; people named by an
occupation or as a population are no things; the police hit are a side, not a physical target;
the time of day an `at` phrase gives is no target; a weapon is named without its ordinal.
"""

from __future__ import annotations

import pytest

from strife.models import Article, Span
from strife.stages import arguments, events

pytestmark = pytest.mark.slow


def run(nlp, resources, text: str) -> Article:
    article = Article(text=text)
    article.doc = nlp(text)
    article.sentences = [
        Span(start=s.start_char, end=s.end_char) for s in article.doc.sents if s.text.strip()
    ]
    article = events.make(resources)(article)
    return arguments.make(resources)(article)


def targets(article: Article) -> set[str]:
    return {m.text for e in article.events for m in e.targets}


@pytest.mark.parametrize(
    ("text", "head", "titled"),
    [
        ("they claimed the attack on judge ana rosa bell in the city.", "bell", True),
        ("they claimed the attack on the judge's car in the city.", "car", False),
        ("they claimed the attack on the judge in the city.", "judge", False),
    ],
)
def test_a_name_after_a_title_names_a_person(nlp, text, head, titled):
    from strife.detect.lexicon import lexicon
    from strife.detect.participants import _titled

    tok = next(t for t in nlp(text) if t.text == head)
    assert _titled(tok, lexicon()) is titled


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("rebels kidnapped an important television impresario in the capital.", "impresario"),
        ("the air force bombed the civilian population of the canton.", "population"),
        ("the guerrillas machinegunned the departmental government secretary.", "secretary"),
    ],
)
def test_people_named_by_what_they_are_are_no_targets(nlp, resources, text, person):
    article = run(nlp, resources, text)
    assert not {t for t in targets(article) if person in t}
    assert any(person in m.text for e in article.events for m in e.victims)


def test_the_police_hit_are_no_physical_target(nlp, resources):
    text = "the rebels hurled explosives at the police in the district and attacked the police station."
    found = targets(run(nlp, resources, text))
    assert "police" not in found
    assert "police station" in found


def test_the_time_of_day_is_no_target(nlp, resources):
    text = "the bomb, which went off today at 0300 local time, destroyed the doors of the residence."
    found = targets(run(nlp, resources, text))
    assert not {t for t in found if "time" in t}


def test_a_weapon_is_named_without_its_ordinal(nlp, resources):
    text = "a second bomb exploded an hour later in front of the bank, damaging three cars."
    weapons = {m.text for e in run(nlp, resources, text).events for m in e.weapons}
    assert "bomb" in weapons
    assert not {w for w in weapons if "second" in w}


def weapons(nlp, resources, text: str) -> set[str]:
    return {m.text for e in run(nlp, resources, text).events for m in e.weapons}


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("agents fired machineguns at the crowd from helicopters.", "machineguns"),
        ("several people were wounded by the explosion of a bomb near the bank.", "bomb"),
    ],
)
def test_a_weapon_put_to_use_is_a_weapon_not_what_was_hit(nlp, resources, text, weapon):
    assert any(w.endswith(weapon) for w in weapons(nlp, resources, text))


def test_shots_fired_are_no_weapon(nlp, resources):
    found = weapons(nlp, resources, "the gunmen fired shots at the mayor's car and fled.")
    assert not {w for w in found if "shot" in w}


def test_what_a_quantity_counts_is_the_target(nlp, resources):
    found = targets(run(nlp, resources, "last night the rebels blew up a number of pylons near the dam."))
    assert "pylons" in found
    assert not {t for t in found if "number" in t}


def test_a_vehicle_a_bomb_rode_in_is_the_weapon_not_a_target(nlp, resources):
    text = "terrorists detonated a car stuffed with explosives in front of the ministry."
    article = run(nlp, resources, text)
    assert not {t for t in targets(article) if t.startswith("car")}
    assert "car stuffed with explosives" in {m.text for e in article.events for m in e.weapons}


def test_a_target_is_named_without_the_place_it_stands_in(nlp, resources):
    text = "a bomb exploded last night at the residence of the chilean ambassador in this capital."
    found = targets(run(nlp, resources, text))
    assert "residence of the chilean ambassador" in found
    assert not {t for t in found if "capital" in t}
