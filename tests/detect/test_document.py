"""The event unit within an article (`strife.detect.document`): which sentences tell one event."""

from __future__ import annotations

import pytest

from strife.detect.document import announces_another, drafts
from strife.detect.lexicon import lexicon
from strife.detect.triggers import find_triggers


def _drafts(nlp, text: str):
    doc = nlp(text)
    sents = list(doc.sents)
    return [sorted(d.sentences) for d in drafts(sents, lexicon())]


def _trigger(doc, word: str) -> tuple[int, int]:
    tok = next(t for t in doc if t.lower_ == word)
    return tok.idx, tok.idx + len(tok)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Another clash occurred near the bridge minutes later.", "clash", True),
        ("A second bomb exploded outside the bank.", "exploded", True),
        ("Rebels launched a further attack on the garrison.", "attack", True),
        ("The clash occurred near the bridge.", "clash", False),
        ("A bomb exploded outside the bank.", "exploded", False),
        # a deed also done (invented texts)
        ("Rebel members also attacked public offices in three towns.", "attacked", True),
        ("The house of the mayor was also attacked.", "attacked", True),
        ("Rebel members attacked public offices in three towns.", "attacked", False),
    ],
)
def test_a_text_that_calls_an_event_another_one_is_recognised(nlp, text, word, expected):
    doc = nlp(text)
    assert announces_another(doc, *_trigger(doc, word)) is expected


def test_no_parse_announces_nothing():
    assert announces_another(None, 0, 5) is False


@pytest.mark.slow
def test_the_attack_refers_to_the_event_told_last(nlp):
    # a generic "the attack" refers back to the latest event, not to the first one that was
    # called an attack (which the article told before the second)
    text = (
        "Guerrillas carried out two attacks in the province on Sunday. "
        "The attacks caused heavy damage, the army said. "
        "In the first, a car bomb exploded outside a bank in the town centre. "
        "Hours later, incendiary bombs were thrown at a church in the suburbs. "
        "The church was empty at the time of the attack, a priest said."
    )
    groups = _drafts(nlp, text)
    assert any(3 in g and 4 in g for g in groups)
    assert not any(0 in g and 4 in g for g in groups)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "the party, which won the 19 march presidential elections, named a new cabinet.",
        "the vote was held on march 19 in the capital.",
    ],
)
def test_a_month_beside_a_day_is_no_march(nlp, text):
    from strife.detect.triggers import find_triggers

    doc = nlp(text)
    assert not [t for s in doc.sents for t in find_triggers(s) if t.family == "protest"]


@pytest.mark.slow
def test_a_march_is_still_a_protest(nlp):
    from strife.detect.triggers import find_triggers

    doc = nlp("Thousands joined a march through the capital on Sunday.")
    assert [t for s in doc.sents for t in find_triggers(s) if t.family == "protest"]


@pytest.mark.slow
def test_the_attack_does_not_name_the_exchange_of_fire_that_followed(nlp):
    text = (
        "Gunmen attacked the home of a senator at noon, killing a police guard. "
        "An exchange of gunfire with other guards followed in the street. "
        "The senator blamed a rebel group for the attack."
    )
    groups = _drafts(nlp, text)
    assert any(0 in g and 2 in g for g in groups)


@pytest.mark.slow
def test_a_gerund_with_the_refers_back_like_a_noun(nlp):
    # the parser tags "killing" a verb here; with its determiner it is the event noun, which
    # refers back to the killing told before instead of starting another event
    text = (
        "Gunmen shot dead the mayor of the town on Monday. "
        "Minutes after the killing the police intercepted a conversation in the capital."
    )
    doc = nlp(text)
    killing = next(t for t in doc if t.lower_ == "killing")
    assert killing.tag_ == "VBG"  # the case this test is about
    trig = next(t for t in find_triggers(list(doc.sents)[1], lexicon()) if t.token.i == killing.i)
    assert trig.kind == "noun"
    assert _drafts(nlp, text) == [[0, 1]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("We will continue to win this battle against terrorism.", 0),
        ("The planes brought materiel to help fight the battle against drug trafficking.", 0),
        ("The war on drugs has cost the country dearly.", 0),
        # a battle against people took place
        ("A battle against the rebels raged near the town on Sunday.", 1),
    ],
)
def test_a_battle_against_a_social_ill_is_a_campaign_not_a_fight(nlp, text, events):
    assert len(_drafts(nlp, text)) == events


@pytest.mark.slow
def test_a_place_new_to_the_event_told_last_starts_another(nlp):
    # the third sentence names a place of the first event, not of the second: it goes on
    # telling neither, it is an incident of its own
    text = (
        "Rebels attacked a police post in Cusco on Monday. "
        "In Arequipa, the rebels attacked the town hall. "
        "Three banks were also attacked in Cusco."
    )
    assert _drafts(nlp, text) == [[0], [1], [2]]
    # a place the event told last names goes on telling it
    text = (
        "Rebels attacked a police post in Cusco on Monday. The rebels also attacked the town hall in Cusco."
    )
    assert _drafts(nlp, text) == [[0, 1]]


def test_a_one_off_deed_told_again_with_its_place_joins_its_first_telling(nlp):
    # the escape is told again with the jail break's own place: it is that event, though the
    # event told last was elsewhere
    text = (
        "Inmates staged a jailbreak in Cusco on Monday. "
        "In Arequipa, rebels attacked the town hall. "
        "The prisoners had managed to escape from the prison in Cusco."
    )
    assert _drafts(nlp, text) == [[0, 2], [1]]


@pytest.mark.slow
def test_new_doers_hitting_a_new_thing_tell_another_incident(nlp):
    # doers and thing hit both brought in anew: another incident (invented text)
    text = (
        "Rebels attacked a police post in the north of the country on Monday. "
        "Urban guerrillas blew up a bus in the north of the country."
    )
    assert _drafts(nlp, text) == [[0], [1]]
    # doers referred back to go on telling the event told last
    text = (
        "Rebels attacked a police post in the north of the country on Monday. "
        "They also blew up a bus in the north of the country."
    )
    assert _drafts(nlp, text) == [[0, 1]]
    # as do doers named again with the words the event told last used
    text = (
        "Rebel fighters attacked a police post in the north of the country on Monday. "
        "Rebel fighters also blew up a bus in the north of the country."
    )
    assert _drafts(nlp, text) == [[0, 1]]
