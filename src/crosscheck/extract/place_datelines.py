"""Datelines: the place a news report was filed from, in capitals at the start of a line.

"TYKHOVODA, Ukraine —", "KYIV (Reuters) -", "WASHINGTON —". A name in capitals is looked up
case-insensitively only here; elsewhere a word in capitals is an acronym. Each name in the
dateline is a place ("TIJUANA & SAN DIEGO" two), and so is the country or region after its
comma. Extraction often joins a dateline to the byline before it ("By Nate Raymond. BOSTON
(Reuters) -"), so a sentence's start counts as a line's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from crosscheck.extract.gazetteer import gazetteer, normalise
from crosscheck.extract.place_names import ABBREVIATIONS, NOT_PLACES
from crosscheck.model import Document, Span

__all__ = ["datelines"]

_UPPER = "A-ZА-ЯІЇЄҐЁ"
#: a line's or a sentence's start (extraction often joins a dateline to the byline before it)
_LINE_START = re.compile(
    r"(?:^|(?<=[.!?]\s))[^\S\n]*(?=(?P<words>[^\W\d_][\w'’.]*"
    r"(?:[^\S\n]+&?[^\S\n]*[^\W\d_][\w'’.]*){0,3}))",
    re.MULTILINE,
)
_CAPS_WORD = re.compile(r"[^\W\d_][\w'’.]*")
_DATELINE_END = re.compile(
    rf",+\s*(?P<country>[{_UPPER}][\w'’.]*(?:-[\w'’.]+)*(?:\s+[{_UPPER}][\w'’.]*){{0,2}})"
    rf"|,|\s*(?P<agency>\([{_UPPER}][\w.'’-]*\))|\s*[—–-]"
)
_MIN_POPULATION = 20_000  # a dateline without punctuation: only a town this big


def datelines(document: Document) -> Iterator[Span]:
    """A name in capitals at a line start before a comma, an agency or a dash: "TYKHOVODA,
    Ukraine —", "KYIV (Reuters) -", "BOSTON —". An unknown name needs a known country or
    region after its comma, or a one-word agency, and a line of its own; a known name before
    a bare comma or dash, after a sentence rather than a line, or without punctuation (lost
    in extraction), must be a big place ("BOSTON Police said...", not "AMLO, ...")."""
    for line in _LINE_START.finditer(document.text):
        words = list(_CAPS_WORD.finditer(line["words"]))
        caps = list(itertools.takewhile(lambda w: w.group().isupper(), words))
        if not caps:
            continue
        start = line.start("words")
        end = start + len(line["words"][: caps[-1].end()].rstrip("."))
        ending = _DATELINE_END.match(document.text, end)
        country = _known_prefix(document.text, ending.span("country")) if ending else None
        strong = country is not None or (ending is not None and ending["agency"] is not None)
        # at a sentence's start (not a line's) a name in capitals is more likely an acronym
        at_line = not document.text[document.text.rfind("\n", 0, start) + 1 : start].strip()
        for span in _dateline_places(document.text, start, end):
            if (strong and at_line) or _big(document.text[span.start : span.end]):
                yield span
        if country is not None:
            yield country


def _known_prefix(text: str, span: tuple[int, int]) -> Span | None:
    """The longest run of words at the start of ``span`` that names a known place or is a
    state's abbreviation: "Ukraine", "Wash.", "Laguna" (of "Laguna Mayor Justin")."""
    if span[0] < 0:
        return None
    words = list(re.finditer(r"\S+", text[span[0] : span[1]]))
    for n in range(len(words), 0, -1):
        name = text[span[0] : span[0] + words[n - 1].end()]
        if name in ABBREVIATIONS or (name not in NOT_PLACES and gazetteer().lookup(name)):
            return Span(span[0], span[0] + len(name))
    return None


def _dateline_places(text: str, start: int, end: int) -> Iterator[Span]:
    """ "TIJUANA & SAN DIEGO": each name."""
    for part in re.finditer(r"[^&]+", text[start:end]):
        name = part.group().strip()
        if len(normalise(name)) >= 3:
            first = start + part.start() + part.group().index(name)
            yield Span(first, first + len(name))


def _big(name: str) -> bool:
    found = gazetteer().lookup(name)
    return any(e.precision not in {"settlement", "admin2"} or e.population >= _MIN_POPULATION
               for e in found)  # fmt: skip
