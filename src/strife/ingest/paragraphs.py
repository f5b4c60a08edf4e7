"""Plain text to paragraphs, and what a paragraph looks like (sentence, title-like line, body).

Saved pages come in two layouts: one paragraph per line (possibly with blank lines between),
and hard-wrapped text (wire copy, MUC-4) where a paragraph is a block of lines of similar
width separated by blank lines. A block is unwrapped only when it looks wrapped, so a block of
short menu lines is never glued into one paragraph.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BLANK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

#: What a sentence ends with, before any closing quotes or brackets.
_FINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’][.!?]$")
#: A remark in brackets after the final stop: "... said. (AFP)", "... 19. (PASSAGE OMITTED)".
_TRAILING_REMARK = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]$")


def normalise(raw: str) -> str:
    """Unicode NFC, Unix newlines, ordinary spaces, no invisible characters."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def words(paragraph: str) -> list[str]:
    return _WORD.findall(paragraph)


def ends_like_sentence(paragraph: str) -> bool:
    text = paragraph.rstrip()
    return bool(_FINAL.search(text) or _FINAL.search(_TRAILING_REMARK.sub("", text)))


def is_sentence(paragraph: str) -> bool:
    """Ends like a sentence and has at least three words."""
    return ends_like_sentence(paragraph) and len(words(paragraph)) >= 3


def is_body(paragraph: str) -> bool:
    """A paragraph of running text: a sentence of 8+ words, or 25+ words however it ends."""
    n = len(words(paragraph))
    return (n >= 8 and ends_like_sentence(paragraph)) or n >= 25


def is_title_like(paragraph: str, max_words: int = 25) -> bool:
    """A short line without final punctuation that starts like a title."""
    text = paragraph.strip()
    if not text or ends_like_sentence(text) or text.endswith(","):
        return False
    n = len(words(text))
    first = text.lstrip("\"'“‘([")[:1]
    return 1 <= n <= max_words and (first.isupper() or first.isdigit())


def wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at (a high percentile of line lengths), or None when
    its lines are too long or too short to be wrapped copy."""
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    if len(lengths) < 3:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if 30 <= width <= 120 else None


def _looks_wrapped(lines: list[str], width: int, doc_width: int) -> bool:
    """Lines of one block that are one paragraph broken at `width`.

    A wrapped line is *full*: the next line's first word would not have fitted on it (give or
    take an indent); one line in three may fall short (wire copy often opens with a dateline
    line of its own length).
    """

    def full(i: int) -> bool:
        return len(lines[i]) + 1 + len(lines[i + 1].split()[0]) > width - 4

    verdicts = [full(i) for i in range(len(lines) - 1)]
    misses = verdicts.count(False)
    # with three lines or more the width is measured on the block, where its longest line is
    # full by construction: another full line is needed as evidence, unless the block is as
    # wide as the rest of the text
    as_wide = abs(width - doc_width) <= 0.1 * doc_width
    enough = verdicts.count(True) >= (2 if len(lines) > 2 and not as_wide else 1)
    return enough and misses <= max(1, 0.3 * len(verdicts))


def _block_paragraphs(block: str, doc_width: int | None) -> list[str]:
    lines = [ln for ln in block.split("\n") if ln]
    if doc_width is None or len(lines) < 2 or all(ends_like_sentence(ln) for ln in lines):
        return lines
    # blocks of one text may be wrapped at different widths: measure the block when it can be
    width = max(len(ln) for ln in lines[1:]) if len(lines) > 2 else doc_width
    if not 30 <= width <= 120:
        return lines
    if _looks_wrapped(lines, width, doc_width):
        return [" ".join(lines)]
    return lines


def split_paragraphs(raw: str) -> list[str]:
    """The paragraphs of plain text, in order, normalised, none empty."""
    text = normalise(raw)
    width = wrap_width(text.split("\n"))
    out: list[str] = []
    for block in _BLANK.split(text):
        out.extend(p for p in _block_paragraphs(block.strip("\n"), width) if p.strip())
    return [_SPACES.sub(" ", p).strip() for p in out]
