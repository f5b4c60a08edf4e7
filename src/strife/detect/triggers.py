"""Event triggers in a parsed sentence: the verbs and nouns that report an event, with their family.

A verb is a trigger when its lemma is in a family (and, for families such as `territory` or
`arrest`, when its object is of the right kind: one "seizes" a town, a person or a weapons
cache); a phrasal verb ("break out", "open fire", "set fire to") takes precedence over the bare
verb. Nouns are matched longest first on lemmas ("air strike", "car bomb"). Participant nouns
("the escapees") and instrument nouns ("a rocket") are kept as weak triggers: they say what kind
of event is meant but make one only together with other evidence (see `grouping`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strife.casing import original_text
from strife.detect.lexicon import Lexicon, lexicon

Token = Any  # spaCy Token
Sent = Any  # spaCy Span

#: Dependencies of a verb's object-like arguments (whose kind chooses the verb's sense).
OBJECT_DEPS = {"dobj", "nsubjpass", "obj", "attr", "oprd"}


@dataclass
class Trigger:
    """One trigger word (or phrase) of a sentence."""

    token: Token  # the head word
    start: int  # character offsets into the Doc's text
    end: int
    family: str
    kind: str  # "verb", "noun", "participant" or "instrument"
    alternatives: list[str] = field(default_factory=list)  # other families the word may have

    @property
    def weak(self) -> bool:
        return self.kind in ("participant", "instrument")

    @property
    def text(self) -> str:
        """The words as `Article.text` writes them (the parse may be of a sentence-case copy)."""
        return original_text(self.token.doc)[self.start : self.end]


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def np_lemmas(tok: Token) -> list[str]:
    """Lemmas of the noun phrase headed by `tok` (its left modifiers and itself), plus the head of
    an `of` complement ("dozens of prisoners" is about prisoners)."""
    out = [lemma(t) for t in tok.subtree if t.i <= tok.i and t.i >= tok.left_edge.i]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            out += [lemma(g) for g in child.children if g.dep_ == "pobj"]
    if tok.ent_type_ in ("PERSON", "NORP"):
        out.append("person")
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        out.append("town")
    return out


def object_kinds(verb: Token, lex: Lexicon) -> set[str]:
    """Kinds of the verb's object (or passive subject, or the `of` complement of its object)."""
    kinds: set[str] = set()
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            kinds |= lex.kind_of(np_lemmas(child))
            if child.like_num or child.pos_ == "NUM":
                kinds.add("person")  # "more than 100 had been recaptured"
        elif child.dep_ == "prep" and child.lower_ in ("of", "over", "from", "into"):  # "drove them from X"
            for g in child.children:
                if g.dep_ == "pobj":
                    found = lex.kind_of(np_lemmas(g))
                    # "from"/"into" say where from or where to, not what was taken: "weapons
                    # seized from the guerrillas" took no person
                    kinds |= found if child.lower_ in ("of", "over") else found & {"place"}
        if child.dep_ == "dobj" and child.lemma_.lower() in ("control", "ground", "authority"):
            kinds.add("place")  # "took control of", "regained ground"
    if verb.dep_ in ("acl", "relcl", "amod") and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        kinds |= lex.kind_of(np_lemmas(_antecedent(verb.head)))  # "captives seized by inmates"
    return kinds


def _antecedent(tok: Token) -> Token:
    """The noun a pro-form "one" stands for when a copula says what it is ("the arsenal is the
    largest one seized"): the subject; else the word itself."""
    if tok.lower_ == "one" and tok.dep_ == "attr":
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
    return tok


def _phrasal(verb: Token, lex: Lexicon) -> tuple[str, int, str] | None:
    """The family of a phrasal use of `verb`, the end token index of the phrase and the
    phrase as the lexicon writes it."""
    options = lex.phrasal.get(lemma(verb), [])
    if not options:
        return None
    subtree = {t.i for t in verb.subtree}
    doc = verb.doc
    for rest, family in sorted(options, key=lambda o: -len(o[0])):
        words = rest.split()
        for offset in range(1, 7):
            i = verb.i + offset
            if i + len(words) > len(doc) or i >= verb.sent.end:
                break
            seq = [t.lemma_.lower() for t in doc[i : i + len(words)]]
            lower = [t.lower_ for t in doc[i : i + len(words)]]
            if (seq == words or lower == words) and i in subtree:
                return family, i + len(words) - 1, f"{lemma(verb)} {rest}"
    return None


def _context_ok(family: str, sent_lemmas: set[str], lex: Lexicon) -> bool:
    ctx = lex.families[family].context
    return not ctx or bool(ctx & sent_lemmas)


def _verb_trigger(tok: Token, lex: Lexicon, sent_lemmas: set[str]) -> Trigger | None:
    if (
        not (tok.pos_ == "VERB" or tok.tag_ in ("VBD", "VBN", "VBZ", "VBG")) or tok.dep_ == "amod"
    ):  # "captured fighters", "wounded soldiers"
        return None
    kinds = object_kinds(tok, lex)
    phrasal = _phrasal(tok, lex)
    if phrasal and _context_ok(phrasal[0], sent_lemmas, lex):
        family, end, entry = phrasal
        if lex.families[family].fits(entry, kinds):
            return Trigger(tok, tok.idx, tok.doc[end].idx + len(tok.doc[end]), family, "verb")
    families = [f for f in lex.verbs.get(lemma(tok), []) if _context_ok(f, sent_lemmas, lex)]
    if not families:
        return None
    fitting = [f for f in families if lex.families[f].fits(lemma(tok), kinds)]
    if not fitting:
        return None
    # A specific sense (chosen by the object) before a general one.
    fitting.sort(key=lambda f: 0 if lex.families[f].objects else 1)
    kind = "noun" if _nominal_gerund(tok) else "verb"
    return Trigger(tok, tok.idx, tok.idx + len(tok), fitting[0], kind, fitting[1:])


#: Determiners before a gerund that make it a noun ("the killing", "this bombing").
GERUND_DETS = frozenset({"the", "this", "that", "a", "an", "another"})


def _nominal_gerund(tok: Token) -> bool:
    """A gerund with a determiner is an event noun ("minutes after the killing"): the parser,
    notably on text in one case, often tags it a verb, which would make it a new event rather
    than a reference back to one."""
    return tok.tag_ == "VBG" and any(c.dep_ == "det" and c.lower_ in GERUND_DETS for c in tok.children)


def _noun_triggers(sent: Sent, lex: Lexicon, sent_lemmas: set[str]) -> list[Trigger]:
    out: list[Trigger] = []
    tokens = list(sent)
    lemmas = [lemma(t) for t in tokens]
    lowers = [t.lower_ for t in tokens]
    tags = [t.pos_ for t in tokens]  # read once: each word is asked as the head of up to 4 phrases
    i = 0
    while i < len(tokens):
        found = None
        for n in range(min(lex.max_noun_len, len(tokens) - i), 0, -1):
            pos = tags[i + n - 1]
            if pos not in ("NOUN", "PROPN", "X") or (
                n == 1 and ((pos == "PROPN" and tokens[i].ent_type_) or _month(tokens[i]))
            ):
                continue  # "March" the month, "Battle" in a name (a headline's "Battle rages" counts)
            for seq in (tuple(lemmas[i : i + n]), tuple(lowers[i : i + n])):
                for index, kind in (
                    (lex.nouns, "noun"),
                    (lex.participants, "participant"),
                    (lex.instruments, "instrument"),
                ):
                    hit = index.get(seq)
                    if hit:
                        family = hit[0] if isinstance(hit, list) else hit
                        if kind != "participant" or _context_ok(family, sent_lemmas, lex):
                            found = (n, family, kind)
                            break
                if found:
                    break
            if found:
                break
        if found:
            n, family, kind = found
            span = tokens[i : i + n]
            inside = {t.i for t in span}
            head = next((t for t in reversed(span) if t.head.i not in inside or t.head is t), span[-1])
            if not (head.dep_ == "compound" and kind == "noun"):  # "attack helicopter", "protest leader"
                out.append(Trigger(head, tokens[i].idx, head.idx + len(head), family, kind))
            i += n
        else:
            i += 1
    return out


MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _month(tok: Token) -> bool:
    """A month name with a day number beside it ("the 19 march elections", "march 19"): a
    date, which a text in one case does not mark as one by its capital or entity label."""
    if tok.lower_ not in MONTHS:
        return False
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return tok.ent_type_ == "DATE" or any(t.like_num for t in near)


def find_triggers(sent: Sent, lex: Lexicon | None = None) -> list[Trigger]:
    """All triggers of a sentence (a spaCy Span), in text order."""
    lex = lex or lexicon()
    sent_lemmas = {lemma(t) for t in sent} | {t.lower_ for t in sent}
    out = _noun_triggers(sent, lex, sent_lemmas)
    taken = {t.token.i for t in out}
    for tok in sent:
        if tok.i in taken:
            continue
        trig = _verb_trigger(tok, lex, sent_lemmas)
        if trig:
            out.append(trig)
    # An instrument counts only where the sentence says it was used ("a rocket landed").
    out = [t for t in out if t.kind != "instrument" or _used(t.token, lex)]
    return sorted(out, key=lambda t: t.start)


#: Dependencies by which a word hangs on the verb as what is acted on, not what acts.
ACTED_ON = frozenset({"dobj", "nsubjpass", "obj", "conj", "compound", "appos"})


def _used(tok: Token, lex: Lexicon) -> bool:
    head, path = tok, []
    for _ in range(4):
        if head.dep_ in ("compound", "conj", "pobj", "prep", "nsubj", "nsubjpass", "dobj", "appos", "agent"):
            path.append(head.dep_)
            head = head.head
            if head.pos_ in ("VERB", "AUX"):
                if _seized(head, path, lex):
                    return False
                return lemma(head) in lex.instrument_verbs or lemma(head) in lex.verbs
        else:
            break
    return head.pos_ == "VERB" and lemma(head) in lex.instrument_verbs


def _seized(verb: Token, path: list[str], lex: Lexicon) -> bool:
    """Whether an instrument reached by the dependencies `path` is what a verb of taking or
    trading weapons acts on ("troops confiscated rifles, 6 grenades and ..."): a weapon taken
    was not used (the verb may still tell a disrupted use; a bomb found or defused is kept,
    an attempted attack)."""
    return lemma(verb) in lex.seizure_verbs and all(d in ACTED_ON for d in path)
