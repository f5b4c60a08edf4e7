"""What the words right after a name say about it: an apposition that calls it a place or says
how far it lies, or the rest of the dateline it opens. Reads text only.
"""

from __future__ import annotations

import re

#: After a name, a comma and what the place is or how far it lies ("HUANCAYO, 415 KM SOUTHEAST
#: OF LIMA", "OROYA, A KEY MINING TOWN", "CHAVIN AND HUARI, TWO TOWNS IN ...").
_APPOSITION = re.compile(
    r"^(?:\s+(?:and|or)\s+[^\W\d_]+(?:[-\s][^\W\d_]+){0,2})?\s*,\s*(?:"
    r"(?:about\s+|some\s+)?\d[\d,.]*\s*(?:km|kms|kilometers?|kilometres?|miles?)\b|"
    r"(?:a|an|the|two|three|four|several|both)\s+(?:[^\W\d_-]+[\s-]+){0,3}?"
    r"(?:town|towns|village|villages|city|cities|hamlet|hamlets|port|municipality|capital|community)\b)",
    re.IGNORECASE,
)
#: The rest of a dateline after its place: a day and month ("MANAGUA, 3 APR 90") or a country
#: in brackets ("HAVANA (CUBA), 14 NOV 89").
_DATELINE_REST = re.compile(r"\s*(?:,\s*\d{1,2}\s+[A-Za-z]{3}|\((?:[A-Z][A-Za-z.]*\s?)+\))")
#: How far into the text a dateline's place may begin.
DATELINE_START = 3


def apposed(text: str, end: int) -> bool:
    """Is the name ending at `end` followed by an apposition that calls it a place or places it?"""
    return bool(_APPOSITION.match(text[end : end + 80]))


def opens_dateline(text: str, start: int, end: int) -> bool:
    """Does the name at `start`..`end` open the text as a dateline's place? A report filed in
    a city names it there, however small the city ("TEGUCIGALPA, 3 APR 90 (EFE) --")."""
    return start <= DATELINE_START and bool(_DATELINE_REST.match(text, end))
