"""Event mentions of a whole article joined into events, then typed.

Each sentence gives event mentions (`grouping`). A mention joins an event already found when
it refers back to it: a definite noun of a compatible family ("the breakout"; a generic "the
attack" or "the attackers" refers to the event told last), a
second mention of a one-off kind of event ("prisoners had managed to escape" after a jail
break), or a continuation in the next sentence that introduces no place or date new to it, nor an
indefinite event noun, nor new doers hitting a new thing ("They also attacked an SDF base"
goes on; "urban guerrillas blew up a bus" does not). A sentence with no trigger but
casualty words ("put the figure at 39") is added to the event just before it, so that the
figures stage reads it. Otherwise a mention starts a new event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strife.detect import features as feat
from strife.detect import modality, roles
from strife.detect import tags as tagging
from strife.detect import typing as acled
from strife.detect.grouping import Cluster, clusters_memo
from strife.detect.lexicon import Lexicon
from strife.detect.triggers import Sent, Trigger
from strife.models import Article, Event, Evidence, Mention

#: Kinds of event an article rarely reports twice: a second mention is the same event.
ONE_OFF = {"escape", "mutiny"}
CASUALTY_WORDS = {
    "dead",
    "death",
    "toll",
    "casualty",
    "loss",
    "figure",
    "wounded",
    "injured",
    "body",
    "corpse",
    "fatality",
}
NEW_THING_ENTS = {"GPE", "LOC", "FAC", "DATE"}
PLACE_PREPS = {"in", "near", "at", "outside", "around", "inside"}
#: Sentence openings that move on to another event.
NEW_TOPIC = {"separately", "elsewhere", "meanwhile", "also", "earlier", "later"}
#: Trigger families whose ACLED event type does not depend on who was hit: a continuation of
#: one type never joins an event of the other ("an assault ..." then "the execution of a man").
FIXED_TYPE = {
    "execute": "Violence against civilians",
    "sexual": "Violence against civilians",
    "abduct": "Violence against civilians",
    "clash": "Battles",
    "territory": "Battles",
}


@dataclass
class Draft:
    """An event being assembled: its mentions (the first is the main one) and sentences."""

    clusters: list[Cluster]
    sentences: list[int]
    background: str | None = None
    extra: list[int] = field(default_factory=list)  # sentences with figures only

    @property
    def families(self) -> list[str]:
        return [f for c in self.clusters for f in c.families]

    def add(self, index: int, cluster: Cluster | None) -> None:
        if cluster is not None:
            self.clusters.append(cluster)
        if index not in self.sentences:
            self.sentences.append(index)


def _compatible(draft: Draft, cluster: Cluster, lex: Lexicon) -> bool:
    return any(lex.mergeable(a, b) for a in draft.families for b in cluster.families)


#: Words that name any violent deed ("the attack", "the attackers"): they refer back to the
#: event told last, whatever its own words were ("incendiary bombs were hurled at a temple ...
#: at the time of the attack"); words of a kind ("the explosion", "the kidnapping") seek their kind.
GENERIC_REFERENCES = frozenset({"attack", "assault", "attacker", "assailant"})


def _generic(trig: Trigger) -> bool:
    """A generic word of violence: "the attack", "the attackers" ("the attacks" look back at
    several events, not at the last)."""
    tok = trig.token
    plural = trig.kind == "noun" and tok.tag_ in ("NNS", "NNPS")
    return tok.lemma_.lower() in GENERIC_REFERENCES and not plural


#: Families of deeds done to someone or something, which a generic "the attack" can name (an
#: exchange of fire that followed an attack is not what "the attack" then means).
DEEDS = frozenset(
    {"attack", "explosion", "kill", "grenade", "shelling", "air", "abduct", "execute", "property"}
)


def _referent(drafts: list[Draft], cluster: Cluster, lex: Lexicon, index: int) -> Draft | None:
    """The most recent reported event a mention (in sentence `index`) can refer to (same family
    first, except for a generic word such as "the attack", which refers to a deed told in the
    last two sentences when there is one)."""
    live = [d for d in reversed(drafts) if not d.background]
    referring = [t for t in cluster.triggers if t.kind != "verb" and modality.anaphoric(t.token)]
    if referring and live and all(_generic(t) for t in referring):
        latest = max(live, key=lambda d: max(d.sentences))
        recent = index - max(latest.sentences) <= 2 and bool(set(latest.families) & DEEDS)
        if recent and _compatible(latest, cluster, lex):
            return latest
    named = [t.family for t in referring]
    same = [d for d in live if set(d.families) & set(named)] or [
        d for d in live if set(d.families) & set(cluster.families)
    ]
    if same:
        return same[0]
    return next((d for d in live if _compatible(d, cluster, lex)), None)


#: Determiners that bring in a new thing: "a car bomb exploded", "another bomb exploded".
INDEFINITE = {"a", "an", "another"}


def _indefinite(tok) -> bool:
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children)


#: Modifiers by which a text says an event is not one told before: "another clash occurred",
#: "a second bomb exploded", "a further attack".
ANOTHER = frozenset({"another", "second", "third", "fourth", "fifth", "further", "separate"})


def announces_another(doc, start: int, end: int) -> bool:
    """Whether the trigger at characters `start`-`end` of `doc` says its event is another one
    than those told before it: the trigger noun, or the subject of the trigger verb, is
    "another ..." or "a second/further/separate ..." ("another clash occurred", "a second
    bomb exploded"), or the trigger verb is a deed also done ("shining path members also
    attacked public facilities in A, B and C", "the congress president's house was also
    attacked"). Such an event never merges with an earlier one of the article. (A deed also
    done that `drafts` joins to the event told just before, "they also attacked an SDF base",
    stays part of it: this only keeps apart events the article already tells as two; MUC-4
    train-300 GTT 47.75 -> 47.98, train 300-800 40.10 -> 40.22, dev unchanged.)"""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    head = span.root
    if head.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ == "also" for c in head.children):
        return True
    nouns = [head] + [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        c.dep_ in ("det", "amod") and c.lower_ in ANOTHER
        for n in nouns
        if n.pos_ in ("NOUN", "PROPN")
        for c in n.children
    )


def _names(sent: Sent) -> set[str]:
    """Places and dates a sentence names (entities, and proper nouns after "in", "near", ...)."""
    names = {e.text.lower() for e in sent.ents if e.label_ in NEW_THING_ENTS}
    for t in sent:
        if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS:
            names.add(t.text.lower())
    return names


def _continues(
    draft: Draft, cluster: Cluster, index: int, sents: list[Sent], lex: Lexicon, last: int
) -> bool:
    """Whether `cluster` (in sentence `index`) goes on telling `draft`; `last` is the last
    sentence that had any event mention before this one."""
    gap = index - max(draft.sentences)
    if draft.background or gap > 2 or (gap == 2 and last > max(draft.sentences)):
        return False
    return _compatible(draft, cluster, lex)


def _place(
    drafts: list[Draft], cluster: Cluster, index: int, sents: list[Sent], lex: Lexicon, last: int
) -> Draft | None:
    """The event `cluster` belongs to, or None when it starts a new one."""
    if cluster.background:
        return None
    if cluster.anaphoric:
        return _referent(drafts, cluster, lex, index)
    live = [d for d in drafts if not d.background]
    if not live:
        return None
    latest = max(live, key=lambda d: max(d.sentences))
    earlier = [d for d in live if set(d.families) & ONE_OFF] if set(cluster.families) & ONE_OFF else []
    # a place new to the event it would join starts another (MUC-4 train-300 GTT 45.2 -> 45.4)
    if _introduces(cluster, index, sents, earlier[-1] if earlier else latest):
        return None
    if earlier:
        return earlier[-1]
    if not _continues(latest, cluster, index, sents, lex, last):
        return None
    return None if _own_event(latest, cluster) else latest


def _own_event(draft: Draft, cluster: Cluster) -> bool:
    """A mention with participants of its own ("the execution of a Palestinian man") whose kind
    fixes another ACLED type than the draft's ("an assault ... clashes") tells another event."""
    if not any(_introduced(h) for t in cluster.triggers if not t.weak for h in _participants(t.token)):
        return False
    mine = FIXED_TYPE.get(cluster.main.family)
    theirs = {FIXED_TYPE[f] for f in draft.families if f in FIXED_TYPE}
    return mine is not None and bool(theirs) and mine not in theirs


def _participants(tok) -> list:
    return roles.agents(tok) + roles.patients(tok)


DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}


def _introduced(tok) -> bool:
    """A noun phrase that brings in someone new ("a Palestinian man", "nine soldiers",
    "Abu Omar") rather than referring back ("the jailers", "them")."""
    if tok.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children)


def _introduces(cluster: Cluster, index: int, sents: list[Sent], latest: Draft) -> bool:
    """Whether the mention introduces a new event: "a mutiny", or a place or date not named in
    the event told last, the one it would go on telling ("in A, they burned the town hall.
    banks were also attacked in B" tells two incidents even when an earlier event was in B)."""
    main = cluster.main.token
    if _indefinite(main) or any(_indefinite(c) for c in main.children if c.dep_ in ("nsubj", "nsubjpass")):
        return True  # "a major attack", "a car bomb exploded", "another bomb exploded"
    first = sents[index][0].lower_ if sents[index] is not None and len(sents[index]) else ""
    if first in NEW_TOPIC or _new_deed(main, [sents[i] for i in latest.sentences if sents[i] is not None]):
        return True
    known = set().union(*(_names(sents[i]) for i in latest.sentences if sents[i] is not None))
    return bool(_names(sents[index]) - known)


def _new_deed(verb, latest: list[Sent]) -> bool:
    """A deed whose doers and whose thing hit are both brought in anew ("in addition, urban
    guerrillas blew up a public bus" after towers were sabotaged) is another incident; doers
    referred back ("it destroyed an entrance", "they also attacked an SDF base") or named in
    the same words in the event told last (`latest`: its sentences) go on telling the last one (MUC-4
    train-300 GTT 46.35 -> 46.77, dev unchanged)."""
    if verb.pos_ != "VERB":
        return False
    known = {t.lemma_.lower() for s in latest for t in s}  # "urban guerrillas" after "the guerrillas": new
    doers = [
        c for c in verb.children if c.dep_ == "nsubj" and not {t.lemma_.lower() for t in c.subtree} <= known
    ]
    things = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return any(_introduced(c) for c in doers) and any(_indefinite(c) for c in things)


def drafts(sents: list[Sent], lex: Lexicon) -> list[Draft]:
    """The article's events as drafts, in order of first mention."""
    out: list[Draft] = []
    last = -1  # the last sentence with an event mention
    doc = next((s.doc for s in sents if s is not None), None)
    clusters_of = clusters_memo(lex, doc)  # kept on the Doc for the arguments stage
    for i, sent in enumerate(sents):
        clusters = clusters_of(sent) if sent is not None else []
        if not clusters:
            if sent is not None and out and _casualties(sent):
                live = [d for d in out if not d.background]
                latest = max(live, key=lambda d: max(d.sentences)) if live else None
                if latest and max(latest.sentences) >= i - 2:
                    latest.add(i, None)
                    latest.extra.append(i)
            continue
        echo = _echoed(out, sents, i)
        if echo is not None:
            draft, earlier = echo
            repeated = [c for c in clusters if all(t.token.lower_ in earlier for t in c.triggers)]
            for c in repeated:
                draft.add(i, c)
            clusters = [c for c in clusters if c not in repeated]  # what the repeat adds is new
        for c in clusters:
            if c.background and c.anaphoric and _referent(out, c, lex, i) is not None:
                continue  # "just before the shooting, ... praises": a look back at one told already
            target = _place(out, c, i, sents, lex, last)
            if target is not None:
                target.add(i, c)
            else:
                out.append(Draft([c], [i], background=c.background))
        last = i
    return out


#: Share of the shorter sentence's words the longer must hold for one to repeat the other.
ECHO = 0.9


def _echoed(drafts: list[Draft], sents: list[Sent], index: int) -> tuple[Draft, set[str]] | None:
    """The reported event whose sentence sentence `index` repeats: a headline or lead printed
    twice, or the lead again with "a monitoring group said on Wednesday" added. Repeating means
    nearly all the words of the shorter sentence and every name and number of it recur (formulaic
    reports of different shellings differ in just those). Gives the draft and the words of the
    sentence repeated."""
    words = _words(sents[index])
    if len(words) < 6:
        return None
    for draft in reversed(drafts):
        if draft.background:
            continue
        for j in draft.sentences:
            if j < index and _repeats(words, earlier := _words(sents[j])):
                return draft, {w for w, _ in earlier}
    return None


def _words(sent: Sent | None) -> set[tuple[str, bool]]:
    """A sentence's words (lower case), each marked whether it is a name or a number."""
    if sent is None:
        return set()
    return {(t.lower_, t.pos_ in ("PROPN", "NUM") or t.like_num) for t in sent if not t.is_punct}


def _repeats(a: set[tuple[str, bool]], b: set[tuple[str, bool]]) -> bool:
    short, long = sorted((a, b), key=len)
    words = {w for w, _ in long}
    if len(short) < 6 or sum(w in words for w, _ in short) < ECHO * len(short):
        return False
    return all(w in words for w, named in short if named)


def _casualties(sent: Sent) -> bool:
    return any(t.lemma_.lower() in CASUALTY_WORDS for t in sent) and any(t.like_num for t in sent)


def to_event(article: Article, draft: Draft, sents: list[Sent], number: int, lex: Lexicon) -> Event:
    """An `Event` from a draft: typed, tagged, with its trigger, sentences and evidence."""
    f = feat.features(draft.clusters, [sents[i] for i in draft.sentences], article.actor_mentions, lex)
    sub = acled.sub_event_type(f)
    event_tags = tagging.tags(f, sub)
    main = draft.clusters[0].main
    sentences = [draft.sentences[0], *sorted(draft.sentences[1:])]
    return Event(
        id=f"e{number}",
        event_type=acled.event_type(sub),
        sub_event_type=sub,
        tags=event_tags,
        background=draft.background is not None,
        attack_type=tagging.attack_type(f, sub, event_tags),
        trigger=Mention(
            text=article.text[main.start : main.end], start=main.start, end=main.end, type=main.family
        ),
        sentences=sentences,
        evidence=[_evidence(article, i) for i in sentences],
        confidence=_confidence(draft),
    )


def _evidence(article: Article, index: int) -> Evidence:
    s = article.sentences[index]
    return Evidence(start=s.start, end=s.end, text=article.text[s.start : s.end])


def _confidence(draft: Draft) -> float:
    main = draft.clusters[0]
    score = 0.45
    score += 0.15 if main.main.kind == "verb" else 0.05
    score += 0.1 if len(draft.clusters) > 1 else 0.0
    score += 0.1 if any(not t.weak for c in draft.clusters for t in c.triggers) else 0.0
    score -= 0.1 if main.anaphoric else 0.0
    return round(max(0.05, min(0.95, score)), 2)


def sentence_spans(article: Article) -> list[Sent]:
    """spaCy spans for `article.sentences` (None where a sentence cannot be aligned)."""
    doc = article.doc
    return [doc.char_span(s.start, s.end, alignment_mode="expand") for s in article.sentences]


def find_events(article: Article, lex: Lexicon) -> list[Event]:
    """Every event the article reports (and background events it recalls)."""
    sents = sentence_spans(article)
    return [to_event(article, d, sents, n, lex) for n, d in enumerate(drafts(sents, lex), start=1)]
