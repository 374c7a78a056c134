"""Properties of the whole ingest path: any bytes give captures and documents or a CaptureError,
never another exception; every cue span slices a cue's text out of the document."""

from __future__ import annotations

import gzip
import io
import json
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosscheck import ingest
from crosscheck.errors import CaptureError
from crosscheck.ingest import sniff, subtitles
from crosscheck.ingest.files import Input
from crosscheck.model import Capture, Document

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
LIMIT = 1 << 16
NAMES = st.sampled_from(["input", "a.txt", "a.html", "a.jsonl", "a.json", "a.vtt", "a.srt.gz"])

# the ingest path runs ftfy, charset-normalizer and trafilatura, each slow on a first call
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ingest(content: bytes, name: str = "input") -> list[Document]:
    """Everything the ingest path makes of ``content``; any exception but ``CaptureError``
    propagates and fails the test."""
    item = Input(where=name, content=content, modified=WHEN)
    documents: list[Document] = []
    for capture in ingest.captures(item, captured_at=None, max_bytes=LIMIT):
        if isinstance(capture, CaptureError):
            continue
        assert isinstance(capture, Capture)
        assert capture.captured_at.tzinfo is not None
        try:
            documents.extend(ingest.documents(capture))
        except CaptureError:
            continue
    for document in documents:
        _check_cues(document)
    return documents


def _check_cues(document: Document) -> None:
    previous_end = 0
    for cue in document.cues:
        assert previous_end <= cue.span.start <= cue.span.end <= len(document.text)
        piece = document.text[cue.span.start : cue.span.end]
        assert piece and piece == piece.strip() and "\n" not in piece
        previous_end = cue.span.end


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
LOOSE = JSON_VALUES | st.text(max_size=40)
MESSAGES = st.fixed_dictionaries(
    {"id": st.integers() | LOOSE, "type": st.sampled_from(["message", "service"]) | LOOSE},
    optional={
        "text": LOOSE | st.lists(LOOSE | st.fixed_dictionaries({"type": LOOSE, "text": LOOSE})),
        "text_entities": st.lists(st.fixed_dictionaries({"type": LOOSE, "text": LOOSE})),
        "date": st.datetimes().map(datetime.isoformat) | LOOSE,
        "date_unixtime": st.integers().map(str) | LOOSE,
        "from": LOOSE,
        "forwarded_from": LOOSE,
    },
)
CHATS = st.fixed_dictionaries(
    {"id": st.integers() | LOOSE, "type": LOOSE, "messages": st.lists(MESSAGES | LOOSE)},
    optional={"name": LOOSE},
)
EXPORTS = CHATS | st.fixed_dictionaries({"chats": st.fixed_dictionaries({"list": st.lists(CHATS)})})
RECORDS = st.fixed_dictionaries(
    {"url": st.text() | LOOSE},
    optional={
        "text": st.text() | LOOSE,
        "html": st.text().map(lambda text: f"<p>{text}</p>") | LOOSE,
        "title": LOOSE,
        "captured_at": st.datetimes().map(datetime.isoformat) | LOOSE,
    },
)
TIMES = st.integers(0, 10**7).map(lambda ms: f"{ms // 3_600_000:02}:{ms // 60_000 % 60:02}:")
STAMPS = st.tuples(TIMES, st.integers(0, 99), st.integers(0, 9999)).map(
    lambda parts: f"{parts[0]}{parts[1]:02}.{parts[2]:03}"
) | st.text(alphabet="0123456789:.,", max_size=14)
CUE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\r\n") | st.sampled_from("<>&{}\\"),
    max_size=30,
)
CUES = st.lists(st.tuples(STAMPS, STAMPS, st.lists(CUE_TEXT, max_size=3)), max_size=6)


def _vtt(cues: list[tuple[str, str, list[str]]], header: str) -> str:
    blocks = [f"{start} --> {end}\n" + "\n".join(lines) for start, end, lines in cues]
    return "\n\n".join([f"WEBVTT{header}", *blocks]) + "\n"


def _srt(cues: list[tuple[str, str, list[str]]]) -> str:
    blocks = [
        f"{n}\n{start.replace('.', ',')} --> {end.replace('.', ',')}\n" + "\n".join(lines)
        for n, (start, end, lines) in enumerate(cues, start=1)
    ]
    return "\n\n".join(blocks) + "\n"


def _warc(pages: list[bytes]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for number, page in enumerate(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{number}",
            "response",
            payload=io.BytesIO(page),
            length=len(page),
            http_headers=http,
            # fixed id and date: the same pages must give the same bytes for Hypothesis
            warc_headers_dict={
                "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012}>",
                "WARC-Date": "2026-10-21T09:14:37Z",
            },
        )
        writer.write_record(record)
    return out.getvalue()


@SLOW
@given(content=st.binary(max_size=4096), name=NAMES)
def test_properties_any_bytes(content: bytes, name: str) -> None:
    _ingest(content, name)


@SLOW
@given(content=st.binary(max_size=2048), prefix=st.sampled_from([b"WARC/1.0\r\n", b"PK\x03\x04"]))
def test_properties_container_magic_then_junk(content: bytes, prefix: bytes) -> None:
    _ingest(prefix + content)


@SLOW
@given(content=st.binary(max_size=2048) | st.text().map(str.encode), name=NAMES)
def test_properties_gzip_of_anything(content: bytes, name: str) -> None:
    _ingest(gzip.compress(content), name)


@SLOW
@given(value=JSON_VALUES | EXPORTS, name=NAMES)
def test_properties_json(value: Any, name: str) -> None:
    _ingest(json.dumps(value, ensure_ascii=False).encode(), name)


@SLOW
@given(records=st.lists(RECORDS | JSON_VALUES, max_size=5), name=NAMES)
def test_properties_json_lines(records: list[Any], name: str) -> None:
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    _ingest("\n".join(lines).encode(), name)


@SLOW
@given(cues=CUES, header=st.sampled_from(["", "\nLanguage: uk", "\nLanguage: x"]))
def test_properties_vtt_like(cues: list[tuple[str, str, list[str]]], header: str) -> None:
    _ingest(_vtt(cues, header).encode(), "a.vtt")


@SLOW
@given(cues=CUES)
def test_properties_srt_like(cues: list[tuple[str, str, list[str]]]) -> None:
    _ingest(_srt(cues).encode(), "a.srt")


@SLOW
@given(
    pages=st.lists(st.binary(min_size=1, max_size=200), min_size=1, max_size=4),
    data=st.data(),
)
def test_properties_damaged_warc(pages: list[bytes], data: st.DataObject) -> None:
    content = bytearray(_warc(pages))
    cut = data.draw(st.integers(0, len(content)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(content) - 1), st.integers(0, 255))))
    for at, value in flips:
        content[at] = value
    _ingest(bytes(content[:cut]), "crawl.warc.gz")


@SLOW
@given(texts=st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_properties_cue_spans_slice_cue_texts(texts: list[str]) -> None:
    cues = [(f"00:00:{n:02}.000", f"00:00:{n + 1:02}.000", [text]) for n, text in enumerate(texts)]
    capture = Capture.of(_srt(cues).encode(), media_type=sniff.SRT, captured_at=WHEN)
    try:
        (document,) = subtitles.documents(capture)
    except CaptureError:
        return  # every cue blank, or text that breaks the SubRip framing
    _check_cues(document)
    pieces = [document.text[cue.span.start : cue.span.end] for cue in document.cues]
    assert "\n".join(pieces) == document.text
