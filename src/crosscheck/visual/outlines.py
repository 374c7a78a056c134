"""Country outlines for offline maps, read from the ``countryinfo`` wheel at run time.

Maps must draw without internet access, so no tile server: the outlines come from data that is
already installed. ``countryinfo`` (MIT licence, a dependency for the gazetteer) ships one JSON
file per country whose ``geoJSON`` member is the country's outline from johan's
``world.geo.json``, itself drawn from Natural Earth's admin-0 countries (public domain).
About 10,500 points for 173 countries: reading them takes ~60 ms, once per process.

Deriving them at run time rather than shipping a file of our own means no copy to keep in step
and no package data to declare; the outlines are as coarse as the source (a few km), which is
right for locating incidents on a region, never for measuring distances.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Outline", "Ring", "outlines"]

#: one closed ring of (longitude, latitude) pairs, in degrees
Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Outline:
    """One country: its name, rings (outer boundaries and holes alike) and bounding box."""

    name: str
    rings: tuple[Ring, ...]
    west: float
    south: float
    east: float
    north: float


@cache
def outlines() -> tuple[Outline, ...]:
    """Every country outline ``countryinfo`` carries, sorted by name (read once, then kept)."""
    found = []
    folder = resources.files("countryinfo").joinpath("data")
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            found += _outlines_in(json.loads(entry.read_bytes()))
    return tuple(sorted(found, key=lambda outline: outline.name))


def _outlines_in(country: dict[str, Any]) -> list[Outline]:
    collection = country.get("geoJSON") or {}
    found = []
    for feature in collection.get("features", ()):
        rings = _rings(feature.get("geometry") or {})
        if rings:
            name = str((feature.get("properties") or {}).get("name") or country.get("name", ""))
            found.append(_outline(name, rings))
    return found


def _rings(geometry: dict[str, Any]) -> tuple[Ring, ...]:
    """The rings of a Polygon or MultiPolygon (other geometry types carry no area)."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    return tuple(
        tuple((float(point[0]), float(point[1])) for point in ring)
        for polygon in polygons
        for ring in polygon
        if len(ring) >= 3
    )


def _outline(name: str, rings: tuple[Ring, ...]) -> Outline:
    longitudes = [lon for ring in rings for lon, _ in ring]
    latitudes = [lat for ring in rings for _, lat in ring]
    return Outline(name=name, rings=rings, west=min(longitudes), south=min(latitudes),
                   east=max(longitudes), north=max(latitudes))  # fmt: skip
