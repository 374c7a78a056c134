"""(STUB: helper B implements.)"""

from __future__ import annotations

from datetime import datetime

from crosscheck.model import Published

NAME = "clean.dates.dateparser.v1"


def exact(moment: datetime, phrase: str) -> Published:
    """A machine timestamp known to the second (Telegram message date, WARC-Date)."""
    raise NotImplementedError


def from_metadata(value: str) -> Published | None:
    """An ISO-8601 or similar date from page metadata; precision from what the value holds."""
    raise NotImplementedError


def relative(phrase: str, base: datetime) -> Published | None:
    """A relative ("1 month ago", "вчера", "2 дні тому") or absolute date phrase resolved
    against ``base``, as a range with its precision; None when the phrase is not a date."""
    raise NotImplementedError
