"""Unicode repair before assembly, and same-length folding for matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.clean.normalize import fix, for_matching


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ð²Ð¾Ð¹Ð½Ð°", "война"),  # UTF-8 read as Latin-1
        ("the unitâ€™s losses", "the unit\u2019s losses"),  # UTF-8 read as cp1252
        ("20\u00a0км", "20 км"),  # no-break space
        ("село\u202fЗоряне", "село Зоряне"),  # narrow no-break space
        ("Зоря\u200bне", "Зоряне"),  # zero-width space
        ("бри\u00adгада", "бригада"),  # soft hyphen
        ("\ufeffТекст", "Текст"),  # byte-order mark
        ("и\u0306", "й"),  # decomposed letter composed (NFC)
        ("«Лапки» та \u201clapky\u201d", "«Лапки» та \u201clapky\u201d"),  # quotes stay as written
        ("a &amp; b", "a &amp; b"),  # entities are the HTML parser's business
    ],
)
def test_fix_repairs_text(text: str, expected: str) -> None:
    assert fix(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cDon\u2019t\u201d", '"Don\'t"'),
        ("«Не їдьте» — сказав", '"Не їдьте" - сказав'),
        ("м\u02bcясо", "м'ясо"),
        ("2\u20133", "2-3"),
    ],
)
def test_for_matching_folds_quotes_and_dashes(text: str, expected: str) -> None:
    assert for_matching(text) == expected


@given(st.text())
def test_for_matching_keeps_length(text: str) -> None:
    assert len(for_matching(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "the unitâ€™s losses",
        "бри\u00adгада Ð²Ð¾Ð¹Ð½Ð°",
        "бригада\u00a0Ð²Ð¾Ð¹Ð½Ð°",
        "\u00ad\u00c2\u0080",
    ],
)
def test_fix_is_idempotent(text: str) -> None:
    assert fix(fix(text)) == fix(text)
