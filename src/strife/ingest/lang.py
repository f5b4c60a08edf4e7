"""Which language an article is written in (ISO 639-1), with py3langid.

The classifier alone mislabels short or headline-like English (as Pidgin, Scots, Swedish...),
and every article it wrongly calls non-English loses all its events, so the rule is
asymmetric: a Latin-script text is called non-English only when the classifier is confident
and English function words are rare in it. Texts mostly in another script take the
classifier's label.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: Below this probability a non-English label on Latin-script text is not trusted.
MIN_CONFIDENCE = 0.8
#: At or above this share of English function words a text is English whatever the classifier says.
EN_FUNCTION_SHARE = 0.12

_EN_FUNCTION_WORDS = frozenset(
    ("the", "of", "and", "to", "in", "a", "an", "is", "was", "were", "are", "be", "been", "has",
     "have", "had", "that", "this", "for", "on", "with", "by", "at", "from", "as", "it", "its",
     "he", "she", "his", "her", "they", "their", "them", "who", "which", "after", "said", "not",
     "but", "or")
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 3000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if ord(c) < 0x250) / len(letters)


def english_share(text: str) -> float:
    """Share of the words of `text` that are common English function words."""
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in _EN_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language; None when the text has no words."""
    sample = text[:_SAMPLE]
    if not _WORD.search(sample):
        return None
    label, prob = _identifier().classify(sample)
    if label == "en":
        return "en"
    if _latin_share(sample) < 0.5:
        return label
    if prob >= MIN_CONFIDENCE and english_share(sample) < EN_FUNCTION_SHARE:
        return label
    return "en"
