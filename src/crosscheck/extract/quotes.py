"""Who said what: direct and reported speech with its cue and speaker, in EN/RU/UK.

A rule-based cascade in the manner of GenderGapTracker's extractor (its approach, not its
code), over the shared ``Analysis``:

1. **Marked quotes** (``speech``): text between quote marks of any style, Russian/Ukrainian
   dialogue lines, and the turns of a transcript ("MS. CLINTON: ..."). Who speaks is read from
   the remark after the quote or the introduction before it (``direct_speech``).
2. **Reported speech**: what a cue verb reports (``reported``: its complement clause before
   or after it, a parenthetical "he said", a passive's subject, an object or topic phrase),
   what an attribution noun or adjective reports (``attribution``: "allegations that ...",
   "confident that ..."), and attribution phrases ("according to X", "по словам X", "за його
   словами", "как сообщил X"). The speaker is the cue's subject, or the subject it shares.
3. **Direct meets reported**: a direct quote whose remark names nobody takes the speaker of
   the reported clause that it is; a reported clause that is a direct quote already found is
   dropped, and so is what a direct quote's cue governs after it ("told Reuters on Monday"); a
   quoted phrase inside reported speech belongs to it.
4. **Continuations**: an interrupted quote (``"...," he said. "..."``) yields two quotes; the
   second, and any marked quote without a cue of its own, takes the speaker of the previous
   attributed quote in the same line, or in the paragraph before when the quote is a paragraph
   of its own, when no other person is named between them.
5. **Nesting**: speech reported inside another's content is part of that speaker's account
   and is not recorded on its own.
6. **Speakers** (``quote_speakers``): the span naming the speaker resolves to a person of the
   document; pronouns and descriptions to the nearest fitting person before them.

Marked quotes under four words with no cue are dropped: they are scare quotes ("meat grinder").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from crosscheck.extract.analysis import Analysis
from crosscheck.extract.attribution import attributed_speech, phrased_speech
from crosscheck.extract.direct_speech import MIN_UNCUED_WORDS, attribute
from crosscheck.extract.quote_speakers import Mention, mentions, resolve
from crosscheck.extract.reported import reported_speech, sentence_at
from crosscheck.extract.speech import Marked, Speech, marked_quotes, transcript_turns, word_count
from crosscheck.model import Document, Person, Quote, Span

__all__ = ["NAME", "Speech", "find_quotes", "find_speech"]

NAME = "extract.quotes.v3"


def find_speech(document: Document, analysis: Analysis) -> list[Speech]:
    """Steps 1-5 of the module docstring, in text order."""
    text = document.text
    turns = transcript_turns(text)
    marked = [m for m in marked_quotes(text, analysis.language) if not _holds(m, turns)]
    reported = reported_speech(text, analysis, marked) + attributed_speech(text, analysis)
    reported += phrased_speech(text, analysis)
    direct = [_adopt(attribute(text, analysis, m, marked), reported) for m in marked] + turns
    direct.sort(key=lambda s: s.content.start)
    direct = _continue(text, analysis, direct)
    direct = [s for s in direct if s.source or word_count(text, s.content) >= MIN_UNCUED_WORDS]
    reported = [r for r in reported if not _duplicate(r, direct) and not _aside(r, direct)]
    found = [d for d in direct if not _embedded(d, reported)] + reported
    found = [f for f in found if not _nested(f, found)]
    return sorted(found, key=lambda s: (s.content.start, s.content.end))


def _holds(quote: Marked, turns: list[Speech]) -> bool:
    """A quote that is a transcript is its turns."""
    return any(quote.outer.start <= t.content.start < quote.outer.end for t in turns)


def find_quotes(
    document: Document, analysis: Analysis, people: Sequence[Person] = ()
) -> list[Quote]:
    """Quotes with their speakers resolved to ``people`` (keys) where the text allows."""
    found = mentions(analysis, people)
    return [_quote(document.text, analysis, s, found, people) for s in
            find_speech(document, analysis)]  # fmt: skip


def _quote(
    text: str,
    analysis: Analysis,
    speech: Speech,
    found: list[Mention],
    people: Sequence[Person],
) -> Quote:
    speaker_span, key = resolve(text, analysis, speech.source, found, people)
    return Quote(
        span=speech.content, text=text[speech.content.start : speech.content.end],
        kind=speech.kind, speaker=key, speaker_span=speaker_span, cue=speech.cue, extractor=NAME,
    )  # fmt: skip


# --- 3.-5. continuations, direct meets reported, nesting ------------------------------------


def _continue(text: str, analysis: Analysis, found: list[Speech]) -> list[Speech]:
    """A quote without a speaker takes the previous one's, no other name between: within a
    line, or as a paragraph of its own right after the attributed quote's paragraph."""
    result: list[Speech] = []
    for speech in found:
        previous = result[-1] if result else None
        if speech.source is None and previous is not None and previous.source is not None:
            between = Span(previous.content.end, speech.content.start)
            if _adjacent(text, between) and not _names_between(analysis, between, previous.source):
                speech = replace(speech, source=previous.source, cue=previous.cue)
        result.append(speech)
    return result


_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _adjacent(text: str, between: Span) -> bool:
    """The same line, or the next paragraph opening with the quote ('..." Weston said.
    \n\n"We have reached a point...')."""
    lines = _PARAGRAPH_BREAK.split(text[between.start : between.end])
    return len(lines) == 1 or len(lines) == 2 and not any(c.isalnum() for c in lines[1])


def _names_between(analysis: Analysis, between: Span, source: Span) -> bool:
    """Whether a person other than the one named by ``source`` is named in ``between``; a
    name in the source's own sentence describes it ('said a spokeswoman, Jennifer Rodstrom')."""
    own = sentence_at(analysis, source.start)
    return any(
        between.start <= e.span.start < between.end and not (own.start <= e.span.start < own.end)
        for e in analysis.entities
        if e.label == "PER"
    )


def _embedded(direct: Speech, reported: list[Speech]) -> bool:
    """A quoted phrase inside reported speech is part of it ('said the campaign had "a shot"
    at winning'), unless another cue attributes it."""
    return any(
        r.content.start < direct.content.start and direct.content.end <= r.content.end + 1
        and direct.cue in (None, r.cue)
        for r in reported
    )  # fmt: skip


def _nested(inner: Speech, found: list[Speech]) -> bool:
    """Speech reported inside another's content, cue and all, is part of that speaker's
    account ('Obama said he is troubled by lawmakers he says are echoing Trump'; 'Smirnov
    said the commander told them to hold'): it is recorded once, as the outer speaker's, so
    that what the commander is said to have said is never credited to the commander."""
    return inner.cue is not None and any(
        o is not inner and o.content.start <= min(inner.cue.start, inner.content.start)
        and inner.content.end <= o.content.end
        for o in found
    )  # fmt: skip


def _adopt(direct: Speech, reported: list[Speech]) -> Speech:
    """A direct quote whose own remark names nobody takes the cue and speaker of the reported
    clause that it is ('WikiLeaks said that it had "activated the contingency plans."')."""
    if direct.source is not None:
        return direct
    inside = direct.content
    same = (r for r in reported if r.source and r.cue and _overlap(inside, r.content) >= 0.5
            and not inside.start <= r.cue.start < inside.end)  # fmt: skip
    found = next(same, None)
    return replace(direct, cue=found.cue, source=found.source) if found else direct


def _aside(reported: Speech, direct: list[Speech]) -> bool:
    """What a direct quote's cue governs in the remark after the quote is not speech: its
    addressee or occasion ('"...," Trump told cheering supporters in St. Augustine'). (A
    clause before the quote is: 'He admits he is afraid: "..."'.)"""
    return any(d.cue == reported.cue and reported.content.start >= d.content.end for d in direct)


def _duplicate(reported: Speech, direct: list[Speech]) -> bool:
    """A reported clause that is a direct quote already found (the parse's ``ccomp`` of
    '"...," he said')."""
    return any(_overlap(d.content, reported.content) >= 0.5 for d in direct)


def _overlap(a: Span, b: Span) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(shared, 0) / max(b.end - b.start, 1)
