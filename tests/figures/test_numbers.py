"""Number parsing on plain token lists: no language model."""

from __future__ import annotations

import pytest

from strife.figures.lexicon import lexicon
from strife.figures.numbers import Quantity, resolve_fraction, scan, words_to_int


def one(text: str) -> Quantity:
    found = scan(text.split())
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("eleven", 11),
        ("seventeen", 17),
        ("3,500", 3500),
        ("twenty - five", 25),
        ("a hundred and twenty", 120),
        ("three thousand five hundred", 3500),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("1.5 million", 1_500_000),
        ("two million", 2_000_000),
        ("a thousand", 1000),
        ("ninety nine", 99),
        ("thirtythree", 33),
        ("TWENTYFIVE", 25),
    ],
)
def test_words_to_int(words, value):
    assert words_to_int(words.split()) == value


def test_words_to_int_refuses_other_words():
    assert words_to_int(["eleven", "soldiers"]) is None
    assert words_to_int(["thirtyish"]) is None and scan(["fortyzero", "men"]) == []
    assert words_to_int([]) is None


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("eleven troops", 11, 11, "exact"),
        ("more than 70 prisoners", 70, None, "more_than"),
        ("over 40 people", 40, None, "more_than"),
        ("at least 10 militants", 10, None, "at_least"),
        ("no fewer than 25", 25, None, "at_least"),
        ("up to 15 people", None, 15, "at_most"),
        ("fewer than ten", None, 10, "at_most"),
        ("as many as 100", None, 100, "at_most"),
        ("about 50 people", 50, 50, "approximately"),
        ("around 3,500 inmates", 3500, 3500, "approximately"),
        ("nearly 30 fighters", 30, 30, "approximately"),
        ("some 50 people", 50, 50, "approximately"),
        ("an estimated 400 people", 400, 400, "approximately"),
        ("30 or so people", 30, 30, "approximately"),
        ("50 or more people", 50, None, "at_least"),
        ("between 10 and 15 soldiers", 10, 15, "approximately"),
        ("10 to 15 civilians", 10, 15, "approximately"),
        ("10 - 15 civilians", 10, 15, "approximately"),
        ("10-15 civilians", 10, 15, "approximately"),
        ("two or three policemen", 2, 3, "approximately"),
        ("about a dozen fighters", 12, 12, "approximately"),
        ("half a million people", 500_000, 500_000, "exact"),
        ("more than a quarter of a million people", 250_000, None, "more_than"),
    ],
)
def test_numbers_bounds_and_qualifiers(text, low, high, qualifier):
    q = one(text)
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("several people", 3),
        ("a few soldiers", 3),
        ("a handful of guards", 3),
        ("dozens of detainees", 12),
        ("scores of troops", 20),
        ("hundreds of hostages", 100),
        ("thousands of residents", 1000),
        ("tens of thousands of people", 10_000),
        ("hundreds of thousands of people", 100_000),
        ("several hundred people", 300),
        ("killing some and", 3),
    ],
)
def test_vague_quantities_take_the_table_value(text, value):
    q = one(text)
    assert (q.low, q.high, q.qualifier) == (value, None, "vague")


def test_the_vague_table_holds_the_schema_values():
    table = lexicon().vague
    assert table[("several",)] == 3
    assert table[("dozens",)] == 12
    assert table[("scores",)] == 20
    assert table[("hundreds",)] == 100


def test_quantity_span_covers_qualifier_and_number():
    q = one("killed more than 70 prisoners")
    assert (q.start, q.end) == (1, 4)


@pytest.mark.parametrize(
    "text", ["no one was hurt", "how many died", "too many lives", "over the weekend", "the man"]
)
def test_no_quantity(text):
    assert scan(text.split()) == []


def test_fraction_waits_for_its_base_then_resolves():
    q = one("at least half of the fighters")
    assert q.fraction == 0.5 and q.low is None and q.qualifier == "at_least"
    base = one("a dozen fighters")
    resolved = resolve_fraction(q, base)
    assert (resolved.low, resolved.high, resolved.qualifier) == (6, None, "at_least")


def test_fraction_of_an_approximate_base_is_approximate():
    q = resolve_fraction(one("a third of the hostages"), one("about 30 hostages"))
    assert (q.low, q.high, q.qualifier) == (10, 10, "approximately")


def test_several_quantities_in_one_sentence():
    found = scan(
        [
            "killing",
            "11",
            "and",
            "wounding",
            "at",
            "least",
            "20",
            ",",
            "including",
            "dozens",
            "of",
            "children",
        ]
    )
    assert [(q.low, q.qualifier) for q in found] == [(11, "exact"), (20, "at_least"), (12, "vague")]


def test_between_as_the_last_word_is_no_quantity():
    assert scan(["clashes", "between"]) == []


def test_joined_tens_and_units_and_quantities_mid_sentence():
    """The scanner's tables (joined number words, keys' first words) read as the plain rules do."""
    found = scan(
        [
            "they",
            "found",
            "thirtythree",
            "bodies",
            "and",
            "some",
            "50",
            "wounded",
            ",",
            "half",
            "a",
            "dozen",
            "missing",
        ]
    )
    assert [(q.start, q.low, q.high, q.qualifier) for q in found] == [
        (2, 33, 33, "exact"),
        (5, 50, 50, "approximately"),
        (9, 6, 6, "exact"),
    ]
    assert scan(["thirtyzero", "twentyten"]) == []
