"""The incident map: points from summaries, the fitted view, the projection, the SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.visual.map import (
    MIN_SPAN,
    WORLD,
    MapPoint,
    Projection,
    incident_points,
    map_svg,
    view_of,
)

SVG = "{http://www.w3.org/2000/svg}"
KYIV = MapPoint(id="k", name="Kyiv", title="Kyiv", latitude=50.45, longitude=30.52)
KHARKIV = MapPoint(id="h", name="Kharkiv", title="Kharkiv", latitude=49.99, longitude=36.23)
ODESA = MapPoint(id="o", name="Odesa", title="Odesa", latitude=46.48, longitude=30.73)


def _incident(incident_id: str, **place: Any) -> dict[str, Any]:
    return {"id": incident_id, "time": {"start": "2026-09-12T00:00:00+00:00"},
            "documents": [{"id": "d1"}, {"id": "d2"}], "place": place or None}  # fmt: skip


def test_incident_points_keep_those_with_coordinates_and_count_the_rest() -> None:
    points, missing = incident_points(
        [_incident("a", name="Sukha Balka", latitude=47.5, longitude=31.0),
         _incident("b", name="Тиховода", latitude=None, longitude=None),
         _incident("c")],
        href=lambda incident_id: f"/incidents/{incident_id}",
    )  # fmt: skip
    assert missing == 2
    assert [(p.id, p.name, p.latitude, p.longitude, p.href) for p in points] == [
        ("a", "Sukha Balka", 47.5, 31.0, "/incidents/a")
    ]
    assert points[0].title == "Sukha Balka, 2026-09-12, 2 documents"


def test_view_of_no_point_is_the_world_and_of_one_point_its_region() -> None:
    assert view_of([]) == WORLD
    box = view_of([KYIV])
    assert box.west < KYIV.longitude < box.east and box.south < KYIV.latitude < box.north
    assert box.east - box.west >= MIN_SPAN and box.north - box.south >= MIN_SPAN


def test_view_of_points_around_the_globe_falls_back_to_the_world() -> None:
    far = [MapPoint(id="w", name="w", title="w", latitude=0, longitude=-179),
           MapPoint(id="e", name="e", title="e", latitude=0, longitude=179)]  # fmt: skip
    assert view_of(far).west == -180 and view_of(far).east == 180


@pytest.mark.parametrize("points", [[KYIV], [KYIV, KHARKIV, ODESA], []])
def test_projection_puts_every_point_inside_the_view_box(points: list[MapPoint]) -> None:
    projection = Projection.fit(view_of(points), 720, 420)
    for point in points:
        x, y = projection(point.longitude, point.latitude)
        assert 0 < x < 720 and 0 < y < 420


def test_projection_keeps_compass_directions() -> None:
    projection = Projection.fit(view_of([KYIV, KHARKIV, ODESA]), 720, 420)
    kyiv, kharkiv, odesa = (projection(p.longitude, p.latitude) for p in (KYIV, KHARKIV, ODESA))
    assert kharkiv[0] > kyiv[0]  # east is right
    assert odesa[1] > kyiv[1]  # south is down


@given(st.lists(st.tuples(st.floats(-80, 80), st.floats(-179, 179)), min_size=1, max_size=20))
def test_projection_of_any_points_fits_them_in_the_view(pairs: list[tuple[float, float]]) -> None:
    points = [MapPoint(id=str(i), name="p", title="p", latitude=lat, longitude=lon)
              for i, (lat, lon) in enumerate(pairs)]  # fmt: skip
    projection = Projection.fit(view_of(points), 720, 420)
    for point in points:
        x, y = projection(point.longitude, point.latitude)
        assert -0.01 <= x <= 720.01 and -0.01 <= y <= 420.01


def test_map_svg_is_well_formed_with_outlines_and_a_marker_at_the_projected_point() -> None:
    svg = map_svg([KYIV, KHARKIV], width=720, height=420, missing=3)
    root = ET.fromstring(str(svg))
    assert root.get("viewBox") == "0 0 720 420"
    names = {c.findtext(f"{SVG}title") for c in root.iter(f"{SVG}path")}
    assert {"Ukraine", "Russia"} <= names
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == 2
    expected = Projection.fit(view_of([KYIV, KHARKIV]), 720, 420)(KYIV.longitude, KYIV.latitude)
    assert (float(circles[0].get("cx") or 0), float(circles[0].get("cy") or 0)) == pytest.approx(
        expected, abs=0.06
    )
    assert "3 incidents without coordinates not shown" in "".join(root.itertext())


def test_map_svg_links_markers_and_merges_points_at_one_place() -> None:
    twin = MapPoint(id="k2", name="Kyiv", title="Kyiv again", latitude=50.45, longitude=30.52,
                    href="#incident-k2")  # fmt: skip
    linked = MapPoint(id="k", name="Kyiv", title="Kyiv", latitude=50.45, longitude=30.52,
                      href="#incident-k")  # fmt: skip
    root = ET.fromstring(str(map_svg([linked, twin])))
    anchors = list(root.iter(f"{SVG}a"))
    assert [a.get("href") for a in anchors] == ["#incident-k"]
    marker = anchors[0].find(f"{SVG}g")
    assert marker is not None and marker.findtext(f"{SVG}title") == "Kyiv\nKyiv again"
    assert marker.findtext(f"{SVG}text") == "Kyiv (2)"


def test_map_svg_escapes_hostile_names() -> None:
    hostile = MapPoint(id="x", name="<script>alert(1)</script>", title='"><img src=x>',
                       latitude=47.5, longitude=31.0)  # fmt: skip
    svg = str(map_svg([hostile]))
    assert "<script>" not in svg and "<img" not in svg
    root = ET.fromstring(svg)
    assert "<script>alert(1)</script>" in "".join(root.itertext())


def test_map_svg_of_nothing_draws_the_world() -> None:
    root = ET.fromstring(str(map_svg([])))
    assert not list(root.iter(f"{SVG}circle"))
    assert len(list(root.iter(f"{SVG}path"))) > 150
