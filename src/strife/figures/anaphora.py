"""People named again: 'the priests' after 'six priests' are those six.

A plural person noun made definite with no number of its own ("the priests", "these soldiers",
"the Jesuits") is read as at least two (`strife.figures.people`): the text says these people were
harmed, not how many. When a figure a few sentences before counted people by the same noun
with a number ("six Jesuit priests were murdered"), the definite noun names those people again,
and it takes that figure's number, so a restatement ("the government will investigate the
murder of the Jesuits") tells the same six, not a new "at least two". Nouns match by their
head or a word that qualifies it ("six Jesuit priests" / "the Jesuits"). A noun qualified as
other people ("the other priests") or owned ("their bodyguards") is not a restatement.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from strife.figures.extract import Found

#: Determiners that make a noun name people already known.
_DEFINITE = {"the", "these", "those"}
#: Words that make them other people than those told before.
_OTHERS = {"other", "more", "additional", "further", "remaining", "surviving", "rest"}
#: How many sentences back the people may have been counted (a definite noun names people told
#: recently; further back, the same noun is more often other people of the same kind).
WINDOW = 5


def _names(tok: Token) -> set[str]:
    """The noun's lemma and those of the words qualifying it ('Jesuit priests')."""
    words = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    return {tok.lemma_.lower(), *(w.lemma_.lower() for w in words)}


def _definite_plural(f: Found) -> bool:
    """A person counted without a number by a definite plural noun ('the priests')."""
    noun = f.noun
    if f.q.head is None or noun is None or noun.tag_ not in ("NNS", "NNPS"):
        return False
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet")}
    if not dets or not dets <= _DEFINITE:
        return False
    return not any(c.lower_ in _OTHERS or c.dep_ == "poss" for c in noun.children)


def _counted(base: Found) -> bool:
    """A figure that counts people by a number (not a total of parts, a share or a whole war)."""
    return (
        base.q.head is None
        and base.noun is not None
        and base.q.value is not None
        and base.q.fraction is None
        and not base.parts
        and not base.aggregate
        and base.kind is not None
    )


def _same_people(f: Found, base: Found) -> bool:
    """The same noun, and a fate the people counted before can still undergo (the dead only
    die: 'five students were killed ... the students who fled' are others)."""
    if f.noun is None or base.noun is None or (base.kind == "fatalities" and f.kind != "fatalities"):
        return False
    mine, theirs = _names(f.noun), _names(base.noun)
    return f.noun.lemma_.lower() in theirs or base.noun.lemma_.lower() in mine


def resolve_definites(found: list[Found], window: int = WINDOW) -> None:
    """Give a definite plural ('the priests') the number of the nearest figure up to `window`
    sentences before that counted the same people ('six priests')."""
    for i, f in enumerate(found):
        if not _definite_plural(f):
            continue
        base = next(
            (
                b
                for b in reversed(found[:i])
                if f.sentence - window <= b.sentence and _counted(b) and _same_people(f, b)
            ),
            None,
        )
        if base is not None:
            f.q = replace(f.q, low=base.q.low, high=base.q.high, qualifier=base.q.qualifier)
            f.group = f.group or base.group
