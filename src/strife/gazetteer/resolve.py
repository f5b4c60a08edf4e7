"""Article-level geography: which toponyms are real, which place each one means, what role it
plays in its sentence, and the article's main place.

The reading of each name by the article's setting is `strife.gazetteer.context`; a name with
its province after it ("SAN ANDRES, SAN MIGUEL DEPARTMENT") is `strife.gazetteer.apposition`;
the dateline, the lede and the main place are `strife.gazetteer.geography`.

Reads `Article.text`, `toponyms`, `entities` and `actor_mentions`; needs no language model.
"""

from __future__ import annotations

import re
from collections import Counter

from strife.gazetteer.apposition import stated_places
from strife.gazetteer.capital import capital_mentions
from strife.gazetteer.context import (
    COUNTRY_AS_PARTY,
    DATELINE_POPULATION,
    choose,
    contributions,
    country_context,
    names_unit,
    setting_of,
    shares,
    weak,
)
from strife.gazetteer.geography import (
    Geography,
    Resolved,
    dateline_of,
    dateline_weights,
    file_point,
    is_dateline,
    main_place,
)
from strife.gazetteer.index import Gazetteer
from strife.gazetteer.matcher import uniform_case
from strife.gazetteer.places import AREA_KINDS, Place
from strife.gazetteer.subplace import INSTITUTIONS, KINDS_AFTER, KINDS_BEFORE, SubPlace, find_subplaces
from strife.models import Article, Toponym

__all__ = ["Geography", "Resolved", "country_context", "main_place", "resolve", "role_of"]

#: Entity labels that, when they strictly contain a toponym, make it part of another name
#: ("Aleppo Media Center", "Islamic State of Iraq", "Victoria Nuland").
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})

_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern|ward|wards)?"
_THE = r"\s+(?:the\s+)?$"
#: Words right before a toponym (a few other words may come between) that make it the event's
#: surroundings (ACLED geo_precision 2), a reference point, or the event's own place.
RELATIVE = re.compile(
    r"\b(?:(?:\d[\d,.]*\s*(?:km|kilometers?|kilometres?|miles?|mi)\s+(?:\([^)]*\)\s+)?)?" + _DIR + r"\s+of|"
    r"(?:km|kilometers?|kilometres?|miles?)\s+(?:\([^)]*\)\s+)?(?:away\s+)?from|"
    r"near|nearby|outside|outskirts\s+of|close\s+to|around|vicinity\s+of|suburbs?\s+of|countryside\s+of|"
    r"environs\s+of|edge\s+of|periphery\s+of|road\s+(?:to|between|from|linking)|highway\s+(?:to|between))"
    + _THE,
    re.IGNORECASE,
)
#: Gatherings: their place dates an event, it does not place it ("48 hours before the summit in X")
_GATHERINGS = r"(?:summit|conference|talks|negotiations|forum|convention|dialogue|meeting)"
REFERENCE = re.compile(
    r"\b(?:borders?\s+(?:with|of)|(?:comes?|came|coming|hails?|hailing|originally|fled|flee(?:ing)?|returned|"
    r"deported|extradited|travell?ed|journey(?:ed)?|moved|sent|recruited|recruits|arrived|arrives?|arriving|"
    r"flown|flew)\s+"
    r"(?:back\s+)?(?:from|to|in)|native\s+of|born\s+in|based\s+in|(?:stationed|garrisoned)\s+(?:at|in)|lives?\s+in|living\s+in|headquartered\s+in|"
    r"exiled\s+in|offices?\s+(?:are|is|were|was)\s+(?:located\s+)?in|citizens?\s+of|nationals?\s+of|"
    r"ambassador\s+to|envoy\s+to|"
    # a country's embassy stands in the host country ("the diplomatic representation of the
    # People's Republic of China" in Lima)
    r"(?:embass(?:y|ies)|consulates?|legations?|(?:diplomatic\s+)?representations?|diplomatic\s+missions?)\s+of|"
    r"told\s+reporters\s+in|speaking\s+(?:in|from)|"
    r"(?:" + _GATHERINGS + r"|met)\s+"
    r"(?:(?:that|which)\s+)?(?:(?:being|to\s+be|was|is|will\s+be|would\s+be)\s+)?(?:held\s+)?(?:in|at)|"
    # where the wounded were treated ("taken to the Santa Teresa hospital in X") is not the scene
    r"(?:taken|rushed|transferred|evacuated|admitted|brought|flown)\s+to\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}"
    r"(?:hospital|clinic|infirmary|medical\s+cent(?:er|re))\s+(?:in|at|of)|"
    r"from|to)" + _THE,
    re.IGNORECASE,
)
#: A gathering an attack struck is the attack's scene, not a venue that dates it: "the blast
#: which wiped out the commanders' meeting in X", "an air strike on a meeting of leaders in X".
_GATHERING = re.compile(_GATHERINGS + r"\b", re.IGNORECASE)
_STRUCK = re.compile(
    r"\b(?:(?:attack|strike|airstrike|raid|bombing|shelling|assault)s?\s+(?:on|against)|target(?:ed|ing)|"
    r"struck|strikes?|hit|bombed|shelled|raided|stormed|wiped\s+out|blew\s+up)\s+(?:[\w'’.-]+\s+){0,6}$",
    re.IGNORECASE,
)


def _struck_gathering(chunk: str, cue: int) -> bool:
    """Is the cue at `cue` a gathering the words just before it say an attack struck?"""
    return bool(_GATHERING.match(chunk, cue)) and bool(_STRUCK.search(chunk[:cue]))


EXPLICIT = re.compile(r"\b(?:in|at|inside|into|within|on|across|throughout)" + _THE, re.IGNORECASE)
_ROLES = (("relative", RELATIVE), ("reference", REFERENCE), ("explicit", EXPLICIT))
_LAST_WORD = re.compile(r"[\w'’.-]+\s+$")
_STOP_WALK = re.compile(r"[,;:()\"“”!?]\s*$")
#: Words right after a toponym that make it a reference: "London-based", "Iran-backed", a
#: criminal organisation named after its city ("the Medellin cartel"), a
#: capital standing for its government ("Moscow said", "Damascus has denied", "Rome's
#: ambassador"), and a place naming a person's office ("the Central American University
#: rector", "the Mosul governor"): the person's, not the event's place.
_AFTER_REFERENCE = re.compile(
    r"^(?:[-\s](?:based|backed|led|born|funded|allied|supported|aligned|sponsored|cartel)\b|"
    # a newspaper named after its city ("LOS ANGELES TIMES"), a reporter's base ("OUR MEXICO
    # CITY CORRESPONDENT")
    r"\s+(?:times|post|herald|tribune|journal|chronicle|gazette|correspondents?|bureau)\b|"
    r"(?:'s?|’s?)?\s+(?:ambassadors?|embassy|envoys?|consul|consulate|diplomats?|foreign\s+ministry|"
    r"government|regime|rector|mayor|governor|dean|bishop|archbishop)\b|"
    r"(?:'s?|’s?)?\s+(?:(?:has|have|had)\s+)?(?:said|says|say|claimed|claims|denied|denies|warned|warns|"
    r"announced|announces|accused|accuses|insisted|insists|demanded|demands|rejected|rejects|vetoed|urged|"
    r"urges|condemned|condemns|blamed|blames|agreed|agrees|wants|signed|stated|declared|threatened)\b)",
    re.IGNORECASE,
)
_ABBREVIATED = re.compile(r"^(?:[A-Z]\.){2,3}$|^(?:[A-Z]\.)[A-Z]\.?$")
_WORD_NEXT = re.compile(r"\.?\s+[A-Za-z]")


def _contained_in_name(t: Toponym, article: Article, caseless: bool = False) -> bool:
    """Is the toponym part of a longer name: an actor of the dictionary, or (in text whose case
    says something) a person or organisation the language model found? Without capitals the
    small model's names are mostly wrong ("THE MURDER OF ANTIOQUIA DEPARTMENT" as ORG), so only
    the dictionary's actors count there."""
    if not caseless:
        for e in article.entities:
            if (
                e.type in NAME_LABELS
                and e.start <= t.start
                and t.end <= e.end
                and (e.end - e.start) > (t.end - t.start)
            ):
                return True
    return _in_actor(t, article)


def _in_actor(t: Toponym, article: Article) -> bool:
    return any(a.start <= t.start and t.end <= a.end for a in article.actor_mentions)


def _sentence_start(article: Article, index: int | None) -> int:
    return article.sentences[index].start if index is not None and article.sentences else 0


_PERSON_OF = re.compile(r",?\s+of\s+", re.IGNORECASE)


def _origin_of_person(article: Article, t: Toponym) -> bool:
    """ "ROBERTO ROASCIO OF MILAN", "Maria Lopez, of Cali": the place a named person comes
    from, not where the event happened."""
    return any(
        e.type == "PERSON" and e.end <= t.start and _PERSON_OF.fullmatch(article.text, e.end, t.start)
        for e in article.entities
    )


def role_of(article: Article, t: Toponym, floor: int) -> tuple[str, int]:
    """The toponym's role from the words before it in its sentence (from `floor`; up to five
    words may stand between the cue and the name, as in "north of the Iraqi capital Baghdad")
    and right after it ("London-based"); the place a named person is "of" is a reference.
    Returns the role and where its cue begins."""
    if _AFTER_REFERENCE.match(article.text[t.end : t.end + 30]) or _origin_of_person(article, t):
        return "reference", t.start
    chunk = article.text[max(floor, t.start - 150) : t.start]
    base = t.start - len(chunk)
    for _ in range(6):
        for name, pattern in _ROLES:
            m = pattern.search(chunk)
            if m:
                if name == "reference" and _struck_gathering(chunk, m.start()):
                    return "explicit", base + m.start()
                return name, base + m.start()
        last = _LAST_WORD.search(chunk)
        if not last or last.start() == 0 or _STOP_WALK.search(chunk[: last.start()]):
            break
        chunk = chunk[: last.start()]
    return "plain", t.start


def resolve(article: Article, gazetteer: Gazetteer) -> Geography:
    caseless = uniform_case(article.text)
    usable = [t for t in article.toponyms if t.candidates]
    toponyms = [t for t in usable if not _contained_in_name(t, article, caseless)]
    inside = [t for t in usable if t not in toponyms and _in_actor(t, article)]
    clues = contributions(article, gazetteer, toponyms, inside)
    share = shares(clues)
    setting = setting_of(gazetteer, share)
    toponyms = sorted(toponyms + capital_mentions(article, gazetteer, share, toponyms), key=lambda t: t.start)
    units = [names_unit(article, t) for t in toponyms]
    first = [
        choose(t, gazetteer, share, [], set(), setting, is_dateline(article, t), u)[0]
        for t, u in zip(toponyms, units, strict=True)
    ]
    anchors = [
        (t.text.lower(), p)
        for p, t in zip(first, toponyms, strict=True)
        if p.kind not in AREA_KINDS and t.type == "place"
    ]
    admin1s = {p.admin1 for p in first if p.kind == "admin1" and p.admin1}
    chosen = [
        choose(t, gazetteer, share, anchors, admin1s, setting, is_dateline(article, t), u)
        for t, u in zip(toponyms, units, strict=True)
    ]
    placed = stated_places(article, gazetteer, toponyms, [p for p, _ in chosen])
    resolved: list[Resolved] = []
    for t, (first_reading, ambiguous), place in zip(toponyms, chosen, placed, strict=True):
        ambiguous = ambiguous and place is first_reading
        sentence = article.sentence_index(t.start)
        role, cue = role_of(article, t, _sentence_start(article, sentence))
        role, cue = _apposed_distance(article, t, resolved[-1].toponym if resolved else None, role, cue)
        if place.kind == "country" and (
            (COUNTRY_AS_PARTY.match(article.text[t.end : t.end + 40]) and not _located(article, t, cue))
            or _attributive(article, t, role, cue)
        ):
            role, cue = "reference", t.start
        support = shares(_vouching(clues, t, gazetteer, caseless), without=t.text.lower())
        # a report is filed from a real town: a dateline's city of note stands on its own
        filed = is_dateline(article, t) and place.population >= DATELINE_POPULATION
        unsure = (weak(t, place, support, gazetteer, caseless) and not filed) or _names_subplace(
            article, t, place
        )
        r = Resolved(t, place, sentence, role, cue, ambiguous, unsure)
        resolved.append(r)
    kept = [r for r in resolved if not r.weak]
    dateline = dateline_of(article, kept)
    weights = dateline_weights(article, gazetteer, toponyms, dateline) if dateline is not None else None
    main = main_place(article, kept, weights)
    if dateline is not None:
        file_point(article, kept, dateline)
    return Geography(kept, _setting(clues, resolved), main, _subplaces(article, gazetteer, kept), dateline)


def _setting(clues: list[tuple[str, str, float]], resolved: list[Resolved]) -> Counter[str]:
    """The weight of each country in the article's own setting: its clues but those of names
    only ever told as reference points ("a statement from Washington")."""
    names = {r.toponym.text.lower() for r in resolved}
    placed = {r.toponym.text.lower() for r in resolved if r.role != "reference"}
    weights: Counter[str] = Counter()
    for name, iso, weight in clues:
        if name in placed or name not in names:
            weights[iso] += weight  # type: ignore[assignment]
    return weights


def _vouching(
    clues: list[tuple[str, str, float]], t: Toponym, gazetteer: Gazetteer, caseless: bool
) -> list[tuple[str, str, float]]:
    """The clues that may support the toponym: without capitals an English word ("WAR",
    "CONGRESS") is supported only by the names of places, not by another English word read
    as a place nor by a nationality adjective ("AMERICAN" of a party's name)."""
    words = gazetteer.matcher.words
    if not caseless or t.text.lower() not in words.common:
        return clues
    return [c for c in clues if c[0] not in words.common and c[0] not in words.demonyms]


#: A distance after a place's name that says where that place lies: "HUANCAYO, 415 KM SOUTHEAST
#: OF LIMA", "Santa Tecla, 12 km from the capital".
_LIES_AFTER = re.compile(
    r"^\s*,\s*(?:about\s+|some\s+|nearly\s+)?\d[\d,.]*\s*(?:km|kilometers?|kilometres?|miles?)\b",
    re.IGNORECASE,
)


#: Between that place and the cue of the distance ("415 KM SOUTHEAST OF", "12 KM FROM").
_BETWEEN = re.compile(r"\s*,\s*(?:about\s+|some\s+|nearly\s+)?(?:\d[\d,.]*\s*)?", re.IGNORECASE)


def _apposed_distance(
    article: Article, t: Toponym, previous: Toponym | None, role: str, cue: int
) -> tuple[str, int]:
    """A place located by a distance from another is the one the sentence is about ("HUANCAYO,
    415 KM SOUTHEAST OF LIMA, IS PARALYZED": Huancayo is told of, as if "in Huancayo"); the place
    it is measured from is then only a reference point."""
    if role == "plain" and _LIES_AFTER.match(article.text[t.end : t.end + 40]):
        return "explicit", t.start
    if role == "relative" and previous is not None and _BETWEEN.fullmatch(article.text[previous.end : cue]):
        return "reference", t.start
    return role, cue


#: A locative word right before a name: "IN EL SALVADOR" places, whatever verb follows.
_LOCATED = re.compile(r"(?:in|at|inside|within|throughout)\s+(?:the\s+)?", re.IGNORECASE)


def _located(article: Article, t: Toponym, cue: int) -> bool:
    """Is the name right after "in"/"at"? Then a verb after it is its clause's, not the
    country's: "DEATH SQUADS IN EL SALVADOR HAVE MURDERED" (but "SPAIN HAS SUSPENDED AID")."""
    return bool(_LOCATED.fullmatch(article.text, cue, t.start))


def _attributive(article: Article, t: Toponym, role: str, cue: int) -> bool:
    """A dotted country abbreviation before a noun describes, it does not place: "TWO U.S.
    MISSIONARIES", "U.S. PROPERTIES", "ON KIDNAPPING VICTIM U.S. PROFESSOR KENT" (but "in the
    U.S." is a place)."""
    return (
        (role != "explicit" or not _located(article, t, cue))
        and bool(_ABBREVIATED.match(t.text))
        and bool(_WORD_NEXT.match(article.text, t.end))
    )


_KIND_BEFORE = re.compile(KINDS_BEFORE, re.IGNORECASE)
#: A name's first word after a Spanish kind noun, not a function word ("Colonia on Monday").
_NAME_NEXT = re.compile(
    r"\s+[\"“]?(?!(?:on|in|at|and|or|is|was|has|had|the|of|to|for|by|with|from|where|which)\b)[A-Za-z]",
    re.IGNORECASE,
)
_SUBPLACE_AFTER = re.compile(r"^[\"”']?\s+(?:" + KINDS_AFTER + r")\b", re.IGNORECASE)
_PART_AFTER = re.compile(
    r"^[\"”']?\s+(?:neighbou?rhood|barrio|colonia|suburb|canton|caserio|hamlet|farm|hacienda)\b",
    re.IGNORECASE,
)


#: A street or a river named after a place ("San Ignacio and Nataniel streets", "Haifa Street",
#: "the San Miguel River").
_STREET_AFTER = re.compile(
    r"^\s+(?:and\s+(?:[\w'’]+\s+){1,3})?(?:streets?|avenues?|boulevard|rivers?)\b", re.IGNORECASE
)


#: An institution named after a place ("El Salvador University", "Bogota airport").
_INSTITUTION_AFTER = re.compile(r"^\s+(?:" + INSTITUTIONS + r")\b", re.IGNORECASE)
_INSTITUTION_OF = re.compile(r"\buniversity\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _names_subplace(article: Article, t: Toponym, p: Place) -> bool:
    """A country's or province's name naming a neighbourhood or farm ("the America
    neighborhood") is that place's name, not the country, and so is a lossy match or a small
    town's name before the noun of a part of a town; any place's name naming a street
    is the street's; a country or province naming an institution ("El Salvador University")
    is the institution's."""
    after = article.text[t.end : t.end + 40]
    if _STREET_AFTER.match(after):
        return True
    if _KIND_BEFORE.fullmatch(t.text) and _NAME_NEXT.match(after):
        return True  # "COLONIA MIRAMONTES": the Spanish noun of a part of a town, not Cologne
    # a city keeps its name before its airport or university: the event is in that city
    before = article.text[max(0, t.start - 30) : t.start]
    named = _SUBPLACE_AFTER.match(after) or _INSTITUTION_AFTER.match(after) or _INSTITUTION_OF.search(before)
    # a name matched only by its consonant skeleton, or a small town's name, before the noun
    # of a part of a town ("the El Pedregal neighborhood": a town of that name lies 150 km away)
    # is that neighbourhood's or farm's own name
    part = bool(_PART_AFTER.match(after)) and (
        t.type == "place~" or (p.kind == "city" and p.population < 100_000)
    )
    return part or (p.kind in ("country", "admin1") and bool(named))


def _subplaces(article: Article, gazetteer: Gazetteer, kept: list[Resolved]) -> list[SubPlace]:
    """Places named with their kind that no toponym, actor or other name covers."""
    taken = [(r.toponym.start, r.toponym.end) for r in kept]
    taken += [(a.start, a.end) for a in article.actor_mentions]
    return [
        sp
        for sp in find_subplaces(article.text, gazetteer.matcher.words.stop, article.doc)
        if not any(a < sp.end and sp.start < b for a, b in taken)
    ]
