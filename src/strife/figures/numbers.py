"""Numbers in news text: digits, number words, ranges, vague quantities and their qualifiers.

`scan(tokens)` reads a list of token strings (spaCy's tokens, or `str.split()` in tests) and
returns every `Quantity` in it with its token span, bounds and qualifier, following SCHEMA.md:
"more than 70" -> low 70, high None; "eleven" -> 11, 11; "between 10 and 15" -> 10, 15;
vague words take their value from the one table `data/figures/vague.tsv` ("dozens" -> 12).
Fractions ("at least half of the fighters") come back with `fraction` set and no bounds: the
caller resolves them against a base figure found earlier in the text.

Hand-written rather than a library: the scanner has to work on tokens so that spans line up
with the dependency parse, and the word grammar needed is small.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from strife.figures.lexicon import lexicon

UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_ABBREV = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1000}
FRACTIONS = {
    ("half",): 0.5,
    ("a", "half"): 0.5,
    ("one", "half"): 0.5,
    ("a", "third"): 1 / 3,
    ("one", "third"): 1 / 3,
    ("one", "-", "third"): 1 / 3,
    ("two", "thirds"): 2 / 3,
    ("two", "-", "thirds"): 2 / 3,
    ("a", "quarter"): 0.25,
    ("one", "quarter"): 0.25,
    ("three", "quarters"): 0.75,
    ("three", "-", "quarters"): 0.75,
}
RANGE_JOINERS = {"to", "-", "–", "—", "or"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_DIGIT_RANGE = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")
_DIGIT_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(m|mn|bn|k)$")
_NEGATORS = {"no", "not", "none", "nor"}
_DEGREE = {"how", "too", "so", "as", "that", "very"}


@dataclass
class Quantity:
    """A quantity found at tokens [start, end) of the scanned list."""

    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: str
    fraction: float | None = None
    head: int | None = None
    """The token (index into the scanned list) of the person counted, for people counted
    without a number ('the mayor', 'Jose Perez'; see `strife.figures.people`)."""

    @property
    def value(self) -> int | None:
        """The point value a reconciliation counts: the low bound, else the high one."""
        return self.low if self.low is not None else self.high


#: Tens and unit words written as one ("thirtythree"), with their two words.
_JOINED = {tens + unit: (tens, unit) for tens in TENS for unit, n in UNITS.items() if 0 < n < 10}


def _split_joined(word: str) -> list[str]:
    """'thirtythree' (a tens and a unit word written as one, as transcripts do) -> both words."""
    joined = _JOINED.get(word)
    return list(joined) if joined else [word]


def words_to_int(words: list[str]) -> int | None:
    """The integer a run of number words and digits spells, or None ('three thousand five
    hundred', '3,500', 'twenty - five', 'thirtythree', 'two dozen', 'a hundred and twenty',
    '1.5 million')."""
    words = [p for w in words if w not in ("-", "and") for p in _split_joined(w.lower())]
    if words[:3] == ["half", "a", "dozen"]:
        return 6 if len(words) == 3 else None
    total: float = 0
    current: float = 0
    seen = False
    for i, w in enumerate(words):
        if w == "a" and i + 1 < len(words) and words[i + 1] in (*SCALES, "dozen", "score"):
            current = 1
        elif w in UNITS or w in TENS:
            current += UNITS.get(w, TENS.get(w, 0))
        elif _DIGITS.match(w):
            current += int(w.replace(",", ""))
        elif _DECIMAL.match(w) and i + 1 < len(words) and words[i + 1] in SCALES:
            current += float(w)  # "1.5 million": made whole below
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w == "score":
            current = max(current, 1) * 20
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in SCALES:
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return round(total + current) if seen else None


def _is_number_word(tok: str, nxt: str | None) -> bool:
    t = tok.lower()
    if t in UNITS or t in TENS or t in SCALES or t == "dozen" or _DIGITS.match(t):
        return True
    if len(_split_joined(t)) == 2:
        return True
    if t == "a" and nxt is not None and nxt.lower() in (*SCALES, "dozen", "score"):
        return True
    return bool(_DECIMAL.match(t) and nxt is not None and nxt.lower() in SCALES)


def _number_run(tokens: list[str], low: list[str], i: int) -> tuple[int, int] | None:
    """The longest run of number words starting at `i`: (value, end) or None (`low`: the
    tokens lower-cased, made once per scan: lowering them per call made a scan quadratic)."""
    if low[i : i + 3] == ["half", "a", "dozen"]:
        return 6, i + 3
    j = i
    while j < len(tokens):
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if _is_number_word(tokens[j], nxt) or (
            low[j] in ("and", "-") and j > i and nxt is not None and _joins_words(low[j - 1], nxt.lower())
        ):
            j += 1
        else:
            break
        if j - i == 1 and _DIGITS.match(low[i]) and not (j < len(low) and low[j] in SCALES):
            break  # digits are one token; only a scale word ("3 million") may follow
    if j == i:
        return _single_token(low[i], i)
    value = words_to_int(tokens[i:j])
    return (value, j) if value is not None else None


def _joins_words(prev: str, nxt: str) -> bool:
    """'and' / '-' inside a number: 'a hundred and twenty', 'twenty-five'."""
    return (prev in SCALES and (nxt in UNITS or nxt in TENS)) or (prev in TENS and nxt in UNITS)


def _single_token(tok: str, i: int) -> tuple[int, int] | None:
    m = _DIGIT_SCALE.match(tok)
    if m:
        return int(float(m.group(1)) * SCALE_ABBREV[m.group(2)]), i + 1
    return None


_FIRST_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _first_words(table: dict[tuple[str, ...], object]) -> frozenset[str]:
    """The words the keys of `table` start with (the tables are built once per process)."""
    cached = _FIRST_WORDS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = _FIRST_WORDS[id(table)] = (table, frozenset(k[0] for k in table if k))
    return cached[1]


def _match(
    table: dict[tuple[str, ...], object], low: list[str], i: int
) -> tuple[tuple[str, ...], int] | None:
    """Longest key of `table` that starts at `i`: (key, end)."""
    if low[i] not in _first_words(table):
        return None  # asked at every token: most start no key
    for n in (4, 3, 2, 1):
        key = tuple(low[i : i + n])
        if len(key) == n and key in table:
            return key, i + n
    return None


def _bounds(qualifier: str, low: int, high: int | None = None) -> tuple[int | None, int | None]:
    if high is not None and high != low:
        return min(low, high), max(low, high)
    if qualifier in ("at_least", "more_than", "vague"):
        return low, None
    if qualifier == "at_most":
        return None, low
    return low, low


def _core(tokens: list[str], low: list[str], i: int) -> tuple[int, int, str | None, float | None] | None:
    """A number, vague quantity or fraction at `i`: (value, end, forced qualifier, fraction)."""
    frac = _match(FRACTIONS, low, i)  # type: ignore[arg-type]
    if frac:
        k = frac[1] + (1 if frac[1] < len(low) and low[frac[1]] == "of" else 0)
        whole = _number_run(tokens, low, k) if k < len(low) else None
        if whole is not None and whole[0] >= 1000:  # "half a million", "a quarter of a million"
            return round(FRACTIONS[frac[0]] * whole[0]), whole[1], None, None
        if frac[1] < len(low) and low[frac[1]] in ("of", "the"):
            return 0, frac[1], None, FRACTIONS[frac[0]]
    vague = _match(lexicon().vague, low, i)  # type: ignore[arg-type]
    if vague:
        number = _number_run(tokens, low, i)
        if number is None or number[1] <= vague[1]:
            return lexicon().vague[vague[0]], vague[1], "vague", None
    m = _DIGIT_RANGE.match(low[i])
    if m:
        a, b = (int(g.replace(",", "")) for g in m.groups())
        return a, i + 1, f"range:{b}", None
    number = _number_run(tokens, low, i)
    if number is None:
        return None
    return number[0], number[1], None, None


def _post(low: list[str], j: int) -> tuple[str | None, int]:
    """Words after a number that bound it: '30 or so', '50 or more', '50-plus', '30-odd'."""
    pairs = {
        ("or", "so"): "approximately",
        ("or", "more"): "at_least",
        ("-", "plus"): "more_than",
        ("plus",): "more_than",
        ("-", "odd"): "approximately",
        ("odd",): "approximately",
    }
    for key, qual in pairs.items():
        if tuple(low[j : j + len(key)]) == key:
            return qual, j + len(key)
    return None, j


def quantity_at(tokens: list[str], i: int, low: list[str] | None = None) -> Quantity | None:
    """The quantity that starts at token `i` (with its qualifier), or None. `low`: the tokens
    lower-cased, when the caller has them (`scan` lowers them once, not once per token)."""
    low = low if low is not None else [t.lower() for t in tokens]
    if i > 0 and (low[i - 1] in _NEGATORS or (low[i] in ("many", "much") and low[i - 1] in _DEGREE)):
        return None  # "no one", "how many", "too many lives": not a figure
    qualifier, j = "exact", i
    if low[i] == "between":
        return _between(tokens, low, i)
    q = _match(lexicon().qualifiers, low, i)  # type: ignore[arg-type]
    if q and q[1] < len(low):
        core = _core(tokens, low, q[1])
        # "some" bounds only a number ("some 50"); "some of them" is itself a vague quantity
        if core is not None and not (q[0] == ("some",) and (core[2] == "vague" or core[3] is not None)):
            qualifier, j = lexicon().qualifiers[q[0]], q[1]
    core = _core(tokens, low, j)
    if core is None:
        return None
    value, end, forced, fraction = core
    if fraction is not None:
        return Quantity(i, end, None, None, qualifier, fraction)
    high = None
    if forced and forced.startswith("range:"):
        high, forced = int(forced[6:]), None
    elif end + 1 < len(low) and low[end] in RANGE_JOINERS:
        second = _core(tokens, low, end + 1)
        if second is not None and second[2] is None and second[3] is None and second[0] > value:
            high, end = second[0], second[1]
    if forced == "vague":
        qualifier = "vague"
    post, end = _post(low, end) if high is None else (None, end)
    if post:
        qualifier = post
    if high is not None and qualifier == "exact":
        qualifier = "approximately"  # a range bounds the figure without fixing it
    lo, hi = _bounds(qualifier, value, high)
    return Quantity(i, end, lo, hi, qualifier)


def _between(tokens: list[str], low: list[str], i: int) -> Quantity | None:
    if i + 1 >= len(low):
        return None  # "between" as the last word (it raised IndexError)
    first = _core(tokens, low, i + 1)
    if first is None or first[2] or first[3] is not None or first[1] >= len(low) - 1:
        return None
    if low[first[1]] not in ("and", "to", "-"):
        return None
    second = _core(tokens, low, first[1] + 1)
    if second is None or second[2] or second[3] is not None:
        return None
    lo, hi = _bounds("approximately", first[0], second[0])
    return Quantity(i, second[1], lo, hi, "approximately")


def scan(tokens: list[str]) -> list[Quantity]:
    """Every quantity in `tokens`, left to right, none overlapping."""
    found: list[Quantity] = []
    low = [t.lower() for t in tokens]
    i = 0
    while i < len(tokens):
        q = quantity_at(tokens, i, low)
        if q is None:
            i += 1
            continue
        found.append(q)
        i = q.end
    return found


def resolve_fraction(q: Quantity, base: Quantity) -> Quantity:
    """A fraction ('at least half of the fighters') as a figure, given the base it divides."""
    value = base.value
    if q.fraction is None or value is None:
        return q
    n = math.ceil(q.fraction * value - 1e-9)
    qualifier = q.qualifier
    if qualifier == "exact" and base.qualifier in ("approximately", "vague", "at_least", "more_than"):
        qualifier = "approximately"
    lo, hi = _bounds(qualifier, n)
    return Quantity(q.start, q.end, lo, hi, qualifier, q.fraction)
