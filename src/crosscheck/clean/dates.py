"""Publication dates as ranges with a precision, never as a bare point.

Three readers, one per kind of evidence:

* ``exact``: a machine timestamp (Telegram message date, WARC-Date), known to the second.
* ``from_metadata``: an ISO-8601 value from page metadata (``article:published_time``,
  JSON-LD ``datePublished``, htmldate) or an RFC 2822 date; the precision is what the value
  holds: a date alone is that whole day (00:00 to 23:59:59.999999 in its offset, else UTC), a
  time adds hours, minutes or seconds.
* ``relative``: a short phrase as a page shows it, in English, Russian or Ukrainian ("1 month
  ago", "вчера", "2 дні тому", "22 жовтня 2026", "October 23, 2026"), resolved against ``base``
  (the capture time) with dateparser.

The range rule for ``relative``, step by step:

1. Only short date-like phrases reach dateparser: it also reads "may", "5" or "73 20" as dates,
   so a phrase must name a month beside a number, say "ago"/"назад"/"тому", be a day word
   ("yesterday", "вчора"), a "last week" phrase, or a numeric date.
2. Known dateparser gaps are rewritten first: a bare unit ("тиждень тому", "рік тому") gets a
   "1", "щойно"/"только что" becomes "just now", dotted dates (22.10.2026) are day-month-year.
3. "N units ago": the site may have rounded or truncated, so the range is base-(N+1) units ..
   base-(N-1) units, and the precision is the unit (hours, days, months...).
4. Anything else ("yesterday", "last week", "22 жовтня 2026", "October 2026") is the whole
   calendar unit that contains the date: the day, the Monday-to-Sunday week, the month, the year;
   a time of day makes it that minute.
5. A range never ends after ``base``; a date that starts after it is not a publication date, and
   the answer is None.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from crosscheck.model import Precision, Published

__all__ = ["NAME", "exact", "from_metadata", "relative"]

NAME = "clean.dates.dateparser.v1"

_LANGUAGES = ["en", "ru", "uk"]
_LONGEST_PHRASE = 48  # characters; longer lines are prose, not a date line
_TICK = timedelta(microseconds=1)

_STEP: dict[Precision, timedelta | relativedelta] = {
    Precision.SECOND: timedelta(seconds=1),
    Precision.MINUTE: timedelta(minutes=1),
    Precision.HOUR: timedelta(hours=1),
    Precision.DAY: timedelta(days=1),
    Precision.WEEK: timedelta(weeks=1),
    Precision.MONTH: relativedelta(months=1),
    Precision.YEAR: relativedelta(years=1),
}
_PERIODS = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "month": Precision.MONTH,
    "year": Precision.YEAR,
}

_AGO = re.compile(r"\b(?:ago|назад|тому|just now)\b")
_DAY_WORD = re.compile(
    r"^(?:yesterday|today|the day before yesterday|вчера|сегодня|позавчера|вчора|сьогодні"
    r"|позавчора)\b"
)
_LAST = re.compile(r"^(?:last|на прошлой|в прошлом|в прошлую|минулого|минулої|минулий)\b")
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:январ|феврал|март|апрел|ма[йя]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"|\b(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)"
)
_MONTH_WORD = re.compile(  # whole words only: a month's name in any of its usual forms
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"|(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяе]|ма[йяе]|марта?|августа?"
    r"|(?:січ|берез|квіт|трав|черв|лип|серп|верес|жовт|груд)(?:ень|ня|ні)|лют(?:ий|ого|ому)"
    r"|листопада?"
)
_NUMERIC = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_BARE_UNIT = re.compile(r"^([^\W\d_]+) (тому|назад)$")
_JUST_NOW = re.compile(r"^(?:щойно|только что)$")
_LABEL = re.compile(r"^(?:published|posted|опубліковано|опубликовано|дата публікації)\s*:?\s*")
_EDGES = " \t·•|–—-:,."
_SECONDS = re.compile(r"\d:\d\d:\d\d")
_SMALL_UNITS = (
    (Precision.SECOND, re.compile(r"\b(?:sec|секунд|сек)")),
    (Precision.MINUTE, re.compile(r"\b(?:min|минут|мин|хвилин|хв)|just now")),
)

_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2})(?::(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?)?)?)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)


def exact(moment: datetime, phrase: str) -> Published:
    """A machine timestamp known to the second (Telegram message date, WARC-Date)."""
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    end = moment.replace(microsecond=999999)
    return Published(
        start=moment, end=end, precision=Precision.SECOND, phrase=phrase, method="exact"
    )


def from_metadata(value: str) -> Published | None:
    """An ISO-8601 or similar date from page metadata; precision from what the value holds."""
    phrase = value.strip()
    match = _ISO.fullmatch(phrase)
    if match is None:
        return _from_rfc2822(phrase)
    precision = _iso_precision(match)
    try:
        zone = _offset(match["tz"])
        start = datetime(
            int(match["y"]),
            int(match["mo"] or 1),
            int(match["d"] or 1),
            int(match["h"] or 0),
            int(match["mi"] or 0),
            int(match["s"] or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None
    return _published(start, start + _STEP[precision] - _TICK, precision, phrase, "metadata")


def relative(phrase: str, base: datetime) -> Published | None:
    """A relative ("1 month ago", "вчера", "2 дні тому") or absolute date phrase resolved
    against ``base``, as a range with its precision; None when the phrase is not a date."""
    if base.tzinfo is None:
        raise ValueError("base must be timezone-aware")
    text = _prepare(phrase)
    if text is None:
        return None
    data = _parser(base.replace(tzinfo=None)).get_date_data(text)
    if data.date_obj is None or data.period not in (*_PERIODS, "time"):
        return None
    point = _in_zone(data.date_obj, base)
    precision = _precision(data.period, text)
    if _AGO.search(text):
        start, end = point - _STEP[precision], point + _STEP[precision]
    else:
        start = _floor(point, precision)
        end = start + _STEP[precision] - _TICK
    if start > base:
        return None
    method = "relative" if _is_relative(text) else "absolute"
    return _published(start, min(end, base), precision, phrase.strip(), method)


@lru_cache(maxsize=64)
def is_calendar_phrase(text: str) -> bool:
    """True when every word of ``text`` is a month name or a number ("October", "Oct. 23",
    "23 жовтня 2026"): such a phrase is a date fragment, never a name."""
    words = re.findall(r"\w+", text.lower())
    return bool(words) and all(w.isdigit() or _MONTH_WORD.fullmatch(w) for w in words)


def _parser(base: datetime) -> DateDataParser:
    """One parser per capture time: RELATIVE_BASE is fixed at construction, which costs
    microseconds (the language data is loaded once per process and shared)."""
    settings = {
        "RELATIVE_BASE": base,
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DATES_FROM": "past",
        "TIMEZONE": "UTC",  # base is naive wall time in its own zone; keep it unshifted
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=_LANGUAGES, settings=settings)


def _prepare(phrase: str) -> str | None:
    """The phrase as dateparser reads it best, or None when it does not look like a date."""
    text = " ".join(phrase.lower().split()).strip(_EDGES)
    text = _LABEL.sub("", text)
    if not text or len(text) > _LONGEST_PHRASE or not _looks_like_date(text):
        return None
    text = _BARE_UNIT.sub(r"1 \1 \2", text)
    text = _JUST_NOW.sub("just now", text)
    return _DOTTED.sub(r"\3-\2-\1", text)  # dotted dates are day.month.year wherever used


def _looks_like_date(text: str) -> bool:
    if _AGO.search(text) or _DAY_WORD.search(text) or _LAST.search(text):
        return True
    if _JUST_NOW.match(text) or _NUMERIC.search(text):
        return True
    return bool(_MONTH.search(text)) and any(ch.isdigit() for ch in text)


def _is_relative(text: str) -> bool:
    return bool(_AGO.search(text) or _DAY_WORD.search(text) or _LAST.search(text))


def _precision(period: str, text: str) -> Precision:
    """dateparser says "time" for hours, minutes and seconds alike; the phrase tells which."""
    if period != "time":
        return _PERIODS[period]
    if _AGO.search(text):
        unit = next((p for p, words in _SMALL_UNITS if words.search(text)), Precision.HOUR)
        return unit
    return Precision.SECOND if _SECONDS.search(text) else Precision.MINUTE


def _floor(point: datetime, precision: Precision) -> datetime:
    """The start of the calendar unit that contains ``point``."""
    if precision is Precision.SECOND:
        return point.replace(microsecond=0)
    if precision is Precision.MINUTE:
        return point.replace(second=0, microsecond=0)
    if precision is Precision.HOUR:
        return point.replace(minute=0, second=0, microsecond=0)
    day = point.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision is Precision.WEEK:
        return day - timedelta(days=day.weekday())
    if precision is Precision.MONTH:
        return day.replace(day=1)
    if precision is Precision.YEAR:
        return day.replace(month=1, day=1)
    return day


def _in_zone(value: datetime, base: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=base.tzinfo)
    return value.astimezone(base.tzinfo)


def _iso_precision(match: re.Match[str]) -> Precision:
    for group, precision in (
        ("s", Precision.SECOND),
        ("mi", Precision.MINUTE),
        ("h", Precision.HOUR),
        ("d", Precision.DAY),
        ("mo", Precision.MONTH),
    ):
        if match[group]:
            return precision
    return Precision.YEAR


def _offset(value: str | None) -> timezone:
    """The value's UTC offset; a value without one is taken as UTC."""
    if value is None or value.upper() == "Z":
        return UTC
    digits = value[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return timezone(-delta if value.startswith("-") else delta)


def _from_rfc2822(phrase: str) -> Published | None:
    """HTTP and feed dates ("Thu, 22 Oct 2026 14:05:00 +0300"), known to the second."""
    try:
        moment = email.utils.parsedate_to_datetime(phrase)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return _published(moment, moment + _STEP[Precision.SECOND] - _TICK, Precision.SECOND,
                      phrase, "metadata")  # fmt: skip


def _published(
    start: datetime, end: datetime, precision: Precision, phrase: str, method: str
) -> Published:
    return Published(start=start, end=end, precision=precision, phrase=phrase, method=method)
