"""The dictionary as a whole: lookups, data integrity, bad input, speed, real text."""

from __future__ import annotations

import json

import pytest

from actors.helpers import names
from conftest import SEED_ALBAB, SEED_GWEIRAN, SHARED, seed_text
from strife.actors import ActorDictionary
from strife.actors.build import DATA_DIR, NAMED_FILES
from strife.actors.entry import ACTOR_TYPES, KINDS
from strife.errors import ResourceError


def test_load_is_cached(actors):
    assert ActorDictionary.load() is actors
    assert len(actors) > 900


def test_get_by_canonical_name(actors):
    assert actors.get("Islamic State").actor_type == "Rebel group"
    assert actors.get("islamic state").name == "Islamic State"
    assert actors.get("Military Forces of Iraq").country == "IRQ"
    assert actors.get("No Such Group") is None


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("ISIS", "Islamic State"),
        ("IS", "Islamic State"),
        ("Daesh fighters", "Islamic State"),
        ("the SDF's", "Syrian Democratic Forces"),
        ("Iraqi troops", "Military Forces of Iraq"),
        ("gunmen", "Unidentified Armed Group"),
        ("Civilians", "Civilians"),
        ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"),
        ("Amaq", "Amaq"),
    ],
)
def test_resolve(actors, surface, name):
    assert actors.resolve(surface).name == name


@pytest.mark.parametrize("surface", ["is", "the army of God", "Iraq", "", "SDF and IS", None])
def test_resolve_none(actors, surface):
    assert actors.resolve(surface) is None


def test_bad_input(actors):
    assert actors.find("") == []
    with pytest.raises(TypeError, match="expects a str"):
        actors.find(None)


def test_every_entry_is_well_formed(actors):
    assert actors.lexicon.conflicts == []
    seen = set()
    for e in actors.entries:
        assert e.name not in seen
        seen.add(e.name)
        assert e.source, e.name
        assert e.kind in KINDS, e.name
        assert e.actor_type is None or e.actor_type in ACTOR_TYPES, e.name
        assert e.country is None or len(e.country) == 3, e.name
        assert e.parent is None or actors.get(e.parent) is not None, e.name


def test_readme_describes_every_data_file():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for path in DATA_DIR.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name


def test_a_bad_data_file_is_a_clear_error(tmp_path):
    for path in DATA_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    data = json.loads((tmp_path / NAMED_FILES[0]).read_text(encoding="utf-8"))
    data["entries"][0]["type"] = "Aliens"
    (tmp_path / NAMED_FILES[0]).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown actor type 'Aliens'"):
        ActorDictionary.load(tmp_path)


def test_a_long_text(actors):
    paragraph = (
        "Islamic State militants attacked Iraqi troops near the border, the Syrian Observatory for Human "
        "Rights said, while gunmen killed seven civilians and the SDF's fighters retreated.\n"
    )
    text = paragraph * 5000  # about 1 MB
    found = actors.find(text)
    assert len(found) == 6 * 5000
    assert [m.name for m in found[:6]] == [
        "Islamic State",
        "Military Forces of Iraq",
        "Syrian Observatory for Human Rights",
        "Unidentified Armed Group",
        "Civilians",
        "Syrian Democratic Forces",
    ]
    assert all(text[m.start : m.end] == m.text for m in found[-6:])


def test_seed_articles(actors):
    albab = {name for _, name in names(actors, seed_text(SEED_ALBAB))}
    assert {"Islamic State", "Syrian National Coalition", "Syrian Observatory for Human Rights"} <= albab
    assert {"Free Syrian Army", "Hezbollah", "Military Forces of Syria", "Pro-Government Militia"} <= albab
    gweiran = names(actors, seed_text(SEED_GWEIRAN))
    found = {name for _, name in gweiran}
    assert {
        "Islamic State",
        "Syrian Democratic Forces",
        "Amaq",
        "Military Forces of Iraq",
        "Civilians",
    } <= found
    assert ("Iraqi troops", "Military Forces of Iraq") in gweiran
    assert ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights") in gweiran


def test_muc4_perpetrator_organisations_are_found(actors):
    """At least 90% of the gold perpetrator organisations of MUC-4 (lower-cased text) overlap a
    mention (94% when written)."""
    path = SHARED / "data" / "muc4" / "gtt" / "dev.json"
    if not path.is_file():
        pytest.skip("MUC-4 data is not available")
    total = found = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        mentions = actors.find(doc["doctext"])
        for template in doc["templates"]:
            for entity in template["PerpOrg"]:
                total += 1
                spans = [(off, off + len(text)) for text, off in entity]
                found += any(m.start < e and s < m.end for m in mentions for s, e in spans)
    assert total > 50
    assert found / total >= 0.9
