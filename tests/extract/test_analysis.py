"""extract.analysis: batched analysis is the analysis of each text alone, with the plain models
(the bundled sample captures: English, Russian and Ukrainian documents)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from crosscheck import pipeline
from crosscheck.extract import Extractor
from crosscheck.extract.analysis import (
    BATCH_SIZE,
    Analysis,
    Analyzer,
    _looked_up_ruler,
    _natasha_lemma,
    natasha_models,
    spacy_model,
)
from crosscheck.model import Document
from crosscheck.record import document_from_record

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "captures"
#: the attribute ruler's exceptions by word and its patterns of two tokens, all in one text
RULER_TEXT = (
    "This ain't nothin' new, but I'd say we're gonna win. Let's go: he has done it, hasn't he? "
    "She doesn't know whether you'll come; they said that it was theirs and nobody else's."
)


@cache
def _analyzer() -> Analyzer:
    return Analyzer()


@cache
def _samples() -> tuple[Document, ...]:
    report = pipeline.RunReport()
    records = pipeline.extract([str(SAMPLES)], pipeline.Options(), report)
    documents = tuple(document_from_record(record) for record in records)
    assert report.ok, report.failures
    return documents


def _document(text: str, language: str | None) -> Document:
    return Document(capture_sha256="0" * 64, text=text, language=language)


def _plain(document: Document) -> Analysis:
    """The analysis of one text through spaCy's unmodified pipeline (``nlp(text)``)."""
    if (document.language or "en") != "en" or not document.text.strip():
        return _analyzer()(document)
    return _analyzer()._spacy(spacy_model()(document.text), "en", tagged=True)


def test_samples_cover_the_languages() -> None:
    languages = {document.language for document in _samples()}
    assert {"en", "ru", "uk"} <= languages
    assert len(_samples()) > BATCH_SIZE  # so that batches of several documents are tested


def test_analyze_many_equals_one_text_at_a_time_with_the_plain_models() -> None:
    documents = [*_samples(), _document(RULER_TEXT, "en")]
    batched = list(_analyzer().analyze_many(documents))
    assert batched == [_plain(document) for document in documents]


def test_analyze_many_keeps_order_across_languages_and_blank_texts() -> None:
    documents = [
        _document("The shelling of Kharkiv went on.", "en"),
        _document("   ", "en"),
        _document("Обстрел Харькова продолжался.", "ru"),
        _document("Der Beschuss ging weiter.", "de"),
        _document("Sergeant Ivan Petrenko said so.", None),
    ]
    analyses = list(_analyzer().analyze_many(documents))
    assert [a.language for a in analyses] == ["en", "en", "ru", "de", "en"]
    assert analyses[1].tokens == ()
    assert analyses[3].entities == ()  # other languages: tokens only
    for document, analysis in zip(documents, analyses, strict=True):
        assert [t.text for t in analysis.tokens] == [
            document.text[t.start : t.end] for t in analysis.tokens
        ]
    assert analyses == [_analyzer()(document) for document in documents]


def test_looked_up_ruler_matches_as_the_attribute_ruler() -> None:
    nlp = spacy_model()
    texts = [RULER_TEXT, *(d.text for d in _samples() if d.language == "en")]
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert _looked_up_ruler()._matches(doc) == nlp.get_pipe("attribute_ruler").match(doc)


def test_natasha_lemma_is_the_lemma_natasha_gives() -> None:
    import natasha

    models = natasha_models()
    doc = natasha.Doc("Солдаты 3-й бригады рассказали журналистам о погибших товарищах.")
    doc.segment(models["segmenter"])
    doc.tag_morph(models["morph"])
    for token in doc.tokens:
        feats = tuple(sorted(token.feats.items()))
        token.lemmatize(models["morph_vocab"])
        assert _natasha_lemma(token.text, token.pos, feats) == token.lemma


def test_extract_many_equals_one_document_at_a_time() -> None:
    documents = _samples()
    extractor = Extractor()
    batched = list(extractor.extract_many(documents))
    alone: list[Any] = [extractor(document) for document in documents]
    assert batched == alone
    assert any(facts.mentions for facts in batched)
