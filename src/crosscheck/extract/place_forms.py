"""The base form of a place name the gazetteer does not know: the name an unresolved place is
recorded under, so that reports in other cases and languages meet on one name.

Latin names stay as written; a name in capitals (a dateline's "TYKHOVODA") becomes title case.
Russian and Ukrainian names come in whatever case their preposition governs ("у Тиховоді",
"поблизу Тиховоди", "под Сухой Балкой"), and frontline villages are in no dictionary, so the
nominative of the name's noun is chosen among candidates:

1. the candidates: the word as written; pymorphy3's nominative of each noun or adjective
   reading; and the endings of the two big toponym declensions undone (-і/-е/-и/-ою -> -а, with
   ц/з/с -> к/г/х; -а/-у/-і/-ові/-ом -> the bare stem, Ukrainian о/е -> і in its last syllable);
2. the winner: a candidate the document itself writes elsewhere (after a settlement noun a name
   keeps the nominative: "в селі Тиховода"); else a reading pymorphy3 marks as a place name
   (``Geox``); else the candidate whose last letters are commonest among the gazetteer's own
   Russian and Ukrainian names (so "Тиховоди" -> "Тиховода", like Слобода, not "Тиховод").

The other words of the name agree with that noun in gender: "Сухой Балкой" -> "Сухая Балка",
"Каменска-Лесного" -> "Каменск-Лесной", "Приозерної області" -> "Приозерна область".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from crosscheck.extract.gazetteer import gazetteer, ikavism, morph, normalise

__all__ = ["base_form"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SEPARATORS = re.compile(r"(\s+|-)")
_ADJECTIVAL = frozenset({"ADJF", "ADJS", "PRTF"})
#: an oblique-case ending -> the nominative endings it can come from (longest endings first)
_UNDECLINED = {
    "uk": (("ові", ("",)), ("еві", ("ь", "")), ("ії", ("ія",)), ("ці", ("ка",)), ("зі", ("га",)),
           ("сі", ("ха",)), ("ою", ("а",)), ("ею", ("я",)), ("ом", ("",)), ("і", ("а", "я", "")),
           ("и", ("а", "")), ("у", ("",)), ("а", ("",))),
    "ru": (("ой", ("а",)), ("ей", ("я", "ь")), ("ом", ("",)), ("ем", ("ь", "")), ("е", ("а", "")),
           ("ы", ("а",)), ("и", ("а", "я", "ь")), ("у", ("а", "")), ("а", ("",))),
}  # fmt: skip
_MIN_STEM = 3


def base_form(name: str, language: str, seen: Collection[str] = ()) -> str:
    """The nominative (Cyrillic) or as-written (Latin) form of an unresolved place name;
    ``seen`` holds the normalised words the document writes, to prefer a form it uses."""
    if not _CYRILLIC.search(name):  # capitals, but not an abbreviation such as "N.J."
        return _titled(name) if name.isupper() and re.search(r"[^\W\d_]{3}", name) else name
    lang = "uk" if language == "uk" or re.search("[іїєґ]", name.casefold()) else "ru"
    parts = _SEPARATORS.split(name)
    words = parts[::2]
    head = _head(words, lang)
    noun = _noun_base(words[head], lang, seen)
    gender = _gender(noun, lang)
    forms = [noun if n == head else _agreeing(w, lang, gender) for n, w in enumerate(words)]
    parts[::2] = [_like(form, word) for form, word in zip(forms, words, strict=True)]
    return "".join(parts)


def _head(words: list[str], language: str) -> int:
    """The name's noun: the last word whose likeliest reading is not an adjective."""
    nouns = [n for n, w in enumerate(words) if _pos(w, language) not in _ADJECTIVAL]
    return nouns[-1] if nouns else len(words) - 1


def _pos(word: str, language: str) -> str | None:
    return morph(language).parse(word)[0].tag.POS  # type: ignore[no-any-return]


def _noun_base(word: str, language: str, seen: Collection[str]) -> str:
    parses = morph(language).parse(word)
    if not word[:1].isupper():  # "области", "громади": common nouns, which the dictionary knows
        return _nominative(parses[0], word)
    written = word.casefold()
    nominative = any(p.tag.case in {"nomn", None} for p in parses)
    candidates: list[tuple[str, bool]] = [(written, False)] if nominative else []
    for parse in parses:
        inflected = parse.inflect({"nomn"}) if parse.tag.POS in {"NOUN", *_ADJECTIVAL} else None
        if inflected is not None:
            candidates.append((inflected.word, "Geox" in parse.tag.grammemes))
    candidates += [(form, False) for form in _undeclined(written, language)]
    endings = gazetteer().ending_counts()

    def score(item: tuple[int, tuple[str, bool]]) -> tuple[bool, bool, int, int, int]:
        n, (form, geox) = item
        key = normalise(form)
        used = form != written and key in seen
        return used, geox, endings.get(key[-3:], 0), endings.get(key[-2:], 0), -n

    return max(enumerate(candidates or [(written, False)]), key=score)[1][0]


def _nominative(parse: Any, word: str) -> str:
    inflected = parse.inflect({"nomn"})
    return str(inflected.word) if inflected is not None else word


def _undeclined(word: str, language: str) -> list[str]:
    forms: list[str] = []
    for ending, bases in _UNDECLINED[language]:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_STEM:
            forms += [stem + base for base in bases]
            if language == "uk" and "" in bases:
                forms.append(ikavism(stem))
    return forms


def _gender(noun: str, language: str) -> str:
    for parse in morph(language).parse(noun):
        if parse.tag.POS == "NOUN" and parse.tag.case == "nomn" and parse.tag.gender:
            return str(parse.tag.gender)
    if noun.endswith(("а", "я")):
        return "femn"
    return "neut" if noun.endswith(("о", "е")) else "masc"


def _agreeing(word: str, language: str, gender: str) -> str:
    """An adjective of the name in the nominative, agreeing with its noun; other words as
    written."""
    for parse in morph(language).parse(word):
        if parse.tag.POS in _ADJECTIVAL:
            inflected = parse.inflect({"nomn", gender}) or parse.inflect({"nomn", "sing", gender})
            if inflected is not None:
                return str(inflected.word)
    return word


def _like(form: str, written: str) -> str:
    """``form`` capitalised as ``written`` was, and with е where the text writes е for ё."""
    if "ё" not in written.casefold():
        form = form.replace("ё", "е")
    if written[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _titled(name: str) -> str:
    return "".join(p[:1].upper() + p[1:].lower() for p in _SEPARATORS.split(name))
