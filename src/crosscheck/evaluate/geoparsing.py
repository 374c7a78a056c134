"""Places: toponyms found in English news and where on Earth they are.

Gold: GeoWebNews (Gritta, Pilehvar & Collier, "A Pragmatic Guide to Geoparsing Evaluation",
LREV 2020). Toponyms are every annotation of the paper's pragmatic taxonomy except the
non-toponym location expressions (``Literal_Expression``, ``Non_Lit_Expression``: "city",
"towns") and ``Non_Toponym`` (a place name used for something else). Following the paper's
recommendations: geotagging is exact-span P/R/F1; geocoding is accuracy@161 km, the share of
correctly found toponyms with gold coordinates whose predicted coordinates lie within 161 km
(100 miles) of the gold point; a found toponym without predicted coordinates is a miss.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.evaluate.gold import GoldError, integer, read_bytes
from crosscheck.evaluate.metrics import haversine_km, prf, span_prf
from crosscheck.evaluate.report import Score
from crosscheck.evaluate.task import Task, registered
from crosscheck.model import Span

__all__ = [
    "KILOMETRES",
    "TASKS",
    "Place",
    "PlacePredictor",
    "ToponymDocument",
    "load_geowebnews",
    "score_places",
]

KILOMETRES = 161.0
NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A toponym: its span and, when resolved, ``(latitude, longitude)`` in decimal degrees."""

    span: Span
    point: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ToponymDocument:
    doc_id: str
    text: str = field(repr=False)
    places: tuple[Place, ...]


#: (text, language) -> the places it names
PlacePredictor = Callable[[str, str], list[Place]]


def load_geowebnews(path: Path) -> list[ToponymDocument]:
    """``<article file=…><text>…</text><toponyms><toponym>…`` with start/end into ``text``."""
    try:
        root = ElementTree.fromstring(read_bytes(path))
    except ElementTree.ParseError as error:
        raise GoldError(path, f"is not well-formed XML ({error})") from error
    return [_document(article, path) for article in root.iter("article")]


def _document(article: ElementTree.Element, path: Path) -> ToponymDocument:
    where = f"{path} (article {article.get('file')})"
    text = article.findtext("text") or ""
    toponyms = [
        t for t in article.iter("toponym") if (t.findtext("type") or "") not in NOT_TOPONYMS
    ]
    places = [place for t in toponyms if (place := _place(t, text, where)) is not None]
    return ToponymDocument(doc_id=article.get("file", ""), text=text, places=tuple(places))


def _place(toponym: ElementTree.Element, text: str, where: str) -> Place | None:
    """The toponym as a place; None for the few whose offsets lie outside the text upstream
    (negative offsets counted from a title that is not part of ``text``)."""
    start, end = (integer(toponym.findtext(name) or "", where) for name in ("start", "end"))
    if not 0 <= start <= end <= len(text):
        return None
    latitude, longitude = (
        _degrees(toponym.findtext(name), where) for name in ("latitude", "longitude")
    )
    if latitude is None or longitude is None:
        if latitude is not None or longitude is not None:
            raise GoldError(where, f"toponym at {start} has only one coordinate")
        return Place(span=Span(start, end))
    return Place(span=Span(start, end), point=(latitude, longitude))


def _degrees(value: str | None, where: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as error:
        raise GoldError(where, f"coordinate {value!r} is not a number") from error


def score_places(documents: Sequence[ToponymDocument], predict: PlacePredictor) -> list[Score]:
    """Toponym P/R/F1 over exact spans, and accuracy@161 km on the matched ones."""
    gold = {(d.doc_id, p.span): p for d in documents for p in d.places}
    predicted = {(d.doc_id, p.span): p for d in documents for p in predict(d.text, "en")}
    tp, fp, fn = span_prf(gold.keys(), predicted.keys())
    result = prf(tp, fp, fn)
    located = [
        (gold[key], predicted[key]) for key in gold.keys() & predicted.keys() if gold[key].point
    ]
    near = sum(_within(g, p) for g, p in located)
    return [
        Score(metric="toponym.precision", score=result.precision, items=tp + fn),
        Score(metric="toponym.recall", score=result.recall, items=tp + fn),
        Score(metric="toponym.f1", score=result.f1, items=tp + fn),
        Score(
            metric="accuracy@161km",
            score=near / len(located) if located else 0.0,
            items=len(located),
        ),
    ]


def _within(gold: Place, predicted: Place) -> bool:
    if gold.point is None or predicted.point is None:
        return False
    return haversine_km(*gold.point, *predicted.point) <= KILOMETRES


TASKS = (
    Task(
        name="geoparsing/geowebnews",
        path="geoparsing/geowebnews/GWN.xml",
        load=load_geowebnews,
        score=score_places,
        predictor=registered("geoparsing"),
    ),
)
