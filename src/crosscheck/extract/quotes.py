"""Who said what: direct and reported speech with its cue and speaker, in EN/RU/UK.

A rule-based cascade in the manner of GenderGapTracker's extractor (its approach, not its
code), over the shared ``Analysis``:

1. **Marked quotes** (``speech.marked_quotes``): text between quote marks of any style, and
   Russian/Ukrainian dialogue lines. The cue is a speech verb in the remark right after the
   quote (``"...," he said``, ``«...», — говорит Смирнов``), else the last speech verb in the
   same sentence before it (``He warns his fellow citizens: "..."``); an introduction ending in
   ":" names the speaker even without a speech verb.
2. **Continuations**: an interrupted quote (``"...," he said. "..."``) yields two quotes; the
   second, and any marked quote without a cue of its own, takes the speaker of the previous
   attributed quote in the same line when no other person is named between them.
3. **Reported speech**: a speech verb's complement clause (``ccomp``; ", что/що/that ..." on
   the surface) outside quote marks, speaker the verb's subject.
4. **Attribution phrases**: "according to X", "по словам X", "за його словами", "как сообщил
   X": the rest of the sentence is the content, X the speaker.
5. **Speakers**: a pronoun or a description ("he", "она", "військовий", "the soldier") resolves
   to the nearest preceding person mention of agreeing gender (no coreference model: a
   heuristic); the key is the person whose mentions overlap the span, else whose name shares a
   word with it. "I"/"we" stay unresolved.

Marked quotes under four words with no cue are dropped: they are scare quotes ("meat grinder").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from crosscheck.evaluate.quotes import QuoteSpans
from crosscheck.evaluate.task import PREDICTORS
from crosscheck.extract.analysis import Analysis, Analyzer, Token
from crosscheck.extract.cues import (
    is_cue,
    name_span,
    relative_antecedent,
    reported_clause,
    source_of,
    trim,
)
from crosscheck.extract.rules.quote_cues import (
    DESCRIPTIONS,
    FEMININE,
    FIRST_PERSON,
    MASCULINE,
    PRONOUNS,
    first_name_gender,
)
from crosscheck.extract.speech import Marked, according_phrases, marked_quotes
from crosscheck.model import Document, Person, Quote, QuoteKind, Span

__all__ = ["NAME", "Speech", "find_quotes", "find_speech", "predict_quotes"]

NAME = "extract.quotes.v2"
_MIN_UNCUED_WORDS = 4
_LABEL_WORDS = 6  # a speaker label before a colon ('Jeremy Lott, author:') is this short
_REMARK_WORDS = 3  # a cue counts as the quote's remark within this many words after it


@dataclass(frozen=True, slots=True)
class Speech:
    """One attribution as the text writes it: ``source`` is the span naming the speaker in
    place (a pronoun stays a pronoun); ``find_quotes`` resolves it to a person."""

    content: Span
    kind: QuoteKind
    cue: Span | None = None
    source: Span | None = None


def find_speech(document: Document, analysis: Analysis) -> list[Speech]:
    """Steps 1-4 of the module docstring, in text order."""
    text = document.text
    marked = marked_quotes(text, analysis.language)
    direct = _continue(text, analysis, [_attribute(text, analysis, m, marked) for m in marked])
    direct = [s for s in direct if s.source or _words(text, s.content) >= _MIN_UNCUED_WORDS]
    reported = _reported(text, analysis, marked) + _phrased(text, analysis)
    reported = [r for r in reported if not _duplicate(r, direct)]
    found = [d for d in direct if not _embedded(d, reported)] + reported
    return sorted(found, key=lambda s: (s.content.start, s.content.end))


def find_quotes(
    document: Document, analysis: Analysis, people: Sequence[Person] = ()
) -> list[Quote]:
    """Quotes with their speakers resolved to ``people`` (keys) where the text allows."""
    mentions = _mentions(analysis, people)
    return [_quote(document.text, analysis, s, mentions, people) for s in
            find_speech(document, analysis)]  # fmt: skip


def _quote(
    text: str,
    analysis: Analysis,
    speech: Speech,
    mentions: list[tuple[Span, str | None]],
    people: Sequence[Person],
) -> Quote:
    speaker_span, key = _resolve(text, analysis, speech.source, mentions, people)
    return Quote(
        span=speech.content, text=text[speech.content.start : speech.content.end],
        kind=speech.kind, speaker=key, speaker_span=speaker_span, cue=speech.cue, extractor=NAME,
    )  # fmt: skip


# --- 1. marked quotes --------------------------------------------------------------------


def _attribute(text: str, analysis: Analysis, quote: Marked, marked: list[Marked]) -> Speech:
    after = _remark(text, analysis, quote, marked)
    cue = next((t for t in after[:_REMARK_WORDS] if is_cue(t, analysis.language)), None)
    if cue is None and text[quote.content.end - 1 : quote.content.end] == ",":
        cue = _remark_verb(analysis, after)
    region = Span(quote.outer.end, after[-1].end) if after else None
    if cue is None:
        before = _introduction(analysis, quote, marked)
        cue = _introducing_cue(text, analysis, quote, before)
        region = Span(before[0].start, quote.outer.start) if before else None
        if cue is None:
            return _colon_intro(text, analysis, quote, before)
    source = source_of(analysis, cue, region)
    return Speech(quote.content, QuoteKind.DIRECT, Span(cue.start, cue.end), source)


def _remark_verb(analysis: Analysis, after: list[Token]) -> Token | None:
    """A quote ending in a comma continues into its remark: '"...," Trump joked', or a
    speaker with a long description before the verb ('"...," Chris Weston, chief market
    strategist at IG, said in an e-mail')."""
    near = next((t for t in after[:_REMARK_WORDS] if t.pos == "VERB"), None)
    return near or next((t for t in after if is_cue(t, analysis.language)), None)


def _remark(text: str, analysis: Analysis, quote: Marked, marked: list[Marked]) -> list[Token]:
    """Word tokens after the closing mark, up to the sentence end, a line break or the next
    quote; none when the quote ends its sentence and a new one begins after it."""
    limit = next((m.outer.start for m in marked if m.outer.start >= quote.outer.end), None)
    line_end = text.find("\n", quote.outer.end)
    if line_end >= 0:
        limit = line_end if limit is None else min(limit, line_end)
    words: list[Token] = []
    for token in _tokens_from(analysis, quote.outer.end, limit):
        if token.text in (".", "!", "?", "…") and words:
            break
        if token.text[:1].isalnum():
            words.append(token)
    ends_sentence = text[quote.content.end - 1 : quote.content.end] in (".", "!", "?", "…")
    if words and ends_sentence and words[0].text[:1].isupper():
        return []
    return words


def _introducing_cue(
    text: str, analysis: Analysis, quote: Marked, before: list[Token]
) -> Token | None:
    """The last speech verb before the quote, when the introduction leads straight into it:
    it ends in ":" or ",", or the verb is among its last words ('He said "...')."""
    cue = next((t for t in reversed(before) if is_cue(t, analysis.language)), None)
    if cue is None:
        return None
    lead = text[cue.end : quote.outer.start]
    if lead.rstrip().endswith((":", ",")) or len(lead.split()) < _REMARK_WORDS:
        return cue
    return None


def _introduction(analysis: Analysis, quote: Marked, marked: list[Marked]) -> list[Token]:
    """Tokens of the quote's sentence before its opening mark, after any earlier quote."""
    earlier = max((m.outer.end for m in marked if m.outer.end <= quote.outer.start), default=0)
    first = next((t for t in analysis.tokens if t.end > quote.outer.start), None)
    if first is None:
        return []
    sentence = analysis.sentences[first.sentence].start if analysis.sentences else 0
    start = max(earlier, sentence)
    return [t for t in analysis.tokens if start <= t.start and t.end <= quote.outer.start]


def _colon_intro(text: str, analysis: Analysis, quote: Marked, before: list[Token]) -> Speech:
    """'Smirnov: "..."' names its speaker without a speech verb."""
    bare = Speech(quote.content, QuoteKind.DIRECT)
    if not before or not text[before[-1].start : quote.outer.start].rstrip().endswith(":"):
        return bare
    subject = next((t for t in before if t.dep == "nsubj"), None)
    if subject is None:
        return _label_intro(text, quote, before) or bare
    verb = analysis.tokens[subject.head]
    return Speech(
        quote.content, QuoteKind.DIRECT, Span(verb.start, verb.end), name_span(analysis, subject)
    )


def _label_intro(text: str, quote: Marked, before: list[Token]) -> Speech | None:
    """'Meghan McCain, Twitter: "..."': a short capitalised label before the colon is the
    source, the colon the cue."""
    colon = text.rindex(":", before[0].start, quote.outer.start)
    words = text[before[0].start : colon].split()
    if not words or len(words) > _LABEL_WORDS or not words[0][:1].isupper():
        return None
    source = trim(text, Span(before[0].start, colon))
    return Speech(quote.content, QuoteKind.DIRECT, Span(colon, colon + 1), source)


def _tokens_from(analysis: Analysis, start: int, limit: int | None) -> list[Token]:
    end = limit if limit is not None else len(analysis.tokens) and analysis.tokens[-1].end
    return [t for t in analysis.tokens if start <= t.start and t.end <= (end or 0)]


def _words(text: str, span: Span) -> int:
    return len(text[span.start : span.end].split())


# --- 2. continuations --------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\n")


def _continue(text: str, analysis: Analysis, found: list[Speech]) -> list[Speech]:
    """A quote without a speaker takes the previous one's, within a line, no name between."""
    result: list[Speech] = []
    for speech in found:
        previous = result[-1] if result else None
        if speech.source is None and previous is not None and previous.source is not None:
            between = Span(previous.content.end, speech.content.start)
            if not _LINE_BREAK.search(text, between.start, between.end) and not _names_between(
                analysis, between, previous.source
            ):
                speech = replace(speech, source=previous.source, cue=previous.cue)
        result.append(speech)
    return result


def _names_between(analysis: Analysis, between: Span, source: Span) -> bool:
    """Whether a person other than the one named by ``source`` is named in ``between``; a
    name in the source's own sentence describes it ('said a spokeswoman, Jennifer Rodstrom')."""
    own = _sentence_at(analysis, source.start)
    return any(
        between.start <= e.span.start < between.end and not (own.start <= e.span.start < own.end)
        for e in analysis.entities
        if e.label == "PER"
    )


# --- 3. reported speech and 4. attribution phrases ---------------------------------------


def _reported(text: str, analysis: Analysis, marked: list[Marked]) -> list[Speech]:
    found: list[Speech] = []
    for cue in (t for t in analysis.tokens if is_cue(t, analysis.language)):
        content = reported_clause(analysis, cue, text)
        if content is None or content.end <= content.start:
            continue
        content = _before_quote(text, content, marked)
        if _words(text, content) >= 2:
            source = source_of(analysis, cue)
            found.append(Speech(content, QuoteKind.REPORTED, Span(cue.start, cue.end), source))
    return found


def _before_quote(text: str, content: Span, marked: list[Marked]) -> Span:
    """A reported clause stops at a colon that introduces a direct quote ('said help never
    came: "..."'); a quoted phrase without one stays inside it."""
    for quote in marked:
        lead = text[content.start : quote.outer.start]
        if content.start < quote.outer.start < content.end and lead.rstrip().endswith(":"):
            return trim(text, Span(content.start, quote.outer.start))
    return content


def _embedded(direct: Speech, reported: list[Speech]) -> bool:
    """A quoted phrase inside reported speech is part of it ('said the campaign had "a shot"
    at winning'), unless another cue attributes it."""
    return any(
        r.content.start < direct.content.start and direct.content.end <= r.content.end + 1
        and direct.cue in (None, r.cue)
        for r in reported
    )  # fmt: skip


def _phrased(text: str, analysis: Analysis) -> list[Speech]:
    found: list[Speech] = []
    for phrase in according_phrases(text, analysis.language):
        sentence = _sentence_at(analysis, phrase.span.start)
        after = trim(text, Span(phrase.span.end, max(sentence.end, phrase.span.end)))
        before = trim(text, Span(sentence.start, phrase.span.start))
        content = after if _words(text, after) >= 3 or after.start == after.end == 0 else before
        if content.end > content.start:
            found.append(Speech(content, QuoteKind.REPORTED, phrase.cue, phrase.source))
    return found


def _sentence_at(analysis: Analysis, offset: int) -> Span:
    for sentence in analysis.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return Span(offset, offset)


def _duplicate(reported: Speech, direct: list[Speech]) -> bool:
    """A reported clause that is a direct quote already found (the parse's ``ccomp`` of
    '"...," he said')."""
    return any(_overlap(d.content, reported.content) >= 0.5 for d in direct)


def _overlap(a: Span, b: Span) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(shared, 0) / max(b.end - b.start, 1)


# --- 5. speakers -------------------------------------------------------------------------


def _mentions(analysis: Analysis, people: Sequence[Person]) -> list[tuple[Span, str | None]]:
    """Person mentions with their keys; the model's PER entities when no people are given."""
    pairs: list[tuple[Span, str | None]]
    if people:
        pairs = [(span, p.key) for p in people for span in p.mentions]
    else:
        pairs = [(e.span, None) for e in analysis.entities if e.label == "PER"]
    return sorted(pairs, key=lambda pair: pair[0].start)


def _resolve(
    text: str,
    analysis: Analysis,
    source: Span | None,
    mentions: list[tuple[Span, str | None]],
    people: Sequence[Person],
) -> tuple[Span | None, str | None]:
    if source is None:
        return None, None
    source = relative_antecedent(analysis, source) or source
    for span, key in mentions:
        if span.start < source.end and source.start < span.end:
            return source, key
    head = text[source.start : source.end].split()[-1].lower() if source.end > source.start else ""
    if head in FIRST_PERSON:
        return source, None
    if head in PRONOUNS or head in DESCRIPTIONS:
        return _antecedent(analysis, source, head, mentions) or (source, None)
    return source, _by_name(text[source.start : source.end], people)


def _antecedent(
    analysis: Analysis, source: Span, head: str, mentions: list[tuple[Span, str | None]]
) -> tuple[Span, str | None] | None:
    """The nearest person mentioned before ``source`` whose gender does not contradict."""
    wanted = "Masc" if head in MASCULINE else "Fem" if head in FEMININE else None
    for span, key in reversed(mentions):
        if span.end <= source.start and _gender(analysis, span) in (None, wanted, ""):
            return span, key
        if span.end <= source.start and wanted is None:
            return span, key
    return None


def _gender(analysis: Analysis, span: Span) -> str:
    """The grammatical gender of a name (Russian/Ukrainian feats), or in English its first
    name's census gender; "" when unknown."""
    for token in analysis.tokens:
        if span.start <= token.start < span.end and token.feat("Gender"):
            return token.feat("Gender") or ""
        if span.start <= token.start < span.end and analysis.language == "en":
            return first_name_gender(token.text)
    return ""


def _by_name(words: str, people: Sequence[Person]) -> str | None:
    """A person sharing a name word (allowing a case ending: "Смирнова" ~ "Смирнов")."""
    said = {w.strip(".,").lower() for w in words.split() if len(w) > 2}
    for person in people:
        for part in (w.lower() for w in person.name.split() if len(w) > 2):
            if any(w == part or (len(part) > 4 and w.startswith(part[:-1])) for w in said):
                return person.key
    return None


# --- the evaluation predictor ------------------------------------------------------------


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


def predict_quotes(text: str, language: str) -> list[QuoteSpans]:
    """``evaluate.quotes.QuotePredictor``: the speaker is the span naming it in place, as
    PolNeAR's and ADAQ's annotators mark sources (a pronoun is the gold source there)."""
    document = Document(capture_sha256="0" * 64, text=text, language=language)
    merged: list[QuoteSpans] = []
    for s in find_speech(document, _analyzer()(document)):
        spans = QuoteSpans(content=(s.content,), source=(s.source,) if s.source else (),
                           cue=(s.cue,) if s.cue else ())  # fmt: skip
        if merged and spans.cue and merged[-1].cue == spans.cue:
            # an interrupted quote is one attribution with two contents, as PolNeAR marks it
            spans = replace(spans, content=merged.pop().content + spans.content)
        merged.append(spans)
    return merged


PREDICTORS["quotes"] = predict_quotes
