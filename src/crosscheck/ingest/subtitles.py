"""Subtitles (WebVTT, SubRip): the transcript as text, each cue mapped back to its time.

Each cue's text loses its markup (``<i>``, ``<v Speaker>``, ``{\\an8}``), its internal line
breaks become spaces, WebVTT character references (``&amp;``) are resolved, and it is
Unicode-repaired; the cues are joined with ``\\n``. Consecutive cues with the same text
(rolling auto-captions repeat a line while the next one builds up) become one cue spanning
both times. ``Document.cues`` maps every cue's span of the text to its start and end in
seconds, so a quote can point into the video. A WebVTT ``Language:`` header sets the
document's language.

A file the parser rejects is a ``CaptureError`` carrying the parser's reason.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from crosscheck.clean import normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import decode, sniff
from crosscheck.model import Capture, Cue, Document, Span

__all__ = ["NAME", "documents"]

NAME = "ingest.subtitles.v1"

_SRT_TAGS = re.compile(r"<[^<>]*>|\{\\[^{}]*\}")  # HTML-like tags; ASS overrides such as {\an8}
_SPACES = re.compile(r"\s+")
_LANGUAGE = re.compile(r"language\s*:\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Line:
    """One cue's clean text and its time in seconds."""

    text: str
    start: float
    end: float


def documents(capture: Capture) -> list[Document]:
    """The transcript document of one subtitle file."""
    where = capture.path or capture.url or capture.sha256
    text = decode.decode_text(sniff.inner(capture.content, where=where), where=where)
    if capture.media_type == sniff.SRT:
        lines, language = _srt_lines(text, where), None
    else:
        lines, language = _vtt_lines(text, where)
    merged = _merge(lines)
    if not merged:
        raise CaptureError(where, "subtitles hold no cue text")
    return [_document(capture.sha256, merged, language)]


def _vtt_lines(text: str, where: str) -> tuple[list[_Line], str | None]:
    try:
        # strict: a malformed cue is an error with the parser's reason, not a silent gap
        vtt = webvtt.from_buffer(io.StringIO(text), strict=True)
    except (MalformedFileError, MalformedCaptionError) as error:
        raise CaptureError(where, f"invalid WebVTT: {error}") from error
    lines = [
        _Line(
            _clean(html.unescape(caption.text)),  # WebVTT cue text escapes & < > as in HTML
            caption.start_time.in_milliseconds() / 1000,
            caption.end_time.in_milliseconds() / 1000,
        )
        for caption in vtt.captions
    ]
    return lines, _language(vtt.metadata)


def _srt_lines(text: str, where: str) -> list[_Line]:
    try:
        subtitles = list(srt.parse(text))
    except (srt.SRTParseError, srt.TimestampParseError, OverflowError) as error:
        raise CaptureError(where, f"invalid SubRip: {error}") from error
    return [
        _Line(
            _clean(_SRT_TAGS.sub("", subtitle.content)),
            subtitle.start.total_seconds(),
            subtitle.end.total_seconds(),
        )
        for subtitle in subtitles
    ]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", normalize.fix(text)).strip()


def _language(metadata: Iterable[str]) -> str | None:
    """The primary subtag of a ``Language: en-US`` header line, lower-cased (``en``)."""
    for line in metadata:
        match = _LANGUAGE.match(line.strip())
        if match:
            return match.group(1).lower()
    return None


def _merge(lines: list[_Line]) -> list[_Line]:
    """Empty cues dropped; a cue repeating the previous one's text extends it instead."""
    merged: list[_Line] = []
    for line in lines:
        if not line.text:
            continue
        if merged and merged[-1].text == line.text:
            last = merged[-1]
            merged[-1] = _Line(last.text, min(last.start, line.start), max(last.end, line.end))
        else:
            merged.append(line)
    return merged


def _document(sha256: str, lines: list[_Line], language: str | None) -> Document:
    cues: list[Cue] = []
    offset = 0
    for line in lines:
        span = Span(offset, offset + len(line.text))
        cues.append(Cue(span=span, start_seconds=line.start, end_seconds=line.end))
        offset += len(line.text) + 1  # the "\n" that joins cues
    return Document(
        capture_sha256=sha256,
        text="\n".join(line.text for line in lines),
        language=language,
        cues=tuple(cues),
        extractors=(NAME, normalize.NAME),
    )
