"""A parse of the text in ordinary case, for texts written in one case only (MUC-4, telex copy).

The small English model reads "THREE PEASANTS WERE KILLED" with the nouns as proper nouns and
the clause structure often lost, so the kind of a figure cannot be read from it. `figures_doc`
parses a copy of the text in sentence case instead: lower case, each sentence's first letter a
capital, and the names the actor and place matchers found (which match regardless of case)
capitalised word by word; an actor mention that is one common word ("PEASANT", "SOLDIERS")
describes people rather than names them and stays lower case. Only the case changes, so every character offset of the copy is that
of `Article.text`, and the figures read from it point into the article's text unchanged.
A text in ordinary mixed case keeps the language stage's parse.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from strife.models import Article

_LETTER_UPPER = re.compile(r"[A-Z]")
_LETTER_LOWER = re.compile(r"[a-z]")
_WORD = re.compile(r"[^\W\d_]+")
ORIGINAL = "strife_figures_original_text"


def is_monocase(text: str) -> bool:
    """Whether the text is written in one case only (at most 2 % of its letters in the other),
    judged on its first 20,000 characters; texts of fewer than 20 letters are not."""
    sample = text[:20_000]
    upper = len(_LETTER_UPPER.findall(sample))
    lower = len(_LETTER_LOWER.findall(sample))
    if upper + lower < 20:
        return False
    return min(upper, lower) <= 0.02 * (upper + lower)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # a few characters lower to two (e.g. 'İ'): keep them as they are so offsets hold
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


class Vocabulary:
    """The English words the language model's lemmatizer knows (WordNet's nouns, verbs,
    adjectives and adverbs, with their inflections) and its stop words. A word of a one-case
    text that is none of these is taken for a name ("castellar", "quintero", "fmln")."""

    _POS = ("noun", "verb", "adj", "adv")

    def __init__(self, nlp: Any) -> None:
        self.index: dict[str, set[str]] = {}
        self.rules: dict[str, list[list[str]]] = {}
        self.exceptions: set[str] = set()
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


def sentence_case(article: Article, vocab: Vocabulary | None = None) -> str:
    """The article's text in sentence case, character for character (same length): lower
    case; a capital for each sentence's first word, the words of actor and place names (not an
    actor mention that is one common word, a description), and, given a `vocab`, every word it
    does not know (a name)."""
    chars = list(_lower(article.text))
    starts = [s.start for s in article.sentences] or [0]
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


def figures_doc(article: Article, nlp: Any, max_chars: int = 100_000) -> Doc | None:
    """The Doc the figures are read from: a sentence-case parse for a text in one case (same
    offsets as `Article.text`; a long text parsed in windows like the language stage's), else
    the language stage's `article.doc`."""
    if article.doc is None or not is_monocase(article.text):
        return article.doc
    text = sentence_case(article, vocabulary(nlp))
    if len(text) <= max_chars:
        doc = nlp(text)
    else:
        from strife.stages.language import windows  # the language stage's cut, so parses agree

        doc = Doc.from_docs(list(nlp.pipe(windows(text, max_chars))), ensure_whitespace=False)
    doc.user_data[ORIGINAL] = article.text
    return doc


def original(tok: Token) -> str:
    """The token's words as `Article.text` writes them (a sentence-case parse keeps the text it
    was made from; any other Doc is the text itself)."""
    text = tok.doc.user_data.get(ORIGINAL, tok.doc.text)
    return text[tok.idx : tok.idx + len(tok)]
