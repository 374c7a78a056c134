"""Document search and the document page: highlights at their offsets, hostile text shown as
text, removed boilerplate, the capture and its untouched bytes, quote times of transcripts."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.web.browsing import HOSTILE_IMG, HOSTILE_SCRIPT, Browser, Ids, Site

pytest_plugins = ["tests.web.server"]


class _Text(HTMLParser):
    """The text inside ``#document-text``, and the text under each CSS class there."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.classes: list[list[str]] = []
        self.text = ""
        self.marked: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id") == "document-text":
            self.inside = True
        elif self.inside and tag == "span":
            self.classes.append((found.get("class") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.classes:
            self.classes.pop()
        elif tag == "div" and self.inside:
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text += data
            for name in {c for classes in self.classes for c in classes}:
                self.marked[name] = self.marked.get(name, "") + data


def _document_text(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def test_documents_search_marks_matched_words(browsers: dict[str, Browser]) -> None:
    page = browsers["viewer"].client.get("/documents", params={"q": "Tykhovoda"})
    assert page.status_code == 200
    assert page.text.count('data-testid="search-hit"') >= 2
    assert "<mark>Tykhovoda</mark>" in page.text


def test_documents_search_json_twin_and_api(browsers: dict[str, Browser], site: Site) -> None:
    client = browsers["viewer"].client
    data = client.get("/documents.json", params={"q": "Tykhovoda", "limit": 2}).json()
    assert data == client.get("/api/documents", params={"q": "Tykhovoda", "limit": 2}).json()
    expected = [hit.document_id for hit in site.db.search("Tykhovoda", limit=2)]
    assert [hit["id"] for hit in data["hits"]] == expected
    rest = client.get("/documents.json", params={"q": "Tykhovoda", "limit": 2, "offset": 2})
    assert not {h["id"] for h in rest.json()["hits"]} & set(expected)


def test_documents_without_words_shows_counts(browsers: dict[str, Browser], site: Site) -> None:
    page = browsers["viewer"].client.get("/documents")
    assert f"{site.db.counts()['documents']} documents" in page.text
    assert 'data-testid="search-hit"' not in page.text


def test_documents_search_htmx_gets_the_hits_fragment(browsers: dict[str, Browser]) -> None:
    answer = browsers["viewer"].client.get(
        "/documents", params={"q": "Tykhovoda"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in answer.text
    assert 'data-testid="search-hits"' in answer.text


def test_document_hostile_text_is_shown_as_text(browsers: dict[str, Browser], site: Site) -> None:
    for path in (f"/documents/{site.hostile_document}", "/documents?q=Petrenko"):
        html = browsers["viewer"].client.get(path).text
        assert HOSTILE_SCRIPT not in html
        assert HOSTILE_IMG not in html
        assert "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    page = browsers["viewer"].client.get(f"/documents/{site.hostile_document}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert _document_text(page).text == site.db.record(site.hostile_document)["document"]["text"]


def test_document_hostile_title_escaped_everywhere(
    browsers: dict[str, Browser], site: Site
) -> None:
    incident = site.db.record(site.hostile_document)["claims"][0].get("incident")
    paths = ["/review?limit=500", "/sources"] + ([f"/incidents/{incident}"] if incident else [])
    for path in paths:
        assert HOSTILE_SCRIPT not in browsers["analyst"].client.get(path).text


def test_document_text_highlights_facts_at_their_offsets(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    record = site.db.record(ids.subtitles)
    page = _document_text(browsers["viewer"].client.get(f"/documents/{ids.subtitles}").text)
    assert page.text == record["document"]["text"]
    for quote in record["quotes"]:
        assert quote["text"] in page.marked["quote"]
    for claim in record["claims"]:
        assert claim["text"] in page.marked["claim"]
    people = [m["text"] for m in record["mentions"] if m["kind"] == "person"]
    assert people and all(name in page.marked["mention-person"] for name in people)


def test_document_quotes_of_a_transcript_have_times(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    client = browsers["viewer"].client
    times = client.get(f"/documents/{ids.subtitles}.json").json()["quote_times"]
    record = site.db.record(ids.subtitles)
    assert len(times) == len(record["quotes"]) > 0
    for quote, time in zip(record["quotes"], times, strict=True):
        cue = next(c for c in record["document"]["cues"] if c["start"] <= quote["start"] < c["end"])
        assert time["start_seconds"] == cue["start_seconds"]
    page = client.get(f"/documents/{ids.subtitles}").text
    assert page.count('data-testid="quote-time"') == len(times)


def test_document_page_shows_capture_and_removed(browsers: dict[str, Browser], site: Site) -> None:
    record = next(
        site.db.record(hit.document_id)
        for hit in site.db.search("Tykhovoda", limit=50)
        if site.db.record(hit.document_id)["document"]["removed"]
    )
    page = browsers["viewer"].client.get(f"/documents/{record['id']}").text
    assert record["capture"]["sha256"] in page
    assert page.count('data-testid="removed-item"') == len(record["document"]["removed"])
    assert f'href="/captures/{record["capture"]["sha256"]}"' in page


def test_document_json_twin_is_the_record_with_reviews(
    browsers: dict[str, Browser], site: Site, ids: Ids
) -> None:
    client = browsers["viewer"].client
    data = client.get(f"/documents/{ids.copy}.json").json()
    assert data == client.get(f"/api/documents/{ids.copy}").json()
    assert data["record"] == site.db.record(ids.copy)
    assert [c["review"]["status"] for c in data["claims"]] == ["unreviewed"] * len(data["claims"])


def test_document_prefix_and_unknown(browsers: dict[str, Browser], ids: Ids) -> None:
    client = browsers["viewer"].client
    assert client.get(f"/documents/{ids.copy[:8]}.json").json()["record"]["id"] == ids.copy
    assert client.get("/documents/zzzz").status_code == 404


def test_capture_download_is_the_untouched_bytes(browsers: dict[str, Browser], site: Site) -> None:
    sha256 = site.db.record(site.hostile_document)["capture"]["sha256"]
    answer = browsers["viewer"].client.get(f"/captures/{sha256}")
    assert answer.status_code == 200
    assert answer.content == site.db.capture(sha256).content
    assert answer.headers["content-type"] == "application/octet-stream"
    assert answer.headers["content-disposition"] == f'attachment; filename="{sha256}.txt"'
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_capture_download_unknown_is_404(browsers: dict[str, Browser]) -> None:
    assert browsers["viewer"].client.get("/captures/" + "0" * 64).status_code == 404
