"""Triggers of one sentence grouped into event mentions.

Two triggers of a sentence report one event when their families may go together (an attack
that kills; a mutiny with hostages; see `Lexicon.mergeable`) and the dependency path between
them crosses no temporal or causal seam: "The breakout *coincided with* an assault", "a day
*after* militants executed", "was *followed by* an attack", "*since* IS overran it".
Each group is then labelled: background (a recollection), anaphoric (it only refers back to an
event already reported: "the breakout", "the escapees"), or new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from strife.detect import modality, recall, roles
from strife.detect.lexicon import Lexicon, contains_any, lexicon
from strife.detect.triggers import Sent, Token, Trigger, find_triggers, np_lemmas

SEPARATOR_MARKS = {"after", "before", "since", "until", "while", "whereas"}
SEPARATOR_PREPS = {
    "after",
    "before",
    "since",
    "following",
    "amid",
    "like",
    "unlike",
    "than",
    "ahead",
    "despite",
}
SEPARATOR_VERBS = {
    "coincide",
    "follow",
    "precede",
    "come",
    "prompt",
    "spark",
    "provoke",
    "resemble",
    "mark",
    "trigger",
}


@dataclass
class Cluster:
    """The triggers of one event mention in a sentence."""

    triggers: list[Trigger]
    background: str | None = None
    anaphoric: bool = False
    notes: set[str] = field(default_factory=set)  # "attempted", ...

    @property
    def main(self) -> Trigger:
        """The strong trigger nearest the sentence root (the first when tied)."""
        strong = [t for t in self.triggers if not t.weak] or self.triggers
        return min(strong, key=lambda t: (_depth(t.token), t.start))

    @property
    def families(self) -> list[str]:
        out: list[str] = []
        for t in sorted(self.triggers, key=lambda t: (t is not self.main, t.weak, t.start)):
            if t.family not in out:
                out.append(t.family)
        return out


def _depth(tok: Token) -> int:
    return len(modality.governors(tok))


def _path(a: Token, b: Token) -> list[Token]:
    """Tokens strictly between `a` and `b` on their dependency path (with their common head)."""
    up_a = [a, *modality.governors(a)]
    up_b = [b, *modality.governors(b)]
    ids_b = {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in ids_b), None)
    if lca is None:
        return []
    left = [t for t in up_a[1:] if _depth(t) >= _depth(lca)]
    right = [t for t in up_b[1:] if _depth(t) >= _depth(lca)]
    seen, out = set(), []
    for t in left + right:
        if t.i not in seen and t.i not in (a.i, b.i):
            seen.add(t.i)
            out.append(t)
    return out


def _seam(tok: Token) -> bool:
    lem = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lem in SEPARATOR_VERBS:
        return True
    if tok.dep_ == "prep" and tok.lower_ in SEPARATOR_PREPS:
        return True
    return any(c.dep_ == "mark" and c.lower_ in SEPARATOR_MARKS for c in tok.children) and tok.dep_ == "advcl"


SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def _lca(a: Token, b: Token) -> Token | None:
    ids_b = {t.i for t in [b, *modality.governors(b)]}
    return next((t for t in [a, *modality.governors(a)] if t.i in ids_b), None)


def _side(tok: Token, lca: Token) -> Token:
    """The child of `lca` on the way down to `tok`."""
    for t in [tok, *modality.governors(tok)]:
        if t.head.i == lca.i:
            return t
    return tok


def separated(a: Token, b: Token) -> bool:
    """Whether a temporal or causal seam lies between two triggers of a sentence."""
    if a.i == b.i:
        return False
    lca = _lca(a, b)
    path = [t for t in _path(a, b) if lca is None or t.i != lca.i]
    if lca is not None and lca.i not in (a.i, b.i) and _seam(lca):
        # "X coincided with Y", "X was followed by Y": the seam divides subject from complement
        deps = {_side(a, lca).dep_ in SUBJECTS, _side(b, lca).dep_ in SUBJECTS}
        if len(deps) == 2 or lca.dep_ == "advcl":
            return True
    # a trigger heading its own "after ..." clause is apart from what lies outside that clause
    ends = [t for t, o in ((a, b), (b, a)) if t.dep_ == "advcl" and o not in t.subtree]
    prep_children = [
        c for t in (a, b) for c in t.children if c.dep_ == "prep" and c.lower_ in SEPARATOR_PREPS
    ]
    if any(_seam(t) for t in path + ends):
        return True
    # "after" attached between the two: the later trigger is inside the "after" phrase
    return any(c.i in {t.i for t in path} for c in prep_children)


def cluster(triggers: list[Trigger], lex: Lexicon) -> list[Cluster]:
    """Group a sentence's triggers into event mentions (union of compatible, unseparated pairs)."""
    parent = list(range(len(triggers)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    bgs = [recall.background(t.token) for t in triggers]
    for i, a in enumerate(triggers):
        for j in range(i + 1, len(triggers)):
            b = triggers[j]
            if not lex.mergeable(a.family, b.family) or separated(a.token, b.token):
                continue
            if (bgs[i] is None) != (bgs[j] is None):
                # what follows a recollection and hangs on it is part of it ("since the fall of
                # Baghouz ..., backed up by air strikes"); the reverse is a new event
                if bgs[j] is None and bgs[i] in ("since", "recollection"):
                    bgs[j] = bgs[i]
                else:
                    continue
            parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(triggers)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        c = Cluster(
            [triggers[i] for i in members], background=next((bgs[i] for i in members if bgs[i]), None)
        )
        c.anaphoric = _anaphoric(c)
        if any(t.token.lemma_.lower() == "fail" or _attempted(t.token) for t in c.triggers):
            c.notes.add("attempted")
        out.append(c)
    return sorted(out, key=lambda c: c.main.start)


def _anaphoric(c: Cluster) -> bool:
    """A group refers back when a definite noun names its event and no indefinite one introduces
    a new one ("have been killed in the three-day battle", "the attack distracted the jailers")."""
    nouns = [t for t in c.triggers if t.kind in ("noun", "participant")]
    definite = [t for t in nouns if modality.anaphoric(t.token)]
    if not definite:
        return False
    return all(t in definite for t in nouns if t.kind == "noun") or c.main in definite


def _attempted(tok: Token) -> bool:
    """'failed to storm', 'a failed attempt to retake', 'tried to seize'."""
    for gov in modality.governors(tok)[:3]:
        lem = gov.lemma_.lower()
        if lem in ("fail", "try", "attempt") or any(
            c.lower_ in ("failed", "unsuccessful", "foiled") for c in gov.children
        ):
            return True
    return False


def _non_conflict(trig: Trigger, lex: Lexicon) -> bool:
    """ "An earthquake killed eight", "killed in an accident", "a boiler exploded": no conflict."""
    if trig.family not in ("kill", "attack", "explosion", "property", "clash"):
        return False
    tok = trig.token
    causes = ("in", "by", "after", "during", "from", "when")
    heads = roles.agents(tok) + [
        g for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in causes for g in c.children
    ]
    heads += [c for c in tok.children if c.dep_ == "nsubj"]
    return any(h.lemma_.lower() in lex.non_conflict for h in heads)


#: Families whose nouns may name a campaign rather than a fight ("the battle against crime").
CAMPAIGNS = frozenset({"clash"})


def _campaign(trig: Trigger, lex: Lexicon) -> bool:
    """ "The battle against drug trafficking", "the war on terrorism", "to fight this crime": a
    noun of fighting waged against a social ill, or a verb of fighting whose object is one,
    names a campaign, not a fight that took place."""
    if trig.family not in CAMPAIGNS:
        return False
    tok = trig.token
    if trig.kind == "verb":
        return any(
            c.dep_ in ("dobj", "obj") and contains_any(np_lemmas(c), lex.campaign) for c in tok.children
        )
    if trig.kind != "noun":
        return False
    # the parser often hangs "against ..." on the verb of which the noun is the object ("win
    # this battle against terrorism")
    holders = [tok, tok.head] if tok.dep_ in ("dobj", "obj") else [tok]
    return any(
        g.dep_ == "pobj" and contains_any(np_lemmas(g), lex.campaign)
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("against", "on")
        for g in c.children
    )


def _legal_state(trig: Trigger) -> bool:
    """ "A state of siege", "the state of war": a noun of violence naming a legal regime a
    government declares, not a fight."""
    tok = trig.token
    return (
        trig.kind == "noun"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() == "state"
    )


def keep(trig: Trigger, lex: Lexicon) -> bool:
    """Whether a trigger reports (or refers to) an event that happened."""
    tok = trig.token
    if modality.not_factual(tok) or _non_conflict(trig, lex) or _campaign(trig, lex) or _legal_state(trig):
        return False
    if trig.kind != "verb" and modality.generic(tok):
        return False
    if trig.kind == "verb" and modality.habitual(tok):
        return False
    if trig.kind == "noun" and modality.plural_reference(tok):
        return False
    if trig.kind == "participant":
        return modality.anaphoric(tok) or tok.dep_ in ("nsubj", "nsubjpass", "agent", "pobj", "dobj")
    return True


def sentence_clusters(sent: Sent, lex: Lexicon | None = None) -> list[Cluster]:
    """The event mentions of one sentence."""
    lex = lex or lexicon()
    triggers = [t for t in find_triggers(sent, lex) if keep(t, lex)]
    clusters = cluster(triggers, lex) if triggers else []
    # Participants alone ("two suicide bombers") make no event unless they refer back.
    return [c for c in clusters if any(t.kind != "participant" for t in c.triggers) or c.anaphoric]


#: `doc.user_data` key of the sentence clusters worked out so far (see `clusters_memo`).
MEMO_KEY = "strife.sentence_clusters"


def clusters_memo(lex: Lexicon, doc: Any = None) -> Callable[[Sent], list[Cluster]]:
    """`sentence_clusters` with each sentence worked out once. Given the sentences' `doc`, the
    memo is kept on it (`doc.user_data[MEMO_KEY]`), so the events stage's drafts and the
    arguments stage (which asks for a sentence's clusters for every event that may be told in
    it) share one: recomputing cost ~3 % of the pipeline. The clusters are only read after
    they are made. The finalize stage drops the memo with the Doc (it refers back to the Doc's
    tokens, a cycle that would keep the Doc past its memory zone)."""
    by_lex: dict[int, tuple[Lexicon, dict[tuple[int, int], list[Cluster]]]]
    by_lex = doc.user_data.setdefault(MEMO_KEY, {}) if doc is not None else {}
    _, seen = by_lex.setdefault(id(lex), (lex, {}))  # the lexicon kept: its id stays its own

    def clusters(sent: Sent) -> list[Cluster]:
        key = (sent.start, sent.end)
        if key not in seen:
            seen[key] = sentence_clusters(sent, lex)
        return seen[key]

    return clusters
