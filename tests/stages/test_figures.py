"""Stage `figures` on parsed text with hand-made events: counts on events, reconciled tolls,
warnings on bad input; and the seed articles with the real actor dictionary."""

from __future__ import annotations

import pytest

from conftest import SEED_ALBAB, SEED_GWEIRAN, seed_text
from figures.helpers import StandInActors, parsed
from strife.figures import extract
from strife.models import Actor, ActorMention, Article, Event, Mention
from strife.resources import Resources
from strife.stages.figures import make


def _event(article: Article, i: int, words: str, event_type="Battles", actors=(), background=False) -> Event:
    """An event read from the sentence holding `words`, triggered there."""
    start = article.text.index(words)
    sentence = article.sentence_index(start)
    sub = {"Battles": "Armed clash", "Violence against civilians": "Attack"}[event_type]
    return Event(
        id=str(i),
        event_type=event_type,
        sub_event_type=sub,
        sentences=[sentence],
        background=background,
        trigger=Mention(text=words, start=start, end=start + len(words)),
        actor1=Actor(name=actors[0]) if actors else None,
        actor2=Actor(name=actors[1]) if len(actors) > 1 else None,
    )


@pytest.fixture(scope="module")
def stage():
    return make(Resources(actors=StandInActors()))


def test_article_without_parse_gets_a_warning_not_a_crash(stage):
    article = stage(Article(text="Ten people were killed."))
    assert article.figures == [] and any("not parsed" in w for w in article.warnings)
    assert stage(Article(text="")).warnings == []


@pytest.mark.slow
def test_counts_go_to_their_events_and_tolls_are_reconciled(nlp, stage):
    text = (
        "Militants of Daesh stormed a town in the north on Monday, killing 14 soldiers. "
        "In a separate attack, a car bomb killed nine civilians in the capital. "
        "Daesh claimed to have killed 60 soldiers in the town. "
        "The SOHR put the figure at 20."
    )
    article = parsed(nlp, text)
    article.events = [
        _event(article, 0, "stormed", actors=("Islamic State", "Military Forces")),
        _event(
            article,
            1,
            "car bomb",
            event_type="Violence against civilians",
            actors=("Unidentified", "Civilians"),
        ),
    ]
    stage(article)
    town, bomb = article.events
    assert [(c.low, c.source) for c in town.counts] == [
        (14, None),
        (60, "Islamic State"),
        (20, "Syrian Observatory for Human Rights"),
    ]
    assert [(c.low, c.group) for c in bomb.counts] == [(9, "Civilians")]
    assert (town.fatalities.low, town.fatalities.best, town.fatalities.high) == (14, 20, 60)
    assert bomb.fatalities.best == 9
    assert len(article.figures) == 4


@pytest.mark.slow
def test_a_war_toll_stays_off_the_events(nlp, stage):
    article = parsed(
        nlp,
        "An air strike killed 12 people in the city. The war has killed more than 300,000 people since 2011.",
    )
    article.events = [_event(article, 0, "air strike")]
    stage(article)
    assert [c.low for c in article.figures] == [12, 300000]
    assert [c.low for c in article.events[0].counts] == [12]
    assert article.events[0].fatalities.best == 12


@pytest.mark.slow
def test_without_events_figures_stay_on_the_article(nlp, stage):
    article = stage(parsed(nlp, "At least 20 people were wounded in the blast."))
    assert [(c.kind, c.low) for c in article.figures] == [("injured", 20)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("The militants killed 10,000,000 people in the attack.", "beyond belief"),
        ("The blast killed 40 kilometers of the convoy.", "other units"),
        ("The attack killed 10 people and the attack killed 14 people.", "contradictory"),
        ("The militants killed ten million people in the attack.", "beyond belief"),
        ("The attack killed 99999999999999999999999 people.", "beyond belief"),
        ("The attack displaced 50,000,000 people.", "beyond belief"),
        ("The attack killed 20 percent of the villagers.", "other units"),
        ("The attack killed 5 tons of cattle.", "other units"),
        ("The attack killed 12.5 people.", "not a whole number"),
        (
            "Police said 10 people were killed in the attack, but police said 14 people were killed.",
            "contradictory",
        ),
    ],
)
def test_bad_figures_are_warned_about_and_never_counted_silently(nlp, stage, text, warning):
    article = parsed(nlp, text)
    article.events = [_event(article, 0, "attack" if "attack" in text else "blast")]
    stage(article)
    assert any(warning in w for w in article.warnings), article.warnings
    assert all((c.low or 0) < 1_000_000 for c in article.figures)
    assert (article.events[0].fatalities.best or 0) < 1_000_000


@pytest.mark.slow
def test_gweiran_claims_per_source_and_group(nlp, resources):
    article = Article(text=seed_text(SEED_GWEIRAN))
    article = parsed(nlp, article.text)
    article.actor_mentions = resources.actors.find(article.text)
    found = extract(article)
    got = {(c.kind, c.group, c.low, c.source) for c in (f.count() for f in found)}
    sdf, sohr, ist = "Syrian Democratic Forces", "Syrian Observatory for Human Rights", "Islamic State"
    for claim in [
        ("fatalities", sdf, 200, "Amaq"),
        ("fatalities", sdf, 39, sohr),
        ("fatalities", ist, 70, sohr),
        ("fatalities", "Civilians", 7, sohr),
        ("fatalities", sdf, 17, sdf),
        ("recaptured", None, 100, sdf),
        ("fatalities", "Military Forces of Iraq", 11, None),
    ]:
        assert claim in got
    assert all((c.low or 0) < 3000 for c in (f.count() for f in found))  # 3,500 inmates: no casualties


@pytest.mark.slow
def test_gweiran_closing_claims_join_the_prison_battle(nlp, resources):
    article = parsed(nlp, seed_text(SEED_GWEIRAN))
    article.actor_mentions = resources.actors.find(article.text)
    article.events = [
        _event(article, 0, "begun a mutiny", actors=("Islamic State", "Syrian Democratic Forces")),
        _event(article, 1, "army barracks", actors=("Islamic State", "Military Forces of Iraq")),
    ]
    make(resources)(article)
    prison, barracks = article.events
    assert {(c.group, c.low) for c in prison.counts} >= {
        ("Syrian Democratic Forces", 39),
        ("Islamic State", 70),
        ("Civilians", 7),
        ("Syrian Democratic Forces", 17),
    }
    assert barracks.fatalities.best == 11
    # low: SDF's own 17 + 70 + 7; best: the monitor's 39 + 70 + 7; high: Amaq's 200
    assert (prison.fatalities.low, prison.fatalities.best, prison.fatalities.high) == (94, 116, 200)


@pytest.mark.slow
def test_al_bab_figures(nlp, resources):
    article = parsed(nlp, seed_text(SEED_ALBAB))
    article.actor_mentions = resources.actors.find(article.text)
    found = extract(article)
    got = [(f.count(), f.aggregate) for f in found]
    assert any(c.kind == "escaped" and c.low == 70 and c.qualifier == "more_than" for c, _ in got)
    assert any(
        c.kind == "fatalities"
        and c.low == 10
        and c.group == "Islamic State"
        and c.source == "Syrian National Coalition"
        for c, _ in got
    )
    assert any(c.kind == "fatalities" and c.low == 9 for c, _ in got)
    assert any(c.kind == "fatalities" and c.low == 6 and c.qualifier == "at_least" for c, _ in got)
    assert all(agg for c, agg in got if c.low == 120)  # executed "since September": no one day's toll


@pytest.mark.slow
def test_a_text_in_one_case_is_read_like_any_other(nlp):
    text = (
        "GUERRILLAS AMBUSHED A PATROL NEAR THE TOWN ON MONDAY, KILLING THE MAYOR AND TWO OF HIS BODYGUARDS. "
        "THE MAYOR'S DRIVER WAS NOT INJURED."
    )
    article = parsed(nlp, text)
    article.events = [_event(article, 0, "AMBUSHED", event_type="Violence against civilians")]
    make(Resources(nlp=nlp, actors=StandInActors()))(article)
    counts = [(c.kind, c.low, c.text) for c in article.events[0].counts]
    assert counts == [
        ("fatalities", 1, "THE MAYOR"),
        ("fatalities", 2, "TWO OF HIS BODYGUARDS"),
        ("fatalities", 3, "THE MAYOR AND TWO OF HIS BODYGUARDS"),
    ]
    assert article.events[0].fatalities.best == 3
    assert all(text[c.start : c.end] == c.text for c in article.figures)  # offsets index the text


@pytest.mark.slow
def test_plural_people_the_actor_matcher_also_names_are_counted(nlp):
    text = "THE GUERRILLAS STATED THAT CIVILIANS AND SOLDIERS WERE KILLED DURING THE CLASH."
    mentions = [
        ActorMention(text=w, start=text.index(w), end=text.index(w) + len(w), name=name, actor_type=kind)
        for w, name, kind in [
            ("GUERRILLAS", "Rebels", "Rebel group"),
            ("CIVILIANS", "Civilians", "Civilians"),
            ("SOLDIERS", "Military Forces", "State forces"),
        ]
    ]
    article = parsed(nlp, text, mentions)
    counts = [f.count() for f in extract(article)]
    assert [(c.kind, c.low, c.text) for c in counts] == [
        ("fatalities", 2, "CIVILIANS"),
        ("fatalities", 2, "SOLDIERS"),
        ("fatalities", 4, "CIVILIANS AND SOLDIERS"),
    ]
