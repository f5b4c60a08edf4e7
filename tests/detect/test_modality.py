"""Whether a trigger reports an event that happened: presupposed event nouns and clauses that
state their own fact (needs the spaCy model)."""

from __future__ import annotations

import pytest

from strife.detect import modality, recall
from strife.detect.grouping import keep
from strife.detect.lexicon import lexicon
from strife.detect.triggers import find_triggers


def kept(nlp, text: str) -> dict[str, bool]:
    lex = lexicon()
    (sent,) = list(nlp(text).sents)
    return {t.text: keep(t, lex) for t in find_triggers(sent, lex)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a definite event noun names an event taken as given, whatever verb governs it
        ("The court ordered a judge to investigate the murder of the opposition spokesman.", "murder"),
        (
            "Forty judges might resign next week to protest the assassination of their colleague.",
            "assassination",
        ),
        ("The colonel was removed after being accused of ordering the killing of six priests.", "killing"),
        ("Three men were arrested in connection with the attack on the senator.", "attack"),
        # a relative clause or participle states its own fact
        ("The guerrillas, who burned the houses of the peasants, charged them with treason.", "burned"),
        ("The government vowed to punish the men who killed the mayor.", "killed"),
        ("The army, which has attacked the rebels in the hills, said ten died.", "attacked"),
        # "alleged" before the doers describes them, though the parse makes it a verb governing
        # the clause
        (
            "It was reported today that on 10 March alleged Red Flag Members murdered four members of a family.",
            "murdered",
        ),
        ("The Daily Post reported that alleged Red Flag Members also attacked public buildings.", "attacked"),
    ],
)
def test_reported_events(nlp, text, trigger):
    assert kept(nlp, text)[trigger]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police foiled the attack on the embassy.", "attack"),
        ("The rebels planned the attack on the barracks for weeks.", "attack"),
        ("The army will carry out the attack tomorrow.", "attack"),
        ("He warned that the attack would come soon.", "attack"),
        ("Rebels threatened to attack the capital.", "attack"),
        ("The rebels vowed to kill the men who will testify.", "kill"),
        ("They plan an attack on the airport.", "attack"),
        # an allegation with its own subject is no fact
        ("The police alleged that the rebels killed two peasants.", "killed"),
        # a habit told in a present relative clause: what kind of people they are
        ("The militias who attack military positions are based at the farm.", "attack"),
        ("Police hunt the gangs that kidnap businessmen in the capital.", "kidnap"),
    ],
)
def test_events_that_did_not_happen(nlp, text, trigger):
    assert not kept(nlp, text)[trigger]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He had been sentenced to 30 years in prison for the double murder.", "murder"),
        ("A court in Lima convicted two men of the murder of the mayor.", "murder"),
        # people implicated in a crime: its culpability is the news, the crime an earlier one
        ("The judge ordered the arrest of all those implicated in the murder of the mayor.", "murder"),
        ("The report says that 15 of those arrested are implicated in murders.", "murders"),
    ],
)
def test_a_crime_a_court_judges_is_recalled(nlp, text, trigger):
    lex = lexicon()
    (sent,) = list(nlp(text).sents)
    (trig,) = [t for t in find_triggers(sent, lex) if t.text == trigger]
    assert recall.background(trig.token) == "recollection"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # one kidnaps only people and sets fire only to things, whatever the object lists hold
        ("About 50 peasants have been kidnapped by terrorists in the east.", "kidnapped"),
        ("Before fleeing, the commando set fire to a grocery store.", "set fire"),
        ("Unidentified men machinegunned the bus on the highway.", "machinegunned"),
    ],
)
def test_triggers_whatever_the_object(nlp, text, trigger):
    assert kept(nlp, text).get(trigger)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "happened"),
    [
        # plural events told as a habit name a kind of event, not events that took place
        ("Leaders are concerned about the constant raids by subversive groups.", "raids", False),
        ("Repeated attacks on the population have been denounced.", "attacks", False),
        # plural events told as such stay events
        ("The two attacks on the power station left the city in darkness.", "attacks", True),
    ],
)
def test_plural_events_told_as_a_habit(nlp, text, trigger, happened):
    assert modality.generic(next(t.token for t in _triggers(nlp, text) if t.text == trigger)) is not happened


def _triggers(nlp, text: str):
    (sent,) = list(nlp(text).sents)
    return find_triggers(sent, lexicon())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "why"),
    [
        # a perfect verb that a "since" clause modifies counts what happened from then on
        (
            "Since the party was founded, nearly 1,000 of its members have been murdered.",
            "murdered",
            "aggregate",
        ),
        ("There have been four murders since the president rose to power.", "murders", "aggregate"),
        # without the clause, or in the past, it is the day's event
        ("Nearly 100 of its members have been murdered in the capital.", "murdered", None),
        ("Two members were murdered after the party was founded.", "murdered", None),
    ],
)
def test_a_since_clause_makes_a_perfect_verb_a_count(nlp, text, trigger, why):
    trig = next(t for t in _triggers(nlp, text) if t.text == trigger)
    assert recall.background(trig.token) == why


@pytest.mark.slow
def test_a_state_of_siege_is_no_siege(nlp):
    assert kept(nlp, "The government declared a state of siege in the capital.") == {"siege": False}
    assert kept(nlp, "The siege of the town by the rebels lasted ten days.")["siege"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "habit"),
    [
        # a passive in the simple present says what happens to people, not what happened
        (
            "Nevertheless, they are murdered or harassed in ways not in keeping with democracy.",
            "murdered",
            True,
        ),
        ("Journalists are often attacked in this country.", "attacked", True),
        # past, perfect and progressive passives tell events
        ("Three peasants were murdered yesterday.", "murdered", False),
        ("The mayor has been murdered.", "murdered", False),
        ("Peasants are being murdered in the north.", "murdered", False),
    ],
)
def test_a_present_passive_is_a_habit(nlp, text, trigger, habit):
    trig = next(t for t in _triggers(nlp, text) if t.text == trigger)
    assert modality.habitual(trig.token) is habit


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "happened"),
    [
        # fighting a social ill is a campaign, fighting people is a fight
        ("We must unite to fight this crime.", {"fight": False}),
        ("Soldiers fought the rebels near the town.", {"fought": True}),
        ("The army fought drug trafficking in the north.", {"fought": False}),
    ],
)
def test_fighting_a_social_ill_is_a_campaign(nlp, text, happened):
    assert kept(nlp, text) == happened


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a demand, or an item of a list of demands: a bare infinitive with no subject
        ("4. stop using mines in the villages.", "mines"),
        ("b. to suspend sabotage of the power lines.", "sabotage"),
        # what is about to happen has not
        ("The region is a powder keg about to explode.", "explode"),
        # what always or often happens is a habit, not an event
        ("They say that rebels always end up killing their own leaders.", "killing"),
        ("The peasants constantly suffer the attacks of the militias.", "attacks"),
        ("Police hunt the gangs that kidnap and kill businessmen in the capital.", "kill"),
    ],
)
def test_demands_habits_and_what_is_about_to_happen_are_no_events(nlp, text, trigger):
    assert not kept(nlp, text)[trigger]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "generic"),
    [
        # a bare plural asked to stop, or listed after one that names a kind, is a kind
        ("The bishop asked the army to stop assassinations of union leaders.", "assassinations", True),
        ("The report listed dozens of disappearances, murders, and arrests.", "murders", True),
        # a list of things is no list of deeds: its later items are not made kinds by the first
        ("Troops destroyed dozens of heavy machine guns, rockets and mortars.", "rockets", False),
        # not what any other infinitive has for object
        ("Police used tear gas to disperse student protesters at the gate.", "protesters", False),
        # a plural told with its own number or determiner stays events
        ("The army stopped the two attacks on the bridge.", "attacks", False),
    ],
)
def test_kinds_of_events_asked_for_or_listed(nlp, text, trigger, generic):
    assert modality.generic(next(t.token for t in _triggers(nlp, text) if t.text == trigger)) is generic


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "why"),
    [
        # years ago is before the time a report covers
        ("The rebels kidnapped the mayor six years ago.", "kidnapped", "recollection"),
        ("The rebels kidnapped the mayor two days ago.", "kidnapped", None),
        # a toll in the thousands is a total over years, not one incident
        ("The constitution was written after the killing of over 50,000 peasants.", "killing", "aggregate"),
        ("He said that countless peasants have been murdered in the war on drugs.", "murdered", "aggregate"),
        ("Guerrillas killed 12 peasants in the village.", "killed", None),
        # a round-up of thousands, or thousands attacked in a march, is one operation
        ("Over 5,000 people were arrested after the attack.", "arrested", None),
        # a deed told once in the past with its own count is one deed, however large
        ("The army killed 1,500 guerrillas in the offensive.", "killed", None),
        # a verb's "ago" is its own: the verb joined to it is not recalled with it
        ("The rebels kidnapped the mayor two years ago and killed him yesterday.", "killed", None),
        ("Police attacked 2,000 protesters in the capital.", "attacked", None),
    ],
)
def test_old_events_and_totals_are_background(nlp, text, trigger, why):
    trig = next(t for t in _triggers(nlp, text) if t.text == trigger)
    assert recall.background(trig.token) == why


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the people a demand is about are there ("make the assassins ... pay")
        ("Make the assassins of the bishop pay dearly for their crimes.", "assassins"),
        # with a past verb, "repeatedly" tells how one deed was done
        ("Several armed men shot repeatedly at the offices of the newspaper.", "shot"),
        # "generally" said of how a deed was received is "widely", no habit
        ("A bomb attack on the embassy yesterday was generally condemned by the parties.", "bomb attack"),
        # a clause with a subject of its own under a bare imperative is a fact it recalls
        ("Remember that the guerrillas killed 10 soldiers yesterday.", "killed"),
    ],
)
def test_people_a_demand_names_and_deeds_done_repeatedly_are_kept(nlp, text, trigger):
    assert kept(nlp, text)[trigger]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a report named by a noun is only as true as what is said of it
        ("The minister denied the report that the air force is bombing the villages.", "bombing"),
        # a denied event: the object of "deny", or the subject of a clause it denies
        ("The garrison commander denied the massacre of farmers in the valley.", "massacre"),
        ("The colonel denied that the shooting took place near the barracks.", "shooting"),
        # a modal reaches an event named in a dative ("give priority to executions")
        ("The cells must give priority to executions in the cities.", "executions"),
        # "halt" stops what it governs, as "stop" does
        ("The union urged the government to halt the killing of its organizers.", "killing"),
    ],
)
def test_denied_reported_and_halted_events_are_no_events(nlp, text, trigger):
    assert not kept(nlp, text)[trigger]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # what is denied is a part in the event, not the event
        ("The rebels denied responsibility for the attack on the bank.", "attack"),
        ("The party denied that its members took part in the bombing of the office.", "bombing"),
        # a denied effect or doer leaves the event itself told
        ("The army denied that the bombing killed civilians.", "bombing"),
        ("The army denied that the attack was carried out by its soldiers.", "attack"),
        # a denial that is itself negated denies nothing
        ("The minister did not deny the massacre of farmers in the valley.", "massacre"),
        ("The minister never denied the massacre of farmers in the valley.", "massacre"),
        # an event noun under a verb that does not deny it stays given
        ("The bishop condemned the massacre of farmers in the valley.", "massacre"),
        # a report a verb of saying confirms is reported speech
        ("The army confirmed reports that rebels attacked the town.", "attacked"),
    ],
)
def test_events_whose_part_is_denied_or_whose_report_is_confirmed_are_kept(nlp, text, trigger):
    assert kept(nlp, text)[trigger]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "happened"),
    [
        # what a stopping verb breaks up is its object; what lies deeper in its clause is not
        ("The rebels agreed to stop using such weapons as the mines along the roads.", "mines", False),
        ("Police used tear gas to disperse the march and the rally.", "rally", True),
        (
            "We demand that they stop the raids on homes, the actions against strikes and marches.",
            "strikes",
            False,
        ),
    ],
)
def test_what_a_stopping_verb_breaks_up_is_its_object(nlp, text, trigger, happened):
    assert kept(nlp, text)[trigger] is happened


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "generic"),
    [
        # a share of a series names no one event
        ("The gangs took part in most of the murders of union leaders.", "murders", True),
        ("Many of the attacks were blamed on the militias.", "attacks", True),
        # "all of" them is the whole series, each event told
        ("The rebels claimed all of the attacks on the power lines.", "attacks", False),
        # "one of" or a number of them picks events out
        ("One of the attacks destroyed the bridge.", "attacks", False),
    ],
)
def test_a_share_of_a_series_is_a_kind(nlp, text, trigger, generic):
    assert modality.generic(next(t.token for t in _triggers(nlp, text) if t.text == trigger)) is generic
