"""HTML pages: main text, metadata with its fallbacks, what was dropped, errors, shared samples."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.clean import dates, normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import html
from crosscheck.model import Capture, Document, Precision

WHEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
HEADLINE = "Medics in Zorivka ran out of tourniquets"
PARAGRAPHS = [
    "Sergeant Ivan Petrenko, a medic from the fictional town of Zorivka, said his unit ran out "
    "of tourniquets during the assault on the hill north of the river crossing.",
    "He said the crew carried out eleven wounded in the first hour and that four people were "
    "already dead when the evacuation vehicle finally reached the village square.",
    "The regional health department did not answer questions about the shortage of supplies, "
    "and volunteers have started collecting money for new first-aid kits.",
]
PARAGRAPHS_UK = [
    "Лісник Петро Гнатюк із вигаданого села Зоряне розповів, що снаряд влучив у сусідню хату "
    "близько шостої ранку, коли більшість мешканців ще спали.",
    "За його словами, рятувальники розбирали завали до вечора, а двох поранених відвезли до "
    "районної лікарні в сусідньому місті.",
    "Місцева влада пообіцяла допомогти з ремонтом, але грошей на це поки не виділили.",
]


def page(head: str = "", before: str = "", after: str = "", *, lang: str = "en") -> str:
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f"{before}<article><h1>{HEADLINE}</h1>{article}</article>{after}</body></html>"
    )


def read(markup: str | bytes, *, url: str | None = None, path: str = "page.html") -> Document:
    data = markup.encode() if isinstance(markup, str) else markup
    capture = Capture.of(data, media_type="text/html", captured_at=WHEN, path=path, url=url)
    [document] = html.documents(capture)
    return document


def test_documents_takes_the_main_text() -> None:
    document = read(page())
    assert document.text == "\n\n".join(PARAGRAPHS)
    assert document.title == HEADLINE
    assert document.language == "en"
    assert document.extractors == (html.NAME, normalize.NAME, dates.NAME)


def test_documents_reads_json_ld() -> None:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":'
        '"NewsArticle","headline":"Medics ran out","datePublished":"2026-10-22T14:05:00+03:00",'
        '"author":[{"@type":"Person","name":"Olena Fictional"},{"@type":"Person","name":'
        '"Taras Invented"}],"publisher":{"@type":"Organization","name":"Zorivka Herald"}}]}'
        "</script>"
    )
    document = read(page(ld))
    assert document.author == "Olena Fictional; Taras Invented"
    assert document.source == "Zorivka Herald"
    assert document.published is not None
    assert document.published.start == datetime(
        2026, 10, 22, 14, 5, tzinfo=timezone(timedelta(hours=3))
    )
    assert (document.published.method, document.published.precision) == (
        "metadata",
        Precision.SECOND,
    )


def test_documents_reads_opengraph_and_canonical() -> None:
    head = (
        '<meta property="og:site_name" content="Вісник Зоряного">'
        '<meta property="og:locale" content="uk_UA">'
        '<meta name="DC.Date.Issued" content="2026-10-22">'
        '<link rel="canonical" href="/war/2026/10/22/medics">'
    )
    document = read(page(head, lang=""), url="https://zorivka-herald.example/?utm=feed")
    assert document.source == "Вісник Зоряного"
    assert document.language == "uk"
    assert document.url == "https://zorivka-herald.example/war/2026/10/22/medics"
    assert document.published is not None and document.published.precision is Precision.DAY


@pytest.mark.parametrize(
    ("title", "source"),
    [
        (f"{HEADLINE} | Zorivka Herald", "Zorivka Herald"),
        (f"{HEADLINE} - Zorivka Herald", "Zorivka Herald"),
        (f"{HEADLINE} — Zorivka Herald", "Zorivka Herald"),
        ("Zorivka Herald: all the news", "zorivka-herald.example"),  # no headline: the host
    ],
)
def test_documents_source_from_title_suffix_else_host(title: str, source: str) -> None:
    document = read(page(f"<title>{title}</title>"), url="https://www.zorivka-herald.example/a/1")
    assert document.source == source


@pytest.mark.parametrize(("lang", "expected"), [("uk-UA", "uk"), ("ua", "uk"), ("RU", "ru")])
def test_documents_language_from_html_lang(lang: str, expected: str) -> None:
    assert read(page(lang=lang)).language == expected


def test_documents_without_declared_language_leaves_it_to_finish() -> None:
    assert read(page(lang="")).language is None


def test_documents_dateline_when_no_machine_date() -> None:
    markup = page().replace(f"<h1>{HEADLINE}</h1>", f"<h1>{HEADLINE}</h1><p>Two days ago</p>")
    document = read(markup)
    assert document.published == dates.relative("Two days ago", WHEN)
    assert "Two days ago" not in document.text
    assert ("Two days ago", "date") in [(r.text, r.reason) for r in document.removed]


def test_documents_date_found_by_htmldate_is_a_day() -> None:
    markup = page().replace("<article>", '<article><p class="date">October 22, 2026</p>')
    published = read(markup).published
    assert published is not None
    assert (published.start, published.precision) == (
        datetime(2026, 10, 22, tzinfo=UTC),
        Precision.DAY,
    )


def test_documents_lists_what_was_dropped() -> None:
    before = (
        '<div class="cookies">We use cookies to count visitors. <button>Accept</button></div>'
        "<nav><a href='/'>Home</a> | <a href='/war'>War</a> | <a href='/donate'>Donate</a></nav>"
    )
    after = (
        "<aside><h3>Read also</h3><ul><li><a href='/1'>Bridge repairs in Zorivka</a></li></ul>"
        "</aside><section class='comments'><p>Loading comments...</p></section>"
        "<footer>© 2026 Zorivka Herald</footer>"
    )
    document = read(page(before=before, after=after))
    removed = [(r.text, r.reason) for r in document.removed]
    assert removed == [
        ("We use cookies to count visitors. Accept", "boilerplate"),
        ("Home | War | Donate", "boilerplate"),
        ("Read also", "boilerplate"),
        ("Bridge repairs in Zorivka", "boilerplate"),
        ("Loading comments...", "boilerplate"),
        ("© 2026 Zorivka Herald", "boilerplate"),
    ]
    assert document.text == "\n\n".join(PARAGRAPHS)


def test_document_from_html_takes_the_callers_title_and_locator() -> None:
    capture = Capture.of(b"{}", media_type="application/jsonl", captured_at=WHEN, path="a.jsonl")
    document = html.document_from_html(
        capture, page(), url="https://zorivka-herald.example/a", title="Given", locator="line=3"
    )
    assert (document.title, document.locator) == ("Given", "line=3")
    assert document.url == "https://zorivka-herald.example/a"
    assert document.capture_sha256 == capture.sha256


def test_documents_reads_declared_legacy_charset_and_gzip() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS_UK)
    markup = (
        '<html lang="uk"><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1251"><title>Обстріл Зоряного</title></head><body><article>'
        f"<h1>Обстріл Зоряного</h1>{body}</article></body></html>"
    )
    document = read(gzip.compress(markup.encode("cp1251")), path="page.html.gz")
    assert document.text == "\n\n".join(PARAGRAPHS_UK)
    assert document.title == "Обстріл Зоряного"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><nav>Share | Print</nav><script>var x = 1;</script></body></html>",
        "<html><body><p>Share</p><p>Loading comments...</p></body></html>",
    ],
)
def test_documents_without_main_text_is_a_capture_error(markup: str) -> None:
    with pytest.raises(CaptureError, match="no main text found in HTML") as error:
        read(markup, path="bare.html")
    assert error.value.where == "bare.html"


@pytest.mark.parametrize("markup", [b"", b"   \n ", b"\x00\x01\x02\x03"])
def test_documents_unparseable_markup_is_a_capture_error(markup: bytes) -> None:
    with pytest.raises(CaptureError):
        read(markup)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_documents_any_bytes_give_a_document_or_capture_error(content: bytes) -> None:
    capture = Capture.of(content, media_type="text/html", captured_at=WHEN)
    try:
        html.documents(capture)
    except CaptureError as error:
        assert error.where == capture.sha256


def test_documents_ua_news_page(shared: Path) -> None:
    path = shared / "samples" / "smirnov" / "ua-news-page.html"
    document = read(path.read_bytes(), path=str(path))
    assert document.title == (
        "«Не їдьте сюди, це не наша війна»: російський військовий записав звернення з фронту"
    )
    assert (document.author, document.source, document.language) == (
        "Ірина Коваль",
        "Вісник Сходу",
        "uk",
    )
    assert document.url == "https://visnyk-skhodu.example/war/2026/10/22/ne-idte-syudy"
    assert document.published is not None
    assert document.published.start == datetime.fromisoformat("2026-10-22T14:05:00+03:00")
    assert document.text.startswith("Військовослужбовець збройних сил РФ Олексій Смирнов")
    removed = [r.text for r in document.removed]
    for dropped in ("cookie", "Головна", "Читайте також", "Завантаження коментарів"):
        assert any(dropped in line for line in removed), dropped
        assert dropped not in document.text


def test_documents_volkov_page(shared: Path) -> None:
    path = shared / "samples" / "other" / "volkov-testimony.html"
    document = read(path.read_bytes(), path=str(path))
    assert document.source == "Frontline Monitor"
    assert document.published is not None and document.published.method == "metadata"
    assert document.text.startswith("A second soldier, Private Dmitry Volkov")
    assert "Two days ago" not in document.text
    assert [r.text for r in document.removed][-1] == "Loading comments..."


def test_documents_wire_copy(shared: Path) -> None:
    path = shared / "samples" / "smirnov" / "wire-copy-en.html"
    document = read(path.read_bytes(), path=str(path))
    assert document.source == "Eastern Front Daily"
    assert document.text.startswith("Russian Armed Forces soldier Alexei Smirnov")
    removed = [r.text for r in document.removed]
    assert "Advertisement" in removed and "Loading comments..." in removed
    assert "Advertisement" not in document.text
