"""Claims: who claims that people were killed, wounded, captured, abandoned... and how many.

`find_claims` reads each sentence of a document once, in this cascade:

1. Cues: each phrasing in ``rules/claim_cues.py`` that matches the sentence (and the phrase it
   ``requires``, such as a word for the command or for prisoners) is a candidate; its first
   token is the trigger, the point in the parse tree that the next steps start from.
2. Count: of the sentence's quantities (``extract.counts``, the profile named by ``profile``),
   a trigger takes the one nearest to it in the tree that no trigger of another kind is
   nearer to, within four edges; or a bare count after it ("of whom there were more than
   twenty"). Numbers followed by "times", "hours", "years"... count no victims. Without a
   number, a single object ("killed a man") or subject ("a man was killed", "John and Mary
   died") counts its people.
   Cues too general alone ("deaths", "bodies") need a count, unless denied.
3. Modality: ``denied`` (a negation on the trigger, a subject that is nobody, a denying verb
   above it), ``hypothetical`` (a modal, "if", a future above it), ``historical`` (the sentence
   is about the general past: "since 1945", "during the Vietnam War"; or the claim's clause
   gives a toll over a period or an area, which ACLED leaves out as an aggregate tally:
   "1,800 killed this year", "over the past 24 hours", "за сутки"), else ``asserted``.
4. Claimant: the speaker of the quote that holds the trigger; else the person that "according
   to him" / "по его словам" in the sentence points back to; else the outlet (``by_source``).
5. Evidence: the trigger's clause without joined statements, widened to the cue and the count.

Of claims of one kind and modality whose evidence overlaps, the one with a count is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from crosscheck.evaluate.casualties import Casualties, figure
from crosscheck.evaluate.task import PREDICTORS
from crosscheck.extract.analysis import Analysis, Analyzer, Token
from crosscheck.extract.claim_syntax import Tree
from crosscheck.extract.counts import PROFILES, Quantity, find_counts
from crosscheck.extract.rules import claim_cues as cues
from crosscheck.extract.rules.claim_cues import Cue
from crosscheck.model import Claim, ClaimKind, Count, Document, Modality, Person, Quote, Span

__all__ = ["NAME", "find_claims", "predict_casualties"]

NAME = "extract.claims.v2"

_NEAR = 4  # tree edges between a count and its trigger
_EDGES = " \t\r\n\"'«»“”„,;:—–-"
_NOT_ONE = frozenset({"it", "this", "that", "there", "what", "which", "one", "himself",
                      "herself", "toll", "number", "total", "это", "що"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Doc:
    document: Document
    tree: Tree
    quantities: tuple[Quantity, ...]
    quotes: Sequence[Quote]
    people: Sequence[Person]


@dataclass(frozen=True, slots=True)
class _Hit:
    cue: Cue
    match: re.Match[str]
    trigger: Token


def find_claims(
    document: Document,
    analysis: Analysis,
    *,
    quotes: Sequence[Quote] = (),
    people: Sequence[Person] = (),
    profile: str = "acled",
) -> list[Claim]:
    """Every claim the text makes, asserted or not, in text order."""
    counts = find_counts(document.text, document.language, profile=PROFILES[profile])
    doc = _Doc(document, Tree.of(analysis), tuple(counts), quotes, people)
    found = [c for n, span in enumerate(analysis.sentences) for c in _sentence(doc, n, span)]
    return sorted(found, key=lambda claim: (claim.span.start, claim.kind))


def _sentence(doc: _Doc, number: int, span: Span) -> list[Claim]:
    hits = list(_hits(doc, span))
    found = [c for c in (_claim(doc, hit, hits, span) for hit in hits) if c is not None]
    found.sort(key=lambda claim: claim.count is None)  # a counted claim wins over its echo
    kept: list[Claim] = []
    for claim in found:
        if not any(_same(claim, other) for other in kept):
            kept.append(claim)
    return kept


def _same(claim: Claim, other: Claim) -> bool:
    """Two cues of one statement: same kind and modality, overlapping evidence."""
    overlap = claim.span.start < other.span.end and other.span.start < claim.span.end
    similar = claim.kind is other.kind and claim.modality is other.modality
    return overlap and similar and claim.count in (None, other.count)


def _hits(doc: _Doc, span: Span) -> Iterator[_Hit]:
    text = doc.document.text
    taken: set[tuple[ClaimKind, int]] = set()
    for cue in cues.CUES:
        if cue.requires is not None and not cue.requires.search(text, span.start, span.end):
            continue
        for match in cue.pattern.finditer(text, span.start, span.end):
            trigger = doc.tree.at(match.start())
            if trigger is not None and (cue.kind, trigger.index) not in taken:
                taken.add((cue.kind, trigger.index))
                yield _Hit(cue, match, trigger)


def _claim(doc: _Doc, hit: _Hit, hits: list[_Hit], sentence: Span) -> Claim | None:
    quantity = _quantity(doc, hit, hits, sentence) if hit.cue.counted else None
    count = quantity.count if quantity else _implicit(doc, hit)
    span = _evidence(doc, hit, quantity, sentence)
    modality = _modality(doc, hit, sentence, span)
    if hit.cue.needs_count and count is None and modality is not Modality.DENIED:
        return None
    claimant, by_source, quote = _claimant(doc, hit, sentence)
    return Claim(kind=hit.cue.kind, span=span, text=doc.document.text[span.start : span.end],
                 claimant=claimant, by_source=by_source, quote=quote, count=count,
                 modality=modality, extractor=NAME)  # fmt: skip


# -- step 2: the count ---------------------------------------------------------------------


def _quantity(doc: _Doc, hit: _Hit, hits: list[_Hit], sentence: Span) -> Quantity | None:
    tree = doc.tree
    best: tuple[int, int, Quantity] | None = None
    for quantity in _victim_counts(doc, sentence):
        head = _head(tree, quantity)
        near = tree.distance(head, hit.trigger.index)
        rivals = [tree.distance(head, h.trigger.index) for h in hits
                  if h.cue.counted and h.cue.kind is not hit.cue.kind]  # fmt: skip
        if (rivals and min(rivals) < near) or _owned_by_other(
            hit, hits, head, tree.analysis.tokens
        ):
            continue
        if near > _NEAR and not _bare_after(tree, head, hit.trigger):
            continue
        key = (near, abs(head - hit.trigger.index), quantity)
        best = key if best is None or key[:2] < best[:2] else best
    return best[2] if best else None


def _owned_by_other(hit: _Hit, hits: list[_Hit], head: int, tokens: Sequence[Token]) -> bool:
    """ "Three killed, 15 wounded": a number right before a trigger counts that trigger,
    unless it follows its own trigger closer ("killing four civilians and wounding eleven")."""
    between = hit.trigger.index + 1
    if 0 < head - hit.trigger.index <= 2 and all(
        t.pos != "PUNCT" for t in tokens[between : head + 1]
    ):
        return False
    after = [h for h in hits if h.cue.counted and 0 < h.trigger.index - head <= 3]
    nearest = min(after, key=lambda h: h.trigger.index, default=None)
    return nearest is not None and nearest.cue.kind is not hit.cue.kind


def _victim_counts(doc: _Doc, sentence: Span) -> Iterator[Quantity]:
    text = doc.document.text
    for quantity in doc.quantities:
        if sentence.start <= quantity.span.start < sentence.end:
            after = text[quantity.span.end : quantity.span.end + 24].lstrip(" -")
            if not cues.NOT_VICTIMS.match(after):
                yield quantity


def _head(tree: Tree, quantity: Quantity) -> int:
    """The token of a count phrase that the rest of the sentence attaches to."""
    start, end = quantity.span.start, quantity.span.end
    inside = [t for t in tree.analysis.tokens if t.start < end and start < t.end]
    outside = [t for t in inside if t.head == t.index
               or not start <= tree.token(t.head).start < end]  # fmt: skip
    token = (outside or inside)[-1] if outside or inside else tree.at(start)
    return token.index if token is not None else len(tree.analysis.tokens) - 1


def _bare_after(tree: Tree, head: int, trigger: Token) -> bool:
    """A count with no noun of its own after the trigger ("of whom there were more than
    twenty", "убитых было больше двадцати") refers back to the trigger's victims."""
    token = tree.token(head)
    return head > trigger.index and token.pos == "NUM" and token.dep != "nummod"


def _implicit(doc: _Doc, hit: _Hit) -> Count | None:
    """One victim per singular subject: "a man was killed" (1), "John and Mary died" (2), or
    per singular object of an active verb: "a trooper shot and killed Calin Roquemore" (1)."""
    if hit.cue.kind not in (ClaimKind.KILLED, ClaimKind.WOUNDED):
        return None
    victim = _object(doc, hit.trigger) or doc.tree.subject(hit.trigger.index)
    if victim is None:
        return None
    people = doc.tree.conjuncts(victim)
    if not all(_one(doc, p) for p in people):
        return None
    start, end = min(p.start for p in people), max(p.end for p in people)
    phrase = doc.document.text[start:end]
    return Count(low=len(people), best=len(people), high=len(people), phrase=phrase,
                 rule="singular_subject")  # fmt: skip


def _object(doc: _Doc, trigger: Token) -> Token | None:
    """The direct object of an active trigger verb ("killed a man"), if it has one."""
    if trigger.pos != "VERB":
        return None
    return next((k for k in doc.tree.kids(trigger.index) if k.dep in ("dobj", "obj")), None)


def _one(doc: _Doc, token: Token) -> bool:
    word = token.lemma.lower()
    if token.pos not in ("NOUN", "PROPN", "PRON") or word in _NOT_ONE or word in cues.NOBODY:
        return False
    if any(k.text.lower() in cues.NOBODY for k in doc.tree.kids(token.index)):
        return False
    return token.feat("Number") == "Sing"


# -- step 3: modality ----------------------------------------------------------------------


def _modality(doc: _Doc, hit: _Hit, sentence: Span, evidence: Span) -> Modality:
    if _denied(doc, hit):
        return Modality.DENIED
    if _hypothetical(doc, hit):
        return Modality.HYPOTHETICAL
    text = doc.document.text
    if cues.HISTORICAL.search(text, sentence.start, sentence.end) or _aggregate(doc, evidence):
        return Modality.HISTORICAL
    return Modality.ASSERTED


def _aggregate(doc: _Doc, evidence: Span) -> bool:
    """A toll over a period or an area ("1,800 killed this year", "за сутки"): read in the
    claim's own clause only, since "a man was killed, the 30th this year" is still one event.
    The end is widened by a few words, as a headline puts the period after the clause; an
    ordinal before the period ("the 30th homicide this year") makes it a running tally."""
    text = doc.document.text
    for match in cues.AGGREGATE.finditer(text, evidence.start, evidence.end + 40):
        if not cues.RUNNING_TALLY.search(
            text, max(evidence.start, match.start() - 40), match.start()
        ):
            return True
    return False


def _chain(doc: _Doc, hit: _Hit) -> list[Token]:
    """The trigger and its heads, up to the root of its sentence."""
    return [doc.tree.token(i) for i in doc.tree.ancestors(hit.trigger.index)]


def _denied(doc: _Doc, hit: _Hit) -> bool:
    start, end = hit.match.span()
    near = [hit.trigger, *_chain(doc, hit)[1:2]]
    negations = [k for t in near for k in doc.tree.kids(t.index)
                 if k.text.lower() in cues.DENIAL_WORDS and not start <= k.start < end]  # fmt: skip
    subject = doc.tree.subject(hit.trigger.index)
    nobody = subject is not None and (subject.text.lower() in cues.NOBODY or any(
        k.text.lower() in cues.NOBODY for k in doc.tree.kids(subject.index)))  # fmt: skip
    deny = any(cues.DENY_VERBS.fullmatch(t.text) for t in _chain(doc, hit)[1:])
    return bool(negations) or nobody or deny


def _hypothetical(doc: _Doc, hit: _Hit) -> bool:
    for token in _chain(doc, hit):
        words = [token, *doc.tree.kids(token.index)]
        if any(w.text.lower() in cues.HYPOTHETICAL_WORDS or w.lemma.lower() in
               cues.HYPOTHETICAL_WORDS for w in words if w.dep != "conj"):  # fmt: skip
            return True
    return hit.trigger.feat("Tense") == "Fut"


# -- step 4: claimant ----------------------------------------------------------------------


def _claimant(doc: _Doc, hit: _Hit, sentence: Span) -> tuple[str | None, bool, int | None]:
    at = hit.match.start()
    for n, quote in enumerate(doc.quotes):
        if quote.span.start <= at < quote.span.end:
            return quote.speaker, False, n
    according = cues.ACCORDING.search(doc.document.text, sentence.start, sentence.end)
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


def _evidence(doc: _Doc, hit: _Hit, quantity: Quantity | None, sentence: Span) -> Span:
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


# -- the casualties predictor --------------------------------------------------------------


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


def predict_casualties(text: str, language: str) -> Casualties:
    """The killed and wounded an article asserts: the largest asserted figure of each, since
    reports of one incident repeat its toll ("2 killed" ... "the two victims") rather than
    adding to it."""
    document = Document(capture_sha256="0" * 64, text=text, language=language)
    claims = find_claims(document, _analyzer()(document))
    return Casualties(killed=_largest(claims, ClaimKind.KILLED),
                      injured=_largest(claims, ClaimKind.WOUNDED))  # fmt: skip


def _largest(claims: list[Claim], kind: ClaimKind) -> Count | None:
    counts = [c.count for c in claims
              if c.kind is kind and c.modality is Modality.ASSERTED and c.count]  # fmt: skip
    return max(counts, key=lambda count: figure(count) or 0, default=None)


PREDICTORS["casualties"] = predict_casualties
