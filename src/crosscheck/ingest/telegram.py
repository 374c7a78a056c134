"""Telegram Desktop exports (``result.json``): one document per message.

A single-chat export (``{"name", "type", "id", "messages": [...]}``) gives documents at
``message/<id>``; a whole-account export gives every chat in ``chats.list`` (and
``left_chats.list``, the same shape) at ``chat/<chat id>/message/<id>``.

A message's text is its ``text_entities`` joined (else ``text``: a string, or a list of strings
and ``{type, text}`` pieces), Unicode-repaired and stripped. Service messages (joins, pins,
calls), messages without text (bare media), messages that are only promotional boilerplate
("subscribe to the channel") and labelled advertisements ("Реклама. ...") give no document;
trailing promo lines of a news post are cut off and listed in ``removed``. The source is the
chat's name; the author is the sender when it differs from the chat (group chats). A structure
that is not a Telegram export (a message that is not an object, an id that is not a number, an
unreadable date) is a ``CaptureError`` naming the message.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from crosscheck.clean import boilerplate, dates, normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import decode, sniff
from crosscheck.model import Capture, Document, Published, Removed

__all__ = ["NAME", "documents"]

NAME = "ingest.telegram.v1"

_CHAT_SECTIONS = ("chats", "left_chats")


def documents(capture: Capture) -> list[Document]:
    """One document per text message in the export, in export order."""
    where = capture.path or capture.url or capture.sha256
    export = _load(capture.content, where)
    found: list[Document] = []
    for chat, prefix in _chats(export, where):
        for message in chat["messages"]:
            document = _document(capture.sha256, chat, message, prefix, where)
            if document is not None:
                found.append(document)
    return found


def _load(content: bytes, where: str) -> dict[str, Any]:
    text = decode.decode_text(sniff.inner(content, where=where), where=where)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        reason = f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        raise CaptureError(where, reason) from error
    except (ValueError, RecursionError) as error:  # huge integers, absurd nesting
        raise CaptureError(where, f"invalid JSON: {error}") from error
    if not sniff.is_telegram(value):
        raise CaptureError(where, "not a Telegram Desktop export (no messages or chats.list)")
    export: dict[str, Any] = value
    return export


def _chats(export: dict[str, Any], where: str) -> list[tuple[dict[str, Any], str]]:
    """(chat, locator prefix) pairs: a one-chat export's messages need no chat prefix."""
    if isinstance(export.get("messages"), list):
        return [(export, "")]
    chats: list[tuple[dict[str, Any], str]] = []
    for section in _CHAT_SECTIONS:
        listing = export.get(section)
        if listing is None:
            continue  # left_chats is absent when the account left none
        items = listing.get("list") if isinstance(listing, dict) else None
        if not isinstance(items, list):
            raise CaptureError(where, f"{section} has no list of chats")
        for chat in items:
            if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
                raise CaptureError(where, f"{section}.list holds a chat without messages")
            chats.append((chat, f"chat/{_id(chat.get('id'), where, 'chat')}/"))
    return chats


def _document(
    sha256: str, chat: dict[str, Any], message: object, prefix: str, where: str
) -> Document | None:
    if not isinstance(message, dict):
        chat_name = f" in {prefix.rstrip('/')}" if prefix else ""
        raise CaptureError(where, f"a message{chat_name} is not a JSON object")
    if message.get("type") != "message":
        return None  # service messages: joins, pins, calls, title changes
    ident = _id(message.get("id"), where, "message")
    about = f"{prefix}message/{ident}"
    text, removed = _without_promo(normalize.fix(_text(message, where, about)).strip())
    if not text or boilerplate.is_advertisement(text):
        return None
    name = _string(chat.get("name"))
    sender = _string(message.get("from"))
    return Document(
        capture_sha256=sha256,
        text=text,
        locator=about,
        published=_published(message, where, about),
        source=name,
        author=sender if sender != name else None,
        forwarded_from=_string(message.get("forwarded_from")),
        removed=removed,
        extractors=(NAME, normalize.NAME, dates.NAME),
    )


def _without_promo(text: str) -> tuple[str, tuple[Removed, ...]]:
    """The post without its trailing boilerplate lines ("Подписывайтесь на @channel 👈"),
    which are listed as removed; a post that is nothing but such lines leaves no text."""
    lines = text.split("\n")
    removed: list[Removed] = []
    while lines and (not lines[-1].strip() or boilerplate.is_boilerplate(lines[-1])):
        line = lines.pop()
        reason = boilerplate.is_boilerplate(line)
        if reason is not None:
            removed.insert(0, Removed(text=line.strip(), reason=reason))
    return "\n".join(lines).strip(), tuple(removed)


def _id(value: object, where: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CaptureError(where, f"a {what} id is not a number: {value!r:.40}")
    return value


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _text(message: dict[str, Any], where: str, about: str) -> str:
    """The message text: entities are preferred as they are always a flat list of pieces."""
    entities = message.get("text_entities")
    pieces = entities if isinstance(entities, list) and entities else message.get("text", "")
    if isinstance(pieces, str):
        return pieces
    if not isinstance(pieces, list):
        raise CaptureError(where, f"{about}: text is neither a string nor a list")
    return "".join(_piece(piece, where, about) for piece in pieces)


def _piece(piece: object, where: str, about: str) -> str:
    if isinstance(piece, str):
        return piece
    if isinstance(piece, dict) and isinstance(piece.get("text"), str):
        text: str = piece["text"]
        return text
    raise CaptureError(where, f"{about}: a text piece is neither a string nor {{type, text}}")


def _published(message: dict[str, Any], where: str, about: str) -> Published | None:
    moment, phrase = _moment(message, where, about)
    return None if moment is None else dates.exact(moment, phrase=phrase)


def _moment(message: dict[str, Any], where: str, about: str) -> tuple[datetime | None, str]:
    """From ``date_unixtime`` (UTC by definition), else ``date``: Telegram Desktop writes it in
    the exporting computer's zone, which the export does not record, so UTC is assumed."""
    unix, local = message.get("date_unixtime"), message.get("date")
    try:
        if isinstance(unix, str | int) and not isinstance(unix, bool):
            return datetime.fromtimestamp(int(unix), UTC), str(unix)
        if isinstance(local, str):
            return _utc(datetime.fromisoformat(local)), local
    except (ValueError, OverflowError, OSError) as error:
        raise CaptureError(where, f"{about}: unreadable date ({error})") from error
    if unix is not None or local is not None:
        raise CaptureError(where, f"{about}: unreadable date {unix or local!r:.40}")
    return None, ""


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
