"""Whose people a figure counts (`group`) and who claims it (`source`).

Group: the counted noun's phrase ("200 SDF fighters", "troops from the SDF", "70 Isis dead")
gives the actor dictionary's canonical name of the mention inside it; civilian nouns give
`Civilians`; "its losses" / "their fighters" give the clause's own party (the claimant when it
is an actor, else the nearest actor named before in the sentence).

Source: the subject of the nearest reporting verb above the figure ("X said", "X claimed to
have killed", "X put the figure at"), else "according to X" in the sentence. A speaker that is
a pronoun or a bare "statement" is the last speaker or statement author named before; a
"statement from X" / "the X statement" is X's. Speakers outside the dictionary keep their words
("Local activists"); generic ones ("reports", "sources") give null, and unnamed "sources" are
never taken for the speaker named before them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from strife.casing import original
from strife.figures.lexicon import lexicon
from strife.models import ActorMention

CIVILIANS = "Civilians"
_ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
_NOUN_PHRASE_DEPS = {"compound", "amod", "nmod", "nummod", "det", "poss", "quantmod"}
_SPEAKER_DEPS = _NOUN_PHRASE_DEPS | {"appos"}


@dataclass
class Speakers:
    """What earlier sentences said about speakers: pronouns and bare statements resolve to it."""

    mentions: list[ActorMention]
    last_speaker: str | None = None
    last_speaker_sentence: int = -99
    last_actor_speaker: str | None = None
    last_actor_sentence: int = -99
    history: list[tuple[int, str]] = field(default_factory=list)
    wire_end: int = 0
    """Where a wire dateline ends ('LIMA, 2 MAY (EFE) --'): its agency is the publisher, no speaker."""

    def mention_in(self, start: int, end: int) -> list[ActorMention]:
        return [m for m in self.mentions if m.start < end and m.end > start]

    def actor_before(self, offset: int, since: int = 0) -> ActorMention | None:
        """The last known actor (not civilians) named between `since` and `offset`."""
        found = [
            m
            for m in self.mentions
            if since <= m.start and m.end <= offset and m.known and m.actor_type != CIVILIANS
        ]
        return found[-1] if found else None


def named(mention: ActorMention) -> bool:
    """A mention that names someone: a known actor, or civilians. Described actors ('gunmen',
    'troops') are the dictionary's guesses; as a group or a source they would lump together
    people a text keeps apart, so their words are used instead (sources) or nothing (groups)."""
    return mention.known or mention.actor_type == "Civilians"


def _mention_for(tokens: list[Token], speakers: Speakers, prefer: Token | None = None) -> ActorMention | None:
    if not tokens:
        return None
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    found = [m for m in speakers.mention_in(start, end) if named(m)]
    if not found:
        return None
    if prefer is not None:
        near = [m for m in found if m.start <= prefer.idx < m.end]
        if near:
            return near[0]
    apposed = [m for m in found if any(t.dep_ == "appos" and m.start <= t.idx < m.end for t in tokens)]
    return (apposed or found)[0]


def noun_phrase(noun: Token, skip: set[int]) -> list[Token]:
    """The counted noun with its modifiers and group-bearing prepositions ('troops from the SDF'),
    without relative clauses and without the quantity's own tokens."""
    out = [noun]
    for c in noun.children:
        if c.dep_ in _NOUN_PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ in lexicon().group_preps):
            out.extend(t for t in c.subtree if t.dep_ not in ("relcl", "acl"))
    return [t for t in out if t.i not in skip]


def group_of(noun: Token | None, skip: set[int], speakers: Speakers, source: str | None) -> str | None:
    """Canonical name of whose people `noun` counts, or None."""
    if noun is None:
        return None
    lex = lexicon()
    lemma = noun.lemma_.lower()
    if lemma in lex.civilian_nouns or noun.lower_ in lex.civilian_nouns:
        return CIVILIANS
    if any(c.dep_ == "amod" and c.lower_ == "civilian" for c in noun.children):
        return CIVILIANS
    mention = _mention_for(noun_phrase(noun, skip), speakers, prefer=noun)
    if mention is not None and lemma in lex.captive_nouns:
        # "IS prisoners" names the captor as often as the captives' side: leave it open
        mention = None if not _is_of_phrase(noun, mention) else mention
    if mention is not None:
        return CIVILIANS if mention.actor_type == "Civilians" else mention.name
    if any(c.dep_ == "poss" and c.lower_ in lex.possessives for c in noun.children):
        return _own_party(noun, speakers, source)
    return None


def person_group(words: list[Token], person: Token, speakers: Speakers) -> str | None:
    """Whose side a person counted without a number is on: an actor named in the person's own
    words ('FMLN commander X'), or civilians by the person's noun or a noun apposed to the name
    ('Jose Perez, a peasant'). Not the wider phrase: a name's parse often takes in what follows."""
    lex = lexicon()
    nouns = [person, *(c for c in person.children if c.dep_ in ("appos", "compound"))]
    if any(n.lemma_.lower() in lex.civilian_nouns for n in nouns):
        return CIVILIANS
    mention = _mention_for(words, speakers, prefer=person)
    if mention is None:
        return None
    return CIVILIANS if mention.actor_type == CIVILIANS else mention.name


def _is_of_phrase(noun: Token, mention: ActorMention) -> bool:
    """'prisoners from IS' / 'members of IS': the mention sits in a preposition, not a compound."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in lexicon().group_preps
        and any(mention.start <= t.idx < mention.end for t in c.subtree)
        for c in noun.children
    )


def _own_party(noun: Token, speakers: Speakers, source: str | None) -> str | None:
    """'its losses', 'their fighters': the party the clause is about."""
    sent = noun.sent
    parties = [m for m in speakers.mentions if m.known and m.actor_type not in (None, CIVILIANS)]
    if source and any(m.name == source for m in parties):
        return source
    before = [m for m in parties if sent.start_char <= m.start and m.end <= noun.idx]
    return before[-1].name if before else None


def subject_group(verb: Token, speakers: Speakers) -> str | None:
    """The actor who is the subject of `verb` ('the army lost four soldiers' -> the army)."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            m = _mention_for(list(c.subtree), speakers)
            if m is not None:
                return m.name
    return None


def _reporting_verbs_above(tok: Token) -> list[Token]:
    """Reporting verbs above `tok`, nearest first ('claimed' above 'killed 200')."""
    lex = lexicon()
    found, node = [], tok
    while node.head != node:
        node = node.head
        reporting = node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in lex.reporting_verbs
        if node.lemma_.lower() == "claim" and any(c.lemma_.lower() == "life" for c in node.children):
            reporting = False  # "claimed the lives of 30": a deed, not a claim
        if reporting:
            found.append(node)
    return found


def _subject(verb: Token, speakers: Speakers) -> Token | ActorMention | None:
    """The verb's subject, or an actor named just before it when the parse lost the subject
    ('IS claimed' read as 'is claimed')."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        return subj
    for c in verb.lefts:
        found = [m for m in speakers.mention_in(c.idx, c.idx + len(c)) if named(m)]
        if found:
            return found[0]
    return None


def _according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    objs = [c for c in to.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
    return None


def speaker_phrase(tok: Token) -> list[Token]:
    """The speaker's noun phrase: modifiers, apposition ('a war monitor, the Syrian Observatory')
    and 'from/of/for' phrases ('a statement from X'), not places or relative clauses."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in _SPEAKER_DEPS or (c.dep_ == "prep" and c.lower_ in ("of", "from", "for", "by")):
            out.extend(t for t in c.subtree if t.dep_ not in ("relcl", "acl"))
    return out


def speaker_name(tok: Token, speakers: Speakers, sentence: int) -> str | None:
    """Canonical name (or words) of the speaker whose head token is `tok`."""
    lex = lexicon()
    mention = _mention_for(speaker_phrase(tok), speakers, prefer=tok)
    if mention is not None and mention.actor_type != CIVILIANS:
        return mention.name  # civilians speak as themselves: "local activists", "residents"
    lower, lemma = tok.lower_, tok.lemma_.lower()
    # "sources said", "a military spokesman said": someone new, not the last speaker named
    described = lemma in lex.described_speakers and any(c.dep_ in ("amod", "compound") for c in tok.children)
    unnamed = lower in lex.unnamed_speakers or described
    if lower in lex.pronouns or (lemma in lex.statement_nouns and not unnamed):
        return _earlier_speaker(tok, speakers, sentence, statement=lemma in lex.statement_nouns)
    bare = not any(c.dep_ in ("compound", "amod", "poss", "appos") for c in tok.children)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    if lemma in lex.anaphoric_speakers and bare and definite:
        earlier = _named_before(tok, speakers, sentence)
        if earlier:
            return earlier  # "the group said", "the Observatory said": the one named before
    text = _speaker_words(tok)
    if not text or text.lower() in lex.generic_sources or lemma in lex.generic_sources:
        return None
    return text


def _speaker_words(tok: Token) -> str:
    """The speaker's words: the head and the modifiers just before it ('Local activists',
    'a hospital official' -> 'hospital official'), at most six words."""
    keep = {"compound", "amod", "nmod", "poss", "npadvmod", "case"}
    words = [t for c in tok.lefts if c.dep_ in keep for t in c.subtree] + [tok]
    words = [t for t in words if not t.is_punct and t.dep_ not in ("det", "predet")]
    return " ".join(original(t) for t in sorted(words, key=lambda t: t.i)[-6:])


def _named_before(tok: Token, speakers: Speakers, sentence: int) -> str | None:
    """'the Observatory' -> the last speaker whose name holds the word; 'the group' -> the last
    actor that spoke (within six sentences)."""
    word = tok.lower_
    for si, name in reversed(speakers.history):
        if sentence - si <= 6 and word in name.lower().split():
            return name
    if word in ("group", "organisation", "organization", "movement", "alliance", "militia"):
        return _earlier_speaker(tok, speakers, sentence, statement=True)
    return None


def _earlier_speaker(tok: Token, speakers: Speakers, sentence: int, statement: bool) -> str | None:
    if statement and speakers.last_actor_speaker and sentence - speakers.last_actor_sentence <= 6:
        return speakers.last_actor_speaker
    if speakers.last_speaker and sentence - speakers.last_speaker_sentence <= 3:
        return speakers.last_speaker
    before = speakers.actor_before(tok.idx, since=speakers.wire_end)
    return before.name if before is not None else None


def source_of(pos: Token, speakers: Speakers, sentence: int) -> tuple[str | None, Token | None]:
    """(who claims the figure placed by `pos`, the reporting verb) or (None, None)."""
    for verb in _reporting_verbs_above(pos):
        subj = _subject(verb, speakers)
        if isinstance(subj, Token) and pos in list(subj.subtree):
            continue  # a misparse made the figure itself the speaker
        if isinstance(subj, ActorMention):
            return subj.name, verb
        if subj is not None:
            return speaker_name(subj, speakers, sentence), verb
    according = _according_to(pos.sent)
    if according is not None:
        return speaker_name(according, speakers, sentence), None
    root = pos.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if (
        subj is not None
        and root.lemma_.lower() in lexicon().reporting_verbs
        and root.lemma_.lower() != "claim"
    ):
        return speaker_name(subj, speakers, sentence), root  # "..., the ministry said."
    return None, None


def note_speakers(sent: Span, speakers: Speakers, sentence: int) -> None:
    """Remember the speakers a sentence names, for pronouns and statements that follow."""
    lex = lexicon()
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.reporting_verbs:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            name = speaker_name(subj, speakers, sentence)
            if name:
                _remember(speakers, name, sentence)
    according = _according_to(sent)
    if according is not None:
        name = speaker_name(according, speakers, sentence)
        if name:
            _remember(speakers, name, sentence)


def _remember(speakers: Speakers, name: str, sentence: int) -> None:
    speakers.last_speaker, speakers.last_speaker_sentence = name, sentence
    speakers.history.append((sentence, name))
    if any(m.name == name for m in speakers.mentions):
        speakers.last_actor_speaker, speakers.last_actor_sentence = name, sentence
