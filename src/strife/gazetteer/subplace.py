"""Places the gazetteer does not hold but the text names with their kind: "the Escalon
neighborhood", "Campestre neighborhood", "the village of El Jicaro", "canton Los Llanitos",
"the La Eminencia farm", "Orrantia district", "the place called La Loma Verde".

ACLED codes such a place at the nearest place it knows, one step less precise; strife does the
same: the place stage gives the sub-place's name and the coordinates and admin units of the
known place it lies in (see `strife.stages.place`). Only the words next to a kind noun count,
so the rule needs no list of names and works on text in any case.

Reads `Article.text`; needs no language model.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from strife.gazetteer.matcher import CALENDAR, DIRECTIONS, TITLES, uniform_case
from strife.wordsets import word_set

#: Kind nouns that follow a name ("Escalon neighborhood") or, with "of", precede it.
KINDS_AFTER = (
    "neighborhood|neighbourhood|suburb|canton|caserio|hamlet|village|farm|hacienda|barrio|colonia|"
    "municipality|jurisdiction|refugee camp|township|residential area|housing development|housing complex|"
    "corregimiento|vereda|aldea|river"
)
#: Kind nouns that follow the name of a part of a city ("ORRANTIA DISTRICT", "the Mejicanos
#: sector"); only for names no gazetteer entry covers, since "Afrin district" is a known unit.
PARTS_AFTER = "district|sector"
#: Kind nouns whose "of" introduces the place's own name ("the town of X"), not the place it
#: lies in ("a neighbourhood of Lima").
KINDS_OF = (
    "town|city|village|hamlet|canton|caserio|municipality|jurisdiction|community|settlement|"
    "corregimiento|aldea|vereda"
)
#: Kinds of a part of a town whose "of" introduces its own name only after "the" ("the suburb of
#: X", "the residential area of X"): "a suburb of Lima" names the place it lies in, and so does
#: "the Salaheddine neighbourhood of Aleppo", where a name comes before the kind.
PARTS_OF = r"suburb|neighbou?rhood|residential\s+(?:area|district)"
#: Spanish kind nouns that stand before the name ("canton El Jicaro", "colonia Escalon").
KINDS_BEFORE = "canton|caserio|colonia|barrio|hacienda|finca|aldea|vereda|corregimiento|urbanizacion"
#: Words inside a name that are not English words of the sentence ("Prados de Venecia").
CONNECTORS = word_set("de del la las los el y san santa santo")
#: Words before a kind noun that describe it instead of naming it ("a poor neighborhood").
MODIFIERS = word_set(
    """a an the this that these those its his her their our my your one two three four five several many
    some few various different other another same whole entire nearby neighboring neighbouring adjacent
    surrounding outlying poor rich wealthy affluent exclusive residential working middle class upper lower
    slum shanty marginal small large big little remote rural urban coastal mountain border downtown central
    business financial diplomatic shopping historic embassy electoral police military populated inhabited crowded
    old new local military peasant indigenous guerrilla refugee displaced populous densely poorest
    residential industrial commercial each every such what which whose mostly heavily largely
    area zone city town capital department province region country coffee cattle cooperative state private
    family presidential global agricultural model experimental municipal national international departmental
    provincial luxurious elegant upscale humble modest"""
)
_WORD = r"[A-Za-zÀ-ÿ'’]+"
_KIND_WORD = rf"(?:{KINDS_AFTER}|{PARTS_AFTER})\b"  # a kind noun that follows its name
_AFTER = re.compile(rf"(?P<name>(?:{_WORD}[ \t]+){{0,3}}{_WORD})[ \t\"”']*\s+(?P<kind>{_KIND_WORD})", re.I)
#: A place introduced by what it is called: "at the place called La Loma Verde", "a district in
#: the city known as Villa Nueva" (a few words may stand between the noun and "called").
_CALLED = re.compile(
    r"\b(?P<kind>place|site|spot|locality|area|zone|district|neighbou?rhood|sector|village|hamlet|farm|estate|"
    rf"settlement|hill)\b(?:[ \t]+{_WORD}){{0,3}}?[ \t]+(?:called|known[ \t]+as|named)[ \t]+[\"“]?"
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})",
    re.I,
)
#: Where `_AFTER` may end (whitespace, then a kind noun) and what no match of it can hold: the
#: rest of its characters are words, white space and quotes (`_after_matches`).
_KIND_AT = re.compile(rf"\s(?={_KIND_WORD})", re.I)
_KIND = re.compile(_KIND_WORD, re.I)
_NOT_IN_AFTER = re.compile(r"[^A-Za-zÀ-ÿ'’\"”\s]", re.I)
_OF = re.compile(rf"\b(?P<kind>{KINDS_OF})\s+of\s+[\"“]?(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})", re.I)
_PART_OF = re.compile(
    rf"\bthe\s+(?:{_WORD}[ \t]+){{0,2}}?(?P<kind>{PARTS_OF})\s+of\s+[\"“]?(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})",
    re.I,
)
_BEFORE = re.compile(rf"\b(?P<kind>{KINDS_BEFORE})\s+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})", re.I)
#: A quoted name may have one describing word before its kind ("the "Los Pinos" presidential farm").
_QUOTED = re.compile(
    r"[\"“](?P<name>[^\"”\n]{3,40})[\"”]\s+(?:[A-Za-z]+\s+)?(?P<kind>" + KINDS_AFTER + r")\b", re.I
)
#: Institutions whose kind is part of their name ("the Central American University", "El
#: Dorado airport"): a place where a locative word or an attack puts the event there.
INSTITUTIONS = r"university|(?:international\s+)?airport"
_INSTITUTION_CUE = (
    r"\b(?:at|in|near|inside|outside|into|on|around|attacked|bombed|raided|stormed|occupied|entered|"
    r"surrounded|siege\s+on|attacks?\s+on)\s+(?:the\s+)?"
)
_INSTITUTION = re.compile(
    _INSTITUTION_CUE
    + rf"(?P<name>(?:{_WORD}[ \t]+){{1,4}}(?P<kind>{INSTITUTIONS})\b|(?P<kind2>university)\s+of\s+{_WORD}(?:[ \t]+{_WORD}){{0,2}})",
    re.I,
)


@dataclass(frozen=True)
class SubPlace:
    """A place named with its kind; `start`/`end` cover the name, `span` the whole phrase."""

    name: str
    kind: str
    start: int
    end: int
    span: tuple[int, int]


#: Parts of speech that end a name (when a parse is at hand): "the detonations shook
#: Teusaquillo neighborhood" names Teusaquillo only.
_BREAKING_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "NUM", "CCONJ", "SCONJ", "PUNCT", "PART"})
_NAME_WORD = re.compile(_WORD)

Word = tuple[str, int, int]


def _stop(word: Word, stop_words: frozenset[str], doc: Any) -> bool:
    low = word[0].lower().strip("'’")
    if low in CONNECTORS:
        return False
    if low in stop_words or low in MODIFIERS or low in DIRECTIONS or low in TITLES or len(low) < 2:
        return True
    if low in CALENDAR:
        return True  # "15 SEPTEMBER NEIGHBORHOOD" is named by a date, not "September"
    if doc is not None:
        span = doc.char_span(word[1], word[2], alignment_mode="expand")
        return span is not None and len(span) == 1 and span[0].pos_ in _BREAKING_POS
    return False


def _words_of(m: re.Match[str]) -> list[Word]:
    base = m.start("name")
    return [(w.group(), base + w.start(), base + w.end()) for w in _NAME_WORD.finditer(m.group("name"))]


def _tail(words: list[Word], stop_words: frozenset[str], doc: Any) -> list[Word]:
    """The name at the end of `words`: back from the kind noun until a describing word."""
    out: list[Word] = []
    for w in reversed(words):
        if _stop(w, stop_words, doc):
            break
        out.insert(0, w)
    while out and out[0][0].lower() in CONNECTORS - {"san", "santa", "santo", "la", "las", "los", "el"}:
        out.pop(0)  # "de Venecia" alone is no name
    return out


def _head(words: list[Word], stop_words: frozenset[str], doc: Any, cased: bool = False) -> list[Word]:
    """The name at the start of `words`: forward until a describing word (in text whose case
    says something, until a lower-case word: "the neighbourhood of Salihiah ahead of")."""
    out: list[Word] = []
    for w in words:
        if _stop(w, stop_words, doc) or (cased and w[0][:1].islower() and w[0].lower() not in CONNECTORS):
            break
        out.append(w)
    while out and out[-1][0].lower() in CONNECTORS:
        out.pop()
    return out


def _found(text: str, words: list[Word], kind: str, kind_span: tuple[int, int]) -> SubPlace | None:
    if not words or all(w[0].lower() in CONNECTORS for w in words):
        return None
    start, end = words[0][1], words[-1][2]
    span = (min(start, kind_span[0]), max(end, kind_span[1]))
    if len(text[start:end].replace(" ", "")) < 3:
        return None
    name = " ".join(text[start:end].split())
    return SubPlace(name=name, kind=" ".join(kind.lower().split()), start=start, end=end, span=span)


def find_subplaces(text: str, stop_words: frozenset[str], doc: Any = None) -> list[SubPlace]:
    """Every "<name> <kind>", "<kind> of <name>" and "<Spanish kind> <name>" in `text`; the
    parse (`doc`), when given, ends a name at a verb or a preposition."""
    out: list[SubPlace] = []
    for m in _QUOTED.finditer(text):
        found = _found(text, _words_of(m), m.group("kind"), m.span("kind"))
        out += [found] if found else []
    for m in _after_matches(text):
        found = _found(text, _tail(_words_of(m), stop_words, doc), m.group("kind"), m.span("kind"))
        out += [found] if found else []
    named_kinds = {s.span[1] for s in out}  # "the X neighbourhood of Y": the kind has its name
    cased = not uniform_case(text)
    for rx in (_OF, _BEFORE, _CALLED, _PART_OF):
        for m in rx.finditer(text):
            if rx is _PART_OF and m.end("kind") in named_kinds:
                continue
            name = _head(_words_of(m), stop_words, doc, cased)
            found = _found(text, name, m.group("kind"), m.span("kind"))
            out += [found] if found else []
    out += _institutions(text, stop_words, doc)
    out += _apposed(text, out, stop_words, doc)
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[SubPlace] = []
    for s in out:
        if not any(k.start < s.end and s.start < k.end for k in kept):
            kept.append(s)
    return kept


def _after_matches(text: str) -> list[re.Match[str]]:
    """The matches of `_AFTER.finditer(text)`, found fast: tried at every letter, that pattern
    cost 2 % of the pipeline. Each match ends in a kind noun after white space and starts
    within the run of word, space and quote characters that ends there, so the next match is
    sought only in that run, up to the kind noun (the first kind that ends a match ends one
    starting at the leftmost start, as a match is cut at any kind noun inside it), and then
    read in full at its start (where the name may run on to a later kind noun)."""
    kinds = [m.end() for m in _KIND_AT.finditer(text)]
    breaks = [m.start() for m in _NOT_IN_AFTER.finditer(text)] if kinds else []
    out: list[re.Match[str]] = []
    pos = 0
    for k in kinds:
        if k < pos:
            continue
        i = bisect.bisect_left(breaks, k)
        run = breaks[i - 1] + 1 if i else 0
        kind = _KIND.match(text, k)
        assert kind is not None  # `_KIND_AT` looked ahead for it
        if (m := _AFTER.search(text, max(pos, run), min(len(text), kind.end() + 1))) is None:
            continue
        if (full := _AFTER.match(text, m.start())) is None:  # never seen; the plain scan is the truth
            return list(_AFTER.finditer(text))
        out.append(full)
        pos = full.end()
    return out


#: "in SAJANDI, " right before a place named with its kind: a place within it.
_APPOSED_BEFORE = re.compile(
    rf"\b(?:in|at|near)[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*,[ \t]*$", re.I
)


def _apposed(text: str, found: list[SubPlace], stop_words: frozenset[str], doc: Any) -> list[SubPlace]:
    """ "in SAJANDI, LA FONDA CORREGIMIENTO", "near X, Y canton": the name before the comma is a
    smaller place within the one named with its kind (its kind unknown: a locality)."""
    out = []
    for sp in found:
        if sp.span[0] != sp.start:
            continue  # "canton X", "the town of X": the kind comes first, no apposition
        m = _APPOSED_BEFORE.search(text, max(0, sp.start - 60), sp.start)
        if m is None:
            continue
        words = [
            (w.group(), m.start("name") + w.start(), m.start("name") + w.end())
            for w in _NAME_WORD.finditer(m.group("name"))
        ]
        if any(_stop(w, stop_words, doc) for w in words):
            continue
        if (named := _found(text, words, "locality", (words[0][1], words[-1][2]))) is not None:
            out.append(named)
    return out


def _institutions(text: str, stop_words: frozenset[str], doc: Any) -> list[SubPlace]:
    """ "near the National University", "at El Dorado airport", "the University of El
    Salvador": the name is the whole phrase, its describing words included ("National",
    "Central American"), so only function words and (with a parse) verbs end it."""
    out = []
    for m in _INSTITUTION.finditer(text):
        words = _words_of(m)
        kind = (m.group("kind") or m.group("kind2") or "").lower()
        if m.group("kind"):
            # back from the kind noun (the last word) while the words can be part of a name
            name = [words[-1]]
            for w in reversed(words[:-1]):
                low = w[0].lower()
                if low != "international" and (low in stop_words or _breaks(w, doc)):
                    break
                name.insert(0, w)
            if len(name) < 2:
                continue  # "the university", "an airport": no name
        else:
            name = words
            while name and (name[-1][0].lower() in stop_words or name[-1][0].lower() in _PARTS):
                name.pop()
            if len(name) < 3:
                continue  # "University of" with nothing after it
        start, end = name[0][1], name[-1][2]
        phrase = " ".join(text[start:end].split())
        out.append(
            SubPlace(name=phrase, kind=" ".join(kind.split()[-1:]), start=start, end=end, span=(start, end))
        )
    return out


#: Nouns after "University of X" that name a part of it, not its name ("campus").
_PARTS = word_set(
    "campus campuses grounds premises building buildings facilities students professors rector library"
)


def _breaks(word: Word, doc: Any) -> bool:
    if doc is None:
        return False
    span = doc.char_span(word[1], word[2], alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in _BREAKING_POS - {"PROPN", "ADJ", "NOUN"}
