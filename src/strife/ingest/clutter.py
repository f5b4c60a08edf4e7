"""Web-page clutter: calls to action, page furniture, navigation trails, section sub-headings.

The patterns live in `strife/data/clean/boilerplate.txt` (see its header for the two kinds).
Every rule looks at one paragraph at a time and at its shape (length, final punctuation), so
a news sentence that merely mentions a donation or a newsletter is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from strife.ingest.paragraphs import ends_like_sentence, is_title_like, words

STRONG_MAX_WORDS = 40
WEAK_MAX_WORDS = 6
SUBHEADING_MAX_WORDS = 10

#: Page furniture is often run together with a site or campaign name ("UNITED24 - Donate...").
_SEGMENT_SEPARATORS = re.compile(r"\s[|–—-]\s|\s*[|]\s*")


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """(strong, weak) patterns from the packaged boilerplate list."""
    text = resources.files("strife").joinpath("data/clean/boilerplate.txt").read_text(encoding="utf-8")
    strong: list[re.Pattern[str]] = []
    weak: list[re.Pattern[str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, pattern = line.partition(":")
        target = {"strong": strong, "weak": weak}.get(kind.strip())
        if target is None:
            raise ValueError(f"boilerplate.txt:{number}: expected 'strong:' or 'weak:'")
        target.append(re.compile(pattern.strip(), re.IGNORECASE))
    return tuple(strong), tuple(weak)


def is_boilerplate(paragraph: str) -> bool:
    """A call to action or piece of page furniture (by the packaged patterns)."""
    n = len(words(paragraph))
    strong, weak = patterns()
    if n <= STRONG_MAX_WORDS:
        segments = [paragraph, *(s for s in _SEGMENT_SEPARATORS.split(paragraph)[1:] if s.strip())]
        if any(p.search(seg) for p in strong for seg in segments):
            return True
    not_news = not ends_like_sentence(paragraph) or n <= WEAK_MAX_WORDS
    return not_news and n <= STRONG_MAX_WORDS and any(p.search(paragraph) for p in weak)


def is_navigation(paragraph: str) -> bool:
    """A breadcrumb or menu: short items joined by separators ("Home | World | Middle East")."""
    if ends_like_sentence(paragraph):
        return False
    parts = [p for p in re.split(r"\s*[|>»›/•·]\s*", paragraph) if p.strip()]
    if len(parts) < 3:
        return False
    return all(len(words(p)) <= 4 for p in parts)


def is_subheading(paragraph: str) -> bool:
    """A section heading inside the body: a short title-like line with no final punctuation."""
    return is_title_like(paragraph, max_words=SUBHEADING_MAX_WORDS)


def is_clutter(paragraph: str) -> bool:
    return is_boilerplate(paragraph) or is_navigation(paragraph)
