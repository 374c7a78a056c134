"""Where speech is marked in the surface text: quote marks, dialogue dashes, "according to".

Works on ``for_matching(text)`` (same length, typographic quotes and dashes folded to ASCII), so
every span found is a span of the original text. No parse is needed here; ``quotes`` attaches
cues and speakers from the ``Analysis``.

Quote marks, per line (a quote never crosses a line break):

1. Guillemets nest: « opens, » closes; marks inside « » are inner quotes and are skipped.
2. Other double marks (" “ ” „, and '' as one mark) and single marks (‘ ’ ‚ ') open when
   they follow a space, the line start or an opening bracket/dash/colon, and close otherwise;
   a single mark with letters on both sides is an apostrophe ("isn't", "м'ясо") and never
   counts.
3. An unclosed quote runs to the end of its line (news repeats the opening mark on each
   paragraph of a long quote and closes only the last).

A line that starts with a dash is dialogue ("— Мы остались одни, — говорит Смирнов."): the
speech runs to the next ", —" and the author's remark after it is the cue region.

A line with two or more speaker labels in capitals is a transcript ("PARTICIPANT: I think you
called me. MS. CLINTON: You are the smartest people."): each turn is a direct quote, the label
its source and the colon its cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.clean.normalize import for_matching
from crosscheck.model import QuoteKind, Span

__all__ = [
    "Marked",
    "Phrase",
    "Speech",
    "according_phrases",
    "marked_quotes",
    "transcript_turns",
    "word_count",
]

_OPENING_CONTEXT = frozenset(" \t([{-:/")
_SPACE = " \t"
_LINE = re.compile(r"[^\n]+")
_DIALOGUE = re.compile(r"^[ \t]*-[ \t]*")
# End of a dialogue part: punctuation, a dash, then the author's remark.
_REMARK = re.compile(r"[,.!?]+[ \t]+-[ \t]+")
_DASH_LANGUAGES = frozenset({"ru", "uk"})
_DASHES = frozenset("—–")
_NEXT_PART = re.compile(r"[.:][ \t]+-[ \t]+")


@dataclass(frozen=True, slots=True)
class Speech:
    """One attribution as the text writes it: ``source`` is the span naming the speaker in
    place (a pronoun stays a pronoun); ``find_quotes`` resolves it to a person."""

    content: Span
    kind: QuoteKind
    cue: Span | None = None
    source: Span | None = None


def word_count(text: str, span: Span) -> int:
    return len(text[span.start : span.end].split())


@dataclass(frozen=True, slots=True)
class Marked:
    """A marked quote: ``content`` inside the marks (trimmed), ``outer`` including them."""

    content: Span
    outer: Span


def marked_quotes(text: str, language: str) -> list[Marked]:
    """Quotes between marks, and in Russian and Ukrainian dialogue lines, in text order."""
    # two apostrophes are one double mark (NYT archive text: ''We held,'' he said)
    folded = for_matching(text).replace("''", '" ')
    found: list[Marked] = []
    for line in _LINE.finditer(folded):
        dialogue = _dialogue(text, folded, line) if language in _DASH_LANGUAGES else []
        found += dialogue or _marks(text, folded, line.start(), line.end())
    return [m for m in found if m.content.end > m.content.start]


def _marks(text: str, folded: str, start: int, end: int) -> list[Marked]:
    found: list[Marked] = []
    opened: tuple[int, str] | None = None  # position and kind of the open mark
    depth = 0  # guillemet nesting
    for i in range(start, end):
        char, kind = text[i], folded[i]
        if char == "«":
            opened, depth = (opened or (i, "«")), depth + 1
        elif char == "»" and depth:
            depth -= 1
            if not depth and opened is not None:
                found.append(_marked(folded, opened[0], i + 1))
                opened = None
        elif kind in "\"'" and not depth and _is_mark(folded, i, start, end):
            opened = _toggle(folded, i, start, opened, found)
    if opened is not None:
        found.append(_marked(folded, opened[0], end, closed=False))
    return found


def _toggle(
    folded: str, i: int, start: int, opened: tuple[int, str] | None, found: list[Marked]
) -> tuple[int, str] | None:
    """Open at an opening mark; close the open quote at a closing mark of its kind."""
    kind = folded[i]
    if opened is None:
        return (i, kind) if _opens(folded, i, start) else None
    if opened[1] == kind and not _opens(folded, i, start):
        found.append(_marked(folded, opened[0], i + 1))
        return None
    return opened


def _opens(folded: str, i: int, start: int) -> bool:
    return i == start or folded[i - 1] in _OPENING_CONTEXT


def _is_mark(folded: str, i: int, start: int, end: int) -> bool:
    if folded[i] == '"':
        return True
    before = folded[i - 1] if i > start else " "
    after = folded[i + 1] if i + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return False  # apostrophe inside a word
    # a trailing "s'" is a plural possessive, not a closing mark
    return not (before.lower() == "s" and after in _SPACE)


def _marked(folded: str, start: int, end: int, *, closed: bool = True) -> Marked:
    inner_end = end - 1 if closed else end
    return Marked(_trim(folded, start + 1, inner_end), Span(start, end))


def _trim(folded: str, start: int, end: int) -> Span:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _dialogue(text: str, folded: str, line: re.Match[str]) -> list[Marked]:
    """A line opening with a dash: its speech parts, the remarks between them left out."""
    end = line.end()
    lead = _DIALOGUE.match(folded, line.start(), end)
    # a hyphen opens a list item, not a dialogue line: only a real dash counts
    if lead is None or lead.end() == end or not _DASHES & set(text[lead.start() : lead.end()]):
        return []
    parts: list[Marked] = []
    cursor = lead.end()
    while cursor < end:
        remark = _REMARK.search(folded, cursor, end)
        stop = remark.start() if remark else end
        parts.append(Marked(_trim(folded, cursor, stop), Span(cursor, stop)))
        following = _NEXT_PART.search(folded, remark.end(), end) if remark else None
        cursor = following.end() if following else end
    return parts


# --- transcripts: "MS. CLINTON: You are the smartest people." ---------------------------------

# a label of one to four capitalised words at a line, quote or sentence start, then a colon
_TURN = re.compile(
    r"(?:^|(?<=[\"\u201c\u00ab])|(?<=[.!?\u2026][ \t]))"
    r"(?P<label>(?:[A-Z][A-Z'\u2019.-]*[ \t]){0,3}[A-Z][A-Z'\u2019.-]+):[ \t]",
    re.MULTILINE,
)
_MIN_TURNS = 2
_TURN_END = " \t\"'\u201d\u2019\u00bb"


def transcript_turns(text: str) -> list[Speech]:
    """The turns of each line that holds at least two speaker labels."""
    found: list[Speech] = []
    for line in _LINE.finditer(text):
        labels = list(_TURN.finditer(text, line.start(), line.end()))
        if len(labels) < _MIN_TURNS:
            continue
        for label, after in zip(labels, [*labels[1:], None], strict=True):
            end = after.start() if after else line.end()
            while end > label.end() and text[end - 1] in _TURN_END:
                end -= 1
            colon = label.end("label")
            found.append(Speech(Span(label.end(), max(end, label.end())), QuoteKind.DIRECT,
                                Span(colon, colon + 1), Span(label.start(), colon)))  # fmt: skip
    return [f for f in found if f.content.end > f.content.start]


# --- "according to X", "по словам X", "за його словами", "как сообщил X" -------------------

_WORDS = r"[^\W\d_][\w'.-]*"
_NAME = rf"(?P<source>{_WORDS}(?:[ \t]+{_WORDS}){{0,5}})"
_PHRASES = {
    "en": rf"\b(?P<cue>according[ \t]+to)[ \t]+{_NAME}",
    "ru": (
        rf"\b(?P<cue>по[ \t]+(?:(?P<pronoun>его|её|ее|их)[ \t]+)?словам|со[ \t]+слов)"
        rf"(?(pronoun)|[ \t]+{_NAME})"
        rf"|\b(?P<cue2>как[ \t]+(?:сообщил|заявил|сказал|рассказал|отметил|пишет|сообщает"
        rf"|заявляет|считает|уточнил|пояснил)[аи]?)[ \t]+{_NAME.replace('source', 'source2')}"
    ),
    "uk": (
        rf"\b(?P<cue>за[ \t]+(?:(?P<pronoun>його|її|їхніми)[ \t]+)?словами)"
        rf"(?(pronoun)|[ \t]+{_NAME})"
        rf"|\b(?P<cue2>як[ \t]+(?:повідомив|заявив|сказав|розповів|зазначив|пише|повідомляє"
        rf"|заявляє|вважає|уточнив|пояснив)(?:ла|ли)?)[ \t]+{_NAME.replace('source', 'source2')}"
    ),
}
_PHRASE = {language: re.compile(p, re.IGNORECASE) for language, p in _PHRASES.items()}
_CLAUSE_END = re.compile(r"[,;:.!?()\"'-]")


@dataclass(frozen=True, slots=True)
class Phrase:
    """An attribution phrase: its cue ("according to") and the span naming the source."""

    span: Span
    cue: Span
    source: Span


def according_phrases(text: str, language: str) -> list[Phrase]:
    """Every "according to X"-style phrase; the source stops at the first clause mark."""
    pattern = _PHRASE.get(language)
    if pattern is None:
        return []
    folded = for_matching(text)
    return [_phrase(folded, match) for match in pattern.finditer(folded)]


def _phrase(folded: str, match: re.Match[str]) -> Phrase:
    group = "cue" if match.group("cue") else "cue2"
    cue = Span(match.start(group), match.end(group))
    source_group = "source" if group == "cue" else "source2"
    if match.groupdict().get("pronoun"):
        source = Span(match.start("pronoun"), match.end("pronoun"))
        return Phrase(Span(match.start(), match.end()), cue, source)
    start, end = match.start(source_group), match.end(source_group)
    stop = _CLAUSE_END.search(folded, start, end)
    end = stop.start() if stop else end
    source = _trim(folded, start, end)
    return Phrase(Span(match.start(), source.end), cue, source)
