"""What a figure counts, read from the dependency parse (SCHEMA.md `Count.kind`).

For a quantity's tokens, `clause.counted_noun` finds the noun it counts ("200 SDF fighters",
"dozens of detainees", "half of the fighters") and the token that carries the figure's
relation in the sentence. `classify` then reads the kind from, in order:

1. the predicate it is an argument of, respecting who undergoes it: the object (or passive
   subject) of "kill", "wound", "kidnap"; the subject of "die", "escape", "flee"; the subject
   of "dead"/"wounded" ("70 Isis dead"); "the killing of 10", "claimed the lives of 30";
2. verbs that state a figure without a kind, read through their other arguments: "the death
   toll rose to 30", "left 10 dead", "puts its losses at seventeen", "put the figure at 39"
   (a generic noun: the figure answers the claim before it, marked `generic`);
3. modifiers of the counted noun ("10 militants dead", "people killed in", "bombers who blew
   themselves up") and the noun itself ("70 dead", "its losses", "12 hostages");
4. a short look to the right when the parse failed ("dozens of detainees flee").

Killing and wounding counted together ("killed or injured", "casualties") is `mixed`: never
a fatality figure. Taking people is an arrest by state forces and an abduction by anyone else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from strife.figures import clause
from strife.figures.clause import OBJECT_DEPS as _OBJECT_DEPS
from strife.figures.clause import QUANTITY_WORDS, relation_token, repeated_preposition, unreal
from strife.figures.clause import SUBJECT_DEPS as _SUBJECT_DEPS
from strife.figures.lexicon import lexicon

_MODIFIER_DEPS = {"amod", "acl", "relcl", "appos", "oprd", "advcl"}
_STATE_TYPES = {"State forces"}
#: Participles that are no harm state: 'lost' said of people is rarely 'killed' ('lost children').
_NOT_STATES = {"lose"}


@dataclass
class KindResult:
    kind: str | None = None
    mixed: bool = False
    generic: bool = False
    predicate: Token | None = None
    noun: Token | None = None
    """The noun the kind was read from when it is not the counted noun ('puts its losses at')."""


AgentType = Callable[[Token], "str | None"]


def _phrase(verb: Token) -> str:
    """The verb's lemma with its particle or complement when the lexicon knows the pair ('break
    out', 'blow up' with a reflexive object, 'shoot dead', 'take hostage'), else the lemma."""
    lemma = verb.lemma_.lower()
    doc = verb.doc
    after = [doc[verb.i + 1]] if verb.i + 1 < len(doc) else []  # "shot dead" however it is parsed
    for c in [*verb.children, *after]:
        if c.dep_ == "prep":  # 'taken to hospital', 'treated for wounds', 'taken into custody'
            for obj in (o for o in c.children if o.dep_ == "pobj"):
                # 'is in serious condition': the word that qualifies the object may count too
                qualified = [f"{lemma} {c.lower_} {a.lower_} {obj.lemma_.lower()}" for a in obj.children]
                for key in (*qualified, f"{lemma} {c.lower_} {obj.lemma_.lower()}"):
                    if key in lexicon().phrasal:
                        return key
        if c.dep_ == "dobj" and (key := f"{lemma} {c.lemma_.lower()}") in lexicon().phrasal:
            return key  # 'suffered serious injuries', 'sustained wounds'
        if c.dep_ in ("prt", "prep", "advmod", "oprd", "acomp", "xcomp", "dobj", "attr", "ccomp"):
            key = f"{lemma} {c.lower_}"
            if key == "blow up" and not any(g.lower_.endswith(("self", "selves")) for g in verb.children):
                continue
            if key in lexicon().phrasal:
                return key
    return lemma


def _resultative(verb: Token) -> str | None:
    """The kind a result phrase gives any verb ('shot to death', 'beaten to death'), or None;
    not a judgement ('sentenced to death')."""
    lex = lexicon()
    if verb.lemma_.lower() in lex.no_result_verbs:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    kind := lex.resultatives.get(f"{prep.lower_} {obj.lemma_.lower()}")
                ):
                    return kind
    return None


def _agent_kind(kind: str, verb: Token, role: str, agent_type: AgentType) -> str:
    """Taking people: 'arrested' by state forces (or an unnamed agent), else 'abducted'."""
    if (
        _phrase(verb) not in lexicon().agent_sensitive
        and verb.lemma_.lower() not in lexicon().agent_sensitive
    ):
        return kind
    agents = (
        [c for c in verb.children if c.dep_ == "nsubj"]
        if role == "active"
        else [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    )
    for agent in agents:
        atype = agent_type(agent)
        if atype is not None and atype not in _STATE_TYPES:
            return "abducted"
    return kind


def _movement_kind(verb: Token, noun: Token | None) -> str:
    """'escape' / 'flee': prisoners escape (escaped); civilians flee their homes (displaced)."""
    lex = lexicon()
    lemma = noun.lemma_.lower() if noun is not None else ""
    context = {c.lemma_.lower() for c in verb.subtree}
    if lemma in lex.escape_subjects or context & {"prison", "jail", "custody", "detention", "cell"}:
        return "escaped"
    if (
        context & lex.displacement_objects
        or lemma in lex.civilian_nouns
        or lemma in ("people", "family", "person")
    ):
        return "displaced"
    return "escaped" if verb.lemma_.lower() == "escape" else "displaced"


def _mixed(verb: Token, kind: str) -> bool:
    """'killed or wounded': another harm verb joined to this one with no figure of its own."""
    lex = lexicon()
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "ADJ"):
            continue
        other = lex.verbs_object.get(conj.lemma_.lower()) or lex.modifiers.get(conj.lower_)
        # "six were killed and several injured": the conjunct's own figure, other people
        own_args = any(c.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS or _counts(c) for c in conj.children)
        if not own_args and {kind, other} == {"fatalities", "injured"}:
            return True
    return False


def _counts(tok: Token) -> bool:
    """A number or vague quantity word ('several', 'dozens'), the figure of a gapped clause."""
    return tok.like_num or tok.pos_ == "NUM" or tok.lower_ in QUANTITY_WORDS - {"a", "an"}


def _verb_kind(verb: Token, rel: str, noun: Token | None, agent_type: AgentType) -> str | None:
    """The kind a kind verb gives its argument with relation `rel`, or None (e.g. the killer)."""
    lex = lexicon()
    phrase = _phrase(verb)
    lemma = verb.lemma_.lower()
    passive = clause.passive(verb)
    if (result := _resultative(verb)) is not None:
        # 'were shot to death', 'shot him to death'; 'starved to death' (no object: its subject)
        objectless = not any(c.dep_ in ("dobj", "obj") for c in verb.children)
        if rel in _OBJECT_DEPS or (rel in _SUBJECT_DEPS and (passive or objectless)):
            return result
        return None
    if phrase in lex.phrasal:
        if lex.phrasal[phrase] == "injured" and noun is not None and _noun_kind(noun) == "fatalities":
            return None  # 'the bodies were taken to hospital': the dead, not hurt
        subject_role = phrase in lex.phrasal_subject
        if (subject_role and rel in _SUBJECT_DEPS) or (not subject_role and (rel in _OBJECT_DEPS or passive)):
            return _agent_kind(lex.phrasal[phrase], verb, "passive" if passive else "active", agent_type)
        return None
    if lemma in lex.verbs_subject and rel in _SUBJECT_DEPS:
        kind = lex.verbs_subject[lemma]
        return _movement_kind(verb, noun) if kind == "escaped" else kind
    if lemma in lex.verbs_object and (rel in _OBJECT_DEPS or (rel in _SUBJECT_DEPS and passive)):
        return _agent_kind(lex.verbs_object[lemma], verb, "passive" if passive else "active", agent_type)
    if verb.pos_ == "ADJ" and rel in _SUBJECT_DEPS | {"npadvmod", "nummod"}:
        return lex.modifiers.get(verb.lower_)
    return None


def _noun_kind(tok: Token) -> str | None:
    lex = lexicon()
    lemma = tok.lemma_.lower()
    compounds = [c.lower_ for c in tok.children if c.dep_ == "compound"]
    for comp in compounds:
        if f"{comp} {lemma}" in lex.nouns:
            return lex.nouns[f"{comp} {lemma}"]
    return lex.nouns.get(lemma) or lex.nouns.get(tok.lower_)


def _through_neutral(verb: Token, skip: Token, states_only: bool = False) -> KindResult | None:
    """'the death toll rose to 30', 'left 10 dead', 'puts its losses at 17', 'put the figure at'.
    With `states_only` (the figure is the verb's doer: 'police found the bodies') only a state
    said of the figure counts ('10 were found dead'), never the kind of another argument."""
    lex = lexicon()
    for c in verb.children:
        if c == skip:
            continue
        if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp"):
            for state in (c, *(g for g in c.children if g.dep_ == "conj")):
                if kind := state_kind(state):  # "left 10 dead", "found murdered", "homeless and displaced"
                    return KindResult(kind, predicate=verb)
        if c.dep_ == "prep" and c.lower_ == "among":  # "two policemen were among those killed"
            for group in (g for g in c.children if g.dep_ == "pobj"):
                kind = _modifier_kind(group) or _noun_kind(group)
                if kind and kind != "mixed":
                    return KindResult(kind, predicate=verb)
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and not states_only:
            if c.lemma_.lower() in lex.mixed_nouns:
                return KindResult(None, mixed=True, predicate=verb)
            kind = _noun_kind(c)
            if kind and c.lemma_.lower() != "toll":
                return KindResult(kind, predicate=verb, noun=c)
            inner = _of_object_kind(c)
            if inner == "mixed":
                return KindResult(None, mixed=True, predicate=verb)
            if inner:
                return KindResult(inner, predicate=verb)
            if c.lemma_.lower() == "toll":
                return KindResult("fatalities", predicate=verb)
            if c.lemma_.lower() in lex.generic_nouns:
                return KindResult(None, generic=True, predicate=verb, noun=c)
    return _state_after(verb)


def _state_after(verb: Token) -> KindResult | None:
    """'five were later found murdered' when the parser hung the participle elsewhere: a harm
    state right after the neutral verb still says what befell the verb's people."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is None or after.tag_ != "VBN" or after.head == verb or unreal(after):
        return None
    if after.head.i > after.i:  # 'left wounded civilians behind': it describes the next noun
        return None
    kind = state_kind(after)
    return KindResult(kind, predicate=verb) if kind else None


def _of_object_kind(noun: Token) -> str | None:
    """'the number of dead', 'the number of people killed', 'the number of victims'."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                kind = _noun_kind(obj) or _modifier_kind(obj)
                if kind is None and noun.lemma_.lower() in lexicon().generic_nouns:
                    kind = lexicon().toll_people.get(obj.lemma_.lower())
                if kind:
                    return kind
    return None


def state_kind(tok: Token) -> str | None:
    """The kind a word says of the people it describes: 'dead', 'wounded', 'missing', or the
    participle of any harm verb ('five assassinated leaders', 'the 11 priests murdered',
    '5 were found murdered'), or of any verb with a result phrase ('beaten to death')."""
    lex = lexicon()
    kind = lex.modifiers.get(tok.lower_)
    if kind is None and tok.tag_ == "VBN" and tok.lemma_.lower() not in _NOT_STATES:
        lemma = tok.lemma_.lower()
        kind = lex.modifiers.get(lemma) or lex.verbs_object.get(lemma)
    if kind is None and tok.tag_ == "JJ" and tok.dep_ == "amod":
        kind = next(
            (k for stem in clause.participle_stems(tok.lower_) if (k := lex.verbs_object.get(stem))), None
        )
    if kind is None and tok.pos_ == "VERB":
        kind = _resultative(tok)  # 'five men beaten to death', 'villagers starved to death'
    return kind


def _modifier_kind(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ not in _MODIFIER_DEPS:
            continue
        if c.dep_ == "relcl":
            rel = next((g.dep_ for g in c.children if g.lower_ in ("who", "that", "which")), "nsubj")
            kind = _verb_kind(c, rel, tok, lambda _t: None)
            if kind and not unreal(c):  # "the driver, who escaped unscathed": no figure
                return kind
        elif kind := state_kind(c):
            others = {state_kind(g) for g in c.children if g.dep_ == "conj"} - {None, kind}
            return "mixed" if others else kind
    return None


def _lookahead(noun: Token) -> str | None:
    """When the parse failed: a kind verb just after the counted noun ('detainees flee'), or
    the counted 'noun' is that verb mis-tagged, its real noun a compound ('detainees flee')."""
    lex = lexicon()
    doc = noun.doc
    compounds = [c for c in noun.children if c.dep_ == "compound"]
    if compounds and noun.lemma_.lower() in lex.verbs_subject:
        kind = lex.verbs_subject[noun.lemma_.lower()]
        return _movement_kind(noun, compounds[-1]) if kind == "escaped" else kind
    start = noun.i + 1
    if start < len(doc) and doc[start].text == "(":  # '10 other people (not named) were injured'
        close = next((t.i for t in doc[start : start + 10] if t.text == ")"), None)
        start = close + 1 if close is not None else start
    for tok in doc[start : min(len(doc), start + 3)]:
        if tok.pos_ not in ("VERB", "AUX", "ADV", "NOUN"):
            return None
        lemma = tok.lemma_.lower()
        if lemma in lex.verbs_subject:
            kind = lex.verbs_subject[lemma]
            return _movement_kind(tok, noun) if kind == "escaped" else kind
        if tok.tag_ == "VBN" and lemma in lex.verbs_object:
            return lex.verbs_object[lemma]
    return None


def _deed(noun: Token) -> str | None:
    """The kind of a deed noun ('murder', 'the lives of'), a life only when a verb takes it.
    Deeds joined to it that befell the same people ('the kidnapping and murder of five
    students') give the gravest fate, as joined verbs do ('rounded up and executed')."""
    lex, lemma = lexicon(), noun.lemma_.lower()
    if lemma in lex.taken_nouns and noun.head.lemma_.lower() not in lex.taking_verbs:
        return None  # "respect the lives of civilians", "an attempt on the minister's life"
    kind = lex.event_nouns.get(lemma)
    joined = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    if kind and any(lex.event_nouns.get(c.lemma_.lower()) == "fatalities" for c in joined):
        return "fatalities"
    return kind


def classify(anchor: Token, noun: Token | None, pos: Token, agent_type: AgentType) -> KindResult:
    """The kind of the figure whose quantity is `anchor`, counting `noun`, placed by `pos`."""
    lex = lexicon()
    rel_tok = relation_token(pos)
    if rel_tok != pos:  # the conjunct's own word: "50 others injured", "... dead and three wounded"
        own = _modifier_kind(own_tok := noun if noun is not None else pos)
        if own and own != "mixed":
            return KindResult(own, predicate=own_tok)
    head, rel = rel_tok.head, rel_tok.dep_
    if rel in _SUBJECT_DEPS and (elided := clause.elided_repeat(head)) is not None:
        head, rel = elided  # '12 soldiers were injured, as were some pedestrians'
    if rel == "nsubj" and clause.reduced_passive(head, rel_tok):
        rel = "nsubjpass"  # '305 dead and 373 wounded': the parse's active verb is a participle
    if rel == "poss" and _deed(head):
        return KindResult(_deed(head), predicate=head)  # "the mayor's murder"
    if rel == "pobj" and head.dep_ == "conj" and head.pos_ == "ADP":
        head = repeated_preposition(head)  # 'the murders of X, Y and of Z': the first 'of'
    if rel == "pobj" and head.dep_ in ("prep", "agent"):
        owner = head.head
        # a deed noun, not a verb of the same lemma ('of the 16 members, three were murdered'),
        # or its doers' noun ('the murderers of the Jesuits')
        if head.lower_ == "of" and (
            done := (_deed(owner) if owner.pos_ == "NOUN" else None) or clause.doers_deed(owner, rel_tok)
        ):
            return KindResult(done, predicate=owner)
        if done := (clause.deed_against if head.lower_ == "against" else clause.harm_to)(owner, rel_tok):
            return KindResult(done, predicate=owner)  # 'the murder committed against X', 'injuries to X'
        if owner.lemma_.lower() in lex.neutral_verbs | lex.reporting_verbs:
            found = _through_neutral(owner, head)
            if found:
                return found
    elif rel == "compound" and head.pos_ == "NOUN" and _noun_kind(head):
        return KindResult(_noun_kind(head), predicate=head)  # "took 15 people hostage"
    elif head != rel_tok:
        kind = _verb_kind(head, rel, noun, agent_type)
        taken = kind or rel in _OBJECT_DEPS or (rel in _SUBJECT_DEPS and clause.passive(head))
        joined = clause.joined_harm(head) if taken and kind != "fatalities" else None
        if joined == "fatalities" or (joined and not kind):
            kind = joined  # "rounded up and executed", "was shot and killed": the gravest fate
        if kind:
            mixed = head.pos_ == "VERB" and _mixed(head, kind)
            return KindResult(None if mixed else kind, mixed=mixed, predicate=head)
        if head.lemma_.lower() in lex.neutral_verbs:
            if noun == rel_tok and (own := _trailing_state(rel_tok)):
                return KindResult(own, predicate=rel_tok)  # "left 5 people dead and 20 injured"
            found = _through_neutral(head, rel_tok, states_only=rel in ("nsubj", "csubj"))
            if found and (found.kind or found.mixed):
                return found
    for tok in (noun, anchor):
        if tok is None:
            continue
        if tok.lemma_.lower() in lex.mixed_nouns:
            return KindResult(None, mixed=True)
        kind = _modifier_kind(tok) or _noun_kind(tok)
        if kind == "mixed":
            return KindResult(None, mixed=True, predicate=tok)
        if kind:
            return KindResult(kind, predicate=tok)
    if noun is not None and noun.lemma_.lower() in lex.generic_nouns:
        return KindResult(None, generic=True)
    behind = _lookbehind(anchor)
    if behind:
        return KindResult(behind, predicate=None)
    ahead = _lookahead(noun if noun is not None else anchor)
    return KindResult(ahead, predicate=None)


def _trailing_state(noun: Token) -> str | None:
    """'left 5 people dead and 20 injured': the state hung on the noun, not the verb's one."""
    after = (state_kind(c) for c in noun.children if c.i > noun.i and c.dep_ in ("amod", "acl"))
    return next((k for k in after if k), None)


def _lookbehind(anchor: Token) -> str | None:
    """When the parse failed: a harm verb right before the quantity ('killed at least 60')."""
    lex = lexicon()
    first = min((t for t in anchor.subtree), key=lambda t: t.i)
    prev = anchor.doc[first.i - 1] if first.i > 0 else None
    if prev is None or prev.pos_ != "VERB" or (clause.passive(prev) and prev.tag_ != "VBD"):
        return None
    return lex.verbs_object.get(prev.lemma_.lower())
