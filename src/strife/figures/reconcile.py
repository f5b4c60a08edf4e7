"""Reconciling conflicting fatality claims into one `Fatalities` (low / best / high).

The rule (also in docs/figures.md):

1. Only counts of kind `fatalities` count. A count's value is its low bound (a vague word at its
   table value, "more than 70" at 70, "10 to 15" at 10), or its high bound when only that is
   given ("up to 15").
2. Claims are sorted by whose people they count (`group`). Named groups add up (39 SDF + 70
   Islamic State + 7 civilians); a claim with no group is a claim about the whole, so a total is
   the larger of the named groups' sum and that claim ("10 killed, including 5 children" = 10).
3. Per group, `low` is the smallest claim (ACLED's conservative rule: the lowest credible
   figure, which is often a party's count of its own losses); `best` is the claim of the most
   credible source; `high` the largest claim.
4. Credibility: 3 an independent monitor, the UN, an NGO or independent media; 2 the article
   itself or a non-party (local activists, a hospital official); 1 a party to the fighting (a
   source whose own people are counted in the claims, one that claims the killing itself, or one
   the caller marks so). Among equals a revised toll ("rose to", "revised") wins, then an exact
   figure over a vague one, then the lower figure.
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
    v = value(count) or 0
    return (rank, int(_is_revision(count)), int(count.qualifier != "vague"), -v)


def per_group(
    counts: Iterable[Count], ranks: Mapping[str, int] | None = None
) -> dict[str | None, GroupFigure]:
    """The fatality claims reconciled group by group (the key None holds group-less claims)."""
    claims = [c for c in counts if c.kind == "fatalities" and value(c) is not None]
    groups = {c.group for c in claims}
    out: dict[str | None, GroupFigure] = {}
    for group in groups:
        mine = [c for c in claims if c.group == group]
        values = [value(c) or 0 for c in mine]
        best = max(mine, key=lambda c: _preference(c, source_rank(c.source, groups, ranks)))
        out[group] = GroupFigure(group, min(values), value(best) or 0, max(values), best.source)
    return out


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

    `ranks` may fix the credibility of named sources (3 independent, 2 neutral, 1 party).
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
    claims = [c for c in counts if c.kind == "fatalities" and value(c) is not None]
    high = max([*_source_totals(claims), best])
    return Fatalities(low=min(low, best), best=best, high=high)
