"""Place recognition and resolution on fictional sentences and the real sample; names the
context marks as places, their base forms, datelines and facility names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.extract.analysis import Analyzer
from crosscheck.extract.gazetteer import gazetteer
from crosscheck.extract.place_context import region_tail
from crosscheck.extract.place_forms import base_form
from crosscheck.extract.places import NAME, find_places
from crosscheck.model import Document, Place, Span

ANALYZER = Analyzer()
IRKUTSK = 2023469


def _places(text: str, language: str = "en", source: str | None = None) -> list[Place]:
    document = Document(capture_sha256="0" * 64, text=text, language=language, source=source)
    return find_places(document, ANALYZER(document))


def _by_text(places: list[Place]) -> dict[str, Place]:
    return {p.text: p for p in places}


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Рядовой Пётр Сидоров из Иркутска записал видео.", "ru", "Иркутска"),
        ("Рядовий Петро Сидоренко з Іркутська записав відео.", "uk", "Іркутська"),
        ("Private Petr Sidorov, a driver from Irkutsk, recorded a video.", "en", "Irkutsk"),
    ],
)
def test_find_places_resolves_irkutsk_in_any_language(
    text: str, language: str, surface: str
) -> None:
    place = _by_text(_places(text, language))[surface]
    assert place.geonameid == IRKUTSK and place.country == "RU"
    assert place.precision == "settlement" and place.extractor == NAME
    assert place.latitude == pytest.approx(52.3, abs=0.2)


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Shelling hit Kharkiv overnight, the mayor said.", "en", "Kharkiv"),
        ("Обстріл Харкова тривав усю ніч.", "uk", "Харкова"),
        ("Обстрел Харькова продолжался всю ночь.", "ru", "Харькова"),
    ],
)
def test_find_places_kharkiv_spellings_share_geonameid(
    text: str, language: str, surface: str
) -> None:
    assert _by_text(_places(text, language))[surface].geonameid == 706483


def test_find_places_ambiguity_resolved_by_country_named() -> None:
    text = "Fighting in Ukraine went on. Troops shelled Kamianka at dawn."
    assert _by_text(_places(text))["Kamianka"].country == "UA"


@pytest.mark.parametrize("centre", ["Chernivtsi"])
def test_find_places_ambiguity_resolved_by_region_named(centre: str) -> None:
    region = gazetteer().region_of(centre)[0]
    text = f"Fighting in {centre} Oblast went on. Troops shelled Kamianka at dawn."
    kamianka = _by_text(_places(text))["Kamianka"]
    assert (kamianka.country, kamianka.admin1) == (region.country, region.admin1)


def test_find_places_oblast_is_admin1() -> None:
    place = _by_text(_places("Strikes continued in Donetsk Oblast on Monday."))["Donetsk Oblast"]
    assert (place.precision, place.country, place.admin1) == ("admin1", "UA", "05")


def test_find_places_unknown_village_after_cue_is_unresolved() -> None:
    places = _by_text(_places("The unit was sent near the village of Zzyxovka without armour."))
    assert places["Zzyxovka"].geonameid is None and places["Zzyxovka"].latitude is None


def test_find_places_outlet_name_is_no_place() -> None:
    text = "Frontline Monitor could not verify the video from Irkutsk."
    assert "Frontline Monitor" not in _by_text(_places(text, source="Frontline Monitor"))


def test_find_places_sample_resolves_irkutsk_and_ukraine(shared: Path) -> None:
    path = shared / "samples" / "smirnov" / "000_324805f2c092eb77.txt"
    if not path.exists():
        pytest.skip("sample capture is absent")
    text = path.read_text(encoding="utf-8")
    places = _by_text(_places(text))
    assert places["Irkutsk"].geonameid == IRKUTSK
    assert places["Ukraine"].precision == "country" and places["Ukraine"].country == "UA"


WORDS = ["Irkutsk", "Kyiv", "Ukraine", "from", "near", "the", "village", "of", "Kamianka",
         "said", "Paris", "Oblast", "Donetsk", ".", ",", "Smith"]  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=20))
def test_find_places_spans_slice_text_and_coordinates_in_range(words: list[str]) -> None:
    text = " ".join(words)
    for place in _places(text):
        assert text[place.span.start : place.span.end] == place.text
        if place.latitude is not None and place.longitude is not None:
            assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180


@pytest.mark.parametrize(
    "text",
    [
        "Artillery shells hit the centre of Verkhnia Dolyna on Sunday morning.",
        "Residents of Verkhnia Dolyna said the shelling went on all night.",
    ],
)
def test_find_places_unknown_two_word_village_is_one_unresolved_place(text: str) -> None:
    places = _places(text)
    assert [p.text for p in places] == ["Verkhnia Dolyna"]
    assert places[0].geonameid is None and places[0].latitude is None


def test_find_places_known_place_before_a_title_is_kept() -> None:
    places = _by_text(_places("U.S. President Joe Biden spoke in Irkutsk on Monday."))
    assert places["U.S."].country == "US" and places["Irkutsk"].geonameid == IRKUTSK


def test_find_places_capital_beats_the_region_of_its_name() -> None:
    place = _by_text(_places("Officials in Washington said talks would go on."))["Washington"]
    assert (place.country, place.admin1, place.feature) == ("US", "DC", "P.PPLC")


def test_find_places_state_abbreviation_and_dc() -> None:
    places = _by_text(_places("He moved from San Diego, Calif., to Washington, D.C., in May."))
    assert places["Calif."].precision == "admin1" and places["Calif."].admin1 == "CA"
    assert places["Washington, D.C."].admin1 == "DC"


def test_find_places_common_word_and_surname_are_no_places() -> None:
    text = "Minister Li Chen met the Chamber of Commerce. Chen said the South would grow."
    assert not {"Commerce", "Chen", "South"} & set(_by_text(_places(text)))


def test_find_places_demonyms_only_when_asked() -> None:
    text = "South Korean officials met Malaysian leaders."
    document = Document(capture_sha256="0" * 64, text=text, language="en")
    found = _by_text(find_places(document, ANALYZER(document), demonyms=True))
    assert found["South Korean"].country == "KR" and found["Malaysian"].country == "MY"
    assert not _places(text)


def test_find_places_never_resolves_to_a_stray_hamlet() -> None:
    # "Culture" is also the name of a village abroad; nothing in the text points there, so no
    # coordinates rather than wrong ones.
    document = Document(
        capture_sha256="0" * 64,
        text="The crew reached the House of Culture in the village after the strike.",
        language="en",
    )
    places = find_places(document, Analyzer()(document))
    assert all(p.geonameid is None for p in places if p.text == "Culture")


# -- facility names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The crew reached the House of Culture in the village after the strike.",
        "Officials at the Ministry of Defence and the Palace of Culture said nothing.",
        "He took a loan from the Bank of Valletta last spring.",
    ],
)
def test_find_places_name_after_a_facility_of_is_no_place(text: str) -> None:
    assert not {"Culture", "Defence", "Valletta"} & set(_by_text(_places(text)))


def test_find_places_country_after_a_facility_of_is_kept() -> None:
    places = _by_text(_places("Staff of the Embassy of Ukraine met the press."))
    assert places["Ukraine"].country == "UA"


def test_find_places_outlet_title_in_guillemets_is_no_place() -> None:
    assert not _places("Мать подтвердила «Вечернему Каменску», что на видео её сын.", "ru")


# -- names the context marks, unknown to the gazetteer ----------------------------------------


def _unresolved(text: str, language: str = "en") -> dict[str, str]:
    """Surface text -> base name of the unresolved places found."""
    return {p.text: p.name for p in _places(text, language) if p.geonameid is None}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The strike on Tykhovoda, a village of about 1,800 people in the Pryozerna region, "
            "came at dawn.",
            "en",
            {"Tykhovoda": "Tykhovoda", "Pryozerna region": "Pryozerna region"},
        ),
        ("Fighting went on near Zhovtoviddia, officials said.", "en",
         {"Zhovtoviddia": "Zhovtoviddia"}),
        ("Удар пришёлся по селу Тиховода Приозерной области.", "ru",
         {"Тиховода": "Тиховода", "Приозерной области": "Приозерная область"}),
        ("Бои идут поблизости от Тиховоды, сообщил источник.", "ru", {"Тиховоды": "Тиховода"}),
        ("Военные находились в районе села Тиховода.", "ru", {"Тиховода": "Тиховода"}),
        ("В Тиховоде прошли похороны.", "ru", {"Тиховоде": "Тиховода"}),
        ("Дмитрий Ерохин из Каменска-Лесного записал видео.", "ru",
         {"Каменска-Лесного": "Каменск-Лесной"}),
        ("Авіабомба влучила в будинок культури в селі Тиховода Старобрідської громади.", "uk",
         {"Тиховода": "Тиховода", "Старобрідської громади": "Старобрідська громада"}),
        ("У понеділок у Тиховоді поховали загиблих.", "uk", {"Тиховоді": "Тиховода"}),
        ("Бої тривають поблизу Тиховоди.", "uk", {"Тиховоди": "Тиховода"}),
        ("Про це повідомив начальник Приозерної ОВА.", "uk",
         {"Приозерної": "Приозерна область"}),
    ],
)  # fmt: skip
def test_find_places_unknown_name_in_a_locative_context_is_unresolved_nominative(
    text: str, language: str, expected: dict[str, str]
) -> None:
    assert _unresolved(text, language) == expected


def test_find_places_appositive_needs_a_settlement_head() -> None:
    assert not _places("John Smith, a city councillor, said the budget was late.")


def test_find_places_name_marked_once_is_a_place_everywhere_in_the_text() -> None:
    text = (
        "The strike on Tykhovoda, a village of 1,800 people, killed four. "
        "Tykhovoda lies 25 kilometres from the front."
    )
    assert [p.text for p in _places(text)] == ["Tykhovoda", "Tykhovoda"]


def test_find_places_address_line_names_the_settlement_before_its_hromada() -> None:
    text = "House of Culture, Tykhovoda, Staryi Brid hromada, Pryozerna region"
    assert _unresolved(text) == {
        "Tykhovoda": "Tykhovoda",
        "Staryi Brid hromada": "Staryi Brid hromada",
        "Pryozerna region": "Pryozerna region",
    }


# -- datelines and capitals -------------------------------------------------------------------


def test_find_places_dateline_in_capitals_unknown_village_and_country() -> None:
    places = _places("TYKHOVODA, Ukraine — A Russian glide bomb struck a village on Saturday.")
    assert [(p.text, p.name, p.country) for p in places] == [
        ("TYKHOVODA", "Tykhovoda", None),
        ("Ukraine", "Ukraine", "UA"),
    ]


def test_find_places_dateline_with_agency_resolves_the_city() -> None:
    place = _by_text(_places("KYIV (Reuters) - Talks resumed on Monday."))["KYIV"]
    assert place.country == "UA" and place.precision == "settlement"


@pytest.mark.parametrize(
    "text",
    [
        "Officials from KHERSON and NATO met in Brussels.",
        "Talks ended in Brussels. NATO (Reuters) said more would follow.",
    ],
)
def test_find_places_capitals_outside_a_dateline_are_acronyms(text: str) -> None:
    assert set(_by_text(_places(text))) == {"Brussels"}


def test_find_places_dateline_state_abbreviation_is_the_state() -> None:
    places = _by_text(_places("CAMP MURRAY, Wash. - The team trained all week."))
    assert (places["Wash."].precision, places["Wash."].admin1) == ("admin1", "WA")
    assert places["CAMP MURRAY"].geonameid is None


# -- base forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "language", "base"),
    [
        ("Тиховоды", "ru", "Тиховода"),
        ("Тиховоде", "ru", "Тиховода"),
        ("Тиховоді", "uk", "Тиховода"),
        ("Тиховодою", "uk", "Тиховода"),
        ("Сухой Балкой", "ru", "Сухая Балка"),
        ("Сухій Балці", "uk", "Суха Балка"),
        ("Приозерної області", "uk", "Приозерна область"),
        ("Бахмутського району", "uk", "Бахмутський район"),
        ("TYKHOVODA", "en", "Tykhovoda"),
        ("Sukha Balka", "en", "Sukha Balka"),
    ],
)
def test_base_form_is_the_nominative(name: str, language: str, base: str) -> None:
    assert base_form(name, language) == base


def test_base_form_prefers_the_form_the_document_writes() -> None:
    assert base_form("Лимані", "uk", seen={"лиман"}) == "Лиман"


@pytest.mark.parametrize(
    ("text", "place", "region"),
    [
        ("в селе Тиховода Приозерной области", "Тиховода", "Приозерной области"),
        ("у селі Тиховода Старобрідської громади", "Тиховода", "Старобрідської громади"),
    ],
)
def test_region_tail_splits_a_settlement_from_its_region(
    text: str, place: str, region: str
) -> None:
    start = text.index(place)
    split = region_tail(text, Span(start, start + len(place) + 1 + len(region.split()[0])))
    assert split is not None
    assert [text[s.start : s.end] for s in split] == [place, region]
