"""Who did it and to whom, read off real parses (the language model): elliptic passives,
claims of credit, blame put in a passive or a completed verb, and a day left out of a phrase."""

import pytest

from strife.detect import reports, roles
from strife.detect.phrases import np_bounds


@pytest.fixture(scope="module")
def parse(nlp):
    return nlp


def _token(doc, word: str):
    return next(t for t in doc if t.lower_ == word)


def test_a_participle_without_its_auxiliary_is_a_passive(parse):
    doc = parse("One policeman was killed and two others injured when the grenade went off.")
    injured = _token(doc, "injured")
    assert [t.text for t in roles.patients(injured)] == ["others"]
    assert "others" not in [t.text for t in roles.agents(injured)]


def test_an_active_participle_keeps_its_subject_as_the_doer(parse):
    doc = parse("The rebels have destroyed two bridges in the north.")
    destroyed = _token(doc, "destroyed")
    assert [t.text for t in roles.agents(destroyed)] == ["rebels"]
    assert [t.text for t in roles.patients(destroyed)] == ["bridges"]


def test_a_past_form_after_a_comma_and_before_a_passive_describes_its_subject(parse):
    # the parse makes "kidnapped" the main verb and the two men its doers
    doc = parse(
        "Colombian industrialist Juan Perez and U.S. businessman John Smith, kidnapped 11 days ago "
        "in Medellin, were rescued today."
    )
    kidnapped = _token(doc, "kidnapped")
    assert [t.text for t in roles.patients(kidnapped)] == ["Perez", "Smith"]
    assert roles.agents(kidnapped) == []
    # an active verb with no object before a passive conjunct, without the comma, keeps its doer
    doc = parse("Guerrillas attacked, and were repelled by troops.")
    assert [t.text for t in roles.agents(_token(doc, "attacked"))] == ["Guerrillas"]


def test_claiming_credit_names_the_doer(parse):
    doc = parse("Members of the Red Dawn Brigade claimed credit for the explosion.")
    assert [t.text for t in reports.claimants(doc[:])] == ["Members"]


def test_those_held_responsible_are_the_doers_active_or_passive(parse):
    passive = parse("Nobody was hurt in the blast, for which the Red Dawn rebels are being held responsible.")
    assert [t.text for t in reports.claimants(passive[:])] == ["rebels"]
    active = parse("The governor holds the Red Dawn rebels responsible for the blast.")
    assert [t.text for t in reports.claimants(active[:])] == ["rebels"]


def test_who_is_believed_to_be_behind_or_responsible_is_the_doer(parse):
    behind = parse("The Red Dawn Brigade is believed to be behind the bombing.")
    assert [t.text for t in reports.instigators(_token(behind, "bombing"))] == ["Brigade"]
    responsible = parse("The Red Dawn Brigade is thought to be responsible for the bombing.")
    assert [t.text for t in reports.claimants(responsible[:])] == ["Brigade"]
    denied = parse("The Red Dawn Brigade is not responsible for the bombing.")
    assert reports.claimants(denied[:]) == []


def test_a_denial_of_each_of_a_pair_of_claimants_names_no_one(parse):
    doc = parse(
        "Neither the guerrillas nor any other organization has claimed responsibility for the attack."
    )
    assert reports.claimants(doc[:]) == []
    doc = parse("The guerrillas and the militias have claimed responsibility for the attack.")
    assert [t.text for t in reports.claimants(doc[:])] == ["guerrillas", "militias"]


def test_a_day_is_no_part_of_the_phrase_it_stands_before(parse):
    doc = parse("The police said that yesterday heavily armed rebels burned the town hall.")
    rebels = _token(doc, "rebels")
    start, end = np_bounds(rebels)
    assert doc.text[start:end] == "heavily armed rebels"


def test_a_past_tense_the_tagger_reads_as_a_participle_keeps_its_doer(parse):
    # only a participle coordinated with a passive is an elliptic passive
    doc = parse("The national guard (word indistinct) murdered university student Juan Perez.")
    murdered = _token(doc, "murdered")
    assert "guard" not in [t.text for t in roles.patients(murdered)]


def test_no_one_claiming_names_no_doer(parse):
    doc = parse("No group has claimed responsibility for the attack.")
    assert reports.claimants(doc[:]) == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The minister and his two bodyguards died when his residence was machinegunned.", "machinegunned"),
        ("Three other civilians also died and a young girl was wounded.", "wounded"),
    ],
)
def test_a_passive_takes_no_doer_from_the_active_verb_it_hangs_on(parse, text, verb):
    # those who died did not machinegun the house or wound the girl
    assert roles.agents(_token(parse(text), verb)) == []


def test_a_passive_coordinated_with_a_passive_shares_its_agent(parse):
    doc = parse("Two peasants were kidnapped by the guerrillas and later murdered.")
    assert [t.text for t in roles.agents(_token(doc, "murdered"))] == ["guerrillas"]
    doc = parse("The guerrillas attacked the town and burned the church.")
    assert [t.text for t in roles.agents(_token(doc, "burned"))] == ["guerrillas"]
