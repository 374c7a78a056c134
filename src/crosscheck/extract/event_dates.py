"""Event dates: the dates a text mentions, resolved against its publication date, as ranges.

dateparser reads "may" or "73 20" as dates when it searches free text, so date-like spans are
found first with patterns, and only those are parsed:

1. Spans: a numeric date (22.10.2023, 2023-10-22), a day with a month name ("October 23, 2026",
   "22 жовтня 2026"), a day word ("yesterday", "вчера", "позавчора"), "last week"/"на прошлой
   неделе"/"минулого тижня", "N days ago"/"2 дні тому", and a weekday ("on Sunday", "во
   вторник", "у неділю").
2. A weekday is the most recent such day on or before publication (the day of publication
   included); everything else goes to ``clean.dates.relative`` with the publication start as
   its base, which gives the range and its precision.
3. Without a publication date only phrases with a four-digit year are read: a relative phrase
   has nothing to resolve against, and no date is invented.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from crosscheck.clean.dates import relative
from crosscheck.extract.analysis import Analysis
from crosscheck.model import Document, EventDate, Precision, Span

__all__ = ["NAME", "find_event_dates"]

NAME = "extract.event_dates.v1"

_FAR = datetime(2100, 1, 1, tzinfo=UTC)  # base for dated phrases when the text has no date
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = timedelta(days=1)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"|(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяе]|ма[йяе]|марта?|августа?"
    r"|(?:січ|берез|квіт|трав|черв|лип|серп|верес|жовт|груд)(?:ень|ня|ні)|лют(?:ий|ого)"
    r"|листопада?"
)
_YEAR_TAIL = r"(?:,?\s+(?:19|20)\d\d(?:\s*(?:года|г\.|року|р\.))?)?"
_WEEKDAYS = {
    0: r"monday|понедельник|понеділок",
    1: r"tuesday|вторник|вівторок",
    2: r"wednesday|среду|среда|середу|середа",
    3: r"thursday|четверг|четвер",
    4: r"friday|пятницу|пятница|п'ятницю|п’ятницю|пʼятницю",
    5: r"saturday|субботу|суббота|суботу|субота",
    6: r"sunday|воскресенье|неділю|неділя",
}
_WEEKDAY = re.compile(
    r"(?<!\w)(?:(?:on|last|в|во|у)\s+)?(?:" + "|".join(_WEEKDAYS.values()) + r")(?!\w)",
    re.IGNORECASE,
)
_PHRASE = re.compile(
    r"(?<!\w)(?:"
    r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d"
    rf"|\d{{1,2}}\s+(?:{_MONTHS}){_YEAR_TAIL}"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?{_YEAR_TAIL}"
    r"|the day before yesterday|yesterday|позавчера|вчера|позавчора|вчора"
    r"|last (?:week|month|year)|на прошлой неделе|в прошлом месяце|в прошлом году"
    r"|минулого (?:тижня|місяця|року)"
    r"|(?:\d+|a|an|one|two|three)\s+(?:days?|weeks?|months?|years?)\s+ago"
    r"|\d+\s+(?:дн\w*|недел\w*|месяц\w*|тижн\w*|місяц\w*|день)\s+(?:назад|тому)"
    r")(?!\w)",
    re.IGNORECASE,
)


def find_event_dates(document: Document, analysis: Analysis) -> list[EventDate]:
    """Each date the text gives, in text order; ``analysis`` is unused for now (the patterns
    work on the text) and kept so every extractor is called the same way."""
    del analysis
    base = document.published.start if document.published else None
    found = [d for m in _PHRASE.finditer(document.text) if (d := _dated(m, base)) is not None]
    taken = [range(d.span.start, d.span.end) for d in found]
    for match in _WEEKDAY.finditer(document.text):
        if base is not None and not any(match.start() in r for r in taken):
            found.append(_weekday(match, base))
    return sorted(found, key=lambda date: date.span.start)


def _dated(match: re.Match[str], base: datetime | None) -> EventDate | None:
    if base is None and not _YEAR.search(match.group()):
        return None
    published = relative(match.group(), base or _FAR)
    if published is None:
        return None
    return _event_date(match, published.start, published.end, published.precision)


def _weekday(match: re.Match[str], base: datetime) -> EventDate:
    """The most recent such weekday on or before ``base`` (the same day included)."""
    words = match.group().lower().split()
    day = next(n for n, names in _WEEKDAYS.items() if re.fullmatch(names, words[-1]))
    start = base.replace(hour=0, minute=0, second=0, microsecond=0)
    start -= timedelta(days=(start.weekday() - day) % 7)
    if words[0] == "last" and start.date() == base.date():
        start -= timedelta(days=7)  # "last Sunday" said on a Sunday is a week before
    return _event_date(match, start, start + _DAY - timedelta(microseconds=1), Precision.DAY)


def _event_date(
    match: re.Match[str], start: datetime, end: datetime, precision: Precision
) -> EventDate:
    return EventDate(span=Span(*match.span()), text=match.group(), start=start, end=end,
                     precision=precision, extractor=NAME)  # fmt: skip
