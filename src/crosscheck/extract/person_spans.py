"""Where people's names are in one analysed document: steps 2 to 5 of ``extract.entities``.

The statistical model's PER spans come first and are kept as the model drew them, less what
is not part of the name (``name_bounds``); the model's precision is high and its span
boundaries are the ones the gold sets use. In Ukrainian, which natasha tags with its Russian
model, a span is kept only where its words read as a name (``ukrainian_span``). Rules
(``name_rules``) only fill the gaps the model leaves, and the other occurrences of a surname or
full name found by either are names too ("говорит Орлов", and "BOWYER" in a capitals headline
when "Lee Bowyer" is in the text). Candidates that are not people go (``person_vetoes``).

A rule span never overlaps a span the model tagged (PER, LOC or ORG; in English, where spaCy's
small model tags many names ORG, a rule's first name and surname may replace an ORG span
that holds no organisation word) and never crosses a line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.name_bounds import name_pieces, widened
from crosscheck.extract.name_rules import (
    after_initials,
    after_titles,
    around_first_names,
    name_part_word,
    surname_follows,
    ukrainian_names,
)
from crosscheck.extract.names import NAME_TAGS, is_first_name, is_name_word, parses
from crosscheck.extract.person_vetoes import vetted
from crosscheck.extract.person_words import (
    Candidate,
    from_entities,
    name_like,
    occurrences,
    tagged_tokens,
    token_set,
)
from crosscheck.extract.rules.persons import ORGANISATION_WORDS, PARTICLES, SUFFIXES
from crosscheck.model import Document, MentionKind

__all__ = ["person_candidates"]

_OPENERS = frozenset('«"“')
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def person_candidates(
    document: Document, analysis: Analysis
) -> tuple[list[Candidate], list[Candidate]]:
    """(people, organisations): the model's names, then the rules' names in the gaps it left."""
    text = document.text
    model = [p for c in from_entities(analysis, "PER") for p in name_pieces(text, analysis, c)]
    if analysis.language == "uk":  # natasha's Russian model on Ukrainian: "Вона", "України"
        model = [c for c in model if ukrainian_span(text, analysis, c)]
    people, organisations = vetted(document, analysis, model)
    other = tagged_tokens(analysis, ("LOC", "ORG"))
    # spaCy's small model tags many English names ORG ("Soldier Pavel Orlov"); natasha rarely
    trusted = other if analysis.language in ("ru", "uk") else set()
    named = [widened(text, analysis, c) for c in _named(text, analysis)
             if _free(analysis, c, other)]  # fmt: skip
    titled = [widened(text, analysis, c) for c in after_titles(text, analysis)
              if not trusted & token_set(c)]  # fmt: skip
    if analysis.language == "uk":
        named = [c for c in named if ukrainian_span(text, analysis, c)]
    extra, extra_organisations = vetted(document, analysis, [*titled, *named])
    people = _merged(people, extra)
    echoes, _ = vetted(
        document, analysis, _propagated(text, analysis, people, trusted), outlets=False
    )
    organisations = _repeated(text, analysis, [*organisations, *extra_organisations])
    return _merged(people, echoes), organisations


def _repeated(text: str, analysis: Analysis, organisations: list[Candidate]) -> list[Candidate]:
    """The organisations that were name-like candidates, and their other occurrences: the
    same words name the same thing throughout one document ("Newmont" each time)."""
    tokens = analysis.tokens
    phrases = {tuple(t.text for t in tokens[c.first : c.last + 1]) for c in organisations}
    found = [c for phrase in phrases for c in occurrences(text, tokens, phrase)]
    return [*organisations, *(Candidate(c.first, c.last, MentionKind.ORGANIZATION) for c in found)]


def _named(text: str, analysis: Analysis) -> Iterable[Candidate]:
    yield from around_first_names(text, analysis)
    if analysis.language == "en":
        yield from after_initials(text, analysis)
    if analysis.language == "uk":
        yield from ukrainian_names(text, analysis)


def _free(analysis: Analysis, candidate: Candidate, other: set[int]) -> bool:
    """Overlapping no LOC/ORG span, or (English) exactly one ORG span that holds no
    organisation word: spaCy's "Stefano Bordon" ORG."""
    if not other & token_set(candidate):
        return True
    if analysis.language != "en":
        return False
    words = [t.text.lower() for t in analysis.tokens[candidate.first : candidate.last + 1]]
    exact = any(c.first == candidate.first and c.last == candidate.last
                for c in from_entities(analysis, "ORG"))  # fmt: skip
    return exact and not ORGANISATION_WORDS & set(words)


def ukrainian_span(text: str, analysis: Analysis, candidate: Candidate) -> bool:
    """Every word a name part (``name_rules.name_part_word``), a surname after a first name
    (``name_rules.surname_follows``) or an all-capitals surname ("Олександр ПОПОВ"); initials
    and particles are let through, and words glued by apostrophes are read whole. A lone word
    that opens a sentence must be a first name or read only as a name ("Далі", "Білий" are
    also an adverb and an adjective)."""
    tokens = analysis.tokens
    words = [w.strip(".") for w in text[tokens[candidate.first].start :
                                         tokens[candidate.last].end].split()]  # fmt: skip
    words = [w for w in words if len(w) > 1 and w.lower() not in PARTICLES]
    if len(words) == 1 and _opens_sentence(analysis, candidate.first):
        return name_part_word(words[0]) and _only_a_name(words[0])
    return bool(words) and all(
        name_part_word(w) or _caps_surname(w) or (n > 0 and surname_follows(words[n - 1], w, "uk"))
        for n, w in enumerate(words)
    )


def _only_a_name(word: str) -> bool:
    """A first name, or a word whose every reading is a name ("Далі" is also an adverb)."""
    if is_first_name(word, "uk"):
        return True
    return all(NAME_TAGS & set(str(p.tag).replace(" ", ",").split(",")) for p in parses(word, "uk"))


def _opens_sentence(analysis: Analysis, index: int) -> bool:
    """First in its sentence, or after an opening quote or dash: capitalised for that alone."""
    tokens = analysis.tokens
    if index == 0 or tokens[index - 1].sentence != tokens[index].sentence:
        return True
    return tokens[index - 1].text in _OPENERS


def _caps_surname(word: str) -> bool:
    return word.isupper() and any("Surn" in str(p.tag) for p in parses(word, "uk"))


# --- propagation and merging ------------------------------------------------------------------


def _propagated(
    text: str, analysis: Analysis, people: list[Candidate], taken: set[int]
) -> list[Candidate]:
    """Other occurrences of the people's surnames and full names, outside tagged spans; a
    surname in capitals counts too ("BOWYER" in a headline), and in English one that opens a
    sentence, where spaCy tags it a noun ("Mills said")."""
    tokens, language = analysis.tokens, analysis.language
    surnames = {_word_stem(tokens[_surname(tokens, c)], language) for c in people
                if c.last > c.first}  # fmt: skip
    phrases = {tuple(t.text for t in tokens[c.first : c.last + 1]) for c in people}
    found = [
        Candidate(t.index, t.index, MentionKind.PERSON)
        for t in tokens
        if (name_like(t, language) or _capitals(t) or _noun_cased(t, language))
        and _word_stem(t, language) in surnames
    ]
    for phrase in phrases:
        found += occurrences(text, tokens, phrase)
    return [c for c in found if not taken & token_set(c)]


def _surname(tokens: Sequence[Token], candidate: Candidate) -> int:
    """The index of a name's surname: its last word before any "Jr", "III"."""
    last = candidate.last
    while last > candidate.first and tokens[last].text.lower() in SUFFIXES:
        last -= 1
    return last


def _noun_cased(token: Token, language: str) -> bool:
    """An English title-case word spaCy tagged a noun ("Mills" opening a sentence)."""
    return language == "en" and token.pos == "NOUN" and is_name_word(token.text)


def _capitals(token: Token) -> bool:
    return len(token.text) > 2 and token.text.isupper() and token.text.isalpha()


def _word_stem(token: Token, language: str) -> str:
    """A surname's dictionary form when pymorphy3 reads it as one ("Смирнова" -> смирнов),
    else its text (title case): inflected surnames then match their nominative."""
    if not _CYRILLIC.search(token.text):
        return token.text.removesuffix("'s").title()
    surnames = [p.normal_form for p in parses(token.text, language) if "Surn" in str(p.tag)]
    return surnames[0] if surnames else token.text.lower()


def _merged(kept: list[Candidate], extra: Iterable[Candidate]) -> list[Candidate]:
    """``kept`` plus the longest of ``extra`` that overlap nothing kept, except a span of
    ``kept`` that they contain and widen (natasha's "Коваль" in "Ірина Коваль"); one that
    would join two kept names ("секретарь Владимира Путина Дмитрий Песков") is left out."""
    result = list(kept)
    for candidate in sorted(set(extra), key=lambda c: (c.first - c.last, c.first)):
        inside = [c for c in result if candidate.first <= c.first and c.last <= candidate.last]
        rest = [c for c in result if c not in inside]
        widens = len(inside) <= 1 and all(c in kept for c in inside)
        if widens and all(_apart(candidate, c) for c in rest):
            result = [*rest, candidate]
    return result


def _apart(a: Candidate, b: Candidate) -> bool:
    return a.last < b.first or b.last < a.first
