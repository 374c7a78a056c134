"""extract.entities: person, organisation and unit mentions (fictional sentences, and the real
sample capture from ../shared when present)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.extract.analysis import Analysis, Analyzer
from crosscheck.extract.entities import NAME, find_mentions, unit_canonical
from crosscheck.model import Document, Mention, MentionKind


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


def _mentions(text: str, language: str, source: str | None = None) -> list[Mention]:
    document = Document(capture_sha256="0" * 64, text=text, language=language, source=source)
    return find_mentions(document, _analysis(document))


def _analysis(document: Document) -> Analysis:
    return _analyzer()(document)


def _texts(mentions: list[Mention], kind: MentionKind) -> list[str]:
    return [m.text for m in mentions if m.kind is kind]


@pytest.mark.parametrize(
    ("language", "text", "person"),
    [
        (
            "en",
            "Russian Armed Forces soldier Pavel Orlov from Tomsk recorded a video.",
            "Pavel Orlov",
        ),
        ("en", "A second soldier, Private Dmitry Volkov from Ulan-Ude, spoke.", "Dmitry Volkov"),
        ("en", "The regional governor Oleh Marchenko said on Telegram.", "Oleh Marchenko"),
        (
            "ru",
            "Военнослужащий ВС РФ Алексей Смирнов из Иркутска записал видео.",
            "Алексей Смирнов",
        ),
        ("ru", "Об этом рассказал рядовой Игорь Зуев.", "Игорь Зуев"),
        ("uk", "Про це повідомила Ірина Коваль з Вісника Сходу.", "Ірина Коваль"),
    ],
)
def test_find_mentions_people_after_roles(language: str, text: str, person: str) -> None:
    assert person in _texts(_mentions(text, language), MentionKind.PERSON)


@pytest.mark.parametrize(
    ("language", "text", "rank"),
    [
        ("en", "Private Dmitry Volkov said it.", "Private"),
        ("ru", "Рядовой Игорь Зуев погиб.", "Рядовой"),
        ("ru", "Сообщил сержант Павел Орлов.", "сержант"),
    ],
)
def test_find_mentions_rank_never_in_name(language: str, text: str, rank: str) -> None:
    people = _texts(_mentions(text, language), MentionKind.PERSON)
    assert people and all(rank not in name for name in people)


@pytest.mark.parametrize(
    ("language", "text", "surname"),
    [
        ("en", "Soldier Pavel Orlov spoke. Later, Orlov shows the trench.", "Orlov"),
        ("ru", "Солдат Павел Орлов выступил. «Никто не отвечает», — говорит Орлов.", "Орлов"),
    ],
)
def test_find_mentions_surname_propagates(language: str, text: str, surname: str) -> None:
    assert surname in _texts(_mentions(text, language), MentionKind.PERSON)


@pytest.mark.parametrize(
    ("language", "text", "source", "outlet"),
    [
        ("uk", "Про це повідомив Вісник Сходу.", "Вісник Сходу", "Вісник Сходу"),
        ("en", "The story was reported by Eastern Front Daily.", None, "Eastern Front Daily"),
    ],
)
def test_find_mentions_outlets_are_not_people(
    language: str, text: str, source: str | None, outlet: str
) -> None:
    mentions = _mentions(text, language, source)
    assert all(outlet not in name for name in _texts(mentions, MentionKind.PERSON))


@pytest.mark.parametrize(
    ("language", "text", "canonical"),
    [
        ("en", "He serves in the 37th Motor Rifle Brigade.", "37th Motor Rifle Brigade"),
        ("en", "Marines of the 155th Marine Brigade.", "155th Marine Brigade"),
        ("ru", "Он служит в 37-й мотострелковой бригаде.", "37th Motor Rifle Brigade"),
        ("ru", "Бойцы 37-й омсбр отошли.", "37th Separate Motor Rifle Brigade"),
        ("ru", "Его часть, в/ч 12345, стоит там.", "military unit 12345"),
        ("uk", "Військова частина А1234 відступила.", "military unit A1234"),
        ("ru", "Отряд Storm-Z понёс потери.", "Storm-Z"),
    ],
)
def test_find_mentions_units_keep_number_and_type(language: str, text: str, canonical: str) -> None:
    units = [m for m in _mentions(text, language) if m.kind is MentionKind.UNIT]
    assert canonical in [m.canonical for m in units]


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("37-я мотострелковая бригада", "37th Motor Rifle Brigade"),
        ("155-ту окрему бригаду морської піхоти", "155th Separate Marine Brigade"),
        ("21st Mechanized Brigade", "21st Mechanized Brigade"),
    ],
)
def test_unit_canonical_is_english(phrase: str, canonical: str) -> None:
    assert unit_canonical(phrase) == canonical


def test_find_mentions_no_places_and_named_extractor() -> None:
    mentions = _mentions("Soldier Pavel Orlov from Tomsk spoke in Kharkiv.", "en")
    assert mentions and all(
        m.kind is not MentionKind.PLACE and m.extractor == NAME for m in mentions
    )


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        # leading nationality, occupation and function words are not part of the name
        ("en", "Russian Igor Petrov and Ukrainian Oleh Marchenko met in Geneva.",
         ["Igor Petrov", "Oleh Marchenko"]),
        ("en", "Surgeon Pavel Orlov told reporters that the ward was full.", ["Pavel Orlov"]),
        ("uk", "А Оксана Мельник тоді мовчала.", ["Оксана Мельник"]),
        # initials before a surname belong to the name, whatever the model tagged
        ("en", "The report was signed by J. Hale, a military doctor, on Monday.", ["J. Hale"]),
        ("uk", "За словами О. Ковальчука, обстріл тривав годину.", ["О. Ковальчука"]),
        ("uk", "Про це розповів В . І . Кравченко .", ["В . І . Кравченко"]),
        # particles, brackets and hyphenated lower-case tails
        ("ru", "Об этом рассказал Ханс фон Берг, бывший военный.", ["Ханс фон Берг"]),
        ("ru", "В Донецке выступил рядовой Джон Смит (John A. Smith) из Техаса.",
         ["Джон Смит", "John A. Smith"]),
        ("ru", "Орлов-младший выступил первым.", ["Орлов"]),
        # Ukrainian surnames the dictionary reads as common words, capitals, apostrophes
        ("uk", "Директором підприємства є Дмитро Дубняк.", ["Дмитро Дубняк"]),
        ("uk", "Наталя Забіла та Юлія Старосвітська підписали лист.",
         ["Наталя Забіла", "Юлія Старосвітська"]),
        ("uk", "Про це заявив директор групи Олександр ПОПОВ.", ["Олександр ПОПОВ"]),
        ("uk", "Позов подав В'ячеслав Коваленко з Києва.", ["В'ячеслав Коваленко"]),
        ("uk", "Засідання провів Володимир Коваль.", ["Володимир Коваль"]),
        # two names side by side in cases that cannot agree
        ("ru", "Письмо Сталину Вертинский отправил сам.", ["Сталину", "Вертинский"]),
    ],
)  # fmt: skip
def test_find_mentions_person_span_boundaries(language: str, text: str, names: list[str]) -> None:
    assert _texts(_mentions(text, language), MentionKind.PERSON) == names


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "Smirnov told the BBC that his commander had abandoned the wounded near Avdiivka.",
         "Avdiivka"),
        ("en", "Witnesses said Chasiv Yar was shelled again on Tuesday.", "Chasiv Yar"),
        ("en", "Maksym Dovhan, a paramedic with the Staryi Brid ambulance station, said the crew"
         " was tired.", "Staryi Brid"),
        ("en", "Families gathered outside the Kennedy hospital in the evening.", "Kennedy"),
        ("uk", "Ракета влучила в будинок на вулиці Кірова у Києві.", "Кірова"),
        ("uk", "Ракета влучила в будинок на вулиці Кірова у Києві.", "Києві"),
        ("en", "Kestrel Mining Corp bought the plant last year. Kestrel said the deal was done.",
         "Kestrel"),
        # Ukrainian adjectives agreeing with the noun after them, or opening a sentence
        ("uk", "Депутат Волинської обласної ради Іван Коваль заявив про обстріл.", "Волинської"),
        ("uk", "Голова Сумської облдержадміністрації приїхав до Києва.", "Сумської"),
        ("uk", "Українська мова у плані гумору багата.", "Українська"),
    ],
)  # fmt: skip
def test_find_mentions_places_and_facilities_are_not_people(
    language: str, text: str, name: str
) -> None:
    assert name not in _texts(_mentions(text, language), MentionKind.PERSON)


def test_find_mentions_organisation_start_is_an_organisation() -> None:
    text = "Kestrel Mining Corp bought the plant last year. Kestrel said the deal was done."
    organisations = _texts(_mentions(text, "en"), MentionKind.ORGANIZATION)
    assert organisations == ["Kestrel Mining Corp", "Kestrel"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ORLOV SPEAKS OUT\nSoldier Pavel Orlov said the unit had no food.",
         ["ORLOV", "Pavel Orlov"]),
        ("The commander, John Mills Jr., was not available. Mills later said he had left.",
         ["John Mills", "Mills"]),
    ],
)  # fmt: skip
def test_find_mentions_surname_echoes_in_capitals_and_sentence_starts(
    text: str, names: list[str]
) -> None:
    assert _texts(_mentions(text, "en"), MentionKind.PERSON) == names


def test_find_mentions_real_capture(shared: Path) -> None:
    path = shared / "samples" / "smirnov" / "000_324805f2c092eb77.txt"
    if not path.exists():
        pytest.skip("real capture absent")
    text = path.read_text(encoding="utf-8").split("SUBSCRIBE TO US!", 1)[-1].strip()
    people = _texts(_mentions(text, "en"), MentionKind.PERSON)
    assert "Alexei Smirnov" in people


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Soldier", "Pavel", "Orlov", "from", "Tomsk", "said", "the", "37th", "Brigade", ",",
             "Рядовой", "Игорь", "Зуев", "из", "Иркутска", "в/ч", "12345", ".", "В.", "фон",
             "В'ячеслав", "Орлов-младший", "(", ")", "ОРЛОВ", "J.", "Jr.", "'"]
        ),
        max_size=20,
    ),
    st.sampled_from(["en", "ru", "uk"]),
)  # fmt: skip
def test_find_mentions_spans_slice_to_text(words: list[str], language: str) -> None:
    text = " ".join(words)
    for mention in _mentions(text, language):
        assert text[mention.span.start : mention.span.end] == mention.text
