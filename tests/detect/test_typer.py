"""The typer's guard against the model's veto: words and agents that make violence deliberate."""

from __future__ import annotations

import pytest

from strife.detect.lexicon import lexicon
from strife.detect.typer import deliberate
from strife.models import Article, Event, Mention


def _article(nlp, resources, text: str, trigger: str, family: str = "kill") -> tuple[Article, Event]:
    article = Article(text=text)
    article.doc = nlp(text)
    article.actor_mentions = resources.actors.find(text)
    start = text.index(trigger)
    event = Event(
        id="e1",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=Mention(text=trigger, start=start, end=start + len(trigger), type=family),
    )
    return article, event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Two party leaders were killed by unknown persons near the town.", "killed", True),
        ("Unidentified assailants in another car opened fire on the nuns.", "opened fire", True),
        ("The guerrillas destroyed ten power transmission towers.", "destroyed", True),
        ("The director emerged unscathed from a dynamite attack this morning.", "attack", True),
        ("Three workers were killed when a boiler exploded at the factory.", "killed", False),
        ("A man killed his wife with a knife on Sunday.", "killed", False),
        ("Police shot dead a robber outside the bank.", "shot", False),  # left to the model
        # a person the text names, killed or attacked, is news of violence whoever did it
        ("Reporters Roberto Navas and Luis Galdamez were shot near the market.", "shot", True),
        ("Soldiers killed Josef Piescher, a development worker, on Sunday.", "killed", True),
    ],
)
def test_an_armed_agent_or_a_word_of_intent_makes_violence_deliberate(
    nlp, resources, text, trigger, expected
):
    article, event = _article(nlp, resources, text, trigger)
    assert deliberate(article, event, lexicon().deliberate) is expected


def _told(nlp, resources, text: str, trigger: str, family: str) -> tuple[Article, Event]:
    from strife.models import Span

    article, event = _article(nlp, resources, text, trigger, family)
    article.sentences = [Span(start=s.start_char, end=s.end_char) for s in article.doc.sents]
    event.sentences = list(range(len(article.sentences)))
    return article, event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "family", "expected"),
    [
        # the doers named in another sentence of the event: not an accident
        (
            "A boat was intercepted on the river and its pilot was killed. "
            "The attackers then boarded the boat and took two passengers with them.",
            "killed",
            "kill",
            True,
        ),
        (
            "A violent explosion damaged the windows of the consulate last night. "
            "Police are searching for the perpetrators.",
            "explosion",
            "explosion",
            True,
        ),
        (
            "Three workers were killed when a boiler exploded at the plant. The plant was closed.",
            "killed",
            "kill",
            False,
        ),
    ],
)
def test_doers_named_in_the_events_other_sentences_make_it_deliberate(
    nlp, resources, text, trigger, family, expected
):
    article, event = _told(nlp, resources, text, trigger, family)
    assert deliberate(article, event, lexicon().deliberate) is expected
