"""Stage `events`: detection, typing, background, non-events, multi-event articles."""

from __future__ import annotations

import pytest

from strife.models import Article, Span
from strife.stages.events import make


def parsed(nlp, text: str) -> Article:
    article = Article(text=text)
    article.doc = nlp(text)
    article.sentences = [
        Span(start=s.start_char, end=s.end_char) for s in article.doc.sents if s.text.strip()
    ]
    return article


@pytest.fixture(scope="module")
def events(resources):
    stage = make(resources)
    return lambda article: stage(article).events


def test_non_english_articles_are_skipped_with_a_warning(events):
    article = Article(text="Des hommes armés ont attaqué un village.", language="fr")
    assert events(article) == []
    assert any("not English" in w for w in article.warnings)


def test_unparsed_text_warns_instead_of_crashing(events):
    article = Article(text="Gunmen attacked a village.")
    assert events(article) == []
    assert article.warnings


@pytest.mark.slow
def test_an_attack_on_civilians(nlp, events):
    article = parsed(nlp, "Gunmen opened fire on a bus near the town on Monday, killing six passengers.")
    (e,) = events(article)
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.attack_type == "Armed Assault"
    assert e.trigger.text == "opened fire" and article.text[e.trigger.start : e.trigger.end] == "opened fire"
    assert e.sentences == [0] and e.evidence[0].text == article.text
    assert not e.background


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sub", "tag"),
    [
        (
            "A suicide bomber blew himself up at a checkpoint, killing four soldiers.",
            "Suicide bomb",
            "suicide_attack",
        ),
        ("Warplanes pounded the village on Sunday, killing 6 civilians.", "Air/drone strike", "air_strike"),
        (
            "Rebels captured the town of Kafr Nabl after heavy fighting.",
            "Non-state actor overtakes territory",
            "territorial_change",
        ),
        ("The militants executed three captured policemen in the main square.", "Attack", "execution"),
        (
            "Police fired tear gas to disperse hundreds of protesters who marched on parliament.",
            "Protest with intervention",
            None,
        ),
        (
            "Gunmen kidnapped two aid workers on the road to the airport.",
            "Abduction/forced disappearance",
            "kidnapping",
        ),
        ("A roadside bomb exploded next to an army patrol.", "Remote explosive/landmine/IED", "ied"),
        ("More than 50 prisoners escaped from the central jail overnight.", "Other", "prison_break"),
    ],
)
def test_typing_and_tags_from_the_parse(nlp, events, text, sub, tag):
    (e,) = [e for e in events(parsed(nlp, text)) if not e.background]
    assert e.sub_event_type == sub
    if tag:
        assert tag in e.tags


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The group threatens that soon it will be attacking the capital.",
        "The army did not attack the village.",
        "If the talks fail, the rebels may storm the city.",
        "He was accused of plotting to kill the governor.",
        "The ministry published its annual budget on Tuesday.",
        "An earthquake killed eight people on the island.",
        "Insurgencies have often grown on the back of prison breaks.",
    ],
)
def test_not_events(nlp, events, text):
    assert [e for e in events(parsed(nlp, text)) if not e.background] == []


@pytest.mark.slow
def test_failed_assault_is_still_a_battle(nlp, events):
    (e,) = events(parsed(nlp, "The troops failed to storm the prison despite air support."))
    assert e.sub_event_type == "Armed clash"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "It was the biggest battle since the army overran the town last year.",
        "More than 120 fighters have been executed since September, the monitor said.",
        "In a reminder of the 2014 massacre at the prison, the video was shown to the inmates.",
    ],
)
def test_background_recollections(nlp, events, text):
    found = events(parsed(nlp, text))
    assert found and all(e.background for e in found if e.trigger.text in ("overran", "executed", "massacre"))


@pytest.mark.slow
def test_several_events_and_coreference(nlp, events):
    text = (
        "Dozens of prisoners broke out of a jail in the town on Tuesday. "
        "The breakout came a day after militants executed nine captured soldiers. "
        "The escapees were helped by local activists. "
        "Separately, a car bomb exploded in a market in the capital."
    )
    found = [e for e in events(parsed(nlp, text)) if not e.background]
    kinds = [(e.sub_event_type, e.sentences) for e in found]
    assert ("Other", [0, 1, 2]) in kinds  # the jail break, referred back to twice
    assert any(sub == "Attack" and sents == [1] for sub, sents in kinds)  # the executions
    assert any(sub == "Remote explosive/landmine/IED" and sents == [3] for sub, sents in kinds)
    assert "vbied" in next(e for e in found if e.sentences == [3]).tags


@pytest.mark.slow
def test_continuation_joins_but_a_new_place_starts_a_new_event(nlp, events):
    text = (
        "Militants attacked an army post in Kidal on Friday. They also attacked a police station nearby. "
        "In Gao, rebels ambushed a convoy."
    )
    found = events(parsed(nlp, text))
    assert [e.sentences for e in found] == [[0, 1], [2]]


def _seed(nlp, resources, path):
    from tests.conftest import seed_text

    text = seed_text(path)
    article = parsed(nlp, text)
    article.actor_mentions = resources.actors.find(text)
    return make(resources)(article).events


@pytest.mark.slow
def test_seed_albab_reports_several_events_and_keeps_recollections_apart(nlp, resources):
    from tests.conftest import SEED_ALBAB

    found = _seed(nlp, resources, SEED_ALBAB)
    live = [e for e in found if not e.background]
    assert len(live) >= 5
    assert any("prison_break" in e.tags for e in live)
    assert sum("execution" in e.tags for e in live) >= 2  # the Kurds, the Palestinian man
    assert any(e.event_type == "Battles" for e in live)
    assert any(
        e.sub_event_type in ("Non-state actor overtakes territory", "Armed clash")
        and e.trigger.text == "recapturing"
        for e in live
    )
    aggregate = [e for e in found if e.trigger.text == "executed" and "120" in e.evidence[0].text]
    assert aggregate and all(e.background for e in aggregate)


@pytest.mark.slow
def test_seed_gweiran_prison_assault_and_separate_iraq_attack(nlp, resources):
    from tests.conftest import SEED_GWEIRAN

    found = _seed(nlp, resources, SEED_GWEIRAN)
    prison = [e for e in found if "prison_break" in e.tags and not e.background]
    assert any({"suicide_attack", "mutiny", "hostage_taking"} <= set(e.tags) for e in prison)
    barracks = [e for e in found if "barracks" in e.evidence[0].text and e.trigger.text == "attack"]
    assert barracks and barracks[0].event_type == "Battles" and "prison_break" not in barracks[0].tags
    assert all(e.background for e in found if e.trigger.text == "fall")


@pytest.mark.slow
def test_a_back_reference_with_its_own_victim_is_its_own_event(nlp, resources):
    text = (
        "Rebel brigades assaulted the militants' positions in the town on Tuesday, and clashes raged. "
        "The assault also came as the militants posted online a video of the execution of a "
        "Lebanese man they accused of spying."
    )
    article = parsed(nlp, text)
    article.actor_mentions = resources.actors.find(text)
    found = [e for e in make(resources)(article).events if not e.background]
    execution = [e for e in found if "execution" in e.tags]
    assert execution and all(e.event_type == "Violence against civilians" for e in execution)
    assert any(e.event_type == "Battles" and "execution" not in e.tags for e in found)


@pytest.mark.slow
def test_a_batch_reads_the_same_events_as_one_article_at_a_time(nlp, resources):
    texts = [
        "Gunmen opened fire on a bus near the town on Monday, killing six passengers.",
        "A suicide bomber blew himself up at a checkpoint, killing four police officers.",
        "Thousands of students marched peacefully through the capital on Saturday.",
        "The minister opened a new school.",
    ]
    stage = make(resources)
    alone = [stage(parsed(nlp, t)).events for t in texts]
    assert alone[0] and alone[1] and not alone[3]
    batch = [parsed(nlp, t) for t in texts] + [Article(text="Des hommes armés ont attaqué.", language="fr")]
    stage.batch(batch)  # type: ignore[attr-defined]
    assert [a.events for a in batch[:-1]] == alone
    assert batch[-1].events == [] and any("not English" in w for w in batch[-1].warnings)


@pytest.mark.slow
def test_an_attack_said_to_have_been_planned_happened(nlp, events):
    # the definite subject of "planned" is an attack that took place; an object of "plan" is not
    planned = parsed(
        nlp, "the car bomb attack which destroyed the building had been planned since september."
    )
    assert [e.sub_event_type for e in events(planned) if not e.background]
    plan = parsed(nlp, "the rebels planned an attack on the building.")
    assert not [e for e in events(plan) if not e.background]


@pytest.mark.slow
def test_governors_stop_at_the_sentence_root(nlp):
    from strife.detect.modality import governors

    doc = nlp("Gunmen attacked the village.")
    assert [t.text for t in governors(doc[0])] == ["attacked"]
    assert governors(doc[1]) == []


@pytest.mark.slow
def test_a_murder_is_no_accident_the_model_may_veto(nlp, events):
    # the trained typer may drop an event it takes for no conflict (a disaster, a crime), but
    # not one whose trigger says the violence was deliberate
    article = parsed(nlp, "The court ordered a judge to investigate the murder of the opposition spokesman.")
    assert [e.sub_event_type for e in events(article)] == ["Attack"]


@pytest.mark.slow
def test_another_device_is_another_event(nlp, events):
    text = (
        "A bomb exploded in a hotel in the port on Monday, killing two guests. "
        "Almost at the same time another bomb exploded in front of a bank, injuring a guard."
    )
    found = [e for e in events(parsed(nlp, text)) if not e.background]
    assert [e.sentences for e in found] == [[0], [1]]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "A powerful dynamite charge exploded near the embassy early today.",
        "A truck rigged with dynamite exploded outside a police building, killing 23 people.",
        "A cargo plane was partly destroyed when an incendiary bomb exploded at the airport.",
    ],
)
def test_a_device_named_makes_a_bombing_the_model_cannot_veto(nlp, events, text):
    (e,) = [e for e in events(parsed(nlp, text)) if not e.background]
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert "ied" in e.tags or "vbied" in e.tags
