"""Claims: who claims that people were killed, wounded, captured, abandoned... and how many.

`find_claims` reads each sentence of a document once, in this cascade:

1. Cues: each phrasing in ``rules/casualty_cues.py`` and ``rules/claim_cues.py`` that matches
   the sentence (and the phrase it ``requires``, such as a word for the command or for
   prisoners) is a candidate; its first token is the trigger, the point in the parse tree
   that the next steps start from ("a shot rang out": a noun is no hit).
2. Count (``extract.claim_counts``): of the sentence's quantities (``extract.counts``, the
   profile named by ``profile``), a trigger takes the nearest in the tree that belongs to its
   own statement; without a number, its single subject or object counts its people, and some
   words carry their toll ("a fatal shooting", "a double homicide"). Numbers followed by
   "times", "hours", "years"... count no victims. Cues too general alone ("deaths",
   "bodies") need a count, unless denied.
3. Modality: ``denied`` (a negation on the trigger, "almost", a subject that is nobody, a
   denying verb above it), ``hypothetical`` (a modal, "if", a future above it, up to the
   clause that tells when it happened or which person it was), ``historical`` (the sentence
   is about the general past: "since 1945", "during the Vietnam War"; or the claim's clause
   gives a toll over a period or an area, which ACLED leaves out as an aggregate tally:
   "1,800 killed this year", "over the past 24 hours", "за сутки"), else ``asserted``.
4. Claimant: the speaker of the quote that holds the trigger; else the person that "according
   to him" / "по его словам" in the sentence points back to; else the outlet (``by_source``).
5. Evidence: the trigger's clause without joined statements, widened to the cue and the count.

Of claims of one kind and modality whose evidence overlaps, the one with a count is kept; a
hit with its outcome open ("was shot") is dropped where its clause says they were killed
("shot and killed", "fatally shot"), unless it counts more people ("two shot, one fatally").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from crosscheck.extract.analysis import Analysis, Token
from crosscheck.extract.claim_counts import (
    Hit,
    implicit_count,
    victim_counts,
    victim_quantity,
    with_conjuncts,
)
from crosscheck.extract.claim_syntax import Tree
from crosscheck.extract.claim_tolls import Found, Toll, figure, toll
from crosscheck.extract.counts import PROFILES, Quantity, find_counts
from crosscheck.extract.rules import casualty_cues, claim_cues
from crosscheck.extract.rules import claim_context as around
from crosscheck.model import Claim, ClaimKind, Document, Modality, Person, Quote, Span

__all__ = ["NAME", "article_toll", "find_claims"]

NAME = "extract.claims.v3"

_EDGES = " \t\r\n\"'«»“”„,;:—–-"
_ALMOST = re.compile(
    r"(?:almost|nearly|narrowly)\s+(?:been\s+|be\s+)?$"
    r"|(?:чуть|едва|ледь|ледве|мало|трохи)(?:\s+было)?\s+не\s+$",
    re.IGNORECASE,
)
# a clause that says when it happened or who it was about is not under the modal above it:
# "the family can sue the officer *who killed* him", "can sue *when* he shot and killed"
_TEMPORAL = frozenset({"when", "after", "before", "as", "while", "once", "until", "since",
                       "когда", "после", "пока", "коли", "після", "поки"})  # fmt: skip
_RELATIVE_CLAUSES = frozenset({"relcl", "acl:relcl"})
_CUES = (*casualty_cues.CUES, *claim_cues.CUES)


@dataclass(frozen=True, slots=True)
class _Doc:
    document: Document
    tree: Tree
    quantities: tuple[Quantity, ...]
    quotes: Sequence[Quote]
    people: Sequence[Person]


def find_claims(
    document: Document,
    analysis: Analysis,
    *,
    quotes: Sequence[Quote] = (),
    people: Sequence[Person] = (),
    profile: str = "acled",
) -> list[Claim]:
    """Every claim the text makes, asserted or not, in text order."""
    found = _find(document, analysis, quotes=quotes, people=people, profile=profile)
    return [f.claim for f in found]


def _find(
    document: Document,
    analysis: Analysis,
    *,
    quotes: Sequence[Quote] = (),
    people: Sequence[Person] = (),
    profile: str = "acled",
) -> list[Found]:
    counts = find_counts(document.text, document.language, profile=PROFILES[profile])
    doc = _Doc(document, Tree.of(analysis), tuple(counts), quotes, people)
    found = [c for span in analysis.sentences for c in _sentence(doc, span)]
    return sorted(found, key=lambda f: (f.claim.span.start, f.claim.kind))


def _sentence(doc: _Doc, span: Span) -> list[Found]:
    hits = list(_hits(doc, span))
    quantities = list(victim_counts(doc.document.text, doc.quantities, span))
    found = [f for f in (_claim(doc, hit, hits, quantities, span) for hit in hits) if f]
    found.sort(key=lambda f: f.claim.count is None)  # a counted claim wins over its echo
    kept: list[Found] = []
    for one in found:
        if not any(_same(one.claim, other.claim) for other in kept):
            kept.append(one)
    return [f for f in kept if not _killed_instead(f, kept)]


def _same(claim: Claim, other: Claim) -> bool:
    """Two cues of one statement: same kind and modality, overlapping evidence."""
    similar = claim.kind is other.kind and claim.modality is other.modality
    return _overlap(claim, other) and similar and claim.count in (None, other.count)


def _overlap(claim: Claim, other: Claim) -> bool:
    return claim.span.start < other.span.end and other.span.start < claim.span.end


def _killed_instead(found: Found, kept: list[Found]) -> bool:
    """ "Shot and killed", "fatally shot": the hit is the killing, not a wound of its own."""
    if not found.cue.open_fate:
        return False
    shot = figure(found.claim.count)
    return any(
        other.claim.kind is ClaimKind.KILLED
        and other.claim.modality is found.claim.modality
        and _overlap(found.claim, other.claim)
        and (shot is None or shot <= (figure(other.claim.count) or 1))
        for other in kept
    )


def _hits(doc: _Doc, span: Span) -> Iterator[Hit]:
    text = doc.document.text
    taken: set[tuple[ClaimKind, int]] = set()
    for cue in _CUES:
        if cue.requires is not None and not cue.requires.search(text, span.start, span.end):
            continue
        for match in cue.pattern.finditer(text, span.start, span.end):
            trigger = doc.tree.at(match.start())
            if trigger is None or (cue.open_fate and trigger.pos == "NOUN"):
                continue  # "a shot rang out" is no hit
            if (cue.kind, trigger.index) not in taken:
                taken.add((cue.kind, trigger.index))
                yield Hit(cue, match, trigger)


def _claim(
    doc: _Doc, hit: Hit, hits: list[Hit], quantities: list[Quantity], sentence: Span
) -> Found | None:
    tree, text = doc.tree, doc.document.text
    quantity = victim_quantity(tree, quantities, hit, hits) if hit.cue.counted else None
    count = with_conjuncts(tree, text, quantity) if quantity else implicit_count(tree, text, hit)
    span = _evidence(doc, hit, quantity, sentence)
    modality = _modality(doc, hit, sentence, span)
    if hit.cue.needs_count and count is None and modality is not Modality.DENIED:
        return None
    claimant, by_source, quote = _claimant(doc, hit, sentence)
    claim = Claim(kind=hit.cue.kind, span=span, text=text[span.start : span.end],
                  claimant=claimant, by_source=by_source, quote=quote, count=count,
                  modality=modality, extractor=NAME)  # fmt: skip
    return Found(claim, hit.cue, quantity)


# -- step 3: modality ----------------------------------------------------------------------


def _modality(doc: _Doc, hit: Hit, sentence: Span, evidence: Span) -> Modality:
    if _denied(doc, hit):
        return Modality.DENIED
    if _hypothetical(doc, hit):
        return Modality.HYPOTHETICAL
    text = doc.document.text
    if around.HISTORICAL.search(text, sentence.start, sentence.end) or _aggregate(doc, evidence):
        return Modality.HISTORICAL
    return Modality.ASSERTED


def _aggregate(doc: _Doc, evidence: Span) -> bool:
    """A toll over a period or an area ("1,800 killed this year", "за сутки"): read in the
    claim's own clause only, since "a man was killed, the 30th this year" is still one event.
    The end is widened by a few words, as a headline puts the period after the clause; an
    ordinal before the period ("the 30th homicide this year") makes it a running tally."""
    text = doc.document.text
    for match in around.AGGREGATE.finditer(text, evidence.start, evidence.end + 40):
        if not around.RUNNING_TALLY.search(
            text, max(evidence.start, match.start() - 40), match.start()
        ):
            return True
    return False


def _chain(doc: _Doc, hit: Hit) -> list[Token]:
    """The trigger and its heads, up to the root of its sentence."""
    return [doc.tree.token(i) for i in doc.tree.ancestors(hit.trigger.index)]


def _denied(doc: _Doc, hit: Hit) -> bool:
    start, end = hit.match.span()
    near = [hit.trigger, *_chain(doc, hit)[1:2]]
    kids = [k for t in near for k in doc.tree.kids(t.index) if not start <= k.start < end]
    negations = [k for k in kids if k.text.lower() in around.DENIAL_WORDS]
    subject = doc.tree.subject(hit.trigger.index)
    nobody = subject is not None and (subject.text.lower() in around.NOBODY or any(
        k.text.lower() in around.NOBODY for k in doc.tree.kids(subject.index)))  # fmt: skip
    deny = any(around.DENY_VERBS.fullmatch(t.text) for t in _chain(doc, hit)[1:])
    almost = _ALMOST.search(doc.document.text, max(0, start - 20), start)  # "almost killed"
    return bool(negations) or nobody or deny or almost is not None


def _hypothetical(doc: _Doc, hit: Hit) -> bool:
    if _intended(doc, hit.trigger):
        return True
    for token in _chain(doc, hit):
        words = [token, *doc.tree.kids(token.index)]
        if any(w.text.lower() in around.HYPOTHETICAL_WORDS or w.lemma.lower() in
               around.HYPOTHETICAL_WORDS for w in words if w.dep != "conj"):  # fmt: skip
            return True
        if token is not hit.trigger and _threat_or_plan(doc, token):
            return True
        if _settled(doc, token):
            break
    return hit.trigger.feat("Tense") == "Fut"


def _threat_or_plan(doc: _Doc, token: Token) -> bool:
    """A verb of threat or fear above the trigger ("was threatened with being shot"), or the
    future "going to" ("someone is going to get shot")."""
    if token.lemma.lower() in around.THREAT_VERBS:
        return True
    return token.text.lower() == "going" and any(
        k.dep == "xcomp" for k in doc.tree.kids(token.index)
    )


def _intended(doc: _Doc, trigger: Token) -> bool:
    """An infinitive under a verb: "threatened to kill", "tried to shoot", "пытался убить"
    tell an intention, not a death ("the first officer to die" hangs from a noun)."""
    head = doc.tree.token(trigger.head)
    return trigger.feat("VerbForm") == "Inf" and trigger.dep == "xcomp" and head.pos == "VERB"


def _settled(doc: _Doc, token: Token) -> bool:
    """A relative clause, or one that says when: what it tells happened, whatever may or
    could follow above it ("the family can sue the officer who killed him")."""
    if token.dep in _RELATIVE_CLAUSES:
        return True
    first = doc.tree.token(doc.tree.subtree(token.index)[0])
    return token.dep == "advcl" and first.text.lower() in _TEMPORAL


# -- step 4: claimant ----------------------------------------------------------------------


def _claimant(doc: _Doc, hit: Hit, sentence: Span) -> tuple[str | None, bool, int | None]:
    at = hit.match.start()
    for n, quote in enumerate(doc.quotes):
        if quote.span.start <= at < quote.span.end:
            return quote.speaker, False, n
    according = around.ACCORDING.search(doc.document.text, sentence.start, sentence.end)
    if according is not None:
        person = _pointed(doc, according)
        if person is not None:
            return person.key, False, None
    return None, True, None


def _pointed(doc: _Doc, according: re.Match[str]) -> Person | None:
    """The person named in "according to X", else the one named last before the phrase."""
    start, end = according.span()
    named = [p for p in doc.people if any(start <= m.start < end for m in p.mentions)]
    if named:
        return named[0]
    before = [(m.end, p) for p in doc.people for m in p.mentions if m.end <= start]
    return max(before, key=lambda pair: pair[0])[1] if before else None


# -- step 5: evidence ----------------------------------------------------------------------


def _evidence(doc: _Doc, hit: Hit, quantity: Quantity | None, sentence: Span) -> Span:
    tokens = [doc.tree.token(i) for i in doc.tree.clause(hit.trigger.index)]
    starts = [t.start for t in tokens] + [hit.match.start()]
    ends = [t.end for t in tokens] + [hit.match.end()]
    if quantity is not None:
        starts.append(quantity.span.start)
        ends.append(quantity.span.end)
    start, end = max(min(starts), sentence.start), min(max(ends), sentence.end)
    text = doc.document.text
    while start < end and text[start] in _EDGES:
        start += 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1
    return Span(start, end)


# -- an article's toll --------------------------------------------------------------------------


def article_toll(document: Document, analysis: Analysis) -> Toll:
    """The killed and injured an article asserts, each victim once (``extract.claim_tolls``)."""
    return toll(document.text, _find(document, analysis))
