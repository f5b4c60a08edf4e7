"""Helpers shared by the actor tests."""

from __future__ import annotations

from strife.actors import ActorDictionary


def names(actors: ActorDictionary, text: str, **kw) -> list[tuple[str, str]]:
    """(surface, canonical name) of every mention of `text`, checking its offsets on the way."""
    found = actors.find(text, **kw)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.name) for m in found]


def only(actors: ActorDictionary, text: str) -> str | None:
    """The canonical name of the single mention of `text` (None if there is none)."""
    found = names(actors, text)
    assert len(found) <= 1, found
    return found[0][1] if found else None
