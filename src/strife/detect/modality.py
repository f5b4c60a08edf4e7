"""Whether a trigger reports an event that happened.

Read off the parse, walking up from the trigger through the clauses that govern it: *not an
event* when negated ("did not attack", "no attack"), future or hypothetical ("will be
attacking", "if they attack"), intended, threatened, feared or refused ("threatens to", "in an
effort to recapture", "refused to take back"), an accusation ("accused of spying"), a generic
plural ("on the back of prison breaks", "an increase in defections", a bare plural asked to stop
or listed after one: "stop assassinations", "dozens of disappearances, murders"), a demand (a
bare infinitive with no subject: "5. stop using land mines"), what is "about to" happen, or a
habit ("the militias who attack military positions", "rebels always end up killing each
other", "we constantly suffer their attacks"). Whether a reported
event is recalled as background is `strife.detect.recall`'s question.

"failed to storm" and "managed to escape" are events: implicative verbs pass through.
"""

from __future__ import annotations

from typing import Any

from strife.detect import presupposition
from strife.detect.lexicon import lexicon
from strife.wordsets import word_set

Token = Any


MODALS = {"will", "would", "shall", "could", "might", "may", "should", "must", "can", "'ll", "wo", "ca"}
#: Governors that make what they govern not (yet) a fact.
NONFACTIVE = word_set(
    """
    threaten plan vow warn intend want hope aim seek prepare call urge encourage demand propose
    consider expect fear pledge promise refuse deny accuse allege suspect charge prevent
    avoid risk plot wish decide ask need order vote offer threat effort bid
    possibility danger warning likely unlikely able ready set poised capable conspiracy accusation
    allegation purpose goal intention scheme ability capacity
    """
)
#: Governors through which a governed event stays a fact (implicative or reporting).
IMPLICATIVE = word_set(
    """
    manage fail begin start continue try attempt succeed resume proceed help allow force enable
    let make keep go claim say report tell confirm announce add state show see witness come end
    finish stop cease resort dare seem appear used
    """
)
NEG_DETS = {"no", "neither", "nor", "never"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest"}
CLAUSAL = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "csubj", "parataxis", "ROOT"}


def governors(tok: Token, limit: int = 12) -> list[Token]:
    """The chain of heads above `tok` up to the sentence root (nearest first)."""
    chain: list[Any] = []
    # spaCy makes a new Token object on each access, so the root is found by index, not identity
    while tok.head.i != tok.i and len(chain) < limit:
        tok = tok.head
        chain.append(tok)
    return chain


def _object_of(tok: Token, verb: Token) -> bool:
    """Whether `tok` is `verb`'s object or in it by "of" and lists ("a crowd of protesters",
    "the march and the rally"), not a deeper part of a clause below the verb."""
    while tok.i != verb.i:
        if tok.dep_ not in ("dobj", "obj", "pobj", "conj") or (
            tok.dep_ == "pobj" and tok.head.lower_ != "of"
        ):
            return False
        tok = tok.head.head if tok.dep_ == "pobj" else tok.head
    return True


def _has_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ in NEG_DETS:
            return True
    return False


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


DISRUPT = {"disperse", "break", "quell", "suppress", "crush", "stop", "end", "contain", "repel", "repulse"}
REPORTING = {"say", "report", "tell", "confirm", "announce", "add", "state", "claim", "accord", "quote"}


def not_factual(trig: Token) -> str | None:
    """Why the trigger does not report an event that happened, or None when it does."""
    if _negated(trig):
        return "negated"
    if trig.pos_ in ("VERB", "AUX") and _has_modal(trig):
        return "modal"
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in trig.children):
        return "hypothetical"
    if trig.head.lower_ == "without":
        return "negated"
    if _directive(trig):
        return "intended"
    if trig.pos_ in ("VERB", "AUX") and _usual(trig):
        return "habitual"
    if presupposition.presupposed(trig):
        return _blocked(trig)
    child = trig
    for gov in governors(trig):
        lem, rel = gov.lemma_.lower(), child.dep_
        if _island(child, gov):
            return None  # what the clause above says of the noun does not touch its own clause
        if _attributive(gov, child):
            child = gov
            continue  # "alleged Shining Path members murdered ...": the parse made "alleged" a verb
        if (_directive(gov) and trig.dep_ not in ("nsubj", "nsubjpass") and not _own_subject(child)) or (
            lem == "about" and rel == "xcomp" and _to_infinitive(child)
        ):
            # "stop using land mines", "a time bomb about to explode"; not the people a demand
            # is about ("make the assassins of the bishop pay"), who are there, nor a clause
            # with a subject of its own ("remember that the guerrillas killed 10 soldiers")
            return "intended"
        if lem in DISRUPT and trig.pos_ != "VERB" and _object_of(trig, gov):
            return None  # "used tear gas to disperse a protest": the protest happened
        # (not what lies deeper: "stop using mines", "stop ... actions against strikes")
        if lem in REPORTING and gov.pos_ in ("VERB", "AUX"):
            return None  # reported speech: what the reporter says is taken as reported
        # (a report named by a noun is only as true as what is said of it: "denied the report
        # that the army is bombing ...")
        if rel != "conj" and lem in NONFACTIVE and not (lem in PREPARED and _presupposed(child, rel)):
            return "intended"
        if gov.pos_ in ("VERB", "AUX"):
            reason = _clause_modality(gov, child, rel, lem)
            if reason:
                return reason
        child = gov
    return None


#: Adverbs that make a clause say what usually happens, not what happened.
USUALLY = word_set("always usually often frequently normally habitually customarily")
# (not "generally": in news it mostly means "widely", "the attack was generally condemned")
#: Adverbs that make a present clause a habit ("we constantly suffer their attacks"), though
#: with a past verb they tell how one deed was done ("shot repeatedly at the building").
AGAIN = word_set("constantly continuously repeatedly")


def _usual(verb: Token) -> bool:
    present = verb.tag_ in ("VBP", "VBZ")
    return any(
        c.dep_ == "advmod" and (c.lower_ in USUALLY or (present and c.lower_ in AGAIN)) for c in verb.children
    )


def _directive(verb: Token) -> bool:
    """A sentence whose main verb is a bare infinitive with no subject: a demand or an item of a
    list of demands ("5. stop using land mines", "f. to suspend sabotage of power poles"), not a
    report; what it asks for has not (or not as one event) happened."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "auxpass") and not _list_label(c) for c in verb.children
        )
        and all(c.lower_ == "to" for c in verb.children if c.dep_ == "aux")
    )


def _own_subject(clause: Token) -> bool:
    """Whether a clause has a subject of its own (it tells a fact a demand above it cannot undo)."""
    return clause.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _list_label(tok: Token) -> bool:
    """The label of an item of a list ("b.", "3)"), which the parser may take for a subject."""
    label = tok.text[:-1]
    return tok.tag_ == "LS" or (
        len(tok.text) <= 3
        and tok.text[-1] in ".)"
        and (label.isdigit() or (len(label) == 1 and label.isalpha()))
    )  # "5.", "b)"; not "Mr.", "Dr."


def _island(child: Token, gov: Token) -> bool:
    """A relative clause or participle describing a noun states its own fact: "the guerrillas,
    who burned the houses, charged them with ...", "he threatened to punish the men who killed
    the mayor", "the priests murdered last friday". Its own negation or modal is read below it."""
    if gov.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    return child.dep_ == "relcl" or (child.dep_ == "acl" and child.tag_ in ("VBN", "VBD"))


#: Participles that describe the doers of a clause when they stand before its subject ("alleged
#: guerrillas murdered ..."), which the parser may read as a verb governing that clause.
ATTRIBUTIVE = word_set("alleged suspected presumed purported reputed supposed")


def _attributive(gov: Token, child: Token) -> bool:
    """Whether `gov` is such a participle misread as a verb: it has no subject or auxiliary of
    its own, and the clause it governs has a subject that starts right after it."""
    if gov.lower_ not in ATTRIBUTIVE or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.pos_ != "SCONJ" for c in gov.children
    ):  # ("that" made its subject is the clause's conjunction misread too)
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i == gov.i + 1 for c in child.children)


#: Governors that say how an event was prepared: their definite subject happened ("the attack
#: had been planned since September"), though their object need not ("they plan an attack").
PREPARED = word_set("plan prepare order plot decide intend")


#: Verbs that say their object, or what their clause tells, did not happen.
DENYING = word_set("deny refute")


def _blocked(trig: Token) -> str | None:
    """Why a presupposed event noun still did not happen: it is the object of a verb that
    prevents it ("foiled the attack") or of one that prepares it ("planned the attack")."""
    child = trig
    for gov in governors(trig)[:4]:
        lem = gov.lemma_.lower()
        if lem in presupposition.PREVENTING or (
            lem in presupposition.PLANNING and child.dep_ in ("dobj", "obj")
        ):
            return "intended"
        if gov.pos_ in ("VERB", "AUX"):
            if child.dep_ in ("nsubj", "nsubjpass") and _has_modal(gov):
                return "modal"  # "the attack would come soon": its own clause is not a fact
            if child is trig and _denied(gov, trig):
                return "negated"  # "denied the killing of peasants", "denied that the shooting occurred"
            return None  # the nearest clause is reached: higher verbs do not undo the noun
        child = gov
    return None


def _denied(verb: Token, noun: Token) -> bool:
    """Whether `verb` denies the event `noun` names: its object ("denied the killing of
    peasants") or the subject of a clause it denies that only tells the event happened ("denied
    that the shooting occurred"); not a part in it ("denied responsibility for the attack",
    "denied that its members took part in the action", "denied that the bombing killed
    civilians"), nor when the denial is itself negated ("did not deny the massacre")."""
    if noun.dep_ in ("dobj", "obj"):
        return verb.lemma_.lower() in DENYING and not _negated(verb)
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" or _negated(verb.head):
        return False
    done = [c for c in verb.children if c.dep_ in ("dobj", "obj", "agent")]  # but "took place"
    return verb.head.lemma_.lower() in DENYING and all(
        verb.lemma_ == "take" and c.lower_ == "place" for c in done
    )


def _presupposed(child: Token, rel: str) -> bool:
    """Whether `child` is a definite event noun that is the subject of its governor."""
    return (
        rel in ("nsubj", "nsubjpass")
        and child.pos_ == "NOUN"
        and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
            for c in child.children
        )
    )


def _clause_modality(gov: Token, child: Token, rel: str, lem: str) -> str | None:
    """What a governing verb's negation, modal or condition does to the clause it governs."""
    if rel in ("xcomp", "conj", "dobj", "nsubjpass", "attr", "ccomp") and _negated(gov) and lem != "fail":
        return "negated"  # not "has not reached [since the fall of ...]": a modifier keeps its truth
    if rel in ("xcomp", "conj", "dobj", "prep", "pobj", "nsubjpass", "nsubj", "attr", "agent", "dative") and (
        _has_modal(gov)
    ):
        return "modal"
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in gov.children) and rel != "advcl":
        return "hypothetical"
    # "revolutionaries always end up killing each other"; a noun only under a present verb
    if _usual(gov) and (
        rel in ("xcomp", "ccomp") or (rel in ("dobj", "nsubj", "nsubjpass") and gov.tag_ in ("VBP", "VBZ"))
    ):
        return "habitual"
    if (
        child.pos_ == "VERB"
        and _to_infinitive(child)
        and rel in ("advcl", "acl", "xcomp")
        and lem not in IMPLICATIVE
    ):
        return "intended"  # "in an effort to recapture", "sought to take back"
    return None


#: Verbs whose bare plural object is a kind of event asked to stop, not events told.
STOPPING = word_set("stop cease end halt suspend prevent")


#: Modifiers of a plural event noun that make it a habit or a kind of event, not events told:
#: "the constant raids by subversive groups", "repeated attacks on the population".
HABIT = frozenset({
    "constant", "frequent", "repeated", "continual", "continuous", "incessant", "persistent",
    "systematic", "sporadic", "occasional", "periodic", "recurrent", "recurring", "endless",
    "countless", "daily", "nightly",
})  # fmt: skip


#: Words for a share of a series of events ("most of the murders", "many of the attacks").
PORTIONS = word_set("most many some several majority")


def generic(trig: Token) -> bool:
    """A bare plural noun that names a kind of event, not one ("on the back of prison breaks"),
    or a plural one told as a habit ("the constant raids by subversive groups")."""
    if trig.pos_ not in ("NOUN", "PROPN") or trig.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "amod" and c.lower_ in HABIT for c in trig.children):
        return True
    if (
        trig.dep_ == "pobj"
        and trig.head.lower_ == "of"
        and trig.head.head.lower_ in PORTIONS
        and (trig.lemma_.lower(),) in lexicon().nouns
    ):
        return True  # "took part in most of the murders": a share of a series of deeds, no one deed
    if any(c.dep_ in ("det", "poss", "nummod") for c in trig.children):
        return False
    first = trig  # the first of a list of deeds stands for its members ("dozens of disappearances,
    while first.dep_ == "conj" and first.head.i != first.i:  # murders, and arrests")
        first = first.head
    if first is not trig and (first.lemma_.lower(),) not in lexicon().nouns:
        first = trig  # a list of things is no list of deeds ("dozens of machine guns, rockets")
    head = first.head
    if (
        first.dep_ == "pobj"
        and head.head.pos_ in ("NOUN", "PROPN")
        and head.lower_ in ("of", "in", "for", "on")
    ):
        return True  # a nominal modifier: "increase in defections", "for suicide-bomb missions"
    if first.dep_ in ("dobj", "obj") and head.tag_ == "VB" and head.lemma_.lower() in STOPPING:
        return True  # what is asked to stop is a kind: "stop assassinations", "to prevent kidnappings"
    # (not any base-form verb's: "to disperse student protesters", "to hold demonstrations")
    verb = next((g for g in governors(trig) if g.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.tag_ in ("VBZ", "VBP"):
        aux = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
        return not aux & {"have", "be"}
    return False


def habitual(trig: Token) -> bool:
    """A verb in the simple present describing what someone does, not what they did: "the
    militias who attack military positions", "groups that kidnap businessmen", "they are
    murdered or harassed". News reports events in the past or perfect; a relative clause in the
    present says what kind of people they are, a passive in the present what happens to them (a
    headline's present, "Rebels attack town", is the sentence's root, not this)."""
    if trig.pos_ != "VERB":
        return False
    if trig.tag_ == "VBN":
        aux = [c for c in trig.children if c.dep_ in ("aux", "auxpass")]
        return bool(aux) and all(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in aux)
    if trig.tag_ in ("VB", "VBP", "VBZ") and trig.dep_ == "conj" and trig.head.pos_ == "VERB":
        return habitual(trig.head)  # "the gangs that kidnap and kill businessmen"
    if trig.tag_ not in ("VBP", "VBZ") or trig.dep_ != "relcl":
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in trig.children)


def anaphoric(trig: Token) -> bool:
    """A definite mention that refers back to an event already reported ("the breakout",
    "their bid for freedom", "the escapees"), not one that introduces a new event with its
    own participants ("the execution of a Palestinian man", "the attack on a supermarket")."""
    dets = [c for c in trig.children if c.dep_ in ("det", "poss")]
    if not dets or not any(
        d.lower_ in ("the", "this", "that", "these", "those", "its", "their", "his", "her") for d in dets
    ):
        return False
    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "targeting") and trig.tag_ != "NNS":
            return False
    return True


def plural_reference(trig: Token) -> bool:
    """ "the two attacks", "both bombings": a look back at several events, not a new one."""
    return (
        trig.tag_ == "NNS"
        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in trig.children)
        and any(c.dep_ == "nummod" for c in trig.children)
    )
