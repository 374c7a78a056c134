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
             "Рядовой", "Игорь", "Зуев", "из", "Иркутска", "в/ч", "12345", "."]
        ),
        max_size=20,
    ),
    st.sampled_from(["en", "ru", "uk"]),
)  # fmt: skip
def test_find_mentions_spans_slice_to_text(words: list[str], language: str) -> None:
    text = " ".join(words)
    for mention in _mentions(text, language):
        assert text[mention.span.start : mention.span.end] == mention.text
