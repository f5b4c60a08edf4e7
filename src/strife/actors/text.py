"""Text normalisation for actor matching, with a map back to the original offsets.

Matching runs on a folded copy of the text: lower case, accents removed (`Médecins` ->
`medecins`), every apostrophe-like character turned into `'`, every hyphen or dash and every
white-space character into a space, and runs of spaces collapsed into one. So "al-Qaeda",
"al Qaeda" and "Al  Qaeda" fold alike, and a name broken across a line still matches. Folding is
character for character except for the collapsed spaces; `Folded.span` maps a folded range back
to the original one.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from dataclasses import dataclass

from unidecode import unidecode

_APOSTROPHES = "'’‘`´ʼʻ′‛"
_DASHES = "-‐‑‒–—―−"
_SPACES = "\t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"

_BASE_TABLE: dict[int, str] = {}
_BASE_TABLE.update({ord(c): "'" for c in _APOSTROPHES})
_BASE_TABLE.update({ord(c): " " for c in _DASHES + _SPACES})
# Folds of non-ASCII characters, filled lazily; a fold that is not one character long keeps the
# character as it is, so that folded offsets stay those of the original.
_TABLE: dict[int, str] = dict(_BASE_TABLE)

_MULTISPACE = re.compile(r" {2,}")
_ASCII_UPPER = string.ascii_uppercase.encode()
_ASCII_LOWER = string.ascii_lowercase.encode()


def _extend_table(chars: set[str]) -> None:
    for ch in chars:
        code = ord(ch)
        if code in _TABLE:
            continue
        folded = unidecode(ch).lower()
        _TABLE[code] = folded if len(folded) == 1 else ch


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower to two (e.g. 'İ'); keep those as they are to keep offsets.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def fold_chars(text: str) -> str:
    """`text` lower-cased and folded character for character (same length)."""
    low = _lower(text)
    if not low.isascii():
        _extend_table({ch for ch in set(low) if ord(ch) > 127})
    return low.translate(_TABLE)


def fold(text: str) -> str:
    """The folded form of a name: what the matcher compares (used to build its keys)."""
    return _MULTISPACE.sub(" ", fold_chars(text)).strip()


def fold_keep_case(text: str) -> str:
    """Like `fold` but keeping letter case: for aliases matched only in their exact case."""
    return _MULTISPACE.sub(" ", text.translate(_BASE_TABLE)).strip()


@dataclass(frozen=True)
class Folded:
    """A folded text and the map from its offsets to those of the original."""

    text: str
    _folded_starts: tuple[int, ...] = ()
    _original_starts: tuple[int, ...] = ()

    def offset(self, i: int) -> int:
        """Original offset of folded offset `i`."""
        if not self._folded_starts:
            return i
        k = bisect_right(self._folded_starts, i) - 1
        return self._original_starts[k] + (i - self._folded_starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original range of the folded range [start, end) (end > start)."""
        return self.offset(start), self.offset(end - 1) + 1


def fold_text(text: str) -> Folded:
    """Fold `text` for matching, remembering where each folded piece came from."""
    chars = fold_chars(text)
    if "  " not in chars:
        return Folded(chars)
    pieces: list[str] = []
    folded_starts: list[int] = [0]
    original_starts: list[int] = [0]
    pos = 0
    length = 0
    for m in _MULTISPACE.finditer(chars):
        pieces.append(chars[pos : m.start() + 1])
        length += m.start() + 1 - pos
        pos = m.end()
        folded_starts.append(length)
        original_starts.append(pos)
    pieces.append(chars[pos:])
    return Folded("".join(pieces), tuple(folded_starts), tuple(original_starts))


def is_monocase(text: str) -> bool:
    """True when the text is written in one case only (all upper or all lower), as MUC-4 is.

    Upper-case acronyms cannot be told from ordinary words by their case in such a text. Judged
    on the first 20,000 characters, which is plenty and keeps long texts fast.
    """
    # letters counted by deleting them from the sample's ASCII bytes: C speed, where findall
    # made a string of every letter (asked several times of each article)
    sample = text[:20_000].encode("ascii", "ignore")
    upper = len(sample) - len(sample.translate(None, _ASCII_UPPER))
    lower = len(sample) - len(sample.translate(None, _ASCII_LOWER))
    letters = upper + lower
    if letters < 20:
        return False
    return min(upper, lower) <= 0.02 * letters


def is_upper_word(word: str) -> bool:
    """True for a word written in capitals (at least two letters), e.g. 'WHAT' or 'SDF'."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
