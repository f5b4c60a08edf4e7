"""Places a sentence names only by referring back to them: "a guerrilla column attacked the
farm" (the "Los Pinos" farm of the sentence before), "later, in the same area, terrorists
burned nine vehicles", "two soldiers were killed there".

The antecedent of "the <kind>" is the last place named before with that kind noun (a place
the gazetteer lacks, `SubPlace`, or a known one written with the noun: "the town of X", "X
village"); the antecedent of "the same area" and "there" is the last place a sentence before
put something in or near. The place stage uses it for an event whose own words name no place.

Reads `Article.text`, `sentences` and the article's resolved places; needs no language model.
"""

from __future__ import annotations

import re

from strife.gazetteer.geography import Geography, Resolved
from strife.gazetteer.subplace import SubPlace
from strife.models import Article

#: Kind nouns a definite reference may use, each with the spellings of the same kind.
KINDS = {
    "farm": ("farm", "hacienda", "finca", "estate"),
    "estate": ("estate", "farm", "hacienda"),
    "hacienda": ("hacienda", "farm", "estate"),
    "village": ("village", "hamlet", "canton", "caserio", "aldea"),
    "hamlet": ("hamlet", "village", "canton", "caserio"),
    "canton": ("canton", "caserio", "village", "hamlet"),
    "neighborhood": ("neighborhood", "neighbourhood", "colonia", "barrio"),
    "neighbourhood": ("neighborhood", "neighbourhood", "colonia", "barrio"),
    "town": ("town", "village", "municipality"),
    "university": ("university",),
}
_BACK = re.compile(
    r"\b(?:the|that|this)\s+(?P<kind>" + "|".join(KINDS) + r")\b(?!\s+of\b)(?!['’]s)"
    r"|\b(?:in|at|near)\s+the\s+same\s+(?:area|place|spot|region|zone|sector|locality)\b"
    # "there" ending a clause, not the existential "there were" nor "from there" (a departure)
    r"|(?<!\bfrom\s)(?<!\bover\s)\bthere\b(?=\s*[,.;:]|\s+(?:on|in|at|when|while|during|after|before)\b)",
    re.IGNORECASE,
)
#: A place within these many sentences before the reference may be its antecedent.
WINDOW = 4


def referred(article: Article, geo: Geography, sentence: int) -> Resolved | SubPlace | None:
    """The place sentence `sentence` refers back to, if it does (see the module docstring)."""
    span = article.sentences[sentence]
    m = _BACK.search(article.text, span.start, span.end)
    if m is None:
        return None
    floor = article.sentences[max(0, sentence - WINDOW)].start
    kind = (m.group("kind") or "").lower()
    if kind:
        return _named_with(article, geo, KINDS[kind], floor, m.start())
    return _last_situated(geo, floor, span.start)


def _named_with(
    article: Article, geo: Geography, kinds: tuple[str, ...], floor: int, before: int
) -> Resolved | SubPlace | None:
    """The last place before `before` (and after `floor`) named with one of `kinds`."""
    found: list[tuple[int, Resolved | SubPlace]] = [
        (sp.start, sp) for sp in geo.subplaces if floor <= sp.start < before and sp.kind in kinds
    ]
    for r in geo.resolved:
        if floor <= r.start < before and r.role != "reference" and _written_with(article, r, kinds):
            found.append((r.start, r))
    return max(found, key=lambda f: f[0])[1] if found else None


def _written_with(article: Article, r: Resolved, kinds: tuple[str, ...]) -> bool:
    """Is the name written with its kind noun: "the town of X", "X village"?"""
    words = "|".join(kinds)
    after = re.match(rf"\s+(?:{words})\b", article.text[r.toponym.end : r.toponym.end + 20], re.IGNORECASE)
    before = re.search(
        rf"\b(?:{words})\s+of\s+$", article.text[max(0, r.start - 25) : r.start], re.IGNORECASE
    )
    return bool(after or before)


def _last_situated(geo: Geography, floor: int, before: int) -> Resolved | SubPlace | None:
    """The last place a sentence before `before` puts something in or near."""
    found: list[tuple[int, Resolved | SubPlace]] = [
        (sp.start, sp) for sp in geo.subplaces if floor <= sp.start < before
    ]
    found += [
        (r.start, r)
        for r in geo.resolved
        if floor <= r.start < before and r.role in ("explicit", "relative") and r.place.specificity <= 1
    ]
    return max(found, key=lambda f: f[0])[1] if found else None
