"""Marking up scraped text without trusting it: the text is cut into plain segments here, and
the template escapes each one as it wraps it in ``<span>`` or ``<mark>``.

- ``segments(text, spans)``: a document's clean text as consecutive segments, each with the
  spans (mentions, quotes, claims) that cover it, so that overlapping spans (a claim inside a
  quote, a name inside both) never need nested or crossing tags.
- ``snippet_parts(snippet)``: a search snippet, whose matched words the store wraps in ``[``
  and ``]``, as (text, matched) parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Segment", "Span", "segments", "snippet_parts"]


@dataclass(frozen=True, slots=True)
class Span:
    """One highlighted stretch: ``mark`` is its CSS class ("mention-person", "quote",
    "claim"), ``anchor`` the element id a link can jump to, ``label`` its tooltip."""

    start: int
    end: int
    mark: str
    anchor: str
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marks: tuple[str, ...]  # the CSS classes of the spans covering it, without repeats
    anchors: tuple[str, ...]  # the ids of the spans that start here
    label: str  # the covering spans' labels, for the tooltip


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """``text`` cut at every span boundary; joined back, the segments' texts are ``text``.
    Spans outside the text are clipped, empty ones dropped."""
    inside = [s for s in spans if 0 <= s.start < s.end and s.start < len(text)]
    ends = (min(s.end, len(text)) for s in inside)
    cuts = sorted({0, len(text), *(s.start for s in inside), *ends})
    by_start: dict[int, list[Span]] = {}
    for span in inside:
        by_start.setdefault(span.start, []).append(span)
    active: list[Span] = []
    found = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        opened = by_start.get(start, [])
        active = [s for s in active if s.end > start] + opened
        found.append(_segment(text[start:end], active, opened))
    return found


def _segment(text: str, active: Sequence[Span], opened: Sequence[Span]) -> Segment:
    marks = tuple(dict.fromkeys(s.mark for s in active))
    label = "; ".join(dict.fromkeys(s.label for s in active if s.label))
    return Segment(text=text, marks=marks, anchors=tuple(s.anchor for s in opened), label=label)


_MATCH = re.compile(r"\[([^\[\]]*)\]")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """``"a [b] c"`` -> ``[("a ", False), ("b", True), (" c", False)]``."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in _MATCH.finditer(snippet):
        if match.start() > position:
            parts.append((snippet[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(snippet):
        parts.append((snippet[position:], False))
    return parts
