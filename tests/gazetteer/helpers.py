"""A small hand-made gazetteer for tests: no files, no model."""

from __future__ import annotations

from strife.gazetteer import Entry, Gazetteer, Place

# id, name, lat, lon, kind, iso2, admin1, population, other names
_PLACES = [
    (1, "Syria", 33.51, 36.29, "country", "SY", None, 22_000_000, {"سوريا"}),
    (2, "Turkey", 39.92, 32.85, "country", "TR", None, 80_000_000, {"Türkiye"}),
    (3, "Iraq", 33.34, 44.40, "country", "IQ", None, 38_000_000, set()),
    (4, "United States", 38.90, -77.04, "country", "US", None, 320_000_000, {"the United States"}),
    (5, "Costa Rica", 9.93, -84.08, "country", "CR", None, 5_000_000, set()),
    (10, "Al Bāb", 36.37051, 37.5157, "city", "SY", "Aleppo", 130_745, {"al-Bab", "Al Bab", "الباب"}),
    (11, "Aleppo", 36.20124, 37.16117, "city", "SY", "Aleppo", 2_098_210, {"Halab", "حلب"}),
    (12, "Aleppo", 36.25, 37.61667, "admin1", "SY", "Aleppo", 0, {"Aleppo Governorate"}),
    (13, "Al Ḩasakah", 36.50237, 40.74772, "city", "SY", "Al-Hasakah", 422_445, {"Al-Hasakah", "الحسكة"}),
    (14, "Ar Raqqah", 35.95283, 39.00788, "city", "SY", "Raqqa", 531_952, {"Raqqa", "Ar-Raqqah"}),
    (15, "Baghdad", 33.34058, 44.40088, "city", "IQ", "Baghdad", 7_216_000, {"بغداد"}),
    (16, "Mosul", 36.335, 43.119, "city", "IQ", "Nineveh", 1_739_800, set()),
    (20, "Split", 43.50891, 16.43915, "city", "HR", "Split-Dalmatia", 176_314, set()),
    (21, "Mobile", 30.69436, -88.04305, "city", "US", "Alabama", 194_288, set()),
    (22, "Nice", 43.70313, 7.26608, "city", "FR", "Provence", 342_522, set()),
    (23, "Victoria", 48.4359, -123.35155, "city", "CA", "British Columbia", 289_625, set()),
    (24, "San Jose", 37.33939, -121.89496, "city", "US", "California", 1_026_908, set()),
    (25, "San José", 9.93333, -84.08333, "city", "CR", "San José", 335_007, {"San Jose"}),
    (26, "Washington", 38.89511, -77.03637, "city", "US", "District of Columbia", 689_545, set()),
    (27, "Washington", 47.50012, -120.50147, "admin1", "US", "Washington", 0, set()),
    (28, "Washington", 54.9, -1.51667, "city", "GB", "England", 53_526, set()),
    (29, "California", 37.25, -119.75, "admin1", "US", "California", 0, set()),
]
_SUPPLEMENT = [
    (
        100,
        "Ghwayran Prison",
        36.48,
        40.74,
        "prison",
        "SY",
        "Al-Hasakah",
        {"Gweiran prison", "Ghweran prison"},
    ),
    (101, "Handarat", 36.28, 37.17, "village", "SY", "Aleppo", {"Handarat crossroads"}),
]
COUNTRIES = {"SY": ("Syria", "SYR"), "TR": ("Turkey", "TUR"), "IQ": ("Iraq", "IRQ"), "US": ("United States", "USA"),
             "CR": ("Costa Rica", "CRI"), "HR": ("Croatia", "HRV"), "FR": ("France", "FRA"),
             "CA": ("Canada", "CAN"), "GB": ("United Kingdom", "GBR")}  # fmt: skip


def small_gazetteer() -> Gazetteer:
    entries = []
    for pid, name, lat, lon, kind, iso2, admin1, pop, names in _PLACES:
        country, iso3 = COUNTRIES[iso2]
        place = Place(pid, name, lat, lon, kind, country, iso2, iso3, admin1, None, pop, "GeoNames")
        entries.append(Entry(place, names))
    for pid, name, lat, lon, kind, iso2, admin1, names in _SUPPLEMENT:
        country, iso3 = COUNTRIES[iso2]
        place = Place(
            pid, name, lat, lon, kind, country, iso2, iso3, admin1, None, 0, "Wikipedia: test", False
        )
        entries.append(Entry(place, names))
    return Gazetteer.from_entries(entries, common_words={"split", "mobile", "nice", "march", "hit"})
