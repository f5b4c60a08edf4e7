""" "The capital" without a name: the national capital of the country the article is set in.

Wire copy names the capital once and then says "the capital" ("guerrillas bombed the capital
again", "attacks in the capital"); read as a toponym whose one candidate is that capital, the
phrase takes part in choosing the event's place like any name. Not when a name follows (the
name is its own toponym: "the capital, San Salvador", "the capital of Ecuador"), nor for a
province's or a district's capital ("the provincial capital", "Antioquia Department's capital").

Reads `Article.text` and the article's setting (its countries' shares); needs no language model.
"""

from __future__ import annotations

import re

from strife.gazetteer.index import Gazetteer
from strife.models import Article, Toponym

_CAPITAL = re.compile(r"\bthe\s+(?P<word>capital)(?:\s+city)?\b(?!\s+(?:of|city\s+of)\b)", re.IGNORECASE)
#: A word before "capital" that makes it a lesser unit's: "the provincial capital".
_LESSER = re.compile(
    r"\b(?:provincial|departmental|regional|state|district|municipal|local|rebel|former|new|old|"
    r"economic|commercial|cultural|financial|winter|summer)\s+$",
    re.IGNORECASE,
)
#: Share of the article's clues its country must hold to be "the" country of "the capital".
SETTING_SHARE = 0.5
#: How far after the phrase a toponym makes it a title for that name ("the capital, Quito").
NAME_AFTER = 25


def capital_mentions(
    article: Article, gazetteer: Gazetteer, share: dict[str, float], toponyms: list[Toponym]
) -> list[Toponym]:
    """A toponym for each bare "the capital" of the article, read as its setting's capital."""
    iso = max(share, key=lambda c: share[c], default=None)
    if iso is None or share[iso] < SETTING_SHARE:
        return []
    capital = _capital_of(gazetteer, iso)
    if capital is None:
        return []
    out = []
    for m in _CAPITAL.finditer(article.text):
        start, end = m.start("word"), m.end("word")
        if _LESSER.search(article.text, max(0, start - 20), start) or any(_names(m, t) for t in toponyms):
            continue
        out.append(
            Toponym(text=article.text[start:end], start=start, end=end, type="place", candidates=[capital])
        )
    return out


def _names(m: re.Match[str], t: Toponym) -> bool:
    """Does the toponym name the capital the phrase speaks of ("the capital, Quito"; "Huaraz,
    the capital": a province's), or contain the phrase?"""
    return (
        m.end() <= t.start < m.end() + NAME_AFTER
        or m.start() - 4 <= t.end <= m.start()
        or t.start <= m.start("word") < t.end
    )


def _capital_of(gazetteer: Gazetteer, iso2: str) -> int | None:
    place = gazetteer.capital(iso2)
    return None if place is None else place.id
