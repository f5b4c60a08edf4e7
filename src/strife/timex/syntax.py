"""What the dependency parse says about a time expression and an event's trigger.

All functions take the spaCy `Doc` (or None: then they answer "don't know" in the way that
leaves the caller on its positional fallback).
"""

from __future__ import annotations

from typing import Any

#: How many steps up the parse tree from a time expression still count as "attached".
ATTACH_DEPTH = 4
_VERBS = {"VERB"}
_NOUN_MODIFIERS = {"acl", "amod"}
_OWN_CLAUSES = {"advcl", "ccomp"}
#: Verbs that end a captivity: their time is the release's, not the kidnapping's.
_ENDING = {"release", "free", "rescue", "liberate"}
#: Subordinators of a clause that happens at the time of its head.
_SIMULTANEOUS = {"when", "as", "while", "whilst", "whereupon"}
#: Prepositions that name an event as one that came before the act they modify ("dismantled a
#: radio centre today in response to the attacks", "arrested after the murder"); the last word
#: of a multi-word preposition ("in response to", "in retaliation for", "because of"), and the
#: responsibility claimed for an act already done ("leaflets claiming responsibility for the murder").
_EARLIER = {"after", "following", "since"}
_EARLIER_PHRASES = {
    ("response", "to"),
    ("retaliation", "for"),
    ("reprisal", "for"),
    ("because", "of"),
    ("responsibility", "for"),
}


def token_at(doc: Any, offset: int) -> Any:
    if doc is None:
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _root(doc: Any, start: int, end: int) -> Any:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def attached(doc: Any, start: int, end: int, trigger: Any) -> bool:
    """Does the trigger govern the expression within a few steps of the parse tree?"""
    tok = _root(doc, start, end)
    if tok is None or trigger is None:
        return False
    for _ in range(ATTACH_DEPTH + 1):
        if tok.i == trigger.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _governing_verb(tok: Any) -> Any:
    """The verb of the clause holding `tok`; participles that modify a noun ("forces backed
    by air strikes") head no clause of their own."""
    while tok is not None:
        if tok.pos_ in _VERBS and tok.dep_ not in _NOUN_MODIFIERS:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def foreign_clause(doc: Any, start: int, end: int, trigger: Any) -> bool:
    """Is the expression in a clause of its own that the trigger is not part of?

    "Jihadists who took over the prison ... since the caliphate was destroyed three years ago":
    "three years ago" belongs to "destroyed", not to "took over".
    """
    root = _root(doc, start, end)
    if root is None or trigger is None:
        return False
    verb = _governing_verb(root)
    if verb is None or verb.i == trigger.i:
        return False
    if verb.is_ancestor(trigger):
        return _named_as_done(trigger, verb, root)
    if not trigger.is_ancestor(verb):
        return True
    # under the trigger: a relative clause describes a participant and shares the story
    # ("captives seized by inmates who had begun a mutiny on Thursday night"), an adverbial
    # or reported clause is an event of its own ("holding out ... since the caliphate was
    # destroyed three years ago")
    tok = verb
    while tok.i != trigger.i:
        if tok.dep_ in _OWN_CLAUSES and not _simultaneous(tok):
            return True
        tok = tok.head
    return False


def names_earlier_event(doc: Any, start: int, end: int, trigger: Any) -> bool:
    """Does the expression date a verb whose infinitive names the event as its object ("the
    court today ordered a judge to investigate the murder"), or that names it as what came
    before ("the authorities today dismantled a radio centre in response to the attacks")?
    Then that day is the order's, and the murder, told as something already done, is not of
    that day in any way."""
    root = _root(doc, start, end)
    if root is None or trigger is None:
        return False
    verb = _governing_verb(root)
    return (
        verb is not None
        and verb.i != trigger.i
        and verb.is_ancestor(trigger)
        and _named_as_done(trigger, verb, root)
    )


def _named_as_done(trigger: Any, verb: Any, root: Any) -> bool:
    """Is the trigger named under the dated verb as an act already done, by an infinitive or a
    preposition? Not when the expression is the trigger's own ("to investigate the 1987 murder",
    "after the 16 November assassination")."""
    if trigger.is_ancestor(root):
        return False
    return _infinitive_object(trigger, verb) or _earlier_object(trigger, verb)


def told_as_earlier(trigger: Any) -> bool:
    """Is a nominal trigger named, by a preposition, as what came before its clause's act
    ("after the assassination of the senator, the judges decided ...", "in response to the
    attacks")? Its story is then an earlier one than the clause's."""
    if trigger is None or trigger.pos_ in _VERBS or trigger.dep_ != "pobj":
        return False
    verb = _governing_verb(trigger.head)
    return verb is not None and _earlier_object(trigger, verb)


def _earlier_object(trigger: Any, verb: Any) -> bool:
    """Is a nominal trigger the object of a preposition that puts it before the verb's act
    ("in response to the attacks", "after the murder", "following the bombing"), with no other
    verb between them?"""
    if trigger.pos_ in _VERBS or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    own = _governing_verb(prep)
    if own is None or own.i != verb.i:
        return False
    word = prep.lower_
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return word in _EARLIER or (before, word) in _EARLIER_PHRASES


def _infinitive_object(trigger: Any, verb: Any) -> bool:
    """Is a nominal trigger the object of an infinitive under the dated verb ("the court today
    ordered a judge to investigate the murder", "judges resigned today to protest the
    assassination")? The infinitive is a purpose or an order, later than the event it names:
    the verb's time is not the event's. So is a gerund after "of" ("the prosecutor in charge of
    investigating the murder today issued a warrant", "the colonel accused of ordering the
    massacre resigned today"); not one after "after" ("derailed today after hitting a mine")."""
    if trigger.pos_ in _VERBS or trigger.head.i == trigger.i:
        return False
    own = _governing_verb(trigger.head)
    return (
        own is not None
        and own.i != verb.i
        and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in own.children)
            # a gerund after "of": "in charge of investigating the murder", "accused of ordering it"
            or (own.tag_ == "VBG" and own.dep_ == "pcomp" and own.head.lower_ == "of")
        )
    )


def _simultaneous(verb: Any) -> bool:
    """Does the clause say when its head happened ("six were killed when a car bomb exploded
    today", "as they passed by")? Its time is the head's, not an event of its own."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _SIMULTANEOUS and c.i < verb.i for c in verb.children
    )


def dates_release(doc: Any, start: int, end: int) -> bool:
    """Does the expression date the end of a captivity ("kidnapped in Colombia and released
    today", "were set free today")? For a kidnapping that is the release's day, not its own. Not
    when a participle nearer the expression holds it ("three foreigners, kidnapped on 27 May,
    have been released": the day is the kidnapping's)."""
    root = _root(doc, start, end)
    verb = _governing_verb(root) if root is not None else None
    if verb is None or _nearer_participle(root, verb):
        return False
    lemma = str(verb.lemma_).lower()
    return lemma in _ENDING or (lemma == "set" and any(c.lower_ == "free" for c in verb.children))


def _nearer_participle(tok: Any, verb: Any) -> bool:
    """Is there, between `tok` and the verb of its clause, a participle describing a noun
    ("foreigners kidnapped on 27 May")? The expression then dates that participle's act."""
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.pos_ in _VERBS and tok.dep_ in _NOUN_MODIFIERS:
            return True
        tok = tok.head
    return False
