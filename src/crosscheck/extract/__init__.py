"""Extract: what a document says, read from its clean text.

The stages run in this order over one shared linguistic ``Analysis`` (parsed once):

1. ``entities.find_mentions``: people, organisations and military units, canonical forms;
2. ``places.find_places``: place names, resolved offline against the gazetteer;
3. ``people.find_people``: one person per distinct name, with the attributes the text states;
4. ``quotes.find_quotes``: direct and reported speech, speakers resolved to people;
5. ``claims.find_claims``: typed claims with claimant, evidence span, count and modality;
6. ``event_dates.find_event_dates``: dates the text mentions, as ranges.

Every stage names its version in ``NAME`` and on every fact it returns; every fact carries a
``Span`` into ``Document.text``. ``Extractor`` loads the models once and is then called per
document, or given many with ``extract_many``, which parses them in batches (faster, same facts).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import tee

from crosscheck.extract.analysis import Analysis, Analyzer
from crosscheck.extract.profiles import PROFILES  # rule profiles for vague numbers ("dozens")
from crosscheck.model import Document, Facts, Mention, MentionKind, Place

__all__ = ["PROFILES", "Extractor", "Options"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """``profile`` names the rule profile for vague numbers ("acled": conservative, or
    "range": low/best/high)."""

    profile: str = "acled"


class Extractor:
    """All extraction stages, models loaded on first use and reused for every document."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    @cached_property
    def analyzer(self) -> Analyzer:
        return Analyzer()

    def __call__(self, document: Document) -> Facts:
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Facts]:
        """The facts of each document, in order; the analyses are parsed batch by batch."""
        documents, pending = tee(documents)  # the analyzer reads one batch ahead
        for document, analysis in zip(documents, self.analyzer.analyze_many(pending), strict=True):
            yield self._facts(document, analysis)

    def _facts(self, document: Document, analysis: Analysis) -> Facts:
        from crosscheck.extract import claims, entities, event_dates, people, places, quotes

        if not document.text.strip():
            return Facts()
        found = entities.find_mentions(document, analysis)
        located = places.find_places(document, analysis)
        mentions = sorted(
            [*found, *_place_mentions(located)], key=lambda m: (m.span.start, m.span.end)
        )
        persons = people.find_people(document, analysis, mentions)
        said = quotes.find_quotes(document, analysis, persons)
        return Facts(
            mentions=tuple(mentions),
            places=tuple(located),
            people=tuple(persons),
            quotes=tuple(said),
            claims=tuple(
                claims.find_claims(
                    document, analysis, quotes=said, people=persons, profile=self.options.profile
                )
            ),
            dates=tuple(event_dates.find_event_dates(document, analysis)),
        )


def _place_mentions(located: list[Place]) -> list[Mention]:
    """Places as mentions too, so ``mentions`` lists every name in the text."""
    return [
        Mention(span=p.span, text=p.text, kind=MentionKind.PLACE, canonical=p.name,
                extractor=p.extractor)
        for p in located
    ]  # fmt: skip
