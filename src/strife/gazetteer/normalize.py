"""Name keys: how a place name and a stretch of text are reduced so that spelling variants meet.

Two keys are used, both built from the same word-by-word reduction:

- `name_key` (tier 1): Latin script folded to ASCII and lower case, punctuation and the Arabic
  article (al-, el-, ad-, ar-, as-, ash-, at-, az-, ...) removed, and the transliteration
  variants that change no consonant folded: q/k, ou/oo/u, ee/i, dj/j, doubled letters, a final
  -ah/-eh (Hasakeh = Hasakah = Hassakeh, Raqqa = Raqqah). Arabic script is normalised the usual
  way (diacritics and tatweel removed, alef/ya/ta marbuta variants folded, the article removed).
- `skeleton_key` (tier 2): the consonant skeleton of `name_key` (vowels dropped, y and w inside a
  word dropped, gh/kh/ch/th/dh/ph folded), which makes Gweiran = Ghwayran = Ghweran and
  Deir ez-Zor = Dayr az Zawr. It is lossy, so the gazetteer indexes it only for places whose
  names come to English through Arabic, Persian, Kurdish or Turkish, and only for skeletons of
  at least three consonants.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

#: The Arabic definite article as it is transliterated (sun-letter assimilations included).
ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ed",
        "ar",
        "er",
        "as",
        "es",
        "ash",
        "esh",
        "at",
        "et",
        "ath",
        "eth",
        "az",
        "ez",
        "an",
        "en",
        "adh",
        "al'",
        "el'",
        "dh",
    ]
)
#: Article forms that are also English words: only an article when hyphenated to the name.
ENGLISH_LOOKALIKES = frozenset({"as", "at", "an", "ad", "en"})

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_APOSTROPHES = re.compile(r"[’‘`´ʿʾʻʼ'ʹ]")
_NON_WORD = re.compile(r"[^a-z0-9\u0600-\u06FF ]+")
_LIGHT = [
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[aeiou])h$"), ""),
    (re.compile(r"(?<=..)e$"), "a"),
]
# Generic words of Arabic place names spelled many ways (after the folds above): "Tell"/"Tall"/
# "Tel", "Deir"/"Dayr", "Ain"/"Ayn"/"Ein", "Jebel"/"Jabal", "Kfar"/"Kafr", "Beit"/"Bayt"...
_WORD_CANON = {
    **dict.fromkeys(["tal", "tel", "til"], "tal"),
    **dict.fromkeys(["deir", "dayr", "dair"], "deir"),
    **dict.fromkeys(["ain", "ayn", "ein", "aein", "aayn", "ayun"], "ain"),
    **dict.fromkeys(["jabal", "jebel", "jabel", "jbel", "jabl"], "jabal"),
    **dict.fromkeys(["kafr", "kfar", "kafar", "kafer", "kefr", "kfr"], "kafr"),
    **dict.fromkeys(["khirbet", "khirbat", "kherbet", "khirba", "khurbat"], "khirbet"),
    **dict.fromkeys(["beit", "bayt", "beyt", "bait", "bet"], "beit"),
    **dict.fromkeys(["sheikh", "shaykh", "sheik", "shaikh", "cheikh", "sheykh", "shekh"], "sheikh"),
    **dict.fromkeys(["wadi", "uadi", "wady"], "wadi"),
    **dict.fromkeys(["um", "om"], "um"),
    **dict.fromkeys(["hay", "hai"], "hay"),
}
_SKELETON = [
    (re.compile(r"gh"), "g"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"ch"), "sh"),
    (re.compile(r"th"), "t"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"c"), "k"),
    (re.compile(r"(?<=.)[yw]"), ""),
    (re.compile(r"[aeiou]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def _arabic_word(word: str) -> str:
    word = _ARABIC_MARKS.sub("", word).translate(_ARABIC_FOLD)
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return word


# Cache bounds: a news run meets ~17,000 distinct words in 600 texts (the bench corpus) and keeps
# meeting new ones (names, misspellings), so the caches are bounded; each entry costs ~200 bytes.
@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """One word reduced for tier 1 ('' when nothing is left)."""
    if is_arabic(word):
        return _arabic_word(word)
    word = unidecode(_APOSTROPHES.sub("", word)).lower()
    word = _NON_WORD.sub("", word)
    for pattern, repl in _LIGHT:
        word = pattern.sub(repl, word)
    return _WORD_CANON.get(word, word)


def split_words(name: str) -> list[str]:
    """The words of a name: hyphens, dots, commas and slashes separate words."""
    name = unicodedata.normalize("NFC", name)
    return [w for w in re.split(r"[\s\-‐–—_./,()]+", name) if w]


def _drop_articles(words: list[str]) -> list[str]:
    kept = [w for w in words if w not in ARTICLES]
    return kept or words


def name_key(name: str) -> str:
    """Tier-1 key of a whole name ('' when the name has no letters)."""
    words = [fold_word(w) for w in split_words(name)]
    words = [w for w in words if w]
    return " ".join(_drop_articles(words))


def skeleton_word(word: str) -> str:
    if not word or is_arabic(word):
        return word
    for pattern, repl in _SKELETON:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=32_768)  # n-grams of a text's words, new ones all the time (~12,000 in 600 texts)
def skeleton_key(key: str) -> str:
    """Tier-2 key from a tier-1 key; '' when the skeleton is too short to be distinctive."""
    if not key or is_arabic(key):
        return ""
    words = [skeleton_word(w) for w in key.split(" ")]
    words = [w for w in words if w]
    skeleton = " ".join(words)
    if sum(len(w) for w in words) < 3:
        return ""
    return skeleton


#: Countries whose place names reach English through Arabic, Persian, Kurdish or Turkish: the
#: lossy tier-2 skeleton and Arabic-script names are indexed for their places only.
TRANSLIT = frozenset(
    [
        "SY",
        "IQ",
        "LB",
        "JO",
        "PS",
        "IL",
        "SA",
        "YE",
        "OM",
        "AE",
        "QA",
        "BH",
        "KW",
        "EG",
        "LY",
        "TN",
        "DZ",
        "MA",
        "MR",
        "SD",
        "SO",
        "DJ",
        "IR",
        "AF",
        "PK",
        "TR",
    ]
)
_PARENS = re.compile(r"\s*\([^)]*\)")


def index_keys(name: str, cc: str) -> set[tuple[int, str]]:
    """The (tier, key) pairs under which a place called `name` in country `cc` is indexed; a
    parenthesised qualifier ("Khalidiya (Homs)") is indexed with and without itself."""
    out: set[tuple[int, str]] = set()
    for variant in {name, _PARENS.sub("", name).strip()}:
        key = name_key(variant)
        if len(key.replace(" ", "")) < 2:
            continue
        out.add((1, key))
        if cc in TRANSLIT and (skel := skeleton_key(key)):
            out.add((2, skel))
    return out
