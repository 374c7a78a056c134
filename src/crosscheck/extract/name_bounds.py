"""Where a person's name begins and ends inside a span the statistical model drew.

The model's PER spans are kept as it drew them, less what is not part of the name, step by
step:

1. **Pieces**: a span ends at a line break and is cut at brackets, quotes, commas and
   conjunctions ("Кристофер Селиз (Christopher A. Celiz)", "Михайль Семенко і Валер'ян
   Поліщук" are two names each).
2. **Leading words** that are not the name go: rank, role, occupation and title words,
   function words ("А Христина"), nationality words ("Russian Igor Kolyvanov"), in Russian
   nouns the dictionary knows only as common words ("Актриса Фань Бинбин"), and in Ukrainian
   (tagged by natasha's Russian model) any word that cannot be part of a name
   (``name_rules.name_part``: "Київради Віталій Павлик", "Раніше Кушнір").
3. **The run**: the name ends at the first token that does not continue it (a name word, a
   particle such as "фон" or "de", an initial's full stop, a joining hyphen or apostrophe):
   "Смирнов з Іркутська" stops before "з"; then trailing words that are not name words go
   (and, in Cyrillic, adverbs and comparatives: "Ксения Раньше").
4. **Widening**: before the name, initials ("C. Cairns", "В. І. Вернадський"), a word glued
   on by a hyphen ("Abdel-Rahman") and, in Cyrillic, a first name before a surname tagged
   alone ("В'ячеслав Коваленко") join it; after it, a word glued on by an apostrophe or
   hyphen ("Ганна Алад'єва", "Kim Yoon-man"), an initial's full stop or a particle before a
   name word ("Paul D. MacLean", "Макс фон Сюдов"), and, after a lone first name, a surname
   in capitals or (in Cyrillic) one that can agree with it ("Олександр ПОПОВ", "Дмитро
   Дубняк").
5. **Agreement**: in Russian and Ukrainian the words of one name agree in case; a run whose
   neighbouring name words (by their first-name, surname or patronymic readings) cannot agree
   is two names ("Сталину Вертинский").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.gazetteer import gazetteer
from crosscheck.extract.name_rules import name_part, surely_name, surname_follows
from crosscheck.extract.names import (
    NAME_TAGS,
    census_first_names,
    is_first_name,
    is_name_word,
    parses,
)
from crosscheck.extract.person_words import Candidate, is_prefix
from crosscheck.extract.rules.persons import PARTICLES

__all__ = [
    "common_word",
    "glued_word",
    "name_end",
    "name_pieces",
    "particle",
    "starts_name",
    "widened",
]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SEPARATORS = frozenset('()[],;«»“”"/|') | {"і", "й", "та", "и", "and", "&", "або", "или", "or"}
_GLUE = frozenset("-'’ʼ")
_GLUE_TEXT = "-'’ʼ"
_INITIALS = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ]\.)+$")
_FUNCTION_TAGS = ("NPRO", "CONJ", "PREP", "PRCL", "INTJ")
_FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PRON", "PART", "INTJ"})
_NOT_TRAILING = ("ADVB", "PRED", "COMP", "NUMR")
_NOT_PARTICLES = {"uk": frozenset({"де"})}  # Ukrainian "де" is "where"


def particle(word: str, language: str) -> bool:
    """A lower-case word inside a name ("фон", "de"), in this language."""
    lower = word.lower()
    return lower in PARTICLES and lower not in _NOT_PARTICLES.get(language, frozenset())


def name_pieces(text: str, analysis: Analysis, candidate: Candidate) -> list[Candidate]:
    """The names inside one model span (steps 1 to 5 of the module docstring)."""
    found: list[Candidate] = []
    for piece in _pieces(text, analysis.tokens, candidate):
        run = _run(text, analysis, piece)
        if run is not None:
            found += _agreeing(text, analysis, widened(text, analysis, run))
    return found


def _pieces(text: str, tokens: Sequence[Token], candidate: Candidate) -> Iterable[Candidate]:
    """The parts of ``candidate`` between separators, on its first line only: what follows a
    line break is most often the next line's first word ("Титэцу Ватанабэ\nВесна")."""
    first = candidate.first
    for index in range(candidate.first, candidate.last + 1):
        token = tokens[index]
        if index > candidate.first and "\n" in text[tokens[index - 1].end : token.start]:
            break
        if token.text in _SEPARATORS:
            if index > first:
                yield Candidate(first, index - 1, candidate.kind)
            first = index + 1
    else:
        index = candidate.last + 1
    if first < index:
        yield Candidate(first, index - 1, candidate.kind)


def _run(text: str, analysis: Analysis, piece: Candidate) -> Candidate | None:
    tokens = analysis.tokens
    first = piece.first
    while first < piece.last and _not_the_name(text, analysis, first, leading=True):
        first += 1
    language = analysis.language
    if not starts_name(tokens[first], language) or _not_the_name(text, analysis, first,
                                                                  leading=False):  # fmt: skip
        return None
    last = first
    while last < piece.last and _continues(text, tokens[last], tokens[last + 1], language):
        last += 1
    while last > first and not _ends_name(tokens[last], language):
        last -= 1
    if language == "uk" and first == last > piece.first and not surely_name(tokens[first]):
        return None  # "Верховної Ради" less its adjective is not a name
    return Candidate(first, last, piece.kind)


def _not_the_name(text: str, analysis: Analysis, index: int, *, leading: bool) -> bool:
    """A word that is not part of the name (step 2); common nouns only while more follow."""
    tokens = analysis.tokens
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and (
        _is_initial(text, token, following)
        or (following.text in _GLUE and not text[token.end : following.start])
        or (particle(token.text, analysis.language) and is_name_word(following.text))
    ):
        return False  # "В. Путин", "О’Нил Белл", "фон Сюдов"
    if is_prefix(token) or token.pos in _FUNCTION_POS and not is_name_word(token.text):
        return True
    if not _CYRILLIC.search(token.text):
        return leading and following is not None and _nationality(token, following)
    if _function_word(token.text, analysis.language):
        return True
    if analysis.language == "uk":  # natasha's Russian tags: only name parts are trusted
        return leading and not name_part(token)
    # short ones may be East Asian names ("Пак Кын Хе", "Си Цзиньпин")
    noun = leading and len(token.text) > 3 and common_word(token.text, analysis.language,
                                                           nouns=True)  # fmt: skip
    return noun and token.pos != "PROPN"


def _is_initial(text: str, token: Token, following: Token) -> bool:
    """ "В" of "В. Путин", "C." of "C. Cairns"."""
    if _INITIALS.match(token.text):
        return True
    single = len(token.text) == 1 and token.text.isupper()
    return single and following.text == "." and _close(text, token, following)


def _nationality(token: Token, following: Token) -> bool:
    """ "Russian" in "Russian Igor Kolyvanov": a demonym before a name, not a first name."""
    word = token.text
    if not is_name_word(following.text) or word in census_first_names():
        return False
    return bool(gazetteer().exact(f"demonym {word}"))


def _function_word(word: str, language: str) -> bool:
    """The dictionary's likeliest reading is a pronoun, conjunction, preposition, particle."""
    readings = parses(word, language)
    return bool(readings) and any(tag in str(readings[0].tag) for tag in _FUNCTION_TAGS)


def common_word(word: str, language: str, *, nouns: bool) -> bool:
    """A Cyrillic word the dictionary knows, with no first-name, surname or patronymic
    reading; with ``nouns``, only a noun (adjectives may be surnames: "Водолазький"),
    without, an adverb or a comparative ("Раньше")."""
    readings = parses(word, language)
    if not readings or not all(p.is_known for p in readings):
        return False
    if any(NAME_TAGS & set(str(p.tag).replace(" ", ",").split(",")) for p in readings):
        return False
    top = str(readings[0].tag)
    return top.startswith("NOUN") if nouns else top.startswith(_NOT_TRAILING)


def starts_name(token: Token, language: str) -> bool:
    return (
        is_name_word(token.text)
        or particle(token.text, language)
        or bool(_INITIALS.match(token.text))
    )


def _ends_name(token: Token, language: str) -> bool:
    if not (is_name_word(token.text) or _INITIALS.match(token.text)) or is_prefix(token):
        return False
    return not (_CYRILLIC.search(token.text) and common_word(token.text, language, nouns=False))


def _continues(text: str, token: Token, following: Token, language: str) -> bool:
    """The next token is part of the same name: on the same line, and a name word, a name
    particle or joining punctuation (natasha's "Смирнов з Іркутська" stops before "з")."""
    gap = text[token.end : following.start]
    if not gap and (token.text in _GLUE or following.text in _GLUE):
        return following.text.isalpha() or following.text in _GLUE
    if "\n" in gap or len(gap) > 1:
        return False
    return starts_name(following, language) or following.text in "-'’."


# --- widening ------------------------------------------------------------------------------


def widened(text: str, analysis: Analysis, run: Candidate) -> Candidate:
    """``run`` with the initials before it and what continues it after (step 4)."""
    tokens, first, last = analysis.tokens, run.first, run.last
    while (before := _initial_before(text, tokens, first)) is not None:
        first = before
    if first == last and (before := _glued_before(text, tokens, first)) is not None:
        first = before
    if (before := _first_name_before(text, analysis, first)) is not None:
        first = before
    while (after := _continuation(text, analysis, first, last)) is not None:
        last = after
    return Candidate(first, last, run.kind)


def _initial_before(text: str, tokens: Sequence[Token], first: int) -> int | None:
    """The index of an initial ("C.", or "В" then ".") written just before ``first``."""
    if first >= 1 and _INITIALS.match(tokens[first - 1].text):
        return first - 1 if _close(text, tokens[first - 1], tokens[first]) else None
    if first >= 2 and tokens[first - 1].text == ".":
        letter = tokens[first - 2]
        close = _close(text, letter, tokens[first - 1]) and _close(text, tokens[first - 1],
                                                                   tokens[first])  # fmt: skip
        if close and len(letter.text) == 1 and letter.text.isupper():
            return first - 2
    return None


def _glued_before(text: str, tokens: Sequence[Token], first: int) -> int | None:
    """The start of a capitalised word glued on before a one-word name ("Abdel-" of
    "Abdel-Rahman"; not "Newmont-" of "Newmont-Santa Fe")."""
    if first < 2 or tokens[first - 1].text not in _GLUE:
        return None
    word = tokens[first - 2]
    glued = not text[word.end : tokens[first].start].strip(_GLUE_TEXT)
    return first - 2 if glued and is_name_word(word.text) and word.text.isalpha() else None


def _first_name_before(text: str, analysis: Analysis, first: int) -> int | None:
    """In Cyrillic, the first token of a first name written just before a surname the model
    tagged alone ("В'ячеслав" before "Коваленко")."""
    tokens = analysis.tokens
    if first == 0 or not _close(text, tokens[first - 1], tokens[first]):
        return None
    if text[tokens[first - 1].end] != " ":
        return None
    name = glued_word(text, tokens, first - 1)
    if analysis.language not in ("ru", "uk") or not _CYRILLIC.search(name):
        return None
    start = first - 1
    while start > 0 and tokens[start].start > tokens[first - 1].end - len(name):
        start -= 1
    same = tokens[start].sentence == tokens[first].sentence
    if same and surname_follows(name, tokens[first].text, analysis.language):
        return start
    return None


def _continuation(text: str, analysis: Analysis, first: int, last: int) -> int | None:
    """The new last index when the name from ``first`` goes on after ``last``: a glued-on
    word, a surname after a lone first name (in capitals, or in Cyrillic any that agrees), an
    initial's full stop or a particle and then a name word."""
    tokens = analysis.tokens
    after = tokens[last + 1 : last + 3]
    if not after:
        return None
    if not text[tokens[last].end : after[0].start] and after[0].text in _GLUE:
        glued = len(after) == 2 and not text[after[0].end : after[1].start]
        return last + 2 if glued and after[1].text.isalpha() else None
    if not _close(text, tokens[last], after[0]):
        return None
    name = glued_word(text, tokens, last)
    if name == text[tokens[first].start : tokens[last].end] and is_first_name(
        name, analysis.language
    ):
        if _caps_surname(after[0], analysis.language) and not name.isupper():
            return last + 1  # "Олександр ПОПОВ"
        same = tokens[last].sentence == after[0].sentence
        if same and surname_follows(name, after[0].text, analysis.language):
            return last + 1  # "Дмитро" tagged, "Дубняк" not
    if len(after) < 2 or not _close(text, after[0], after[1]) or not is_name_word(after[1].text):
        return None
    initial = len(tokens[last].text) == 1 and tokens[last].text.isupper()
    joins = particle(after[0].text, analysis.language) or (after[0].text == "." and initial)
    return last + 2 if joins else None


def glued_word(text: str, tokens: Sequence[Token], index: int) -> str:
    """The whole word that ends with token ``index``, across glued apostrophes and hyphens
    ("В'ячеслава" from "В", "'", "ячеслава")."""
    first = index
    while (
        first >= 2
        and tokens[first - 1].text in _GLUE
        and not (text[tokens[first - 2].end : tokens[first].start].strip(_GLUE_TEXT))
    ):
        first -= 2
    return text[tokens[first].start : tokens[index].end]


def _caps_surname(token: Token, language: str) -> bool:
    """An all-capitals word read as a surname ("ПОПОВ" after "Олександр")."""
    word = token.text
    if not (word.isupper() and word.isalpha() and len(word) > 2):
        return False
    if not _CYRILLIC.search(word):
        return False
    readings = parses(word.title(), language)
    return any("Surn" in str(p.tag) for p in readings) or not any(p.is_known for p in readings)


def _close(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 1 and "\n" not in gap


def name_end(text: str, token: Token) -> int:
    """Where a name ends inside its last token: before a lower-case part joined by a hyphen
    ("Мураками-бум", "Шевченка-художника", "Кудрину-то")."""
    word = text[token.start : token.end]
    head, _, tail = word.rpartition("-")
    if head and tail[:1].islower() and is_name_word(head.split("-")[-1]):
        return token.start + len(head)
    return token.end


# --- agreement -----------------------------------------------------------------------------


def _agreeing(text: str, analysis: Analysis, candidate: Candidate) -> list[Candidate]:
    """``candidate`` cut where two neighbouring name words cannot agree (step 5)."""
    if analysis.language not in ("ru", "uk"):
        return [candidate]
    units = [u for u in _words(text, analysis.tokens, candidate) if is_name_word(u[2])]
    pieces, first = [], candidate.first
    for left, right in zip(units, units[1:], strict=False):
        if len(left[2]) > 1 and not _agree(left[2], right[2], analysis.language):
            pieces.append(Candidate(first, left[1], candidate.kind))
            first = right[0]
    return [*pieces, Candidate(first, candidate.last, candidate.kind)]


def _words(text: str, tokens: Sequence[Token], candidate: Candidate) -> list[tuple[int, int, str]]:
    """(first token, last token, text) of each whitespace-separated word in ``candidate``."""
    units: list[tuple[int, int, str]] = []
    for index in range(candidate.first, candidate.last + 1):
        glued = units and not text[tokens[index - 1].end : tokens[index].start]
        if glued and (tokens[index].text in _GLUE or units[-1][2][-1:] in _GLUE_TEXT):
            start = units[-1][0]
            units[-1] = (start, index, text[tokens[start].start : tokens[index].end])
        else:
            units.append((index, index, tokens[index].text))
    return units


def _agree(left: str, right: str, language: str) -> bool:
    """Whether two name words can stand in one case; words without name readings, and pairs
    whose readings share no gender (a woman's foreign surname that reads as a man's name,
    "Наде Мурад", does not decline), are given the benefit of the doubt."""
    a, b = _forms(left, language), _forms(right, language)
    if a is None or b is None:
        return True
    pairs = [(c1, c2) for c1, g1 in a for c2, g2 in b if g1 == g2 or None in (g1, g2)]
    return not pairs or any(c1 == c2 for c1, c2 in pairs)


def _forms(word: str, language: str) -> set[tuple[str, str | None]] | None:
    """The (case, gender) pairs a name word can take by its known first-name, surname or
    patronymic readings; None when it has none, is indeclinable or hyphenated."""
    if "-" in word:
        return None
    readings = [p for p in parses(word, language) if p.is_known]
    named = [p for p in readings if NAME_TAGS & set(str(p.tag).replace(" ", ",").split(","))]
    if not named or any("Fixd" in str(p.tag) or p.tag.case is None for p in named):
        return None
    return {(str(p.tag.case), p.tag.gender) for p in named}
