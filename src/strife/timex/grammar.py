"""The grammar of time expressions: one case-insensitive regular expression per form.

`scan(text)` returns the non-overlapping matches, longest first where two overlap, each tagged
with its form (`kind`). Resolution is `strife.timex.resolve`'s job. The forms cover what news
reports of violence use: absolute dates ("March 10, 2015", "10 March 2015", "4 FEB 90",
"2015-03-10"), day ranges ("10-12 March"), months and years with their parts ("late 2019"),
weekdays ("on Thursday night"), days relative to publication ("yesterday", "three days ago"),
calendar units ("last week", "earlier this month"), rolling spans ("the past few days", "the
three-day battle"), anchors relative to another event ("a day after", "two days later") and
times of day with no day ("at 2120", "at 10:30 pm").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
NUM_WORD = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety)"
)
COUNT = rf"(?:{NUM_WORD}|a\s+couple\s+of|a\s+few|several|some|few|an?)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
PART = r"(?:morning|afternoon|evening|night)"
TO = r"\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)\s*"
END = r"(?!\w)"
# A date followed by one of these words names an organisation ("the 19 April Movement").
ORG_AFTER = re.compile(
    r"\s*(?:movement|organi[sz]ation|brigades?|front|group|command|commandos?|revolutionary|"
    r"battalion|coalition|party|bloc|square|street|avenue|bridge|stadium|university|hospital)\b",
    re.I,
)

_REPORTING = (
    r"(?:said|says|say|reported|reports|announced|announces|denied|denies|confirmed|confirms|claimed|"
    r"claims|stated|states|told|added|noted|disclosed|revealed|declared|acknowledged|admitted|asserted|"
    r"alleged|explained|warned|insisted|informed|indicated|charged|accused|published|released|"
    r"reiterated|pointed\s+out|made\s+public|"
    # reactions are statements too: "the government today condemned the murder" dates the
    # condemnation, not the murder
    r"condemned|condemns|denounced|denounces|deplored|repudiated|reaffirmed|demanded|urged|"
    r"requested|protested|lamented|mourned)"
)
# "the army said today", "denied on Tuesday that", "said in a statement on Monday"
_REPORT_BEFORE = re.compile(
    rf"\b{_REPORTING}(?:\s+(?:in\s+an?\s+\w+|to\s+\w+|here|there))?\s+(?:on\s+|late\s+|early\s+)?$", re.I
)
# "the Extraditables today claimed responsibility" (fewer words: "alleged" is also an adjective)
_REPORT_AFTER = re.compile(
    r"^\s*(?:said|says|reported|announced|denied|confirmed|claimed|stated|told|declared|disclosed|"
    r"revealed|admitted|condemned|denounced|deplored|repudiated|reaffirmed|demanded|urged|protested|"
    # "the M-19 today accused the intelligence services of assassinating ...": the accusation's day
    r"accused|blamed)\b",
    re.I,
)


# "this evening's newscast", "Tuesday's statement", "yesterday's press conference": a time
# that dates an act of speaking (a possessive on a word of reporting) dates no event it tells of
_REPORT_NOUN = re.compile(
    r"^(?:'s|’s)?\s+(?:(?!(?:of|on|in|at|against|by|near|to|for|with|the|an?)\b)[\w-]+\s+){0,3}?"
    r"(?:newscasts?|broadcasts?|editions?|statements?|communiqu[eé]s?|press\s+conferences?|"
    r"news\s+conferences?|speech|address|interviews?|sessions?|meetings?|reports?|announcements?|"
    r"messages?|bulletins?|editorials?|programs?|programmes?|debates?|hearings?)\b",
    re.I,
)


# A wire dateline: a place, a comma, the date, an optional agency, then a dash ("SAN SALVADOR,
# 12 JAN 90 (ACAN-EFE) --", "Beirut, March 3 (AFP) -"); transcribed copy may open the agency's
# parenthesis with a bracket ("BOGOTA, 27 APR 90 [INRAVISION TELEVISION CADENA 1) --").
_DATELINE_HEAD = re.compile(r"^\s*(?:[A-Z][\w'’.-]*\s*|\([A-Z][^)\n]{0,30}\)\s*){1,5},\s*$")
_DATELINE_TAIL = re.compile(r"^\s*(?:[(\[][^)\]\n]{1,60}[)\]]\s*)?(?:--|—|–|-\s)")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is the expression the date of the article's dateline (the report's date, not an event's)?"""
    return start <= 64 and bool(
        _DATELINE_HEAD.match(text[:start]) and _DATELINE_TAIL.match(text[end : end + 64])
    )


def is_reporting(text: str, start: int, end: int) -> bool:
    """Does the expression date the report ("said on Tuesday", a dateline, "this evening's
    newscast") rather than what it reports?"""
    return bool(
        in_dateline(text, start, end)
        or _REPORT_BEFORE.search(text, max(0, start - 60), start)
        or _REPORT_AFTER.match(text[end : end + 40])
        or (_possessive(text, start, end) and _REPORT_NOUN.match(text[end : end + 80]))
    )


def _possessive(text: str, start: int, end: int) -> bool:
    """Does the expression end in "'s" ("THIS EVENING'S", "Tuesday's")?"""
    return text[max(start, end - 2) : end].lower() in ("'s", "’s") or text[end : end + 2].lower() in (
        "'s",
        "’s",
    )


PATTERNS: list[tuple[str, str]] = [
    # -- absolute dates and day ranges -------------------------------------------------------
    ("range_dm", rf"\b(?:(?P<prep>between|from)\s+)?(?P<d1>{DAY}){TO}(?P<d2>{DAY})\s+(?:of\s+)?"
                 rf"(?P<month>{MONTH}){END}(?:,?\s+(?P<year>{YEAR}){END})?"),
    ("range_md", rf"\b(?:(?P<prep>between|from)\s+)?(?P<month>{MONTH})\s+(?P<d1>{DAY}){TO}(?P<d2>{DAY})"
                 rf"(?!\d)(?:,?\s+(?P<year>{YEAR}))?{END}"),
    ("date_dmy", rf"\b(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH}){END}(?:,?\s+(?P<year>{YEAR}){END})?"),
    ("date_dmyy", rf"\b(?P<day>{DAY})\s+(?P<month>{MONTH_ABBR}|may|june|july)\s+(?P<yy>\d\d)(?![\d,])"),
    ("date_mdy", rf"\b(?P<month>{MONTH})\s+(?P<day>{DAY})(?![\d:])(?:(?:,\s*|\s+)(?P<year>{YEAR}))?{END}"),
    ("date_iso", rf"\b(?P<year>{YEAR})-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    ("date_num", rf"\b(?P<a>\d\d?)[/.](?P<b>\d\d?)[/.](?P<year>{YEAR})\b"),
    # -- months and years --------------------------------------------------------------------
    ("month_year", rf"\b(?:(?P<prep>since|in|during|until|till|by|from|throughout)\s+)?"
                   rf"(?:(?:the\s+)?(?P<mod>early|mid|late|end|beginning|start|middle)(?:\s+of)?[\s-]+)?"
                   rf"(?P<month>{MONTH_FULL}|{MONTH_ABBR}),?\s+(?:of\s+)?(?P<year>{YEAR}){END}"),
    ("year", rf"\b(?:(?P<prep>since|in|during|until|till|by|throughout|from)\s+)?"
             rf"(?:(?:the\s+)?(?P<mod>early|mid|late|end|beginning|start|middle|spring|summer|autumn|fall|winter)"
             rf"(?:\s+of)?[\s-]+(?:the\s+year\s+)?|(?:the\s+year\s+))?(?P<year>{YEAR})(?![\w-])"),
    ("month", rf"\b(?P<prep>since|in|during|until|till|by|from|through|throughout|last|this|next|early|late|mid|"
              rf"the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+"
              rf"(?:(?P<mod>early|late|mid)[\s-]+)?(?P<month>{MONTH_FULL}|sept\.){END}(?!\s*\d)"),
    # -- weekdays and days relative to publication --------------------------------------------
    ("weekday", rf"\b(?:(?P<mod>last|this|next|past|early|late|on)\s+)?(?P<wd>{WEEKDAY})(?:'s)?"
                rf"(?:\s+(?P<part>{PART}))?\b"),
    # "on the 12th", "the night of the 3rd," (the day of a month the text does not name): only
    # an ordinal closing its phrase, so "the 4th Infantry Brigade" and "the 20th century" are no day
    ("dom", r"\b(?P<prep>on|of|since|until|till|by|from)\s+the\s+(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
            r"(?=\s*[,.;:)]|\s*$|\s+(?:at|in|when|while|as|after|before|around|about)\b)"),
    ("relday", rf"\b(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|"
               rf"tonight|last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening))(?:\s+{PART})?\b"),
    # "NINE YEARS AGO TODAY": the anniversary, a day
    ("ago", rf"\b(?P<n>{COUNT})\s+(?P<unit>minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+ago\b"
            rf"(?:\s+(?P<today>today))?"),
    ("unit", r"\b(?P<mod>earlier\s+this|later\s+this|early\s+this|early\s+last|late\s+last|late\s+this|"
             r"(?:at\s+)?the\s+end\s+of\s+last|(?:at\s+)?the\s+beginning\s+of\s+this|last|this|next|"
             r"the\s+previous|over\s+the|during\s+the|at\s+the|on\s+the|the\s+past)\s+"
             r"(?P<unit>week|weekend|month|year)\b"),
    ("past", rf"\b(?:(?:in|over|during|for|within)\s+)?(?:the\s+)?(?P<mod>past|last|previous|recent)\s+"
             rf"(?:(?P<n>{NUM_WORD}|few|several|couple\s+of)\s+)?(?P<unit>hours|days|weeks|months|years)\b"),
    ("span", rf"\b(?P<det>the|a|an|its|this|their|his|her|last\s+week's|[a-z]+'s)\s+(?P<n>{NUM_WORD})[\s-]"
             rf"(?P<unit>day|week|month)(?:[\s-]long)?\s+(?!old\b)(?P<noun>[a-z]+)"),
    ("nth_day", r"\b(?:for|into|on)\s+(?:a|the)\s+(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|"
                r"ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|successive\s+)?day\b"),
    # -- a time of day with no day: "at 2120", "at approximately 1330 (1830 GMT)", "at 10:30 pm"
    ("clock", r"\b(?:at\s+(?:about\s+|approximately\s+|around\s+|exactly\s+)?|shortly\s+(?:after|before)\s+)"
              r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:\s+hours)?|\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?m\.?)?|"
              r"\d{1,2}\s*[ap]\.?m\.?)(?![\w:.,-]\d|\s*(?:-|m|km|kg|meters?|metres?|kilomet\w+|feet|miles?|"
              r"people|persons|men|troops|soldiers|dollars|pesos|tons?|years?|times)\b)"),
    # -- anchors relative to another event or the last date mentioned -------------------------
    # "two days later", "the day before"; "minutes later", "hours after the attack": the same day
    ("anchor", rf"\b(?:(?P<n>{COUNT}|the)\s+(?P<unit>days?|weeks?|months?|years?|hours?|nights?|minutes?|moments?)"
               rf"|(?P<bare>minutes|moments|hours))\s+(?P<dir>after|before|later|earlier|prior\s+to|previously)\b"),
    ("anchor_rel", r"\b(?:on\s+|by\s+)?the\s+(?P<rel>next|following|previous|preceding|prior|same)\s+"
                   r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b"),
    ("anchor_eve", r"\b(?:on\s+)?the\s+eve\s+of\b"),
]  # fmt: skip

_COMPILED = [(kind, re.compile(pattern, re.I)) for kind, pattern in PATTERNS]
_PRIORITY = {kind: i for i, (kind, _) in enumerate(PATTERNS)}


@dataclass
class RawMatch:
    kind: str
    match: re.Match[str]

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    def group(self, name: str) -> str | None:
        value = self.match.groupdict().get(name)
        return value.lower() if value is not None else None


def _plausible(kind: str, m: re.Match[str], text: str) -> bool:
    """Reject matches that are not dates: the modal 'may', an organisation named after a
    date, a bare year with no preposition or modifier."""
    groups = m.groupdict()
    if kind == "date_mdy" and groups.get("month") == "may":
        return False  # lower-case 'may' before a number is the verb; 'May 5' and 'MAY 5' pass
    if kind.startswith(("date_", "range_", "month")) and ORG_AFTER.match(text, m.end()):
        return False
    if kind == "year" and not (groups.get("prep") or groups.get("mod") or "year" in m.group(0).lower()):
        return False
    return not (
        kind == "span" and groups.get("det", "").lower() in ("its", "this") and not groups.get("noun")
    )


def scan(text: str) -> list[RawMatch]:
    """All time expressions in `text`, left to right, without overlaps (the longest wins)."""
    found: list[RawMatch] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            if m.end() > m.start() and _plausible(kind, m, text):
                found.append(RawMatch(kind, m))
    found.sort(key=lambda r: (-(r.end - r.start), _PRIORITY[r.kind], r.start))
    taken: list[RawMatch] = []
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    taken.sort(key=lambda r: r.start)
    return taken
