"""Stage `arguments`: the patterns that name the physical targets of an event.

Each test is one pattern on a sentence written for it (lower case, as MUC-4 prints its texts,
where it matters): a vehicle hit is a target, not a weapon; "set fire to"; "X was the target of
the attack"; an `of` phrase ends before examples ("such as"); list items the parse hung on the
verb; and a vehicle hit in a battle is a military one.
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


def targets(article: Article) -> list[str]:
    return [m.text for e in article.events for m in e.targets]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("later that night the terrorists burned nine vehicles in the market.", "nine vehicles"),
        ("the rebels ambushed and burned a truck of the water company.", "truck of the water company"),
    ],
)
def test_a_vehicle_hit_is_a_target_not_a_weapon(nlp, resources, text, target):
    article = run(nlp, resources, text)
    assert target in targets(article)
    assert not [m for e in article.events for m in e.weapons if m.text == target]


def test_what_was_set_fire_to_is_a_target(nlp, resources):
    text = "in the port, the terrorists set fire to the offices of the local cooperative but injured no one."
    assert "offices of the local cooperative" in targets(run(nlp, resources, text))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("the governor's residence was the target of an attack last night.", "governor's residence"),
        ("the objective of the bomb attack was the electric power plant.", "electric power plant"),
    ],
)
def test_what_a_copula_says_an_attack_aimed_at_is_its_target(nlp, resources, text, target):
    assert target in targets(run(nlp, resources, text))


def test_a_doubt_names_no_target(nlp, resources):
    text = "the police said the bank was not the target of the bomb attack."
    assert "bank" not in targets(run(nlp, resources, text))


def test_an_of_phrase_ends_before_its_examples(nlp, resources):
    text = "terrorists bombed the homes of opposition leaders such as juan perez and ana gomez."
    assert "homes of opposition leaders" in targets(run(nlp, resources, text))


def test_a_vehicle_hit_in_a_battle_is_military(nlp, resources):
    text = "the rebels clashed with army troops near the town and destroyed six armored vehicles."
    article = run(nlp, resources, text)
    hit = [m for e in article.events for m in e.targets if m.text.endswith("vehicles")]
    assert hit and all(m.type == "Military" for m in hit)


def perpetrators(article: Article) -> list[str]:
    return [m.text for e in article.events for m in e.perpetrators]


def test_whom_the_next_sentence_blames_for_the_attack_is_the_doer(nlp, resources):
    text = (
        "a powerful bomb exploded outside a bank in the port on monday. "
        "the authorities attribute the attack to drug traffickers."
    )
    article = run(nlp, resources, text)
    bombing = [e for e in article.events if e.sentences and e.sentences[0] == 0]
    assert bombing and "drug traffickers" in [m.text for m in bombing[0].perpetrators]


def test_the_possessor_of_a_murder_is_its_victim_not_its_doer(nlp, resources):
    article = run(nlp, resources, "the priests' murder shocked the whole country.")
    assert "priests" not in perpetrators(article)
    assert "priests" in [m.text for e in article.events for m in e.victims]


def test_a_possessor_with_an_of_complement_is_the_doer(nlp, resources):
    article = run(nlp, resources, "the army's killing of six peasants shocked the whole country.")
    assert "army" in perpetrators(article)


def test_the_name_an_apposition_gives_a_doer_is_the_perpetrator(nlp, resources):
    text = "the leader of the cartel, juan ortega, ordered the murder of the judge."
    found = [(m.text, m.type) for e in article_events(nlp, resources, text) for m in e.perpetrators]
    assert ("juan ortega", "PERSON") in found


def article_events(nlp, resources, text: str):
    return run(nlp, resources, text).events


def test_the_weapon_an_attack_is_named_by_is_no_side(nlp, resources):
    article = run(nlp, resources, "the colonel was killed in a machinegun attack this morning.")
    assert all(e.actor1 is None or "machinegun" not in e.actor1.name.lower() for e in article.events)


def test_a_thing_takes_no_type_from_its_of_complement_alone(nlp, resources):
    article = run(
        nlp, resources, "the rebels attacked the friends of the church and the offices of the union."
    )
    kinds = {m.text: m.type for e in article.events for m in e.targets}
    assert kinds.get("friends of the church", "missing") is None
    assert kinds.get("offices of the union") is not None


def test_each_item_of_a_listed_of_phrase_is_a_target(nlp, resources):
    text = "the offices of farmers' unions, political parties, and religious centers were looted by soldiers."
    kinds = {m.text: m.type for e in run(nlp, resources, text).events for m in e.targets}
    assert {"political parties", "religious centers"} <= set(kinds)
    assert kinds["political parties"] == kinds["religious centers"] is not None
