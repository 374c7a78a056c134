"""An SVG map of incidents over country outlines, drawn without any network access.

The view is fitted to the incidents' bounding box (at least ``MIN_SPAN`` degrees, so that one
incident still shows its region, plus ``PADDING`` on each side) in Web Mercator, the projection
readers know from web maps; with no incident to place it falls back to ``WORLD``. Outlines come
from ``visual.outlines`` (installed data, no tiles) and are thinned to what the pixels can show.

The SVG is built with ``xml.etree``, which escapes every text and attribute: place names come
from captures, and a capture may carry hostile markup. The result is ``Markup``, so a Jinja2
template inserts it as it is (``{{ map }}``) while everything around it stays autoescaped.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from crosscheck.visual.outlines import Outline, Ring, outlines

__all__ = ["WORLD", "Box", "MapPoint", "Projection", "incident_points", "map_svg", "view_of"]

MIN_SPAN = 6.0  # degrees of longitude and latitude the view spans at least
PADDING = 0.15  # of the points' span, on each side
MAX_LATITUDE = 84.0  # Web Mercator runs to infinity at the poles
#: below this distance in pixels, a ring's next point adds nothing visible
_THIN_PX = 0.8
_LABELLED = 8  # points get a text label up to this many markers
_NAMED_PX = 60.0  # a country this wide on screen (at least) gets its name written


@dataclass(frozen=True, slots=True, kw_only=True)
class Box:
    """A geographic box in degrees; ``west`` > ``east`` is not supported (no antimeridian)."""

    west: float
    south: float
    east: float
    north: float


WORLD = Box(west=-180.0, south=-58.0, east=180.0, north=MAX_LATITUDE)


@dataclass(frozen=True, slots=True, kw_only=True)
class MapPoint:
    """One incident to mark: ``name`` is written beside it, ``title`` is its tooltip and
    ``href`` where a click leads."""

    id: str
    name: str
    title: str
    latitude: float
    longitude: float
    href: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Projection:
    """Web Mercator fitted into ``width`` x ``height`` pixels: (lon, lat) -> (x, y)."""

    left: float  # Mercator x of the left edge (radians)
    top: float  # Mercator y of the top edge
    scale: float  # pixels per radian
    width: int
    height: int

    @classmethod
    def fit(cls, box: Box, width: int, height: int) -> Projection:
        """The projection that shows all of ``box``, centred, keeping the aspect ratio."""
        x0, x1 = math.radians(box.west), math.radians(box.east)
        y0, y1 = _mercator_y(box.south), _mercator_y(box.north)
        scale = min(width / max(x1 - x0, 1e-9), height / max(y1 - y0, 1e-9))
        centre_x, centre_y = (x0 + x1) / 2, (y0 + y1) / 2
        return cls(left=centre_x - width / (2 * scale), top=centre_y + height / (2 * scale),
                   scale=scale, width=width, height=height)  # fmt: skip

    def __call__(self, longitude: float, latitude: float) -> tuple[float, float]:
        x = (math.radians(longitude) - self.left) * self.scale
        return x, (self.top - _mercator_y(latitude)) * self.scale

    def visible(self) -> Box:
        """The geographic box the pixels cover (wider than the fitted one on one axis)."""
        right = self.left + self.width / self.scale
        bottom = self.top - self.height / self.scale
        return Box(west=math.degrees(self.left), south=_latitude(bottom),
                   east=math.degrees(right), north=_latitude(self.top))  # fmt: skip


def incident_points(
    incidents: Iterable[Mapping[str, Any]], *, href: Callable[[str], str] | None = None
) -> tuple[list[MapPoint], int]:
    """The incidents (summaries, ``link.ledger``) whose place has coordinates, as points, and
    how many were left out for having none. ``href`` turns an incident id into a link."""
    found, missing = [], 0
    for incident in incidents:
        place = incident.get("place") or {}
        latitude, longitude = place.get("latitude"), place.get("longitude")
        if latitude is None or longitude is None:
            missing += 1
            continue
        found.append(
            MapPoint(id=str(incident["id"]), name=str(place.get("name") or "unknown place"),
                     title=_title(incident), latitude=float(latitude), longitude=float(longitude),
                     href=href(str(incident["id"])) if href else None)
        )  # fmt: skip
    return found, missing


def _title(incident: Mapping[str, Any]) -> str:
    place = (incident.get("place") or {}).get("name") or "unknown place"
    time = incident.get("time") or {}
    day = str(time.get("start") or "")[:10]
    documents = len(incident.get("documents") or ())
    return f"{place}, {day or 'undated'}, {documents} document{'s' * (documents != 1)}"


def view_of(points: Sequence[MapPoint]) -> Box:
    """The box to show: the points' bounding box, widened and padded, clamped to the world;
    ``WORLD`` without any point."""
    if not points:
        return WORLD
    west, east = _padded([p.longitude for p in points])
    south, north = _padded([p.latitude for p in points])
    return Box(west=max(west, -180.0), south=max(south, -MAX_LATITUDE),
               east=min(east, 180.0), north=min(north, MAX_LATITUDE))  # fmt: skip


def _padded(values: Sequence[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    span = max(high - low, MIN_SPAN)
    centre = (low + high) / 2
    reach = span / 2 + span * PADDING
    return centre - reach, centre + reach


def map_svg(
    points: Sequence[MapPoint],
    *,
    width: int = 720,
    height: int = 420,
    title: str = "Incidents",
    missing: int = 0,
) -> Markup:
    """The map as an inline ``<svg>`` element: outlines, one marker per place (incidents at
    the same coordinates share it), and a note of the ``missing`` incidents not shown."""
    projection = Projection.fit(view_of(points), width, height)
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {width} {height}",
                     role="img", width=str(width), height=str(height))  # fmt: skip
    svg.set("class", "cc-map")
    svg.set("aria-label", title)
    ET.SubElement(svg, "title").text = title
    ET.SubElement(svg, "rect", width=str(width), height=str(height), fill="#e8eff5")
    _draw_outlines(svg, projection)
    groups = _grouped(points)
    for group in groups:
        _draw_marker(svg, projection, group, labelled=len(groups) <= _LABELLED)
    _draw_notes(svg, width, height, missing)
    return Markup(ET.tostring(svg, encoding="unicode"))


def _draw_outlines(svg: ET.Element, projection: Projection) -> None:
    visible = projection.visible()
    layer = ET.SubElement(svg, "g", fill="#fbfaf5", stroke="#98a4b0")
    layer.set("stroke-width", "0.6")
    layer.set("stroke-linejoin", "round")
    names: list[Outline] = []
    for outline in outlines():
        if not _overlaps(outline, visible):
            continue
        path = " ".join(d for ring in outline.rings if (d := _ring_path(ring, projection)))
        if path:
            country = ET.SubElement(layer, "path", d=path)
            country.set("class", "cc-country")
            ET.SubElement(country, "title").text = outline.name
            names.append(outline)
    for outline in names:  # above every outline, so that no neighbour covers a name
        _draw_country_name(svg, projection, outline)


def _draw_country_name(svg: ET.Element, projection: Projection, outline: Outline) -> None:
    """The name at the middle of the country's largest ring, where that is wide enough on
    screen to hold it, clamped into the view: orientation for a reader zoomed in."""
    ring = max(outline.rings, key=len)
    xs, ys = zip(*(projection(lon, lat) for lon, lat in ring), strict=True)
    if max(xs) - min(xs) < _NAMED_PX:
        return
    x = min(max((min(xs) + max(xs)) / 2, _NAMED_PX), projection.width - _NAMED_PX)
    y = min(max((min(ys) + max(ys)) / 2, 14.0), projection.height - 20.0)
    name = ET.SubElement(svg, "text", x=f"{x:.1f}", y=f"{y:.1f}", fill="#8a96a3")
    name.set("font-size", "11")
    name.set("font-family", "system-ui, sans-serif")
    name.set("text-anchor", "middle")
    name.set("class", "cc-country-name")
    name.text = outline.name


def _overlaps(outline: Outline, box: Box) -> bool:
    return not (outline.east < box.west or outline.west > box.east
                or outline.north < box.south or outline.south > box.north)  # fmt: skip


def _ring_path(ring: Ring, projection: Projection) -> str:
    """The ring as path data, dropping points closer than ``_THIN_PX`` to the last one kept."""
    kept: list[tuple[float, float]] = []
    for longitude, latitude in ring:
        x, y = projection(longitude, latitude)
        if not kept or math.hypot(x - kept[-1][0], y - kept[-1][1]) >= _THIN_PX:
            kept.append((x, y))
    if len(kept) < 3:
        return ""  # smaller than a pixel at this scale
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z"


def _grouped(points: Sequence[MapPoint]) -> list[list[MapPoint]]:
    """Points at the same coordinates (to about 10 m), so that one marker names them all."""
    groups: dict[tuple[float, float], list[MapPoint]] = {}
    for point in points:
        groups.setdefault((round(point.latitude, 4), round(point.longitude, 4)), []).append(point)
    return list(groups.values())


def _draw_marker(
    svg: ET.Element, projection: Projection, group: list[MapPoint], *, labelled: bool
) -> None:
    first = group[0]
    x, y = projection(first.longitude, first.latitude)
    parent = svg
    if first.href:
        parent = ET.SubElement(svg, "a", href=first.href)
    marker = ET.SubElement(parent, "g")
    marker.set("class", "cc-point")
    marker.set("data-incident", first.id)
    radius = 5 + 2 * math.sqrt(len(group) - 1)
    ET.SubElement(marker, "circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{radius:.1f}",
                  fill="#b03a2e", stroke="#ffffff")  # fmt: skip
    ET.SubElement(marker, "title").text = "\n".join(point.title for point in group)
    if labelled:
        text = first.name + (f" ({len(group)})" if len(group) > 1 else "")
        label = ET.SubElement(marker, "text", x=f"{x + radius + 3:.1f}", y=f"{y + 4:.1f}")
        label.set("font-size", "12")
        label.set("font-family", "system-ui, sans-serif")
        label.text = text


def _draw_notes(svg: ET.Element, width: int, height: int, missing: int) -> None:
    note = ET.SubElement(svg, "text", x=str(width - 6), y=str(height - 6))
    note.set("text-anchor", "end")
    note.set("font-size", "9")
    note.set("font-family", "system-ui, sans-serif")
    note.set("fill", "#5b6670")
    note.text = "Outlines: Natural Earth via countryinfo"
    if missing:
        left = ET.SubElement(svg, "text", x="6", y=str(height - 6))
        left.set("font-size", "11")
        left.set("font-family", "system-ui, sans-serif")
        left.text = f"{missing} incident{'s' * (missing != 1)} without coordinates not shown"


def _mercator_y(latitude: float) -> float:
    clamped = max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))
    return math.log(math.tan(math.pi / 4 + math.radians(clamped) / 2))


def _latitude(mercator_y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(mercator_y)) - math.pi / 2)
