"""Totals of coordinated figures: 'killed five soldiers and three civilians' is eight dead.

Figures coordinated in one phrase ("five soldiers and three civilians", "the Jesuit priests,
their cook and her daughter", "Jose Perez, Juan Gomez and Pedro Lopez") count different people
who underwent the same thing. Each stays a figure of its own (it may name its group), and one
more figure, their total, covers the whole phrase. `strife.figures.reconcile` reads a figure
whose words enclose two or more figures of the same kind and source as their total, so the parts
are never taken for rival claims about the same people.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from strife.figures.clause import clause_verb, elided_repeat, relation_token, relative_conjunct
from strife.figures.numbers import Quantity
from strife.figures.people import breakdown, coordination_root

_PLACE_PREPS = {"in", "at", "near", "outside", "inside"}

if TYPE_CHECKING:
    from strife.figures.extract import Found


def _key(f: Found) -> tuple | None:
    """What coordinated figures share: first conjunct, kind, source, predicate."""
    if not f.kind or f.q.fraction is not None or f.q.value is None:
        return None
    if f.pos.dep_ == "appos" and coordination_root(f.pos) == f.pos and not breakdown(f.pos):
        return None  # the same person renamed ('the mayor, Jose Perez'), not another one
    root, pred = coordination_root(f.pos), f.predicate
    if pred is None and (outer := relative_conjunct(f.pos)) is not None:
        # 'two policemen who were acting as her bodyguards and a private citizen were wounded':
        # read by the verb after it, the last conjunct of a relative clause is the noun's
        root, pred = coordination_root(outer), outer.head
    return (root.i, f.kind, f.source, pred.i if pred is not None else None)


def _sum(parts: list[Found]) -> Quantity:
    lows = [f.q.low for f in parts]
    highs = [f.q.high for f in parts]
    low = sum(v for v in lows if v is not None) if all(v is not None for v in lows) else None
    high = sum(v for v in highs if v is not None) if all(v is not None for v in highs) else None
    if all(f.q.qualifier == "exact" for f in parts):
        qualifier = "exact"
    else:  # open parts leave the total open above; bounded ones keep it a range
        qualifier = "at_least" if high is None and low is not None else "approximately"
    return Quantity(0, 0, low, high, qualifier)


def _total(parts: list[Found]) -> Found:
    first, last = parts[0], parts[-1]
    last_count = last.count()
    doc = first.anchor.doc
    end_tok = max(t.i for t in doc[first.span[0].i :] if t.idx < last_count.end)
    groups = {f.group for f in parts}
    return replace(
        first,
        q=_sum(parts),
        span=list(doc[first.span[0].i : end_tok + 1]),
        noun=None,
        group=groups.pop() if len(groups) == 1 else None,
        parts=len(parts),
        aggregate=any(f.aggregate for f in parts),
    )


def drop_shadowed(found: list[Found]) -> list[Found]:
    """People counted without a number whose predicate also takes a number not coordinated
    with them are that number's people ('the men, 40 of them, escaped', or a misparse that
    gives a verb two subjects): the number is the figure."""

    def slot(f: Found) -> tuple | None:
        return None if f.predicate is None else (f.predicate.i, f.kind)

    numbered: dict[tuple, set[int]] = {}
    for f in found:
        if f.q.head is None and (key := slot(f)) is not None:
            numbered.setdefault(key, set()).add(coordination_root(f.pos).i)
    return [
        f
        for f in found
        if f.q.head is None or (key := slot(f)) not in numbered or coordination_root(f.pos).i in numbered[key]
    ]


def _placed(f: Found) -> bool:
    """A figure with a place of its own ('three peasants in Cauca, two in Antioquia')."""
    return any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS for c in f.pos.children)


def _separate(parts: list[Found]) -> bool:
    """Coordinated figures that list separate incidents, each with its place ('three peasants
    in Cauca, two in Antioquia'): not one total. A place on the last one only, when it names
    its people, is the whole phrase's, which the parser hangs on its nearest noun ('killed six
    priests and two women in the capital'); a bare number with a place ('and two in Antioquia')
    is a separate count."""
    last = parts[-1]
    return any(_placed(f) for f in parts[:-1]) or (_placed(last) and last.noun is None)


def add_totals(found: list[Found]) -> list[Found]:
    """The figures with, after each coordination of two or more, their total."""
    by_key: dict[tuple, list[Found]] = {}
    for f in found:
        key = _key(f)
        if key is not None:
            by_key.setdefault(key, []).append(f)
    totals = {id(ps[-1]): _total(ps) for ps in by_key.values() if len(ps) > 1 and not _separate(ps)}
    out = []
    for f in found:
        out.append(f)
        if id(f) in totals:
            out.append(totals[id(f)])
    return out


#: Words that add a figure's people to those already told ('two bodyguards were also killed').
_ALSO = {"also", "too"}
#: Words on the counted noun that say its people are not those told before ('10 other people').
_OTHER = {"other", "more", "additional", "further"}


def _also(f: Found) -> bool:
    """The figure's harm is said to befall these people too: 'also', 'too', 'as well'."""
    pred = f.predicate
    if pred is None or pred.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    for c in pred.children:
        as_well = c.lower_ == "well" and any(g.lower_ == "as" for g in c.children)
        if c.dep_ == "advmod" and (c.lower_ in _ALSO or as_well):
            return True
    return False


def _as_were(f: Found) -> bool:
    """The figure is the subject of an elided repeat of the clause before it ('12 soldiers were
    injured, as were some pedestrians'): more people than that clause's."""
    rel = relation_token(f.pos)
    return rel.dep_ in ("nsubj", "nsubjpass") and elided_repeat(rel.head) is not None


def _other(f: Found) -> bool:
    """The counted people are others than those told before: '10 other people', 'two more
    soldiers', 'three additional victims', 'two others' (not 'more than 10')."""
    noun = f.noun
    if noun is None:
        return False
    if noun.lower_ == "others":
        return True
    words = [c for c in noun.children if c.dep_ in ("amod", "advmod") and c.lower_ in _OTHER]
    words += [c for c in f.anchor.children if c.lower_ == "more" and c.i > f.anchor.i]
    return any(not any(g.lower_ == "than" for g in w.children) for w in words)


def _places(f: Found) -> set[str]:
    """The named places the figure's predicate happened in ('killed in Hama', 'two deaths in
    Hama'), also where the parser hangs the place on a noun of the clause ('shot by gunmen in
    Hama')."""
    pred = f.predicate
    if pred is None:
        return set()
    return {
        obj.lower_
        for prep in pred.subtree
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS and pred in (prep.head, clause_verb(prep.head))
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ == "PROPN"
    }


def _within(f: Found, total: Found) -> bool:
    return (
        total is not f
        and total.parts > 0
        and total.span[0].i <= f.span[0].i <= f.span[-1].i <= total.span[-1].i
    )


def add_also_totals(found: list[Found], window: int = 2) -> list[Found]:
    """'Minister X was assassinated in an attack in which two members of his escort were also
    killed', 'police said 10 other people were injured': people harmed 'also' are more people
    than the ones told just before them (the latest figure of the same kind, in the same sentence
    or up to `window` sentences before, itself a total when it is one, of the same source), and
    so are 'other' people, whoever tells of them, and the people of an elided repeat ('12 were
    injured, as were some pedestrians'). Their total is added after them, as for
    coordinated figures, so that the reconciliation reads 3, not rival claims of 1 and 2."""
    out = list(found)
    for i, f in enumerate(found):
        other, elided = _other(f), _as_were(f)
        if not (_also(f) or other or elided) or f.q.value is None or f.q.fraction is not None or f.aggregate:
            continue
        if any(_within(f, t) for t in found):
            continue  # 'a soldier and two civilians were also killed': their total is the figure
        earlier = [
            g
            for g in found[:i]
            if g.kind == f.kind and g.start < f.start and f.sentence - window <= g.sentence <= f.sentence
        ]
        base = earlier[-1] if earlier else None
        if base is None or base.q.value is None or base.q.fraction is not None or base.aggregate:
            continue
        if (
            (base.source != f.source and not other)  # 'other' people are more whoever tells them
            or (base.predicate == f.predicate and not elided)
            or _places(base) & _places(f) != _places(f)
        ):
            continue  # another claimant, the same clause, or another place: no more of the same people
        out.insert(out.index(f) + 1, _total([base, f]))
    return out
