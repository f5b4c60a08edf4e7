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
#: Subordinators of a clause that happens at the time of its head.
_SIMULTANEOUS = {"when", "as", "while", "whilst", "whereupon"}


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
    if verb is None or verb.i == trigger.i or verb.is_ancestor(trigger):
        return False
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


def _simultaneous(verb: Any) -> bool:
    """Does the clause say when its head happened ("six were killed when a car bomb exploded
    today", "as they passed by")? Its time is the head's, not an event of its own."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _SIMULTANEOUS and c.i < verb.i for c in verb.children
    )
