"""People's names: canonical (nominative) forms and transliteration keys across scripts.

``canonical_name("Рядового Алексея Смирнова", "ru")`` -> ``"Алексей Смирнов"``: rank and role
words are stripped, and each Russian/Ukrainian word is put in the nominative with pymorphy3,
preferring its ``Name``/``Surn``/``Patr`` readings and keeping one gender across the name
("Алексея Смирнова" is masculine because Алексей is). English names stay as written.

``name_key("Alexei Smirnov")`` == ``name_key("Алексей Смирнов")`` == ``name_key("Олексій
Смирнов")``: a key built by the rules of the research notes (section 5.3): transliterate,
fold spelling variants (x/ks, kh/h, g/h, glides), drop patronymics, and map Ukrainian first
names to their Russian counterparts. No package is needed for this: the Cyrillic table is
small and ours.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from crosscheck.extract.rules.persons import RANKS, ROLES, TITLES

if TYPE_CHECKING:
    from crosscheck.extract.analysis import Token

__all__ = [
    "NAME_TAGS",
    "canonical_name",
    "census_first_names",
    "common_surname",
    "is_first_name",
    "is_name_word",
    "morph",
    "name_key",
    "parses",
    "strip_titles",
]

NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_PREFIX_WORDS = frozenset(RANKS) | frozenset(ROLES) | TITLES | {"staff", "старший", "младший"}


@cache
def morph(language: str) -> Any:
    """pymorphy3's analyser for ``ru`` or ``uk`` (other languages get Russian), built once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk" if language == "uk" else "ru")


@lru_cache(maxsize=200_000)
def parses(word: str, language: str) -> tuple[Any, ...]:
    """pymorphy3's readings of ``word``, cached: names repeat within and across documents."""
    return tuple(morph(language).parse(word))


def is_first_name(word: str, language: str) -> bool:
    """Whether ``word`` is a first name: by pymorphy3's ``Name`` readings in Cyrillic (for
    Ukrainian, also the Russian dictionary's readings of the same spelling), by the US census
    lists of the ``names`` package (MIT licence) in Latin script."""
    if not _CYRILLIC.search(word):
        return word.title() in census_first_names()
    if any("Name" in p.tag for p in parses(word, language)):
        return True
    # the Ukrainian dictionary lacks some common first names ("Володимир", "Богдан") that the
    # Russian one knows as written; only for words the Ukrainian one reads as nouns alone
    # ("Коли" is a conjunction there, and Коля's genitive in Russian)
    if language != "uk" or not all(str(p.tag).startswith("NOUN") for p in parses(word, "uk")):
        return False
    return any("Name" in p.tag and p.is_known for p in parses(word, "ru"))


@cache
def census_first_names() -> frozenset[str]:
    """First names from the 1990 US census as the ``names`` package ships them (title case);
    empty when the package is not installed (English then relies on the model alone)."""
    try:
        files = importlib.resources.files("names")
    except ModuleNotFoundError:
        return frozenset()
    lists = (files / f"dist.{sex}.first" for sex in ("male", "female"))
    return frozenset(line.split()[0].title() for f in lists for line in f.read_text().splitlines()
                     if line.strip())  # fmt: skip


@cache
def _census_surnames() -> frozenset[str]:
    """The most common US census surnames (title case), as the ``names`` package ranks them."""
    try:
        lines = (importlib.resources.files("names") / "dist.all.last").read_text().splitlines()
    except ModuleNotFoundError:
        return frozenset()
    return frozenset(line.split()[0].title() for line in lines[:_COMMON_SURNAMES] if line.strip())


_COMMON_SURNAMES = 2000  # about half of the US population bears one of these


def common_surname(word: str) -> bool:
    """Whether ``word`` is among the commonest US census surnames ("Kennedy", "Jackson"):
    such a word tagged as a person stays one even where it is also a town's name."""
    return word.title() in _census_surnames()


def is_name_word(word: str) -> bool:
    """Capitalised letters, with hyphens and apostrophes allowed inside ("Ulan-Ude", "O'Neil")."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return letters[:1].isupper() and letters.isalpha()


def strip_titles(words: Sequence[str]) -> list[str]:
    """The words after any leading rank, role or title words ("Private", "рядового")."""
    index = 0
    while index < len(words) - 1 and _is_prefix(words[index]):
        index += 1
    return list(words[index:])


def _is_prefix(word: str) -> bool:
    lower = word.lower().replace("ё", "е")
    if lower in _PREFIX_WORDS:
        return True
    if not _CYRILLIC.search(word):
        return False
    return any(p.normal_form.replace("ё", "е") in _PREFIX_WORDS for p in parses(lower, "ru"))


def canonical_name(text: str, language: str, tokens: Sequence[Token] = ()) -> str:
    """The nominative, title-free form of a person's name; see the module docstring."""
    words = strip_titles(text.replace("’s", "").replace("'s", "").split())
    if language not in ("ru", "uk") or not _CYRILLIC.search(text):
        return " ".join(words)
    gender = _gender(words, language, tokens)
    return " ".join(_nominative(word, language, gender) for word in words)


def _gender(words: Sequence[str], language: str, tokens: Sequence[Token]) -> str | None:
    """The name's gender: its first name's, else the tagger's, else the surname's."""
    for word in words:
        genders = {_tag_gender(p) for p in parses(word, language) if "Name" in p.tag}
        if len(genders) == 1:
            return genders.pop()
    tagged = {t.feat("Gender") for t in tokens} - {None}
    if len(tagged) == 1:
        return {"Masc": "masc", "Fem": "femn"}.get(str(tagged.pop()))
    return None


def _tag_gender(parse: Any) -> str | None:
    return "femn" if "femn" in parse.tag else "masc" if "masc" in parse.tag else None


def _nominative(word: str, language: str, gender: str | None) -> str:
    parts = word.split("-")
    if len(parts) > 1:
        return "-".join(_nominative(part, language, gender) for part in parts)
    if not word[:1].isupper() or "Fixd" in str(_best(word, language, gender).tag):
        return word
    parse = _best(word, language, gender)
    if not NAME_TAGS & set(str(parse.tag).replace(" ", ",").split(",")):
        return word
    # the Ukrainian dictionary's tags carry no number, so "sing" cannot always be asked for
    form = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    return _cased(form.word, word) if form is not None else word


def _best(word: str, language: str, gender: str | None) -> Any:
    """The reading to inflect: a name reading of the right gender first, then any name
    reading, then pymorphy3's first guess."""
    readings = parses(word, language)
    named = [p for p in readings if NAME_TAGS & set(str(p.tag).replace(" ", ",").split(","))]
    fitting = [p for p in named if gender is None or _tag_gender(p) in (gender, None)]
    if gender == "femn" and not fitting and named:
        return readings[0]  # "Коваль" has no feminine reading: a woman's surname stays as written
    return (fitting or named or list(readings))[0]


def _cased(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:]


# --- keys --------------------------------------------------------------------------------

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _table(letters: str, latin: str) -> dict[str, str]:
    return dict(zip(letters, latin.split(), strict=True))


_LATIN = _table(
    "абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя",
    "a b v g g d e e ie zh z i i i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia",
)
_UKRAINIAN_LATIN = _LATIN | {"г": "h", "и": "y", "є": "ie", "ї": "i"}

# Ukrainian first name -> Russian counterpart, compared by key (notes 5.3 rule 3)
_EQUIVALENT_NAMES = (
    "Олексій Алексей, Олександр Александр, Сергій Сергей, Андрій Андрей, Дмитро Дмитрий, "
    "Микола Николай, Михайло Михаил, Володимир Владимир, Юрій Юрий, Петро Пётр, Павло Павел, "
    "Григорій Григорий, Євген Евгений, Василь Василий, Федір Фёдор, Ігор Игорь, Артем Артём, "
    "Віталій Виталий, Анатолій Анатолий, Валерій Валерий, Геннадій Геннадий, Георгій Георгий, "
    "Олена Елена, Наталія Наталья, Катерина Екатерина, Ганна Анна, Тетяна Татьяна, "
    "Юлія Юлия, Марія Мария, Дарія Дарья, Ілля Илья, Кирило Кирилл, Данило Даниил, "
    "Микита Никита, Олексій Алексей, Яків Яков, Лев Лев, Семен Семён, Тимофій Тимофей"
)
_PATRONYMIC = re.compile(r"(ovich|evich|ovych|evych|ovna|evna|ivna|ich|ych)$")
_FOLDS = (
    ("shch", "sh"), ("zh", "j"), ("kh", "h"), ("g", "h"), ("x", "ks"), ("ph", "f"),
    ("w", "v"), ("ck", "k"), ("q", "k"), ("yo", "e"), ("j", "i"), ("y", "i"),
)  # fmt: skip


def name_key(name: str, language: str = "") -> str:
    """A transliteration-neutral key: equal keys mean the same name (module docstring)."""
    words = [_word_key(w) for w in strip_titles(re.split(r"[\s]+", name.strip()))]
    kept = [w for w in words if w and not (len(words) > 2 and _PATRONYMIC.search(w))]
    return " ".join(_equivalents().get(w, w) for w in kept)


@lru_cache(maxsize=100_000)
def _word_key(word: str) -> str:
    latin = _transliterate(word.lower())
    latin = "".join(c for c in unicodedata.normalize("NFKD", latin) if c.isalpha() or c == "'")
    latin = latin.replace("'", "").replace("_", "")
    latin = re.sub(r"^[yi]e", "e", latin)  # Yevgeny, Євген: the glide is a spelling choice
    latin = re.sub(r"ff$", "v", latin)
    for old, new in _FOLDS:
        latin = latin.replace(old, new)
    latin = re.sub(r"(.)\1+", r"\1", latin)
    return latin


def _transliterate(word: str) -> str:
    table = _UKRAINIAN_LATIN if re.search("[ґєії]", word) else _LATIN
    return "".join(table.get(c, c) for c in word)


@cache
def _equivalents() -> dict[str, str]:
    pairs = (pair.split() for pair in _EQUIVALENT_NAMES.split(", "))
    return {_word_key(uk): _word_key(ru) for uk, ru in pairs if _word_key(uk) != _word_key(ru)}
