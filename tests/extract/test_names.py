"""extract.names: nominative canonical names and transliteration keys (fictional names)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.extract.names import (
    canonical_name,
    common_surname,
    is_first_name,
    name_key,
    strip_titles,
)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Алексея Смирнова", "ru", "Алексей Смирнов"),
        ("Ирины Коваль", "ru", "Ирина Коваль"),
        ("Ирины Смирновой", "ru", "Ирина Смирнова"),
        ("Олексія Смирнова", "uk", "Олексій Смирнов"),
        ("Олега Марченка", "uk", "Олег Марченко"),
        ("Ірини Коваль", "uk", "Ірина Коваль"),
        ("Рядового Ткаченко", "ru", "Ткаченко"),
        ("рядового Алексея Смирнова", "ru", "Алексей Смирнов"),
        ("Ивана Петровича Кузнецова", "ru", "Иван Петрович Кузнецов"),
        ("Private Dmitry Volkov", "en", "Dmitry Volkov"),
        ("Sgt. John Hale", "en", "John Hale"),
        ("Volkov's", "en", "Volkov"),
    ],
)
def test_canonical_name_nominative_without_ranks(text: str, language: str, expected: str) -> None:
    assert canonical_name(text, language) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Alexei Smirnov", "Алексей Смирнов"),
        ("Aleksey Smirnov", "Alexei Smirnov"),
        ("Alexey Smirnoff", "Алексей Смирнов"),
        ("Олексій Смирнов", "Алексей Смирнов"),
        ("Oleksiy Tkachenko", "Олексій Ткаченко"),
        ("Volodymyr Zelenskyy", "Володимир Зеленський"),
        ("Yevgeny Prigozhin", "Евгений Пригожин"),
        ("Иван Петрович Кузнецов", "Ivan Kuznetsov"),
        ("Semyon Fyodorov", "Семён Фёдоров"),
    ],
)
def test_name_key_same_person_across_scripts(first: str, second: str) -> None:
    assert name_key(first) == name_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Aleksei Semenov", "Alexei Smirnov"), ("Sergei Shoigu", "Sergei Shahov")],
)
def test_name_key_different_people_differ(first: str, second: str) -> None:
    assert name_key(first) != name_key(second)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Private", "Dmitry", "Volkov"], ["Dmitry", "Volkov"]),
        (["сержант", "Ткаченко"], ["Ткаченко"]),
    ],
)
def test_strip_titles_drops_leading_ranks(words: list[str], expected: list[str]) -> None:
    assert strip_titles(words) == expected


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("Володимир", "uk", True),  # missing from the Ukrainian dictionary, known in Russian
        ("Богдан", "uk", True),
        ("Коли", "uk", False),  # a conjunction in Ukrainian, Коля's genitive in Russian
        ("Олена", "uk", True),
        ("Алексей", "ru", True),
        ("Gregory", "en", True),
        ("Leeds", "en", False),
    ],
)
def test_is_first_name_by_dictionaries(word: str, language: str, expected: bool) -> None:
    assert is_first_name(word, language) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Kennedy", True), ("JACKSON", True), ("Leeds", False), ("Bakhmut", False)],
)
def test_common_surname_from_census(word: str, expected: bool) -> None:
    assert common_surname(word) is expected


@given(st.text(max_size=40))
def test_name_key_any_text_gives_a_string(text: str) -> None:
    assert isinstance(name_key(text), str)
