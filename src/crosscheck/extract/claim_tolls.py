"""The toll of one article: how many its asserted claims say were killed and injured, each
victim once (the figure ``crosscheck evaluate`` scores against GVDB, whose victims are everyone
shot, the shooter too, as killed or else as injured).

- Killed is the largest asserted figure, since reports of one incident repeat its toll ("2
  killed" ... "the two victims") rather than add to it; a killing asserted without a number
  ("Woman killed by stray bullet") is at least one.
- Injured is the larger of two readings. The people hit (those shot: "two people were shot";
  and the wounded named one by one: "the injured officer is not expected to survive") include
  whoever died of it, so the killed are taken from them ("two were shot; one died": one
  injured). A figure given for the wounded ("15 wounded"), or for people hit apart from others
  ("two others were shot", "ещё троих доставили в больницу"), is apart from the dead, unless
  the dead are said to be of them ("two were wounded, one of whom died").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosscheck.extract.counts import Quantity
from crosscheck.extract.rules.claim_cues import Cue
from crosscheck.model import Claim, ClaimKind, Count, Modality

__all__ = ["Found", "Toll", "figure", "toll"]

_ONE_BY_ONE = frozenset({"singular_subject", "both"})  # people named, not a figure
# "two others", "another 20", "four other people", "ещё троих", "ще двоє", "других"
_APART_BEFORE = re.compile(
    r"(?:another|other|additional|more|ещё|еще|ще|других|інших)\W+$", re.IGNORECASE
)
_APART_AFTER = re.compile(r"^\W*(?:others?|more|other people|других|інших)\b", re.IGNORECASE)
# "one of them", "one of whom", "один из них", "один з них": the dead are of a group named
_OF_THEM = re.compile(
    r"\W*(?:of (?:them|whom|the (?:wounded|injured))|из (?:них|которых)|(?:з|із) (?:них|яких))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """A claim with the cue that made it and the number it took, if any."""

    claim: Claim
    cue: Cue
    quantity: Quantity | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Toll:
    """The killed and injured one article reports, None when it gives no figure."""

    killed: Count | None = None
    injured: Count | None = None


def figure(count: Count | None) -> int | None:
    """The one figure a count stands for: best, else low, else high."""
    if count is None:
        return None
    return next((v for v in (count.best, count.low, count.high) if v is not None), None)


def toll(text: str, found: Sequence[Found]) -> Toll:
    """The killed and injured of one article (see the module doc)."""
    asserted = [f for f in found if f.claim.modality is Modality.ASSERTED]
    killed = _killed(asserted)
    wounded = [f for f in asserted if f.claim.kind is ClaimKind.WOUNDED and f.claim.count]
    hit = [f for f in wounded if _hit(f) and not _apart(text, f)]
    apart = [f for f in wounded if f not in hit]
    of_them = [f for f in asserted if f.claim.kind is ClaimKind.KILLED and _of_them(text, f)]
    injured = _less(_largest(apart), _largest(of_them), "wounded_less_killed_of_them")
    survivors = _less(_largest(hit), killed, "hit_less_killed")
    if survivors is not None and (figure(survivors) or 0) > (figure(injured) or 0):
        injured = survivors
    return Toll(killed=killed, injured=injured)


def _killed(asserted: list[Found]) -> Count | None:
    killings = [f for f in asserted if f.claim.kind is ClaimKind.KILLED]
    largest = _largest(killings)
    if largest is None and killings:
        return Count(low=1, phrase=killings[0].claim.text, rule="at_least_one")
    return largest


def _hit(found: Found) -> bool:
    """Whether a wounded claim may hold people who then died."""
    count = found.claim.count
    return found.cue.open_fate or (count is not None and count.rule in _ONE_BY_ONE)


def _apart(text: str, found: Found) -> bool:
    """ "Two others were shot", "another 20 injured": a group apart from the dead."""
    if found.quantity is None:
        return False
    start, end = found.quantity.span.start, found.quantity.span.end
    before, after = text[max(0, start - 12) : start], text[end : end + 16]
    return bool(_APART_BEFORE.search(before) or _APART_AFTER.match(after))


def _of_them(text: str, found: Found) -> bool:
    quantity = found.quantity
    return quantity is not None and bool(_OF_THEM.match(text[quantity.span.end :]))


def _less(count: Count | None, dead: Count | None, rule: str) -> Count | None:
    """``count`` less the ``dead`` among them (never below none)."""
    if count is None or dead is None:
        return count
    left = max((figure(count) or 0) - (figure(dead) or 0), 0)
    return Count(low=left, best=left, high=left, phrase=count.phrase, rule=rule)


def _largest(found: Iterable[Found]) -> Count | None:
    counts = [f.claim.count for f in found if f.claim.count]
    return max(counts, key=lambda count: figure(count) or 0, default=None)
