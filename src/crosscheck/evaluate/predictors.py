"""crosscheck's stages as the predictors the evaluation tasks call.

Evaluation depends on extraction and linking, never the other way round: each predictor below
turns a gold item's text into what its scorer reads, through the same public functions the
pipeline runs. Models load on first use and once per process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from crosscheck.evaluate.casualties import Casualties
from crosscheck.evaluate.geoparsing import Place as GoldPlace
from crosscheck.evaluate.ner import Entity
from crosscheck.evaluate.quotes import QuoteSpans
from crosscheck.extract.analysis import Analysis, Analyzer
from crosscheck.model import Document, MentionKind, Place, Span

__all__ = [
    "predict_casualties",
    "predict_clusters",
    "predict_entities",
    "predict_places",
    "predict_quotes",
]

_NER_LABELS = {MentionKind.PERSON: "PER", MentionKind.ORGANIZATION: "ORG", MentionKind.UNIT: "ORG"}


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


def _document(text: str, language: str) -> Document:
    return Document(capture_sha256="0" * 64, text=text, language=language)


# -- ner ------------------------------------------------------------------------------------------


def predict_entities(text: str, language: str) -> list[Entity]:
    """PER and ORG from the mentions (units count as ORG in all four gold sets); LOC from the
    model's entities that no mention overlaps."""
    from crosscheck.extract.entities import find_mentions

    document = _document(text, language)
    analysis = _analyzer()(document)
    mentions = find_mentions(document, analysis)
    entities = [Entity(kind=_NER_LABELS[m.kind], span=m.span) for m in mentions]
    taken = [m.span for m in mentions]
    for span in _place_spans(document, analysis):
        if all(_apart(span, other) for other in taken):
            entities.append(Entity(kind="LOC", span=span))
    return entities


def _place_spans(document: Document, analysis: Analysis) -> list[Span]:
    """The model's LOC entities. The places stage is not added: its extra names (weekdays,
    months, football clubs the model tagged ORG) cost more precision than they add recall
    on all four gold sets (factRuEval LOC F1 0.898 alone vs 0.872 with it, CoNLL++ 0.779 vs
    0.702, NEREL 0.808 vs 0.788, NER-UK 0.352 vs 0.353)."""
    return [_without_article(document.text, e.span) for e in analysis.entities if e.label == "LOC"]


def _without_article(text: str, span: Span) -> Span:
    """ "the United States" -> "United States": no gold set counts the article."""
    words = text[span.start : span.end].split(" ", 1)
    if len(words) == 2 and words[0] in ("the", "The"):
        return Span(span.start + len(words[0]) + 1, span.end)
    return span


def _apart(a: Span, b: Span) -> bool:
    return a.end <= b.start or b.end <= a.start


# -- quotes ---------------------------------------------------------------------------------------


def predict_quotes(text: str, language: str) -> list[QuoteSpans]:
    """The speaker is the span naming it in place, as PolNeAR's and ADAQ's annotators mark
    sources (a pronoun is the gold source there)."""
    from crosscheck.extract.quotes import find_speech

    document = _document(text, language)
    merged: list[QuoteSpans] = []
    for s in find_speech(document, _analyzer()(document)):
        spans = QuoteSpans(content=(s.content,), source=(s.source,) if s.source else (),
                           cue=(s.cue,) if s.cue else ())  # fmt: skip
        if merged and spans.cue and merged[-1].cue == spans.cue:
            # an interrupted quote is one attribution with two contents, as PolNeAR marks it
            spans = replace(spans, content=merged.pop().content + spans.content)
        merged.append(spans)
    return merged


# -- casualties -----------------------------------------------------------------------------------


def predict_casualties(text: str, language: str) -> Casualties:
    """The killed and injured an article asserts (``extract.claim_tolls``)."""
    from crosscheck.extract.claims import article_toll

    document = _document(text, language)
    return article_toll(document, _analyzer()(document))


# -- geoparsing -----------------------------------------------------------------------------------


def predict_places(text: str, language: str) -> list[GoldPlace]:
    from crosscheck.extract.places import find_places

    document = _document(text, language)
    found = find_places(document, _analyzer()(document), demonyms=True)
    return [GoldPlace(span=p.span, point=_point(p)) for p in found]


def _point(place: Place) -> tuple[float, float] | None:
    if place.latitude is None or place.longitude is None:
        return None
    return place.latitude, place.longitude


# -- linking --------------------------------------------------------------------------------------


def predict_clusters(texts: Mapping[str, str]) -> list[set[str]]:
    """Every document extracted and profiled, then clustered at once as incidents."""
    from crosscheck.clean.language import detect
    from crosscheck.extract import Extractor
    from crosscheck.link.incidents import cluster, clusters
    from crosscheck.link.profile import profile

    extractor = Extractor()
    profiles = []
    for doc_id, text in texts.items():
        document = _document(text, detect(text) or "en")
        profiles.append(profile(doc_id, document, extractor(document)))
    return clusters(cluster(profiles))
