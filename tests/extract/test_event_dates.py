"""extract.event_dates: date-like spans resolved against the publication date. Made-up text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.extract.analysis import Analysis
from crosscheck.extract.event_dates import NAME, find_event_dates
from crosscheck.model import Document, Precision, Published

NOON = datetime(2026, 10, 22, 12, 0, tzinfo=UTC)  # a Thursday
PUBLISHED = Published(start=NOON, end=NOON, precision=Precision.MINUTE, phrase="x",
                      method="exact")  # fmt: skip
EMPTY = Analysis(language="en", tokens=(), sentences=(), entities=())


def _dates(text: str, published: Published | None = PUBLISHED) -> list[tuple[str, str, str]]:
    document = Document(capture_sha256="0" * 64, text=text, published=published)
    found = find_event_dates(document, EMPTY)
    assert all(d.extractor == NAME and d.text == text[d.span.start : d.span.end] for d in found)
    return [(d.text, d.start.date().isoformat(), d.precision.value) for d in found]


CASES = [
    ("The strike came on Sunday.", ("on Sunday", "2026-10-18", "day")),
    ("It happened yesterday.", ("yesterday", "2026-10-21", "day")),
    ("Обстрел был вчера.", ("вчера", "2026-10-21", "day")),
    ("Обстріл був вчора.", ("вчора", "2026-10-21", "day")),
    ("Обстрел был во вторник.", ("во вторник", "2026-10-20", "day")),
    ("Обстріл був у неділю.", ("у неділю", "2026-10-18", "day")),
    ("Це сталося 2 дні тому.", ("2 дні тому", "2026-10-19", "day")),
    ("It was shelled last week.", ("last week", "2026-10-12", "week")),
    ("Bodies were found on 12.10.2026.", ("12.10.2026", "2026-10-12", "day")),
    ("Bodies were found on October 3, 2026.", ("October 3, 2026", "2026-10-03", "day")),
    ("Тела нашли 15 октября 2026 года.", ("15 октября 2026 года", "2026-10-15", "day")),
    ("The attack came on Thursday.", ("on Thursday", "2026-10-22", "day")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_event_dates_resolves_phrase(text: str, expected: tuple[str, str, str]) -> None:
    assert _dates(text) == [expected]


@pytest.mark.parametrize("text", ["He may go.", "73 20 soldiers", "No date here at all."])
def test_find_event_dates_invents_none(text: str) -> None:
    assert _dates(text) == []


def test_find_event_dates_skips_relative_without_base() -> None:
    text = "Yesterday, on Sunday, and on 12.10.2026."
    assert _dates(text, None) == [("12.10.2026", "2026-10-12", "day")]


@given(st.text(max_size=60))
def test_find_event_dates_holds_on_any_text(text: str) -> None:
    for _, start, _ in _dates(text):
        assert start <= NOON.date().isoformat()
