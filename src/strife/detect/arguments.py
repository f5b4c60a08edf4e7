"""Actors and participants of a detected event (used by the `arguments` stage).

The event's triggers are found again in its sentences (`strife.detect.telling`); their agents are the perpetrators and
their patients the victims (people) or targets (things); `with`/`by` phrases and weapon nouns
are the weapons (`collect` finds their heads, `strife.detect.participants` makes the mentions). Actors come from the actor dictionary's mentions inside those noun phrases;
a group the dictionary does not know still comes out as the text names it, with a type guessed
from its words. ACLED's conventions: actor1 is the initiator; a civilian victim makes actor2
`Civilians`; for battles both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strife.detect import pronouns, reports, roles
from strife.detect.features import NONSTATE_TYPES, STATE_TYPES, mentions_in
from strife.detect.lexicon import Lexicon
from strife.detect.phrases import np_bounds
from strife.detect.triggers import Token, Trigger, np_lemmas
from strife.models import Actor, ActorMention, Article, Event

SPEECH = {"say", "claim", "report", "tell", "state", "add", "announce", "confirm", "accord"}
GUESSABLE_ENTS = {"", "ORG", "NORP", "PERSON"}
#: ACLED's name for an armed actor the text does not describe further ("gunmen", "militiamen").
GENERIC_ARMED = "Unidentified Armed Group"


def party(m: ActorMention) -> bool:
    """Whether an actor mention can be a party to an event: monitors and news outlets report
    and count, they never fight ("first identified by a research institute")."""
    return m.type not in pronouns.NOT_PARTIES


def _specificity(m: ActorMention) -> int:
    """0 for a named actor, 1 for a described one with a kind ("rebel brigades"), 2 for the
    bare generic ("militiamen"): in "militiamen from rival rebel brigades" the brigades say more."""
    if m.known:
        return 0
    return 2 if m.name == GENERIC_ARMED else 1


@dataclass
class Roles:
    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    instruments: list[Token] = field(default_factory=list)
    named: list[Token] = field(default_factory=list)  # people the report names as victims


def collect(main: list[Trigger], others: list[Trigger], lex: Lexicon | None = None) -> Roles:
    """Agents from the main mention (and participant nouns such as "two suicide bombers"
    anywhere); patients and instruments from every mention of the event. Every noun phrase
    brings those coordinated or listed with it (`roles.members`)."""
    r = Roles()
    for t in main + others:
        if t.kind == "participant" and t.family in ("attack", "explosion", "kill", "abduct"):
            subject = t.token.dep_ in ("nsubj", "nsubjpass") or (
                t.token.dep_ == "pobj" and t.token.head.lower_ == "by"
            )
            if subject and t.token.lemma_.lower() not in ("hostage", "captive", "abductee"):
                r.agents.append(t.token)  # "two suicide bombers", "gunmen"
            continue
        r.patients += reports.effects(t.token)  # "the bomb destroyed the building"
        if t.kind == "instrument":
            r.instruments.append(t.token)
            for placed in [c for c in t.token.children if c.dep_ == "acl" and c.tag_ == "VBN"]:
                r.patients += reports.sites(placed, lex)  # "a bomb planted near the embassy"
                r.agents += roles.agents(placed)  # "a bomb, planted by unidentified persons"
            verb = _use_verb(t.token)
            if verb is not None:  # "terrorists hurled dynamite at the embassy"
                r.agents += [a for a in roles.agents(verb) if a.i != t.token.i]
                r.patients += [p for p in roles.patients(verb) if p.i != t.token.i]
                r.patients += reports.sites(verb, lex)  # "placed bombs in bank branches"
            continue
        if t.family in reports.BLAST_FAMILIES:
            r.patients += reports.sites(t.token, lex)  # "a bomb exploded outside the offices"
        if t in main:
            found = roles.agents(t.token)
            undergoers = [a for a in found if _undergoer(t, a)]
            r.agents += [a for a in found if a not in undergoers]
            r.patients += undergoers  # "the jesuits' murder": they were murdered
        r.agents += reports.instigators(t.token)
        r.patients += reports.aimed_at(t.token)  # "the residence was the target of an attack"
        r.patients += roles.patients(t.token) + roles.listed_objects(t.token) + reports.sufferers(t.token)
        r.patients += [g for c in t.token.children if c.dep_ == "prep" for g in roles.included(c)]
        r.instruments += roles.instruments(t.token)
    r.agents = [m for a in r.agents for m in roles.members(a)]
    r.patients = [m for p in r.patients for m in roles.members(p) if not roles.itemised(m)]
    return r


#: Families whose event noun's possessor is who underwent it ("the jesuits' murder", "the
#: mayor's kidnapping"), not who did it as in "the FMLN's attack".
UNDERGONE = frozenset({"kill", "execute", "abduct", "sexual"})


def _undergoer(t: Trigger, agent: Token) -> bool:
    """Whether an agent read off the event noun `t` is its possessor (or one coordinated with
    it) and so the one it was done to; with an `of` complement ("the army's killing of six
    peasants") the possessor did it."""
    noun = t.token
    if noun.pos_ != "NOUN" or t.family not in UNDERGONE:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False
    poss = agent
    while poss.dep_ == "conj" and poss.head.i != poss.i:
        poss = poss.head
    return poss.dep_ == "poss" and poss.head.i == noun.i


def named_groups(article: Article, heads: list[Token]) -> list[Token]:
    """The noun phrases that hold the name of a non-state armed group the dictionary knows:
    such a group claiming an attack did it, whoever else the report's words tie to it (the
    police that found the bomb, a party that condemned it)."""
    return [
        h
        for h in heads
        if any(m.known and m.actor_type in NONSTATE_TYPES for m in _phrase_mentions(article, h))
    ]


def _phrase_mentions(article: Article, h: Token) -> list[ActorMention]:
    """The actor mentions inside the noun phrase of `h`, with what follows its head up to a
    relative clause."""
    start, end = np_bounds(h)
    return mentions_in(start, max(end, _right_edge(h)), article.actor_mentions)


def doers(agents: list[Token], lex: Lexicon) -> list[Token]:
    """The agents that are people or groups, not the weapon a verb makes its subject ("a bomb
    exploded")."""
    return [a for a in agents if lex.typed(lex.weapons, [a.lemma_.lower()]) is None]


def _use_verb(tok: Token) -> Token | None:
    """The verb that says an instrument was used, when it is not itself a trigger ("hurled"
    dynamite, "placed" a bomb): its subject and objects are the event's."""
    head = tok
    for _ in range(3):
        if head.dep_ not in ("compound", "conj", "pobj", "prep", "dobj", "nsubjpass"):
            return None
        head = head.head
        if head.pos_ == "VERB":
            return head
    return None


def unique(tokens: list[Token]) -> list[Token]:
    seen, out = set(), []
    for t in tokens:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


def _guess_type(words: list[str], lex: Lexicon) -> str | None:
    cues = lex.cue_names(words)
    if "protester" in cues:
        return "Protesters"
    if "mob" in cues:
        return "Rioters"
    if "nonstate_actor" in cues:
        return "Rebel group"
    if "state_actor" in cues:
        return "State forces"
    if "civilian_target" in cues:
        return "Civilians"
    return None


def _right_edge(head: Token) -> int:
    """Where the words about `head` end, short of a clause on it: the group in "the mayor, who
    was kidnapped by ELN guerrillas" did something to him, it is not his side."""
    last = head
    for child in head.rights:
        if child.dep_ in ("relcl", "acl"):
            break
        last = child.right_edge
    return last.idx + len(last)


def actor_for(article: Article, heads: list[Token], lex: Lexicon) -> tuple[Actor | None, list[Actor]]:
    """The actor the noun phrases name (first) and the others named in them."""
    found: list[Actor] = []
    for h in heads:
        if lex.typed(lex.weapons, [h.lemma_.lower()]) is not None:
            continue  # "a machinegun attack": the weapon the noun is named by, not a side
        start, end = np_bounds(h)
        inside = [m for m in _phrase_mentions(article, h) if party(m)]
        inside.sort(key=lambda m: (_specificity(m), m.start))
        if inside and _specificity(inside[0]) < 2:  # the generic word is the same people
            inside = [m for m in inside if _specificity(m) < 2]
        for m in inside:
            found.append(Actor(name=m.name, type=m.actor_type, text=m.text))
        if (
            not found
            and h.ent_type_ in GUESSABLE_ENTS
            and (h.pos_ == "PROPN" or h.ent_type_ in ("ORG", "NORP"))
        ):
            found.append(
                Actor(
                    name=article.text[start:end],
                    type=_guess_type(np_lemmas(h), lex),
                    text=article.text[start:end],
                )
            )
    uniq: list[Actor] = []
    for a in found:
        if a.name not in {u.name for u in uniq}:
            uniq.append(a)
    return (uniq[0] if uniq else None), uniq[1:]


def _speaker(m: ActorMention, article: Article) -> bool:
    """Whether an actor mention is the source of a statement ("Amaq said", "according to the
    SDF"), not a party to the event. A modifier of the source ("the Isis media channel")
    still names the side that speaks, so it is not excluded."""
    span = article.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "appos":
        tok = tok.head
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH:
        return True
    # "according to (a statement from) the Syrian National Coalition"
    before = article.doc[max(span.sent.start, span.start - 8) : span.start]
    return "according to" in before.text.lower() and not any(
        t.pos_ == "VERB" and t.lower_ != "according" for t in before
    )


def fallback_actor(article: Article, event: Event, exclude: set[str], known: bool = True) -> Actor | None:
    """A known actor named in the event's sentences, not as a source or a victim: the most
    likely initiator when the parse gave none ("an Isis media channel said the mutiny ...")."""
    spans = [article.sentences[i] for i in event.sentences if i < len(article.sentences)]
    for m in sorted(article.actor_mentions, key=lambda m: m.start):
        if m.name in exclude or (known and not m.known) or m.actor_type == "Civilians" or not party(m):
            continue
        if any(s.start <= m.start < s.end for s in spans) and not _speaker(m, article):
            return Actor(name=m.name, type=m.actor_type, text=m.text)
    return None


def state_kind(actor: Actor | None) -> str | None:
    if actor is None or actor.type is None:
        return None
    if actor.type in STATE_TYPES:
        return "state"
    return "nonstate" if actor.type in NONSTATE_TYPES else None


def resolve(article: Article, heads: list[Token], lex: Lexicon) -> list[Token]:
    """`heads` with pronouns replaced by what they refer to (dropped when that is unclear)."""
    out = []
    for h in heads:
        if h.pos_ != "PRON":
            out.append(h)
            continue
        found = pronouns.antecedent(h, article.actor_mentions, lex)
        if found is not None:
            out.append(found)
    return out
