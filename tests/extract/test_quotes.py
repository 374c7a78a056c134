"""extract.quotes: direct and reported speech with speakers, EN/RU/UK.

The sentences and speakers are made up, except the real sample read from ../shared."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import ingest
from crosscheck.evaluate.predictors import predict_quotes
from crosscheck.extract.analysis import Analyzer
from crosscheck.extract.quotes import NAME, find_quotes
from crosscheck.extract.speech import marked_quotes
from crosscheck.ingest.files import Input, inputs
from crosscheck.model import Capture, Document, Person, Quote, QuoteKind, Span


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


def _quotes(text: str, language: str, people: tuple[Person, ...] = ()) -> list[Quote]:
    document = Document(capture_sha256="0" * 64, text=text, language=language)
    return find_quotes(document, _analyzer()(document), people)


def _said(text: str, span: Span | None) -> str | None:
    return text[span.start : span.end] if span else None


# language, text, quoted content (in marks), speaker as written
MARKS = [
    ("en", 'Ivan Petrenko said: "We held the bridge until the morning came."',
     "We held the bridge until the morning came.", "Ivan Petrenko"),
    ("en", "\u201cWe held the bridge until the morning,\u201d said Ivan Petrenko.",
     "We held the bridge until the morning,", "Ivan Petrenko"),
    ("en", "'We held the bridge until the morning,' Petrenko said.",
     "We held the bridge until the morning,", "Petrenko"),
    ("en", "Maria Lind wrote: \u2018Nobody came for the wounded that night.\u2019",
     "Nobody came for the wounded that night.", "Maria Lind"),
    ("en", 'Petrenko wrote: " I called for a truck . Nobody answered my calls ."',
     "I called for a truck . Nobody answered my calls .", "Petrenko"),
    ("ru", "«Мы остались без связи и без воды», — говорит Петренко.",
     "Мы остались без связи и без воды", "Петренко"),
    ("ru", "Петренко сказал: \u201eМы остались без связи и без воды\u201c.",
     "Мы остались без связи и без воды", "Петренко"),
    ("ru", "— Мы остались без связи и без воды, — говорит Петренко.",
     "Мы остались без связи и без воды", "Петренко"),
    ("uk", "«Ми залишилися без зв'язку і без води», — каже Петренко.",
     "Ми залишилися без зв'язку і без води", "Петренко"),
    ("uk", "— Ми залишилися без зв'язку і без води, — каже Петренко.",
     "Ми залишилися без зв'язку і без води", "Петренко"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "content", "speaker"), MARKS)
def test_find_quotes_direct_in_every_mark_style(
    language: str, text: str, content: str, speaker: str
) -> None:
    quotes = [q for q in _quotes(text, language) if q.kind is QuoteKind.DIRECT]
    assert [q.text for q in quotes] == [content]
    assert _said(text, quotes[0].speaker_span) == speaker
    assert quotes[0].extractor == NAME


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", '"The shelling began at dawn," said Ivan Petrenko. "Then the lights went out."'),
        ("ru", "«Обстрел начался на рассвете», — сказал Петренко, — «потом погас свет и связь»."),
    ],
)
def test_find_quotes_interrupted_quote_is_two_quotes_of_one_speaker(
    language: str, text: str
) -> None:
    quotes = [q for q in _quotes(text, language) if q.kind is QuoteKind.DIRECT]
    assert len(quotes) == 2
    assert {_said(text, q.speaker_span) for q in quotes} == {_said(text, quotes[0].speaker_span)}
    assert "Петренко" in text or _said(text, quotes[0].speaker_span) == "Ivan Petrenko"


# language, text, reported content, speaker as written in place
REPORTED = [
    ("en", "Ivan Petrenko said that the battalion had lost half of its men.",
     "the battalion had lost half of its men", "Ivan Petrenko"),
    ("en", "Maria Lind claims the convoy never reached the village.",
     "the convoy never reached the village", "Maria Lind"),
    ("en", "According to the regional governor, five people died in the strike.",
     "five people died in the strike", "the regional governor"),
    ("ru", "Петренко заявил, что батальон потерял половину личного состава.",
     "батальон потерял половину личного состава", "Петренко"),
    ("ru", "По словам губернатора, при обстреле погибли пять человек.",
     "при обстреле погибли пять человек", "губернатора"),
    ("uk", "За словами губернатора, під час обстрілу загинули п'ятеро людей.",
     "під час обстрілу загинули п'ятеро людей", "губернатора"),
    ("uk", "Петренко стверджує, що батальйон втратив половину особового складу.",
     "батальйон втратив половину особового складу", "Петренко"),
    ("uk", "Як повідомив губернатор, під час обстрілу загинули троє людей.",
     "під час обстрілу загинули троє людей", "губернатор"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "content", "speaker"), REPORTED)
def test_find_quotes_reported_speech(language: str, text: str, content: str, speaker: str) -> None:
    quotes = [q for q in _quotes(text, language) if q.kind is QuoteKind.REPORTED]
    assert content in [q.text for q in quotes]
    quote = next(q for q in quotes if q.text == content)
    assert _said(text, quote.speaker_span) == speaker


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", 'Ivan Petrenko left the trench. "Nobody came for us at all," he said.',
         "Ivan Petrenko"),
        ("ru", "Мария Лінд вышла к дороге. «Никто за нами не приехал», — сказала она.",
         "Мария Лінд"),
    ],
)  # fmt: skip
def test_find_quotes_pronoun_speaker_resolves_to_person(
    language: str, text: str, name: str
) -> None:
    start = text.index(name)
    person = Person(key="p1", name=name, spellings=(name,),
                    mentions=(Span(start, start + len(name)),), extractor="test")  # fmt: skip
    quote = next(q for q in _quotes(text, language, (person,)) if q.kind is QuoteKind.DIRECT)
    assert quote.speaker == "p1"
    assert _said(text, quote.speaker_span) == name


def test_find_quotes_english_pronoun_agrees_with_first_name() -> None:
    text = ('Maria Lind met Ivan Petrenko at the checkpoint. "Nobody came for the wounded," '
            "she said.")  # fmt: skip
    people = tuple(
        Person(key=name, name=name, spellings=(name,), extractor="test",
               mentions=(Span(text.index(name), text.index(name) + len(name)),))
        for name in ("Maria Lind", "Ivan Petrenko")
    )  # fmt: skip
    (quote,) = _quotes(text, "en", people)
    assert quote.speaker == "Maria Lind"


def test_find_quotes_long_description_before_the_cue() -> None:
    text = ('"The shelling began at dawn," Ivan Petrenko, a medic with the 25th brigade who '
            'served near Avdiivka, said in an interview. "Then the lights went out."')  # fmt: skip
    (quote,) = predict_quotes(text, "en")
    assert len(quote.content) == 2
    assert [text[s.start : s.end] for s in quote.source] == ["Ivan Petrenko"]


def test_find_quotes_quoted_phrase_inside_reported_speech() -> None:
    text = 'Petrenko said the brigade had "no chance at all" of holding the bridge.'
    (quote,) = _quotes(text, "en")
    assert quote.kind is QuoteKind.REPORTED
    assert quote.text == 'the brigade had "no chance at all" of holding the bridge'


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("He isn't sure the soldiers' rations arrived.", 0),  # apostrophes, not marks
        ("Its so-called 'meat grinder' tactics.", 1),  # marked; dropped by find_quotes
        ('A "long quote that never closes', 1),
        ("''We held the bridge,'' he said.", 1),  # two apostrophes as one mark
    ],
)
def test_marked_quotes_apostrophes_and_unclosed(text: str, count: int) -> None:
    assert len(marked_quotes(text, "en")) == count


def test_find_quotes_scare_quotes_are_not_quotes() -> None:
    assert _quotes("Its infamous \u201cmeat grinder\u201d tactics drew notice.", "en") == []


def test_predict_quotes_keeps_the_pronoun_as_source() -> None:
    text = 'Ivan Petrenko left. "Nobody came for us at all," he said.'
    (quote,) = predict_quotes(text, "en")
    assert [text[s.start : s.end] for s in quote.source] == ["he"]


# --- the real sample ---------------------------------------------------------------------


def _sample(shared: Path, name: str) -> Document:
    path = shared / "samples" / "smirnov" / name
    if not path.exists():
        pytest.skip(f"{name} is absent")
    (item,) = inputs([str(path)], max_bytes=10**8)
    assert isinstance(item, Input)
    captures = ingest.captures(item, captured_at=None, max_bytes=10**8)
    documents = [d for c in captures if isinstance(c, Capture) for d in ingest.documents(c)]
    return next(d for d in documents if "Смирнов" in d.text or "Smirnov" in d.text)


def _smirnov(document: Document) -> Person:
    analysis = _analyzer()(document)
    spans = tuple(e.span for e in analysis.entities if e.label == "PER" and
                  "мирнов" in document.text[e.span.start : e.span.end].lower() or
                  "Smirnov" in document.text[e.span.start : e.span.end])  # fmt: skip
    return Person(key="smirnov", name="Smirnov", spellings=(), mentions=spans, extractor="test")


@pytest.mark.parametrize(
    ("name", "direct"),
    [
        ("000_324805f2c092eb77.txt", 4),
        ("telegram-export/result.json", 3),
        ("ua-news-page.html", 3),
    ],
)
def test_find_quotes_real_sample_attributes_quotes_to_smirnov(
    shared: Path, name: str, direct: int
) -> None:
    document = _sample(shared, name)
    person = _smirnov(document)
    quotes = find_quotes(document, _analyzer()(document), (person,))
    said = [q for q in quotes if q.kind is QuoteKind.DIRECT]
    assert len(said) == direct
    assert all(q.speaker == "smirnov" for q in said)


def test_find_quotes_real_sample_reported_claim(shared: Path) -> None:
    document = _sample(shared, "000_324805f2c092eb77.txt")
    quotes = find_quotes(document, _analyzer()(document), (_smirnov(document),))
    claim = next(q for q in quotes if q.text.startswith("he called for evacuation"))
    assert claim.kind is QuoteKind.REPORTED
    assert claim.speaker == "smirnov"


# --- properties --------------------------------------------------------------------------

_MARKS = st.sampled_from(list("\"\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019'\u2014 ,.:\n"))
_TEXT = st.lists(st.one_of(_MARKS, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=_TEXT, language=st.sampled_from(["en", "ru", "uk"]))
def test_find_quotes_spans_slice_to_their_text(text: str, language: str) -> None:
    for quote in _quotes(text, language):
        assert 0 <= quote.span.start <= quote.span.end <= len(text)
        assert text[quote.span.start : quote.span.end] == quote.text
        for span in (quote.speaker_span, quote.cue):
            assert span is None or span.end <= len(text)


# --- reported speech the parse attaches otherwise ----------------------------------------

# text, reported content (a part of it), speaker as written in place (None: nobody named)
ENGLISH_REPORTED = [
    # a clause before its cue, parted by a comma
    ("The bridge was held until the morning, the commander said.",
     "The bridge was held until the morning", "the commander"),
    # a parenthetical cue inside the sentence it reports
    ("The convoy, the governor said, never reached the village.",
     "never reached the village", "the governor"),
    ("As Reuters reported on Monday, the convoy never reached the village.",
     "the convoy never reached the village", "Reuters"),
    # a passive with its agent
    ("The strike on the depot was first reported by the regional governor.",
     "The strike on the depot", "the regional governor"),
    # a topic phrase
    ("Officials warned of further strikes on the power grid.",
     "further strikes on the power grid", "Officials"),
    # the speaker of a participle or infinitive is the subject of the clause above it
    ("The governor spoke on Monday, saying the convoy never reached the village.",
     "the convoy never reached the village", "The governor"),
    ("The villagers were quick to note that the convoy never came.",
     "the convoy never came", "The villagers"),
    # several complement clauses of one cue
    ("The ministry said that the convoy had left, that it carried food and that it never "
     "arrived.", "it never arrived", "The ministry"),
    # attribution nouns, adjectives and judgments
    ("The allegations that the unit abandoned its wounded were denied.",
     "the unit abandoned its wounded", None),
    ("Petrenko's claims of abuse in the unit were investigated.", "abuse in the unit",
     "Petrenko"),
    ("The mayor expressed confidence that the water supply would be restored.",
     "the water supply would be restored", "The mayor"),
    ("The commander was confident that the line would hold.", "the line would hold",
     "The commander"),
    ("The general had the longer record, but was seen as a cautious commander.",
     "a cautious commander", None),
    ("According to a report by the regional health ministry, five people died.",
     "five people died", "a report by the regional health ministry"),
    ("Five people died, according to officials in the regional administration, who spoke on "
     "condition of anonymity.", "Five people died", "officials in the regional administration"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "speaker"), ENGLISH_REPORTED)
def test_find_quotes_english_reported_speech(text: str, content: str, speaker: str | None) -> None:
    quote = next(q for q in _quotes(text, "en") if content in q.text)
    assert quote.kind is QuoteKind.REPORTED
    assert _said(text, quote.speaker_span) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The aid was distributed according to a fixed schedule.",  # not attribution
        '"We held the bridge," Petrenko told Reuters on Monday.',  # Reuters is not content
        "Think about your families and your children.",  # an appeal
    ],
)
def test_find_quotes_no_reported_speech(text: str) -> None:
    assert [q for q in _quotes(text, "en") if q.kind is QuoteKind.REPORTED] == []


def test_find_quotes_nested_speech_is_the_outer_speakers() -> None:
    text = "Petrenko said the commander told them that nobody would come for the wounded."
    (quote,) = _quotes(text, "en")
    assert _said(text, quote.speaker_span) == "Petrenko"
    assert quote.text.startswith("the commander told them")


def test_find_quotes_reported_speech_stays_in_its_paragraph() -> None:
    text = "Petrenko says the convoy never came\nKYIV (Reuters) - The ministry denied the report."
    quote = next(q for q in _quotes(text, "en") if q.speaker_span and q.cue)
    assert quote.text == "the convoy never came"
    assert _said(text, quote.speaker_span) == "Petrenko"


# --- direct speech -------------------------------------------------------------------------

# text, quoted content, speaker as written in place
ENGLISH_DIRECT = [
    # a direct quote whose remark names nobody takes the reported clause's speaker
    ('The brigade said in a statement that "the bridge was destroyed at dawn and nobody was '
     'hurt."', "the bridge was destroyed at dawn and nobody was hurt.", "The brigade"),
    # a sentence after the quote that only says who spoke it
    ('"Why did nobody come for us?" Petrenko fumed.', "Why did nobody come for us?",
     "Petrenko"),
    # the verb before the quote governs it
    ('The governor called the evacuation "a complete and utter failure."',
     "a complete and utter failure.", "The governor"),
    # the sentence before the quote only says who speaks
    ('Maria Lind, a nurse from Kharkiv, agreed. "Nobody came for the wounded that night."',
     "Nobody came for the wounded that night.", "Maria Lind"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "speaker"), ENGLISH_DIRECT)
def test_find_quotes_english_direct_speech(text: str, content: str, speaker: str) -> None:
    (quote,) = _quotes(text, "en")
    assert (quote.kind, quote.text) == (QuoteKind.DIRECT, content)
    assert _said(text, quote.speaker_span) == speaker


def test_predict_quotes_paragraph_of_quote_continues_the_previous_speaker() -> None:
    text = ('"We held the bridge," said Ivan Petrenko.\n\n'
            '"Then the shelling started again and nobody came for the wounded."')  # fmt: skip
    (quote,) = predict_quotes(text, "en")
    assert len(quote.content) == 2
    assert [text[s.start : s.end] for s in quote.source] == ["Ivan Petrenko"]


def test_find_quotes_transcript_turns() -> None:
    text = '"PETRENKO: We held the bridge until dawn. REPORTER: And then? PETRENKO: Nobody came."'
    quotes = _quotes(text, "en")
    assert [(q.text, _said(text, q.speaker_span)) for q in quotes] == [
        ("We held the bridge until dawn.", "PETRENKO"),
        ("And then?", "REPORTER"),
        ("Nobody came.", "PETRENKO"),
    ]
