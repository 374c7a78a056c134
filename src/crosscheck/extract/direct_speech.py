"""Direct speech: who a marked quote's remark or introduction names.

For a quote found by ``speech.marked_quotes``, in this order:

1. the remark right after it: a speech verb among its first words (``"...," he said``,
   ``«...», — говорит Смирнов``); after a quote ending in a comma or a full stop, any verb
   whose subject is in the remark (``"...," Trump joked``, ``"...?" Mr. Burton fumed.``), or
   a speech verb further on (``"...," Chris Weston, chief market strategist at IG, said``); a
   new sentence after the quote counts only when it says nothing but who spoke;
2. the introduction before it in its sentence: the last speech verb when it leads straight
   into the quote (``He warns his fellow citizens: "..."``, ``He said "...``) or governs it in
   the parse (``RT called the bank's decision "incomprehensible and without warning"``);
3. an introduction ending in ":" names the speaker even without a speech verb: its subject
   (``Smirnov: "..."``), or a short capitalised label (``Meghan McCain, Twitter: "..."``).
"""

from __future__ import annotations

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.cues import governs, is_cue, name_span, source_of, trim
from crosscheck.extract.speech import Marked, Speech, word_count
from crosscheck.model import QuoteKind, Span

__all__ = ["MIN_UNCUED_WORDS", "attribute"]

#: a marked quote shorter than this with no cue is a scare quote ("meat grinder")
MIN_UNCUED_WORDS = 4
_LABEL_WORDS = 6  # a speaker label before a colon ('Jeremy Lott, author:') is this short
_REMARK_WORDS = 3  # a cue counts as the quote's remark within this many words after it
_SENTENCE_ENDS = (".", "!", "?", "…")
_REMARK_ENDS = (",", *_SENTENCE_ENDS)  # the quote's remark may name a verb of any kind
_COMPLEMENTS = frozenset(("ccomp", "dobj", "obj", "xcomp", "attr", "acomp", "dative", "iobj"))


def attribute(text: str, analysis: Analysis, quote: Marked, marked: list[Marked]) -> Speech:
    after = _remark(text, analysis, quote, marked)
    cue = next((t for t in after[:_REMARK_WORDS] if is_cue(t, analysis.language)), None)
    if cue is None and text[quote.content.end - 1 : quote.content.end] in _REMARK_ENDS:
        cue = _remark_verb(analysis, after)
    region = Span(quote.outer.end, after[-1].end) if after else None
    if cue is None:
        before = _introduction(analysis, quote, marked)
        cue = _introducing_cue(text, analysis, quote, before)
        region = Span(before[0].start, quote.outer.start) if before else None
        if cue is None:
            cue, region = _announcement(text, analysis, quote)
        if cue is None:
            return _colon_intro(text, analysis, quote, before)
    source = source_of(analysis, cue, region)
    return Speech(quote.content, QuoteKind.DIRECT, Span(cue.start, cue.end), source)


def _announcement(text: str, analysis: Analysis, quote: Marked) -> tuple[Token | None, Span | None]:
    """A quote right after a sentence that only says who speaks ('Her friend Brittany
    Lockwood, 20, chimed in. "I did not think ..."')."""
    line = text.rfind("\n", 0, quote.outer.start) + 1
    lead = text[line : quote.outer.start].rstrip()
    if lead.endswith((":", ",")) or not lead.endswith(_SENTENCE_ENDS):
        return None, None
    ends = [t for t in analysis.tokens if line <= t.start and t.end <= len(lead) + line]
    stops = [i for i, t in enumerate(ends[:-1]) if t.text in _SENTENCE_ENDS]
    sentence = [t for t in ends[stops[-1] + 1 if stops else 0 :] if t.text[:1].isalnum()]
    verbs = [t for t in sentence if is_cue(t, analysis.language)]
    if len(verbs) != 1 or not _bare(analysis, verbs[0]):
        return None, None
    return verbs[0], Span(sentence[0].start, sentence[-1].end)


def _remark_verb(analysis: Analysis, after: list[Token]) -> Token | None:
    """A quote ending in a comma continues into its remark: '"...," Trump joked', or a
    speaker with a long description before the verb ('"...," Chris Weston, chief market
    strategist at IG, said in an e-mail')."""
    near = next((t for t in after[:_REMARK_WORDS] if t.pos == "VERB"), None)
    if near is not None and not _subject_in(analysis, near, after):
        near = None  # '"Mr. P." and compares him to a duck': the verb goes on the sentence
    return near or next((t for t in after if is_cue(t, analysis.language)), None)


def _subject_in(analysis: Analysis, verb: Token, remark: list[Token]) -> bool:
    return any(c.dep == "nsubj" and c in remark for c in analysis.children(verb.index))


def _remark(text: str, analysis: Analysis, quote: Marked, marked: list[Marked]) -> list[Token]:
    """Word tokens after the closing mark, up to the sentence end, a line break or the next
    quote; none when the quote ends its sentence and a new one begins after it."""
    limit = next((m.outer.start for m in marked if m.outer.start >= quote.outer.end), None)
    line_end = text.find("\n", quote.outer.end)
    if line_end >= 0:
        limit = line_end if limit is None else min(limit, line_end)
    words: list[Token] = []
    for token in _tokens_from(analysis, quote.outer.end, limit):
        if token.text in (".", "!", "?", "…") and words:
            break
        if token.text[:1].isalnum():
            words.append(token)
    ends_sentence = text[quote.content.end - 1 : quote.content.end] in _SENTENCE_ENDS
    if words and ends_sentence and words[0].text[:1].isupper():
        return words if _bare_attribution(analysis, words) else []
    return words


def _bare_attribution(analysis: Analysis, words: list[Token]) -> bool:
    """A sentence after a quote that only says who spoke it: a subject and a verb with no
    object or clause of its own ('"...?" Mr. Burton fumed.', '"..." Trump said to cheers.')."""
    verb = next((t for t in words[: _REMARK_WORDS + 1] if t.pos == "VERB"), None)
    return verb is not None and _bare(analysis, verb)


def _bare(analysis: Analysis, verb: Token) -> bool:
    """A verb with its subject before it and no object or clause of its own."""
    children = analysis.children(verb.index)
    subject = any(c.dep == "nsubj" and c.index < verb.index for c in children)
    return subject and not any(c.dep in _COMPLEMENTS for c in children)


def _introducing_cue(
    text: str, analysis: Analysis, quote: Marked, before: list[Token]
) -> Token | None:
    """The last speech verb before the quote, when the introduction leads straight into it:
    it ends in ":" or ",", the verb is among its last words ('He said "...'), or the quote
    is part of what the verb governs ('RT called the bank's decision "incomprehensible"')."""
    cue = next((t for t in reversed(before) if is_cue(t, analysis.language)), None)
    if cue is None:
        return None
    lead = text[cue.end : quote.outer.start]
    if lead.rstrip().endswith((":", ",")) or len(lead.split()) < _REMARK_WORDS:
        return cue
    if word_count(text, quote.content) < MIN_UNCUED_WORDS:
        return None  # a scare quote inside reported speech ('said the FBI is "reopening" it')
    inside = next((t for t in analysis.tokens if t.start >= quote.content.start), None)
    return cue if inside is not None and governs(analysis, cue, inside) else None


def _introduction(analysis: Analysis, quote: Marked, marked: list[Marked]) -> list[Token]:
    """Tokens of the quote's sentence before its opening mark, after any earlier quote."""
    earlier = max((m.outer.end for m in marked if m.outer.end <= quote.outer.start), default=0)
    first = next((t for t in analysis.tokens if t.end > quote.outer.start), None)
    if first is None:
        return []
    sentence = analysis.sentences[first.sentence].start if analysis.sentences else 0
    start = max(earlier, sentence)
    return [t for t in analysis.tokens if start <= t.start and t.end <= quote.outer.start]


def _colon_intro(text: str, analysis: Analysis, quote: Marked, before: list[Token]) -> Speech:
    """'Smirnov: "..."' names its speaker without a speech verb."""
    bare = Speech(quote.content, QuoteKind.DIRECT)
    if not before or not text[before[-1].start : quote.outer.start].rstrip().endswith(":"):
        return bare
    subject = next((t for t in before if t.dep == "nsubj"), None)
    if subject is None:
        return _label_intro(text, quote, before) or bare
    verb = analysis.tokens[subject.head]
    return Speech(
        quote.content, QuoteKind.DIRECT, Span(verb.start, verb.end), name_span(analysis, subject)
    )


def _label_intro(text: str, quote: Marked, before: list[Token]) -> Speech | None:
    """'Meghan McCain, Twitter: "..."': a short capitalised label before the colon is the
    source, the colon the cue."""
    colon = text.rindex(":", before[0].start, quote.outer.start)
    words = text[before[0].start : colon].split()
    if not words or len(words) > _LABEL_WORDS or not words[0][:1].isupper():
        return None
    source = trim(text, Span(before[0].start, colon))
    return Speech(quote.content, QuoteKind.DIRECT, Span(colon, colon + 1), source)


def _tokens_from(analysis: Analysis, start: int, limit: int | None) -> list[Token]:
    end = limit if limit is not None else len(analysis.tokens) and analysis.tokens[-1].end
    return [t for t in analysis.tokens if start <= t.start and t.end <= (end or 0)]
