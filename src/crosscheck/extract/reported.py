"""What a cue reports: the content of reported speech, from the parse or the surface.

A cue verb's content, in this order (English and Russian parses; Ukrainian by the surface):

1. its complement clause (``ccomp``), after it or, parted by a comma, before it ("The bank was
   cooperating with regulators, he said.");
2. English only: the sentence around a parenthetical remark ("Beyond that, he said, the bank
   may be following a lead"); the subject of a passive with an agent ("The effort was first
   reported by the Journal"); the verb's object or topic phrase ("accused Trump of ...",
   "warned of Russian efforts"). On the Russian gold (ADAQ) the object phrase cost precision;
3. the surface: what follows ", что/що/that" after the verb, to the end of its sentence.

An English imperative ("Think about your families") reports nothing. Attribution nouns,
adjectives and phrases are in ``attribution``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.cues import PARSED, SUBJECTS, is_cue, source_of, subtree_span, trim
from crosscheck.extract.rules.quote_cues import ADDRESSEE_VERBS, JUDGED_AS
from crosscheck.extract.speech import Marked, Speech, word_count
from crosscheck.model import QuoteKind, Span

__all__ = ["bounded", "clause_after", "reported_clause", "reported_speech", "sentence_at"]

# objects that carry an attribution's content ("accused Trump of ...", "urged voters to ...")
_OBJECTS = frozenset({"dobj", "obj", "xcomp"})
_TOPICS = frozenset(("about", "of", "against", "for", "over"))
# a second complement clause joins the first unless a quote or a parenthesis parts them
_QUOTES = frozenset("\"'“”‘’«»()")


# --- speech: what cue verbs report ----------------------------------------------------------


def reported_speech(text: str, analysis: Analysis, marked: list[Marked]) -> list[Speech]:
    """What every cue verb reports (steps 1-3 of the module docstring), kept within its
    cue's paragraph and before a quote it introduces."""
    found: list[Speech] = []
    for cue in (t for t in analysis.tokens if is_cue(t, analysis.language) or _judged(analysis, t)):
        if _imperative(analysis, cue):
            continue  # "Think about your families": an appeal, nobody reported
        content = reported_clause(analysis, cue, text)
        if content is not None:
            where = Span(cue.start, cue.end)
            found.append(Speech(content, QuoteKind.REPORTED, where, source_of(analysis, cue)))
    found = [replace(s, content=bounded(text, s, marked)) for s in found]
    return [s for s in found if word_count(text, s.content) >= 2]


def _imperative(analysis: Analysis, cue: Token) -> bool:
    """An English sentence opening with a bare verb that has no subject."""
    if analysis.language != "en" or cue.feat("VerbForm") != "Inf" or cue.head != cue.index:
        return False
    first = next(t for t in analysis.sentence_tokens(cue.sentence) if t.text[:1].isalnum())
    return first is cue and not any(c.dep in SUBJECTS for c in analysis.children(cue.index))


def bounded(text: str, speech: Speech, marked: list[Marked]) -> Span:
    """Reported speech stays in its cue's paragraph (the parser's sentence may run on across a
    line break) and stops before a direct quote that it introduces."""
    cue = speech.cue or speech.content
    start = text.rfind("\n", 0, cue.start) + 1
    end = text.find("\n", cue.end)
    end = len(text) if end < 0 else end
    start = max(speech.content.start, start)
    content = trim(text, Span(start, max(min(speech.content.end, end), start)))
    return _before_quote(text, content, marked)


def _before_quote(text: str, content: Span, marked: list[Marked]) -> Span:
    """A reported clause stops at a colon that introduces a direct quote ('said help never
    came: "..."'); a quoted phrase without one stays inside it."""
    for quote in marked:
        lead = text[content.start : quote.outer.start]
        if content.start < quote.outer.start < content.end and lead.rstrip().endswith(":"):
            return trim(text, Span(content.start, quote.outer.start))
    return content


def sentence_at(analysis: Analysis, offset: int) -> Span:
    for sentence in analysis.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return Span(offset, offset)


# --- what a cue verb reports -------------------------------------------------------------------


def reported_clause(analysis: Analysis, cue: Token, text: str) -> Span | None:
    """The clause a cue verb reports: its ``ccomp`` (parsed languages) or what follows
    ", что/що/that" after it."""
    if analysis.language in PARSED:
        clauses = [c for c in _dependents(analysis, cue, text) if c.dep == "ccomp"
                   and (c.index > cue.index or _postposed(analysis, c, cue, text))]  # fmt: skip
        # a clause after the cue is what it reports, before one found before it
        clauses.sort(key=lambda c: c.index < cue.index)
        if clauses:
            span = subtree_span(analysis, clauses[0])
            # "said that it would stop serving RT, that the decision had come ... and that ..."
            end = span.end
            for more in (subtree_span(analysis, c) for c in clauses[1:] if c.index > cue.index):
                if not _QUOTES & set(text[end : more.start + 1]):
                    end = max(end, more.end)
            return trim(text, Span(span.start, end))
        # English only: on the Russian gold (ADAQ) the object phrase cost precision
        if analysis.language == "en":
            return _english_content(analysis, cue, text)
    return clause_after(analysis, cue, text)


def _dependents(analysis: Analysis, token: Token, text: str) -> list[Token]:
    """The token's dependents in its own paragraph: the parser's sentence may run on across a
    line break (a headline into the dateline)."""
    return [c for c in analysis.children(token.index)
            if "\n" not in text[min(c.start, token.end) : max(c.start, token.end)]]  # fmt: skip


def _english_content(analysis: Analysis, cue: Token, text: str) -> Span | None:
    """Content the English parse attaches otherwise: the sentence around a parenthetical
    ("Beyond that, he said, the bank ...", "As Politico reported, the PAC ..."), the subject
    of a passive with its agent ("was first reported by the Journal") or with what it is
    taken for ("Clinton is considered the more market-friendly outcome"), or the verb's
    object or topic ("accused X of ...", "warned of ...")."""
    children = _dependents(analysis, cue, text)
    if _parenthetical(analysis, cue, children):
        return trim(text, subtree_span(analysis, analysis.tokens[cue.head]))
    passive = next((c for c in children if c.dep == "nsubjpass"), None)
    if passive is not None and any(c.dep == "agent" for c in children):
        return trim(text, subtree_span(analysis, passive))
    taken = [subtree_span(analysis, c) for c in children if c.dep == "oprd" or _as(c, cue)]
    if taken and (passive is not None or any(c.dep == "auxpass" for c in children)):
        # "Al Gore had the resume, but was seen as wooden": a shared subject stays out
        spans = [*taken, subtree_span(analysis, passive)] if passive else taken
        # the parser may put the subject after what it is taken for: span them all
        return trim(text, Span(min(s.start for s in spans), max(s.end for s in spans)))
    if any(c.index > cue.index and _carries(cue, c) for c in children):
        return _right_of(analysis, cue, text)
    return None


def _carries(cue: Token, child: Token) -> bool:
    """Whether a child after the cue carries content: an object ("accused Trump of"), but not
    the addressee of "told The Washington Post" (a name or a pronoun; "told the kneepad
    story" tells content), or a topic ("warned of ...")."""
    addressee = child.pos in ("PROPN", "PRON") and cue.lemma.lower() in ADDRESSEE_VERBS
    if child.dep in ("dobj", "obj", "dative") and addressee:
        return False
    return child.dep in _OBJECTS or _topic(child)


def _parenthetical(analysis: Analysis, cue: Token, children: list[Token]) -> bool:
    """A cue with its subject inserted into the sentence it reports: parenthetical ("he
    said"), or an "as" clause ("as Politico reported")."""
    if cue.head == cue.index or not any(c.dep in SUBJECTS for c in children):
        return False
    if cue.dep == "parataxis":
        return True
    marks = [c.lemma.lower() for c in children if c.dep in ("mark", "advmod")]
    return cue.dep == "advcl" and marks == ["as"]


def _as(child: Token, verb: Token) -> bool:
    """ "as" what it is taken for; "for" what one is known for."""
    wanted = ("as", "for") if verb.lemma.lower() == "know" else ("as",)
    return child.dep == "prep" and child.text.lower() in wanted


def _judged(analysis: Analysis, verb: Token) -> bool:
    """A verb of perception or knowledge used as a judgment: "was seen as wooden", "the
    market views Trump as a great unknown", "is known for his dry wit"."""
    if analysis.language != "en" or verb.pos != "VERB":
        return False
    return verb.lemma.lower() in JUDGED_AS and any(
        _as(c, verb) for c in analysis.children(verb.index)
    )


def _topic(child: Token) -> bool:
    """ "warned of", "joked about", "testified against": a preposition naming the topic."""
    return child.dep == "prep" and child.text.lower() in _TOPICS


_COMMA = re.compile(r"[ \t]*,(?P<close>[\"\u201d\u2019]?)[ \t]")
_OPENING = re.compile('["\u201c\u00ab]')


def _postposed(analysis: Analysis, clause: Token, cue: Token, text: str) -> bool:
    """ "The bank was cooperating with regulators, he said.": a clause before its cue is
    reported when a comma parts them. A quote mark may close after the comma when the quote
    opened inside the clause ('... has been cut "by a state party," the organization
    announced'); a clause that is all quote is a direct quote, attributed as one."""
    span = subtree_span(analysis, clause)
    comma = _COMMA.match(text, span.end, cue.start)
    speaker = any(c.dep in SUBJECTS and c.start > span.end for c in analysis.children(cue.index))
    if comma is None or not speaker:
        return False  # "<clause>, he said" or "<clause>, said Smith": the cue names its speaker
    return not comma["close"] or _OPENING.search(text, span.start, span.end) is not None


def _right_of(analysis: Analysis, cue: Token, text: str) -> Span | None:
    """What "accused X of ...", "urged X to ..." attribute: the verb's phrase after it."""
    right = [c for c in _dependents(analysis, cue, text) if c.index > cue.index
             and c.dep not in SUBJECTS and c.dep not in ("cc", "conj", "punct")]  # fmt: skip
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
