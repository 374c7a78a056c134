"""extract.people: one person per distinct name, attributes only where the text states them.

Sentences are made up (fictional names); the real-sample cases read ../shared/samples."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import ingest
from crosscheck.extract.analysis import Analyzer
from crosscheck.extract.entities import find_mentions
from crosscheck.extract.people import NAME, find_people
from crosscheck.ingest.files import Input
from crosscheck.model import Document, MentionKind, Person


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


def _people(document: Document) -> list[Person]:
    analysis = _analyzer()(document)
    return find_people(document, analysis, find_mentions(document, analysis))


def _document(text: str, language: str) -> Document:
    return Document(capture_sha256="0" * 64, text=text, language=language)


def _attributes(person: Person) -> dict[str, str]:
    names = ("role", "rank", "unit", "hometown", "side", "status")
    return {n: a.value for n in names if (a := getattr(person, n)) is not None}


@pytest.mark.parametrize(
    ("language", "text", "name", "expected"),
    [
        (
            "en",
            "Russian Armed Forces soldier Pavel Orlov from Tomsk spoke. Orlov said more.",
            "Pavel Orlov",
            {"role": "soldier", "hometown": "Tomsk", "side": "Russia"},
        ),
        (
            "en",
            "Private Dmitry Volkov, who serves in the 37th Motor Rifle Brigade, spoke.",
            "Dmitry Volkov",
            {"role": "soldier", "rank": "private", "unit": "37th Motor Rifle Brigade"},
        ),
        (
            "ru",
            "Военнослужащий ВС РФ Игорь Зуев из Иркутска записал видео. Позже Зуев погиб.",
            "Игорь Зуев",
            {"role": "soldier", "side": "Russia", "hometown": "Иркутск", "status": "killed"},
        ),
        (
            "uk",
            "Військовослужбовець ЗСУ Тарас Гнатюк з Полтави загинув.",
            "Тарас Гнатюк",
            {"role": "soldier", "side": "Ukraine", "hometown": "Полтава", "status": "killed"},
        ),
        (
            "en",
            "Governor Oleh Marchenko spoke to reporters.",
            "Oleh Marchenko",
            {"role": "official"},
        ),
    ],
)
def test_find_people_attributes_from_text(
    language: str, text: str, name: str, expected: dict[str, str]
) -> None:
    people = _people(_document(text, language))
    assert [p.name for p in people] == [name]
    assert _attributes(people[0]) == expected


@pytest.mark.parametrize(
    ("language", "text", "spellings"),
    [
        (
            "en",
            "Soldier Pavel Orlov spoke. Later, Orlov shows the trench.",
            ("Pavel Orlov", "Orlov"),
        ),
        ("ru", "Рядовой Игорь Зуев выступил. Видео Зуева разошлось.", ("Игорь Зуев", "Зуева")),
    ],
)
def test_find_people_merges_surname_mentions(
    language: str, text: str, spellings: tuple[str, ...]
) -> None:
    people = _people(_document(text, language))
    assert len(people) == 1 and people[0].spellings == spellings
    assert people[0].key == "p1" and people[0].extractor == NAME


def test_find_people_keys_in_order_of_first_mention() -> None:
    text = "Soldier Pavel Orlov met the governor Oleh Marchenko. Marchenko thanked Orlov."
    people = _people(_document(text, "en"))
    assert [(p.key, p.name) for p in people] == [("p1", "Pavel Orlov"), ("p2", "Oleh Marchenko")]


def _sample_documents(shared: Path, name: str) -> list[Document]:
    path = shared / "samples" / "smirnov" / name
    if not path.exists():
        pytest.skip(f"{name} absent")
    item = Input(where=str(path), content=path.read_bytes(), modified=_epoch())
    captures = ingest.captures(item, captured_at=None, max_bytes=10**8)
    return [d for c in captures if not isinstance(c, Exception) for d in ingest.documents(c)]


def _epoch():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime(2026, 11, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sample", "name", "hometown"),
    [
        ("000_324805f2c092eb77.txt", "Alexei Smirnov", "Irkutsk"),
        ("telegram-export/result.json", "Алексей Смирнов", "Иркутск"),
        ("ua-news-page.html", "Олексій Смирнов", "Іркутськ"),
    ],
)
def test_find_people_real_sample(shared: Path, sample: str, name: str, hometown: str) -> None:
    documents = [
        d for d in _sample_documents(shared, sample) if "Смирнов" in d.text or "Smirnov" in d.text
    ]
    people = _people(documents[0])
    assert [p.name for p in people] == [name]
    assert _attributes(people[0]) | {"hometown": hometown} == _attributes(people[0])
    assert (people[0].side and people[0].side.value, people[0].role and people[0].role.value) == (
        "Russia",
        "soldier",
    )


def test_find_people_outlet_is_not_a_person(shared: Path) -> None:
    document = _sample_documents(shared, "ua-news-page.html")[0]
    text = document.text + " Про це повідомляє Вісник Сходу."
    people = _people(
        Document(capture_sha256="0" * 64, text=text, language="uk", source=document.source)
    )
    assert all("Вісник" not in spelling for p in people for spelling in p.spellings)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Soldier", "Pavel", "Orlov", "from", "Tomsk", "was", "killed", "Orlov", "37th",
             "Brigade", "Военнослужащий", "Игорь", "Зуев", "погиб", ",", "."]
        ),
        max_size=20,
    ),
    st.sampled_from(["en", "ru"]),
)  # fmt: skip
def test_find_people_spans_lie_in_text(words: list[str], language: str) -> None:
    document = _document(" ".join(words), language)
    analysis = _analyzer()(document)
    mentions = find_mentions(document, analysis)
    persons = {m.span for m in mentions if m.kind is MentionKind.PERSON}
    for person in find_people(document, analysis, mentions):
        assert all(span in persons and span.end <= len(document.text) for span in person.mentions)
        for attribute in (person.role, person.rank, person.unit, person.hometown, person.side):
            assert attribute is None or attribute.span.end <= len(document.text)
