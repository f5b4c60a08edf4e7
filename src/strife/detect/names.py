"""Personal names inside noun phrases ("police commander colonel Waldemar Franklin Quintero",
"Hector Oqueli Colindres, a leader of the party"), in mixed-case text or text in one case.

A name is a run of words ending the phrase (or its apposition) that are not descriptors: not a
title or a word for a kind of person ("colonel", "priest", "peasant"), not an adjective, a place
or an actor's name. In mixed-case text a name is capitalised or tagged a person; in text written
in one case (MUC-4, chat logs) capitals say nothing, so at least one word of the run must be
outside the English dictionary: the WordNet word index that ships with spaCy's English
lemmatizer ("Colindres", "Quintero" are not in it; "Hector", "Franklin" are, and join a run that
has such a word).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from strife.detect import roles
from strife.detect.lexicon import Lexicon
from strife.detect.triggers import Token

POS = ("noun", "verb", "adj", "adv")
#: Words a name is never made of, even where the dictionary lacks them.
FUNCTION_TAGS = {
    "DT",
    "IN",
    "CC",
    "PRP",
    "PRP$",
    "WP",
    "WP$",
    "WDT",
    "WRB",
    "CD",
    "POS",
    "TO",
    "MD",
    "EX",
    "RB",
}


def english_words(nlp: Any) -> frozenset[str]:
    """Lower-case English words of the pipeline's lemmatizer index (empty when it has none)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    words: set[str] = set()
    for pos in POS:
        if pos in table:
            words.update(w.lower() for w in table[pos] if "_" not in w)
    return frozenset(words)


def _letters(tok: Token) -> bool:
    core = tok.text.replace("'", "").replace("-", "").replace(".", "")
    return bool(core) and core.isalpha()


def _descriptor(tok: Token, lex: Lexicon, taken: Collection[int]) -> bool:
    """A word that describes a person rather than naming one."""
    low = tok.lower_.rstrip(".")
    if tok.i in taken or tok.tag_ in FUNCTION_TAGS or tok.ent_type_ in ("NORP", "DATE"):
        return True
    return (
        low in lex.titles or "person" in lex.kind_of([tok.lemma_.lower()]) or "person" in lex.kind_of([low])
    )


def _named(run: list[Token], words: frozenset[str], monocase: bool) -> bool:
    if any(t.ent_type_ == "PERSON" for t in run):
        return True
    if not monocase:
        return all(t.text[:1].isupper() for t in run)
    # the surname ends the run: outside the dictionary, or a proper noun beside a word that is
    # ("liqueur plant" is no name; "Luis Carlos Galan" is though "galan" is in WordNet)
    last = run[-1]
    rare = [t for t in run if not _common(t, words)]
    return not _common(last, words) or (bool(rare) and last.pos_ == "PROPN")


def _plain(tok: Token, words: frozenset[str], monocase: bool) -> bool:
    """An ordinary word, not part of a name: lower case in mixed-case text, in the dictionary
    in text written in one case."""
    return _common(tok, words) if monocase else not tok.text[:1].isupper()


def _common(tok: Token, words: frozenset[str]) -> bool:
    """In the dictionary as written or as its lemma ("stores", "killed"), punctuation the
    tokenizer left on it aside ("highway--")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return any(w in words or w.strip("-.'") in words for w in (low, lemma))


def _adjective(tok: Token, words: frozenset[str]) -> bool:
    """A dictionary adjective before a name, which describes the person ("wounded", "former"),
    unless the entity tagger reads it as part of the name ("todd" in "todd ray wilson")."""
    return tok.pos_ == "ADJ" and _common(tok, words) and tok.ent_type_ != "PERSON"


def _place(tok: Token, places: Collection[int]) -> bool:
    """A word the gazetteer or the parse reads as a place: many surnames are place names too
    ("Guerrero", "Rivera", "Vargas"), so such a word joins a name but does not make one."""
    return tok.i in places or tok.ent_type_ in ("GPE", "LOC")


#: Words inside Spanish and Portuguese names between a given name and a surname ("Paulo
#: Cesar Paim de Oliveira", "Jose de la Cruz", "Maria del Carmen").
PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "la"})


def name_in(
    tokens: list[Token],
    lex: Lexicon,
    words: frozenset[str],
    monocase: bool,
    taken: Collection[int] = (),
    places: Collection[int] = (),
) -> tuple[int, int] | None:
    """Token bounds [i, j) of the name that ends `tokens`, or None. `taken` holds token indexes
    of actor names, which a name does not include; `places` those of place names, which a name
    may include when its other words name a person ("Francisco Jose Guerrero")."""
    run: list[Token] = []
    for tok in reversed(tokens):
        if run and tok.lower_ in PARTICLES and tok.i > tokens[0].i:
            run.insert(0, tok)  # "paulo cesar paim de oliveira"
            continue
        if not _letters(tok) or _descriptor(tok, lex, taken) or _adjective(tok, words):
            break
        run.insert(0, tok)
    while run and run[0].lower_ in PARTICLES:
        run.pop(0)  # a particle no given name precedes is no part of the name
    while (
        len(run) > 1
        and run[0].pos_ != "PROPN"
        and run[0].ent_type_ != "PERSON"
        and _plain(run[0], words, monocase)
    ):
        run.pop(0)  # "rector Ignacio Ellacuria": a word for what he is, before his name
    core = [t for t in run if not _place(t, places)]
    if not core or not _named(run, words, monocase):
        return None
    if monocase and all(_common(t, words) for t in core) and not any(t.ent_type_ == "PERSON" for t in core):
        return None  # "san miguel city": the words beside the place name are no name
    if len(run) == 1 and (_common(run[0], words) or len(run[0]) < 3):
        return None  # one dictionary word is not a name ("man", "Hope")
    return run[0].i, run[-1].i + 1


def person_name(
    head: Token,
    span: tuple[int, int],
    lex: Lexicon,
    words: frozenset[str],
    monocase: bool,
    taken: Collection[int] = (),
    places: Collection[int] = (),
) -> tuple[int, int] | None:
    """Character bounds of the personal name a noun phrase gives (`span`: the phrase's token
    bounds [i, j)), looking into an apposition ("a peasant, Jose Garcia,") too. A word for a
    person does not take a name from its `of` phrase: "the mayor of the town of Hostigal"
    names a place, "the wife of X" someone else."""
    doc = head.doc
    if "person" in lex.kind_of([head.lemma_.lower()]):
        of = [c.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i]
        span = (span[0], min([span[1], *of]))
    for tokens in _candidates(head, span):
        found = name_in(tokens, lex, words, monocase, taken, places)
        if found:
            i, j = found
            return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    return None


def fullest(
    doc: Any,
    bounds: tuple[int, int],
    lex: Lexicon,
    words: frozenset[str],
    monocase: bool,
    taken: Collection[int] = (),
) -> tuple[int, int]:
    """Token bounds of the fullest form of the name at `bounds` [i, j) the document writes: a
    report names a victim in full once ("Antonio Roldan Betancur") and in part elsewhere
    ("Antonio Roldan", "Oqueli"). Every occurrence of the same words is widened by the name
    words beside it (a surname after it, outside the dictionary; a given name before it); the
    widest wins, the given bounds on a tie."""
    i, j = bounds
    target = [t.lower_ for t in doc[i:j]]
    best = (i, j)
    if not target:
        return best
    for k in range(len(doc) - len(target) + 1):
        if doc[k].lower_ != target[0] or [t.lower_ for t in doc[k : k + len(target)]] != target:
            continue
        a, b = k, k + len(target)
        while b < len(doc) and _name_word(doc[b], lex, taken, monocase) and not _common(doc[b], words):
            b += 1
        while a > 0 and _name_word(doc[a - 1], lex, taken, monocase) and _given(doc[a - 1], a, b, words):
            a -= 1
        if b - a > best[1] - best[0]:
            best = (a, b)
    return best


def _given(tok: Token, a: int, b: int, words: frozenset[str]) -> bool:
    """Whether `tok`, just before the name doc[a:b], is a given name of it: outside the
    dictionary, a proper noun, or a compound the parse hangs on the name ("hector" in "hector
    oqueli colindres", a verb in WordNet)."""
    return not _common(tok, words) or tok.pos_ == "PROPN" or (tok.dep_ == "compound" and a <= tok.head.i < b)


def _name_word(tok: Token, lex: Lexicon, taken: Collection[int], monocase: bool) -> bool:
    """A word that can be part of a personal name where it stands."""
    if not _letters(tok) or _descriptor(tok, lex, taken) or tok.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
        return False
    return monocase or tok.text[:1].isupper()


def _candidates(head: Token, span: tuple[int, int]) -> Iterable[list[Token]]:
    doc = head.doc
    yield list(doc[span[0] : span[1]])
    for child in head.children:
        if child.dep_ == "appos":
            if roles.semicolon(child):
                continue  # the next item of a list split by semicolons, not another name of this one
            yield list(doc[child.left_edge.i : child.i + 1])
