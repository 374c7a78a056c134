"""Attribution without a cue verb: nouns, adjectives and phrases that attribute (English,
except the phrases).

- Nouns: "allegations that ...", "the news that ...", "fears of a Trump presidency",
  "Clinton's claims of fraud". A noun reports its finite complement clause, or, for a noun of
  concern, its "of"/"about" object; its speaker is the possessor, the "by"/"from" phrase, or
  the subject of the verb that voices it ("Her campaign expressed confidence that ...").
- Adjectives of belief and attitude: "The campaign was optimistic that ...", "unsure about
  Trump"; the speaker is the subject the adjective is said of.
- Phrases: "according to X", "по словам X", "за його словами", "как сообщил X": the rest of
  the sentence is the content, X the speaker. In English the phrase must open its sentence or
  be set off ("distributed according to a schedule" attributes nothing), and X is the whole
  object of "to" in the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.cues import name_span, source_of, subtree_span, trim
from crosscheck.extract.reported import bounded, sentence_at
from crosscheck.extract.rules.quote_cues import (
    ATTITUDE_ADJECTIVES,
    ATTRIBUTION_NOUNS,
    TOPIC_NOUNS,
    VOICING_VERBS,
)
from crosscheck.extract.speech import Phrase, Speech, according_phrases, word_count
from crosscheck.model import QuoteKind, Span

__all__ = ["attributed_speech", "phrased_speech"]

_ATTITUDE_TOPICS = frozenset(("about", "of", "at", "over"))


def attributed_speech(text: str, analysis: Analysis) -> list[Speech]:
    """What attribution nouns and adjectives report, within their paragraphs."""
    found = [Speech(w.content, QuoteKind.REPORTED, w.cue, w.source)
             for w in attribution_words(analysis, text)]  # fmt: skip
    found = [replace(s, content=bounded(text, s, [])) for s in found]
    return [s for s in found if word_count(text, s.content) >= 2]


@dataclass(frozen=True, slots=True)
class WordCue:
    """An attribution noun with what it reports and, where written, whose it is."""

    cue: Span
    content: Span
    source: Span | None


def attribution_words(analysis: Analysis, text: str) -> list[WordCue]:
    """English "allegations that ...", "fears of ...", "Clinton's claims of fraud", and
    adjectives of attitude: "the campaign was optimistic that she would weather it"."""
    if analysis.language != "en":
        return []
    found: list[WordCue] = []
    for word in analysis.tokens:
        lemma = word.lemma.lower()
        if word.pos == "NOUN" and lemma in ATTRIBUTION_NOUNS:
            content, source = _noun_content(analysis, word), _noun_source(analysis, word)
        elif word.pos == "ADJ" and lemma in ATTITUDE_ADJECTIVES:
            content, source = _adjective_content(analysis, word), source_of(analysis, word)
        else:
            continue
        if content is not None:
            span = trim(text, subtree_span(analysis, content))
            found.append(WordCue(Span(word.start, word.end), span, source))
    return found


def _adjective_content(analysis: Analysis, adjective: Token) -> Token | None:
    """ "optimistic that she would weather ...", "unsure about Trump", "dismissive of him"."""
    for child in analysis.children(adjective.index):
        if child.dep == "ccomp" and child.index > adjective.index:
            return child
        if child.dep == "prep" and child.text.lower() in _ATTITUDE_TOPICS:
            return next((c for c in analysis.children(child.index) if c.dep == "pobj"), None)
    return None


def _noun_content(analysis: Analysis, noun: Token) -> Token | None:
    """A finite clause on the noun ("news that the FBI had reopened"), or for a noun of
    concern the object of its "of"/"about" ("fears of a Trump presidency")."""
    for child in analysis.children(noun.index):
        if child.index > noun.index and child.dep in ("acl", "ccomp") and _clause(analysis, child):
            return child
    if noun.lemma.lower() not in TOPIC_NOUNS:
        return None
    for child in analysis.children(noun.index):
        if child.dep == "prep" and child.text.lower() in ("of", "about"):
            return next((c for c in analysis.children(child.index) if c.dep == "pobj"), None)
    return None


def _clause(analysis: Analysis, verb: Token) -> bool:
    """A clause with a subject of its own: "that the FBI had reopened a probe", not "to
    respond" or "seeking comment"."""
    return any(c.dep in ("nsubj", "nsubjpass", "expl") for c in analysis.children(verb.index))


def _noun_source(analysis: Analysis, noun: Token) -> Span | None:
    """ "Clinton's allegations", "his criticism", "claims by the campaign", or the subject of
    the verb that voices the noun ("Her campaign expressed confidence that ...")."""
    head = analysis.tokens[noun.head]
    if noun.dep in ("dobj", "obj") and head.lemma.lower() in VOICING_VERBS:
        return source_of(analysis, head)
    for child in analysis.children(noun.index):
        if child.dep == "poss":
            return name_span(analysis, child)
        if child.dep == "prep" and child.text.lower() in ("by", "from"):
            agent = next((c for c in analysis.children(child.index) if c.dep == "pobj"), None)
            if agent is not None:
                return name_span(analysis, agent)
    return None


# --- attribution phrases ----------------------------------------------------------------------


def phrased_speech(text: str, analysis: Analysis) -> list[Speech]:
    """Attribution phrases with the sentence part they attribute."""
    found: list[Speech] = []
    for phrase in according_phrases(text, analysis.language):
        phrase = _according_object(analysis, phrase, text)
        sentence = sentence_at(analysis, phrase.span.start)
        sentence = bounded(text, Speech(sentence, QuoteKind.REPORTED, phrase.cue), [])
        after = trim(text, Span(phrase.span.end, max(sentence.end, phrase.span.end)))
        before = trim(text, Span(sentence.start, max(phrase.span.start, sentence.start)))
        if analysis.language == "en" and not _set_off(text, before, phrase.span):
            continue  # "distribute the money according to a formula": not attribution
        # "According to X, <content>", "<content>, according to X[, who ...]"
        content = after
        if word_count(text, after) < 3 or _RELATIVE_LEAD.match(text, after.start):
            content = before
        if content.end > content.start:
            found.append(Speech(content, QuoteKind.REPORTED, phrase.cue, phrase.source))
    return found


_SOURCE_END = re.compile(r"[,;:()\n]|\.(?:\s|$)")
_RELATIVE_LEAD = re.compile(r"(?:who|which|whose)\b", re.IGNORECASE)


def _set_off(text: str, before: Span, phrase: Span) -> bool:
    """An attribution phrase opens its sentence or a comma, a bracket or a dash sets it off
    ("..., according to officials"); "distributed according to a schedule" is not one."""
    lead = text[before.start : phrase.start].rstrip()
    return not lead or lead.endswith((",", "(", "\u2014", "\u2013"))


def _according_object(analysis: Analysis, phrase: Phrase, text: str) -> Phrase:
    """English "according to X": X is the whole object of "to" in the parse ("an NBC/Wall
    Street Journal survey conducted ... was released Friday", not "an NBC") and what follows
    it up to a clause mark ("strategists with access to confidential data, who spoke ...");
    the surface match stands where the parse has no such object."""
    if analysis.language != "en":
        return phrase
    to = next(
        (t for t in analysis.tokens if t.start >= phrase.cue.end - 2 and t.lemma == "to"), None
    )
    found = next((c for c in analysis.children(to.index) if c.dep == "pobj"), None) if to else None
    if found is None or to is None or to.end != phrase.cue.end:
        return phrase
    span = subtree_span(analysis, found)
    stop = _SOURCE_END.search(text, span.start)
    source = trim(text, Span(span.start, stop.start() if stop else len(text)))
    return replace(phrase, span=Span(phrase.span.start, source.end), source=source)
