"""Typing features of a detected event: families, cue words, attempt, actor and target kinds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from strife.detect import roles
from strife.detect.grouping import Cluster
from strife.detect.lexicon import Lexicon
from strife.detect.phrases import np_bounds
from strife.detect.triggers import Sent, Token, np_lemmas
from strife.detect.typing import Features
from strife.models import ActorMention

STATE_TYPES = {"State forces", "External/Other forces"}
NONSTATE_TYPES = {"Rebel group", "Political militia", "Identity militia"}


def mentions_in(start: int, end: int, mentions: Iterable[ActorMention]) -> list[ActorMention]:
    """Actor mentions overlapping the character range."""
    return [m for m in mentions if m.start < end and start < m.end]


def actor_kind(heads: Sequence[Token], mentions: Sequence[ActorMention], lex: Lexicon) -> str | None:
    """ "state" or "nonstate" for the noun phrases `heads`, from actor mentions, else cue words."""
    for head in heads:
        start, end = np_bounds(head)
        for m in mentions_in(start, end, mentions):
            if m.actor_type in STATE_TYPES:
                return "state"
            if m.actor_type in NONSTATE_TYPES:
                return "nonstate"
        cues = lex.cue_names(np_lemmas(head))
        if "nonstate_actor" in cues:
            return "nonstate"
        if "state_actor" in cues:
            return "state"
    return None


def target_kind(heads: Sequence[Token], mentions: Sequence[ActorMention], lex: Lexicon) -> str | None:
    """ "armed" or "civilian" for the noun phrases `heads`."""
    kinds = set()
    for head in heads:
        start, end = np_bounds(head)
        for m in mentions_in(start, end, mentions):
            if m.actor_type == "Civilians":
                kinds.add("civilian")
            elif m.actor_type:
                kinds.add("armed")
        cues = lex.cue_names(np_lemmas(head))
        if "armed_target" in cues:
            kinds.add("armed")
        elif "civilian_target" in cues:
            kinds.add("civilian")
    if "armed" in kinds:
        return "armed"
    return "civilian" if kinds else None


def _participant_cues(trig, lex: Lexicon) -> set[str]:
    """Cue lists of a participant trigger that is a subject ("rioters clashed")."""
    return set()


def features(
    clusters: Sequence[Cluster], sents: Sequence[Sent], mentions: Sequence[ActorMention], lex: Lexicon
) -> Features:
    """Features of an event made of `clusters` (its main one first), read in sentences `sents`."""
    families: list[str] = []
    for c in clusters:
        for f in c.families:
            if f not in families:
                families.append(f)
    lemmas: list[str] = []
    words: list[str] = []
    for s in sents:
        lemmas += [t.lemma_.lower() for t in s] + ["|"]
        words += [t.lower_ for t in s] + ["|"]
    main = clusters[0]
    local = [t.lemma_.lower() for c in clusters for t in c.main.token.subtree]
    cues = lex.cue_names(lemmas, words)
    cues.discard("prison")
    cues |= lex.cue_names(local) & {"prison"}  # a prison named in the event's own clause
    strong = [t for c in clusters for t in c.triggers if not t.weak]
    agents = [a for t in strong for a in roles.agents(t.token)]
    patients = [p for t in strong for p in roles.patients(t.token)]
    return Features(
        families=families,
        cues=cues,
        attempted="attempted" in main.notes,
        actor=actor_kind(agents, mentions, lex),
        target=target_kind(patients, mentions, lex),
        verbs={t.token.lemma_.lower() for c in clusters for t in c.triggers},
        actor_cues=set().union(*(lex.cue_names(np_lemmas(a)) for a in agents))
        | {c for t in strong for c in _participant_cues(t, lex)},
    )
