"""GeoWebNews loader on a synthetic article; toponym F1 and accuracy@161 km."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.evaluate.geoparsing import Place, ToponymDocument, load_geowebnews, score_places
from crosscheck.evaluate.gold import GoldError
from crosscheck.model import Span

TEXT = "Shelling hit Kharkiv & the city. Paris Hilton said Ukrainian troops held."


def toponym(
    name: str, kind: str, start: int | None = None, point: tuple[float, float] | None = None
) -> str:
    start = TEXT.index(name) if start is None else start
    coordinates = (
        f"<latitude>{point[0]}</latitude><longitude>{point[1]}</longitude>" if point else ""
    )
    return (
        f"<toponym><extractedName>{name}</extractedName><type>{kind}</type>"
        f"<start>{start}</start><end>{start + len(name)}</end>{coordinates}</toponym>"
    )


def write_gwn(path: Path, *toponyms: str) -> None:
    path.write_text(
        '<?xml version="1.0" ?><articles><article file="0"><title>T</title>'
        f"<text>{TEXT.replace('&', '&amp;')}</text>"
        f"<toponyms>{''.join(toponyms)}</toponyms></article></articles>",
        encoding="utf-8",
    )


def test_load_geowebnews_keeps_toponyms_only(tmp_path: Path) -> None:
    path = tmp_path / "GWN.xml"
    write_gwn(
        path,
        toponym("Kharkiv", "Literal", point=(49.99, 36.23)),
        toponym("city", "Literal_Expression"),
        toponym("Paris", "Non_Toponym"),
        toponym("Ukrainian", "Demonym"),
        toponym("Title", "Literal", -10),  # offsets outside the text, as 5 upstream ones are
    )
    (document,) = load_geowebnews(path)
    assert [document.text[p.span.start : p.span.end] for p in document.places] == [
        "Kharkiv",
        "Ukrainian",
    ]
    assert document.places[0].point == (49.99, 36.23) and document.places[1].point is None


def test_load_geowebnews_rejects_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "GWN.xml"
    path.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(GoldError, match=r"GWN\.xml: is not well-formed XML"):
        load_geowebnews(path)


DOCUMENT = ToponymDocument(
    doc_id="0",
    text="Kharkiv, Lviv and Izium",
    places=(
        Place(span=Span(0, 7), point=(49.99, 36.23)),
        Place(span=Span(9, 13), point=(49.84, 24.03)),
        Place(span=Span(18, 23)),
    ),
)


def by_metric(
    predicted: list[Place], documents: list[ToponymDocument] | None = None
) -> dict[str, float]:
    rows = score_places(documents or [DOCUMENT], lambda text, language: predicted)
    return {row.metric: round(row.score, 4) for row in rows}


def test_score_places_tagging_and_distance() -> None:
    predicted = [
        Place(span=Span(0, 7), point=(50.5, 36.23)),  # about 57 km off: within 161 km
        Place(span=Span(9, 13), point=(49.84, 30.0)),  # about 430 km off
        Place(span=Span(18, 23), point=(49.2, 37.25)),  # no gold point: not in accuracy
        Place(span=Span(14, 17)),  # "and": a false toponym
    ]
    result = by_metric(predicted)
    assert (result["toponym.precision"], result["toponym.recall"]) == (0.75, 1.0)
    assert result["accuracy@161km"] == 0.5


def test_score_places_unresolved_prediction_is_a_miss() -> None:
    assert by_metric([Place(span=Span(0, 7))])["accuracy@161km"] == 0.0


def test_score_places_empty_sides() -> None:
    assert by_metric([]) == {
        "toponym.precision": 0.0,
        "toponym.recall": 0.0,
        "toponym.f1": 0.0,
        "accuracy@161km": 0.0,
    }
    nothing = ToponymDocument(doc_id="1", text="no places", places=())
    assert by_metric([Place(span=Span(0, 2))], [nothing])["toponym.precision"] == 0.0
