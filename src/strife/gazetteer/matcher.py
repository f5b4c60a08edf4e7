"""Finding place names in text without a language model: normalised n-gram lookup plus guards.

The text is cut into words; at each word the longest run of up to `MAX_WORDS` words whose
tier-1 key (or, failing that, tier-2 skeleton) is in the gazetteer is taken. A run is then
kept only if it looks like a name in its context:

- in mixed-case text its words are capitalised (Arabic script has no case and always passes);
  in upper- or lower-case text (MUC-4, headlines in Title Case) capitalisation says nothing;
- single words that are function words, months or weekdays are never places;
- single words that are also lower-case English words ("Split", "Mobile", "Hit", "Nice", read
  from `common_words.txt`), and in uniform-case text every single word that is not a country,
  province or city of a million, need a locative word before them ("in", "near", "city of")
  or a province or country after a comma ("Mobile, Alabama"), an apposition that calls it a
  place or says how far it lies ("HUANCAYO, 415 KM SOUTHEAST OF LIMA", "X AND Y, TWO TOWNS"), the
  rest of a dateline when it opens the text ("MANAGUA, 3 APR 90", `strife.gazetteer.around`), or
  "and", "or" or a comma joining it to a name a locative word put there ("IN X AND Y");
- a short all-capitals word in mixed-case text is an acronym (SDF, IS, UN), not a place;
- a single word glued to another capitalised word ("Victoria Nuland", "George Washington",
  "Palmyra Media Center") is part of another name, unless that word is a place noun
  ("Hasakah Prison", "Raqqa Province") or a demonym or direction ("Iraqi Kurdistan").
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from strife.gazetteer.around import apposed, opens_dateline
from strife.gazetteer.normalize import ARTICLES, ENGLISH_LOOKALIKES, fold_word, is_arabic, skeleton_key
from strife.wordsets import word_set

MAX_WORDS = 6


_WORD = re.compile(r"[^\W\d_]+(?:['’‘`ʿ][^\W\d_]+)*")
_JOIN = re.compile(r"[ \t\u00a0]{1,2}|[ ]?[-‐–][ ]?")
_SENTENCE_END = set('.!?:;\n"“”(')

CALENDAR = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow"
)
#: Lower-case words allowed inside a capitalised multi-word name ("Rio de Janeiro").
CONNECTORS = word_set("de del la las los el al of the y da do du des le di bin bint ibn and e")
#: Words before a single common-word name that show it is a place in uniform-case text.
LOCATIVE = word_set("in at near from to outside into toward towards around inside across via between")
#: Place nouns: a capitalised neighbour of this kind does not make a place name part of
#: another name, and "<noun> of X" is locative.
PLACE_NOUNS = word_set("""province governorate department region district subdistrict state county city town village
    countryside prison jail camp base airbase airport border crossing dam road highway street
    square neighbourhood neighborhood suburb hill mountain mountains valley river lake bridge canton caserio
    hamlet municipality jurisdiction intendancy corregimiento barrio colonia
    area zone municipality capital outskirts desert plain front frontline countryside""")
#: Nouns whose "of" puts a place next to or around the name that follows ("the vicinity of
#: PERQUIN", "the port of ACAJUTLA", "the towns of X and Y"): locative like the place nouns.
OF_NOUNS = PLACE_NOUNS | word_set("""vicinity environs surroundings port outskirts suburbs edge periphery
    provinces governorates departments regions districts states cities towns villages hamlets cantons areas
    municipalities neighborhoods neighbourhoods""")
#: Nouns of an admin unit written after its name ("CABANAS DEPARTMENT", "Idlib province").
UNIT_NOUNS = word_set("department province state governorate region intendancy commissary county")
DIRECTIONS = word_set(
    "northern southern eastern western central north south east west upper lower greater rural "
    "northeastern northwestern southeastern southwestern old new"
)
#: Parts of a continent whose last word alone names a country ("America": the United States).
CONTINENT_PARTS = frozenset(f"{w} america" for w in ("latin", "central", "south", "north", "meso", "ibero"))
_DEMONYM = re.compile(r"(?:i|an|ian|ese|ish|ean)$")
_LOWER_OK = CONNECTORS | ARTICLES | PLACE_NOUNS  # lower-case words inside a name ("Gweiran prison")
#: Adjective endings: such words are not tried against the lossy tier-2 skeleton.
_ADJECTIVE = re.compile(r"(?:ian|ish|ese|ean|ic|ical|ist|ism|ing|ed|ly|ness|tion)$")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    ids: tuple[int, ...]
    tier: int


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    fold: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper() or is_arabic(self.text)


_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def tokens(text: str) -> list[_Tok]:
    """The words of `text`; a possessive's "'s" is no part of the name ("MEDELLIN'S", "Aleppo's")."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if (cut := _POSSESSIVE.search(word)) and cut.start() > 1:
            word = word[: cut.start()]
        out.append(_Tok(word, m.start(), m.start() + len(word), fold_word(word)))
    return out


_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()


def uniform_case(text: str) -> bool:
    """True when case carries no information (all upper or all lower case): judged on the
    ASCII letters, counted by deleting them from the text's ASCII bytes (C speed; a loop over
    the characters cost ~1 % of the pipeline, asked of each article's text several times)."""
    ascii_bytes = text.encode("ascii", "ignore")
    letters = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    if letters < 20:
        return False
    upper = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_UPPER))
    return upper / letters > 0.8 or upper / letters < 0.01


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines), where capitals say nothing either."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().rstrip()
        words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
        if line.endswith((".", "!", "?")) or len(words) < 4:
            continue  # a sentence, or too short to tell
        if sum(w[0].isupper() for w in words) / len(words) >= 0.75:
            spans.append((m.start(), m.end()))
    return spans


@dataclass(frozen=True)
class WordLists:
    """Word lists the guards use (see the module docstring)."""

    stop: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()
    tier2_block: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()


class Matcher:
    """Finds gazetteer names in text.

    `lookup(tier, key)` gives the ids indexed under a key, `is_country(id)` says whether an id is
    a country, `close(key, ids)` keeps the ids of a tier-2 match whose own names are close enough
    to the words read (a skeleton alone is too lossy)."""

    def __init__(
        self,
        lookup: Callable[[int, str], tuple[int, ...]],
        words: WordLists,
        is_country: Callable[[int], bool],
        close: Callable[[str, tuple[int, ...]], tuple[int, ...]],
        is_major: Callable[[int], bool] | None = None,
        own_name: Callable[[int, str], bool] | None = None,
    ) -> None:
        self.lookup = lookup
        self.words = words
        # Words that are never a place on their own.
        self.never = words.stop | CALENDAR | DIRECTIONS | words.demonyms
        self.is_country = is_country
        self.close = close
        self.is_major = is_major or is_country
        self.own_name = own_name or (lambda _id, _word: True)

    def find(self, text: str) -> list[Match]:
        toks = tokens(text)
        uniform = uniform_case(text)
        titles = _title_lines(text)
        out: list[Match] = []
        # the end of the last name found, and whether a locative word (or a name it is joined to) put it there
        situated: tuple[int, bool] | None = None
        seen: set[str] = set()  # found once a place ("IN CARTAGENA"), a word is one again ("CARTAGENA HAD")
        i = 0
        while i < len(toks):
            in_title = any(a <= toks[i].start < b for a, b in titles)
            joined = situated is not None and situated[1] and _joined(text, situated[0], toks[i].start)
            joined = joined or toks[i].fold in seen
            for j, ids, tier in self._candidates(text, toks, i):
                verdict = self._plausible(text, toks, i, j, ids, uniform, in_title, joined)
                if verdict is True:
                    out.append(Match(toks[i].start, toks[j].end, ids, tier))
                    if i == j and toks[i].text.lower() not in self.words.common:
                        seen.add(toks[i].fold)  # an English word ("SPLIT") stays one elsewhere
                    situated = (toks[j].end, joined or self._locative_before(toks, i))
                    i = j
                if verdict is not False:
                    break  # found, or part of a longer name: no shorter piece of it either
            i += 1
        return out

    def _candidates(self, text: str, toks: list[_Tok], i: int) -> Iterator[tuple[int, tuple[int, ...], int]]:
        """Names starting at word `i`, longest first: (last word, ids, tier)."""
        first = toks[i]
        hyphenated = i + 1 < len(toks) and text[first.end : toks[i + 1].start] in ("-", "‐")
        if first.text.lower() in ENGLISH_LOOKALIKES and not hyphenated:
            return  # "at Raqqa" is not "at-Raqqa"
        last = i
        while (
            last + 1 < len(toks)
            and last - i + 1 < MAX_WORDS
            and _JOIN.fullmatch(text[toks[last].end : toks[last + 1].start])
        ):
            last += 1
        for j in range(last, i - 1, -1):
            span = toks[i : j + 1]
            words = [t.fold for t in span if t.fold and t.fold not in ARTICLES]
            if not words:
                continue
            key = " ".join(words)
            ids = self.lookup(1, key)
            if ids:
                yield j, ids, 1
            elif self._tier2_ok(span, key) and (ids := self.close(key, self.lookup(2, skeleton_key(key)))):
                yield j, ids, 2

    def _tier2_ok(self, span: list[_Tok], key: str) -> bool:
        """The lossy skeleton lookup is tried only on words that are no English word."""
        if len(key) < 5:
            return False
        for t in span:
            low = t.text.lower()
            if t.fold in ARTICLES:
                continue
            if low in self.never or low in self.words.tier2_block or low in self.words.common:
                return False
            if _ADJECTIVE.search(low):
                return False
        return bool(skeleton_key(key))

    def _plausible(
        self,
        text: str,
        toks: list[_Tok],
        i: int,
        j: int,
        ids: tuple[int, ...],
        uniform: bool,
        in_title: bool,
        joined: bool = False,
    ) -> bool | None:
        """True for a place name, False for no place name here, None for part of a longer
        name (then no shorter piece of it is tried either)."""
        span = toks[i : j + 1]
        core = [t for t in span if t.fold not in ARTICLES]
        if not core or span[-1].fold in ARTICLES:
            return False
        if is_arabic(core[0].text):
            return sum(len(t.text) for t in core) >= 3
        at = i
        if uniform and toks[i].text.lower() == "the" and j > i:
            # without capitals "THE NECK", "AT THE ENTRANCE" are one English word each
            core, at = [t for t in core if t is not toks[i]], i + 1
        caseless = uniform or in_title
        if len(core) == 1 and at and f"{toks[at - 1].text} {core[0].text}".lower() in CONTINENT_PARTS:
            return False  # "LATIN AMERICA", "South America": a part of a continent, no country
        if len(core) == 1 and not self._word_ok(text, toks, (at, j), core[0], ids, caseless, joined):
            return False
        if uniform:
            return True
        if len(core) == 1 and core[0].text.isupper() and len(core[0].text) <= 5:
            return False  # an acronym (IS, SDF, UN, WMD), not a place
        if in_title:
            return True
        if not core[0].cap or not all(t.cap or t.text.lower() in _LOWER_OK for t in span):
            return False
        if j > i and self.is_major(ids[0]):
            return True  # a multi-word major place ("Deir ez-Zor") is rarely part of another name
        return None if self._glued(text, toks, i, j) else True

    def _word_ok(
        self,
        text: str,
        toks: list[_Tok],
        at: tuple[int, int],
        tok: _Tok,
        ids: tuple[int, ...],
        caseless: bool,
        joined: bool = False,
    ) -> bool:
        """Whether a one-word name (`tok`, the name running over words `at`) is a place here;
        `joined`: it is joined by "and", "or" or a comma to a name a locative word put there
        ("in ILOBASCO AND USULUTAN", "between TIERRA BLANCA AND JIQUILISCO")."""
        i, j = at
        low = tok.text.lower()
        if low in self.never or len(low) < 2 or _titled(toks, i):
            return False
        own = self.own_name(ids[0], tok.text)
        if low in self.words.common and not own:
            return False  # an English word that is only a foreign or folded name ("use", "grenade")
        supported = (
            self._locative_before(toks, i)
            or _noun_after(toks, j)
            or self._place_after(text, toks, j, units=low not in self.words.common)
            or apposed(text, toks[j].end)
            or joined
            or opens_dateline(text, toks[i].start, toks[j].end)
        )
        if low in self.words.common and not self.is_country(ids[0]):
            return supported  # "Split", "Mobile", "Hit": a place only where the sentence puts one
        if caseless and not (self.is_major(ids[0]) and own):
            # Without capitals, a single word ("MONTHS", "DAMAS" for Damascus) needs the same
            # support.
            return supported
        return caseless or tok.text[:1].isupper()

    @staticmethod
    def _locative_before(toks: list[_Tok], i: int) -> bool:
        prev = toks[i - 1].text.lower() if i >= 1 else ""
        if prev in LOCATIVE:
            return True
        return prev == "of" and i >= 2 and toks[i - 2].text.lower() in OF_NOUNS

    def _place_after(self, text: str, toks: list[_Tok], i: int, units: bool = True) -> bool:
        """ "Mobile, Alabama", "ILOBASCO, CABANAS DEPARTMENT", "X, SAN MIGUEL DEPARTMENT": a comma
        and a country's name, or (with `units`) a province's name of up to three words with its
        unit noun; not for an English word ("THE CIVIL DEFENSE POST, SAN MIGUEL DEPARTMENT")."""
        if i + 1 >= len(toks) or text[toks[i].end : toks[i + 1].start].strip() != ",":
            return False
        for j, ids, tier in self._candidates(text, toks, i + 1):
            if tier != 1 or j > i + 3:
                continue  # names as the index keys them ("Deir ez-Zor", "al-Hasakah"), of up to three words
            key = " ".join(t.fold for t in toks[i + 1 : j + 1] if t.fold and t.fold not in ARTICLES)
            if any(self.is_country(x) for x in ids) or self.lookup(1, key + " province"):
                return True
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if units and nxt is not None and nxt.text.lower() in UNIT_NOUNS and any(map(self.is_major, ids)):
                return True
        return False

    def _glued(self, text: str, toks: list[_Tok], i: int, j: int) -> bool:
        """True when the name sits inside a longer capitalised name ("Victoria Nuland")."""
        if j + 1 < len(toks):
            nxt = toks[j + 1]
            if text[toks[j].end : nxt.start] == " " and nxt.cap and not self._free(nxt):
                return True
        k = i - 1
        while k >= 0 and toks[k].fold in ARTICLES and toks[k].text.lower() not in ENGLISH_LOOKALIKES:
            k -= 1  # "Bashar al-Assad": look past the article
        if k >= 0:
            prv, after = toks[k], toks[k + 1]
            if text[prv.end : after.start] in (" ", "-") and prv.cap and not self._free(prv):
                return not _sentence_start(text, prv.start)
        return False

    def _free(self, tok: _Tok) -> bool:
        """Capitalised words that may stand next to a place name without joining it."""
        low = tok.text.lower()
        if low in PLACE_NOUNS or low in self.never or low in ARTICLES:
            return True
        return len(low) > 4 and bool(_DEMONYM.search(low))


#: Personal titles: a name right after one is a person's ("COL VARGAS", "Gen. Santos Vargas").
TITLES = word_set("""mr mrs ms dr gen general col colonel lt lieutenant capt captain maj sgt sergeant cpl corporal
    pres president minister senator sen deputy governor mayor judge father fr bishop archbishop msgr monsignor
    commander comandante cmdr adm admiral prof professor don dona engineer attorney sister brother""")


KUNYA = word_set("abu abou umm ibn bin")  # "Abu Jaber" is a person; a place has its full name ("Abu Kamal")


def _noun_after(toks: list[_Tok], j: int) -> bool:
    """ "MORAZAN DEPARTMENT", "ESCALON NEIGHBORHOOD": a place noun right after says what it is."""
    return (
        j + 1 < len(toks) and toks[j + 1].text.lower() in PLACE_NOUNS and toks[j + 1].start - toks[j].end <= 2
    )


_JOINERS = frozenset({",", "and", "or", ", and", ", or"})


def _joined(text: str, end: int, start: int) -> bool:
    """Are two names joined only by "and", "or" or a comma?"""
    return start - end <= 8 and " ".join(text[end:start].lower().split()) in _JOINERS


def _titled(toks: list[_Tok], i: int) -> bool:
    """Is word `i` right after a personal title or a kunya ("COL VARGAS", "Father Damas", "Abu Jaber")?"""
    return i >= 1 and toks[i - 1].text.lower() in TITLES | KUNYA and toks[i - 1].end + 3 >= toks[i].start


def _sentence_start(text: str, offset: int) -> bool:
    k = offset - 1
    while k >= 0 and text[k] in " \t\u00a0'\"‘’“”":
        if text[k] in '"“':
            return True
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END
