"""Boilerplate lines: families of phrasing in English, Russian and Ukrainian, whole lines only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.clean.boilerplate import is_boilerplate, split_trailing


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # subscribe calls addressed to the site
        ("SUBSCRIBE TO US!", "boilerplate"),
        ("Subscribe now", "boilerplate"),
        ("ПОДПИШИТЕСЬ НА НАС!", "boilerplate"),
        ("Підписуйтеся на нас!", "boilerplate"),
        ("Follow us on Facebook", "boilerplate"),
        # comment widgets
        ("Loading comments...", "boilerplate"),
        ("Show 12 comments", "boilerplate"),
        ("Загрузка комментариев…", "boilerplate"),
        ("Завантаження коментарів...", "boilerplate"),
        ("Коментарі (4)", "boilerplate"),
        # read-also links
        ("Читайте також", "boilerplate"),
        ("Читайте также: Обстрел Заречного продолжился ночью", "boilerplate"),
        ("Related: How the fictional brigade was formed", "boilerplate"),
        ("See also", "boilerplate"),
        # share buttons and footer links
        ("Share on Facebook | Share on X | Copy link", "boilerplate"),
        ("Поділитися · Telegram · Viber", "boilerplate"),
        ("Privacy policy | Terms of use | Contact us", "boilerplate"),
        ("Про нас · Контакти", "boilerplate"),
        # cookie notices
        ("We use cookies to improve your experience. Accept all", "boilerplate"),
        ("Мы используем файлы cookie для аналитики", "boilerplate"),
        ("Ми використовуємо файли cookie. Погоджуюсь", "boilerplate"),
        ("Погоджуюсь", "boilerplate"),
        # advertising, newsletters, copyright
        ("Advertisement", "boilerplate"),
        ("РЕКЛАМА", "boilerplate"),
        ("Sign up for our weekly newsletter. Enter your email", "boilerplate"),
        ("Підписатися на розсилку", "boilerplate"),
        ("© 2026 Fictional Herald. All rights reserved.", "boilerplate"),
        ("Все права защищены. Перепечатка запрещена", "boilerplate"),
        # a channel promoting itself
        ("Подписывайтесь на канал «Вечерняя сводка»", "promo"),
        ("Підписуйтесь...", "promo"),
        ("👉 Подпишись на наш Telegram: @evening_digest", "promo"),
        ("Join our Telegram channel for updates", "promo"),
        ("Наш канал: t.me/evening_digest", "promo"),
        ("@evening_digest", "promo"),
        # counters
        ("5", "counter"),
        ("1 204", "counter"),
        ("1.2K views", "counter"),
        ("5 comments", "counter"),
        ("1 204 перегляди", "counter"),
        ("Просмотров: 3 500", "counter"),
        ("👁 17", "counter"),
    ],
)
def test_is_boilerplate_names_the_reason(line: str, reason: str) -> None:
    assert is_boilerplate(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "If you subscribe to the view that the unit was abandoned, the losses make sense.",
        "He asked viewers to subscribe to the channel, then listed the names of the dead soldiers "
        "one by one, and said that more than twenty men from his company had been killed there.",
        "Він закликав підписатися на петицію про повернення тіл загиблих.",
        "Мы используем все, что у нас есть, сказал командир роты.",
        "Twelve of us were killed in the first hour.",
        "Лесник Петро Гнатюк",
        "1 month ago",  # a date is for clean.dates to read, not boilerplate
    ],
)
def test_is_boilerplate_keeps_prose(line: str) -> None:
    assert is_boilerplate(line) is None


@given(st.text(max_size=300))
def test_is_boilerplate_answers_a_known_reason_or_none(line: str) -> None:
    assert is_boilerplate(line) in (None, "boilerplate", "promo", "counter")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('to us!"Loading comments...', ('to us!"', "Loading comments...")),
        ("Він пішов. Завантаження коментарів...", ("Він пішов.", "Завантаження коментарів...")),
        ("Конец истории.Загрузка комментариев…", ("Конец истории.", "Загрузка комментариев…")),
        ("The medics were loading comments", None),
        ("Loading comments...", None),
    ],
)  # fmt: skip
def test_split_trailing_separates_a_glued_widget(
    line: str, expected: tuple[str, str] | None
) -> None:
    assert split_trailing(line) == expected
