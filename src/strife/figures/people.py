"""People counted without a number: named persons, singular persons, bare plurals.

"Jose Perez was executed", "the mayor was shot dead", "his bodyguard died", "the murder of
Father X" each report one victim; "the Jesuit priests were killed" reports at least two (a
plural with no number: the smallest plural, as MUC-4 keys code it `PLURAL` and ACLED codes the
smallest number a report implies). Either is a lower bound of the toll (`at_least`): the
text says this person, or these people, were killed, not that no one else was. `individuals` finds such people in a sentence as quantities
whose `head` is the person's token, so that the kind is read from the parse like any other
figure's: a person is a figure only when a harm predicate takes it ("killed", "the murder of",
"was found dead"), which keeps killers, speakers and bystanders out.

A person is:

- a name: the head of a run of proper nouns that no actor or place mention covers and the
  parser does not call a place, organisation or date;
- a singular person noun (`person_nouns`, `civilian_nouns`, `title_nouns`) made definite or
  specific ("the mayor", "his son", "another congressman", "bodyguard Jairo Ortega"), also
  when it shares the words that make its conjunct so ("his wife and daughter": two people);
- a plural person noun with no number or vague word ("the Jesuit priests", "peasants"), or a
  collective noun ("the family", "a police patrol"): at least two;
- a plural noun of harm with no number that a causing verb brings about ("the bombing caused
  deaths and injuries", "left dead and wounded"): at least two.

An apposition or a compound of a person is the same person ("the mayor, Jose Perez"), and the
counted nouns of numbers are left to the number ("three peasants"), as are conjuncts sharing
it ("more than 200 soldiers and guerrillas").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from strife.figures.clause import repeated_preposition
from strife.figures.lexicon import lexicon
from strife.figures.names import is_name, name_head, person_noun, separate_person
from strife.figures.numbers import Quantity

#: Personal pronouns a harm predicate takes ('he died on the way to hospital', 'wounding her'):
#: one person, or at least two (None: the smallest plural); only harm counts (`pronoun_harmed`).
PERSONAL_PRONOUNS: dict[str, int | None] = {"he": 1, "him": 1, "she": 1, "her": 1, "they": None, "them": None}
_PRONOUN_KINDS = {"fatalities", "injured"}
_SPECIFIC_DETS = {"the", "this", "that", "another", "one"}
_UNSPECIFIC_DETS = {"a", "an", "no", "any", "every", "each", "either", "neither", "what", "which", "some"}
_QUANTIFIERS = {"many", "much", "more", "most", "few", "fewer", "all", "any", "no", "enough", "both", "each"}
_SAME_PERSON_DEPS = {"appos", "compound", "poss", "nmod", "npadvmod"}


def _companion(tok: Token) -> Token | None:
    """The person `tok` is added to by 'along with' / 'together with' ('the judge was killed
    along with his two sons': the judge): the predicate's object or passive subject before it."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with" or prep == tok:
        return None
    verb = prep.head.head if prep.head.lower_ == "along" else prep.head
    joined = prep.head.lower_ == "along" or any(
        c.lower_ == "together" for c in (*prep.children, *verb.children)
    )
    if not joined or verb.pos_ not in ("VERB", "AUX"):
        return None
    people = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i < tok.i]
    return people[-1] if people else None


def coordination_root(tok: Token) -> Token:
    """The first of the people coordinated with `tok` ('X, Y and Z'): `tok` itself when alone.
    A noun the parser joined to a verb ('killing the mayor and two of his bodyguards', 'two'
    read as a second verb's conjunct) is coordinated with that verb's object, and so are people
    'along with' / 'together with' whom it happened (they are more people, not the same)."""
    if (companion := _companion(tok)) is not None:
        return coordination_root(companion)
    if tok.dep_ == "pobj" and (first := repeated_preposition(tok.head)) != tok.head:
        objects = [c for c in first.children if c.dep_ == "pobj"]
        if objects:  # 'the murders of X and of Y': Y is coordinated with X
            return coordination_root(objects[0])
    node = tok
    while (node.dep_ == "conj" or separate_person(node)) and node.head != node and not breakdown(node):
        head = node.head
        if node.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and node.pos_ in ("NOUN", "PROPN", "NUM"):
            objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < node.i]
            if not objects:
                break
            head = objects[-1]
        node = head
    return node


def breakdown(tok: Token) -> bool:
    """An apposition after a colon or a bracket that breaks numbered people down ('ten people
    (six soldiers and four civilians)', 'three people: a teacher, a nurse and a driver'): the
    same people again, not more people coordinated with them."""
    if tok.dep_ != "appos" or not any(c.dep_ == "nummod" for c in tok.head.children):
        return False
    first = min(tok.subtree, key=lambda t: t.i)
    return first.i > 0 and tok.doc[first.i - 1].text in ("(", ":")


def _determiners(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("det", "predet")}


@lru_cache(maxsize=1)
def _quantifier_words() -> frozenset[str]:
    """`_QUANTIFIERS` and every word of a vague quantity (made once: it is asked of each token)."""
    return frozenset(_QUANTIFIERS | {w for key in lexicon().vague for w in key})


def _ranked_or_quantified(tok: Token) -> bool:
    """'the second commander killed this month' (a rank in a series), 'how many people',
    'most soldiers', 'all the prisoners': no figure of the people themselves."""
    quantifiers = _quantifier_words()
    for c in tok.children:
        if c.dep_ in ("amod", "det", "predet", "nummod", "quantmod", "advmod"):
            if c.ent_type_ == "ORDINAL" or c.tag_ in ("JJS", "RBS") or c.lower_ in quantifiers:
                return True
            if any(g.lower_ in ("how", "so", "too", "as") for g in c.children):
                return True
    return False


def _specific_singular(tok: Token) -> bool:
    """'the mayor', 'his son', 'another congressman', 'bodyguard Jairo Ortega' (the name's
    compound is the name's), not 'a soldier' (read by the scanner) or 'no soldier'."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not person_noun(tok) or _collective(tok):
        return False
    if tok.lower_ in lexicon().modifiers:
        return False  # 'the dead', 'the wounded': many people, read by the kind words
    dets = _determiners(tok)
    if dets & _UNSPECIFIC_DETS:
        return False
    owner = any(c.dep_ == "poss" for c in tok.children)
    if not dets and not owner and tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
        return _specific_singular(tok.head)  # 'his wife and daughter': another person of his
    return bool(dets & _SPECIFIC_DETS) or owner


def _collective(tok: Token) -> bool:
    """'the family', 'a police patrol', 'his escort': several people in one noun."""
    if tok.tag_ != "NN" or tok.lemma_.lower() not in lexicon().collective_nouns:
        return False
    dets = _determiners(tok)
    owner = any(c.dep_ == "poss" for c in tok.children)
    return owner or bool(dets & (_SPECIFIC_DETS | {"a", "an"}))


def _bare_plural(tok: Token) -> bool:
    """'the Jesuit priests', 'peasants', 'their bodyguards': plural people with no number."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NNS", "NNPS") or not person_noun(tok):
        return False
    if tok.lemma_.lower() in ("other", "one", "them", "dead"):
        return False  # 'others', 'the dead': read by the kind words, not as people here
    dets = _determiners(tok)
    return not (dets - {"the", "these", "those"}) and not any(
        c.dep_ in ("nummod", "quantmod") for c in tok.children
    )


def caused_harm(tok: Token) -> str | None:
    """'the bombing caused deaths and injuries', 'left dead and wounded', 'resulted in deaths':
    a plural noun of harm with no number, brought about by a causing verb (`caused_harm` in
    kinds.json), is at least two people. Not 'suffered injuries' (one person's wounds), 'no
    deaths', 'his injuries', 'heavy losses' (of men or of materiel). The noun's kind, or None."""
    lex = lexicon()
    kind = lex.nouns.get(tok.lower_) or lex.nouns.get(tok.lemma_.lower())
    plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in lex.modifiers  # 'the dead', 'wounded'
    if kind not in ("fatalities", "injured") or not plural or tok.lemma_.lower() in ("loss", "toll"):
        return None
    if any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in tok.children):
        return None
    if kind == "injured" and any(c.lower_ == "to" for c in tok.children):
        return None  # 'injuries to a policeman': the policeman is the figure (`clause.harm_to`)
    if any(c.lower_ in _QUANTIFIERS - {"more"} or c.tag_ in ("JJS", "RBS") for c in tok.children):
        return None
    root = tok
    while root.dep_ == "conj" and root.head != root and root.head.pos_ in ("NOUN", "ADJ"):
        root = root.head  # 'caused one death, injuries and damage'
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "in":
        verb = verb.head  # 'resulted in deaths'
    elif root.dep_ not in ("dobj", "oprd", "conj"):
        return None  # a conjunct of the verb itself: 'caused more deaths and wounded' misread
    if root.dep_ == "oprd" and any(c.dep_ == "dobj" for c in verb.children):
        return None  # 'left 40 people dead': the state of the people counted
    causing = verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lex.causing_verbs
    return kind if causing else None


def _owner_of_deed(tok: Token) -> bool:
    """'the mayor's assassination': the owner of an event noun is its victim."""
    return tok.dep_ == "poss" and tok.head.lemma_.lower() in lexicon().event_nouns


def _of_people(tok: Token) -> bool:
    """'the bodies of three peasants': the people are the ones after 'of'."""
    return tok.lemma_.lower() in lexicon().event_nouns and any(c.lower_ == "of" for c in tok.children)


def _tallied(tok: Token) -> bool:
    """'the number of people killed is 25', 'the number of victims is unknown': the people the
    toll noun counts are its figure's (or no one's, when it gives none), no figure of their own;
    not 'an undetermined number of wounded people' (several, at least)."""
    prep = tok.head
    noun = prep.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or noun.lemma_.lower() not in lexicon().generic_nouns:
        return False
    return "the" in _determiners(noun)


def _names_counted(tok: Token, counted: set[int]) -> bool:
    """An apposition (or a list of them) to people a number counts names those people ('two of
    her bodyguards, Jose Perez and Juan Gomez'): no more people than the number's."""
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return node.dep_ == "appos" and node.head.i in counted


def _quantified(tok: Token, counted: set[int]) -> bool:
    """Counted by a number already: the number's noun, or a bare conjunct sharing its number
    ('more than 200 soldiers and guerrillas'; not 'three peasants and the mayor')."""
    if tok.i in counted or _names_counted(tok, counted):
        return True
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children) or is_name(tok):
        return False
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head
        if node.i in counted:
            return True
    return False


def individuals(
    tokens: list[Token],
    quantities: list[Quantity],
    counted: set[int],
    outside: Callable[[Token], bool],
    described: Callable[[Token], bool] | None = None,
    dateline_end: int = 0,
) -> list[Quantity]:
    """Quantities for the people of a sentence counted without a number (see the module).

    `tokens` are the sentence's; `counted` the doc indexes of the nouns its numbers count;
    `outside(tok)` says the token lies outside every actor and place mention; `described(tok)`
    (by default `outside`) says the same of a plural or collective noun, which may be a
    mention of its own ('soldiers', read as a group by the actor matcher). `dateline_end` is
    where a wire dateline opening the text ends: the parser often hangs the first person of
    the story on it as an apposition ('SAN SALVADOR, 9 JUN 89 (EFE) -- MINISTER X WAS
    KILLED'), which renames no one."""
    described = described or outside
    taken = {i for q in quantities for i in range(q.start, q.end)}
    base = tokens[0].i if tokens else 0
    found = []
    for k, tok in enumerate(tokens):
        on_dateline = tok.dep_ == "appos" and tok.head.idx < dateline_end <= tok.idx
        if k not in taken and tok.i not in counted and caused_harm(tok):
            found.append(Quantity(k, k + 1, lexicon().bare_plural, None, "at_least", head=k))
            continue  # its own kind, whatever figure a conjunct of another kind has
        same = tok.dep_ in _SAME_PERSON_DEPS and not separate_person(tok) and not _owner_of_deed(tok)
        quantified = _quantified(tok, counted) and not on_dateline  # not the dateline's day
        if k in taken or (same and not on_dateline) or quantified or _of_people(tok) or _tallied(tok):
            continue
        if _ranked_or_quantified(tok):
            continue
        if name_head(tok, outside) or _specific_singular(tok):
            value = 1
        elif tok.pos_ == "PRON" and tok.lower_ in PERSONAL_PRONOUNS:
            value = PERSONAL_PRONOUNS[tok.lower_] or lexicon().bare_plural
        elif tok.lower_ == "another" and tok.dep_ in ("dobj", "nsubj", "nsubjpass"):
            value = 1  # 'killing two people and injuring another': one more person
        elif (_bare_plural(tok) or _collective(tok)) and described(tok):
            value = lexicon().bare_plural
        else:
            continue
        start = _left_edge(tok) - base
        if start < 0 or taken & set(range(start, k + 1)):
            continue
        found.append(Quantity(start, k + 1, value, None, "at_least", head=k))
    return found


def with_singulars(quantities: list[Quantity], tokens: list[Token]) -> list[Quantity]:
    """Add 'a man', 'a soldier' (one person) to the quantities: one victim is a figure too; not
    the owner of another person ('a reporter's wife': the wife is the one the text tells of)."""
    lex = lexicon()
    taken = {i for q in quantities for i in range(q.start, q.end)}
    persons = (lex.person_nouns | lex.civilian_nouns | lex.title_nouns) - lex.collective_nouns
    for i, tok in enumerate(tokens):
        head = tok.head
        if tok.lower_ not in ("a", "an") or tok.dep_ != "det" or i in taken or head.tag_ != "NN":
            continue
        if head.dep_ == "poss" and person_noun(head.head):
            continue
        if head.lemma_.lower() in persons and head.lemma_.lower() != "people":
            quantities.append(Quantity(i, i + 1, 1, 1, "exact"))
    return sorted(quantities, key=lambda q: q.start)


def pronoun_harmed(kind: str | None, predicate: Token | None, pronoun: Token) -> bool:
    """A pronoun is a figure only when a harm verb or deed takes it ('he died', 'wounding her',
    'his murder'), not through a state said with 'be' ('they are missing') nor 'they are lost'
    (lost their way or their cause far more often than their lives); 'they fled' is no figure."""
    if kind not in _PRONOUN_KINDS or predicate is None:
        return False
    lemma = predicate.lemma_.lower()
    return lemma not in lexicon().neutral_verbs and not (lemma == "lose" and pronoun.dep_ == "nsubjpass")


def _left_edge(tok: Token) -> int:
    """Where the person's words start: its name, title, article or owner ('his son')."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "flat", "det", "poss", "amod")]
    return min((c.left_edge.i for c in left), default=tok.i)
