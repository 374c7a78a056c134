"""Speech cues in the parse: cue verbs and who speaks through them.

English and Russian use the dependency parse (spaCy sm, natasha): the speaker is the ``nsubj``
of the cue verb, or of the verb it shares its subject with (a conjoined verb, "wants to warn",
a participle: "spoke on Monday, saying ..."), or a passive's agent ("reported by the Journal").
natasha's parse of Ukrainian is unreliable (its models are Russian), so Ukrainian, and a cue
outside the parse's reach, falls back to the surface: the nearest pronoun, name or description
before the verb, or right after it when inverted ("— каже військовий", "said Smirnov"). What
the cue reports is found by ``reported``.
"""

from __future__ import annotations

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
    "PARSED",
    "SUBJECTS",
    "governs",
    "is_cue",
    "name_span",
    "relative_antecedent",
    "source_of",
    "subtree_span",
    "trim",
]

PARSED = frozenset({"en", "ru"})
SUBJECTS = frozenset({"nsubj"})
_NAME_PARTS = frozenset({"compound", "flat", "flat:name", "det", "amod", "poss", "nmod:poss"})
_LEADING = frozenset(
    ("that", "что", "чтобы", "що", "щоб", ",", ":", "—", "–", "-", "whether", "if")
)
_TRAILING = " \t\n,.;:!?—–-\"'«»“”„"
_MAX_SOURCE_WORDS = 4
_MAX_CLIMB = 4
_MAX_DEPTH = 8
_PASSIVE = frozenset(("auxpass", "nsubjpass", "agent", "aux:pass", "nsubj:pass"))
# a participle or infinitive in these relations takes its speaker from the clause above it
_ADJUNCTS = frozenset(("advcl", "acl", "pcomp", "conj", "xcomp"))
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


def governs(analysis: Analysis, head: Token, token: Token) -> bool:
    """Whether ``token`` lies under ``head`` in the parse (within a few steps)."""
    for _ in range(_MAX_DEPTH):
        if token.index == head.index:
            return True
        if token.head == token.index:
            return False
        token = analysis.tokens[token.head]
    return False


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


def trim(text: str, span: Span) -> Span:
    """Without a leading "that"/"что" or comma and without trailing punctuation."""
    start, end = span.start, span.end
    while start < end:
        word = text[start:end].split(maxsplit=1)[0] if text[start:end].split() else ""
        if word.lower() not in _LEADING and word[:-1].lower() not in _LEADING:
            break  # "that," counts as "that": "that, over the entire cycle, ..."
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
    verb: Token | None = cue
    for _ in range(_MAX_CLIMB):
        if verb is None:
            break
        children = analysis.children(verb.index)
        subject = next((c for c in children if c.dep in SUBJECTS), None)
        if subject is not None:
            return subject
        if any(c.dep in _PASSIVE for c in children):
            return _agent(analysis, verb)  # "was seen as wooden": the subject is not the judge
        verb = _controller(analysis, verb)
    return None


def _agent(analysis: Analysis, verb: Token) -> Token | None:
    """ "was first reported by The Wall Street Journal": the passive's agent speaks."""
    for child in analysis.children(verb.index):
        if child.dep == "agent":
            return next((c for c in analysis.children(child.index) if c.dep == "pobj"), None)
    return None


def _controller(analysis: Analysis, verb: Token) -> Token | None:
    """The verb whose subject ``verb`` shares: the one it is conjoined to or embedded under
    ("wants to warn"), or, for a participle or infinitive, the clause it hangs on through
    prepositions and nouns ("Trump spoke on Monday, saying ...", "began by threatening to
    sue", "delivered a speech blaming Clinton"); an adjective passes its subject on
    ("Democrats are quick to note")."""
    if verb.dep in ("conj", "xcomp") or verb.pos == "ADJ" and verb.dep in ("acomp", "oprd"):
        return analysis.tokens[verb.head] if verb.head != verb.index else None
    if verb.dep not in _ADJUNCTS or not _nonfinite(verb):
        return None
    head = verb
    for _ in range(_MAX_CLIMB):
        if head.head == head.index:
            return None
        head = analysis.tokens[head.head]
        if head.pos in ("VERB", "AUX"):
            return head
    return None


def _nonfinite(verb: Token) -> bool:
    """An active participle or an infinitive: "saying", "to tout" (not "seen as")."""
    form = verb.feat("VerbForm")
    return form in ("Inf", "Ger") or form == "Part" and verb.feat("Tense") != "Past"


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
    """The head word with its name parts: "President Barack Obama", "The soldier"; a
    description followed by the name in apposition takes the name along ("A second soldier,
    Private Dmitry Volkov")."""
    members, frontier = {head.index: head}, [head]
    if head.pos == "NOUN":
        named = [c for c in analysis.children(head.index) if c.dep == "appos" and c.pos == "PROPN"]
        members.update((t.index, t) for t in named[:1])
        frontier += named[:1]
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
