"""Text clips: a page's text as a user saved it, into one document.

The cascade, followed for every text capture:

1. Bytes to text: gunzipped when gzipped, then ``decode.decode_text`` (UTF-8, UTF-16 with a BOM,
   legacy Cyrillic encodings); every line goes through ``normalize.fix``.
2. A comment widget's label glued to the end of the last paragraph ("...to us!Loading
   comments...") is split off (``boilerplate.split_trailing``).
3. Zones: the *header* runs from the line after the first one to the first prose line (at most
   ``_ZONE_LINES`` lines), the *footer* from the last prose line to the end (as many at most).
   In the header a date line ("1 month ago", "вчора") becomes ``published`` (resolved against
   ``captured_at``), and counters and boilerplate are removed; in the footer counters and
   boilerplate are removed; in the body only whole lines of boilerplate or promo are, never a
   bare number (a casualty figure on its own line looks like a counter).
4. The file is a saved clip when its first line could be a headline (short, no closing full
   stop, not a date or boilerplate itself) and its header holds at least one such line: the
   first line is then the title, with the characters that file names cannot hold restored
   where a general rule can (``restore_title``), and ``title_raw`` keeps it exactly.
   Otherwise the text is plain: no title is guessed, and the first line stays in the text.
5. Nothing left: ``CaptureError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosscheck.clean import boilerplate, dates, normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import decode, sniff
from crosscheck.model import Capture, Document, Published, Removed

__all__ = ["NAME", "documents", "restore_title"]

NAME = "ingest.text_clip.v1"

_ZONE_LINES = 6  # header and footer zones hold at most this many non-blank lines
_PROSE_WORDS = 8  # a line with this many words (or _PROSE_CHARS characters) is body text
_PROSE_CHARS = 80
_LONGEST_TITLE = 300

# English contractions written with "_" for the apostrophe: don_t, isn_t, it_s, they_re...
_CONTRACTION = re.compile(
    r"(?<=[^\W\d_])_(?=(?:s|re|ll|ve|d|m)(?![^\W_]))|(?<=n)_(?=t(?![^\W_]))", re.IGNORECASE
)
_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s)_(?= [a-z])")
_SENTENCE_END = re.compile(r"[^.]\.$")


@dataclass(slots=True)
class _Reading:
    """What the zones yield: the kept lines, what was removed, the date."""

    kept: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    published: Published | None = None
    header_hits: int = 0


def documents(capture: Capture) -> list[Document]:
    """The one document of a text clip; ``CaptureError`` when nothing but boilerplate is left."""
    where = capture.path or capture.url or capture.sha256
    raw = decode.decode_text(sniff.inner(capture.content, where=where), where=where)
    if decode.looks_binary(raw):
        raise CaptureError(where, "binary data, not text")
    lines = [normalize.fix(line).rstrip() for line in raw.splitlines()]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise CaptureError(where, "no text after removing boilerplate")
    tail = _split_glued_tail(lines)
    titled = _title_candidate(lines[first], capture)
    reading = _read(lines, first + 1 if titled else first, capture)
    if titled and not reading.header_hits:
        titled = False  # no header zone: plain text, and the first line is part of it
        reading = _read(lines, first, capture)
    text = _assemble(reading.kept)
    if not text:
        raise CaptureError(where, "no text after removing boilerplate")
    first_raw = raw.splitlines()[first]
    return [
        Document(
            capture_sha256=capture.sha256,
            text=text,
            title=restore_title(lines[first].strip()) if titled else None,
            title_raw=first_raw if titled else None,
            published=reading.published,
            url=capture.url,
            removed=(*reading.removed, *tail),
            extractors=(NAME, normalize.NAME, dates.NAME),
        )
    ]


def restore_title(line: str) -> str:
    """``line`` with the characters a file name cannot hold restored from ``_`` where a general
    rule can tell which: English contractions (``Don_t`` -> ``Don't``), a colon before a quote
    (``word_ _Word`` -> ``word: "Word``), quotes opened at a word's start and closed at a
    word's end, and, in a title whose colon is already found (headlines have one), an English
    plural possessive (``soldiers_ unique`` -> ``soldiers' unique``). Anything else stays ``_``.
    """
    chars = list(_CONTRACTION.sub("'", line))
    quote_open = False
    for i, char in enumerate(chars):
        if char != "_":
            continue
        before = chars[i - 1] if i else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        if not quote_open and before in " (" and after.isalnum():
            chars[i], quote_open = '"', True
        elif quote_open and (before.isalnum() or before in ".!?…") and not after.isalnum():
            chars[i], quote_open = '"', False
        elif (before.isalnum() or before == '"') and "".join(chars[i + 1 : i + 3]) == " _":
            chars[i] = ":"
    return _plural_possessives("".join(chars))


def _plural_possessives(title: str) -> str:
    if ":" not in title:
        return title  # "news_ live updates" may be "news: live updates": leave it
    return _PLURAL_POSSESSIVE.sub(
        lambda match: "_" if title.count('"', 0, match.start()) % 2 else "'", title
    )


def _title_candidate(line: str, capture: Capture) -> bool:
    """A first line short enough to be a title, not a sentence ending in a full stop (headlines
    have none), and not itself a date or boilerplate."""
    text = line.strip()
    if len(text) > _LONGEST_TITLE or _SENTENCE_END.search(text):
        return False
    if boilerplate.is_boilerplate(text):
        return False
    return dates.relative(text, capture.captured_at) is None


def _read(lines: list[str], start: int, capture: Capture) -> _Reading:
    """Sort lines ``start:`` into kept and removed, zone by zone."""
    header_end, footer_start = _zones(lines, start)
    reading = _Reading()
    for i in range(start, len(lines)):
        line = lines[i].strip()
        zone = "header" if i < header_end else "footer" if i >= footer_start else "body"
        reason = _reason(line, zone, reading, capture) if line else None
        if reason is None:
            reading.kept.append(lines[i])
            continue
        reading.removed.append(Removed(text=line, reason=reason))
        reading.header_hits += zone == "header"
    return reading


def _reason(line: str, zone: str, reading: _Reading, capture: Capture) -> str | None:
    """Why ``line`` leaves the text, else None; the first header date becomes ``published``."""
    if zone == "header":
        published = dates.relative(line, capture.captured_at)
        if published is not None:
            reading.published = reading.published or published
            return "date"
    reason = boilerplate.is_boilerplate(line)
    if zone == "body" and reason == "counter":
        return None
    return reason


def _zones(lines: list[str], start: int) -> tuple[int, int]:
    """``(header_end, footer_start)``: the header ends at the first prose line, the footer
    starts after the last one, each at most ``_ZONE_LINES`` non-blank lines long."""
    filled = [i for i in range(start, len(lines)) if lines[i].strip()]
    prose = [i for i in filled if _is_prose(lines[i])]
    header_end = min([*prose[:1], *filled[_ZONE_LINES : _ZONE_LINES + 1], len(lines)])
    footer_start = max([*(i + 1 for i in prose[-1:]), *filled[-_ZONE_LINES:][:1], start])
    return header_end, footer_start


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS or len(line.strip()) >= _PROSE_CHARS


def _split_glued_tail(lines: list[str]) -> tuple[Removed, ...]:
    """Split a comment widget's label off the last line when no newline separates them."""
    last = max(i for i, line in enumerate(lines) if line.strip())
    split = boilerplate.split_trailing(lines[last])
    if split is None:
        return ()
    lines[last] = split[0]
    return (Removed(text=split[1], reason="boilerplate"),)


def _assemble(kept: list[str]) -> str:
    """Kept lines, at most one blank line between paragraphs, stripped."""
    return re.sub(r"\n\s*\n", "\n\n", "\n".join(kept)).strip()
