"""What a pronoun that names the doers of an event refers to ("they", "we", "he").

Two rules, tried in order:

- *the speaker*: a pronoun subject inside what a reporting verb's subject says refers to that
  subject ("rebel commanders said they recaptured a crossroads", "the army reported that it
  ..."), when number agrees;
- *the nearest doer*: otherwise the nearest earlier actor mention of a party (not a monitor or
  a news outlet, not civilians) in the same sentence or the one before, or failing that the
  nearest earlier plural subject naming people ("guerrillas attacked the farm, where they
  burned the facilities").

Only these two: a wrong antecedent makes a wrong perpetrator, so a pronoun with no fitting
candidate stays unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence

from strife.detect import modality
from strife.detect.lexicon import Lexicon
from strife.detect.triggers import Token, np_lemmas
from strife.models import ActorMention

PLURAL = {"they", "we", "them", "us"}
SINGULAR = {"he", "she", "him", "her"}
GROUP_SINGULAR = {"it"}
#: Verbs whose subject speaks for the doers of what the complement reports.
SPEECH = {"say", "claim", "report", "tell", "state", "add", "announce", "confirm", "insist", "boast"}
SUBJECTS = ("nsubj", "nsubjpass")
#: Actor dictionary kinds that report on events and are never a party to them.
NOT_PARTIES = frozenset({"monitor", "media"})


def _plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or tok.lower_ in PLURAL


def _agrees(pron: Token, tok: Token) -> bool:
    if pron.lower_ in PLURAL:
        return _plural(tok) or tok.pos_ == "PROPN" or tok.lower_ in ("army", "police", "government")
    if pron.lower_ in SINGULAR:
        return not _plural(tok) and tok.ent_type_ in ("PERSON", "")
    return not _plural(tok)  # "it": a group named in the singular


def speaker(pron: Token) -> Token | None:
    """The subject of the reporting verb whose complement holds `pron`, if number agrees."""
    child = pron
    for gov in modality.governors(pron):
        if gov.lemma_.lower() in SPEECH and child.dep_ in ("ccomp", "parataxis", "advcl"):
            subjects = [c for c in gov.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
            if subjects and _agrees(pron, subjects[0]):
                return subjects[0]
            return None
        child = gov
    return None


def _root(mention: ActorMention, doc) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def nearest(pron: Token, mentions: Sequence[ActorMention], lex: Lexicon) -> Token | None:
    """The nearest earlier party mention, else plural person subject, in this or the last
    sentence."""
    doc, sent = pron.doc, pron.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    lo = doc[start].idx
    candidates = [
        m
        for m in mentions
        if lo <= m.start and m.end <= pron.idx and m.type not in NOT_PARTIES and m.actor_type != "Civilians"
    ]
    for m in sorted(candidates, key=lambda m: -m.start):
        tok = _root(m, doc)
        if tok is not None and tok.pos_ != "PRON" and _agrees(pron, tok):
            return tok
    if pron.lower_ not in PLURAL:
        return None
    for tok in reversed(doc[start : pron.i]):
        if (
            tok.dep_ in SUBJECTS
            and _plural(tok)
            and tok.pos_ == "NOUN"
            and "person" in lex.kind_of(np_lemmas(tok))
        ):
            return tok
    return None


def antecedent(pron: Token, mentions: Sequence[ActorMention], lex: Lexicon) -> Token | None:
    """The head of the noun phrase `pron` refers to, or None (see the module docstring)."""
    if pron.pos_ != "PRON" or pron.lower_ not in PLURAL | SINGULAR | GROUP_SINGULAR:
        return None
    return speaker(pron) or nearest(pron, mentions, lex)
