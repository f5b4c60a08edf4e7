"""The text the language model reads for a text written in one case only (MUC-4, telex copy).

The small English model reads "THREE PEASANTS WERE KILLED" with every noun a proper noun and
the clause structure often lost, so neither the events' roles nor the kind of a figure can be
read from it. The language stage therefore parses a copy in sentence case instead
(`text_to_parse`): lower case, each sentence's first letter a capital, and the names the actor
and place matchers found (which match regardless of case and need no parse) capitalised word by
word; an actor mention that is one common word ("PEASANT", "SOLDIERS") describes people rather
than names them and stays lower case. Sentence starts come before any parse from a cheap split
(`sentence_starts`). Only the case changes, so every character offset of the parse is that of
`Article.text`; the parse keeps the article's own text in `Doc.user_data[ORIGINAL]`, and words
quoted in output come from there (`original`, `original_text`), never from the copy. A text
in ordinary mixed case is parsed as it is.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from spacy.tokens import Doc, Token

from strife.actors.text import is_monocase
from strife.models import Article

_WORD = re.compile(r"[^\W\d_]+")
#: Sentence-final punctuation (with closing quotes or brackets) before white space, or a blank line.
_END = re.compile(r"""[.!?]["'”’)\]]*\s+|\n[^\S\n]*\n""")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
ORIGINAL = "strife_original_text"


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # a few characters lower to two (e.g. 'İ'): keep them as they are so offsets hold
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


class Vocabulary:
    """The English words the language model's lemmatizer knows (WordNet's nouns, verbs,
    adjectives and adverbs, with their inflections) and its stop words; a word of a one-case
    text that is none of these is taken for a name ("castellar", "quintero", "fmln"). Also the
    abbreviations its tokenizer keeps whole ("gen.", "col.", "jan."), after which a full stop
    ends no sentence."""

    _POS = ("noun", "verb", "adj", "adv")

    def __init__(self, nlp: Any) -> None:
        self.index: dict[str, set[str]] = {}
        self.rules: dict[str, list[list[str]]] = {}
        self.exceptions: set[str] = set()
        exceptions = getattr(getattr(nlp, "Defaults", None), "tokenizer_exceptions", None) or {}
        self.abbreviations = frozenset(k.lower() for k in exceptions if len(k) > 1 and k.endswith("."))
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            index, rules = lookups.get_table("lemma_index"), lookups.get_table("lemma_rules")
            exc = lookups.get_table("lemma_exc")
        except (KeyError, AttributeError, ValueError):  # no rule lemmatizer: every word is known
            self.known = lambda word: True  # type: ignore[method-assign]
            return
        for pos in self._POS:
            self.index[pos] = set(index[pos]) if pos in index else set()
            self.rules[pos] = list(rules[pos]) if pos in rules else []
            self.exceptions.update(exc.get(pos, ()))
        self.stop = {w.lower() for w in nlp.Defaults.stop_words}

    def known(self, word: str) -> bool:
        w = word.lower()
        if w in self.stop or w in self.exceptions:
            return True
        for pos in self._POS:
            if w in self.index[pos]:
                return True
            for old, new in self.rules[pos]:
                if w.endswith(old) and w[: len(w) - len(old)] + new in self.index[pos]:
                    return True
        return False


_VOCABULARIES: dict[int, Vocabulary] = {}


def vocabulary(nlp: Any) -> Vocabulary:
    if id(nlp) not in _VOCABULARIES:
        _VOCABULARIES[id(nlp)] = Vocabulary(nlp)
    return _VOCABULARIES[id(nlp)]


def sentence_starts(text: str, abbreviations: Collection[str] = ()) -> list[int]:
    """Offsets where sentences begin, found without a parse: the text's start, after sentence-final
    punctuation followed by white space (not after an initial such as "J." or "U.S.", nor after
    one of `abbreviations`, lower case with their full stop: "gen.", "col."), and after a blank
    line. On MUC-4 copy it agrees with the parser's sentences nearly everywhere it splits."""
    starts = [0]
    for m in _END.finditer(text):
        if text[m.start()] == ".":
            word = text[max(0, m.start() - 30) : m.start() + 1].split()[-1].lstrip("(\"'").lower()
            if word in abbreviations or _INITIALS.fullmatch(word):
                continue
        if m.end() < len(text):
            starts.append(m.end())
    return starts


def sentence_case(article: Article, vocab: Vocabulary | None = None) -> str:
    """The article's text in sentence case, character for character (same length): lower
    case; a capital for each sentence's first word (`sentence_starts`), the words of actor and
    place names (not an actor mention that is one common word, a description), and, given a
    `vocab`, every word it does not know (a name)."""
    chars = list(_lower(article.text))
    starts = sentence_starts(article.text, vocab.abbreviations if vocab is not None else ())
    names = [(m.start, m.end) for m in article.toponyms]
    names += [(m.start, m.end) for m in article.actor_mentions if not _description(m.text, vocab)]
    if vocab is not None:
        unknown = (w for w in _WORD.finditer(article.text) if len(w.group()) > 2)
        names += [(w.start(), w.end()) for w in unknown if not vocab.known(w.group())]
    for start, end in names:
        for w in _WORD.finditer(article.text, start, end):
            # short words inside a name stay lower ("Army of National Liberation")
            if len(w.group()) > 3 or w.start() == start:
                chars[w.start()] = chars[w.start()].upper()
    for start in starts:
        first = _WORD.search(article.text, start, min(len(chars), start + 40))
        if first is not None:
            chars[first.start()] = chars[first.start()].upper()
    out = "".join(chars)
    return out if len(out) == len(article.text) else article.text


def _description(words: str, vocab: Vocabulary | None) -> bool:
    """An actor mention that is one common English word ("PEASANT", "GUERRILLAS", "ARMY")
    describes people rather than names them: capitalised, the parser takes it for a name and
    loses the counted noun ("killed a Peasant")."""
    found = _WORD.findall(words)
    return vocab is not None and len(found) == 1 and vocab.known(found[0])


def text_to_parse(article: Article, nlp: Any) -> str:
    """What the language model reads for `article` (reads `text`, `toponyms`, `actor_mentions`):
    the sentence-case copy of a one-case text, else the text itself; same length either way."""
    if not is_monocase(article.text):
        return article.text
    return sentence_case(article, vocabulary(nlp))


def keep_original(doc: Doc, text: str) -> Doc:
    """Record on a parse of a sentence-case copy the article's own `text` it was made from."""
    if doc.text != text:
        doc.user_data[ORIGINAL] = text
    return doc


def parsed_copy(doc: Doc) -> bool:
    """Whether the parse is of a sentence-case copy, not of the article's own text (a check
    of one key: `doc.text` would join every token of the document again)."""
    return isinstance(doc.user_data.get(ORIGINAL), str)


def original_text(doc: Doc) -> str:
    """The article's text as it writes it: the parse's own text unless it parsed a copy."""
    text = doc.user_data.get(ORIGINAL)
    return text if isinstance(text, str) else doc.text


def original(tok: Token) -> str:
    """The token's words as `Article.text` writes them."""
    return original_text(tok.doc)[tok.idx : tok.idx + len(tok)]
