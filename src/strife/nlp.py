"""The spaCy pipeline as strife uses it: the packaged model plus a paragraph rule.

News text keeps its line structure after cleaning (paragraphs, headlines, datelines). The
statistical parser sometimes runs a sentence across a paragraph break, which glues a headline
or a closing line to the next sentence and misleads every later stage. `paragraph_breaks`
marks the first token after a paragraph break as a sentence start before the parser runs;
the parser respects preset boundaries and still splits inside paragraphs.
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from strife.errors import ResourceError

_FINAL = {".", "!", "?", '"', "'", "”", "’", ":"}


def _line_breaks(doc: Doc, i: int) -> int:
    """How many line breaks separate token `i` from the previous non-space token."""
    n = 0
    j = i - 1
    while j >= 0 and doc[j].is_space:
        n += doc[j].text.count("\n")
        j -= 1
    if j >= 0:
        n += doc[j].whitespace_.count("\n")
    return n if j >= 0 else 0


@Language.component("strife_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence; a single line break ends one after final
    punctuation. Hard-wrapped wire copy (single breaks mid-sentence) is left to the parser."""
    for token in doc:
        if token.i == 0 or token.is_space:
            continue
        breaks = _line_breaks(doc, token.i)
        if breaks >= 2:
            token.is_sent_start = True
        elif breaks == 1:
            prev = next((t for t in reversed(doc[: token.i]) if not t.is_space), None)
            if prev is not None and prev.text[-1:] in _FINAL:
                token.is_sent_start = True
    return doc


def load(name: str) -> Any:
    """Load the spaCy model `name` with strife's paragraph rule in front of the parser."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError(f"spaCy model {name!r} cannot be loaded: {exc}") from exc
    if "parser" in nlp.pipe_names and "strife_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("strife_paragraph_breaks", before="parser")
    return nlp
