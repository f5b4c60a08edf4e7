"""The people a report names as an event's victims outside the words that tell the event (used
by the `arguments` stage):

- those it says the harmed are: "the victims were identified as X and Y", "the dead are X and
  Y", "one of them is X", "the other victim, X, is recovering", "X and Y were the teachers
  killed", "the bodies, including X";
- "they are X, Y and Z" right after a sentence about the harmed ("three people died in the
  blast ... they are ...");
- "identified the student as X", when the student is one of the harmed ("one of the persons
  wounded was a student");
- a name the report gives the plural word it uses for victims it does not name: "engineers X, Y
  and Z" for "three engineers were kidnapped", "X, a businessman" for "two businessmen were
  kidnapped" (a singular word, "the businessman was kidnapped", is not matched).

It reads the event's sentences, those between them that no other event tells, and those after
them before the next event's; a name given a victim's word may also come in the sentences just
before (the report named the person, then told the event of "the businessmen").
"""

from __future__ import annotations

from strife.detect import roles
from strife.detect.triggers import Sent, Token
from strife.models import Article, Event

#: Nouns for the people an event harmed, as a report refers back to them.
HARMED = frozenset({"victim", "dead", "deceased", "hostage", "body", "corpse", "casualty", "captive"})
#: Participles that make a word for people a word for those an event harmed ("the wounded
#: nuns", "the missionaries killed", "the kidnapped engineers").
HARMING = frozenset({"kill", "wound", "injure", "kidnap", "abduct", "murder", "dead", "wounded", "injured"})
#: Words for a victim too general to tell which named person is meant ("a person", "members").
GENERAL = frozenset({"person", "people", "man", "woman", "member", "other", "one", "civilian", "individual"})
#: How many sentences after the event's (before the next event's) may name its victims.
AFTER = 5
#: How many sentences before the event's may name a victim the event's words describe.
BEFORE = 2


def harmed(tok: Token) -> bool:
    """Whether a noun phrase refers back to people an event harmed: "the victims", "the dead",
    "the wounded nuns", "the missionaries killed", and, among them, "one of them", "the other
    person", "one of the persons wounded"."""
    low = tok.lemma_.lower()
    if low in HARMED:
        return True
    if tok.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "acl")
        and (c.lemma_.lower() in HARMING or c.lower_ in HARMING)
        and not list(c.children)
        for c in tok.children
    ):
        return True
    if low not in ("one", "person", "other"):
        return False
    return any(c.lower_ == "other" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "them" or harmed(g) for g in c.children)
        for c in tok.children
    )


def _as_objects(verb: Token) -> list[Token]:
    """The objects of a verb's "as" ("identified as X and Y")."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def window(article: Article, event: Event, sents: list[Sent], before: int = 0) -> list[int]:
    """The indices of the event's sentences, of those between them that no other event tells,
    of up to `AFTER` after them and `before` before them, up to another event's sentence."""
    if not event.sentences:
        return []
    taken = {i for e in article.events if e is not event for i in e.sentences}
    first, last = min(event.sentences), max(event.sentences)
    out = [i for i in range(first, last + 1) if i in event.sentences or i not in taken]
    i = last + 1
    while i < len(sents) and i not in taken and i <= last + AFTER:
        out.append(i)
        i += 1
    i = first - 1
    while i >= 0 and i not in taken and i >= first - before:
        out.insert(0, i)
        i -= 1
    return [i for i in out if i < len(sents) and sents[i] is not None]


def identified(article: Article, event: Event, sents: list[Sent], patients: list[Token]) -> list[Token]:
    """The people the report names as the event's victims (the module's rules); `patients`: the
    heads of the phrases the event's own words give as its victims and targets."""
    out: list[Token] = []
    near = window(article, event, sents)
    heads = [_counted(p) for p in patients]
    described = {_word(h) for h in heads if h.pos_ == "NOUN"} - GENERAL
    for k in near:
        for tok in sents[k]:
            if harmed(tok) and tok.dep_ in (
                "nsubj",
                "nsubjpass",
                "attr",
            ):  # "one of those hurt was a student"
                described |= {
                    c.lemma_.lower() for c in tok.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"
                }
    for k in near:
        for tok in sents[k]:
            out += _equated(tok, described)
        if k > 0 and k - 1 in near and any(harmed(t) for t in sents[k - 1]):
            out += _they_are(sents[k])
    counted = {_word(h) for h in heads if h.tag_ == "NNS"} - GENERAL  # "three engineers"
    told = {h.sent.start for h in heads if h.tag_ == "NNS"}  # a sentence with them tells its own
    for k in window(article, event, sents, BEFORE):
        out += [
            n
            for tok in sents[k]
            if tok.sent.start not in told and _titled(tok, counted)
            for n in _listed(tok)
        ]
    return out


def _equated(tok: Token, described: set[str]) -> list[Token]:
    """The people a sentence equates with the harmed, read from `tok`'s place in it."""
    verb = tok.head
    verb_lemma = verb.lemma_.lower()
    if tok.dep_ == "appos" and harmed(verb):
        return [tok]  # "the other victim, X, ..."
    if tok.dep_ == "prep" and harmed(verb):
        return roles.included(tok)  # "the bodies, including X"
    if tok.dep_ == "dobj" and verb_lemma == "identify" and (harmed(tok) or tok.lemma_.lower() in described):
        return _as_objects(verb)  # "identified the victims (the student) as X"
    if tok.dep_ == "attr" and verb_lemma == "be" and harmed(tok):
        return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]  # "X were the ... killed"
    if tok.dep_ not in ("nsubj", "nsubjpass") or not harmed(tok):
        return []
    if verb_lemma == "identify":
        return _as_objects(verb)  # "the victims were identified as X"
    if verb_lemma == "be":
        return [c for c in verb.children if c.dep_ == "attr"]  # "the dead are X and Y"
    return []


def _they_are(sent: Sent) -> list[Token]:
    """The names in "they are X, Y and Z" (after a sentence about the harmed; a list item the
    parse hung on the verb too)."""
    return [
        n
        for tok in sent
        if tok.lower_ == "they" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be"
        for a in tok.head.children
        if a.dep_ in ("attr", "conj") and _named(a)
        for n in _listed(a)
    ]


def _listed(tok: Token) -> list[Token]:
    """A name and the names the parse hung on it as appositions: in "X, Y, and Z" they are items
    of a list, not descriptions of X."""
    return [tok, *[c for c in tok.children if c.dep_ == "appos" and _named(c)]]


def _named(tok: Token) -> bool:
    """Whether a noun phrase is a person's name (the parse may read a surname as a noun)."""
    if tok.pos_ not in ("PROPN", "NOUN"):
        return False
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ == "PERSON"
        or any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in tok.subtree if t.i < tok.i)
    )


def _titled(tok: Token, described: set[str]) -> bool:
    """Whether `tok` is a name the report gives a word it uses for unnamed victims (`described`:
    plural heads' words): "engineers X, Y and Z", "X, a businessman" for "two businessmen"; not a
    speaker ("police officer X said") nor a doer ("army officer X led the attack")."""
    if not _named(tok) or tok.ent_type_ not in ("PERSON", "") or tok.dep_ in ("compound", "appos"):
        return False
    if _word(tok) in described:
        return False  # a word for the victims itself ("Machineguns" read as a name), no name
    if tok.dep_ == "nsubj" and (
        tok.head.lemma_.lower() in ("say", "tell", "report", "add", "state", "announce")
        or any(c.dep_ in ("dobj", "obj") for c in tok.head.children)
    ):
        return False  # a speaker, or a doer ("army officer X led the attack")
    titles = [c for c in tok.children if c.dep_ == "appos" and c.tag_ == "NN"]  # "X, a businessman"
    titles += [t for t in tok.subtree if t.i < tok.i and t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")]
    return any(_word(t) in described for t in titles)


def _word(tok: Token) -> str:
    """A noun's lemma; a plural the tagger read as a name ("Engineers") is taken as a noun's."""
    low = tok.lemma_.lower()
    return low[:-1] if tok.pos_ == "PROPN" and low.endswith("s") else low


def _counted(tok: Token) -> Token:
    """The noun a quantity counts ("two of the engineers"), else `tok`."""
    if tok.pos_ in ("NUM", "PRON") or tok.like_num:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), tok)
    return tok
