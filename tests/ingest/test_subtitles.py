"""subtitles.documents: WebVTT and SubRip transcripts, every cue mapped back to the video."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crosscheck.errors import CaptureError
from crosscheck.ingest import sniff, subtitles
from crosscheck.model import Capture, Cue, Document, Span

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

VTT = """WEBVTT
Kind: captions
Language: en-GB

NOTE written for this test

intro
00:00:01.000 --> 00:00:04.500 align:start
<v Ivan>My name is <b>Ivan</b>,
I'm from Zorivka.</v>

00:00:04.500 --> 00:00:06.000
Look.

00:00:06.000 --> 00:00:08.000
Look.

00:00:08.000 --> 00:00:09.250
&amp; listen.
"""

SRT = """1
00:00:01,000 --> 00:00:04,500
<i>My name is Ivan,</i>
I'm from Zorivka.

2
00:00:04,500 --> 00:00:06,000
{\\an8}Look.

3
00:00:06,000 --> 00:00:08,000
Look.

4
00:01:08,000 --> 00:01:09,250
<i> </i>

5
01:00:08,000 --> 01:00:09,250
The end.
"""


def _document(text: str, media_type: str, *, compress: bool = False) -> Document:
    content = text.encode()
    content = gzip.compress(content) if compress else content
    capture = Capture.of(content, media_type=media_type, captured_at=WHEN, path="v.sub")
    (document,) = subtitles.documents(capture)
    return document


def _cue_texts(document: Document) -> list[str]:
    return [document.text[cue.span.start : cue.span.end] for cue in document.cues]


def test_subtitles_vtt_text_and_cues() -> None:
    document = _document(VTT, sniff.VTT)
    assert document.text == "My name is Ivan, I'm from Zorivka.\nLook.\n& listen."
    assert document.cues == (
        Cue(span=Span(0, 34), start_seconds=1.0, end_seconds=4.5),
        Cue(span=Span(35, 40), start_seconds=4.5, end_seconds=8.0),
        Cue(span=Span(41, 50), start_seconds=8.0, end_seconds=9.25),
    )
    assert document.language == "en"
    assert document.extractors[0] == subtitles.NAME


def test_subtitles_srt_text_and_cues() -> None:
    document = _document(SRT, sniff.SRT)
    assert _cue_texts(document) == ["My name is Ivan, I'm from Zorivka.", "Look.", "The end."]
    assert [(c.start_seconds, c.end_seconds) for c in document.cues] == [
        (1.0, 4.5),
        (4.5, 8.0),
        (3608.0, 3609.25),
    ]
    assert document.language is None


def test_subtitles_rolling_captions_merge_only_when_consecutive() -> None:
    vtt = "WEBVTT\n\n" + "".join(
        f"00:00:0{n}.000 --> 00:00:0{n + 1}.000\n{text}\n\n"
        for n, text in enumerate(["we were", "we were", "left", "we were"])
    )
    document = _document(vtt, sniff.VTT)
    assert document.text == "we were\nleft\nwe were"
    assert [(c.start_seconds, c.end_seconds) for c in document.cues] == [
        (0.0, 2.0),
        (2.0, 3.0),
        (3.0, 4.0),
    ]


def test_subtitles_gzipped_file_is_read() -> None:
    assert _document(SRT, sniff.SRT, compress=True).text.endswith("The end.")


@pytest.mark.parametrize(
    ("text", "media_type", "reason"),
    [
        ("not a header\n\n00:00:01.000 --> 00:00:02.000\nx\n", sniff.VTT, "invalid WebVTT"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:99.000\nx\n", sniff.VTT, "invalid WebVTT"),
        ("garbage\n\n1\n00:00:01,000 --> 00:00:02,000\nx\n", sniff.SRT, "invalid SubRip"),
        ("WEBVTT\n\n0:00:01.000 --> 0:00:02.000\nx\n", sniff.VTT, "invalid WebVTT"),
        ("WEBVTT\n\nNOTE nothing but a note\n", sniff.VTT, "subtitles hold no cue text"),
        ("1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n", sniff.SRT, "subtitles hold no cue text"),
    ],
)
def test_subtitles_malformed_is_capture_error(text: str, media_type: str, reason: str) -> None:
    with pytest.raises(CaptureError) as caught:
        _document(text, media_type)
    assert caught.value.where == "v.sub"
    assert caught.value.reason.startswith(reason)


def test_subtitles_shared_sample(shared: Path) -> None:
    path = shared / "samples" / "smirnov" / "video-subtitles.en.vtt"
    document = _document(path.read_text("utf-8"), sniff.VTT)
    assert document.language == "en"
    assert _cue_texts(document)[0] == "My name is Alexei Smirnov, I'm from Irkutsk."
    assert document.cues[0].start_seconds == 1.0
    assert len(document.cues) == document.text.count("\n") + 1
