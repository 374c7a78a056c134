"""jsonl: one capture per JSON Lines record, one error per bad line, documents from records."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from crosscheck.clean import normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import jsonl, sniff
from crosscheck.model import Capture

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
LIMIT = 1 << 20
KYIV = timezone(timedelta(hours=3))


def _line(**fields: Any) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


def _read(content: bytes) -> list[Capture | CaptureError]:
    return list(jsonl.captures("r.jsonl", content, captured_at=WHEN, max_bytes=LIMIT))


def _capture(**fields: Any) -> Capture:
    (capture,) = _read(_line(**fields))
    assert isinstance(capture, Capture)
    return capture


def test_jsonl_one_capture_per_line() -> None:
    content = b"\n".join(
        [
            _line(url="https://e.org/1", text="First."),
            b"",
            b"   ",
            _line(url="https://e.org/2", html="<p>Second</p>", title="Two") + b"\r",
        ]
    )
    captures = _read(content + b"\n")
    assert [(c.path, c.url) for c in captures if isinstance(c, Capture)] == [
        ("r.jsonl#line=1", "https://e.org/1"),
        ("r.jsonl#line=4", "https://e.org/2"),
    ]
    second = captures[1]
    assert isinstance(second, Capture)
    assert second.content == _line(url="https://e.org/2", html="<p>Second</p>", title="Two")
    assert (second.media_type, second.captured_at) == (sniff.RECORD, WHEN)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_splits_on_newline_only(separator: str) -> None:
    # JSON allows these unescaped inside strings, and str.splitlines would split on them
    text = f"Before{separator}after."
    first, second = _line(url="https://e.org/1", text=text), _line(url="https://e.org/2", text="x")
    content = first + b"\n" + second
    assert separator.encode() in content
    captures = _read(content)
    assert [type(c) for c in captures] == [Capture, Capture]
    assert isinstance(captures[0], Capture)
    assert json.loads(captures[0].content)["text"] == text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"url": "x", "text": ', "invalid JSON at column 22: Expecting value"),
        (b"\xff\xfe{}", "not UTF-8 at byte 0"),
        (b"[1, 2]", "a record must be a JSON object, not an array"),
        (b'"just a string"', "a record must be a JSON object, not a string"),
        (_line(text="no url"), "record has no url"),
        (_line(url=5, text="x"), "record has no url"),
        (_line(url="https://e.org"), "record has neither html nor text"),
        (_line(url="https://e.org", text="  "), "record has neither html nor text"),
        (_line(url="https://e.org", html=["<p>"]), "html must be a string, not an array"),
        (_line(url="https://e.org", text=7), "text must be a string, not a number"),
        (_line(url="https://e.org", text="x", title={}), "title must be a string, not an object"),
        (_line(url="https://e.org", text="x", captured_at="soon"), "captured_at is not ISO-8601"),
        (_line(url="https://e.org", text="x", captured_at=1), "captured_at must be an ISO-8601"),
        (b"[" * 100_000, "invalid JSON: maximum recursion depth"),
    ],
)
def test_jsonl_bad_line_is_its_error_and_reading_goes_on(line: bytes, reason: str) -> None:
    good = _line(url="https://e.org/ok", text="Fine.")
    items = _read(good + b"\n" + line + b"\n" + good)
    assert [type(item) for item in items] == [Capture, CaptureError, Capture]
    error = items[1]
    assert isinstance(error, CaptureError)
    assert error.where == "r.jsonl#line=2"
    assert error.reason.startswith(reason)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-10-21T09:14:37+03:00", datetime(2026, 10, 21, 9, 14, 37, tzinfo=KYIV)),
        ("2026-10-21T09:14:37Z", datetime(2026, 10, 21, 9, 14, 37, tzinfo=UTC)),
        ("2026-10-21T09:14:37", datetime(2026, 10, 21, 9, 14, 37, tzinfo=UTC)),
        ("2026-10-21", datetime(2026, 10, 21, tzinfo=UTC)),
    ],
)
def test_jsonl_captured_at_from_record(value: str, expected: datetime) -> None:
    capture = _capture(url="https://e.org", text="x", captured_at=value)
    assert capture.captured_at == expected
    assert capture.captured_at.tzinfo is not None


def test_jsonl_gzipped_file_is_read() -> None:
    content = gzip.compress(_line(url="https://e.org/1", text="x") + b"\n")
    assert [c.path for c in _read(content) if isinstance(c, Capture)] == ["r.jsonl#line=1"]


def test_jsonl_text_record_is_taken_as_it_is() -> None:
    text = "SUBSCRIBE TO US!\nThe\u00a0convoy was hit.\u200b \n"
    capture = _capture(url="https://e.org/a", text=text, title=" A title ")
    (document,) = jsonl.documents(capture)
    assert document.text == "SUBSCRIBE TO US!\nThe convoy was hit."
    assert (document.title, document.url) == ("A title", "https://e.org/a")
    assert document.capture_sha256 == capture.sha256
    assert document.extractors == (jsonl.NAME, normalize.NAME)


def test_jsonl_html_record_goes_to_html_reader() -> None:
    html = "<html><body><article><p>The convoy was hit near the bridge.</p></article></body></html>"
    capture = _capture(url="https://e.org/a", html=html, title="Convoy")
    try:
        (document,) = jsonl.documents(capture)
    except NotImplementedError:
        pytest.skip("ingest.html.document_from_html is still a stub")
    assert "convoy was hit" in document.text
    assert document.url == "https://e.org/a"


def test_jsonl_documents_of_a_bad_record_is_capture_error() -> None:
    capture = Capture.of(b'{"url": 1}', media_type=sniff.RECORD, captured_at=WHEN, path="r#line=3")
    with pytest.raises(CaptureError, match="r#line=3: record has no url"):
        jsonl.documents(capture)
