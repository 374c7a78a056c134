"""The language of a document's text, as an ISO 639-1 code.

The cascade:

1. Fewer than ``_FEWEST_LETTERS`` letters (in the text, else in the title and text together):
   None; a guess from a handful of words is worse than no answer.
2. Mostly Cyrillic text: the letters that only one language uses decide, because py3langid
   mixes up Russian and Ukrainian on short text. ``ў`` with ``і`` is Belarusian; more of
   ``і ї є ґ`` than of ``ы э ё`` is Ukrainian, fewer is Russian; ``ъ`` with none of ``ы э ё``
   is Bulgarian. Counting (rather than "any") keeps a quoted Russian word inside a Ukrainian
   text from flipping it. Letters of other Cyrillic alphabets (Kazakh ә қ, Serbian ј љ...) leave
   the decision to the model.
3. Otherwise py3langid (its model ships in the wheel; loaded once, on first use). Its labels
   that are not ISO 639-1 codes (``zxx``, three-letter codes) give None.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["NAME", "detect"]

NAME = "clean.language.py3langid.v1"

_FEWEST_LETTERS = 20
_SAMPLE = 5000  # characters: enough for a stable answer, bounded cost on long texts
_UKRAINIAN = frozenset("іїєґ")
_RUSSIAN = frozenset("ыэё")
# Letters of other Cyrillic alphabets (Kazakh, Tatar, Mongolian, Serbian, Macedonian...): Kazakh
# also writes і and ы, so the letter counts below would misread it.
_OTHER_CYRILLIC = frozenset("әғқңөұүһҗҫҙјљњћђџѓќѕ")


def detect(text: str, *, title: str | None = None) -> str | None:
    """The ISO 639-1 code of ``text`` (``title`` helps when the text is short), else None."""
    sample = text[:_SAMPLE]
    if _letters(sample) < _FEWEST_LETTERS and title:
        sample = f"{title}\n{sample}"
    if _letters(sample) < _FEWEST_LETTERS:
        return None
    return _by_cyrillic_letters(sample) or _by_model(sample)


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _by_cyrillic_letters(text: str) -> str | None:
    letters = [ch for ch in text.lower() if ch.isalpha()]
    cyrillic = Counter(ch for ch in letters if "\u0400" <= ch <= "\u04ff")
    if sum(cyrillic.values()) * 2 < len(letters) or _OTHER_CYRILLIC & cyrillic.keys():
        return None
    ukrainian = sum(cyrillic[ch] for ch in _UKRAINIAN)
    russian = sum(cyrillic[ch] for ch in _RUSSIAN)
    if cyrillic["ў"] and cyrillic["і"]:
        return "be"
    if ukrainian != russian:
        return "uk" if ukrainian > russian else "ru"
    if cyrillic["ъ"] and not russian:
        return "bg"
    return None


def _by_model(text: str) -> str | None:
    label, _probability = _identifier().classify(text)
    code = str(label)
    return code if len(code) == 2 and code.isalpha() else None


@cache
def _identifier() -> LanguageIdentifier:
    # norm_probs=False: only the best label is used, and the raw scores skip a softmax.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
