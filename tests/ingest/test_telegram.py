"""telegram.documents: one document per text message of a Telegram Desktop export."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crosscheck.clean import boilerplate
from crosscheck.errors import CaptureError
from crosscheck.ingest import sniff, telegram
from crosscheck.model import Capture, Document, Precision

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
POSTED = datetime(2026, 10, 21, 9, 14, 37, tzinfo=UTC)


def _message(ident: object, text: Any = "Text.", **fields: Any) -> dict[str, Any]:
    message = {
        "id": ident,
        "type": "message",
        "date": "2026-10-21T09:14:37",
        "date_unixtime": str(int(POSTED.timestamp())),
        "from": "Front news",
        "text": text,
    }
    return message | fields


def _chat(*messages: object, name: str = "Front news", ident: object = 17) -> dict[str, Any]:
    return {"name": name, "type": "public_channel", "id": ident, "messages": list(messages)}


def _documents(export: object, *, compress: bool = False) -> list[Document]:
    content = json.dumps(export, ensure_ascii=False).encode()
    content = gzip.compress(content) if compress else content
    capture = Capture.of(content, media_type=sniff.TELEGRAM, captured_at=WHEN, path="result.json")
    return telegram.documents(capture)


def test_telegram_channel_message_becomes_document() -> None:
    entities = [
        {"type": "plain", "text": "Soldier "},
        {"type": "bold", "text": "Ivan\u00a0Petrenko"},
        {"type": "plain", "text": " said the road was shelled.\n\n"},
        {"type": "hashtag", "text": "#video"},
    ]
    message = _message(5, text=["ignored when entities exist"], text_entities=entities)
    (document,) = _documents(_chat(message | {"forwarded_from": "Other channel"}))
    assert document.text == "Soldier Ivan Petrenko said the road was shelled.\n\n#video"
    assert document.locator == "message/5"
    assert (document.source, document.author) == ("Front news", None)
    assert document.forwarded_from == "Other channel"
    published = document.published
    assert published is not None
    assert (published.start, published.precision, published.method) == (
        POSTED,
        Precision.SECOND,
        "exact",
    )
    assert published.phrase == str(int(POSTED.timestamp()))
    assert document.extractors[0] == telegram.NAME


def test_telegram_group_message_has_author() -> None:
    (document,) = _documents(_chat(_message(1, **{"from": "Oksana"}), name="Local chat"))
    assert (document.source, document.author) == ("Local chat", "Oksana")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Plain text.  ", "Plain text."),
        (["Mixed ", {"type": "italic", "text": "pieces"}, "."], "Mixed pieces."),
        ("Ð\u0092Ð¾Ð¹Ð½Ð°", "Война"),  # mojibake repaired
    ],
)
def test_telegram_text_without_entities(text: Any, expected: str) -> None:
    (document,) = _documents(_chat(_message(1, text=text)))
    assert document.text == expected


def test_telegram_skips_service_and_empty_messages() -> None:
    service = _message(1, type="service", action="pin_message", text="")
    media_only = _message(2, text="", photo="photos/1.jpg")
    blank = _message(3, text=" \n ")
    (document,) = _documents(_chat(service, media_only, blank, _message(4)))
    assert document.locator == "message/4"


def test_telegram_skips_promotional_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    def promo(line: str) -> str | None:
        return "promo" if line.startswith("Subscribe") else None

    monkeypatch.setattr(boilerplate, "is_boilerplate", promo)
    messages = _message(1, text="Subscribe to the channel 👇"), _message(2, text="News.")
    assert [d.locator for d in _documents(_chat(*messages))] == ["message/2"]


def test_telegram_date_without_unixtime_is_utc() -> None:
    message = _message(1)
    del message["date_unixtime"]
    (document,) = _documents(_chat(message))
    assert document.published is not None
    assert document.published.start == POSTED
    assert document.published.phrase == "2026-10-21T09:14:37"


def test_telegram_full_export_gives_every_chat() -> None:
    export = {
        "about": "",
        "chats": {"about": "", "list": [_chat(_message(1), ident=7), _chat(_message(1), ident=8)]},
        "left_chats": {"about": "", "list": [_chat(_message(3), ident=9)]},
    }
    locators = [document.locator for document in _documents(export)]
    assert locators == ["chat/7/message/1", "chat/8/message/1", "chat/9/message/3"]


def test_telegram_gzipped_export_is_read() -> None:
    assert [d.locator for d in _documents(_chat(_message(1)), compress=True)] == ["message/1"]


@pytest.mark.parametrize(
    ("export", "reason"),
    [
        ({"messages": []}, "not a Telegram Desktop export"),
        (_chat("not an object"), "a message is not a JSON object"),
        (_chat(_message("x")), "a message id is not a number: 'x'"),
        (_chat(_message(1, text=5)), "message/1: text is neither a string nor a list"),
        (_chat(_message(1, text=[5])), "message/1: a text piece is neither a string nor"),
        (_chat(_message(1, date_unixtime="soon")), "message/1: unreadable date"),
        (_chat(_message(1, date_unixtime=10**30)), "message/1: unreadable date"),
        (_chat(_message(1, date_unixtime=None, date=12)), "message/1: unreadable date"),
        ({"chats": {"list": [{"id": 1}]}}, "chats.list holds a chat without messages"),
        ({"chats": {"list": [_chat(ident="x")]}}, "a chat id is not a number"),
        ({"chats": {"list": []}, "left_chats": []}, "left_chats has no list of chats"),
    ],
)
def test_telegram_invalid_structure_is_capture_error(export: object, reason: str) -> None:
    with pytest.raises(CaptureError) as caught:
        _documents(export)
    assert caught.value.where == "result.json"
    assert caught.value.reason.startswith(reason)


def test_telegram_invalid_json_is_capture_error() -> None:
    capture = Capture.of(b'{"messages": [', media_type=sniff.TELEGRAM, captured_at=WHEN)
    with pytest.raises(CaptureError, match="invalid JSON at line 1 column 15"):
        telegram.documents(capture)


def test_telegram_shared_sample(shared: Path) -> None:
    path = shared / "samples" / "smirnov" / "telegram-export" / "result.json"
    capture = Capture.of(path.read_bytes(), media_type=sniff.TELEGRAM, captured_at=WHEN)
    documents = telegram.documents(capture)
    assert documents[0].locator == "message/48211"
    assert documents[0].text.startswith("Военнослужащий ВС РФ Алексей Смирнов из Иркутска")
    assert documents[0].source == "Фронтовые сводки"
    if boilerplate.is_boilerplate("Подписывайтесь на канал") is None:
        pytest.skip("clean.boilerplate does not flag the promo post yet")
    assert [d.locator for d in documents] == ["message/48211"]  # the promo post is dropped


def test_documents_skip_labelled_advertisements_and_cut_promo_lines() -> None:
    export = {
        "name": "Канал",
        "type": "public_channel",
        "id": 1,
        "messages": [
            {"id": 1, "type": "message", "date": "2026-09-14T19:40:00",
             "text": "Реклама. Аптечки со склада, доставка за день. Пиши @shop_bot"},
            {"id": 2, "type": "message", "date": "2026-09-14T19:41:00",
             "text": "Обстрел села Тиха Вода: двое погибших.\n\nПодписывайтесь на @kanal 👈"},
        ],
    }  # fmt: skip
    capture = Capture.of(
        json.dumps(export, ensure_ascii=False).encode(),
        media_type=sniff.TELEGRAM,
        captured_at=datetime(2026, 9, 15, tzinfo=UTC),
    )
    [document] = telegram.documents(capture)
    assert document.locator == "message/2"
    assert document.text == "Обстрел села Тиха Вода: двое погибших."
    assert [(r.reason, r.text) for r in document.removed] == [
        ("promo", "Подписывайтесь на @kanal 👈")
    ]
