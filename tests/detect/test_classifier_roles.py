"""The classifier's model-path setting and its who-acts-on-whom features."""

from __future__ import annotations

import numpy as np
import pytest

from strife.detect.classifier import EventClassifier, party_kind, role_features
from strife.detect.lexicon import lexicon
from strife.errors import ResourceError
from strife.models import ActorMention, Article, Event, Mention, Span


def small_model() -> EventClassifier:
    return EventClassifier(
        labels=["Armed clash", "NO_EVENT"],
        vocab=["clash"],
        idf=np.ones(1, np.float32),
        rule_names=[],
        coef=np.zeros((2, 3), np.float32),
        intercept=np.zeros(2, np.float32),
        dim=2,
    )


def test_the_event_model_setting_names_another_trained_model(tmp_path, monkeypatch):
    from strife.resources import Resources
    from strife.settings import load_settings

    path = tmp_path / "other.npz"
    small_model().save(path)
    monkeypatch.setenv("STRIFE_EVENT_MODEL", str(path))
    assert Resources(settings=load_settings()).event_model.labels == ["Armed clash", "NO_EVENT"]
    monkeypatch.setenv("STRIFE_EVENT_MODEL", str(tmp_path / "absent.npz"))
    with pytest.raises(ResourceError, match=r"absent\.npz"):
        _ = Resources(settings=load_settings()).event_model
    monkeypatch.delenv("STRIFE_EVENT_MODEL")
    assert "NO_EVENT" in Resources(settings=load_settings()).event_model.labels  # the shipped one


def parsed(nlp, text: str, trigger: str, mentions: list[tuple[str, str]]) -> tuple[Article, Event]:
    """An article of one sentence parsed by spaCy, with hand-made actor mentions and an event
    whose trigger is the word `trigger`."""
    article = Article(id="t", text=text)
    article.doc = nlp(text)
    article.sentences = [Span(start=0, end=len(text))]
    for words, kind in mentions:
        start = text.index(words)
        article.actor_mentions.append(
            ActorMention(start=start, end=start + len(words), text=words, name=words, actor_type=kind)
        )
    start = text.index(trigger)
    event = Event(
        id="e1",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        trigger=Mention(start=start, end=start + len(trigger), text=trigger),
        sentences=[0],
    )
    return article, event


@pytest.mark.slow
def test_roles_tell_who_used_force_on_whom(nlp):
    lex = lexicon()
    text = "Police fired on protesters in the capital."
    article, event = parsed(nlp, text, "fired", [("Police", "State forces"), ("protesters", "Protesters")])
    feats = role_features(article, event, lex)
    assert "agent=state" in feats and "party=crowd" in feats and "party=state" in feats
    swapped = "Protesters attacked the police in the capital."
    article, event = parsed(
        nlp, swapped, "attacked", [("Protesters", "Protesters"), ("police", "State forces")]
    )
    feats = role_features(article, event, lex)
    assert "agent=crowd" in feats and "patient=state" in feats and "crowd>state" in feats


@pytest.mark.slow
def test_party_kinds_from_cue_words_when_no_actor_is_known(nlp):
    article, event = parsed(nlp, "Rioters burned a police station.", "burned", [])
    agent = next(t for t in article.doc if t.text == "Rioters")
    assert party_kind(article, agent, lexicon()) in ("crowd", "other")
    assert role_features(article, event.model_copy(update={"trigger": None}), lexicon()) == []
    assert role_features(article, None, lexicon()) == []
