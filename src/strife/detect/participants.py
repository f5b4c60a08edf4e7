"""The participants of an event as mentions (used by the `arguments` stage).

Reads the heads `strife.detect.arguments.collect` found (agents, patients, instruments) and
adds to the event `perpetrators` (people or groups; a personal name an apposition gives),
`victims` (people, named ones as `PERSON` mentions of the name alone), `targets` (things, with
GTD's target type; a vehicle hit is one, not a weapon) and `weapons` (with GTD's weapon type),
each a noun phrase with offsets into `article.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strife.actors.text import is_monocase
from strife.detect import names, roles
from strife.detect.arguments import Roles, party, unique
from strife.detect.features import mentions_in
from strife.detect.lexicon import Lexicon
from strife.detect.phrases import np_bounds
from strife.detect.triggers import Token, np_lemmas
from strife.models import Article, Event, Mention


def mention(article: Article, head: Token, type_: str | None = None) -> Mention:
    start, end = np_bounds(head)
    return article.mention(start, end, type_)


def _doer(article: Article, head: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase names people or a group that can carry out an event (not "the
    explosion" of "killed by the explosion", not "the evidence")."""
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if lex.kind_of([head.lemma_.lower()]) & {"person", "group"} and not head.like_num:
        return True
    start, end = np_bounds(head)
    return any(party(m) for m in mentions_in(start, end, article.actor_mentions))


def _tokens(head: Token) -> tuple[int, int]:
    start, end = np_bounds(head)
    span = head.doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (head.i, head.i + 1)


#: Heads that count or gather what their `of` complement names ("dozens of prisoners").
QUANTITY_HEADS = frozenset(
    [
        "dozen",
        "hundred",
        "thousand",
        "score",
        "some",
        "several",
        "many",
        "all",
        "most",
        "number",
        "group",
        "one",
        "two",
        "three",
        "both",
        "none",
        "rest",
        "majority",
    ]
)


def _unplaced(article: Article, head: Token, type_: str | None) -> Mention:
    """A thing hit without the place its phrase ends with ("the headquarters of the embassy in
    bogota", "the residence of the ambassador in this capital"): the place is where it stands,
    the event's location, not what was hit."""
    start, end = np_bounds(head)
    cut = article.text.lower().rfind(" in ", start, end)
    if cut > start:
        rest = article.text[cut + 4 : end].lower()
        placed = any(cut < p.start and p.end == end for p in article.toponyms)
        if placed or rest in ("this capital", "the capital"):
            end = cut
    return article.mention(start, end, type_)


def _counted(head: Token) -> Token:
    """The things a quantity counts ("a number of pylons", "some of the buses", "most of the
    office" -> "pylons", "buses", "office"): what was hit, which the quantity only measures."""
    low = head.lemma_.lower()
    if not (head.like_num or head.pos_ in ("NUM", "PRON") or low in QUANTITY_HEADS) or low == "group":
        return head
    inner = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
    ]
    return inner[0] if inner else head


def _is_person(head: Token, lex: Lexicon) -> bool:
    """Whether a patient names people: by its head word, not its modifiers ("the mayor's office"
    and "residences of democratic leaders" are things), or by what a quantity counts ("some of
    the helicopters" are things, "dozens of prisoners" people)."""
    low = head.lemma_.lower()
    counted = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if counted and (head.like_num or head.pos_ in ("NUM", "PRON") or low in QUANTITY_HEADS):
        return _is_person(counted[0], lex)
    if "person" in lex.kind_of([low]) or "person" in lex.kind_of([head.lower_]):
        return True
    if lex.typed(lex.targets, [low]) is not None:
        return False  # a thing, whatever the entity tagger made of a one-case text ("Powerline")
    return head.like_num or head.pos_ in ("PRON", "NUM") or head.ent_type_ in ("PERSON", "NORP")


@dataclass
class Names:
    """What reading personal names in one article needs (see `strife.detect.names`)."""

    words: frozenset[str] = frozenset()
    monocase: bool = False
    taken: frozenset[int] = frozenset()  # tokens of actor names
    places: frozenset[int] = frozenset()  # tokens of place names (surnames may be ones too)

    @classmethod
    def of(cls, article: Article, words: frozenset[str]) -> Names:
        return cls(
            words,
            is_monocase(article.text),
            _token_set(article, article.actor_mentions),
            _token_set(article, article.toponyms),
        )


def _token_set(article: Article, mentions: Sequence[Mention]) -> frozenset[int]:
    doc = article.doc
    out: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def victim(article: Article, head: Token, lex: Lexicon, ctx: Names, person: bool = False) -> Mention:
    """A victim's noun phrase, or the personal name it gives (type `PERSON`): "Colonel Waldemar
    Franklin Quintero" is the victim Waldemar Franklin Quintero, and "Quintero" is too when the
    article names him in full elsewhere (the mention then points at the full name). `person`:
    the report says the phrase names a person ("the other victim, X"), so a proper noun phrase
    is a name even when its words are not known as one."""
    start, end = np_bounds(head)
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        found = names.person_name(
            head, (span.start, span.end), lex, ctx.words, ctx.monocase, ctx.taken, ctx.places
        )
        if found:
            name = article.doc.char_span(*found, alignment_mode="expand")
            if name is not None:  # the fullest form the article gives this name
                i, j = names.fullest(
                    article.doc, (name.start, name.end), lex, ctx.words, ctx.monocase, ctx.taken
                )
                while j - i > 1 and _title(article.doc[i], lex):
                    i += 1  # "Engineers Osvaldo Lira": a plural the tagger took for a name
                found = (article.doc[i].idx, article.doc[j - 1].idx + len(article.doc[j - 1]))
            return article.mention(*found, "PERSON")
    run = _name_run(head, lex) if person and head.ent_type_ not in ("ORG", "NORP", *roles.NOT_PARTIES) else []
    if any(t.pos_ == "PROPN" for t in run):
        return article.mention(run[0].idx, head.idx + len(head), "PERSON")
    return article.mention(start, end)


def _titled(head: Token, lex: Lexicon) -> bool:
    """Whether a phrase whose head is no known thing names a person by the title or occupation
    before the head ("judge maria elena diaz", "television magnate hector delgado parker"),
    whatever the tagger made of the name's words in a one-case text."""
    before = head.doc[head.left_edge.i : head.i]
    return head.is_alpha and any(_title(t, lex) and t.dep_ == "compound" for t in before)


#: GTD target types of the forces a phrase may name ("the police", "the national police"): the
#: side hit, as a victim is, not a thing (MUC-4's targets are physical ones).
FORCES = frozenset({"Police", "Military"})


def _force(head: Token, lex: Lexicon) -> bool:
    """Whether a patient's head is a word for a force ("police"), not for a thing of it
    ("police station", "police post" have heads of their own)."""
    low = head.lemma_.lower()
    return "group" in lex.kind_of([low]) and lex.typed(lex.targets, [low]) in FORCES


def _title(tok: Token, lex: Lexicon) -> bool:
    """Whether a word says what a person is ("lieutenant", "engineers"), not who."""
    words = {tok.lower_, tok.lemma_.lower(), tok.lower_.removesuffix("s")}
    return any(w in lex.titles or "person" in lex.kind_of([w]) for w in words)


def _name_run(head: Token, lex: Lexicon) -> list[Token]:
    """The words of a name that end at `head`, without the title or description before them
    ("lieutenant Quiroga" -> "Quiroga")."""
    run: list[Token] = []
    for tok in reversed(head.doc[head.left_edge.i : head.i + 1]):
        if run and tok.lower_ in names.PARTICLES:
            run.insert(0, tok)
            continue
        if not tok.is_alpha or tok.pos_ not in ("PROPN", "NOUN") or _title(tok, lex):
            break
        run.insert(0, tok)
    while run and run[0].lower_ in names.PARTICLES:
        run.pop(0)
    return run


def participants(article: Article, event: Event, r: Roles, lex: Lexicon, ctx: Names | None = None) -> None:
    """Fill perpetrators, victims, targets and weapons (noun phrases with offsets)."""
    ctx = ctx or Names()
    event.perpetrators = [
        _doer_mention(article, h, lex, ctx)
        for h in unique(r.agents)
        if h.pos_ != "PRON"
        and lex.typed(lex.weapons, [h.lemma_.lower()]) is None
        and (_doer(article, h, lex) or _named(h, lex, ctx))
    ]
    victims, targets, used = [], [], []
    named = {h.i for h in r.named}
    for h in unique([roles.whole(p) for p in r.patients]):
        # "powerline", "machinegun" are no surnames, whatever a one-case text leaves of their case
        thing = any(lex.typed(kind, [h.lemma_.lower()]) is not None for kind in (lex.targets, lex.weapons))
        if h.i in named and not thing:  # "the other victim, X": a person whatever X's words
            victims.append(victim(article, h, lex, ctx, person=True))
        elif _is_person(h, lex) or (not thing and _named(h, lex, ctx)):
            victims.append(victim(article, h, lex, ctx))
        elif not thing and _titled(h, lex):  # "judge maria elena diaz": a person, not a thing
            victims.append(victim(article, h, lex, ctx, person=True))
        elif _force(h, lex):  # "hurled explosives at the police": a side hit, not a thing
            victims.append(mention(article, h))
        elif _hit_thing(h, lex) and not _laden(h, lex):
            targets.append(_unplaced(article, _counted(h), _target_type(h, event, lex)))
        elif _used(h) or _laden(h, lex):  # "fired machineguns at", "three explosives were hurled"
            used.append(h)
    event.victims, event.targets = _distinct(victims), _distinct(targets)
    weapons = [roles.device(h) for h in unique(r.instruments) if lex.typed(lex.weapons, np_lemmas(h))]
    weapons += [roles.device(h) for h in unique(r.agents) if lex.typed(lex.weapons, [h.lemma_.lower()])]
    weapons += [roles.device(h) for h in used]
    event.weapons = [_unnumbered(article, h, _weapon_type(h, event, lex)) for h in unique(weapons)]


#: Verbs whose object is a weapon put to use ("fired machineguns at the area", "three explosives
#: were hurled at his residence", "set off 5 kg of dynamite"), not one found, seized or defused.
USE_VERBS = frozenset(
    {"fire", "hurl", "throw", "lob", "toss", "launch", "detonate", "explode", "set", "plant"}
)
#: Nouns whose `of` phrase names the weapon that went off ("the explosion of a bomb").
GOING_OFF = frozenset({"explosion", "detonation", "blast"})


def _used(head: Token) -> bool:
    """Whether a patient that is a weapon (no vehicle) was used in the event, not hit: the
    object of a verb of using one, or what an explosion was of."""
    gov = head.head
    if head.lemma_.lower() in roles.USES:  # "fired shots": what a weapon did, not the weapon
        return False
    if head.dep_ in ("dobj", "nsubjpass"):
        return gov.lemma_.lower() in USE_VERBS
    return head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in GOING_OFF


def _laden(head: Token, lex: Lexicon) -> bool:
    """Whether a vehicle is one a bomb rode in: "a car stuffed with explosives", "a vehicle
    loaded with 80 kg of dynamite" (the weapon, as MUC-4's keys write it, not a thing hit)."""
    if lex.typed(lex.weapons, [head.lemma_.lower()]) != "Explosives/Vehicle":
        return False
    return any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and lex.typed(lex.weapons, [w.lemma_.lower() for w in c.subtree if w.i > c.i]) is not None
        for c in head.children
    )


def _unnumbered(article: Article, head: Token, type_: str | None) -> Mention:
    """A weapon's noun phrase without the ordinal that leads it ("the second bomb" -> "bomb"):
    it numbers the weapon in the story, it does not describe it."""
    start, end = np_bounds(head)
    for tok in head.doc[head.left_edge.i : head.i]:
        if tok.idx >= start and tok.ent_type_ == "ORDINAL" and tok.dep_ == "amod":
            start = head.doc[tok.i + 1].idx
    return article.mention(start, end, type_)


def _doer_mention(article: Article, head: Token, lex: Lexicon, ctx: Names) -> Mention:
    """A perpetrator's noun phrase, or the personal name an apposition gives it: "the chief of
    the gang, Juan Perez, ordered ..." is Juan Perez (as a victim's name is read)."""
    if "person" not in lex.kind_of([head.lemma_.lower()]):
        return mention(article, head)  # "the pipeline, the X pipeline": a thing's name
    doc = head.doc
    inner = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for c in [*head.children, *[a for g in inner for a in g.children]]:  # the parse may hang it on "of X"
        if c.dep_ != "appos" or c.left_edge.i == 0 or doc[c.left_edge.i - 1].text != ",":
            continue  # "a group from the armed forces of liberation (fal)": no name of a person
        if c.pos_ in ("PROPN", "NOUN") and _named(c, lex, ctx):
            named = victim(article, c, lex, ctx)
            if named.type == "PERSON":
                return named
    return mention(article, head)


def _hit_thing(head: Token, lex: Lexicon) -> bool:
    """Whether a patient that is no person is a thing hit, not a weapon: a vehicle is one
    ("burned nine vehicles", "the blast hit a truck"), though a bomb may ride in it."""
    weapon = lex.typed(lex.weapons, [head.lemma_.lower()])
    return weapon is None or weapon == "Explosives/Vehicle"


#: Nouns for a portion of the thing their `of` complement names ("a stretch of the pipeline",
#: "the showcases of 30 stores"), which is what was hit.
PORTIONS = frozenset({"stretch", "length", "piece", "showcase", "kilometer", "kilometre", "mile"})


def _target_type(head: Token, event: Event, lex: Lexicon) -> str | None:
    """GTD's target type of a thing hit, by its words (none when only its `of` complement has
    one); a vehicle hit in a battle is one of the fighters' ("armored vehicles destroyed"
    in an ambush), so Military."""
    own = [t.lemma_.lower() for t in head.doc[head.left_edge.i : head.i + 1]]
    low = head.lemma_.lower()
    counts = low in QUANTITY_HEADS or low in PORTIONS or low in roles.PARTS or head.like_num
    # the type of an `of` complement is the thing's only when its own words have one, or count
    # it or a part of it ("offices of the union", "some of the buses", "a stretch of the
    # pipeline"; not "the secretary of the embassy")
    kind = lex.typed(lex.targets, np_lemmas(head)) if counts or lex.typed(lex.targets, own) else None
    vehicle = lex.typed(lex.weapons, [head.lemma_.lower()]) == "Explosives/Vehicle"
    if vehicle and event.event_type == "Battles":
        return "Military"
    return kind or _container_type(head, lex)


def _container_type(head: Token, lex: Lexicon) -> str | None:
    """The type of the thing whose `of` list holds `head`: in "the offices of the unions, the
    parties, and ..." the parties' offices were hit."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is head or first.dep_ != "pobj" or first.head.lower_ != "of":
        return None
    container = first.head.head
    return lex.typed(lex.targets, [container.lemma_.lower()])


def _named(head: Token, lex: Lexicon, ctx: Names) -> bool:
    """Whether a noun phrase gives a personal name (one the parse of a text in one case may
    have tagged a common noun: "gonzalo rodriguez")."""
    return (
        names.person_name(head, _tokens(head), lex, ctx.words, ctx.monocase, ctx.taken, ctx.places)
        is not None
    )


def _distinct(mentions: list[Mention]) -> list[Mention]:
    """The mentions without repeats of one span (a name read from a phrase and its apposition)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _weapon_type(head: Token, event: Event, lex: Lexicon) -> str | None:
    if "vbied" in event.tags and head.lemma_.lower() in (
        "truck",
        "car",
        "vehicle",
        "tanker",
        "bus",
        "motorcycle",
    ):
        return "Explosives/Vehicle"
    return lex.typed(lex.weapons, np_lemmas(head))
