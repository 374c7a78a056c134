"""Place names that their context marks as places, whether the gazetteer knows them or not.

Frontline villages are often missing from the gazetteer (cities500 stops at 500 people), yet
the text says plainly that they are places. Each rule reads the words around a capitalised
name (the name itself may be any word: spaCy tags "Sukha Balka" a person):

1. **settlement noun** before it: "the village of X", "в селе X", "у селі X", "смт X";
2. **near-words** that only ever take a place: "поблизу X", "в районе села X", "неподалік X";
3. **appositive** after it: "X, a village of about 1,800 people in ...";
4. **preposition of place** before a name the model tags as a place: "in/near/outside X",
   "под X", "біля X", "из X"; not a name it tags elsewhere as a person or an organisation,
   not a natural feature or a facility ("in the Indian Ocean"), in English not common words
   ("in Divinity"). In Russian and Ukrainian also a locative form after в/у ("у Тиховоді",
   "в Тиховоде"): a case a person's name almost never takes, even where the model says person;
5. **dateline** (``place_datelines``): "TYKHOVODA, Ukraine —", "KYIV (Reuters) -";
6. **region phrase**: "the Pryozerna region", "Staryi Brid hromada", "Приозерной области",
   "Старобрідської громади", "Приозерної ОВА" (the region administration's region); and the
   name before one in an address ("Tykhovoda, Staryi Brid hromada");
7. **repeated**: a name rules 1-3, 5 or 6 marked is a place wherever the document writes it
   ("Tykhovoda lies 25 km from ..."), in Cyrillic in any case ("у Тиховоді").

A name that runs on into a region in the genitive ("Тиховода Приозерной области") is two
places (``region_tail``). Each comes back as ``Located`` with its base form (``place_forms``).
A name inside «…» is an outlet's or a unit's (``quoted_name``), not a place.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from wordfreq import zipf_frequency

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.gazetteer import gazetteer, morph, normalise
from crosscheck.extract.place_datelines import datelines
from crosscheck.extract.place_forms import base_form
from crosscheck.extract.place_names import FACILITY_NOUNS, FEATURE_WORDS
from crosscheck.model import Document, Span

__all__ = ["Located", "located_names", "quoted_name", "region_tail"]

_MAX_WORDS = 5
_QUOTED_MAX = 60  # characters from a name to the closing » of the title it is part of
_UPPER = "A-ZА-ЯІЇЄҐЁ"
_SETTLEMENT = re.compile(
    r"\b(?:village|town|city|settlement|hamlet)\s+of\s+$|"
    r"(?<!\w)(?:сел[аеоуі]м?|селищ[аеіу]?|посёлк[аеу]|поселк[аеу]|город[аеу]?|міст[аіо]|"
    r"деревн[еия]|смт|пгт|хутор[аеу]?|хутір|хуторі|станиц[аеіиу])\s+$",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"(?<!\w)(?:поблизу|неподалік(?:\s+від)?|вблизи|поблизости\s+от|неподал[её]ку\s+от|"
    r"недалеко\s+от|[ву]\s+район[еі]|в\s+окрестностях|на\s+окра[ий]н[еі]|на\s+околиці)\s+$",
    re.IGNORECASE,
)
#: prepositions of place whose object is a place when the model tags it as one
_PREPOSITIONS = {
    "en": frozenset({"in", "near", "outside"}),
    "ru": frozenset({"в", "во", "под", "около", "возле", "близ", "из"}),
    "uk": frozenset({"в", "у", "біля", "під", "коло", "з", "із"}),
}
_LOCATIVE = {"ru": re.compile(r"\w{3,}е$"), "uk": re.compile(r"\w{3,}і$")}
_PERSONAL = frozenset({"Name", "Surn", "Patr", "Orgn", "Trad"})
_APPOSITIVE = re.compile(r"^,\s+an?\s+(?:[\w-]+\s+){0,3}?(?P<noun>village|town|city|settlement|"
                         r"hamlet|suburb)\b")  # fmt: skip
_ADDRESS = re.compile(
    rf"(?<![\w-])(?P<name>[{_UPPER}][\w'’-]*(?:\s[{_UPPER}][\w'’-]*){{0,2}}),\s*$"
)
_REGION_NOUN = re.compile(
    r"^(?:region|oblast|province|district|raion|hromada|krai|област\w*|район[аеуі]?|"
    r"громад[аиіуое]\w*|кра[йяюеі]|округ[аеу]?)$",
    re.IGNORECASE,
)
#: the region administration ("Приозерної ОВА", "the Pryozerna regional administration")
#: names its region
_ADMINISTRATION = re.compile(r"^(?:ОВА|ОДА|ОГА|обласн\w+|regional)$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Zipf frequency (log10 uses per billion words) from which an English word is common
_COMMON = 3.0
_NOT_SETTLEMENTS = FEATURE_WORDS | FACILITY_NOUNS


_Run = tuple[int, list[Token]]  # a run of capitalised words and its first token's index


@dataclass(frozen=True, slots=True)
class Located:
    """A place the context marks: its span, base form and the rule that marked it."""

    span: Span
    name: str
    rule: str


def located_names(document: Document, analysis: Analysis) -> list[Located]:
    """Every name the context marks as a place, in text order, regions split off."""
    language = analysis.language
    runs = list(_runs(analysis))
    regions = list(_region_phrases(document, analysis))
    marked = [
        *((span, "dateline") for span in datelines(document)),
        *_after_cues(document, runs),
        *_appositives(document, analysis, runs),
        *_after_prepositions(document, analysis, language),
        *_locatives(document, analysis, runs),
        *regions,
        *_addresses(document.text, [span for span, rule in regions if rule == "region"]),
    ]
    parts = [part for span, rule in marked for part in _split(document.text, span, rule)]
    seen = _seen(analysis) if language in _LOCATIVE else set()  # for Cyrillic base forms
    located = [_located(document.text, span, rule, language, seen) for span, rule in parts]
    return sorted(_with_repeats(document, analysis, located), key=lambda p: p.span.start)


def _located(text: str, span: Span, rule: str, language: str, seen: set[str]) -> Located:
    name = text[span.start : span.end]
    if rule == "administration":  # "Приозерної" (ОВА) -> "Приозерна область"
        name = f"{name} {'region' if not _CYRILLIC.search(name) else 'області'}"
    return Located(span, base_form(name, language, seen), rule)


def _split(text: str, span: Span, rule: str) -> list[tuple[Span, str]]:
    tail = region_tail(text, span)
    if tail is None:
        return [(span, rule)]
    return [(tail[0], rule), (tail[1], "region")]


def region_tail(text: str, span: Span) -> tuple[Span, Span] | None:
    """A Cyrillic name that runs on into a region in the genitive, "Тиховода Приозерной
    области", "Тиховода Старобрідської [громади]": the settlement's span and the region's."""
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    after = re.match(r"\s+(\w+)", text[span.end :])
    if len(words) >= 3 and _REGION_NOUN.match(words[-1].group()):
        adjective, end = words[-2], span.end
    elif len(words) >= 2 and after and _REGION_NOUN.match(after.group(1)):
        adjective, end = words[-1], span.end + after.end()
    else:
        return None
    if not (_CYRILLIC.search(adjective.group()) and _capitalised(adjective.group())):
        return None
    before = words[words.index(adjective) - 1]
    return Span(span.start, span.start + before.end()), Span(span.start + adjective.start(), end)


# -- the rules --------------------------------------------------------------------------------


def _after_cues(document: Document, runs: list[_Run]) -> Iterator[tuple[Span, str]]:
    """Names after a settlement noun or a near-word."""
    for _, run in runs:
        span = Span(run[0].start, run[-1].end)
        before = document.text[max(0, span.start - 40) : span.start]
        if (_SETTLEMENT.search(before) or _NEAR.search(before)) and not quoted_name(
            document.text, span
        ):
            yield span, "settlement"


def _appositives(
    document: Document, analysis: Analysis, runs: list[_Run]
) -> Iterator[tuple[Span, str]]:
    """ "X, a village of about 1,800 people": the settlement noun is the appositive's head,
    not a noun's modifier ("Smith, a city councillor")."""
    person = _entity_spans(analysis, "PER")
    starts = [t.start for t in analysis.tokens]
    for _, run in runs:
        span = Span(run[0].start, run[-1].end)
        match = _APPOSITIVE.match(document.text[span.end : span.end + 60])
        if not match or any(_overlaps(span, p) for p in person):
            continue
        n = bisect.bisect_left(starts, span.end + match.end("noun"))
        if n == len(starts) or analysis.tokens[n].pos not in {"NOUN", "PROPN"}:
            yield span, "appositive"


def _after_prepositions(
    document: Document, analysis: Analysis, language: str
) -> Iterator[tuple[Span, str]]:
    """In/near/outside a name the model tags as a place, but nowhere as a person or an
    organisation, and not a natural feature or a facility (nothing the gazetteer could
    resolve); in English not a run of common words ("in Divinity")."""
    prepositions = _PREPOSITIONS.get(language, frozenset())
    others = _other_names(document, analysis)
    ends = [t.end for t in analysis.tokens]
    for entity in analysis.entities:
        span = _capitalised_prefix(document.text, _trimmed(document.text, entity.span))
        name = document.text[span.start : span.end]
        words = name.split()
        if entity.label != "LOC" or not _capitalised(name) or name.isupper():
            continue
        if {w.casefold() for w in words} & _NOT_SETTLEMENTS or set(words) & others:
            continue
        if language == "en" and all(zipf_frequency(w, "en") >= _COMMON for w in words):
            continue
        if _preposition_before(analysis, ends, span.start, prepositions):
            yield span, "preposition"


def _locatives(
    document: Document, analysis: Analysis, runs: list[_Run]
) -> Iterator[tuple[Span, str]]:
    """в/у + a Cyrillic locative form, even where the model says person ("у Тиховоді")."""
    if analysis.language not in _LOCATIVE:
        return
    blocked = _entity_spans(analysis, "ORG")
    for i, run in runs:
        span = Span(run[0].start, run[-1].end)
        if i == 0 or len(run) > 1 or any(_overlaps(span, b) for b in blocked):
            continue
        located = _locative(run[0].text, analysis.tokens[i - 1].text, analysis.language)
        if located and not quoted_name(document.text, span):
            yield span, "locative"


def _capitalised_prefix(text: str, span: Span) -> Span:
    """ "Torkula village" -> "Torkula"."""
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    kept = list(itertools.takewhile(lambda w: _capitalised(w.group()), words))
    return Span(span.start, span.start + kept[-1].end()) if kept else span


def _other_names(document: Document, analysis: Analysis) -> set[str]:
    """Words of the names the model tags as people or organisations anywhere in the text."""
    return {word for e in analysis.entities if e.label in {"PER", "ORG"}
            for word in document.text[e.span.start : e.span.end].split()}  # fmt: skip


def _preposition_before(
    analysis: Analysis, ends: list[int], start: int, words: frozenset[str]
) -> bool:
    before = _token_before(analysis, ends, start)
    if before is not None and before.text.casefold() == "the":
        before = _token_before(analysis, ends, before.start)
    return before is not None and before.text.casefold() in words


def _trimmed(text: str, span: Span) -> Span:
    """ "the Donbas" -> "Donbas", "Russia's" -> "Russia"."""
    start, end = span.start, span.end
    if text[start : start + 4].casefold() == "the ":
        start += 4
    if text[end - 2 : end] in {"'s", "’s"}:
        end -= 2
    return Span(start, end)


def _locative(word: str, preposition: str, language: str) -> bool:
    """ "у Тиховоді", "в Тиховоде": a locative ending after в/у, and no reading of the word as
    a first name, surname or patronymic."""
    pattern = _LOCATIVE.get(language)
    if pattern is None or preposition.casefold() not in {"в", "у", "во"}:
        return False
    if not pattern.search(word.casefold()):
        return False
    parses = morph(language).parse(word)
    return not any(_PERSONAL & set(p.tag.grammemes) for p in parses)


def _region_phrases(document: Document, analysis: Analysis) -> Iterator[tuple[Span, str]]:
    """A capitalised name before a region noun ("the Pryozerna region", "Приозерной
    области"), or before its region's administration ("Приозерної ОВА", "the Pryozerna
    regional administration")."""
    tokens = analysis.tokens
    for i, token in enumerate(tokens[1:], start=1):
        name = tokens[i - 1]
        if not _capitalised(name.text) or name.sentence != token.sentence:
            continue
        if _REGION_NOUN.match(token.text) and not _capitalised(token.text):
            first = name if _CYRILLIC.search(token.text) else _run_start(tokens, i - 1)
            known = gazetteer().lookup(document.text[first.start : name.end])
            if _CYRILLIC.search(token.text) or not known:  # "Nenagh district": Nenagh
                yield Span(first.start, token.end), "region"
        elif _ADMINISTRATION.match(token.text) and _administration(tokens, i):
            yield Span(name.start, name.end), "administration"


def _addresses(text: str, regions: list[Span]) -> Iterator[tuple[Span, str]]:
    """ "Tykhovoda, Staryi Brid hromada": the name before a comma and a region phrase."""
    for region in regions:
        before = _ADDRESS.search(text, max(0, region.start - 60), region.start)
        if before:
            yield Span(before.start("name"), before.end("name")), "address"


def _administration(tokens: tuple[Token, ...], i: int) -> bool:
    """ "regional" names a region only before its government: "regional (military)
    administration", not "regional director"."""
    if tokens[i].text != "regional":
        return True
    after = " ".join(t.text for t in tokens[i + 1 : i + 3]).casefold()
    return (
        re.match(r"(?:military\s+)?(?:administration|governor|government|authorit)", after)
        is not None
    )


def _run_start(tokens: tuple[Token, ...], i: int) -> Token:
    while (
        i > 0 and _capitalised(tokens[i - 1].text) and tokens[i - 1].sentence == tokens[i].sentence
    ):
        i -= 1
    return tokens[i]


def _with_repeats(
    document: Document, analysis: Analysis, located: list[Located]
) -> Iterator[Located]:
    """The names marked, and their other occurrences: the same words, in capitals too, or
    (Cyrillic) a word with the same base form; not inside a longer name the model tags as a
    person."""
    yield from located
    names = {p.name for p in located if p.rule not in {"region", "preposition"}}
    taken = [p.span for p in located]
    taken += [s for s in _entity_spans(analysis, "PER") if " " in document.text[s.start : s.end]]
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", document.text, re.IGNORECASE):
            span = Span(match.start(), match.end())
            written = match.group()
            if (written == name or written.isupper()) and not any(
                _overlaps(span, t) for t in taken
            ):
                taken.append(span)
                yield Located(span, name, "repeated")
    yield from _inflected_repeats(analysis, names, taken)


def _inflected_repeats(analysis: Analysis, names: set[str], taken: list[Span]) -> Iterator[Located]:
    """ "у Тиховоді" where the text says "в селі Тиховода" too."""
    stems = {n[:4] for n in names if _CYRILLIC.search(n) and " " not in n}
    if not stems:
        return
    seen = _seen(analysis)
    for token in analysis.tokens:
        span = Span(token.start, token.end)
        if token.text[:4] not in stems or any(_overlaps(span, t) for t in taken):
            continue
        form = base_form(token.text, analysis.language, seen)
        if form in names:
            yield Located(span, form, "repeated")


# -- tokens -----------------------------------------------------------------------------------


def _runs(analysis: Analysis) -> Iterator[_Run]:
    """Maximal runs of capitalised words, with their first token's index."""
    tokens = analysis.tokens
    for i, token in enumerate(tokens):
        starts = _capitalised(token.text) and not (
            i > 0 and _capitalised(tokens[i - 1].text) and tokens[i - 1].sentence == token.sentence
        )
        if starts and (run := _run(tokens, i)):
            yield i, run


def _run(tokens: tuple[Token, ...], i: int) -> list[Token]:
    """The capitalised name starting at token ``i``: up to five words, inner hyphens."""
    run: list[Token] = []
    for token in tokens[i : i + _MAX_WORDS * 2]:
        if token.sentence != tokens[i].sentence:
            break
        if token.text in {"-", "‐"} and run:
            run.append(token)
            continue
        if (
            not _capitalised(token.text)
            or len([t for t in run if t.text not in "-‐"]) >= _MAX_WORDS
        ):
            break
        run.append(token)
    while run and run[-1].text in {"-", "‐"}:
        run.pop()
    return run


def _seen(analysis: Analysis) -> set[str]:
    """The capitalised words the document writes, normalised."""
    return {normalise(t.text) for t in analysis.tokens if _capitalised(t.text)}


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _token_before(analysis: Analysis, ends: list[int], offset: int) -> Token | None:
    """The last token that ends at or before ``offset`` (``ends``: every token's end)."""
    n = bisect.bisect_right(ends, offset)
    return analysis.tokens[n - 1] if n else None


def _entity_spans(analysis: Analysis, label: str) -> list[Span]:
    return [e.span for e in analysis.entities if e.label == label]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def quoted_name(text: str, span: Span) -> bool:
    """Inside «…», an outlet's or a unit's name ("«Вечернему Каменску»"), not a place."""
    opening = text.rfind("«", 0, span.start)
    closing = text.find("»", span.end)
    return opening > text.rfind("»", 0, span.start) and 0 <= closing - span.end < _QUOTED_MAX
