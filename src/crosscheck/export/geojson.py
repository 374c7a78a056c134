"""Incidents as a GeoJSON FeatureCollection (RFC 7946), streamed one feature at a time.

Each incident whose place has coordinates is a Feature with a Point geometry (longitude first,
then latitude, WGS 84, as RFC 7946 requires), its id, and the flat incident row of
``tables.INCIDENT_COLUMNS`` as properties, so a GIS shows the same fields as the CSV. An
incident without coordinates (a place the gazetteer could not resolve, or none) cannot be drawn
and is left out; how many were is written in a foreign member at the end of the collection,
``"crosscheck": {"without_coordinates": N}``, and counted in the ``Tally``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from crosscheck.export.tables import INCIDENT_COLUMNS, row

__all__ = ["Tally", "feature", "geojson_chunks"]


@dataclass(slots=True)
class Tally:
    """What an export wrote, filled in while it streams: items written and left out."""

    written: int = 0
    left_out: int = 0


def feature(incident: Mapping[str, Any]) -> dict[str, Any] | None:
    """The incident as a GeoJSON Feature, or None when its place has no usable coordinates."""
    place = incident.get("place") or {}
    latitude, longitude = place.get("latitude"), place.get("longitude")
    if not isinstance(latitude, int | float) or not isinstance(longitude, int | float):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None  # not a position on Earth: better left out than drawn somewhere wrong
    return {
        "type": "Feature",
        "id": incident["id"],
        "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
        "properties": row(INCIDENT_COLUMNS, incident),
    }


def geojson_chunks(
    incidents: Iterable[Mapping[str, Any]], tally: Tally | None = None
) -> Iterator[str]:
    """The FeatureCollection as text chunks; ``tally`` counts features and incidents left out."""
    tally = tally if tally is not None else Tally()
    yield '{"type": "FeatureCollection", "features": ['
    for incident in incidents:
        found = feature(incident)
        if found is None:
            tally.left_out += 1
            continue
        yield ("\n" if tally.written == 0 else ",\n") + json.dumps(found, ensure_ascii=False)
        tally.written += 1
    yield f'\n], "crosscheck": {{"without_coordinates": {tally.left_out}}}}}\n'
