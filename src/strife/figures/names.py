"""Words of persons' names in the parse, and the nouns that say what person someone is.

A name is the head of a run of proper nouns (or of a surname the sentence-case copy of a
one-case text left lower case: 'Pardo leal') that no actor or place mention covers and the
parser does not call a place, organisation or date, unless a person noun right before it says
what person it is ('radio announcer Mario Rueda Salazar'). `separate_person` tells a list the parser
read as appositions from one person renamed. Used by `strife.figures.people`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from strife.casing import parsed_copy
from strife.figures.lexicon import lexicon

_NOT_PERSON_ENTS = {
    "GPE",
    "LOC",
    "ORG",
    "NORP",
    "FAC",
    "DATE",
    "TIME",
    "EVENT",
    "PRODUCT",
    "LAW",
    "LANGUAGE",
    "WORK_OF_ART",
    "MONEY",
    "QUANTITY",
    "PERCENT",
    "CARDINAL",
    "ORDINAL",
}
#: Words that make the next proper noun a person's name ('Mr. Banks', 'Sra. Ruiz').
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sr", "sra", "srta", "don", "dona", "msgr", "monsignor"}


def person_noun(tok: Token) -> bool:
    """A person noun of the lexicon: a person, a civilian or a title."""
    lex = lexicon()
    lemma = tok.lemma_.lower()
    return lemma in lex.person_nouns or lemma in lex.civilian_nouns or lemma in lex.title_nouns


def is_name(tok: Token) -> bool:
    """A word of a person's name as the parse has it: a proper noun, or a word the entity
    recogniser calls a person (lower-case names are often tagged as common nouns)."""
    return (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON") and tok.is_alpha and len(tok) > 1


def _lowered_surname(tok: Token) -> bool:
    """A bare singular common noun after a proper-noun compound in a one-case text ('Maria Elena
    diaz', 'Pardo leal'): a surname that is also an English word, which the sentence-case copy
    left lower case, also when the tagger read it as a plural ('Luis banks'; people nouns
    such as 'FMLN members' are no surname)."""
    if tok.tag_ not in ("NN", "NNS") or not parsed_copy(tok.doc) or person_noun(tok):
        return False
    titles = lexicon().title_nouns  # 'POLICE CORPORAL OSWALDO palomino': a rank the parse took for
    if any(  # an adjective qualifies the name, not a common noun
        c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "amod" and c.lower_ not in titles)
        for c in tok.children
    ):
        return False
    return any(c.dep_ == "compound" and is_name(c) and c.i == tok.i - 1 for c in tok.children)


def name_word(tok: Token) -> bool:
    """A word of a person's name: a name (`is_name`) or a surname the copy left lower case."""
    return is_name(tok) or _lowered_surname(tok)


def name_head(tok: Token, outside: Callable[[Token], bool]) -> bool:
    """The last word of a person's name: a name no actor or place mention covers. A plural
    proper noun ('the Democrats') is no one's name unless a title or honorific makes it one
    ('Mr. Banks', 'Father Rivas': a surname the tagger took for a plural)."""
    if not name_word(tok) or tok.dep_ in ("compound", "flat"):
        return False
    name = [c for c in tok.children if c.dep_ in ("compound", "flat") and is_name(c)] + [tok]
    if tok.tag_ == "NNPS" and not any(_titled(c) for c in tok.children if c.dep_ == "compound"):
        return False
    described = _described_person(tok, name)
    return not any((t.ent_type_ in _NOT_PERSON_ENTS and not described) or not outside(t) for t in name)


def _described_person(tok: Token, name: list[Token]) -> bool:
    """The name follows a noun that says what person it is ('radio announcer Mario Rueda Salazar',
    'journalist Ana Ruiz'): a person, whatever entity type the recogniser gave its words (it
    often reads a one-case name after such a noun as an organisation)."""
    words = {t.i for t in name} | {t.i for t in tok.subtree if t.dep_ in ("compound", "flat") and is_name(t)}
    if min(words) == 0:
        return False
    before = tok.doc[min(words) - 1]
    return (
        before.dep_ == "compound" and before.head.i in words and person_noun(before) and not is_name(before)
    )


def _titled(tok: Token) -> bool:
    """An honorific or a title before a name ('Mr.', 'Dr', 'Father', 'General')."""
    word = tok.lower_.rstrip(".")
    return word in _HONORIFICS or word in lexicon().title_nouns


def separate_person(tok: Token) -> bool:
    """An apposition that is another person, not the same one renamed: a list the parser read
    as appositions ('the teacher, the priest and two others'; 'Jose Perez, Juan Gomez and ...';
    'his son, William; Gustavo Quintero, ...': a second name apposed to one person)."""
    if tok.dep_ != "appos":
        return False
    if any(c.dep_ == "conj" for c in tok.children):
        return True  # 'the teacher, the priest and two others': a list, read as an apposition
    if not name_word(tok):  # a surname the one-case copy left lower case is a name too
        return False
    head = tok.head
    if head.i < tok.i and not any(t.is_punct for t in tok.doc[head.i + 1 : tok.i]):
        return False  # 'Deputy Luis Chan Arrieta': one name the parser cut in two, no list
    if is_name(head) and head.ent_type_ not in _NOT_PERSON_ENTS:
        return True
    return any(c.dep_ == "appos" and c.i < tok.i and is_name(c) for c in head.children)
