"""Every figure of an article as a `Count`: number, kind, group, source, offsets.

`extract(article)` reads `article.doc`, `article.sentences` and `article.actor_mentions` and
returns `Found` items (a `Count` plus the parse tokens the event assignment needs). It scans
each sentence for quantities, reads each one's kind, group and source, then, across the text:

- a fraction takes its base from an earlier figure of the same people ("a dozen fighters ...
  at least half of the fighters were killed" -> at least 6);
- a generic figure ("put the figure at 39") takes the kind and group of the claim before it;
- a figure joined to another in its sentence ("with more than 70 Isis dead, along with seven
  civilians") takes that one's kind when it has none of its own.

Figures that count no people harmed (distances, durations, years, prison populations) are
dropped. Absurd figures, figures in other units and contradictory figures in one sentence are
warned about on the article, never silently counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from strife.casing import original_text
from strife.figures import attribution as attr
from strife.figures import filters
from strife.figures.anaphora import resolve_definites
from strife.figures.clause import Toll, bare_toll, counted_noun, habitual, relation_token, toll_words, unreal
from strife.figures.kinds import KindResult, classify
from strife.figures.lexicon import lexicon
from strife.figures.names import is_name, name_word
from strife.figures.numbers import Quantity, resolve_fraction, scan
from strife.figures.people import caused_harm, individuals, pronoun_harmed, with_singulars
from strife.figures.totals import add_also_totals, add_totals, drop_shadowed
from strife.models import Article, Count

#: Beyond these a figure for one report is taken as a reading error, not a toll.
LIMITS = {"displaced": 20_000_000, "other": 20_000_000}
DEFAULT_LIMIT = 1_000_000
_FRACTIONAL = re.compile(r"^\d+\.\d+$")
#: A wire dateline opening the text: 'SAN SALVADOR, 21 MAY 90 (ACAN - EFE) --'
_WIRE_DATELINE = re.compile(r"\s*(?:[^\n()]{1,80}\([^()\n]{2,40}\)){1,3}\s*(?:--|—)\s")
#: The kinds of a toll that may belong to the incident told before it (`clause.bare_toll`).
_HARM = {"fatalities", "injured"}
_JOINING_PREPS = {"with", "including", "plus", "besides", "alongside", "along", "among", "excluding"}


@dataclass
class Found:
    """A quantity being read: its parse handles, then what was found about it."""

    q: Quantity
    sentence: int
    span: list[Token]
    anchor: Token
    noun: Token | None
    pos: Token
    kind: str | None = None
    mixed: bool = False
    generic: bool = False
    predicate: Token | None = None
    group: str | None = None
    source: str | None = None
    reporter: Token | None = None
    aggregate: bool = False
    """Counted over a span of time or a whole war: kept on the article, not on an event."""
    party_claim: bool = False
    """The source claims the killing itself ('claimed to have killed 200'): a party."""
    text: str | None = None
    """`Article.text` (the parse may be of a sentence-case copy; the words come from here)."""
    parts: int = 0
    """For the total of coordinated figures ('five soldiers and three civilians'): how many."""
    toll: Toll | None = None
    """A toll placed 'in the attack' told before (`clause.toll_words`)."""

    @property
    def start(self) -> int:
        return self.span[0].idx

    def count(self) -> Count:
        tokens = list(self.span)
        if self.noun is not None and _belongs(self.noun, self.anchor, self.span):
            tokens.append(self.noun)  # "200 SDF fighters", "dozens of detainees"
        pred = self.predicate
        if (
            pred is not None
            and pred.lemma_.lower() in lexicon().revision_cues
            and 0 < self.span[0].i - pred.i <= 4
        ):
            tokens.insert(0, pred)  # "rose to 30": the words mark a revised toll
        start = tokens[0].idx
        end = max(t.idx + len(t) for t in tokens)
        text = self.text if self.text is not None else original_text(self.anchor.doc)
        return Count(
            kind=self.kind or "other",
            group=self.group,
            low=self.q.low,
            high=self.q.high,
            qualifier=self.q.qualifier,
            source=self.source,
            text=text[start:end],
            start=start,
            end=end,
        )


def _belongs(noun: Token | None, anchor: Token, span: list[Token]) -> bool:
    """Whether the counted noun follows the quantity inside its phrase, so the claim's words
    run on to it: '200 SDF fighters' (the number modifies it), 'dozens of detainees'."""
    if noun is None or noun.i <= span[-1].i:
        return False
    return anchor.head == noun or noun.head.head == anchor


def _actor_type_fn(speakers: attr.Speakers) -> Callable[[Token], str | None]:
    def actor_type(tok: Token) -> str | None:
        tokens = list(tok.subtree)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        found = speakers.mention_in(start, end)
        return found[0].actor_type if found else None

    return actor_type


def _sentences(article: Article, doc: Doc) -> list[tuple[int, SpacySpan]]:
    """The article's sentences in its parse, each with its index."""
    spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in article.sentences]
    return [(si, span) for si, span in enumerate(spans) if span is not None]


def _read_sentence(article: Article, span: SpacySpan, si: int, speakers: attr.Speakers) -> list[Found]:
    tokens = list(span)
    found = []
    for q in _quantities(tokens, speakers, article):
        f = _found(q, si, tokens, article.text)
        if filters.is_date(f) or filters.is_thing(f) or filters.is_age(f):
            continue
        if filters.is_measure(f):
            if classify(f.anchor, f.noun, f.pos, lambda _t: None).predicate is not None:
                article.warn(f"figure {f.count().text!r} is in other units, not people; not counted")
            continue
        k = classify(f.anchor, f.noun, f.pos, _actor_type_fn(speakers))
        if filters.is_whole(f) and (k.predicate is None or k.predicate not in f.pos.subtree):
            continue  # 'two of the five passengers were hurt'; not 'two of the 12 wounded soldiers'
        if q.head is not None and (own := caused_harm(f.anchor)):
            k = KindResult(own, predicate=f.anchor)  # 'left dead and wounded': each its own kind
        if q.head is not None and k.predicate is None:
            continue  # a person no harm predicate takes: no figure
        if f.anchor.pos_ == "PRON" and not pronoun_harmed(k.kind, k.predicate, f.anchor):
            continue  # 'they fled', 'they are lost': no one harmed, or not said of them
        if unreal(k.predicate, f.pos):
            continue  # "the deputy was not injured", "was almost killed", "neither X nor Y was hurt"
        if q.head is not None and k.kind in _HARM and k.predicate is not None and habitual(k.predicate):
            continue  # 'they are killing civilians': a practice, no one counted
        f.kind, f.mixed, f.generic, f.predicate = k.kind, k.mixed, k.generic, k.predicate
        f.toll = toll_words(k.predicate)
        if f.toll is None and k.kind in _HARM:
            f.toll = bare_toll(k.predicate, _marked(article, si), relation_token(f.pos))
        f.source, f.reporter = attr.source_of(f.pos, speakers, si)
        if q.head is None:
            skip = {t.i for t in f.span}
            f.group = attr.group_of(f.noun if f.noun is not None else k.noun, skip, speakers, f.source)
        else:
            f.group = attr.person_group(f.span, f.noun, speakers) if f.noun is not None else None
        if f.group is None and f.predicate is not None and f.predicate.lemma_.lower() == "lose":
            f.group = attr.subject_group(f.predicate, speakers)
        f.party_claim = _claims_own_deed(f)
        f.aggregate = filters.is_aggregate(f)
        found.append(f)
    _warn_fractional(tokens, article)
    attr.note_speakers(span, speakers, si)
    return found


def _marked(article: Article, si: int) -> bool:
    """The sentence names a place or a time of its own (a toll there may be another incident)."""
    span = article.sentences[si]
    marks = [*article.toponyms, *article.time_expressions]
    return any(span.start <= m.start < span.end for m in marks)


def _warn_fractional(tokens: list[Token], article: Article) -> None:
    """'killed 12.5 people': a count of people that is no whole number is a reading error (a
    scale such as '1.5 million' is read by the scanner); it gives no figure, so say so."""
    lex = lexicon()
    people = lex.person_nouns | lex.civilian_nouns | {"people", "person"}
    for tok in tokens:
        if _FRACTIONAL.match(tok.text) and tok.head.lemma_.lower() in people and tok.head.i > tok.i:
            phrase = original_text(tok.doc)[tok.idx : tok.head.idx + len(tok.head)]
            article.warn(f"figure {phrase!r} is not a whole number of people; not counted")


def _found(q: Quantity, si: int, tokens: list[Token], text: str) -> Found:
    qspan = tokens[q.start : q.end]
    if q.head is not None:  # a person counted without a number: the person is the figure
        person = tokens[q.head]
        return Found(q, si, qspan, person, person, person, text=text)
    anchor, noun, pos = counted_noun(qspan)
    return Found(q, si, qspan, anchor, noun, pos, text=text)


def _quantities(tokens: list[Token], speakers: attr.Speakers, article: Article) -> list[Quantity]:
    """The numbers of a sentence, then the people it counts without one."""
    numbers = with_singulars(scan([t.text for t in tokens]), tokens)
    # an age ('a 65-year-old mayor') is no figure, and it leaves the person to be counted
    numbers = [q for q in numbers if not filters.is_age(_found(q, 0, tokens, article.text))]
    counted: set[Any] = set()
    for q in numbers:
        anchor, noun, _pos = counted_noun(tokens[q.start : q.end])
        counted.update(t.i for t in (anchor, noun) if t is not None)
    names = [(m.start, m.end) for m in (*speakers.mentions, *article.toponyms)]
    actors = [(m.start, m.end) for m in speakers.mentions]

    def outside(tok: Token) -> bool:
        """Outside every actor mention, and outside every place name that is not part of a
        longer person's name ('Francisco Jose Guerrero': a surname that is also a place)."""
        if any(a <= tok.idx < b for a, b in actors):
            return False
        places = [(a, b) for a, b in names if a <= tok.idx < b]
        return all(_person_beyond(tok, a, b) for a, b in places)

    def described(tok: Token) -> bool:
        """Outside every name, or a mention that is this one noun: 'civilians and soldiers were
        killed' describes people the actor matcher also read as groups."""
        end = tok.idx + len(tok)
        return not any(a <= tok.idx < b and (a, b) != (tok.idx, end) for a, b in names)

    people = individuals(tokens, numbers, counted, outside, described, speakers.wire_end)
    return sorted(numbers + people, key=lambda q: q.start)


def _person_beyond(tok: Token, start: int, end: int) -> bool:
    """Whether `tok` is a word of a person's name (proper nouns joined as compounds: 'Maria
    Elena Diaz Perez') that runs beyond the characters [start, end) of another mention: the
    mention is then only a word of the name."""
    head = tok
    while head.dep_ in ("compound", "flat") and head.head != head and name_word(head.head):
        head = head.head
    words = [c for c in head.children if c.dep_ in ("compound", "flat") and is_name(c)] + [head]
    if len(words) < 2 or not all(name_word(w) for w in words):
        return False
    first, last = min(words, key=lambda w: w.i), max(words, key=lambda w: w.i)
    return first.idx < start or last.idx + len(last) > end


def _claims_own_deed(f: Found) -> bool:
    """'X claimed to have killed 200', 'X said it killed 20': the claimant did the killing."""
    pred, reporter = f.predicate, f.reporter
    if pred is None or reporter is None or f.source is None or pred.pos_ != "VERB":
        return False
    if pred.lemma_.lower() not in lexicon().verbs_object or pred not in list(reporter.subtree):
        return False
    subjects = [c for c in pred.children if c.dep_ == "nsubj"]
    return all(c.lower_ in ("it", "they", "we", "he") for c in subjects)


def _same_people(f: Found, base: Found) -> bool:
    if f.noun is None or base.noun is None or base.q.fraction is not None:
        return False
    return f.noun.lemma_.lower() == base.noun.lemma_.lower() and base.q.value is not None


def _resolve_fractions(found: list[Found], article: Article) -> None:
    for i, f in enumerate(found):
        if f.q.fraction is None:
            continue
        base = next(
            (b for b in reversed(found[:i]) if f.sentence - b.sentence <= 3 and _same_people(f, b)), None
        )
        if base is None:
            f.kind = None  # a share of an unknown whole gives no figure
            continue
        f.q = resolve_fraction(f.q, base.q)
        if f.group is None:
            f.group = base.group


def _linked(f: Found) -> bool:
    return _joined_to(f) is not None


def _joined_to(f: Found) -> Token | None:
    """The word a figure is joined to: the first of its conjuncts ('one colonel, two
    lieutenants') or the word a joining preposition hangs on ('with more than 70 Isis dead')."""
    chain = _join_chain(f)
    return chain[-1] if chain else None


def _join_chain(f: Found) -> list[Token]:
    """The words climbed from a figure to the one it is joined to, nearest first ('six wounded,
    two of them seriously': 'wounded', then the 'killed' it is a conjunct of)."""
    tok = f.noun if f.noun is not None and f.pos == f.noun else f.pos
    chain = []
    while tok.dep_ in ("conj", "appos") and tok.head != tok:
        tok = tok.head
        chain.append(tok)
    if not chain and tok.dep_ == "pobj" and tok.head.lower_ in _JOINING_PREPS:
        chain.append(tok.head.head if tok.head.head.lower_ != "along" else tok.head.head.head)
    return chain


def _joined(f: Found, base: Found) -> bool:
    """Whether `f` is joined to the figure `base` itself, not to other words of its sentence
    ('responsible for the death of six priests, in which one colonel, two lieutenants and six
    soldiers are being charged': the officers are joined to the colonel, not to the priests)."""
    chain = _join_chain(f)
    own = {base.pos, base.noun, base.anchor, base.predicate}
    if any(n in own for n in chain[:-1]):
        return True  # 'one killed and six wounded, two of them seriously': the nearer one's
    node = chain[-1] if chain else None
    if node is not None and node not in own and node.dep_ in ("nsubj", "nsubjpass"):
        clause = node.head  # 'injured, as were some pedestrians, including a child': an elided
        if clause.pos_ == "AUX" and clause.dep_ == "advcl":  # repeat of the base's predicate
            node = clause.head
    return node is not None and node in own


def _inherit(found: list[Found]) -> None:
    for i, f in enumerate(found):
        if f.kind or f.mixed:
            continue
        earlier = [b for b in reversed(found[:i]) if b.kind]
        if f.generic:
            base = next((b for b in earlier if f.sentence - b.sentence <= 2), None)
            if base is not None:
                f.kind, f.group = base.kind, f.group or base.group
            else:  # "put the figure at 25, with more than 40 dead": the figures beside it say
                beside = next((b for b in found[i + 1 :] if b.sentence == f.sentence and b.kind), None)
                f.kind = beside.kind if beside is not None else None
        elif _linked(f):
            base = next((b for b in earlier if b.sentence == f.sentence and _joined(f, b)), None)
            if base is not None:  # the same deed: its total adds them ('along with two guards')
                f.kind, f.predicate = base.kind, f.predicate or base.predicate


def _claim_key(f: Found) -> tuple | None:
    """What makes two figures of a sentence the same claim: same kind, people and source, and
    the same deed by the same doer ('the attack killed 10 ... the attack killed 14')."""
    pred = f.predicate
    if pred is None or pred.pos_ != "VERB" or f.q.fraction is not None or f.parts:
        return None
    doers = [c for c in pred.children if c.dep_ == "nsubj" and c != f.pos]
    doers += [g for c in pred.children if c.dep_ == "agent" for g in c.children]
    if not doers and pred.dep_ == "conj":  # "... and killed 14": the first verb's doer
        doers = [c for c in pred.head.children if c.dep_ == "nsubj"]
    doer = doers[0].lemma_.lower() if doers else None
    noun = f.noun.lemma_.lower() if f.noun is not None else None
    return (f.sentence, f.kind, f.group, f.source, pred.lemma_.lower(), doer, noun)


def _warn_bad(found: list[Found], article: Article) -> list[Found]:
    kept = []
    for f in found:
        value = f.q.value
        limit = LIMITS.get(f.kind or "other", DEFAULT_LIMIT)
        if value is not None and value > limit:
            article.warn(
                f"figure {f.count().text!r} ({value:,}) is beyond belief for one report; not counted"
            )
            continue
        kept.append(f)
    seen: dict[tuple, Found] = {}
    for f in kept:
        key = _claim_key(f)
        other = seen.get(key) if key is not None else None
        if other is not None and other.q.value != f.q.value and not _linked(f):
            article.warn(
                f"contradictory figures in one sentence: {other.count().text!r} and {f.count().text!r}"
            )
        if key is not None:
            seen[key] = f
    return kept


def extract(article: Article) -> list[Found]:
    """All figures about people in the article, in text order (kind `other` only for mixed
    killed-and-wounded counts), read from `article.doc`."""
    if article.doc is None or not article.sentences:
        return []
    speakers = attr.Speakers(mentions=sorted(article.actor_mentions, key=lambda m: m.start))
    if wire := _WIRE_DATELINE.match(article.text):
        speakers.wire_end = wire.end()
    found: list[Found] = []
    for si, span in _sentences(article, article.doc):
        found.extend(_read_sentence(article, span, si, speakers))
    _resolve_fractions(found, article)
    _inherit(found)
    resolve_definites(found)  # 'the priests' after 'six priests': those six
    found = add_also_totals(add_totals(drop_shadowed(found)))
    for f in found:
        if f.mixed and not f.kind:
            f.kind, f.mixed = "other", True
    return _warn_bad([f for f in found if f.kind and (f.q.low is not None or f.q.high is not None)], article)
