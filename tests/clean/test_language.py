"""Language identification: Cyrillic letters first, py3langid for the rest."""

from __future__ import annotations

import pytest

from crosscheck.clean.language import detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Лісник Петро Гнатюк розповів, що снаряд влучив у їхню хату вночі.", "uk"),
        ("Наша армія відступила з міста вчора ввечері", "uk"),
        ("Лесник Пётр Гнатюк рассказал, что снаряд попал в их дом ночью.", "ru"),
        ("Наша армия отступила из города вчера вечером", "ru"),
        ("Ляснік Пятро расказаў, што снарад трапіў у іхнюю хату ўначы.", "be"),
        ("Лесничеят Петър разказа, че снарядът е ударил къщата им през нощта.", "bg"),
        ("The forester said a shell hit their house during the night.", "en"),
        ("Der Förster sagte, eine Granate habe ihr Haus in der Nacht getroffen.", "de"),
        # one quoted Russian word does not turn a Ukrainian text Russian
        ("Він сказав: «Хватит», і пішов до своїх побратимів у бліндаж.", "uk"),
    ],
)
def test_detect_names_the_language(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize("text", ["", "Так.", "OK, 12:00", "1 204 — 17 !!!", "Нет, нет."])
def test_detect_too_little_text_is_none(text: str) -> None:
    assert detect(text) is None


def test_detect_short_text_uses_the_title() -> None:
    assert detect("Так.", title="Лісник розповів про нічний обстріл їхнього села") == "uk"


def test_detect_long_text_ignores_the_title() -> None:
    text = "Лесник рассказал журналистам о ночном обстреле их села."
    assert detect(text, title="Лісник розповів про обстріл") == "ru"
