"""Step 2 of ``extract.claims``: how many victims a cue counts.

A cue's trigger takes, of the quantities in its sentence (``extract.counts``), the one nearest
to it in the parse tree that no trigger of another kind is nearer to (a hit of open outcome,
"shot", is no rival), within four edges, and that belongs to the trigger's own statement:

- a number right next to the trigger, or after it across a form's mark ("погибли 17",
  "десятеро поранених", "Killed: 4"), is its own, whatever the parse says;
- a trigger that modifies a noun ("slain officer", "погибших военных") counts only numbers
  inside that noun's phrase ("two slain officers"), not the subject of the sentence around it
  ("Hundreds gather for vigil honoring slain officer");
- a bare count after the trigger, with no noun of its own, after "there were" / "было",
  refers back to its victims ("of whom there were more than twenty", "убитых было больше
  двадцати") even when further away;
- a verb with an object counts only inside it ("killed two people and then himself");
- otherwise the number's clause must be the trigger's, or one joined to it by "and", a
  complement or a predicate, when the trigger has no subject of its own ("two people were
  shot and killed", "left six people dead"); not a clause hung under it ("killed by officers
  after she waved a gun at two officers"), nor another statement ("a deputy was killed and
  two others were shot").

A count joined by "and" to single people counts them too ("he and eight parishioners": 9).
Numbers followed by "times", "hours", "years"... count no victims. Without a number, a single
object ("killed a man", "killed himself") or subject ("a man was killed", "John and Mary
died") counts its people, "both" counts two ("They both died"), and a cue that implies its
toll ("a fatal shooting": at least one; "a double homicide": two) gives that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from crosscheck.extract.analysis import Token
from crosscheck.extract.claim_syntax import Tree
from crosscheck.extract.counts import Quantity
from crosscheck.extract.rules import claim_context as around
from crosscheck.extract.rules.claim_cues import Cue
from crosscheck.model import ClaimKind, Count, Span

__all__ = ["Hit", "implicit_count", "victim_counts", "victim_quantity", "with_conjuncts"]

_NEAR = 4  # tree edges between a count and its trigger
_NOT_ONE = frozenset({"it", "this", "that", "there", "what", "which", "one", "toll", "number",
                      "total", "это", "що"})  # fmt: skip
_BE = frozenset({"be", "быть", "бути"})
_REFLEXIVE = frozenset({"himself", "herself", "себя", "себе"})
_BOTH = frozenset({"both", "оба", "обе", "обоих", "обидва", "обидві", "обох"})
# links between two verbs of one statement: "shot and killed", "left six dead", "found him dead"
_JOINED = frozenset({"conj", "xcomp", "oprd", "acomp", "ccomp", "dep"})
_NOUN_MODIFIERS = frozenset({"amod", "acl"})
# a trigger used as a noun ("among the wounded are two children") is no verb of its own
_NOMINAL = frozenset({"pobj", "nsubj", "nsubjpass", "dobj", "obj", "obl", "attr", "nmod"})
_LABEL_MARKS = frozenset({":", "-", "–", "—"})  # a form's field: "Killed: 4", "Injured - 11"
_VICTIM_ROLES = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue matched in a sentence; its trigger is the token the match starts on."""

    cue: Cue
    match: re.Match[str]
    trigger: Token


def victim_quantity(
    tree: Tree, quantities: Sequence[Quantity], hit: Hit, hits: Sequence[Hit]
) -> Quantity | None:
    """The quantity of ``quantities`` (one sentence's, victim counts only) that ``hit`` takes."""
    best: tuple[int, int, Quantity] | None = None
    for quantity in quantities:
        head = _head(tree, quantity)
        near = 0 if _labelled(tree, head, hit.trigger) else tree.distance(head, hit.trigger.index)
        rivals = [tree.distance(head, h.trigger.index) for h in _rivals(hit, hits)]
        if near and ((rivals and min(rivals) < near) or _owned_by_other(hit, hits, head, tree)):
            continue
        bare = _bare_after(tree, head, hit.trigger)
        if (near > _NEAR and not bare) or not _same_statement(tree, head, hit.trigger, bare):
            continue
        key = (near, abs(head - hit.trigger.index), quantity)
        best = key if best is None or key[:2] < best[:2] else best
    return best[2] if best else None


def victim_counts(text: str, quantities: Sequence[Quantity], sentence: Span) -> Iterator[Quantity]:
    """The quantities of a sentence that may count people: not "5 times", "3 hours"..."""
    for quantity in quantities:
        if sentence.start <= quantity.span.start < sentence.end:
            after = text[quantity.span.end : quantity.span.end + 24].lstrip(" -")
            if not around.NOT_VICTIMS.match(after):
                yield quantity


def _rivals(hit: Hit, hits: Sequence[Hit]) -> list[Hit]:
    """The triggers of other kinds that may take a count from ``hit``. A hit of open outcome
    ("shot") takes none: "two people were shot and killed" are two killed."""
    kind = hit.cue.kind
    return [h for h in hits if h.cue.counted and h.cue.kind is not kind and not h.cue.open_fate]


def _owned_by_other(hit: Hit, hits: Sequence[Hit], head: int, tree: Tree) -> bool:
    """ "Three killed, 15 wounded": a number right before a trigger counts that trigger,
    unless it follows its own trigger closer ("killing four civilians and wounding eleven")."""
    between = hit.trigger.index + 1
    tokens = tree.analysis.tokens
    if 0 < head - hit.trigger.index <= 2 and all(
        t.pos != "PUNCT" for t in tokens[between : head + 1]
    ):
        return False
    if any(_labelled(tree, head, h.trigger) for h in _rivals(hit, hits)):
        return True  # "Killed: 4 - Injured: 11": the 4 is the killed field's
    after = [h for h in [hit, *_rivals(hit, hits)] if 0 < h.trigger.index - head <= 3]
    nearest = min(after, key=lambda h: h.trigger.index, default=None)
    return nearest is not None and nearest.cue.kind is not hit.cue.kind


def _labelled(tree: Tree, head: int, trigger: Token) -> bool:
    """A number right after its trigger, or after it across a form's mark ("погибли 17",
    "Killed: 4", "Injured - 11")."""
    between = tree.analysis.tokens[trigger.index + 1 : head]
    return head > trigger.index and all(t.text in _LABEL_MARKS for t in between)


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
    if head <= trigger.index or token.pos != "NUM" or token.dep == "nummod":
        return False
    verb = tree.token(token.head)  # "there were", "было": not the object of "called 911"
    return any(t.lemma.lower() in _BE for t in (verb, *tree.kids(verb.index)))


def _same_statement(tree: Tree, head: int, trigger: Token, bare: bool) -> bool:
    """Whether the count at ``head`` is about the trigger's victims (see the module doc)."""
    if abs(head - trigger.index) == 1 or _labelled(tree, head, trigger):
        return True  # "погибли 17", "десятеро поранених", "Injured - 11": whatever the parse
    if trigger.dep in _NOUN_MODIFIERS and trigger.pos in ("ADJ", "VERB"):
        return head in tree.subtree(trigger.head)
    if bare:
        return True
    victim = next((k for k in tree.kids(trigger.index) if k.dep in ("dobj", "obj")), None)
    if victim is not None and trigger.pos == "VERB":
        return head in tree.subtree(victim.index)  # "killed two people and then himself"
    verb = tree.verb_of(trigger.index, itself=trigger.dep not in _NOMINAL)
    return _joined(tree, tree.verb_of(head), verb)


def _joined(tree: Tree, one: int | None, other: int | None) -> bool:
    """Whether the count's verb ``one`` and the trigger's verb ``other`` make one statement:
    joined, with no subject of the trigger's own ("a deputy was killed and two others were
    shot" are two statements; "two people were shot and killed" one)."""
    if one is None or other is None or one == other:
        return one == other
    if tree.has_subject(other):
        return False
    return _joined_up(tree, one, other) or _joined_up(tree, other, one)


def _joined_up(tree: Tree, low: int, high: int) -> bool:
    """Whether ``high`` is reached from ``low`` through links of one statement only."""
    path = tree.ancestors(low)
    if high not in path:
        return False
    return all(tree.token(i).dep in _JOINED for i in path[: path.index(high)])


def with_conjuncts(tree: Tree, text: str, quantity: Quantity) -> Count:
    """A count joined by "and" to single people counts them too: "he and eight parishioners"
    (9), "a woman and her two children" (3)."""
    token = tree.token(_head(tree, quantity))
    noun = tree.token(token.head) if token.dep.startswith("nummod") else token
    top = next(tree.token(i) for i in tree.ancestors(noun.index) if tree.token(i).dep != "conj")
    people = tree.conjuncts(top)
    others = [p for p in people if p.index != noun.index]
    count = quantity.count
    if top.dep not in _VICTIM_ROLES or noun not in people or not others:
        return count  # "dead of a gunshot and two officers injured" joins no victims
    if not all(_one(tree, p) for p in others) or not _and_between(tree, noun, others):
        return count
    start, end = min(p.start for p in people), max(p.end for p in people)
    low, best, high = (None if v is None else v + len(others)
                       for v in (count.low, count.best, count.high))  # fmt: skip
    return Count(low=low, best=best, high=high, phrase=text[min(start, quantity.span.start) : end],
                 rule=f"{count.rule}+{len(others)}")  # fmt: skip


def _and_between(tree: Tree, noun: Token, others: list[Token]) -> bool:
    """ "He and eight parishioners": an "and" joins the count's noun to the nearest other;
    "two of the dead, Nikolai Baturin and Sergei Lapin" lists who the two are."""
    nearest = min(others, key=lambda p: abs(p.index - noun.index))
    low, high = sorted((nearest.index, noun.index))
    return any(t.dep == "cc" for t in tree.analysis.tokens[low + 1 : high])


def implicit_count(tree: Tree, text: str, hit: Hit) -> Count | None:
    """The victims a cue counts without a number (see the module doc)."""
    if hit.cue.implies is not None:
        low, best, high = hit.cue.implies
        return Count(low=low, best=best, high=high, phrase=hit.match.group(), rule="implied")
    if hit.cue.kind not in (ClaimKind.KILLED, ClaimKind.WOUNDED):
        return None
    victim = _object(tree, hit.trigger) or _subject(tree, hit)
    if victim is None:
        return None
    if _both(tree, victim):
        return Count(low=2, best=2, high=2, phrase=victim.text, rule="both")
    people = tree.conjuncts(victim)
    if not all(_one(tree, p) for p in people):
        return None
    start, end = min(p.start for p in people), max(p.end for p in people)
    return Count(low=len(people), best=len(people), high=len(people), phrase=text[start:end],
                 rule="singular_subject")  # fmt: skip


def _object(tree: Tree, trigger: Token) -> Token | None:
    """The direct object of an active trigger verb ("killed a man"), if it has one."""
    if trigger.pos != "VERB":
        return None
    return next((k for k in tree.kids(trigger.index) if k.dep in ("dobj", "obj")), None)


def _subject(tree: Tree, hit: Hit) -> Token | None:
    """Who the trigger happened to: its subject, except the shooter of an active "shot"
    ("police shot and killed him": "police" were not hit; "a man shot in the leg" was)."""
    if hit.cue.open_fate and hit.trigger.feat("VerbForm") != "Part":
        return None
    return tree.subject(hit.trigger.index)


def _both(tree: Tree, victim: Token) -> bool:
    """ "They both died", "both victims", "both were killed": two people."""
    words = [victim, *tree.kids(victim.index)]
    return any(w.text.lower() in _BOTH for w in words)


def _one(tree: Tree, token: Token) -> bool:
    word = token.lemma.lower()
    if token.text.lower() in _REFLEXIVE and token.dep in ("dobj", "obj"):
        return True  # "the gunman killed himself"
    if token.pos not in ("NOUN", "PROPN", "PRON") or word in _NOT_ONE or word in around.NOBODY:
        return False
    if word in _REFLEXIVE or any(k.text.lower() in around.NOBODY for k in tree.kids(token.index)):
        return False
    return token.feat("Number") == "Sing"
