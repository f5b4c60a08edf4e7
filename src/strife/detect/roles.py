"""Who did what to whom with what: the arguments of a trigger, read off the dependency parse.

- agents: the active subject, the passive `by` agent, a noun's `by` phrase or possessor or
  proper-noun modifier ("Isis attack"), the subject of a light verb ("carried out an attack"),
  the subject inherited by a participle ("..., killing six") or a coordinated verb;
- patients: the object, the passive subject, the `on`/`against` target ("opened fire on a
  bus", "an attack on an army barracks"), a noun's `of` complement ("the execution of a man");
- instruments: `with` phrases, `by` phrases naming a weapon ("killed by a roadside bomb"), a
  weapon as subject ("a bomb killed") or the vehicle a bomber used ("blew themselves up in
  trucks packed with explosives").

Every head brings the noun phrases coordinated or listed with it (`members`), including list
items the parse hung on the verb (`listed_objects`); a counted total listed item by item is
not one (`itemised`). The phrase each head names is cut by `strife.detect.phrases.np_bounds`.
"""

from __future__ import annotations

from strife.detect.triggers import Token

LIGHT_VERBS = {
    "carry",
    "launch",
    "mount",
    "stage",
    "conduct",
    "commit",
    "perpetrate",
    "claim",
    "make",
    "wage",
}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
NOT_PARTIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _passive(verb: Token) -> bool:
    return (
        any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))
        or _elliptic(verb)
        or _reduced(verb)
    )


def _reduced(verb: Token) -> bool:
    """Whether a past form the parse read as an active verb with a subject is a participle
    describing that subject, whose own verb is a passive after it ("X and Y, kidnapped 11 days
    ago, were rescued today": the parse made "kidnapped" the main verb and X its doer): a comma
    right before it, no object, and a passive conjunct without a subject of its own."""
    return (
        verb.tag_ in ("VBD", "VBN")
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)
        and any(
            c.dep_ == "conj"
            and any(g.dep_ == "auxpass" for g in c.children)
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for c in verb.children
        )
    )


def _elliptic(verb: Token) -> bool:
    """Whether a participle with a subject but no auxiliary, coordinated with a passive, is a
    passive whose "were" the text left out ("one person was killed and three others injured"):
    its subject underwent the event. (Not any participle without an auxiliary: the tagger reads
    some simple pasts as participles, "the guard murdered a student".)"""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)
    )


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    return [
        g
        for c in tok.children
        if c.dep_ in ("prep", "agent") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def conjuncts(tok: Token) -> list[Token]:
    """`tok` and the nouns coordinated with it ("the FMLN and the ERP")."""
    return [
        tok,
        *[c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")],
    ]


NOUNISH = ("NOUN", "PROPN", "PRON", "NUM")


def members(tok: Token) -> list[Token]:
    """`tok` and every noun phrase coordinated or listed with it, however the parse chains them:
    "the residence, the hotel, and the council" (a conjunct of a conjunct, an item read as an
    apposition), "three vehicles -- an ambulance, a fuel truck and a station wagon" (a plural
    named item by item: the items, not the total), "Oqueli, leader of the MNR, and Hilda
    Flores" (a conjunct hung on the apposition that describes the first), "six people,
    including the rector" (`included`), "the offices of X, Y and Z" (`_of_list`)."""
    out: list[Token] = []
    seen: set[int] = set()

    def walk(t: Token) -> None:
        if t.i in seen:
            return
        seen.add(t.i)
        listed = (t.tag_ in ("NNS", "NNPS") or t.like_num) and any(
            c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children) for c in t.children
        )
        if not listed:
            out.append(t)
        in_list = any(c.dep_ == "conj" for c in t.children)
        for c in t.children:
            if c.dep_ == "prep":
                for g in included(c) + _of_list(c):
                    walk(g)
            elif c.pos_ not in NOUNISH:
                continue
            elif c.dep_ == "conj" or (c.dep_ == "appos" and (in_list or listed or semicolon(c))):
                walk(c)
            elif c.dep_ == "appos":  # a description of `t`: only what is coordinated with it
                seen.add(c.i)
                for g in c.children:
                    if g.dep_ == "conj" and g.pos_ in NOUNISH:
                        walk(g)

    walk(tok)
    return out


def semicolon(tok: Token) -> bool:
    """Whether a phrase comes right after a semicolon: an item of a list whose items carry
    commas of their own ("killing X, 42; Y, 19; and Z"), which the parse may read as an
    apposition."""
    i = tok.left_edge.i
    return i > 0 and tok.doc[i - 1].text == ";"


def _of_list(prep: Token) -> list[Token]:
    """The further items of a list an `of` phrase holds, when its phrase ends at the list's
    first comma ("the offices of the unions, the parties, and the churches": the parties and
    churches too, as the keys write them)."""
    if prep.lower_ != "of":
        return []
    doc = prep.doc
    items = [c for g in prep.children if g.dep_ == "pobj" for c in g.children if c.dep_ == "conj"]
    listed = any(c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "," for c in items)
    return [c for c in items if c.pos_ in NOUNISH] if listed else []


def included(prep: Token) -> list[Token]:
    """The objects of a preposition that adds members to a phrase: "six people, including the
    rector", "the Italians, together with a Spaniard"."""
    low = prep.lower_
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    joined = low == "with" and (
        before in ("together", "along") or any(c.lower_ in ("together", "along") for c in prep.children)
    )
    if low not in ("including", "among") and not joined:
        return []
    return [g for g in prep.children if g.dep_ == "pobj" and g.pos_ in NOUNISH]


def light(verb: Token) -> bool:
    """Whether `verb` is a light verb; by its inflected form too, since the lemmatiser misreads
    some ("staged" -> "stag")."""
    low = verb.lower_
    forms = (
        {verb.lemma_.lower(), low, low[:-1], low[:-2]}
        if low.endswith(("ed", "es"))
        else {verb.lemma_.lower()}
    )
    return bool(forms & LIGHT_VERBS)


def agents(trig: Token) -> list[Token]:
    """Heads of the noun phrases naming who carried out the event of `trig`."""
    if trig.pos_ in ("VERB", "AUX"):
        out = _pobjs(trig, {"by"}) if _passive(trig) else [c for c in trig.children if c.dep_ == "nsubj"]
        inherits = trig.dep_ in ("advcl", "xcomp", "conj") and trig.head.pos_ in ("VERB", "AUX")
        if not out and inherits and (not _passive(trig) or _passive(trig.head)):
            # "..., killing six": the subject of the main verb ("were killed and burned by X":
            # its agent); not the subject of an active verb for a passive ("X died when the
            # house was machinegunned", "X died and a girl was wounded": X did not do it)
            return agents(trig.head)
        if not out and trig.dep_ == "relcl" and trig.head.pos_ in ("NOUN", "PROPN"):
            out = (
                [trig.head]
                if any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in trig.children)
                else []
            )
        return [x for o in out for x in conjuncts(o)]
    out = _pobjs(trig, {"by", "from"})
    out += [c for c in trig.children if c.dep_ == "poss" and c.tag_ not in ("PRP$",)]
    out += [c for c in trig.children if c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_)]
    out = [o for o in out if o.ent_type_ not in NOT_PARTIES]
    if not out and trig.dep_ == "dobj" and light(trig.head):
        out = agents(trig.head)
    return [x for o in out for x in conjuncts(o)]


def patients(trig: Token) -> list[Token]:
    """Heads of the noun phrases naming whom or what the event of `trig` hit."""
    out: list[Token] = []
    if trig.pos_ in ("VERB", "AUX"):
        if _passive(trig):
            subject = ("nsubjpass", "nsubj") if _elliptic(trig) or _reduced(trig) else ("nsubjpass",)
            out += [c for c in trig.children if c.dep_ in subject]
            if trig.dep_ in ("acl", "amod") and trig.head.pos_ in ("NOUN", "PROPN"):
                out.append(trig.head)  # "captives seized by inmates"
        else:
            out += [
                c
                for c in trig.children
                if c.dep_ == "dobj" and c.lemma_.lower() not in ("fire", "themselves", "himself", "herself")
            ]
        out += _pobjs(trig, {"on", "against", "at", "upon"})
        for c in trig.children:  # "opened fire on", "set fire to" (the parse may hang `to` on the verb)
            if c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "light"):
                out += _pobjs(c, {"on", "at", "to"}) + _pobjs(trig, {"to"})
    else:
        out += _pobjs(trig, {"on", "against", "targeting", "at", "of"})
    out = [relative(o) for o in out]
    return [
        x
        for o in out
        for x in conjuncts(o)
        if (x.pos_ != "PRON" or x.lower_ in ("some", "them"))
        and (x.ent_type_ not in NOT_PARTIES or _counted(x))
        and x.lemma_.lower() not in CLOCK
    ]


def itemised(tok: Token) -> bool:
    """Whether a counted plural object is a total the sentence then lists item by item after a
    dash or colon, which the parse read as more objects of the verb: "burned three vehicles on
    the road -- a bus, a truck and a car"."""
    if (
        tok.dep_ != "dobj"
        or tok.tag_ not in ("NNS", "NNPS")
        or not any(c.dep_ == "nummod" for c in tok.children)
    ):
        return False
    doc = tok.doc
    for other in tok.head.children:
        if other.dep_ == "dobj" and other.i > tok.i:
            between = doc[tok.i + 1 : other.left_edge.i]
            if any("--" in t.text or t.text in (":", "-") for t in between):
                return True
    return False


def listed_objects(trig: Token) -> list[Token]:
    """Items of a verb's object list that the parse hung on the verb as adverbial nouns:
    "attacked the palace, the bank's guard corps, ... and the council" (the list read as
    "corps" modifying the verb). Only after the object and a comma, and no date ("today")."""
    if trig.pos_ not in ("VERB", "AUX"):
        return []
    objects = [c.i for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return []
    doc = trig.doc
    return [
        c
        for c in trig.children
        if c.dep_ == "npadvmod"
        and c.pos_ in ("NOUN", "PROPN")
        and c.i > min(objects)
        and c.left_edge.i > 0
        and doc[c.left_edge.i - 1].text == ","
        and c.ent_type_ not in NOT_PARTIES
    ]


def _counted(tok: Token) -> bool:
    """Whether a number stands for the people or things it counts: "two of her bodyguards",
    "two, Dagoberto Rodriguez and Alfonso de Lima" (not a bare "killed 3")."""
    return tok.ent_type_ == "CARDINAL" and any(
        c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children
    )


#: Nouns of a time of day ("went off at 0300 local time (0800 gmt)"): the `at` phrase says when.
CLOCK = frozenset({"time", "gmt", "hour", "hours"})


#: Relative pronouns: in "the journalist who was kidnapped" the one kidnapped is the journalist.
RELATIVES = frozenset({"who", "whom", "which", "that"})


def relative(tok: Token) -> Token:
    """The noun a relative pronoun stands for, when it is an argument of a relative clause
    ("journalist carlos marcelo, who was kidnapped by ..."), else `tok`."""
    verb = tok.head
    relative = tok.lower_ in RELATIVES and tok.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"
    return verb.head if relative and verb.head.pos_ in ("NOUN", "PROPN") else tok


def instruments(trig: Token) -> list[Token]:
    """Heads of the noun phrases naming the means: `with`/`using` phrases, a verb's `in`/`by`
    phrase, the device an event noun is named by ("a bomb attack", "the dynamite explosion")."""
    out = _pobjs(trig, {"with", "using"})
    if trig.pos_ in ("VERB", "AUX"):
        out += [g for g in _pobjs(trig, {"in", "by"}) if g.pos_ == "NOUN" and g.lemma_.lower() not in AROUND]
    else:
        out += [c for c in trig.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return [x for o in out for x in conjuncts(o)]


#: Nouns of a verb's `in` phrase that say where, not with what ("exploded in front of the
#: general's vehicle": the vehicle is what was hit).
AROUND = frozenset({"front", "vicinity", "middle", "midst", "direction", "presence"})


#: Nouns for what a weapon does, not the weapon: in "mortar fire" or "a bomb explosion" the
#: weapon is the mortar, the bomb.
USES = frozenset({"fire", "explosion", "blast", "attack", "detonation", "burst", "shot", "shooting"})


def device(tok: Token) -> Token:
    """The weapon a phrase names: the modifier of a noun for its use ("mortar fire" -> "mortar",
    "rifle-fire" is read the same way; "the dynamite attack" too, where the tagger may call
    "dynamite" an adjective), else `tok`."""
    if tok.lemma_.lower() not in USES:
        return tok
    mods = [
        c for c in tok.children if c.dep_ == "compound" or (c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN"))
    ]
    return mods[-1] if mods else tok


#: Nouns for a part of a thing: what was hit is the whole thing ("the front part of the plane",
#: "the roof of the armored vehicle", "the shelves of a book store").
PARTS = frozenset(
    {
        *("part", "front", "rear", "back", "side", "roof", "wall", "walls", "window", "windows"),
        *("door", "doors", "entrance", "facade", "floor", "shelf", "shelves", "end", "corner"),
        *("top", "bottom", "interior", "exterior", "section", "segment", "segments", "portion"),
        *("remains", "wreckage", "basement", "lobby", "yard", "courtyard"),
        *("masonry", "glass", "glasses", "windowpane", "windowpanes"),
    }
)


def whole(tok: Token) -> Token:
    """The thing a part noun is part of (`PARTS`): its `of` complement, else `tok` itself."""
    for _ in range(3):  # "the front part of the plane": part of part
        if tok.lemma_.lower() not in PARTS and tok.lower_ not in PARTS:
            return tok
        inner = next(
            (
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if inner is None:
            return tok
        tok = inner
    return tok
