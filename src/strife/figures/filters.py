"""Which quantities are not counts of people harmed in one event: dates, units, aggregates.

`is_date`: parts of a date ('09-05-2016', 'Oct 31 2016', 'in March 2019'). `is_measure`:
money ('millions in losses'), percentages, distances, weights. `is_thing`: durations, weapons,
vehicles, places. `is_whole`: the people a part is counted from ('two of the five passengers').
`is_aggregate`: a toll over a span of time or a whole war ('since September', 'so far', 'a
conflict that has killed 300,000'), which is kept on the article but belongs to no single event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from strife.casing import original
from strife.figures.lexicon import lexicon
from strife.figures.numbers import words_to_int

if TYPE_CHECKING:
    from spacy.tokens import Token

    from strife.figures.extract import Found

_MONTHS = set(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
)
_YEAR_BEFORE = {"in", "since", "of", "until", "till", "by", ",", "from", "to", "and", "early", "late", "mid"}
_YEAR_BEFORE |= {m.lower() for m in _MONTHS}
_CURRENCY = {
    "$",
    "us$",
    "€",
    "£",
    "usd",
    "eur",
    "dollars",
    "euros",
    "pounds",
    "lira",
    "liras",
    "dinars",
    "riyals",
    "pesos",
}
#: What a sum 'in' is counted in: 'millions in losses' is money, not people.
_MONEY_IN = {"loss", "damage", "revenue", "ransom"}


def is_date(f: Found) -> bool:
    """'09-05-2016', 'Oct 31 2016', '22 Jul', 'in March 2019': parts of a date."""
    doc = f.anchor.doc
    first, last = f.span[0], f.span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if any(
        t is not None and t.text.rstrip(".").title() in _MONTHS and original(t)[:1].isupper()
        for t in (before, after)
    ):
        return True
    if any(
        t is not None
        and t.text in ("-", "/", ".")
        and t.i + 1 < len(doc)
        and doc[t.i + 1].like_num
        and t.i > 0
        and doc[t.i - 1].like_num
        for t in (before, after)
    ):
        return True  # digits joined by '-' or '/' to more digits on both sides: a date
    value = f.q.value
    if value is not None and 1900 <= value <= 2100 and f.q.qualifier == "exact" and len(f.span) == 1:
        prev = before.lower_ if before is not None else ""
        noun = f.noun
        person = noun is not None and noun.lemma_.lower() in lexicon().person_nouns | lexicon().civilian_nouns
        next_is_number = after is not None and (after.like_num or after.pos_ == "NUM")
        return f.anchor.ent_type_ == "DATE" or prev in _YEAR_BEFORE or next_is_number or not person
    return False


def is_age(f: Found) -> bool:
    """'Rodriguez Porth, 65, was killed': a bare number set off by commas after a person is
    the person's age; so is 'a 65-year-old'."""
    if len(f.span) != 1 or f.q.qualifier != "exact" or (f.q.value or 0) > 120:
        return False
    doc = f.anchor.doc
    first = f.span[0]
    following = "".join(t.lower_ for t in doc[first.i + 1 : first.i + 3])
    if following.startswith("-year"):
        return True  # "a 65-year-old farmer", "65-year- old" as a telex splits it
    if f.noun is not None:
        return False
    before = doc[first.i - 2 : first.i]
    after = doc[first.i + 1] if first.i + 1 < len(doc) else None
    if len(before) < 2 or before[1].text != "," or (after is not None and after.text not in ",;.)"):
        return False
    person = before[0]
    lex = lexicon()
    persons = lex.person_nouns | lex.civilian_nouns | lex.title_nouns
    if person.pos_ == "PROPN" or person.ent_type_ == "PERSON" or person.lemma_.lower() in persons:
        return True
    # a surname that is also an English word ('Jeffrey Brent Ball, 21,'): the recogniser's
    # reading of the number as an age says so
    return f.anchor.ent_type_ == "DATE"


def is_measure(f: Found) -> bool:
    """Money, percentages, distances, weights: a figure in other units than people."""
    doc = f.anchor.doc
    before = doc[f.span[0].i - 1].lower_ if f.span[0].i > 0 else ""
    after = doc[f.span[-1].i + 1].lower_ if f.span[-1].i + 1 < len(doc) else ""
    if before in _CURRENCY or after in _CURRENCY or after in ("%", "percent", "per", "pc"):
        return True
    if after == "in" and any(o.lemma_.lower() in _MONEY_IN for o in doc[f.span[-1].i + 1].children):
        return True  # 'millions in losses', however the parser hangs the 'in'
    return f.noun is not None and f.noun.lemma_.lower() in lexicon().measure_nouns


def is_thing(f: Found) -> bool:
    """Durations, weapons, vehicles, buildings, places, animals: things, not people; and a
    number after the noun it modifies, which is part of a name ('Cadena 1', 'Route 66')."""
    if f.noun is None or f.q.head is not None:
        return False
    if f.noun.tag_.startswith("NN") and f.noun.lemma_.lower() in lexicon().thing_nouns:
        return True  # a noun: 'the wounded' is people, 'bullet wounds' are not
    return f.noun.i < f.span[0].i and f.anchor.dep_ == "nummod" and f.noun.pos_ in ("PROPN", "NOUN")


def is_whole(f: Found) -> bool:
    """'two of the five passengers were hurt', 'one of his three bodyguards': the people a
    number is a part of are no figure of their own (the part is), unless their own words say
    they were harmed ('two of the 12 wounded soldiers died': `extract` tests that after
    classifying)."""
    prep = f.pos.head
    if f.pos.dep_ != "pobj" or prep.lower_ != "of" or prep.head in f.span:
        return False
    part = prep.head
    return part.like_num or part.pos_ == "NUM"


def is_aggregate(f: Found) -> bool:
    """A toll over a span of time or a whole war ('since September', 'a war that has killed')."""
    lex = lexicon()
    pred = f.predicate if f.predicate is not None and f.predicate.pos_ == "VERB" else None
    scope = list(pred.subtree) if pred is not None else _clause(f.anchor)
    words = [t.lower_ for t in scope]
    if set(words) & lex.aggregate_words:
        return True
    if any(tuple(words[i : i + 2]) in lex.aggregate_bigrams for i in range(len(words) - 1)):
        return True
    if _over_a_span(f, pred):
        return True
    if pred is not None:
        subjects = [c for c in pred.children if c.dep_ == "nsubj"]
        if pred.dep_ == "relcl":
            subjects.append(pred.head)
        return any(t.lemma_.lower() in lex.aggregate_subjects for t in subjects)
    return False


_OTHER_CLAUSES = {"ccomp", "conj", "parataxis", "advcl"}
_PERIODS = {"week", "month", "year", "decade"}
_SPAN_PREPS = {"in", "over", "during", "within"}


def _over_a_span(f: Found, pred: Token | None) -> bool:
    """'five judges have been killed in two months', 'the assassination of four candidates in
    the past few years': the harm, or the people, placed in weeks, months or years (a plural)
    is counted over that span. Only a span hung on the figure's own words or its predicate
    counts ('men missing for two weeks were found dead' is one finding)."""
    path = [f.anchor]
    for tok in f.anchor.ancestors:  # the figure's words up to its predicate, not beyond
        path.append(tok)
        if tok == pred:
            break
    for prep in (c for t in path for c in t.children if c.dep_ == "prep" and c.lower_ in _SPAN_PREPS):
        for obj in prep.children:
            lemma = obj.lemma_.lower()
            if (
                obj.dep_ == "pobj"
                and obj.tag_ == "NNS"
                and (lemma in _PERIODS or (lemma == "day" and _week_or_more(obj)))
            ):
                return True  # 'in recent months', 'in less than 40 days' (not 'in two days')
    return False


def _week_or_more(days: Token) -> bool:
    """'40 days', 'ten days' (a week or more), not 'two days' nor days 'of' an incident ('died
    within 30 days of the ambush': its toll)."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in days.children):
        return False
    numbers = [c for c in days.children if c.dep_ == "nummod"]
    value = words_to_int([numbers[-1].text]) if numbers else None
    return value is not None and value >= 7


def _clause(tok: Token) -> list[Token]:
    """The words of the clause `tok` stands in ('it denounced the death of many civilians'),
    without the other clauses of its sentence ('fighting is taking place throughout the city;')."""
    verb = next((t for t in (tok, *tok.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return list(tok.sent)
    path = {tok, *tok.ancestors}
    other = [c for c in verb.children if c.dep_ in _OTHER_CLAUSES and c not in path]
    skip = {t.i for c in other for t in c.subtree}
    return [t for t in verb.subtree if t.i not in skip]
