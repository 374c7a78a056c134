"""A synthetic, seeded world of conflict reporting for ``benchmarks/link.py``.

Nothing here is real: places, outlets, units, people and words are made up from syllables, with
the shapes that decide what linking costs:

- 20,000 settlements (GeoNames-like ids, country and region) and 20,000 villages the gazetteer
  does not know, chosen with Zipf-like popularity, so a few places are named all the time;
- 2,000 outlets, 3,000 units, 500 organisations, 100 officials named in many reports;
- soldiers named from ~250 first names and 60,000 surnames (both Zipf-like), so most name keys
  appear in one to three documents and common ones in thousands;
- events spread evenly over ``SPAN_DAYS`` days, each retold by a heavy-tailed number of reports
  (most by one, some by hundreds) in English, Russian or Ukrainian, some of them copies;
- background documents that assert no claim (statements, analysis) but name places and people.

``Report`` is one document. ``document(report)`` gives the ``Document`` and ``Facts`` that real
extraction would have produced for it, and ``profile(report)`` the linking profile that
``crosscheck.link.profile.profile`` builds from them (checked by ``link.py`` on every new
document), so stored rows and new documents speak the same keys.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from crosscheck.extract.names import name_key
from crosscheck.link.profile import Figure, Profile, terms
from crosscheck.model import (
    Attribute,
    Capture,
    Claim,
    ClaimKind,
    Count,
    Document,
    EventDate,
    Facts,
    Mention,
    MentionKind,
    Person,
    Place,
    Precision,
    Published,
    Span,
)

SPAN_START = datetime(2022, 2, 24, tzinfo=UTC)
SPAN_DAYS = 1735  # to late 2026
LANGUAGES = ("en", "ru", "uk")
_LANGUAGE_WEIGHTS = (0.4, 0.35, 0.25)
KINDS: tuple[tuple[ClaimKind, float], ...] = (
    (ClaimKind.KILLED, 0.3), (ClaimKind.WOUNDED, 0.25), (ClaimKind.ATTACK_ON_CIVILIANS, 0.1),
    (ClaimKind.CAPTURED, 0.08), (ClaimKind.MISSING, 0.07), (ClaimKind.DESERTION, 0.04),
    (ClaimKind.ABANDONED_BY_COMMAND, 0.03), (ClaimKind.NO_EVACUATION, 0.03),
    (ClaimKind.REFUSAL_TO_FIGHT, 0.03), (ClaimKind.COERCION_OR_VIOLENCE_IN_UNIT, 0.03),
    (ClaimKind.ABUSE_OF_PRISONERS, 0.02), (ClaimKind.SURRENDER, 0.02),
)  # fmt: skip
EXTRACTOR = "benchmark.synthetic.v1"
_FIGURES = (1, 2, 3, 4, 5, 7, 12, 20)
#: share of documents that report no event (no asserted claim)
BACKGROUND = 0.3
#: share of an event's later reports that are copies of an earlier one
COPIES = 0.08
#: distinctive words per language (three syllables: at most 7 letters, so a word is its stem)
WORDS = 12_000
_GLUE = {
    "en": ("the", "in", "and", "of", "said", "was", "on", "that", "with", "from"),
    "ru": ("и", "в", "на", "что", "по", "как", "это", "не", "он", "из"),
    "uk": ("і", "в", "на", "що", "як", "це", "не", "він", "з", "та"),
}
_LATIN = "ka lo mi ra ne so tu vi de po ri sa no le ta ve zu ko ma li ro pe du ba go ni ly sh"
_CYRILLIC = "ка ло ми ра не со ту ви де по ри са но ле та ве зу ко ма ли ро пе ду ба го ни лы ш"
_SURNAME_ENDS = ("enko", "ov", "ev", "in", "uk", "chuk", "ko", "sky", "ets", "yak", "ak", "ych")
_PLACE_ENDS = ("ivka", "ove", "ske", "ne", "yn", "ka", "sk", "grad", "pil", "ets")
_FIRST_NAMES = [
    *("Aleksandr", "Sergei", "Dmitri", "Andrei", "Aleksei", "Maksim", "Ivan", "Mikhail"),
    *("Nikolai", "Vladimir", "Yuri", "Oleg", "Viktor", "Pavel", "Roman", "Igor", "Denis"),
    *("Artem", "Anton", "Evgeni", "Vasili", "Petr", "Bogdan", "Taras", "Stepan", "Mykola"),
    *("Vitali", "Ruslan", "Konstantin", "Valeri", "Anatoli", "Boris", "Gennadi", "Kirill"),
    *("Leonid", "Stanislav", "Timur", "Vadim", "Grigori", "Fedor", "Ilya", "Yaroslav"),
    *("Arseni", "Danil", "Egor", "Matvei", "Nikita", "Semen", "Georgi", "Lev"),
]


def zipf_weights(n: int, exponent: float) -> list[float]:
    """Cumulative Zipf weights for ``random.choices(..., cum_weights=...)``."""
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, n + 1)))


@dataclass(frozen=True, slots=True)
class Settlement:
    geonameid: int
    name: str
    country: str
    admin1: str


@dataclass(frozen=True, slots=True)
class Name:
    display: str
    key: str


@dataclass(slots=True)
class Vocabulary:
    """Every name the world uses, with its popularity."""

    settlements: list[Settlement]
    villages: list[Name]
    sources: list[str]
    units: list[tuple[str, str]]  # ("37th Brigade", "37 brihade")
    organisations: list[Name]
    officials: list[tuple[Name, Name]]  # (first, surname)
    first_names: list[Name]
    surnames: list[Name]
    words: dict[str, list[str]]
    weights: dict[str, list[float]] = field(default_factory=dict)

    def pick(self, rng: random.Random, table: str) -> int:
        weights = self.weights[table]
        return bisect.bisect(weights, rng.random() * weights[-1])


def vocabulary(seed: int) -> Vocabulary:
    """The world's names, the same for a given seed."""
    rng = random.Random(seed)
    latin, cyrillic = _LATIN.split(), _CYRILLIC.split()
    surnames = _made_up(rng, latin, 3, _SURNAME_ENDS, 60_000)
    places = _made_up(rng, latin, 3, _PLACE_ENDS, 40_000)
    firsts = _FIRST_NAMES + _made_up(rng, latin, 2, ("", "o", "an", "ei"), 200)
    vocab = Vocabulary(
        settlements=[
            Settlement(700_000 + i, name.title(), "UA" if i % 5 else "RU", f"{1 + i % 27:02d}")
            for i, name in enumerate(places[:20_000])
        ],
        villages=[_name(place) for place in places[20_000:]],
        sources=[f"{word}-news.example" for word in _made_up(rng, latin, 3, ("",), 2_000)],
        units=[_unit(rng.randrange(1, 1000), rng) for _ in range(3_000)],
        organisations=[_name(w.upper()) for w in _made_up(rng, latin, 2, ("",), 500)],
        officials=[],
        first_names=[_name(f) for f in firsts],
        surnames=[_name(s) for s in surnames],
        words={
            "en": _made_up(rng, latin, 3, ("",), WORDS),
            "ru": _made_up(rng, cyrillic, 3, ("",), WORDS),
            "uk": _made_up(rng, cyrillic, 3, ("",), WORDS),
        },
    )
    vocab.officials = [
        (vocab.first_names[rng.randrange(50)], vocab.surnames[rng.randrange(60_000)])
        for _ in range(100)
    ]
    for table, size, exponent in (
        ("settlements", 20_000, 1.0), ("villages", 20_000, 0.8), ("sources", 2_000, 1.0),
        ("units", 3_000, 0.9), ("organisations", 500, 1.0), ("officials", 100, 1.0),
        ("first_names", len(vocab.first_names), 1.0), ("surnames", 60_000, 0.7),
        ("words", WORDS, 0.6),
    ):  # fmt: skip
        vocab.weights[table] = zipf_weights(size, exponent)
    return vocab


def _made_up(
    rng: random.Random, syllables: Sequence[str], length: int, ends: Sequence[str], count: int
) -> list[str]:
    if count > len(syllables) ** length * len(ends):
        raise ValueError(f"cannot make {count} distinct words of {length} syllables")
    found: dict[str, None] = {}
    while len(found) < count:
        word = "".join(rng.choice(syllables) for _ in range(length)) + rng.choice(ends)
        found.setdefault(word, None)
    return list(found)


def _name(word: str) -> Name:
    display = word[:1].upper() + word[1:]
    return Name(display, name_key(display))


def _unit(number: int, rng: random.Random) -> tuple[str, str]:
    noun = rng.choice(("Brigade", "Regiment", "Battalion", "Division"))
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix} {noun}", f"{number} {name_key(noun)}"


# -- events and reports ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Someone:
    """A person as a report names them."""

    first: Name | None
    surname: Name
    hometown: str | None = None
    unit: str | None = None

    @property
    def display(self) -> str:
        return (
            f"{self.first.display} {self.surname.display}" if self.first else self.surname.display
        )

    @property
    def key(self) -> str:
        return f"{self.first.key} {self.surname.key}" if self.first else self.surname.key


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or, with no kinds, a background story) and what tells it."""

    day: int
    settlement: Settlement | None
    village: Name | None
    kinds: tuple[ClaimKind, ...]
    figures: tuple[tuple[ClaimKind, int], ...]
    people: tuple[Someone, ...]
    unit: tuple[str, str] | None
    organisation: Name | None
    words: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Report:
    """One document: an event as one outlet tells it."""

    index: int  # the document's number in the world: its capture bytes are made from it
    event: Event
    language: str
    source: str
    published: datetime
    timing: str  # "day": an exact event date; "lookback": none (publication); "long": months
    people: tuple[Someone, ...]
    settlement: Settlement | None
    village: Name | None
    unit: tuple[str, str] | None
    organisation: Name | None
    words: tuple[str, ...]  # distinctive words of the text, with repeats
    long: bool = False  # a full article (new documents, originals of copies)


def event(vocab: Vocabulary, rng: random.Random, *, background: bool) -> Event:
    day = rng.randrange(SPAN_DAYS)
    kinds: tuple[ClaimKind, ...] = ()
    if not background:
        chosen = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS], k=2)
        kinds = tuple(sorted(set(chosen[: 1 + (rng.random() < 0.3)])))
    people = [_soldier(vocab, rng) for _ in range(rng.choice((0, 1, 1, 2)) if kinds else 0)]
    if rng.random() < (0.3 if kinds else 0.7):
        first, surname = vocab.officials[vocab.pick(rng, "officials")]
        people.append(Someone(first, surname))
    words = {
        lang: tuple(vocab.words[lang][vocab.pick(rng, "words")] for _ in range(12))
        for lang in LANGUAGES
    }
    settlement = vocab.settlements[vocab.pick(rng, "settlements")] if rng.random() < 0.8 else None
    village = vocab.villages[vocab.pick(rng, "villages")] if rng.random() < 0.15 else None
    figures = tuple((k, rng.choice(_FIGURES)) for k in kinds[:1] if rng.random() < 0.6)
    unit = vocab.units[vocab.pick(rng, "units")] if kinds and rng.random() < 0.4 else None
    named = rng.random() < 0.4
    return Event(
        day=day, settlement=settlement, village=village, kinds=kinds, figures=figures,
        people=tuple(people), unit=unit, words=words,
        organisation=vocab.organisations[vocab.pick(rng, "organisations")] if named else None,
    )  # fmt: skip


def _soldier(vocab: Vocabulary, rng: random.Random) -> Someone:
    first = vocab.first_names[vocab.pick(rng, "first_names")] if rng.random() < 0.9 else None
    surname = vocab.surnames[vocab.pick(rng, "surnames")]
    hometown = (
        vocab.settlements[vocab.pick(rng, "settlements")].name if rng.random() < 0.3 else None
    )
    return Someone(first, surname, hometown=hometown)


def reports_per_event(rng: random.Random) -> int:
    """Heavy-tailed: most events are told once, a few hundreds of times."""
    return min(300, int(rng.paretovariate(1.3)))


def report(
    vocab: Vocabulary, rng: random.Random, happened: Event, index: int, *, long: bool = False
) -> Report:
    language = rng.choices(LANGUAGES, weights=_LANGUAGE_WEIGHTS)[0]
    timing = rng.choices(("day", "lookback", "long"), weights=(0.6, 0.3, 0.1))[0]
    published = SPAN_START + timedelta(days=happened.day + rng.choice((0, 0, 1, 2)),
                                       seconds=rng.randrange(86_400))  # fmt: skip
    keep = 0.75
    background_words = [
        vocab.words[language][vocab.pick(rng, "words")] for _ in range(40 if long else 8)
    ]
    event_words = [w for w in happened.words[language] if rng.random() < keep]
    return Report(
        index=index, event=happened, language=language,
        source=vocab.sources[vocab.pick(rng, "sources")], published=published, timing=timing,
        people=tuple(p for p in happened.people if rng.random() < 0.85),
        settlement=happened.settlement if rng.random() < 0.9 else None,
        village=happened.village if rng.random() < 0.9 else None,
        unit=happened.unit if rng.random() < 0.8 else None,
        organisation=happened.organisation if rng.random() < 0.7 else None,
        words=tuple(event_words * (3 if long else 1) + background_words), long=long,
    )  # fmt: skip


def copy_of(original: Report, index: int, source: str, published: datetime) -> Report:
    """Another outlet republishing ``original`` word for word (a new dateline and tail)."""
    return Report(
        index=index, event=original.event, language=original.language, source=source,
        published=published, timing=original.timing, people=original.people,
        settlement=original.settlement, village=original.village, unit=original.unit,
        organisation=original.organisation, words=original.words, long=original.long,
    )  # fmt: skip


# -- what extraction and linking make of a report ------------------------------------------


def capture(item: Report, text: str) -> Capture:
    # the capture's bytes are the text plus the document number: distinct even for copies
    content = f"{text}\n#{item.index}".encode()
    captured_at = item.published + timedelta(hours=6)
    return Capture.of(content, media_type="text/plain", captured_at=captured_at,
                      path=f"synthetic/{item.index}.txt")  # fmt: skip


def time_of(item: Report) -> tuple[datetime, datetime] | None:
    """The event date the text states: one day, none, or months."""
    day = SPAN_START + timedelta(days=item.event.day)
    if item.timing == "day":
        return day, day + timedelta(days=1, microseconds=-1)
    if item.timing == "long":
        return day - timedelta(days=90), day + timedelta(days=1, microseconds=-1)
    return None


class _Text:
    """A text being written, with the spans of what it names."""

    def __init__(self, language: str) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.glue = _GLUE[language]

    def add(self, words: str) -> Span:
        start = self.length
        self.parts.append(words)
        self.length += len(words)
        return Span(start, self.length)

    def sentence(self, *pieces: str) -> None:
        self.add(" ".join(pieces) + ". ")

    def value(self) -> str:
        return "".join(self.parts)


def document(item: Report, copy: bool = False) -> tuple[Capture, Document, Facts]:
    """The stored document and the facts extraction would have found in it."""
    text = _Text(item.language)
    glue = text.glue
    if copy:
        text.add(f"{item.source.upper()} - ")
    mentions: list[Mention] = []
    places: list[Place] = []
    people: list[Person] = []
    claims: list[Claim] = []
    dates: list[EventDate] = []
    if item.settlement is not None:
        text.add(f"{glue[1]} ")
        place = item.settlement
        span = text.add(place.name)
        text.add(". ")
        places.append(Place(span=span, text=place.name, name=place.name, geonameid=place.geonameid,
                            country=place.country, admin1=place.admin1, feature="P.PPL",
                            precision="settlement", extractor=EXTRACTOR))  # fmt: skip
    if item.village is not None:
        text.add(f"{glue[1]} ")
        span = text.add(item.village.display)
        text.add(". ")
        places.append(Place(span=span, text=item.village.display, name=item.village.display,
                            extractor=EXTRACTOR))  # fmt: skip
    for number, someone in enumerate(item.people, start=1):
        people.append(_person(text, someone, number, mentions))
    for kind in item.event.kinds:
        figure = dict(item.event.figures).get(kind)
        count = None if figure is None else Count(best=figure, phrase=str(figure), rule="digits")
        span = text.add(f"{figure or ''} {kind.value}".strip())
        text.add(". ")
        claims.append(Claim(kind=kind, span=span, text=text.value()[span.start : span.end],
                            by_source=True, count=count, extractor=EXTRACTOR))  # fmt: skip
    when = time_of(item)
    if when is not None:
        span = text.add(when[0].date().isoformat())
        text.add(". ")
        precision = Precision.DAY if item.timing == "day" else Precision.MONTH
        dates.append(EventDate(span=span, text=text.value()[span.start : span.end], start=when[0],
                               end=when[1], precision=precision, extractor=EXTRACTOR))  # fmt: skip
    for label, canonical, named in _named(item):
        span = text.add(label)
        text.add(". ")
        mentions.append(Mention(span=span, text=label, kind=named, canonical=canonical,
                                extractor=EXTRACTOR))  # fmt: skip
    for start in range(0, len(item.words), 6):
        text.sentence(glue[0], *item.words[start : start + 6], glue[2], glue[3])
    if copy:
        text.add("Republished with permission.")
    body = text.value()
    made = capture(item, body)
    published = Published(start=item.published, end=item.published, precision=Precision.SECOND,
                          phrase=item.published.isoformat(), method="metadata")  # fmt: skip
    doc = Document(capture_sha256=made.sha256, text=body, language=item.language,
                   title=f"{item.source} {item.index}", source=item.source, published=published,
                   extractors=(EXTRACTOR,))  # fmt: skip
    facts = Facts(mentions=tuple(mentions), places=tuple(places), people=tuple(people),
                  claims=tuple(claims), dates=tuple(dates))  # fmt: skip
    return made, doc, facts


def _person(text: _Text, someone: Someone, number: int, mentions: list[Mention]) -> Person:
    span = text.add(someone.display)
    mentions.append(Mention(span=span, text=someone.display, kind=MentionKind.PERSON,
                            canonical=someone.display, extractor=EXTRACTOR))  # fmt: skip
    hometown = None
    if someone.hometown:
        text.add(f" {text.glue[9]} ")
        hometown = Attribute(value=someone.hometown, span=text.add(someone.hometown))
    text.add(f" {text.glue[4]}. ")
    return Person(key=f"p{number}", name=someone.display, spellings=(), mentions=(span,),
                  hometown=hometown, extractor=EXTRACTOR)  # fmt: skip


def _named(item: Report) -> list[tuple[str, str, MentionKind]]:
    found = []
    if item.unit is not None:
        found.append((item.unit[0], item.unit[0], MentionKind.UNIT))
    if item.organisation is not None:
        name = item.organisation.display
        found.append((name, name, MentionKind.ORGANIZATION))
    return found


def profile(document_id: str, item: Report, text: str) -> Profile:
    """The linking profile of a report, built directly (what ``link.profile.profile`` makes of
    ``document(item)``, without reading the facts again)."""
    when = time_of(item)
    start, end = when if when else (item.published - timedelta(days=14), item.published)
    place, village = item.settlement, item.village
    return Profile(
        document_id=document_id,
        language=item.language,
        source=item.source,
        published=item.published,
        start=start,
        end=end,
        people=frozenset(p.key for p in item.people if p.first is not None),
        units=frozenset([item.unit[1]] if item.unit else []),
        places=frozenset([place.geonameid] if place else []),
        toponyms=frozenset([village.key] if village and len(village.key) >= 4 else []),
        regions=frozenset([f"{place.country}.{place.admin1}"] if place else []),
        names=frozenset([item.organisation.key] if item.organisation else []),
        kinds=frozenset(str(k) for k in item.event.kinds),
        figures=tuple(Figure(str(k), None, n, None) for k, n in item.event.figures),
        terms=terms(text, item.language),
    )  # fmt: skip
