"""The HTML report: self-contained (nothing fetched), escaped, with charts, map and review state."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from crosscheck.export import report
from crosscheck.export.pages import Selection
from crosscheck.link import link_pending
from crosscheck.model import Capture, Claim, ClaimKind, Count, Document, Facts, Place, Span
from crosscheck.review import actions
from crosscheck.review.claims import claims
from crosscheck.store import Database

NOW = datetime(2026, 11, 25, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <style> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _assert_self_contained(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names and "iframe" not in names and "object" not in names
    for tag, attrs in parser.tags:
        for name in ("src", "href", "srcset", "data", "poster", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (tag, name, value)
        if tag == "link":
            assert attrs.get("rel") != "stylesheet"
    for style in parser.styles:
        assert "@import" not in style and "url(" not in style and "@font-face" not in style
    assert "default-src 'none'" in html  # the browser itself refuses any fetch
    return parser


def _store_hostile_incident(db: Database) -> None:
    """One document whose title, source, place name and quote are hostile HTML, linked into
    an incident."""
    text = f"Five soldiers were killed near {HOSTILE}, the outlet said."
    capture = Capture.of(text.encode(), media_type="text/plain", captured_at=NOW)
    document = Document(capture_sha256=capture.sha256, text=text, title=HOSTILE,
                        source=f"Herald {HOSTILE}", language="en")  # fmt: skip
    start = text.index(HOSTILE)
    place = Place(span=Span(start, start + len(HOSTILE)), text=HOSTILE, name=HOSTILE,
                  latitude=47.5, longitude=31.0, extractor="test")  # fmt: skip
    claim = Claim(kind=ClaimKind.KILLED, span=Span(0, 30), text=text[:30], by_source=True,
                  count=Count(low=5, best=5, high=5, phrase="Five", rule="exact"),
                  extractor="test")  # fmt: skip
    db.save(capture, [document], [Facts(places=(place,), claims=(claim,))])
    link_pending(db)


def test_report_escapes_hostile_text_from_captures(db: Database) -> None:
    _store_hostile_incident(db)
    built = report.gather(db, Selection(), now=NOW)
    assert len(built.incidents) == 1
    html = report.render(built)
    assert HOSTILE not in html and "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(" in html
    _assert_self_contained(html)


def test_report_of_the_samples_is_self_contained_with_charts_and_map(linked_path: Path) -> None:
    with Database.open(f"sqlite:///{linked_path}") as db:
        built = report.gather(db, Selection(), now=NOW)
    html = report.render(built)
    parser = _assert_self_contained(html)
    svgs = [attrs for tag, attrs in parser.tags if tag == "svg"]
    assert {attrs.get("class") for attrs in svgs} == {"cc-timeline", "cc-map"}
    for incident in built.incidents:
        assert f'id="incident-{incident["id"]}"' in html
    # the map's markers lead to the incidents' sections inside the page
    anchors = [attrs["href"] for tag, attrs in parser.tags if tag == "a" and attrs.get("href")]
    assert anchors and all((a or "").startswith("#incident-") for a in anchors)
    assert "made 2026-11-25T00:00:00+00:00" in html


def test_report_shows_each_claims_review_state(linked_copy: Path) -> None:
    with Database.open(f"sqlite:///{linked_copy}") as db:
        incident = db.incidents(place="sukha")[0]
        first = claims(db, incident_id=incident["id"], limit=1)[0]
        actions.review_claim(db, first.id, "verified", comment="seen the video", user="ana")
        html = report.render(report.gather(db, Selection(place="sukha")))
    rows = re.findall(r'<td class="status-(\w+)">', html)
    assert rows.count("verified") == 1 and "unreviewed" in rows


def test_report_says_when_the_filter_selects_more_than_it_holds(
    linked_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "MAX_INCIDENTS", 2)
    with Database.open(f"sqlite:///{linked_path}") as db:
        built = report.gather(db, Selection())
    assert built.truncated and len(built.incidents) == 2
    assert "this report shows the\n    newest 2" in report.render(built)


def test_report_of_no_incident_renders() -> None:
    empty = report.Report(selection=Selection(place="nowhere"), incidents=[], truncated=False,
                          reviews={}, names={}, created_at=NOW)  # fmt: skip
    html = report.render(empty)
    assert "No incident matches the filter." in html and "No dated incidents" in html
    _assert_self_contained(html)


@pytest.mark.parametrize(
    ("estimate", "words"),
    [({"low": 5, "best": 5, "high": 17}, "5-17 (best 5)"), ({"low": 4, "best": 4, "high": 4}, "4"),
     ({"low": 21, "best": None, "high": None}, "21+"), ({"low": 3, "best": 4, "high": None},
     "3+ (best 4)"), (None, "")],
)  # fmt: skip
def test_figure_in_words(estimate: dict[str, Any] | None, words: str) -> None:
    assert report.figure(estimate) == words
