"""The article's geography: which countries set the scene, and which names stand as places
(small gazetteer, no model)."""

from __future__ import annotations

import re

from gazetteer.helpers import small_gazetteer
from strife.gazetteer.resolve import country_context, resolve
from strife.models import Article, Mention, Span

GAZ = small_gazetteer()


def _article(text: str, entities: list[tuple[str, str]] = ()) -> Article:  # type: ignore[assignment]
    a = Article(text=text)
    a.sentences = [
        Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()
    ]
    a.toponyms = GAZ.find(text)
    for words, label in entities:
        start = text.index(words)
        a.entities.append(Mention(text=words, start=start, end=start + len(words), type=label))
    return a


def test_a_dominant_reading_counts_for_its_country() -> None:
    # Washington: the US city of 690,000 leads the English town of 54,000 tenfold
    a = _article("Officials met in Washington on Monday.")
    assert country_context(a, GAZ, a.toponyms) == {"US": 0.5}
    # San Jose: the US city leads Costa Rica's capital only threefold, no clue either way
    a = _article("Officials met in San Jose on Monday.")
    assert country_context(a, GAZ, a.toponyms) == {}


def test_a_name_cannot_vouch_for_itself() -> None:
    # without capitals a lone word needs support from the rest of the article; its own mentions
    # ("VICTORIA" twice, a Canadian city and nothing else) are no such support
    text = "GUNMEN KILLED TWO MEN IN VICTORIA. TWO DIED IN ALEPPO, SYRIA, AND ONE IN VICTORIA."
    names = [r.toponym.text for r in resolve(_article(text), GAZ).resolved]
    assert "VICTORIA" not in names and "ALEPPO" in names and "SYRIA" in names
    # the same name is kept when the article's geography supports its country
    text = "GUNMEN KILLED TWO PEOPLE IN WASHINGTON, UNITED STATES, AND TWO IN ALEPPO, SYRIA, ON MONDAY."
    names = [r.toponym.text for r in resolve(_article(text), GAZ).resolved]
    assert "WASHINGTON" in names


def test_model_names_are_trusted_only_where_case_speaks() -> None:
    mixed = _article(
        "Gunmen killed the governor of Aleppo, police in Syria said.", [("governor of Aleppo", "ORG")]
    )
    assert "Aleppo" not in [r.toponym.text for r in resolve(mixed, GAZ).resolved]
    upper = _article(
        "GUNMEN KILLED THE GOVERNOR OF ALEPPO, POLICE IN SYRIA SAID.", [("GOVERNOR OF ALEPPO", "ORG")]
    )
    assert "ALEPPO" in [r.toponym.text for r in resolve(upper, GAZ).resolved]


def test_a_dotted_country_abbreviation_before_a_noun_describes_it_does_not_place() -> None:
    roles = {
        r.toponym.text: r.role
        for r in resolve(_article("Gunmen killed two U.S. missionaries in Aleppo."), GAZ).resolved
    }
    assert roles["U.S."] == "reference"
    roles = {
        r.toponym.text: r.role
        for r in resolve(_article("The two men later lived in the U.S. for years."), GAZ).resolved
    }
    assert roles["U.S."] == "explicit"
    # a locative word a few words back does not place it: "on kidnapping victim U.S. professor"
    text = "The only news is on kidnapping victim U.S. professor David Kent, seized in Aleppo."
    roles = {r.toponym.text: r.role for r in resolve(_article(text), GAZ).resolved}
    assert roles["U.S."] == "reference"


def test_the_place_a_named_person_is_of_is_a_reference() -> None:
    text = "TWO ENGINEERS, ROBERTO ROSSI OF ALEPPO AND ANOTHER MAN, WERE KIDNAPPED IN MOSUL."
    a = _article(text, [("ROBERTO ROSSI", "PERSON")])
    roles = {r.toponym.text: r.role for r in resolve(a, GAZ).resolved}
    assert roles == {"ALEPPO": "reference", "MOSUL": "explicit"}
    # without a person before it, "of" is no origin
    a = _article("THE PEOPLE OF ALEPPO AND MOSUL WERE SHELLED.", [("PEOPLE", "NORP")])
    assert {r.role for r in resolve(a, GAZ).resolved} == {"plain"}


def test_a_province_abroad_needs_support_without_capitals() -> None:
    text = "GUNMEN KILLED TWO MEN IN WASHINGTON, UNITED STATES, AND ONE IN ALEPPO GOVERNORATE, POLICE SAID."
    names = [r.toponym.text for r in resolve(_article(text), GAZ).resolved]
    assert "ALEPPO GOVERNORATE" not in names and "WASHINGTON" in names
    text = "Gunmen killed two men in Washington, United States, and one in Aleppo Governorate, police said."
    assert "Aleppo Governorate" in [r.toponym.text for r in resolve(_article(text), GAZ).resolved]


def test_a_site_under_its_full_name_stands_without_support() -> None:
    # nothing else in the text points to Syria: a village's lone word may be a surname, but a
    # prison, a university or an airport named in full is that place (in any case)
    for text in ("GUNMEN ATTACKED GHWAYRAN PRISON ON MONDAY.", "Gunmen attacked Ghwayran Prison on Monday."):
        names = [r.toponym.text.lower() for r in resolve(_article(text), GAZ).resolved]
        assert names == ["ghwayran prison"], text
    names = [r.toponym.text for r in resolve(_article("GUNMEN ATTACKED HANDARAT ON MONDAY."), GAZ).resolved]
    assert names == []


def test_a_short_name_is_not_read_as_a_small_town_it_abbreviates() -> None:
    from strife.gazetteer.context import _short_for
    from strife.gazetteer.places import Place

    def town(pid: int, name: str, kind: str = "city", pop: int = 10_000, iso2: str = "SY") -> Place:
        return Place(pid, name, 35.0, 38.0, kind, "Syria", iso2, "SYR", None, None, pop, "t")

    readings = [
        town(1, "Port Aleppo"),
        town(2, "Aleppo", "admin1", 0),
        town(3, "Aleppo de Abajo", pop=200_000),
    ]
    assert _short_for("ALEPPO", readings) == {1}  # a city of note keeps its short name
    # a qualifier in brackets is no part of the own name: "al-Zahra (Homs)" is "al-Zahra"
    readings = [town(4, "al-Zahra (Homs)"), town(5, "Al-Zahra")]
    assert _short_for("Zahra", readings) == set()
    # without a reading of that very name in the country, the longer names stand
    assert _short_for("Aleppo", [town(1, "Port Aleppo"), town(6, "Aleppo", iso2="TR")]) == set()
