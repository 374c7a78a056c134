"""Speech cues in the parse: cue verbs, their subjects, and the clauses they report.

English and Russian use the dependency parse (spaCy sm, natasha): the speaker is the ``nsubj``
of the cue verb (or of the verb it is conjoined to), the reported content its ``ccomp``.
natasha's parse of Ukrainian is unreliable (its models are Russian), so Ukrainian, and any verb
the parse gave no clause, falls back to the surface: "<cue>, що/что <content>" with the speaker
the nearest pronoun, name or description before the verb, or right after it when inverted
("— каже військовий", "said Smirnov").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.rules.quote_cues import (
    DESCRIPTIONS,
    PRONOUNS,
    SPEECH_LEMMAS,
    UK_SPEECH_FORM,
)
from crosscheck.model import Span

__all__ = [
    "clause_after",
    "is_cue",
    "name_span",
    "relative_antecedent",
    "reported_clause",
    "source_of",
    "subtree_span",
]

PARSED = frozenset({"en", "ru"})
_SUBJECTS = frozenset({"nsubj"})
# objects that carry an attribution's content ("accused Trump of ...", "urged voters to ...")
_OBJECTS = frozenset({"dobj", "obj", "xcomp"})
_NAME_PARTS = frozenset({"compound", "flat", "flat:name", "det", "amod", "poss", "nmod:poss"})
_LEADING = frozenset(
    ("that", "что", "чтобы", "що", "щоб", ",", ":", "—", "–", "-", "whether", "if")
)
_TRAILING = " \t\n,.;:!?—–-\"'«»“”„"
_MAX_SOURCE_WORDS = 4
_RELATIVE = frozenset(("who", "which", "that", "который", "какой", "який", "яка", "які", "що"))


def is_cue(token: Token, language: str) -> bool:
    """A speech or attribution verb: by lemma (en, ru) or word form (uk)."""
    if language == "uk":
        return UK_SPEECH_FORM.fullmatch(token.text) is not None
    lemmas = SPEECH_LEMMAS.get(language, SPEECH_LEMMAS["en"])
    return token.pos in ("VERB", "AUX") and token.lemma.lower() in lemmas


def subtree_span(analysis: Analysis, root: Token) -> Span:
    """Characters from the first to the last token under ``root``, within its sentence."""
    members = _subtree(analysis, root)
    return Span(min(t.start for t in members), max(t.end for t in members))


def _subtree(analysis: Analysis, root: Token) -> list[Token]:
    # natasha's heads can form cycles, hence the visited set
    seen, frontier = {root.index}, [root.index]
    found = [root]
    while frontier:
        for child in analysis.children(frontier.pop()):
            if child.sentence == root.sentence and child.index not in seen:
                seen.add(child.index)
                found.append(child)
                frontier.append(child.index)
    return found


def reported_clause(analysis: Analysis, cue: Token, text: str) -> Span | None:
    """The clause a cue verb reports: its ``ccomp`` (parsed languages) or what follows
    ", что/що/that" after it."""
    if analysis.language in PARSED:
        children = analysis.children(cue.index)
        for child in children:
            if child.dep == "ccomp" and child.index > cue.index:
                return trim(text, subtree_span(analysis, child))
        # English only: on the Russian gold (ADAQ) the object phrase cost precision
        if analysis.language == "en" and any(
            c.dep in _OBJECTS and c.index > cue.index for c in children
        ):
            return _right_of(analysis, cue, text)
    return clause_after(analysis, cue, text)


def _right_of(analysis: Analysis, cue: Token, text: str) -> Span | None:
    """What "accused X of ...", "urged X to ..." attribute: the verb's phrase after it."""
    right = [c for c in analysis.children(cue.index) if c.index > cue.index and c.dep != "punct"
             and c.dep not in _SUBJECTS and c.dep not in ("cc", "conj")]  # fmt: skip
    if not right:
        return None
    spans = [subtree_span(analysis, c) for c in right]
    return trim(text, Span(min(s.start for s in spans), max(s.end for s in spans)))


_CONJUNCTION = re.compile(r"[ \t]*,?[ \t]*(?:что|що|that)\b", re.IGNORECASE)


def clause_after(analysis: Analysis, cue: Token, text: str) -> Span | None:
    """Surface fallback: "<cue>, что ..." runs to the end of the sentence."""
    match = _CONJUNCTION.match(text, cue.end)
    if match is None:
        return None
    end = analysis.sentences[cue.sentence].end if cue.sentence < len(analysis.sentences) else 0
    span = trim(text, Span(match.end(), max(end, match.end())))
    return span if span.end > span.start else None


def trim(text: str, span: Span) -> Span:
    """Without a leading "that"/"что" or comma and without trailing punctuation."""
    start, end = span.start, span.end
    while start < end:
        word = text[start:end].split(maxsplit=1)[0] if text[start:end].split() else ""
        if word.lower() not in _LEADING:
            break
        start = text.index(word, start) + len(word)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return Span(start, end)


def source_of(analysis: Analysis, cue: Token, region: Span | None = None) -> Span | None:
    """The span naming who speaks through ``cue``: its subject in the parse, else the surface."""
    if analysis.language in PARSED:
        subject = _subject(analysis, cue)
        # a subject outside the cue's region belongs to another clause (often inside a quote)
        if subject is not None and _inside(subject, region):
            return name_span(analysis, subject)
        if analysis.language == "en" and region is None:
            return None  # the English parse is good enough that its silence is an answer
    return _surface_source(analysis, cue, region)


def _subject(analysis: Analysis, cue: Token) -> Token | None:
    for verb in (cue, analysis.tokens[cue.head]):
        for child in analysis.children(verb.index):
            if child.dep in _SUBJECTS:
                return child
        if cue.dep not in ("conj", "xcomp") and not _participle(cue):
            break  # only a conjoined, embedded or participle verb borrows its head's subject
    return None


def _participle(cue: Token) -> bool:
    """ "Trump spoke on Monday, saying ...": the participle's speaker is its head's subject."""
    return cue.dep == "advcl" and cue.feat("VerbForm") in ("Part", "Ger")


def relative_antecedent(analysis: Analysis, source: Span) -> Span | None:
    """ "Volkov, who says ...": the noun a relative pronoun's clause hangs on (PolNeAR marks
    the pronoun itself as the source)."""
    subject = next((t for t in analysis.tokens if t.start == source.start), None)
    if subject is None or subject.lemma.lower() not in _RELATIVE:
        return None
    verb = analysis.tokens[subject.head]
    while verb.dep == "conj" and verb.head != verb.index:
        verb = analysis.tokens[verb.head]
    if verb.dep not in ("relcl", "acl:relcl", "acl"):
        return None
    return name_span(analysis, analysis.tokens[verb.head])


def name_span(analysis: Analysis, head: Token) -> Span:
    """The head word with its name parts: "President Barack Obama", "The soldier"."""
    members, frontier = {head.index: head}, [head]
    while frontier:
        parts = [t for t in analysis.children(frontier.pop().index)
                 if t.dep in _NAME_PARTS and t.index not in members]  # fmt: skip
        members.update((t.index, t) for t in parts)
        frontier += parts
    return Span(min(t.start for t in members.values()), max(t.end for t in members.values()))


def _surface_source(analysis: Analysis, cue: Token, region: Span | None) -> Span | None:
    """Right after the verb when the order is inverted ("— говорит Смирнов"), else before."""
    sentence = [t for t in analysis.tokens if t.sentence == cue.sentence and _inside(t, region)]
    after = [t for t in sentence if t.index > cue.index]
    before = [t for t in reversed(sentence) if t.index < cue.index]
    run = _words(after)
    if run and _speakerlike(run[0]):
        return Span(run[0].start, run[-1].end)
    for token in before[: _MAX_SOURCE_WORDS + 2]:
        if _speakerlike(token):
            return _surface_name(before, token)
    return None


def _inside(token: Token, region: Span | None) -> bool:
    return region is None or region.start <= token.start and token.end <= region.end


def _words(tokens: Sequence[Token]) -> list[Token]:
    """The leading run of words (up to the first punctuation), at most a few."""
    run: list[Token] = []
    for token in tokens[:_MAX_SOURCE_WORDS]:
        if not token.text[:1].isalpha():
            break
        run.append(token)
    return run


def _speakerlike(token: Token) -> bool:
    word = token.text.lower()
    return word in PRONOUNS or word in DESCRIPTIONS or token.text[:1].isupper()


def _surface_name(before: Sequence[Token], token: Token) -> Span:
    """A capitalised word extended left over the capitalised words before it."""
    start = token.start
    if token.text[:1].isupper() and token.text.lower() not in PRONOUNS:
        for earlier in before[before.index(token) + 1 :]:
            if not earlier.text[:1].isupper():
                break
            start = earlier.start
    return Span(start, token.end)
