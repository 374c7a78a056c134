"""Quotes and their speakers, in English articles (PolNeAR) and Russian sentences (ADAQ).

Scored as GenderGapTracker's ``evaluate_quotes.py`` does (``metrics.match_quotes``): a gold
quote matches the unmatched prediction whose content covers the largest share of the gold
content, when that share is above 0.3 (and, separately, 0.8); P/R/F1 are summed over documents,
and speaker accuracy is the share of matched quotes whose speaker spans overlap. PolNeAR is
measured in characters, ADAQ in its tokens (a predicted span covers the tokens it overlaps).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.evaluate.gold import GoldError, integer, read_text, require, tsv_rows
from crosscheck.evaluate.metrics import QuoteMatch, QuoteUnits, match_quotes, prf
from crosscheck.evaluate.report import Score
from crosscheck.evaluate.task import Task, registered
from crosscheck.model import Span

__all__ = [
    "TASKS",
    "THRESHOLDS",
    "QuoteDocument",
    "QuotePredictor",
    "QuoteSpans",
    "load_adaq",
    "load_polnear",
    "score_quotes",
]

THRESHOLDS = (0.3, 0.8)


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteSpans:
    """A quote as character spans: what was said, who said it (empty: nobody named), the cue."""

    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteDocument:
    """``tokens`` (ADAQ) are the gold tokenisation: when given, quotes are scored over them."""

    doc_id: str
    language: str
    text: str = field(repr=False)
    quotes: tuple[QuoteSpans, ...]
    tokens: tuple[Span, ...] = field(default=(), repr=False)


#: (text, language) -> quotes with character spans into that text
QuotePredictor = Callable[[str, str], list[QuoteSpans]]


# --- PolNeAR: brat standoff, one annotation file per article ---------------------------------


def load_polnear(root: Path) -> list[QuoteDocument]:
    """Articles of ``text/`` with the alphabetically first of their ``attributions/`` files
    (two test articles were annotated six times, for agreement)."""
    require(root, ["text", "attributions"])
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann"), reverse=True):
        chosen[ann.stem.rpartition("_")[0]] = ann
    return [_polnear_document(root, article, ann) for article, ann in sorted(chosen.items())]


def _polnear_document(root: Path, article: str, ann: Path) -> QuoteDocument:
    text = read_text(root / "text" / f"{article}.txt")
    lines = [line.split("\t") for line in read_text(ann).splitlines()]
    # an event may name a text-bound annotation that is written after it
    spans = {f[0]: _brat_spans(f, ann) for f in lines if f[0].startswith("T")}
    quotes = [q for f in lines if f[0].startswith("E") for q in _polnear_quote(f, spans, ann)]
    return QuoteDocument(doc_id=article, language="en", text=text, quotes=tuple(quotes))


def _brat_spans(fields: list[str], ann: Path) -> tuple[Span, ...]:
    """``T<n>\\tLabel start end[;start end...]\\tsurface`` -> the spans."""
    offsets = fields[1].split(" ", 1)[1:] if len(fields) > 1 else []
    pairs = [part.split() for part in offsets[0].split(";")] if offsets else []
    if not pairs or any(len(pair) != 2 for pair in pairs):
        raise GoldError(ann, f"{fields[0]} lacks 'Label start end'")
    return tuple(Span(integer(start, ann), integer(end, ann)) for start, end in pairs)


def _polnear_quote(
    fields: list[str], spans: dict[str, tuple[Span, ...]], ann: Path
) -> list[QuoteSpans]:
    """``E<n>\\tAttribution:T4 Content:T3 Cue:T2 Source:T1`` (``Content2`` continues a content;
    an ``Attribution-no-source`` event has no Source)."""
    roles: dict[str, list[Span]] = defaultdict(list)
    for argument in fields[1].split() if len(fields) > 1 else []:
        role, _, target = argument.partition(":")
        if target not in spans:
            raise GoldError(ann, f"{fields[0]} refers to unknown {target!r}")
        roles[role.rstrip("0123456789")] += spans[target]
    if not roles["Content"]:
        return []
    content = tuple(roles["Content"])
    return [QuoteSpans(content=content, source=tuple(roles["Source"]), cue=tuple(roles["Cue"]))]


# --- ADAQ: one row per token, tagged source / cue / content / None ----------------------------


def load_adaq(root: Path) -> list[QuoteDocument]:
    """One document per sentence; a sentence with content tokens holds one quote (where a cue
    interrupts a quote, both parts are its content)."""
    rows = tsv_rows(root / "ru_sentences.tsv", ["sentence_id", "sentences"])
    sentences = {row["sentence_id"]: row["sentences"] for row in rows}
    tokens: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    path = root / "ru_tokens.tsv"
    for row in tsv_rows(path, ["text", "sentence_num", "index_of_token_sent", "tags"]):
        index = integer(row["index_of_token_sent"], path)
        tokens[row["sentence_num"]].append((index, row["text"], row["tags"]))
    if missing := sorted(tokens.keys() - sentences.keys()):
        raise GoldError(path, f"tokens of unknown sentence {missing[0]}")
    return [_adaq_document(sid, text, sorted(tokens[sid]), path) for sid, text in sentences.items()]


def _adaq_document(
    sentence_id: str, text: str, tokens: list[tuple[int, str, str]], path: Path
) -> QuoteDocument:
    spans = _align(text, [token for _, token, _ in tokens], f"{path} ({sentence_id})")
    tagged: dict[str, tuple[Span, ...]] = defaultdict(tuple)
    for span, (_, _, tag) in zip(spans, tokens, strict=True):
        tagged[tag] += (span,)
    quotes = (QuoteSpans(content=tagged["content"], source=tagged["source"], cue=tagged["cue"]),)
    return QuoteDocument(
        doc_id=sentence_id,
        language="ru",
        text=text,
        quotes=quotes if tagged["content"] else (),
        tokens=tuple(spans),
    )


def _align(text: str, tokens: Iterable[str], where: str) -> list[Span]:
    """Character spans of the tokens, found in order in the sentence."""
    spans: list[Span] = []
    cursor = 0
    for token in tokens:
        start = text.find(token, cursor)
        if start < 0:
            raise GoldError(where, f"token {token!r} is not in the sentence")
        cursor = start + len(token)
        spans.append(Span(start, cursor))
    return spans


# --- scoring --------------------------------------------------------------------------------


def score_quotes(documents: Sequence[QuoteDocument], predict: QuotePredictor) -> list[Score]:
    """P/R/F1 of quote content and speaker accuracy, at each threshold of ``THRESHOLDS``."""
    pairs = [
        (_units(doc, doc.quotes), _units(doc, predict(doc.text, doc.language))) for doc in documents
    ]
    scores: list[Score] = []
    for threshold in THRESHOLDS:
        matches = [match_quotes(gold, predicted, threshold) for gold, predicted in pairs]
        scores += _threshold_scores(threshold, matches)
    return scores


def _threshold_scores(threshold: float, matches: list[QuoteMatch]) -> list[Score]:
    tp, fn = sum(m.tp for m in matches), sum(m.fn for m in matches)
    result = prf(tp, sum(m.fp for m in matches), fn)
    figures = {"precision": result.precision, "recall": result.recall, "f1": result.f1}
    rows = [
        Score(metric=f"{name}@{threshold}", score=v, items=tp + fn) for name, v in figures.items()
    ]
    accuracy = sum(m.speaker_matches for m in matches) / tp if tp else 0.0
    return [*rows, Score(metric=f"speaker_accuracy@{threshold}", score=accuracy, items=tp)]


def _units(document: QuoteDocument, quotes: Iterable[QuoteSpans]) -> list[QuoteUnits]:
    return [
        QuoteUnits(_positions(document, quote.content), _positions(document, quote.source))
        for quote in quotes
    ]


def _positions(document: QuoteDocument, spans: Iterable[Span]) -> frozenset[int]:
    """Characters covered by the spans, or with gold tokens the indices of tokens they touch."""
    characters = frozenset(i for span in spans for i in range(span.start, span.end))
    if not document.tokens:
        return characters
    return frozenset(
        index
        for index, token in enumerate(document.tokens)
        if not characters.isdisjoint(range(token.start, token.end))
    )


TASKS = (
    Task(
        name="quotes/polnear",
        path="quote-attribution/polnear/test",
        load=load_polnear,
        score=score_quotes,
        predictor=registered("quotes"),
    ),
    Task(
        name="quotes/ru-adaq",
        path="quote-attribution/ru-adaq",
        load=load_adaq,
        score=score_quotes,
        predictor=registered("quotes"),
    ),
)
