"""Where a figure stands in its clause, read from the dependency parse: the noun a quantity
counts and the token that carries its relation (`counted_noun`, `relation_token`; the noun whose
last conjunct the parser hung inside its relative clause, `relative_conjunct`), and whether
the harm it counts is said to have happened at all (`unreal`; given the figure's `person`, also
whether the text says those people were spared, `denied`: 'neither X nor Y was hurt', not 'none
of the 40 dead have been identified'), and whether it is the toll of an incident told before
(`toll_words`, `bare_toll`). Deeds read off a noun or a joined verb: wounds 'to' people
(`harm_to`: 'injuries to a guard'), a doer noun's people (`doers_deed`), a deed 'against' people
(`deed_against`) and the harm of a verb joined to a kindless one (`joined_harm`: 'was shot and
killed', not 'shot and almost killed'). `strife.figures.kinds` reads the kind from there.
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.figures.assign import Toll
from strife.figures.lexicon import lexicon

#: The relations of a verb's own people: its object (or passive subject) and its subject.
OBJECT_DEPS = {"dobj", "obj", "nsubjpass", "dative", "oprd", "attr"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_MISSED = {"almost", "nearly", "narrowly"}
_FUTURE = {"will", "shall", "would", "'ll", "wo"}
_POSSIBLE = {"could", "might", "may", "can", "ca", "should", "must"}
#: Verbs whose gerund is a practice given up, not an incident ('stopped killing civilians').
_CEASE = {"stop", "cease", "quit", "halt", "abandon", "renounce"}  # not "end": "ended up killing"
#: Verbs of doing a deed: 'the murder committed against X'.
_DOING = {"commit", "perpetrate", "carry"}
#: Words of a habit: 'they routinely kill peasants'.
_HABIT = {"always", "often", "usually", "routinely", "constantly", "regularly", "systematically"}
_UNHARMED = {"unhurt", "unharmed", "unscathed", "uninjured", "alive"}
QUANTITY_WORDS = {w for key in lexicon().vague for w in key} | {
    "dozen",
    "half",
    "third",
    "quarter",
    "a",
    "an",
}


def counted_noun(span: list[Token]) -> tuple[Token, Token | None, Token]:
    """(anchor, counted noun, relation token) for the tokens of a quantity.

    The anchor is the span token whose head lies outside the span; the relation token is the
    one whose dependency places the figure in the clause (the noun for "200 fighters", the
    quantity for "dozens of detainees" and "killing 11").
    """
    ids = {t.i for t in span}
    outward = [t for t in span if t.head.i not in ids or t.head == t]
    numeric = [t for t in outward if t.like_num or t.pos_ == "NUM" or t.lower_ in QUANTITY_WORDS]
    anchor = (numeric or outward or [span[-1]])[-1]
    of = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of" and c.i not in ids]
    for prep in of:
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if objs:
            return anchor, objs[-1], anchor
    head = anchor.head
    modifies = anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "det", "npadvmod")
    if modifies and head.i not in ids and head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and head != anchor:
        return anchor, head, head
    return anchor, None, anchor


def repeated_preposition(prep: Token) -> Token:
    """'the murder of a judge and of two guards': a preposition joined by a conjunction repeats
    the nearest same preposition before it in its sentence, and its object belongs where that
    one hangs (the parser often joins it to the verb or to another preposition)."""
    if prep.dep_ != "conj" or prep.pos_ != "ADP":
        return prep
    for tok in reversed(prep.doc[prep.sent.start : prep.i]):
        if tok.lower_ == prep.lower_ and tok.dep_ == "prep":
            return tok
    return prep


def relation_token(pos: Token) -> Token:
    """The token whose relation places the figure: the first conjunct's ('killed 5 soldiers and
    3 civilians'); for a noun the parser joined to a verb ('killing the mayor and two of his
    bodyguards', 'two' read as the verb's conjunct), the verb's object."""
    rel_tok = pos
    while rel_tok.dep_ in ("conj", "appos"):
        head = rel_tok.head
        if head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            rel_tok = head
        elif rel_tok.dep_ == "conj" and head.pos_ == "VERB" and rel_tok.pos_ in ("NOUN", "PROPN", "NUM"):
            objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < rel_tok.i]
            if not objects:
                break
            rel_tok = objects[-1]
        else:
            break
    return rel_tok


#: The relations climbed from a conjunct up to the relative clause it was hung in.
_INSIDE_CLAUSE = {"conj", "appos", "pobj", "prep", "attr"}


def relative_conjunct(tok: Token) -> Token | None:
    """The noun a relative clause qualifies when the parser hung the last conjunct of that noun
    inside the clause ('two policemen who were acting as her bodyguards and a private citizen were
    wounded': the citizen hangs on 'bodyguards'): the conjunct ends right before the verb whose
    subject the noun is, and its partner is what the clause says the noun is ('who were her
    bodyguards', 'acting as her bodyguards'). None for a conjunct that is not the clause's last
    words, or one joined to what the clause's verb is done to ('who were escorting two engineers
    and a driver': the driver is escorted)."""
    if tok.dep_ != "conj":
        return None
    partner = tok.head
    while partner.dep_ == "conj":
        partner = partner.head
    if not (partner.dep_ == "attr" or (partner.dep_ == "pobj" and partner.head.lower_ == "as")):
        return None
    node = tok
    while node.dep_ in _INSIDE_CLAUSE and node.head != node:
        node = node.head
    noun, verb = node.head, node.head.head
    if node.dep_ != "relcl" or noun.dep_ not in SUBJECT_DEPS or verb.i < tok.i:
        return None
    after = max(t.i for t in tok.subtree) + 1
    following = tok.doc[after] if after < len(tok.doc) else None
    if following is None or not (
        following == verb or (following.head == verb and following.dep_ in ("aux", "auxpass"))
    ):
        return None
    return noun


def unreal(pred: Token | None, person: Token | None = None) -> bool:
    """A harm the text does not say happened: denied ('was not injured', 'escaped unhurt'),
    missed ('was almost killed'), to come ('will be executed', 'the country will see the bodies of its leaders'),
    only possible ('they could be killed'; 'may have died' is a possible toll, kept) or
    only aimed at ('an attempt to assassinate X', 'taken to the jail to be murdered', 'threatened
    to kill'); 'claimed to have killed' happened. A gerund complement is as real as the verb it
    completes ('vowed to continue attacking'), and never after 'stop', 'cease' ('to stop
    murdering defenseless citizens' names a practice, not an incident)."""
    if person is not None and denied(person, pred):
        return True  # 'neither X nor his wife was injured': the people were spared
    if pred is None:
        return False
    gerund = pred.tag_ == "VBG" and pred.dep_ == "xcomp" and pred.head is not pred
    if gerund and (pred.head.lemma_.lower() in _CEASE or unreal(pred.head)):
        return True  # 'to stop murdering civilians', 'vowed to continue attacking'
    children = list(pred.children)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _MISSED) for c in children):
        return True
    if any(c.lower_ in _UNHARMED for c in children):
        return True  # "the driver, who escaped unscathed", "were found alive"
    verb = clause_verb(pred)  # a deed noun ('the bodies of its leaders'): the clause that states it
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _FUTURE for a in auxes):
        return True
    if "have" not in auxes and any(a in _POSSIBLE for a in auxes):
        return True  # 'they could be killed' (not 'may have died': a possible toll, kept)
    return pred.pos_ in ("VERB", "AUX") and "to" in auxes and "have" not in auxes and verb is pred


def clause_verb(tok: Token) -> Token:
    """The nearest verb at or above `tok` (a deed noun's clause), or its sentence's root."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        tok = tok.head
    return tok


def denied(person: Token, pred: Token | None = None) -> bool:
    """People the text says were spared, whatever the verb: 'neither X nor his wife was
    injured', 'none of the five passengers was hurt', 'neither of the two guards'. Not when
    the harm `pred` lies inside the denied phrase itself: 'none of the 40 dead have been
    identified', 'none of the 30 people killed in the attack were soldiers' deny something
    else of people who were harmed."""
    node = person
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # 'nor his wife': the first of the people denied
    phrase: Token | None = None
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in node.children):
        phrase = node
    elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in ("none", "neither"):
        phrase = node.head.head
    if phrase is None:
        return False
    return pred is None or pred not in phrase.subtree


def habitual(pred: Token) -> bool:
    """A harm told as a practice, not an incident: in the present progressive ('their actions
    are ending the lives of innocent children'), as the means of a present deed ('they do not
    satisfy their instincts by killing civilians') or with a word of habit ('those who every
    day murder peasants'). Said of people counted without a number, it counts no one."""
    verb = clause_verb(pred)  # 'ending the lives of': the verb that takes the deed noun
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        verb = verb.head.head  # 'by killing civilians': as present as the deed it is the means of
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG":
        verb = verb.head  # 'are killing and wounding civilians': the auxiliary is the first's
    present = [c for c in verb.children if c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ")]
    if verb.tag_ in ("VBG", "VB") and present:
        return True  # 'are ending', 'do not satisfy'
    if verb.tag_ not in ("VBP", "VBZ", "VB"):
        return False
    words = {t.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod") for t in c.subtree}
    return bool(words & _HABIT) or {"every", "day"} <= words


_BACK_PREPS = {"in", "during"}
#: How far back a bare toll reaches: the incident told in the sentence before.
_BARE_REACH = 1
_DEFINITE = {"the", "that", "this"}


def toll_words(pred: Token | None) -> Toll | None:
    """'two policemen were killed and a captain wounded in the confrontation': a toll placed in
    a bare definite incident ('the attack', no words of its own: not 'the attack on a bus') refers
    back to an incident told before. None when the figure does not refer back so."""
    if pred is None or pred.pos_ != "VERB":
        return None
    verbs = [pred, *(c for c in pred.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if pred.dep_ == "conj" and pred.head.pos_ == "VERB":
        verbs.append(pred.head)
    for verb in verbs:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _BACK_PREPS]
        for noun in (o for p in preps for o in p.children if o.dep_ == "pobj"):
            lemma = noun.lemma_.lower()
            if lemma in lexicon().incident_nouns and _bare_definite(noun):
                words = tuple(t.idx for t in (*verbs, noun))
                return Toll(words, lexicon().incident_types.get(lemma))
    return None


def bare_toll(pred: Token | None, marked: bool, people: Token) -> Toll | None:
    """'Rebels shelled the barracks at dawn. A sentry was wounded.': a toll told with no doer,
    incident, place or time of its own (`marked`: its sentence names a place or a time) is the
    toll of the incident told just before it, not an incident of its own; it reaches back
    `Toll.reach` sentences. None when it has words of its own ('gunmen killed two farmers',
    'was killed in a rebel attack', 'died in the capital on Sunday'). `people` is the figure's
    own word (the subject of 'two people died' is no doer)."""
    if pred is None or pred.pos_ != "VERB" or marked:
        return None
    verbs = [pred, *(c for c in pred.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if any(c.dep_ in ("nsubj", "agent") and c != people for c in pred.children):
        return None  # 'gunmen killed two farmers', 'was shot by soldiers': a deed of its own
    for prep in (c for v in verbs for c in v.children if c.dep_ == "prep"):
        if any(o.dep_ == "pobj" and o.lemma_.lower() in lexicon().incident_nouns for o in prep.children):
            return None  # 'in a rebel attack': an incident of its own
    return Toll(tuple(t.idx for t in verbs), None, reach=_BARE_REACH)


def _bare_definite(noun: Token) -> bool:
    """'the attack', 'that clash', 'the bomb attack'; not 'an attack', 'the attack on the bus',
    'the attack that followed', 'their attack'. A relative clause set off by a comma ('the
    clash, which took place in X') only adds to an incident already known: still bare."""
    dets = [c.lower_ for c in noun.children if c.dep_ == "det"]
    own = [
        c
        for c in noun.children
        if c.dep_ in ("prep", "relcl", "acl", "appos", "poss", "nummod") and not _non_restrictive(c)
    ]
    return bool(dets) and set(dets) <= _DEFINITE and not own


def _non_restrictive(clause: Token) -> bool:
    """A relative clause after a comma ('the attack, which ...'): it tells more of its noun and
    does not pick it out among others, as 'the attack that followed' does."""
    if clause.dep_ != "relcl":
        return False
    first = min(clause.subtree, key=lambda t: t.i)
    return first.i > 0 and first.doc[first.i - 1].text == ","


def elided_repeat(aux: Token) -> tuple[Token, str] | None:
    """'12 soldiers were injured, as were some pedestrians', '5 died, as did 2 civilians': the
    subject of a bare 'as were' / 'as did' clause undergoes the clause's head predicate in the
    role the head's own subject has (its predicate, that relation), else None."""
    if aux.dep_ != "advcl" or aux.lemma_.lower() not in ("be", "do", "have"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in aux.children):
        return None
    if any(c.dep_ in ("acomp", "attr", "xcomp", "ccomp", "dobj", "oprd") for c in aux.children):
        return None  # 'as were the others present': a clause of its own
    verb = aux.head
    rel = next((c.dep_ for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    return (verb, rel) if rel is not None and verb.pos_ in ("VERB", "ADJ") else None


def participle_stems(word: str) -> tuple[str, ...]:
    """The verbs a participle tagged as an adjective may come from ('the assassinated candidate',
    as a parse of text in one case often tags it): 'assassinated' -> 'assassinate', 'assassinat';
    'kidnapped' -> 'kidnapp', 'kidnap'. Lemmas 'lost' and such stay out (no '-ed')."""
    if not word.endswith("ed") or len(word) < 5:
        return ()
    stem = word[:-2]
    doubled = (stem[:-1],) if len(stem) > 2 and stem[-1] == stem[-2] else ()
    return (word[:-1], stem, *doubled)


def reduced_passive(verb: Token, subject: Token) -> bool:
    """'305 dead and 373 wounded', 'one was killed, three people wounded', 'THE 11 PRIESTS
    ASSASSINATED IN ...': a past form of a harm verb right after its counted subject, with no
    object, auxiliary or object-taking conjunct, is a participle the parse read as a clause (a
    harm verb in the active takes its victims as object), so the subject undergoes it."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in lexicon().verbs_object:
        return False
    if verb.i != max(t.i for t in subject.subtree) + 1:
        return False
    args = ("dobj", "obj", "dative", "attr", "oprd", "aux", "auxpass", "prt")
    if any(c.dep_ in args for c in verb.children):
        return False
    return not any(g.dep_ in ("dobj", "obj") for c in verb.children if c.dep_ == "conj" for g in c.children)


def passive(verb: Token) -> bool:
    """A passive verb: with its passive auxiliary, or a past participle with no 'have'."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    has_have = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return verb.tag_ == "VBN" and not has_have


def _told_people(person: Token) -> bool:
    """People named, numbered or determined ('Father X', 'the six priests', 'the engineer',
    'X and Y'), not a nation's ('the people') nor a kind ('of the worst kind')."""
    root = person
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # 'of Oqueli and Flores': the first conjunct carries the relation
    lemma = root.lemma_.lower()
    if lemma in lexicon().collective_nouns or lemma in ("people", "kind", "sort", "type"):
        return False
    marked = any(c.dep_ in ("det", "poss", "nummod") for c in root.children)
    return marked or root.pos_ == "PROPN" or root.ent_type_ == "PERSON"


def doers_deed(owner: Token, person: Token) -> str | None:
    """'the murderers of the Jesuits', 'the killers of Oqueli and Flores': the kind of the deed
    a doer noun (`doer_nouns` in kinds.json) names, befallen the people after its 'of' when they
    are told (`_told_people`); None for 'the assassins of priests' (anyone), 'the murderers of
    the people' (a nation's) or 'assassins of the worst kind'."""
    kind = lexicon().doer_nouns.get(owner.lemma_.lower())
    return kind if kind is not None and owner.pos_ == "NOUN" and _told_people(person) else None


def harm_to(owner: Token, person: Token) -> str | None:
    """'resulted in injuries to a policeman': the people a noun of wounds names with 'to' were
    hurt (the noun itself then counts no one, `people.caused_harm`)."""
    kind = lexicon().nouns.get(owner.lemma_.lower())
    to = person.head.lower_ == "to" and person.head.head == owner
    return kind if to and owner.pos_ == "NOUN" and kind == "injured" else None


def joined_harm(verb: Token) -> str | None:
    """The gravest harm of a verb joined to `verb` with no people of its own ('rounded up and
    executed', 'was shot and killed', 'were shot and wounded'): the same people's fate, when it
    happened (not 'shot and almost killed', 'abducted and will be executed')."""
    lex = lexicon()
    own = SUBJECT_DEPS | OBJECT_DEPS
    kinds = {
        lex.verbs_object.get(c.lemma_.lower())
        for c in verb.children
        if c.dep_ == "conj" and not any(g.dep_ in own for g in c.children) and not unreal(c)
    }
    return next((k for k in ("fatalities", "injured") if k in kinds), None)


def deed_against(owner: Token, person: Token) -> str | None:
    """'the murder committed by guerrillas against Dr X', 'the massacre against the peasants':
    the kind of a deed noun (`event_nouns`) whose 'against' names the told people it befell
    (the 'against' hangs on the noun or on the verb of its doing); not 'a massacre against the
    people' (a nation's)."""
    lex = lexicon()
    doing = owner
    while doing.dep_ in ("appos", "pobj", "agent") and doing.head != doing:
        doing = doing.head  # 'committed by FMLN (...) guerrillas against X': hung on the doers
    if doing.dep_ == "acl" and doing.lemma_.lower() in _DOING:
        owner = doing
    noun = owner
    if owner.pos_ == "VERB" and owner.dep_ == "acl" and owner.lemma_.lower() in _DOING:
        noun = owner.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma in lex.taken_nouns or not _told_people(person):
        return None
    return lex.event_nouns.get(lemma)
