""" "The capital" without a name: the national capital of the country the article is set in.

Wire copy names the capital once and then says "the capital" ("guerrillas bombed the capital
again", "attacks in the capital"); read as a toponym whose one candidate is that capital, the
phrase takes part in choosing the event's place like any name. Not when a name follows (the
name is its own toponym: "the capital, San Salvador", "the capital of Ecuador"), nor for a
province's or a district's capital ("the provincial capital", "Antioquia Department's capital").
"The Peruvian capital" is the capital of the country of the nationality word, wherever the
article is set.

Reads `Article.text` and the article's setting (its countries' shares); needs no language model.
"""

from __future__ import annotations

import re

from strife.gazetteer.index import Gazetteer, national_demonyms
from strife.models import Article, Toponym

_CAPITAL = re.compile(
    r"\bthe\s+(?:(?P<nation>[A-Za-z]+)\s+)?(?P<word>capital)(?:\s+city)?\b(?!\s+(?:of|city\s+of)\b)",
    re.IGNORECASE,
)
#: Share of the article's clues its country must hold to be "the" country of "the capital".
SETTING_SHARE = 0.5
#: How far after the phrase a toponym makes it a title for that name ("the capital, Quito").
NAME_AFTER = 25


def capital_mentions(
    article: Article, gazetteer: Gazetteer, share: dict[str, float], toponyms: list[Toponym]
) -> list[Toponym]:
    """A toponym for each bare "the capital" of the article, read as its setting's capital, and
    each "the Peruvian capital", read as the capital of the nationality's country."""
    iso = max(share, key=lambda c: share[c], default=None)
    setting = _capital_of(gazetteer, iso) if iso is not None and share[iso] >= SETTING_SHARE else None
    nations = national_demonyms()
    out = []
    for m in _CAPITAL.finditer(article.text):
        start, end = m.start("word"), m.end("word")
        nation = m.group("nation")
        if nation is not None and nation.lower() not in nations:
            continue  # a lesser unit's ("the provincial capital") or a described one ("the rebel capital")
        capital = setting if nation is None else _capital_of(gazetteer, nations[nation.lower()])
        if capital is None or any(_names(m, t) for t in toponyms):
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
