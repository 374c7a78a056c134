"""The offline gazetteer: normalised keys, inflected and transliterated names, regions."""

from __future__ import annotations

import pytest

from crosscheck.extract.gazetteer import cyrillic_forms, gazetteer, normalise

IRKUTSK = 2023469
KHARKIV = 706483


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Кам’янка", "камянка"),
        ("Kam'yanka", "kamyanka"),
        ("Ulan-Ude", "ulan ude"),
        ("Орёл", "орел"),
        ("  São   Paulo ", "sao paulo"),
        ("U.S.", "us"),
    ],
)
def test_normalise_unifies_case_apostrophes_and_dashes(name: str, key: str) -> None:
    assert normalise(name) == key


@pytest.mark.parametrize("name", ["Irkutsk", "Иркутск", "Иркутска", "Іркутська", "Іркутськ"])
def test_gazetteer_lookup_resolves_inflected_irkutsk(name: str) -> None:
    found = gazetteer().lookup(name)
    assert [e.geonameid for e in found] == [IRKUTSK]
    assert found[0].country == "RU"
    assert found[0].latitude == pytest.approx(52.3, abs=0.2)
    assert found[0].longitude == pytest.approx(104.3, abs=0.2)


@pytest.mark.parametrize("name", ["Kharkiv", "Kharkov", "Харків", "Харькова", "Харкова"])
def test_gazetteer_lookup_spellings_share_one_geonameid(name: str) -> None:
    assert KHARKIV in {e.geonameid for e in gazetteer().lookup(name)}


@pytest.mark.parametrize(("name", "code"), [("в Україні", "UA"), ("Україні", "UA"),
                                            ("России", "RU"), ("Ukraine", "UA")])  # fmt: skip
def test_gazetteer_lookup_finds_countries_in_any_case(name: str, code: str) -> None:
    found = gazetteer().lookup(name.split()[-1])
    assert any(e.precision == "country" and e.country == code for e in found)


def test_gazetteer_country_by_code() -> None:
    ukraine = gazetteer().country("UA")
    assert ukraine is not None and ukraine.name == "Ukraine"
    assert 44 < ukraine.latitude < 53 and 22 < ukraine.longitude < 41


def test_gazetteer_region_of_names_the_centres_oblast() -> None:
    regions = gazetteer().region_of("Donetsk")
    assert ("UA", "05") in {(r.country, r.admin1) for r in regions}
    assert all(r.precision == "admin1" for r in regions)


def test_cyrillic_forms_include_nominative() -> None:
    assert "иркутск" in [f.casefold() for f in cyrillic_forms("Иркутска")]


@pytest.mark.parametrize(
    ("code", "latitude", "longitude"),
    [("US", 39.8, -98.6), ("RU", 60.0, 100.0), ("IN", 22.0, 79.0), ("BR", -10.0, -55.0)],
)
def test_gazetteer_country_point_near_its_centre(
    code: str, latitude: float, longitude: float
) -> None:
    country = gazetteer().country(code)
    assert country is not None
    assert abs(country.latitude - latitude) < 1.5 and abs(country.longitude - longitude) < 1.5


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [("Tamil Nadu", "IN", "admin1"), ("Alberta", "CA", "admin1"), ("Volyn", "UA", "admin1"),
     ("Волинь", "UA", "admin1"), ("Orange County", "US", "admin2")],
)  # fmt: skip
def test_gazetteer_names_regions_outside_the_us(name: str, country: str, precision: str) -> None:
    assert any(e.country == country and e.precision == precision
               for e in gazetteer().lookup(name))  # fmt: skip


def test_gazetteer_marks_national_capitals() -> None:
    capitals = [e for e in gazetteer().lookup("Kyiv") if e.feature == "P.PPLC"]
    assert [e.country for e in capitals] == ["UA"]
