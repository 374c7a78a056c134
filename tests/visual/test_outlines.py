"""Country outlines come from the installed countryinfo data: no file of ours, no network."""

from __future__ import annotations

from crosscheck.visual.outlines import outlines


def test_outlines_cover_the_world_with_closed_rings_in_range() -> None:
    found = outlines()
    assert len(found) > 150
    by_name = {outline.name: outline for outline in found}
    ukraine = by_name["Ukraine"]
    assert 22 < ukraine.west < ukraine.east < 41 and 44 < ukraine.south < ukraine.north < 53
    for outline in found:
        for ring in outline.rings:
            assert len(ring) >= 3
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)


def test_outlines_are_read_once() -> None:
    assert outlines() is outlines()
