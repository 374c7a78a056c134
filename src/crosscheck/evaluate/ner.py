"""Named entities (PER, LOC, ORG) in English, Russian and Ukrainian news.

Four gold sets (``ner/``), each mapped to PER / LOC / ORG with spans as the set defines them:

- CoNLL++ (en): IOB tags on tokens; chunks are read as conlleval.pl reads them, and the text
  is rebuilt with one space between tokens and a newline between sentences.
- factRuEval-2016 (ru): objects over character spans, mapped as natasha/naeval's
  ``adapt_factru`` does (the usual PER/LOC/ORG view of this set): a Person is its whole extent,
  an Org its ``org_name`` spans, a Location or LocOrg its ``loc_name`` spans, and a span
  overlapping an earlier, longer one is dropped. (The shared task's own scorer gives partial
  credit over token sets; that is not this metric.)
- NER-UK 2.0 (uk) and NEREL 1.1 (ru): brat-style character spans, nested entities kept.

Scored with exact-span P/R/F1 per type and micro-averaged over the three (``metrics.span_prf``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from crosscheck.evaluate.gold import GoldError, integer, read_text
from crosscheck.evaluate.metrics import prf, span_prf
from crosscheck.evaluate.report import Score
from crosscheck.evaluate.task import Task, registered
from crosscheck.model import Span

__all__ = [
    "KINDS",
    "TASKS",
    "Entity",
    "NerDocument",
    "NerPredictor",
    "load_conllpp",
    "load_factrueval",
    "load_ner_uk",
    "load_nerel",
    "score_entities",
]

KINDS = ("PER", "LOC", "ORG")


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    kind: str  # PER, LOC or ORG; predictions of other kinds are ignored
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class NerDocument:
    doc_id: str
    language: str
    text: str = field(repr=False)
    entities: tuple[Entity, ...]


#: (text, language) -> entities with character spans into that text
NerPredictor = Callable[[str, str], list[Entity]]


# --- CoNLL++ --------------------------------------------------------------------------------


def load_conllpp(path: Path) -> list[NerDocument]:
    """One document per ``-DOCSTART-``; MISC entities are dropped."""
    documents: list[list[list[tuple[str, str]]]] = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        columns = line.split()
        if columns[:1] == ["-DOCSTART-"]:
            documents.append([[]])
        elif documents and not columns:
            documents[-1].append([])
        elif documents and len(columns) >= 2:
            documents[-1][-1].append((columns[0], columns[-1]))
        elif columns:
            raise GoldError(path, f"line {number}: expected 'token ... tag' after -DOCSTART-")
    return [_conll_document(f"conllpp/{i}", doc) for i, doc in enumerate(documents, 1)]


def _conll_document(doc_id: str, sentences: list[list[tuple[str, str]]]) -> NerDocument:
    lines: list[str] = []
    entities: list[Entity] = []
    for sentence in filter(None, sentences):
        tokens = [token for token, _ in sentence]
        offset = sum(len(line) + 1 for line in lines)
        starts = list(accumulate((len(token) + 1 for token in tokens[:-1]), initial=offset))
        for kind, first, last in conll_chunks([tag for _, tag in sentence]):
            if kind in KINDS:
                span = Span(starts[first], starts[last] + len(tokens[last]))
                entities.append(Entity(kind=kind, span=span))
        lines.append(" ".join(tokens))
    text = "\n".join(lines)
    return NerDocument(doc_id=doc_id, language="en", text=text, entities=tuple(entities))


def conll_chunks(tags: Sequence[str]) -> Iterator[tuple[str, int, int]]:
    """``(type, first token, last token)`` of each chunk, by conlleval.pl's start/end rules:
    a chunk starts at ``B-X``, or at ``I-X`` after ``O`` or after a chunk of another type."""
    kind, first = "", 0
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-")
        starts = prefix == "B" or (prefix == "I" and tag_kind != kind)
        if kind and (starts or prefix == "O"):
            yield kind, first, index - 1
            kind = ""
        if starts:
            kind, first = tag_kind, index


# --- factRuEval-2016 ------------------------------------------------------------------------

_FACTRU_KINDS = {"Person": "PER", "Org": "ORG", "LocOrg": "LOC", "Location": "LOC"}
_FACTRU_NAMES = {"Org": "org_name", "LocOrg": "loc_name", "Location": "loc_name"}


def load_factrueval(root: Path) -> list[NerDocument]:
    """Documents ``book_<id>`` that have ``.objects`` (one test text is unannotated)."""
    books = sorted(path.with_suffix("") for path in root.glob("book_*.objects"))
    return [_factru_document(book) for book in books]


def _factru_document(book: Path) -> NerDocument:
    spans = _factru_spans(book.with_suffix(".spans"))
    selected: list[tuple[int, int, str]] = []
    for number, line in enumerate(read_text(book.with_suffix(".objects")).splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if len(fields) < 3 or any(sid not in spans for sid in fields[2:]):
            raise GoldError(book.with_suffix(".objects"), f"line {number}: unknown span id")
        selected.extend(_factru_select(fields[1], [spans[sid] for sid in fields[2:]]))
    entities = [Entity(kind=kind, span=Span(s, e)) for s, e, kind in _outermost(selected)]
    text = read_text(book.with_suffix(".txt"))
    return NerDocument(
        doc_id=f"factrueval/{book.name}", language="ru", text=text, entities=tuple(entities)
    )


def _factru_spans(path: Path) -> dict[str, tuple[str, int, int]]:
    """span id -> (span type, start, end) from ``span_id type start length ...``."""
    spans = {}
    for line in read_text(path).splitlines():
        fields = line.split()
        if len(fields) >= 4:
            start = integer(fields[2], path)
            spans[fields[0]] = (fields[1], start, start + integer(fields[3], path))
    return spans


def _factru_select(kind: str, spans: list[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    if kind == "Person":
        return [(min(s for _, s, _ in spans), max(e for _, _, e in spans), "PER")]
    if kind in _FACTRU_NAMES:
        name = _FACTRU_NAMES[kind]
        return [(s, e, _FACTRU_KINDS[kind]) for t, s, e in spans if t == name]
    return []  # Project, Facility: not PER/LOC/ORG


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """naeval's ``filter_overlapping``: sorted by (start, -end), a span that begins before the
    last kept span ends is dropped ("мид Грузии" keeps the ORG, drops the LOC inside it)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1], s[2])):
        if not kept or kept[-1][1] <= span[0]:
            kept.append(span)
    return kept


# --- NER-UK 2.0 and NEREL 1.1: brat-style standoff --------------------------------------------

_NER_UK_KINDS = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}
_NEREL_KINDS = {"PERSON": "PER", "ORGANIZATION": "ORG"} | dict.fromkeys(
    ("COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION"), "LOC"
)


def load_ner_uk(root: Path) -> list[NerDocument]:
    """``<source>/<id>.{txt,ann}``; ``.ann`` lines are ``T<n>\\tTYPE\\tstart\\tend\\tsurface``
    (all tab-separated); a surface that crosses a line break continues on lines of its own."""
    return [_standoff(ann, "uk", _ner_uk_entity) for ann in sorted(root.rglob("*.ann"))]


def load_nerel(root: Path) -> list[NerDocument]:
    """``<id>_text.{txt,ann}`` in standard brat: ``T<n>\\tTYPE start end[;start end]\\tsurface``.
    A discontinuous entity is scored over its whole extent."""
    return [_standoff(ann, "ru", _nerel_entity) for ann in sorted(root.glob("*.ann"))]


def _standoff(
    ann: Path, language: str, parse: Callable[[list[str], Path], Entity | None]
) -> NerDocument:
    lines = (line.split("\t") for line in read_text(ann).splitlines() if line.startswith("T"))
    entities = tuple(e for e in (parse(fields, ann) for fields in lines) if e is not None)
    doc_id = f"{ann.parent.name}/{ann.stem}"
    text = read_text(ann.with_suffix(".txt"))
    return NerDocument(doc_id=doc_id, language=language, text=text, entities=entities)


def _ner_uk_entity(fields: list[str], ann: Path) -> Entity | None:
    if len(fields) < 4:
        raise GoldError(ann, f"entity {fields[0]} lacks tab-separated offsets")
    kind = _NER_UK_KINDS.get(fields[1])
    if kind is None:
        return None
    return Entity(kind=kind, span=Span(integer(fields[2], ann), integer(fields[3], ann)))


def _nerel_entity(fields: list[str], ann: Path) -> Entity | None:
    kind_and_offsets = fields[1].replace(";", " ").split() if len(fields) > 1 else []
    if len(kind_and_offsets) < 3:
        raise GoldError(ann, f"entity {fields[0]} lacks 'TYPE start end'")
    offsets = [integer(value, ann) for value in kind_and_offsets[1:]]
    kind = _NEREL_KINDS.get(kind_and_offsets[0])
    return Entity(kind=kind, span=Span(min(offsets), max(offsets))) if kind else None


# --- scoring --------------------------------------------------------------------------------

Key = tuple[str, str, int, int]


def score_entities(documents: Sequence[NerDocument], predict: NerPredictor) -> list[Score]:
    """Exact-span P/R/F1 per kind, then micro-averaged over PER, LOC and ORG."""
    gold = {_key(doc, entity) for doc in documents for entity in doc.entities}
    predicted = {_key(doc, e) for doc in documents for e in predict(doc.text, doc.language)}
    scores: list[Score] = []
    counts = [0, 0, 0]
    for kind in KINDS:
        tp_fp_fn = span_prf(
            {k for k in gold if k[1] == kind}, {k for k in predicted if k[1] == kind}
        )
        counts = [total + part for total, part in zip(counts, tp_fp_fn, strict=True)]
        scores += _prf_scores(kind, *tp_fp_fn)
    return scores + _prf_scores("micro", *counts)


def _key(document: NerDocument, entity: Entity) -> Key:
    return (document.doc_id, entity.kind, entity.span.start, entity.span.end)


def _prf_scores(prefix: str, tp: int, fp: int, fn: int) -> list[Score]:
    result = prf(tp, fp, fn)
    figures = {"precision": result.precision, "recall": result.recall, "f1": result.f1}
    return [
        Score(metric=f"{prefix}.{name}", score=value, items=tp + fn)
        for name, value in figures.items()
    ]


def _task(
    name: str, path: str, load: Callable[[Path], list[NerDocument]]
) -> Task[NerDocument, NerPredictor]:
    return Task(name=name, path=path, load=load, score=score_entities, predictor=registered("ner"))


TASKS = (
    _task("ner/conllpp", "ner/conllpp/conllpp_test.txt", load_conllpp),
    _task("ner/factrueval-2016", "ner/factrueval-2016/testset", load_factrueval),
    _task("ner/ner-uk-2.0", "ner/ner-uk-2.0/test", load_ner_uk),
    _task("ner/nerel-1.1", "ner/nerel-1.1/test", load_nerel),
)
