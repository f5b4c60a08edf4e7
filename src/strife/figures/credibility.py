"""How credible each source of an article is, for `reconcile` (3 independent, 2 neutral, 1 party).

The actor dictionary's entry decides when there is one: a monitor or independent outlet is
independent; a party's own outlet (a media entry with a parent, e.g. a group's news agency), an
armed group, state force, government or political actor is a party. Without an entry, a source
that claims a killing itself ("claimed to have killed") or is typed as an armed actor is a party.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from strife.errors import StrifeError
from strife.models import Article

if TYPE_CHECKING:
    from strife.figures.extract import Found

_ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
_PARTY_KINDS = {"armed_group", "state_force", "government", "political"}


def rank_of_entry(entry: Any) -> int | None:
    """Credibility of a source from its actor-dictionary entry (kind, type, parent), or None."""
    kind = getattr(entry, "kind", None)
    if kind == "monitor":
        return 3
    if kind == "media":
        return 1 if getattr(entry, "parent", None) else 3  # a party's own outlet speaks for it
    if kind == "international":
        name = getattr(entry, "name", "")
        independent = getattr(entry, "actor_type", None) is None or name.startswith(("UN ", "United Nations"))
        return 3 if independent else 1
    if kind in _PARTY_KINDS:
        return 1
    return None


def dictionary_ranks(sources: Iterable[str | None]) -> dict[str, int]:
    """Credibility of named sources by the packaged actor dictionary's word on them (its entries
    are loaded once per process); sources it does not know are left out. What `reconcile` uses
    when its caller gives no ranks (e.g. after events merge), so a party's outlet stays a party."""
    names = {s for s in sources if s}
    if not names:
        return {}
    try:
        from strife.actors import ActorDictionary

        lookup = ActorDictionary.load().get
    except (StrifeError, OSError, ImportError):  # no dictionary: the name-based default applies
        return {}
    ranks = {}
    for name in names:
        rank = rank_of_entry(lookup(name))
        if rank is not None:
            ranks[name] = rank
    return ranks


def source_ranks(
    article: Article, found: list[Found], lookup: Callable[[str], Any] | None = None
) -> dict[str, int]:
    """Credibility of the article's named sources for `reconcile` (3 independent, 1 a party):
    the actor dictionary's word on each (`lookup(name)` -> entry), else a party when it claims
    a killing itself or is typed as an armed actor. Others are left to
    `reconcile.source_rank`'s default (monitors by name 3, the rest 2)."""
    armed = {m.name for m in article.actor_mentions if m.actor_type in _ARMED}
    ranks: dict[str, int] = {}
    for f in found:
        if not f.source:
            continue
        rank = rank_of_entry(lookup(f.source)) if lookup is not None else None
        if rank is None and (f.party_claim or f.source in armed):
            rank = 1
        if rank is not None:
            ranks[f.source] = min(rank, ranks.get(f.source, rank))
        elif f.party_claim:
            ranks[f.source] = 1
    return ranks
