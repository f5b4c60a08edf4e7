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

from strife.figures.numbers import Quantity
from strife.figures.people import coordination_root

_PLACE_PREPS = {"in", "at", "near", "outside", "inside"}

if TYPE_CHECKING:
    from strife.figures.extract import Found


def _key(f: Found) -> tuple | None:
    """What coordinated figures share: first conjunct, kind, source, predicate."""
    if not f.kind or f.q.fraction is not None or f.q.value is None:
        return None
    if f.pos.dep_ == "appos" and coordination_root(f.pos) == f.pos:
        return None  # the same person renamed ('the mayor, Jose Perez'), not another one
    root = coordination_root(f.pos)
    pred = f.predicate.i if f.predicate is not None else None
    return (root.i, f.kind, f.source, pred)


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
    """A figure with a place of its own ('three peasants in Cauca, two in Antioquia'): the
    coordination lists separate incidents, whose figures are not one total."""
    return any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS for c in f.pos.children)


def add_totals(found: list[Found]) -> list[Found]:
    """The figures with, after each coordination of two or more, their total."""
    by_key: dict[tuple, list[Found]] = {}
    for f in found:
        key = _key(f)
        if key is not None:
            by_key.setdefault(key, []).append(f)
    totals = {
        id(ps[-1]): _total(ps) for ps in by_key.values() if len(ps) > 1 and not any(_placed(f) for f in ps)
    }
    out = []
    for f in found:
        out.append(f)
        if id(f) in totals:
            out.append(totals[id(f)])
    return out
