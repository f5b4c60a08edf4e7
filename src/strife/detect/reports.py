"""What a report says around an event's own words about who took part in it.

- effects: what an event or a weapon did to something ("the bomb destroyed the building");
- sites: what stood where a bomb went off or was put ("exploded outside the offices of X");
- aimed_at: what a copula says an event was aimed at ("X was the target of the attack");
- instigators: who ordered, carried out, took part in or is blamed for an event a noun names
  ("X ordered the assassination", "blames X for the murder", "attribute the attacks to X", "the
  murder was blamed on X", "links X to the murder", "X were involved in the massacre", "the
  authors of the assassination are X");
- claimants: who claimed responsibility, in the event's sentences or those after it, and whom
  those sentences blame for a violent event a noun names;
- sufferers: who died, was hurt or came through the event a noun names ("died in the
  explosion", "escaped unharmed from the attack");
- following: the sentences right after an event's, before the next event's, which may go on
  telling it ("two of her bodyguards ... were killed instantly").

Each returns heads of noun phrases (spaCy tokens); `strife.detect.arguments` turns them into
perpetrators, victims and targets.
"""

from __future__ import annotations

from strife.detect import roles
from strife.detect.lexicon import Lexicon
from strife.detect.triggers import Sent, Token
from strife.models import Article, Event

#: Verbs whose subject, an event or a weapon, did something to their object ("the attack
#: destroyed the building", "the explosions damaged three houses").
EFFECT_VERBS = frozenset(
    [
        "destroy",
        "damage",
        "hit",
        "affect",
        "wreck",
        "demolish",
        "shatter",
        "gut",
        "raze",
        "level",
        "injure",
        "wound",
        "kill",
    ]
)


#: Nouns for harm done to things, whose `to` phrase names what was hit ("caused damage to
#: nearby houses").
HARM_NOUNS = frozenset({"damage", "destruction"})


def effects(tok: Token) -> list[Token]:
    """The objects of an effect verb whose subject is the trigger or instrument `tok`, and what
    it "caused damage to"."""
    if tok.dep_ != "nsubj" or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    verb = tok.head.lemma_.lower()
    if verb == "cause":
        harm = [c for c in tok.head.children if c.dep_ == "dobj" and c.lemma_.lower() in HARM_NOUNS]
        return [
            g
            for h in harm
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if verb not in EFFECT_VERBS:
        return []
    return [p for p in roles.patients(tok.head) if p.i != tok.i]


#: Verbs whose subject had the event their object names done ("X ordered the assassination of
#: Y", "the killing had been ordered by X").
ORDER_VERBS = frozenset({"order", "plan", "mastermind", "organize", "organise", "commission", "direct"})
#: Verbs that lay an event on someone: "blames X for the murder", "accused X of the attack".
BLAME_VERBS = frozenset({"blame", "accuse", "charge", "implicate", "link", "connect", "suspect", "convict"})


#: Verbs whose subject took part in the event their `in` phrase names ("two lieutenants were
#: involved in the massacre", "the soldiers involved in the killing", "X participated in").
PARTAKE_VERBS = frozenset({"involve", "participate"})


def partakers(verb: Token) -> list[Token]:
    """Who a verb of `PARTAKE_VERBS` says took part: its subject, or the noun a participle or
    relative clause of it describes ("the soldiers involved in", "officers who participated in")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        relative = any(c.tag_ in ("WP", "WDT") for c in subjects)
        if relative or (verb.dep_ == "acl" and not subjects):
            return [verb.head]
    return [c for c in subjects if c.tag_ not in ("WP", "WDT")]


#: Verbs that lay an event on someone through a preposition: "attribute the attacks to X",
#: "the attack was blamed on X".
LAID_ON = {"attribute": "to", "ascribe": "to", "blame": "on"}
#: Nouns for the doers of an event their `of` phrase names ("the authors of the assassination").
AUTHORS = frozenset({"author", "perpetrator", "mastermind", "culprit", "instigator"})


def _equated(noun: Token) -> list[Token]:
    """Who or what a copula says `noun` is: "the authors ... are X" (its attribute) or "X were
    the perpetrators of ..." (its subject); a doubt ("not the authors") names no one."""
    verb = noun.head
    if verb.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in verb.children):
        return []
    other = {"nsubj": "attr", "attr": "nsubj"}.get(noun.dep_)
    return [c for c in verb.children if c.dep_ == other and c.pos_ != "PRON"]


def instigators(tok: Token) -> list[Token]:
    """Who the sentence says did, ordered or is to blame for the event noun `tok`: "X ordered
    the assassination", "the killing was ordered (carried out) by X", "blames X for the murder",
    "attribute the attacks to X", "X are behind this attack". Event verbs have their subjects
    (`roles.agents`); this reads the nouns' governors."""
    if tok.pos_ != "NOUN":
        return []
    head, dep = tok.head, tok.dep_
    low = head.lemma_.lower()
    out: list[Token] = []
    for verb in [
        c
        for c in tok.children
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in roles.LIGHT_VERBS | ORDER_VERBS
    ]:
        out += roles.agents(verb)  # "the killing ..., carried out by uniformed men"
    if dep in ("dobj", "nsubjpass") and low in ORDER_VERBS:
        out += roles.agents(head)
    elif dep in ("dobj", "nsubjpass") and low in LAID_ON:
        # "attribute the attacks to X", "the attack was attributed to X / blamed on X"
        preps = [c for c in [*head.children, *tok.children] if c.lower_ == LAID_ON[low]]  # or on the noun
        out += [g for c in preps for g in c.children if g.dep_ == "pobj"]
    elif dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in AUTHORS:
        out += _equated(head.head)  # "the authors of the assassination are X"
    elif (
        dep == "pobj"
        and head.lower_ in ("for", "of", "in", "with", "to")
        and head.head.lemma_.lower() in BLAME_VERBS
    ):
        verb = head.head
        out += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    elif dep == "pobj" and head.lower_ == "behind" and head.head.lemma_.lower() == "be":
        out += subjects(head.head)
    elif dep == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in PARTAKE_VERBS:
        out += partakers(head.head)
    return [x for x in out if x.i != tok.i and x.ent_type_ not in roles.NOT_PARTIES]


#: Nouns for whom or what an event was aimed at or hurt ("the target of the attack").
AIMS = frozenset({"target", "objective", "victim"})


def aimed_at(tok: Token) -> list[Token]:
    """Whom or what a copula says the event noun `tok` was aimed at: "the residence was the
    target of an attack", "the objective of the attack was the embassy", "X was the victim of
    the attack"; a doubt ("was not the target") names nothing."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in AIMS:
        return []
    return _equated(prep.head)


#: Families whose event hits what stands where it happened.
BLAST_FAMILIES = frozenset({"explosion", "grenade"})
#: Prepositions of the place where a bomb went off or was put ("in front of" is read through
#: its `of`).
SITE_PREPS = frozenset(
    {"outside", "inside", "at", "in", "near", "into", "on", "beside", "by", "under", "beneath", "underneath"}
)


def sites(tok: Token, lex: Lexicon | None) -> list[Token]:
    """The buildings, vehicles and installations where a bomb exploded or was placed: "a
    car bomb exploded outside the offices of the union", "placed bombs in bank branches". A
    place ("the capital", "the airport road") or anything without a GTD target type is where it
    happened, not what it hit."""
    if lex is None:
        return []
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in SITE_PREPS:
            continue
        for g in prep.children:
            if g.dep_ != "pobj":
                continue
            if g.lower_ in ("front", "vicinity"):  # "in front of the bank"
                g = next(
                    (x for c in g.children if c.lower_ == "of" for x in c.children if x.dep_ == "pobj"), g
                )
            g = roles.whole(g)  # "in the basement of the tower building"
            lemma = g.lemma_.lower()
            if g.ent_type_ in ("GPE", "LOC") or "place" in lex.kind_of([lemma]):
                continue
            if lex.typed(lex.targets, [lemma]) is not None:
                out.append(g)
    return out


#: Verbs whose object "responsibility" names who did it ("the FMLN claimed responsibility").
CLAIM_VERBS = {"claim", "assume", "take", "accept", "admit", "acknowledge", "bear"}
#: What a claimant claims: "claimed responsibility (credit, authorship) for the attack".
CLAIMED = frozenset({"responsibility", "credit", "authorship"})


def subjects(verb: Token) -> list[Token]:
    """The subject of `verb`, or of the verb it completes when it has none of its own: in "X is
    believed to be responsible", "X is thought to be behind the attack" the one meant is X."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or verb.dep_ != "xcomp":
        return own
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def claimants(sent: Sent, claims_only: bool = False) -> list[Token]:
    """Heads of the noun phrases a sentence names as responsible for an event: "X claimed
    (assumed, took) responsibility for", "X is responsible for", "holds X responsible for"
    (`claims_only`: only those who claim it themselves, not those others hold responsible).
    A denial ("did not claim", "is not responsible") names no one."""
    out: list[Token] = []
    for tok in sent:
        low, head = tok.lemma_.lower(), tok.head
        if head.i == tok.i or any(c.dep_ == "neg" for c in head.children):
            continue
        claim = low in CLAIMED and tok.dep_ == "dobj" and head.lemma_.lower() in CLAIM_VERBS
        if claim or (low == "responsible" and head.lemma_.lower() == "be" and not claims_only):
            out += subjects(head)
        elif low == "responsible" and head.lemma_.lower() in ("hold", "consider") and not claims_only:
            # "holds X responsible" (X the object, or the subject of "responsible" read as a
            # clause of its own), "X are being held responsible"
            out += [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            out += [c for c in tok.children if c.dep_ == "nsubj"]
    return [x for o in out if not _nobody(o) for x in roles.conjuncts(o) if not _nobody(x)]


def _nobody(tok: Token) -> bool:
    """Whether a claimant is no one: "no group has claimed responsibility", "nobody", "neither
    the guerrillas nor any other organization have claimed" (the denial covers every conjunct)."""
    return tok.lower_ in ("nobody", "none", "noone") or any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in tok.children
    )


def _nearby(article: Article, event: Event, sents: list[Sent]) -> list[Sent]:
    """The event's sentences and up to three that follow it before the next event's."""
    taken = {i for e in article.events if e is not event for i in e.sentences}
    nearby = list(event.sentences)
    i = max(event.sentences, default=len(sents)) + 1
    while i < len(sents) and i not in taken and len(nearby) < len(event.sentences) + 3:
        nearby.append(i)
        i += 1
    return [sents[n] for n in nearby if n < len(sents) and sents[n] is not None]


def following(article: Article, event: Event, sents: list[Sent], limit: int = 3) -> list[Sent]:
    """Up to `limit` sentences right after the event's, before any sentence of another event."""
    taken = {i for e in article.events if e is not event for i in e.sentences}
    out: list[Sent] = []
    i = max(event.sentences, default=len(sents)) + 1
    while i < len(sents) and i not in taken and len(out) < limit:
        if sents[i] is not None:
            out.append(sents[i])
        i += 1
    return out


def claimed(
    article: Article, event: Event, sents: list[Sent], lex: Lexicon | None = None, claims_only: bool = False
) -> list[Token]:
    """Who the article says is responsible for `event`: claimants in its sentences, or in the
    sentences that follow it up to the next event (a claim usually comes after the report);
    with the lexicon, also whom they blame for a violent event a noun names ("authorities
    attribute the attacks to drug traffickers", `instigators`). `claims_only`: only those who
    claim it themselves."""
    nearby = _nearby(article, event, sents)
    out = [h for sent in nearby for h in claimants(sent, claims_only)]
    if lex is not None:
        out += [h for sent in nearby for tok in sent if _violent(tok, lex) for h in instigators(tok)]
    return out


#: Nouns a report uses for a violent event besides the trigger lexicon's ("the crime").
CRIMES = frozenset({"crime", "crimes"})
VIOLENT_GROUPS = frozenset({"violence", "property"})


def _violent(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun names a violent event: a trigger noun of a violent family, or "crime"."""
    if tok.pos_ != "NOUN":
        return False
    low = tok.lemma_.lower()
    families = lex.nouns.get((low,), [])
    return low in CRIMES or any(lex.group(f) in VIOLENT_GROUPS for f in families)


#: Verbs whose subject underwent or came through the event their `in`/`from`/`during` phrase
#: names ("the inspector died in the explosion", "X emerged unscathed from a dynamite attack").
SUFFER_VERBS = frozenset({"die", "perish", "injure", "wound", "hurt", "escape", "survive", "emerge"})
#: Of these, the verbs whose active subject is the doer ("rebels wounded five civilians in the
#: attack"): only their passive subject underwent the event.
DONE_TO = frozenset({"injure", "wound", "hurt"})
#: Nouns that tie a verb to the event their `of` phrase names ("died as a result of an attack").
OUTCOMES = frozenset({"result", "consequence"})


def sufferers(trig: Token) -> list[Token]:
    """Who underwent the event an event noun names, by the verb whose phrase holds it: "the
    inspector died in the explosion", "a guard was wounded in the attack", "X escaped
    unharmed from a car-bomb attack", "X died today as a consequence of a terrorist attack"."""
    if trig.pos_ != "NOUN" or trig.dep_ != "pobj":
        return []
    prep = trig.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in OUTCOMES and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "as a result of the attack"
    verb = prep.head
    if verb.pos_ in ("ADJ", "ADV") and verb.dep_ in ("acomp", "advmod", "advcl", "oprd", "xcomp"):
        verb = verb.head  # "escaped unharmed from the attack"
    if prep.lower_ not in ("in", "from", "during", "as") or verb.lemma_.lower() not in SUFFER_VERBS:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    deps = ("nsubjpass",) if verb.lemma_.lower() in DONE_TO else ("nsubj", "nsubjpass")
    found = [c for c in verb.children if c.dep_ in deps]
    if not found and verb.dep_ == "conj":  # "... and died in the explosion"
        found = [c for c in verb.head.children if c.dep_ in deps]
    return [roles.relative(f) for f in found if f.pos_ != "PRON" or f.tag_ in ("WP", "WDT")]
