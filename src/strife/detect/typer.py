"""The events stage's typer: the rules' events retyped by the trained classifier.

`make_typer(resources, lex)` gives `typer(article, rule_events) -> events` and `typer.batch`
for many articles at once. For each rule event the classifier (`strife.detect.classifier`)
reads its sentences; `strife.detect.typing.combine` turns the model's probabilities and the
rule's type into the final type, or a veto; a short text in which the rules found no event may
get one from the model alone (`rescuable`, `rescue_event`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strife.detect import roles
from strife.detect.classifier import Embedder, EventClassifier, EventInput, context, event_input
from strife.detect.lexicon import lexicon
from strife.detect.typing import (
    DELIBERATE_TAGS,
    HARD,
    PROTECTED_TAGS,
    combine,
    rescuable,
    rescue_event,
    retype,
)
from strife.errors import ResourceError
from strife.models import Article, Event

#: Armed groups: one of them named as who did it makes the violence deliberate. (State forces
#: are left to the model: police and army also act in the crimes and rescues it must set
#: aside; keeping them cost CASE 2021 two snippets in 5-fold CV.)
ARMED_ACTORS = frozenset({"Rebel group", "Political militia", "Identity militia"})


def deliberate(article: Article, event: Event, words: frozenset[str]) -> bool:
    """Whether the event's trigger says the violence was done on purpose, so that the model may
    retype it but not veto it (like `DELIBERATE_TAGS`): its words or their modifiers are among
    `words`, the lexicon's `deliberate` lemmas ("the murder of the spokesman", "a dynamite
    attack"), or a non-state armed group is named as who did it ("killed by unknown
    gunmen", "guerrillas destroyed ten pylons"), or a person the text names was killed or
    attacked: accidents and disasters have no such agent and count their dead."""
    doc, trig = article.doc, event.trigger
    if doc is None or trig is None:
        return False
    span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.lemma_.lower() in words for t in span):
        return True
    head = span.root
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in words for c in head.children):
        return True
    if _armed_agent(article, head) or (trig.type in HARMS and _named_patient(head)):
        return True
    return trig.type in DEEDS and _told_as_deed(article, event, words | DOERS)


#: Trigger families of deeds that someone does (a blast may be an accident until told otherwise).
DEEDS = frozenset({"kill", "attack", "explosion"})
#: Words for whoever did a deed on purpose: "the attackers boarded the vessel", "an operation
#: to arrest those responsible for the attack", "the assassins fled".
DOERS = frozenset({"attacker", "assailant", "gunman", "assassin", "killer", "murderer", "perpetrator"})


def _told_as_deed(article: Article, event: Event, words: frozenset[str]) -> bool:
    """Whether the event's other sentences name its doers or its intent ("the attackers
    boarded the vessel", "a terrorist action"): an accident or a disaster has no attackers."""
    doc = article.doc
    for index in event.sentences:
        if index >= len(article.sentences):
            continue
        sentence = article.sentences[index]
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand") if doc else None
        if span is not None and any(t.lemma_.lower() in words for t in span):
            return True
    return False


#: Trigger families whose deed on a person is violence whoever did it.
HARMS = frozenset({"kill", "attack"})


def _named_patient(trigger: Any) -> bool:
    """Whether the deed hit a person the text names ("reporters Roberto Navas and Luis
    Galdamez were shot", "the killing of Josef Piescher"): a named victim of a killing or an
    attack is news of violence, which a disaster or an accident names by its toll."""
    return any(p.ent_type_ == "PERSON" for p in roles.patients(trigger))


def _armed_agent(article: Article, trigger: Any) -> bool:
    """Whether the trigger's agent lies in a mention of an armed actor."""
    armed = [m for m in article.actor_mentions if m.actor_type in ARMED_ACTORS]
    return any(m.start <= agent.idx < m.end for agent in roles.agents(trigger) for m in armed)


class Typer:
    """Rules' events retyped by the model; some vetoed; a short text with none may get one.

    `batch` types the events of many articles with one embedder call: the embedder is far
    cheaper per sentence on a batch of a few dozen than on the two or three of one article."""

    def __init__(self, model: EventClassifier, embedder: Embedder, lex: Any) -> None:
        self.model, self.embedder, self.lex = model, embedder, lex

    def __call__(self, article: Article, events: list[Event]) -> list[Event]:
        return self.batch([(article, events)])[0]

    def batch(self, items: list[tuple[Article, list[Event]]]) -> list[list[Event]]:
        """The typed events of each (article, rule events) pair, in order."""
        plans = [self._plan(article, events) for article, events in items]
        inputs = [x for p in plans if p is not None for x in p.inputs]
        predicted = iter(self.model.predict(inputs, self.embedder))
        out = []
        for (article, events), plan in zip(items, plans, strict=True):
            if plan is None:  # no parse: the rules' events as they are
                out.append(events)
            else:
                out.append(plan.apply(article, events, [next(predicted) for _ in plan.inputs]))
        return out

    def _plan(self, article: Article, events: list[Event]) -> _Plan | None:
        if article.doc is None or not article.sentences:
            return None
        # a hard type stands whatever the model says (`combine`): its sentences need no embedding
        typed = [
            e
            for e in events
            if e.sentences and not PROTECTED_TAGS & set(e.tags) and e.sub_event_type not in HARD
        ]
        inputs = [event_input(article, e, context(article, e), self.lex) for e in typed]
        rescue = rescuable(article, events, self.lex)
        if rescue:
            inputs.append(event_input(article, None, range(len(article.sentences)), self.lex))
        return _Plan(typed, inputs, rescue, (self.lex or lexicon()).deliberate)


@dataclass
class _Plan:
    """What the model reads for one article: its typed events' inputs, then (when `rescue`)
    the whole short text's."""

    typed: list[Event]
    inputs: list[EventInput]
    rescue: bool
    deliberate: frozenset[str] = frozenset()  # trigger lemmas no veto touches (the lexicon's)

    def apply(self, article: Article, events: list[Event], predicted: list[dict[str, float]]) -> list[Event]:
        """The article's events retyped (or vetoed) by `predicted`, plus a rescued one."""
        probas = dict(zip(map(id, self.typed), predicted, strict=False))  # the rescue input comes last
        kept = []
        for event in events:
            proba = probas.get(id(event))
            sub = combine(event.sub_event_type, proba) if proba else event.sub_event_type
            if sub is None and not (
                event.background
                or DELIBERATE_TAGS & set(event.tags)
                or deliberate(article, event, self.deliberate)
            ):
                continue  # the model is sure this is no conflict event (a disaster, a crime, ...)
            retype(event, sub or event.sub_event_type)
            kept.append(event)
        if self.rescue:
            sub = combine(None, predicted[-1])
            if sub is not None:
                kept.append(rescue_event(article, sub, len(events) + 1))
        return kept


def make_typer(resources: Any, lex: Any) -> Any:
    """The events stage's typer `(article, rule events) -> events`, with `typer.batch(pairs)` for
    many articles at once. The model and embedder are taken from `resources` on first use; when
    they cannot load, typing stays the rules' and each article carries a warning saying so."""
    state: dict[str, Any] = {}

    def loaded() -> Typer | None:
        if "typer" not in state:
            try:
                state["typer"] = Typer(resources.event_model, resources.embedder, lex)
            except ResourceError as exc:
                state["typer"], state["error"] = None, f"events: rule typing only ({exc})"
        return state["typer"]

    def batch(items: list[tuple[Article, list[Event]]]) -> list[list[Event]]:
        model = loaded()
        if model is None:
            for article, _ in items:
                article.warn(state["error"])
            return [events for _, events in items]
        return model.batch(items)

    def typer(article: Article, events: list[Event]) -> list[Event]:
        return batch([(article, events)])[0]

    typer.batch = batch  # type: ignore[attr-defined]
    return typer
