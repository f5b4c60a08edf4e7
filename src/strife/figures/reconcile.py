"""Reconciling conflicting fatality claims into one `Fatalities` (low / best / high).

The rule (also in docs/figures.md):

1. Only counts of kind `fatalities` count. A count's value is its low bound (a vague word at its
   table value, "more than 70" at 70, "10 to 15" at 10), or its high bound when only that is
   given ("up to 15").
2. Claims are sorted by whose people they count (`group`). Named groups add up (39 SDF + 70
   Islamic State + 7 civilians); a claim with no group is a claim about the whole, so a total is
   the larger of the named groups' sum and that claim ("10 killed, including 5 children" = 10).
3. Per group, each source's figure is its revised toll, else the largest it gives (its smaller
   figures are earlier tolls, parts, or people singled out: "ten were killed ... the mayor was
   killed"). Of these, `low` is the smallest (ACLED's conservative rule: the lowest credible
   figure, which is often a party's count of its own losses; an open figure below the best one,
   "at least one", is consistent with it and no lower estimate); `best` is the figure of the most
   credible source, unless that figure is open and a source that is no party gives a larger one
   (an agency's "the murder of X" beside "X was killed along with two bodyguards": 3, not at
   least 1); `high` the largest. A claim whose words enclose two or more claims is their total
   ("five soldiers and three civilians"; "eight were hurt ... police said 10 other people were
   hurt"): the parts are not rival claims.
4. Credibility: 3 an independent monitor, the UN, an NGO or independent media; 2 the article
   itself or a non-party (local activists, a hospital official); 1 a party to the fighting (a
   source whose own people are counted in the claims, one that claims the killing itself, or one
   the caller marks so). Among sources of equal rank a revised toll ("rose to", "revised") wins,
   then a bounded figure over an open one ("at least", vague words), then among bounded ones the
   lower, among open ones the higher (a lower bound below a figure does not contradict it).
5. `low` = sum of per-group lows; `best` = sum of per-group bests; `high` = the largest total
   any one source claims. Attackers who die (suicide bombers included) are counted like anyone
   else. The result keeps low <= best <= high.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from strife.figures.lexicon import lexicon
from strife.models import Count, Fatalities

INDEPENDENT, NEUTRAL, PARTY = 3, 2, 1


@dataclass(frozen=True)
class GroupFigure:
    """The reconciled figure for one group (None: claims that name no group)."""

    group: str | None
    low: int
    best: int
    high: int
    best_source: str | None


def value(count: Count) -> int | None:
    """The number a count stands for in a reconciliation."""
    return count.low if count.low is not None else count.high


def source_rank(
    source: str | None, groups: Iterable[str | None], ranks: Mapping[str, int] | None = None
) -> int:
    """How credible `source` is (3 independent, 2 neutral or the article, 1 a party)."""
    if source is None:
        return NEUTRAL
    if ranks and source in ranks:
        return ranks[source]
    if source in set(groups):
        return PARTY
    lower = f" {source.lower()} "
    if any(word in lower for word in lexicon().independent_words):
        return INDEPENDENT
    return NEUTRAL


def _is_revision(count: Count) -> bool:
    words = {w.strip(".,;:'\"").lower() for w in count.text.split()}
    return bool(words & lexicon().revision_cues)


def _preference(count: Count, rank: int) -> tuple[int, int, int, int]:
    """Most credible source first, then a revised toll, then a bounded figure over an open one
    ('at least', 'more than', vague words); among bounded figures the lower (conservative),
    among open ones the higher (a lower bound below another figure does not contradict it:
    'the mayor was killed' is one of the ten the police report)."""
    v = value(count) or 0
    bounded = count.high is not None
    return (rank, int(_is_revision(count)), int(bounded), -v if bounded else v)


def _encloses(total: Count, part: Count) -> bool:
    return (
        total.start <= part.start
        and part.end <= total.end
        and (total.start, total.end) != (part.start, part.end)
    )


def wholes(claims: list[Count]) -> list[Count]:
    """The claims without the parts of a total: a claim whose words enclose two or more claims
    ('five soldiers and three civilians' around 'five soldiers' and 'three civilians') is their
    total, and the parts are no rival claims about the same people. Only totals enclose other
    claims; those of one coordination have one source, while 'eight were injured ... police said
    10 other people were injured' adds the figures of two."""
    parts = set()
    for total in claims:
        inner = [i for i, c in enumerate(claims) if _encloses(total, c)]
        if len(inner) >= 2:
            parts.update(inner)
    return [c for i, c in enumerate(claims) if i not in parts]


def _claims(counts: Iterable[Count]) -> list[Count]:
    return wholes([c for c in counts if c.kind == "fatalities" and value(c) is not None])


def _own_figure(claims: list[Count]) -> Count:
    """One source's figure for one group: its revised toll, else its largest (its smaller figures
    are earlier tolls, parts, or people singled out: 'ten were killed ... the mayor was killed')."""
    return max(claims, key=lambda c: (int(_is_revision(c)), value(c) or 0, int(c.qualifier != "vague")))


def per_group(
    counts: Iterable[Count], ranks: Mapping[str, int] | None = None
) -> dict[str | None, GroupFigure]:
    """The fatality claims reconciled group by group (the key None holds group-less claims);
    `ranks` as for `reconcile` (by default the actor dictionary's)."""
    claims = _claims(counts)
    if ranks is None:
        from strife.figures.credibility import dictionary_ranks  # loads the dictionary once

        ranks = dictionary_ranks(c.source for c in claims)
    groups = {c.group for c in claims}
    out: dict[str | None, GroupFigure] = {}
    for group in groups:
        of_group = [c for c in claims if c.group == group]
        sources = {c.source for c in of_group}
        mine = [_own_figure([c for c in of_group if c.source == s]) for s in sources]
        values = [value(c) or 0 for c in mine]
        best = _best(mine, groups, ranks)
        # an open figure below the best ('at least one') is consistent with it, not a lower estimate
        rivals = [value(c) or 0 for c in mine if c.high is not None or c is best]
        out[group] = GroupFigure(group, min(rivals), value(best) or 0, max(values), best.source)
    return out


def _best(mine: list[Count], groups: set[str | None], ranks: Mapping[str, int] | None) -> Count:
    """The most credible source's figure (see `_preference`). When that figure is open ('at
    least one', a victim named with no number) a larger figure of a source that is no party
    does not contradict it and says more: that figure is the best."""
    rank = {id(c): source_rank(c.source, groups, ranks) for c in mine}
    best = max(mine, key=lambda c: _preference(c, rank[id(c)]))
    if best.high is None:
        above = [c for c in mine if (value(c) or 0) > (value(best) or 0) and rank[id(c)] >= NEUTRAL]
        if above:
            best = max(above, key=lambda c: _preference(c, rank[id(c)]))
    return best


def _source_totals(claims: list[Count]) -> list[int]:
    totals = []
    for source in {c.source for c in claims}:
        mine = [c for c in claims if c.source == source]
        named: dict[str, int] = {}
        for c in mine:
            if c.group is not None:
                named[c.group] = max(named.get(c.group, 0), value(c) or 0)
        whole = max((value(c) or 0 for c in mine if c.group is None), default=0)
        totals.append(max(sum(named.values()), whole))
    return totals


def reconcile(counts: Iterable[Count], ranks: Mapping[str, int] | None = None) -> Fatalities:
    """low / best / high fatalities from all the counts of one event (see the module rule).

    `ranks` may fix the credibility of named sources (3 independent, 2 neutral, 1 party); by
    default the actor dictionary rates the sources it knows (`credibility.dictionary_ranks`: a
    monitor 3, a party or a party's own outlet 1), so callers that merged events need not know.
    Pass `{}` for the name-based rule alone.
    """
    counts = list(counts)
    figures = per_group(counts, ranks)
    if not figures:
        return Fatalities()
    whole = figures.pop(None, None)
    low = sum(f.low for f in figures.values())
    best = sum(f.best for f in figures.values())
    if whole is not None:
        low, best = max(low, whole.low), max(best, whole.best)
    high = max([*_source_totals(_claims(counts)), best])
    return Fatalities(low=min(low, best), best=best, high=high)
