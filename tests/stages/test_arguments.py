"""Stage `arguments`: actors, perpetrators, victims, targets and weapons with offsets."""

from __future__ import annotations

import pytest

from strife.models import ActorMention, Article, Span
from strife.stages import arguments, events

pytestmark = pytest.mark.slow


def run(nlp, resources, text: str, mentions: list[tuple[str, str, str | None, bool]] = ()) -> Article:
    article = Article(text=text)
    article.doc = nlp(text)
    article.sentences = [
        Span(start=s.start_char, end=s.end_char) for s in article.doc.sents if s.text.strip()
    ]
    for surface, name, kind, known in mentions:
        start = text.index(surface)
        article.actor_mentions.append(
            ActorMention(
                text=surface, start=start, end=start + len(surface), name=name, actor_type=kind, known=known
            )
        )
    article = events.make(resources)(article)
    return arguments.make(resources)(article)


def spans_ok(article: Article, mentions) -> bool:
    return all(article.text[m.start : m.end] == m.text for m in mentions)


def test_attack_on_civilians_roles(nlp, resources):
    text = "Al-Shabaab gunmen opened fire on a bus near Mandera, killing six passengers."
    article = run(nlp, resources, text, [("Al-Shabaab", "Al Shabaab", "Rebel group", True)])
    (e,) = article.events
    assert e.actor1.name == "Al Shabaab"
    assert e.actor2.name == "Civilians" and e.actor2.type == "Civilians"
    assert [m.text for m in e.perpetrators] == ["Al-Shabaab gunmen"]
    assert [m.text for m in e.victims] == ["six passengers"]
    assert [(m.text, m.type) for m in e.targets] == [("bus", "Transportation")]
    assert e.attack_type == "Armed Assault"
    assert spans_ok(article, e.perpetrators + e.victims + e.targets)


def test_battle_sides_and_state_initiator_clears_attack_type(nlp, resources):
    text = "Government troops attacked Islamic State fighters in the village, killing 12 of them."
    article = run(
        nlp,
        resources,
        text,
        [
            ("Government troops", "Military Forces of Syria", "State forces", True),
            ("Islamic State", "Islamic State", "Rebel group", True),
        ],
    )
    (e,) = article.events
    assert e.sub_event_type == "Armed clash"
    assert (e.actor1.name, e.actor2.name) == ("Military Forces of Syria", "Islamic State")
    assert e.attack_type is None


def test_suicide_truck_bombs_weapons_and_targets(nlp, resources):
    text = (
        "The assault began when two suicide bombers blew themselves up in trucks packed with explosives "
        "outside the prison walls, and fighters attacked the prison towers."
    )
    article = run(nlp, resources, text)
    e = next(e for e in article.events if "suicide_attack" in e.tags)
    assert "two suicide bombers" in [m.text for m in e.perpetrators]
    assert ("trucks packed with explosives", "Explosives/Vehicle") in [(m.text, m.type) for m in e.weapons]
    assert ("prison towers", "Government (General)") in [(m.text, m.type) for m in e.targets]
    assert spans_ok(article, e.perpetrators + e.weapons + e.targets)


def test_group_missing_from_the_dictionary_comes_out_as_named(nlp, resources):
    article = run(
        nlp, resources, "The Kataib Sayyid al-Shuhada militia ambushed an army convoy near the border."
    )
    (e,) = article.events
    assert e.actor1 is not None and "Kataib Sayyid" in e.actor1.name


def test_a_known_group_named_in_the_event_beats_a_generic_one(nlp, resources):
    text = "Islamic State claimed the attack. Gunmen stormed the checkpoint and killed four soldiers."
    article = run(
        nlp,
        resources,
        text,
        [
            ("Islamic State", "Islamic State", "Rebel group", True),
            ("Gunmen", "Unidentified Armed Group", "Political militia", False),
        ],
    )
    (e,) = article.events  # the claim and the report are one event
    assert e.sentences == [0, 1]
    assert e.sub_event_type == "Armed clash"  # an attack on soldiers is a battle in ACLED
    assert e.actor1.name == "Islamic State"
    assert [m.text for m in e.victims] == ["four soldiers"]
    assert ("checkpoint", "Military") in [(m.text, m.type) for m in e.targets]


def run_dictionary(nlp, resources, text: str) -> Article:
    """The stages with the real actor dictionary's mentions (kinds included)."""
    article = Article(text=text)
    article.doc = nlp(text)
    article.sentences = [
        Span(start=s.start_char, end=s.end_char) for s in article.doc.sents if s.text.strip()
    ]
    article.actor_mentions = resources.actors.find(text)
    article = events.make(resources)(article)
    return arguments.make(resources)(article)


def _actors(e):
    return [a.name for a in [e.actor1, e.actor2, *e.assoc_actors] if a]


def test_monitors_and_media_are_never_parties(nlp, resources):
    text = (
        "A video first identified by the Middle East Media Research Institute shows militants "
        "executing a captured soldier, the Syrian Observatory for Human Rights said."
    )
    article = run_dictionary(nlp, resources, text)
    assert article.events
    kinds = {m.name: m.type for m in article.actor_mentions}
    for e in article.events:
        assert not any(kinds.get(name) in ("monitor", "media") for name in _actors(e))


def test_members_of_described_rebels_are_a_rebel_actor(nlp, resources):
    text = "The breakout coincided with an assault by militiamen from rival rebel brigades."
    article = run_dictionary(nlp, resources, text)
    assault = next(e for e in article.events if e.trigger.text == "assault")
    assert assault.actor1 is not None and assault.actor1.type == "Rebel group"
    assert "Unidentified Armed Group" not in _actors(assault)


def test_they_in_a_speakers_claim_is_the_speakers_side(nlp, resources):
    text = "Rebel commanders said they recaptured an important crossroads on the outskirts of the city."
    (e,) = run_dictionary(nlp, resources, text).events
    assert e.actor1 is not None and e.actor1.type == "Rebel group"
    assert [m.text for m in e.perpetrators] == ["Rebel commanders"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen shot dead Colonel Waldemar Quintero in the city on Monday.", "Waldemar Quintero"),
        ("gunmen shot dead colonel waldemar quintero in the city on monday.", "waldemar quintero"),
    ],
)
def test_a_named_victim_is_given_by_the_name(nlp, resources, text, name):
    (e,) = run_dictionary(nlp, resources, text).events
    assert [(m.text, m.type) for m in e.victims] == [(name, "PERSON")]


def test_a_claim_of_responsibility_names_the_perpetrator(nlp, resources):
    text = (
        "a bank in the capital was bombed on monday. "
        "the lautaro youth front claimed responsibility for the attack."
    )
    article = run(nlp, resources, text, [("lautaro youth front", "Lautaro Youth Front", "Rebel group", True)])
    (e,) = [e for e in article.events if not e.background]
    assert e.actor1 is not None and e.actor1.name == "Lautaro Youth Front"
    assert [m.text for m in e.perpetrators] == ["lautaro youth front"]


def test_a_named_group_claiming_the_attack_comes_before_the_police_that_found_it(nlp, resources):
    text = (
        "the police defused a bomb at a bank in the capital on monday. "
        "the lautaro youth front claimed responsibility for the attack."
    )
    mentions = [
        ("police", "Police Forces", "State forces", False),
        ("lautaro youth front", "Lautaro Youth Front", "Rebel group", True),
    ]
    article = run(nlp, resources, text, mentions)
    (e,) = [e for e in article.events if not e.background]
    assert e.actor1 is not None and e.actor1.name == "Lautaro Youth Front"


def test_a_person_said_to_be_responsible_does_not_displace_the_doer_named(nlp, resources):
    text = (
        "soldiers of the army shot dead a priest on monday. Colonel Juan Perez was responsible for the crime."
    )
    article = run(nlp, resources, text, [("army", "Military Forces", "State forces", False)])
    (e,) = [e for e in article.events if not e.background]
    assert e.actor1 is not None and e.actor1.name == "Military Forces"


def test_a_denial_of_responsibility_names_no_one(nlp, resources):
    text = "a bank was bombed on monday. the fmln did not claim responsibility for the attack."
    article = run(
        nlp, resources, text, [("fmln", "Farabundo Marti National Liberation Front", "Rebel group", True)]
    )
    assert all(not e.perpetrators for e in article.events)


def test_a_victim_named_in_part_is_given_by_the_full_name(nlp, resources):
    text = (
        "hector oqueli colindres arrived in guatemala on friday for a meeting. "
        "on saturday unidentified gunmen shot and killed oqueli near the airport."
    )
    article = run(nlp, resources, text)
    victims = [m for e in article.events for m in e.victims]
    assert [m.text for m in victims] == ["hector oqueli colindres"]
    assert victims[0].type == "PERSON" and spans_ok(article, victims)


def test_members_of_a_group_keep_the_group_in_their_phrase(nlp, resources):
    text = (
        "members of the farabundo marti national liberation front (fmln) attacked an electric power "
        "substation last night."
    )
    article = run(nlp, resources, text)
    (e,) = article.events
    assert [m.text for m in e.perpetrators] == ["members of the farabundo marti national liberation front"]


def test_a_group_others_hold_responsible_does_not_displace_the_doer_named(nlp, resources):
    # only a group's own claim comes before the doers the report names, not an accusation
    text = (
        "soldiers of the army shot dead six priests on monday. "
        "the government holds the fmln responsible for the crime."
    )
    mentions = [
        ("army", "Military Forces", "State forces", False),
        ("fmln", "Farabundo Marti National Liberation Front", "Rebel group", True),
    ]
    article = run(nlp, resources, text, mentions)
    (e,) = [e for e in article.events if not e.background]
    assert e.actor1 is not None and e.actor1.name == "Military Forces"
