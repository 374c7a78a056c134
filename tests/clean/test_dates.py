"""Publication dates: ranges with a precision from timestamps, metadata and page phrases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.clean import dates
from crosscheck.model import Precision

BASE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # a Friday
KYIV = timezone(timedelta(hours=2))
LAST = timedelta(microseconds=1)


def at(year: int, month: int, day: int, *time: int, tz: timezone = UTC) -> datetime:
    hour, minute, second = (*time, 0, 0, 0)[:3]
    return datetime(year, month, day, hour, minute, second, tzinfo=tz)


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision", "method"),
    [
        ("1 month ago", at(2026, 9, 20, 12), BASE, Precision.MONTH, "relative"),
        ("місяць тому", at(2026, 9, 20, 12), BASE, Precision.MONTH, "relative"),
        ("2 hours ago", at(2026, 11, 20, 9), at(2026, 11, 20, 11), Precision.HOUR, "relative"),
        ("5 minutes ago", at(2026, 11, 20, 11, 54), at(2026, 11, 20, 11, 56), Precision.MINUTE,
         "relative"),
        ("Two days ago", at(2026, 11, 17, 12), at(2026, 11, 19, 12), Precision.DAY, "relative"),
        ("2 дня назад", at(2026, 11, 17, 12), at(2026, 11, 19, 12), Precision.DAY, "relative"),
        ("2 дні тому", at(2026, 11, 17, 12), at(2026, 11, 19, 12), Precision.DAY, "relative"),
        ("неделю назад", at(2026, 11, 6, 12), BASE, Precision.WEEK, "relative"),
        ("тиждень тому", at(2026, 11, 6, 12), BASE, Precision.WEEK, "relative"),
        ("рік тому", at(2024, 11, 20, 12), BASE, Precision.YEAR, "relative"),
        ("yesterday", at(2026, 11, 19), at(2026, 11, 20) - LAST, Precision.DAY, "relative"),
        ("вчера", at(2026, 11, 19), at(2026, 11, 20) - LAST, Precision.DAY, "relative"),
        ("вчора", at(2026, 11, 19), at(2026, 11, 20) - LAST, Precision.DAY, "relative"),
        ("позавчера", at(2026, 11, 18), at(2026, 11, 19) - LAST, Precision.DAY, "relative"),
        ("today", at(2026, 11, 20), BASE, Precision.DAY, "relative"),
        ("last week", at(2026, 11, 9), at(2026, 11, 16) - LAST, Precision.WEEK, "relative"),
        ("22 жовтня 2026", at(2026, 10, 22), at(2026, 10, 23) - LAST, Precision.DAY,
         "absolute"),
        ("October 23, 2026", at(2026, 10, 23), at(2026, 10, 24) - LAST, Precision.DAY,
         "absolute"),
        ("12 марта", at(2026, 3, 12), at(2026, 3, 13) - LAST, Precision.DAY, "absolute"),
        ("22.10.2026", at(2026, 10, 22), at(2026, 10, 23) - LAST, Precision.DAY, "absolute"),
        ("October 2026", at(2026, 10, 1), at(2026, 11, 1) - LAST, Precision.MONTH, "absolute"),
        ("22 жовтня 2026, 14:05", at(2026, 10, 22, 14, 5), at(2026, 10, 22, 14, 6) - LAST,
         Precision.MINUTE, "absolute"),
    ],
)  # fmt: skip
def test_relative_gives_a_range_with_precision(
    phrase: str, start: datetime, end: datetime, precision: Precision, method: str
) -> None:
    published = dates.relative(phrase, BASE)
    assert published is not None
    assert (published.start, published.end) == (start, end)
    assert (published.precision, published.method, published.phrase) == (precision, method, phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "may",  # the verb, read as the month by dateparser
        "73 20",  # read as 1973 by dateparser
        "5",
        "2026",
        "",
        "   ",
        "SUBSCRIBE TO US!",
        "Loading comments...",
        "Шевченко",
        "The village was shelled on 22 October 2026, the regional governor told reporters.",
        "25 грудня 2026",  # after the capture: not a publication date
    ],
)
def test_relative_rejects_what_is_not_a_past_date(phrase: str) -> None:
    assert dates.relative(phrase, BASE) is None


def test_relative_keeps_the_base_time_zone() -> None:
    base = datetime(2026, 11, 20, 1, 30, tzinfo=KYIV)
    published = dates.relative("вчора", base)
    assert published is not None
    assert (published.start, published.end) == (
        at(2026, 11, 19, tz=KYIV),
        at(2026, 11, 20, tz=KYIV) - LAST,
    )


def test_relative_refuses_a_naive_base() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        dates.relative("вчера", BASE.replace(tzinfo=None))


@given(st.text(max_size=60))
def test_relative_never_ends_after_base(phrase: str) -> None:
    published = dates.relative(phrase, BASE)
    assert published is None or published.start <= published.end <= BASE


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2026-10-22T14:05:00+03:00", at(2026, 10, 22, 14, 5, tz=timezone(timedelta(hours=3))),
         at(2026, 10, 22, 14, 5, 1, tz=timezone(timedelta(hours=3))) - LAST, Precision.SECOND),
        ("2026-10-25T17:10:00Z", at(2026, 10, 25, 17, 10), at(2026, 10, 25, 17, 10, 1) - LAST,
         Precision.SECOND),
        ("2026-10-25T17:10:00+0000", at(2026, 10, 25, 17, 10),
         at(2026, 10, 25, 17, 10, 1) - LAST, Precision.SECOND),
        ("2026-10-22T14:05+02:00", at(2026, 10, 22, 14, 5, tz=KYIV),
         at(2026, 10, 22, 14, 6, tz=KYIV) - LAST, Precision.MINUTE),
        ("2026-10-22", at(2026, 10, 22), at(2026, 10, 23) - LAST, Precision.DAY),
        (" 2026-10 ", at(2026, 10, 1), at(2026, 11, 1) - LAST, Precision.MONTH),
        ("2026", at(2026, 1, 1), at(2027, 1, 1) - LAST, Precision.YEAR),
        ("Thu, 22 Oct 2026 14:05:00 +0300",
         at(2026, 10, 22, 14, 5, tz=timezone(timedelta(hours=3))),
         at(2026, 10, 22, 14, 5, 1, tz=timezone(timedelta(hours=3))) - LAST, Precision.SECOND),
    ],
)  # fmt: skip
def test_from_metadata_precision_follows_the_value(
    value: str, start: datetime, end: datetime, precision: Precision
) -> None:
    published = dates.from_metadata(value)
    assert published is not None
    assert (published.start, published.end, published.precision) == (start, end, precision)
    assert (published.phrase, published.method) == (value.strip(), "metadata")


@pytest.mark.parametrize(
    "value", ["", "yesterday", "2026-13-01", "2026-02-30", "2026-10-22T25:00", "+05:00", "12"]
)
def test_from_metadata_rejects_invalid_values(value: str) -> None:
    assert dates.from_metadata(value) is None


def test_exact_is_known_to_the_second() -> None:
    moment = at(2026, 10, 22, 14, 5, 17)
    published = dates.exact(moment, "1792674317")
    assert (published.start, published.end) == (moment, at(2026, 10, 22, 14, 5, 18) - LAST)
    assert (published.precision, published.method, published.phrase) == (
        Precision.SECOND,
        "exact",
        "1792674317",
    )


def test_exact_refuses_a_naive_moment() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        dates.exact(datetime(2026, 10, 22, 14, 5), "2026-10-22 14:05")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October", True),
        ("Oct. 23", True),
        ("23 жовтня 2026", True),
        ("12 марта", True),
        ("1 листопада", True),
        ("Staff Writer", False),
        ("Mayer", False),
        ("Ірина Коваль", False),
        ("", False),
    ],
)
def test_is_calendar_phrase(text: str, expected: bool) -> None:
    assert dates.is_calendar_phrase(text) is expected
