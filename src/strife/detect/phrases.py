"""Noun phrases as strife writes them: the character bounds of the phrase a head noun heads,
cut to its head and close modifiers (used by `strife.detect.roles` and its readers).

A phrase keeps a short `of` phrase ("members of the Farabundo Marti National Liberation Front"),
a participle with its `with` phrase ("trucks packed with explosives") and compounds; it loses a
leading article, a word of doubt ("so-called", "alleged"), what a bracket or a dash adds,
examples ("such as ..."), relative clauses and words it cannot end on.
"""

from __future__ import annotations

from strife.detect.triggers import Token

ARTICLES = {"the", "a", "an"}


def np_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by `head`, cut to its head and close modifiers
    (without a leading article, relative clauses or long participle phrases)."""
    lefts = [
        t
        for t in head.lefts
        if not (t.dep_ in ("det", "predet") and t.lower_ in ARTICLES) and t.dep_ != "punct"
    ]
    left_i = min([head.i, *[t.left_edge.i for t in lefts]])
    doc = head.doc
    left_i = _opened(doc, left_i, head.i)
    while left_i < head.i and (
        doc[left_i].lower_ in ARTICLES or doc[left_i].is_punct or _when(doc[left_i], head)
    ):
        left_i += 1
    quote = _quoting(doc, left_i)
    if quote and left_i + quote <= head.i:
        left_i += quote
    right_i = head.i
    for t in head.rights:
        of_end = _of_phrase_end(t) if t.dep_ == "prep" and t.lower_ == "of" else None
        if of_end is not None:
            right_i = max(right_i, of_end)
        elif t.dep_ in ("compound", "flat", "nummod"):
            right_i = max(right_i, t.right_edge.i)
        elif t.dep_ == "acl" and t.tag_ == "VBN":  # "trucks packed with explosives"
            with_phrase = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "by")]
            if with_phrase:  # a bare participle ("the farm located", "houses damaged") is no part
                right_i = max(right_i, with_phrase[0].right_edge.i)
            break
        else:
            break
    right_i = _trimmed(doc, head.i, right_i)
    return doc[left_i].idx, doc[right_i].idx + len(doc[right_i])


def _when(tok: Token, head: Token) -> bool:
    """Whether a word at the start of a phrase says when, not what ("yesterday heavily armed
    terrorists", "last night two gunmen": the parse hangs the sentence's day on the noun)."""
    return tok.ent_type_ in ("DATE", "TIME") and head.ent_type_ not in ("DATE", "TIME")


def _opened(doc, left_i: int, head_i: int) -> int:
    """`left_i` moved past the last closing bracket before the head that the phrase does not
    open: in "at 2100 (0300 gmt) incendiary bombs" the parse hangs "gmt)" on the bombs."""
    depth, start = 0, left_i
    for i in range(left_i, head_i):
        if doc[i].text == "(":
            depth += 1
        elif doc[i].text == ")":
            if depth == 0:
                start = i + 1
            depth = max(0, depth - 1)
    return start


#: Words that distance a writer from a name or a description ("the so-called Nelson Mandela
#: cell", "alleged urban guerrillas"): they say how sure the report is, not who it is.
QUOTING = frozenset(
    {
        *("so-called", "self-styled", "self-proclaimed", "self-described"),
        *("alleged", "suspected", "presumed", "purported", "supposed", "reputed"),
    }
)


def _quoting(doc, i: int) -> int:
    """How many tokens of a quoting word start at token `i`: 1, 3 ("so - called", as spaCy
    may split it) or 0."""
    if doc[i].lower_ in QUOTING:
        return 1
    if i + 2 < len(doc) and doc[i + 1].text == "-" and f"{doc[i].lower_}-{doc[i + 2].lower_}" in QUOTING:
        return 3
    return 0


#: Parts of speech a noun phrase does not end on ("the offices of all the", "installations of
#: the newspaper in bogota and": a phrase the parse or a gap in the text cut short).
DANGLING = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "PRON"})


def _trimmed(doc, head_i: int, right_i: int) -> int:
    """`right_i` moved back over dangling words to the last that can end the phrase, and to the
    head when what is left of an `of` phrase after it would be empty."""
    while right_i > head_i and doc[right_i].pos_ in DANGLING and doc[right_i].tag_ != "PRP$":
        right_i -= 1
    return right_i


#: Longest `of` phrase kept in a noun phrase ("members of the Farabundo Marti National
#: Liberation Front"); longer ones are clauses of their own.
OF_PHRASE_TOKENS = 8


#: Words that start examples of what a phrase names, not more words of it.
EXAMPLES = frozenset({"including", "especially", "particularly", "like"})


def _example(tok: Token) -> bool:
    """Whether `tok` starts examples: one of `EXAMPLES`, or "such as" (not "such attacks")."""
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return tok.lower_ in EXAMPLES or (tok.lower_ == "such" and after == "as")


def _of_phrase_end(prep: Token) -> int | None:
    """The last token of an `of` phrase that belongs to its noun phrase, or None when it is too
    long. The phrase ends before a bracket, comma or dash: "(FMLN)" and ", who ..." add another
    name or a clause, not words of this one; so do examples ("residences of democratic leaders
    such as X and Y", "including X") and a relative clause ("who ...")."""
    end = prep.i
    for tok in prep.doc[prep.i + 1 : prep.right_edge.i + 1]:
        if tok.text in ("(", ",", "--", ";", ":") or tok.text.startswith("--"):
            break
        if _example(tok) or tok.tag_ in ("WP", "WDT", "WP$"):
            break
        end = tok.i
    return end if end > prep.i and end - prep.i <= OF_PHRASE_TOKENS else None
