"""Find actor mentions in a text with one Aho-Corasick automaton over the folded text.

Every key of the lexicon is searched at once (pyahocorasick); a hit counts only at word
boundaries and when its letter case fits its mode (see `Mode`). Prefix and noun hits are
joined into state-force and identity-militia mentions ("Iraqi" + "troops"; "Syrian and
Russian" + "warplanes" gives two). Overlapping candidates are settled longest first. Then
`refine` joins a group's name with the member noun after it ("IS fighters") and a generic
mention with the group it belongs to ("militants from Islamic State").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick

from strife.actors.build import Lexicon
from strife.actors.entry import FIGHTING_KINDS, Alias, Mode, Noun, Prefix
from strife.actors.text import Folded, fold_keep_case, fold_text, is_monocase, is_upper_word

#: Nouns that, right after a group's name, designate its members or units ("SDF fighters",
#: "Hezbollah commanders", "PKK spokesman"); the mention then covers both words.
_MEMBERS = re.compile(
    r"(?:'s?)? (?:suicide bombers|fighters|fighter|militants|militant|troops|soldiers|forces|members|member"
    r"|militiamen|militia|militias|guerrillas|guerillas|rebels|insurgents|jihadists|gunmen|combatants"
    r"|commanders|commander|units|unit|cells|cell|operatives|loyalists|elements|personnel|officials"
    r"|official|spokesman|spokeswoman|spokesperson|leaders|leader|supporters|affiliates|followers"
    r"|sympathizers|sympathisers|terrorists|policemen|police|officers|warplanes|jets|aircraft"
    r"|helicopters|drones|artillery|snipers|patrols|patrol|convoys|convoy|columns|column|brigades"
    r"|brigade|battalions|battalion|factions|faction|squads|squad|detachments|detachment|bombers"
    r"|recruits|defectors|sources|source|security forces|special forces|men)(?![\w'])"
)
#: Nouns that, right after a news agency's or a monitor's name, designate its staff ("SANA
#: reporter", "Observatory director").
_STAFF = re.compile(
    r"(?:'s?)? (?:reporters|reporter|correspondents|correspondent|journalists|journalist|director|head|chief"
    r"|spokesman|spokeswoman|spokesperson|officials|official|sources|source|staff|team|teams|statement)(?![\w'])"
)
#: Military units named by number ("6th infantry brigade", "the Fourth Armoured Division",
#: "military detachment no. 4"): a state force whose country the text may not name. Found by
#: their last word, then read backwards, which is much faster than a search of the whole text.
_UNIT_HEAD = re.compile(
    r"(?<![\w'])(?:brigade|battalion|division|regiment|corps|detachment|infantry|zone|region)(?![\w'])"
)
_UNIT = re.compile(
    r"(?<![\w'])(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth)(?: (?:infantry|armou?red|mechani[sz]ed|airborne|artillery|commando|marine|motori[sz]ed"
    r"|mountain|special forces|rapid deployment|rapid reaction))? (?:brigade|battalion|division|regiment|corps"
    r"|military detachment|detachment|military zone|military region|infantry))$"
)
_UNIT_NUMBERED = re.compile(r"(?<![\w'])military detachment (?:no\.? ?)?\d+(?![\w'])")
UNIT_ENTRY = "Military Forces"
#: Words joining a generic mention to the group it belongs to ("fighters from the SDF").
_BELONGS = re.compile(
    r" (?:of|from|with|belonging to|loyal to|affiliated with|affiliated to|linked to|allied with|allied to)"
    r" (?:the )?"
)
_NEXT_WORD = re.compile(r" ?([a-z]+)")
_PREV_TOKEN = re.compile(r"([A-Za-z][A-Za-z.]*)[^A-Za-z]{0,3}$")
_NEXT_TOKEN = re.compile(r"^[^A-Za-z]{0,3}([A-Za-z][A-Za-z.]*)")
_NEGATORS = ("anti ", "counter ")
_PLAIN_KINDS = frozenset({"civilians", "protesters", "rioters"})
_REPORTING_KINDS = frozenset({"media", "monitor"})


@dataclass
class Hit:
    """A candidate mention in folded offsets."""

    start: int
    end: int
    entry: int


class Matcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.automaton = ahocorasick.Automaton()
        for key, items in lexicon.keys.items():
            self.automaton.add_word(key, (len(key), tuple(items)))
        self.automaton.make_automaton()
        names = [e.name for e in lexicon.entries]
        self.unit_entry = names.index(UNIT_ENTRY) if UNIT_ENTRY in names else None
        self.acronyms = frozenset(
            key
            for key, items in lexicon.keys.items()
            if any(isinstance(i, Alias) and i.mode in (Mode.ACRONYM, Mode.WORD) for i in items)
        )

    # -- the whole search ---------------------------------------------------------------------
    def find(self, text: str, monocase: bool | None = None) -> tuple[Folded, list[Hit]]:
        """Folded text and the selected hits, in text order."""
        folded = fold_text(text)
        mono = is_monocase(text) if monocase is None else monocase
        cands, prefixes, nouns = self._scan(text, folded, mono)
        cands += self._combine(folded.text, prefixes, nouns)
        if self.unit_entry is not None:
            cands += [Hit(s, e, self.unit_entry) for s, e in units(folded.text)]
        return folded, self.refine(folded.text, select(cands, len(folded.text)))

    def _scan(self, text: str, folded: Folded, mono: bool):
        norm = folded.text
        cands: list[Hit] = []
        prefixes: list[tuple[int, int, Prefix]] = []
        nouns: dict[int, list[tuple[int, Noun]]] = defaultdict(list)
        for last, (length, items) in self.automaton.iter(norm):
            s, e = last - length + 1, last + 1
            if (s > 0 and norm[s - 1].isalnum()) or (e < len(norm) and norm[e].isalnum()):
                continue
            negated = any(norm.endswith(n, 0, s) for n in _NEGATORS)
            aliased = False
            for item in items:
                if isinstance(item, Noun):
                    nouns[s].append((e, item))
                elif negated:
                    continue
                elif isinstance(item, Prefix):
                    if self._case_ok(item.mode, "", text, folded, s, e, mono):
                        prefixes.append((s, e, item))
                elif not aliased and self._alias_ok(item, text, folded, s, e, mono):
                    cands.append(Hit(s + item.skip, e, item.entry))
                    aliased = True  # the first form of a key that fits is the one meant
        return cands, prefixes, nouns

    # -- checks ---------------------------------------------------------------------------------
    def _alias_ok(self, alias: Alias, text: str, folded: Folded, s: int, e: int, mono: bool) -> bool:
        norm = folded.text
        if alias.stop_after:
            m = _NEXT_WORD.match(norm, e)
            if m and m.group(1) in alias.stop_after:
                return False
        if self.lex.entries[alias.entry].kind in _PLAIN_KINDS and norm.startswith("'", e):
            return False  # "children's hospital", "residents' homes": not the people themselves
        return self._case_ok(alias.mode, alias.surface, text, folded, s + alias.skip, e, mono)

    def _case_ok(
        self, mode: Mode, surface: str, text: str, folded: Folded, s: int, e: int, mono: bool
    ) -> bool:
        if mode == Mode.ANY:
            return True
        if mono:
            return mode == Mode.ACRONYM
        os_, oe = folded.span(s, e)
        span = text[os_:oe]
        letters = [c for c in span if c.isalpha()]
        if mode == Mode.EXACT:
            return fold_keep_case(span).replace("'", "") == fold_keep_case(surface).replace("'", "")
        if all(c.isupper() for c in letters):
            return mode == Mode.ACRONYM or not self._caps_nearby(text, os_, oe)
        titled = len(letters) >= 4 and letters[0].isupper() and all(c.islower() for c in letters[1:])
        return mode == Mode.ACRONYM and titled

    def _caps_nearby(self, text: str, start: int, end: int) -> bool:
        """True when a word next to `text[start:end]` is in capitals and is not a known acronym:
        then an acronym that is also a word ("IS") is read as the word ("WHAT IS IT")."""
        before = _PREV_TOKEN.search(text, max(0, start - 40), start)
        after = _NEXT_TOKEN.search(text[end : end + 40])
        for m in (before, after):
            if m and is_upper_word(m.group(1)) and fold_keep_case(m.group(1)).lower() not in self.acronyms:
                return True
        return False

    # -- prefix + noun --------------------------------------------------------------------------
    def _combine(self, norm: str, prefixes, nouns) -> list[Hit]:
        out: list[Hit] = []
        by_end: dict[int, tuple[int, Prefix]] = {}
        by_start: dict[int, list[tuple[int, Prefix]]] = defaultdict(list)
        for s, e, p in prefixes:
            if e not in by_end or s < by_end[e][0]:
                by_end[e] = (s, p)
            by_start[s].append((e, p))
        for s, e, p in prefixes:
            for ne, noun in nouns.get(e + 1, ()):
                if noun.family != p.family or noun.of_form or norm[e] != " ":
                    continue
                entry = self.lex.services.get((noun.service, p.target))
                if entry is not None:
                    out.append(Hit(s, ne, entry))
                    out += self._conjuncts(norm, by_end, s, noun)
        for s, found in nouns.items():
            for ne, noun in found:
                for pe, p in by_start.get(ne + 1, ()) if noun.of_form else ():
                    entry = self.lex.services.get((noun.service, p.target))
                    if p.is_name and entry is not None:
                        out.append(Hit(s, pe, entry))
        return out

    def _conjuncts(self, norm: str, by_end, start: int, noun: Noun) -> list[Hit]:
        """Other prefixes joined to the one at `start`: "Syrian and Russian warplanes",
        "Shia, Sunni and Kurdish militias". The nearest joint must be "and"/"or"."""
        out: list[Hit] = []
        joints = (" and ", " or ", " & ")
        while True:
            joint = next((j for j in joints if norm.endswith(j, 0, start)), None)
            if joint is None and out:
                joint = next((j for j in (", and ", ", or ", ", ") if norm.endswith(j, 0, start)), None)
            if joint is None or start - len(joint) not in by_end:
                return out
            s, p = by_end[start - len(joint)]
            entry = self.lex.services.get((noun.service, p.target))
            if (
                p.family != noun.family
                or noun.service == "government"  # "Russian and Syrian regime air strikes"
                or p.possessive
                or entry is None
                or (p.is_name and p.mode != Mode.ACRONYM)
            ):
                return out
            out.append(Hit(s, start - len(joint), entry))
            start = s

    # -- after selection ------------------------------------------------------------------------
    def refine(self, norm: str, hits: list[Hit]) -> list[Hit]:
        entries = self.lex.entries
        out: list[Hit] = []
        i = 0
        while i < len(hits):
            h = hits[i]
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            entry = entries[h.entry]
            if entry.known and entry.kind in FIGHTING_KINDS | _REPORTING_KINDS:
                m = (_MEMBERS if entry.kind in FIGHTING_KINDS else _STAFF).match(norm, h.end)
                if m and (nxt is None or nxt.start >= m.end() or not entries[nxt.entry].known):
                    h = Hit(h.start, m.end(), h.entry)
                    while nxt is not None and nxt.start < h.end:  # the generic "fighters" it covers
                        i += 1
                        nxt = hits[i + 1] if i + 1 < len(hits) else None
            elif not entry.known and entry.kind in ("armed_group", "state_force") and nxt is not None:
                m = _BELONGS.match(norm, h.end)
                group = entries[nxt.entry]
                if m and m.end() == nxt.start and group.known and group.kind in FIGHTING_KINDS:
                    h = Hit(h.start, nxt.end, nxt.entry)
                    i += 1
            out.append(h)
            i += 1
        return out


def select(cands: list[Hit], size: int) -> list[Hit]:
    """Non-overlapping candidates, longest first (ties: earliest, then first found)."""
    cands = sorted(cands, key=lambda h: (h.start - h.end, h.start))
    taken = bytearray(size + 1)
    keep = []
    for h in cands:
        if taken.find(1, h.start, h.end) != -1:
            continue
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        keep.append(h)
    keep.sort(key=lambda h: h.start)
    return keep


def units(norm: str) -> list[tuple[int, int]]:
    """Spans of numbered military units in the folded text."""
    out = [(m.start(), m.end()) for m in _UNIT_NUMBERED.finditer(norm)]
    for head in _UNIT_HEAD.finditer(norm):
        start = max(0, head.start() - 40)
        m = _UNIT.search(norm, start, head.end())
        if m:
            out.append((m.start(), m.end()))
    return out
