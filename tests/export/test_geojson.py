"""Incidents as GeoJSON: a valid FeatureCollection, longitude first, the rest counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosscheck.export.geojson import Tally, feature, geojson_chunks
from crosscheck.export.pages import Selection, incident_summaries
from crosscheck.store import Database


def _incident(incident_id: str, latitude: Any, longitude: Any) -> dict[str, Any]:
    return {"id": incident_id, "place": {"name": "x", "latitude": latitude,
                                         "longitude": longitude}}  # fmt: skip


def _collection(incidents: list[dict[str, Any]]) -> tuple[dict[str, Any], Tally]:
    tally = Tally()
    return json.loads("".join(geojson_chunks(incidents, tally))), tally


def test_geojson_points_are_longitude_then_latitude() -> None:
    collection, tally = _collection([_incident("a", 47.5, 31.0)])
    assert collection["type"] == "FeatureCollection"
    [found] = collection["features"]
    assert found["type"] == "Feature" and found["id"] == "a"
    assert found["geometry"] == {"type": "Point", "coordinates": [31.0, 47.5]}
    assert found["properties"]["latitude"] == 47.5 and found["properties"]["id"] == "a"
    assert (tally.written, tally.left_out) == (1, 0)


@pytest.mark.parametrize(("latitude", "longitude"), [(None, None), (47.5, None), (91, 0),
                                                     (0, 181), ("47.5", "31.0")])  # fmt: skip
def test_geojson_leaves_out_and_counts_incidents_without_usable_coordinates(
    latitude: Any, longitude: Any
) -> None:
    assert feature(_incident("a", latitude, longitude)) is None
    collection, tally = _collection([_incident("a", latitude, longitude), {"id": "b"}])
    assert collection["features"] == []
    assert collection["crosscheck"] == {"without_coordinates": 2}
    assert (tally.written, tally.left_out) == (0, 2)


def test_geojson_of_the_samples_is_a_valid_collection(linked_path: Path) -> None:
    with Database.open(f"sqlite:///{linked_path}") as db:
        incidents = list(incident_summaries(db, Selection()))
        collection, tally = _collection(incidents)
    placed = [i for i in incidents if (i.get("place") or {}).get("latitude") is not None]
    assert tally.written == len(placed) == len(collection["features"]) > 0
    assert tally.left_out == len(incidents) - len(placed)
    for found in collection["features"]:
        longitude, latitude = found["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert (latitude, longitude) == (found["properties"]["latitude"],
                                         found["properties"]["longitude"])  # fmt: skip
        assert set(found) == {"type", "id", "geometry", "properties"}
