"""The plain typed records that flow through crosscheck's stages.

A **capture** is raw bytes as received (a file, one WARC response record, one JSON Lines
record). A **document** is the clean text plus metadata that one capture yields; a capture that
holds many posts (a Telegram channel export) yields one document per post, told apart by
``locator``. Every offset in a document points into ``Document.text``.

All records are frozen; invariants are checked in ``__post_init__``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

__all__ = [
    "Attribute",
    "Capture",
    "Claim",
    "ClaimKind",
    "Count",
    "Cue",
    "Document",
    "EventDate",
    "Facts",
    "Mention",
    "MentionKind",
    "Modality",
    "Person",
    "Place",
    "Precision",
    "Published",
    "Quote",
    "QuoteKind",
    "Removed",
    "Span",
    "document_id",
]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Capture:
    """Raw bytes as received, never modified: the evidential copy.

    ``path`` names where the bytes came from (a file path, ``-`` for stdin, and for a record
    inside a container ``archive.warc.gz#offset=1234``); ``url`` is the address the bytes were
    fetched from when the capture says so. ``captured_at`` is timezone-aware.
    """

    sha256: str
    size: int
    media_type: str
    content: bytes = field(repr=False)
    captured_at: datetime
    path: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if len(self.sha256) != 64:
            raise ValueError("sha256 must be 64 hex characters")
        if self.size != len(self.content):
            raise ValueError("size does not match content")
        if self.captured_at.tzinfo is None:
            raise ValueError("captured_at must be timezone-aware")

    @classmethod
    def of(
        cls,
        content: bytes,
        *,
        media_type: str,
        captured_at: datetime,
        path: str | None = None,
        url: str | None = None,
    ) -> Capture:
        """Build a capture, computing its SHA-256 and size from ``content``."""
        return cls(
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            media_type=media_type,
            content=content,
            captured_at=captured_at,
            path=path,
            url=url,
        )


class Precision(StrEnum):
    """How precisely a date is known; ``Published.start``/``end`` bound the range."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """When a document was published, as a range ``[start, end]`` (both inclusive).

    ``phrase`` is the raw text the date came from ("1 month ago", "2026-10-22T14:05:00+03:00");
    ``method`` says how it was read: ``metadata`` (HTML meta/JSON-LD/htmldate), ``relative``
    (resolved against ``captured_at``), ``absolute`` (a calendar date in the text) or ``exact``
    (a machine timestamp such as a Telegram message date).
    """

    start: datetime
    end: datetime
    precision: Precision
    phrase: str
    method: str

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("published start is after end")


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed:
    """A line dropped from the clean text, and why (``boilerplate``, ``date``, ``counter``,
    ``title``, ``promo``...)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """Maps a span of a transcript's clean text back to its time in the video (seconds)."""

    span: Span
    start_seconds: float
    end_seconds: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    """A reported number as an interval: "more than twenty" -> low 21; "up to 30" -> high 30.

    ``phrase`` is the text the count was read from, ``rule`` names the rule (and the vague-word
    profile, for "dozens") that produced the figures. Unknown bounds stay None.
    """

    low: int | None = None
    best: int | None = None
    high: int | None = None
    phrase: str = ""
    rule: str = ""

    def __post_init__(self) -> None:
        known = [v for v in (self.low, self.best, self.high) if v is not None]
        if not known:
            raise ValueError("a count needs at least one of low, best, high")
        if any(v < 0 for v in known) or known != sorted(known):
            raise ValueError(f"count must satisfy 0 <= low <= best <= high, got {known}")


def document_id(capture_sha256: str, locator: str = "") -> str:
    """Stable id of the document at ``locator`` in a capture: same bytes, same id, any database."""
    return hashlib.sha256(f"{capture_sha256}\x00{locator}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """Clean text and metadata derived from one capture (or one post inside it).

    ``text`` is what every offset points into. ``title_raw`` keeps a title exactly as found
    when ``title`` had to be repaired (file-name-safe underscores restored). ``extractors`` names
    the versioned stages that produced this document.
    """

    capture_sha256: str
    text: str
    locator: str = ""
    title: str | None = None
    title_raw: str | None = None
    language: str | None = None
    published: Published | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    removed: tuple[Removed, ...] = ()
    cues: tuple[Cue, ...] = ()
    forwarded_from: str | None = None
    extractors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for cue in self.cues:
            if cue.span.end > len(self.text):
                raise ValueError(f"cue span {cue.span} lies outside the text")

    @property
    def id(self) -> str:
        return document_id(self.capture_sha256, self.locator)


# -- facts extracted from a document's text (every span points into ``Document.text``) -----


class MentionKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    UNIT = "unit"  # military units: "155th Marine Brigade", "37-я бригада", "в/ч 12345"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A name in the text. ``canonical`` is its normal form: nominative for Russian and
    Ukrainian ("Алексея Смирнова" -> "Алексей Смирнов"), without rank words or case endings."""

    span: Span
    text: str
    kind: MentionKind
    canonical: str
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place mention resolved offline against the gazetteer (GeoNames ids).

    ``precision`` says what the coordinates stand for: ``settlement`` (a populated place),
    ``admin1`` / ``admin2`` (a region's centroid) or ``country``. Unresolved names keep
    ``geonameid`` and coordinates None.
    """

    span: Span
    text: str
    name: str
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    feature: str | None = None  # GeoNames feature class.code, e.g. "P.PPLA"
    population: int | None = None
    precision: str | None = None
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribute:
    """One thing the text states about a person, with the span that states it."""

    value: str
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """One person in one document. ``key`` is local to the document ("p1"); attributes are
    None where the text does not say."""

    key: str
    name: str
    spellings: tuple[str, ...]
    mentions: tuple[Span, ...]
    role: Attribute | None = None  # soldier, official, civilian, medic, journalist...
    rank: Attribute | None = None
    unit: Attribute | None = None
    hometown: Attribute | None = None
    side: Attribute | None = None  # whose forces: "Russia", "Ukraine"
    status: Attribute | None = None  # killed, wounded, captured, missing
    extractor: str


class QuoteKind(StrEnum):
    DIRECT = "direct"
    REPORTED = "reported"


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Who said what: the content span, its speaker (a person's key when the text allows),
    and the cue ("said", "according to", "— сказал он")."""

    span: Span
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: Span | None = None
    extractor: str


class ClaimKind(StrEnum):
    KILLED = "killed"
    WOUNDED = "wounded"
    MISSING = "missing"
    CAPTURED = "captured"
    ABANDONED_BY_COMMAND = "abandoned_by_command"
    NO_EVACUATION = "no_evacuation"
    REFUSAL_TO_FIGHT = "refusal_to_fight"
    DESERTION = "desertion"
    COERCION_OR_VIOLENCE_IN_UNIT = "coercion_or_violence_in_unit"
    ABUSE_OF_PRISONERS = "abuse_of_prisoners"
    ATTACK_ON_CIVILIANS = "attack_on_civilians"
    SURRENDER = "surrender"


class Modality(StrEnum):
    """Whether a claim asserts an event: only ``asserted`` claims count as events."""

    ASSERTED = "asserted"
    HISTORICAL = "historical"  # about the past in general ("since 1945", "in the Vietnam War")
    HYPOTHETICAL = "hypothetical"  # "may rise", "could be killed", "if ..."
    DENIED = "denied"  # "no one was killed", "denied that ..."


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A typed assertion: who claims it (a person's key, or the outlet itself when
    ``claimant`` is None and ``by_source`` is true), the evidence span, and a count."""

    kind: ClaimKind
    span: Span
    text: str
    claimant: str | None = None
    by_source: bool = False
    quote: int | None = None  # index into the document's quotes when the claim is quoted
    count: Count | None = None
    modality: Modality = Modality.ASSERTED
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """A date the text mentions, resolved against the publication date, as a range."""

    span: Span
    text: str
    start: datetime
    end: datetime
    precision: Precision
    extractor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """Everything extracted from one document."""

    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    dates: tuple[EventDate, ...] = ()
