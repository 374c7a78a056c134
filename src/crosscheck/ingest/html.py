"""HTML pages: main text and metadata with trafilatura, gaps filled from the page itself.

The cascade, followed for every page:

1. Bytes to text: gunzipped when gzipped; UTF-8, else the charset the page declares, else a
   legacy encoding (``decode.decode_text``). lxml parses it; an empty document is an error.
2. trafilatura's ``bare_extraction`` (comments excluded) gives the main text and its reading of
   the metadata (JSON-LD, OpenGraph, htmldate with ``original_date``).
3. Metadata, first found wins:
   - title: the caller's, trafilatura's, ``og:title``, JSON-LD ``headline``, ``<title>``;
   - date: JSON-LD ``datePublished`` and ``article:published_time``-like meta tags (these keep
     the time and offset, which htmldate's output drops), then htmldate's day (its ``-01-01``
     answers are only trusted as a year), then a date line at the top of the text ("Two days
     ago", resolved against ``captured_at``);
   - source: ``og:site_name``, JSON-LD publisher, trafilatura's site name (unless it is only
     the host name), the `` | Site`` suffix of ``<title>``, else the URL's host;
   - URL: ``<link rel=canonical>``, ``og:url``, the caller's URL, the capture's;
   - author: JSON-LD, ``<meta name=author>``, trafilatura's;
   - language: ``<html lang>``, ``og:locale``, ``Content-Language``, JSON-LD ``inLanguage``
     (primary subtag); else None, and ``clean.finish`` detects it.
4. Text: trafilatura's lines through ``normalize.fix``, without a first line that repeats the
   title, a date line at the top, or whole lines of boilerplate; paragraphs joined by a blank
   line. Nothing left: ``CaptureError``.
5. ``removed``: every line of the page's visible text that is not in the text or the title, in
   page order, once each, with the reason ``boilerplate.is_boilerplate`` gives (else
   "boilerplate"): the analyst sees the cookie banner, menus, related links and comments.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from copy import deepcopy
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document as Extracted

from crosscheck.clean import boilerplate, dates, normalize
from crosscheck.errors import CaptureError
from crosscheck.ingest import decode, sniff
from crosscheck.model import Capture, Document, Published, Removed

__all__ = ["NAME", "document_from_html", "documents"]

NAME = "ingest.html.trafilatura.v1"

_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
)  # trafilatura's own settings, so its extraction sees the tree it expects
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "date",
)
_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"  # XPath 1.0 case fold
_TITLE_SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " · ")
_LONGEST_SITE_NAME = 60
_TOP_LINES = 3  # a date line this close to the top of the text is the page's dateline
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "head", "select")
_BLOCKS = (
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
    "tr", "ul",
)  # fmt: skip


def documents(capture: Capture) -> list[Document]:
    """The one document of an HTML page (plain or gzipped)."""
    where = capture.path or capture.url or capture.sha256
    return [document_from_html(capture, sniff.inner(capture.content, where=where))]


def document_from_html(
    capture: Capture,
    markup: bytes | str,
    *,
    url: str | None = None,
    title: str | None = None,
    locator: str = "",
) -> Document:
    """The document of an HTML page (also used for JSON Lines records that carry ``html``)."""
    where = capture.path or capture.url or capture.sha256
    tree = _parse(markup, where)
    page = _Page(tree, base_url=url or capture.url)
    extracted = _extract(tree, page.url, capture.captured_at)
    if extracted is None:
        raise CaptureError(where, "no main text found in HTML")
    title = _clean(title or extracted.title or page.title) or None
    body, dropped, dateline = _body(extracted.text or "", title, capture.captured_at)
    if not body:
        raise CaptureError(where, "no main text found in HTML")
    return Document(
        capture_sha256=capture.sha256,
        locator=locator,
        text="\n\n".join(body),
        title=title,
        language=page.language,
        published=page.published or _htmldate(extracted.date, dateline),
        source=page.site_name or page.named(extracted.sitename) or page.title_suffix(title),
        url=page.url,
        author=page.author or _byline_author(extracted.author),
        removed=tuple(_removed(_visible_lines(tree), body, title, dropped)),
        extractors=(NAME, normalize.NAME, dates.NAME),
    )


def _byline_author(value: str | None) -> str | None:
    """trafilatura's author read from a visible byline, without the date fragments it can
    take along ("By Staff Writer | October 23, 2026" gives "Staff Writer; October")."""
    parts = [p for p in (_clean(part) for part in (value or "").split(";")) if p]
    names = [p for p in parts if not dates.is_calendar_phrase(p)]
    return "; ".join(names) or None


class _Page:
    """What the page says about itself in its markup: meta tags, JSON-LD, ``<html lang>``."""

    def __init__(self, tree: Any, *, base_url: str | None) -> None:
        self._tree = tree
        self._json_ld = list(_json_ld_objects(tree))
        self.url = self._canonical(base_url) or base_url
        self.title = self._meta("og:title") or self._ld("headline") or self._head_title()
        self.author = _ld_names(self._ld_value("author")) or self._meta("author")
        self.language = _primary_subtag(
            tree.get("lang") or self._meta("og:locale") or self._meta("content-language")
            or self._ld("inLanguage")
        )  # fmt: skip
        self.published = _first_date([self._ld("datePublished"), *map(self._meta, _DATE_META)])
        self.site_name = self._meta("og:site_name") or _ld_names(self._ld_value("publisher"))
        self._host = urlsplit(self.url or "").hostname

    def named(self, site_name: str | None) -> str | None:
        """trafilatura's site name, unless it only fell back to the host name."""
        name = _clean(site_name)
        return name if name and name.lower() != (self._host or "").removeprefix("www.") else None

    def title_suffix(self, title: str | None) -> str | None:
        """``Site`` from ``<title>Headline | Site</title>`` when the headline is the title;
        else the URL's host."""
        head = self._head_title() or ""
        for separator in _TITLE_SEPARATORS:
            headline, _, site = head.rpartition(separator)
            matches = bool(title and headline) and _key(headline) == _key(title or "")
            if matches and 0 < len(site) <= _LONGEST_SITE_NAME:
                return site
        host = self._host
        return host.removeprefix("www.") if host else None

    def _meta(self, name: str) -> str | None:
        """The first non-empty ``content`` of a meta tag named ``name`` (in any case)."""
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            folded = f"translate(@{attribute}, $upper, $lower)"
            found = self._tree.xpath(
                f"//meta[{folded}=$name]/@content", name=name.lower(), upper=_UPPER, lower=_LOWER
            )
            for value in found:
                if _clean(value):
                    return _clean(value)
        return None

    def _ld_value(self, key: str) -> Any:
        return next((item[key] for item in self._json_ld if item.get(key)), None)

    def _ld(self, key: str) -> str | None:
        value = self._ld_value(key)
        return _clean(value) if isinstance(value, str) else None

    def _head_title(self) -> str | None:
        found = self._tree.xpath("//title[1]//text()")
        return _clean(" ".join(found)) or None

    def _canonical(self, base_url: str | None) -> str | None:
        hrefs = self._tree.xpath("//link[contains(concat(' ', @rel, ' '), ' canonical ')]/@href")
        for href in [*hrefs, self._meta("og:url")]:
            absolute = urljoin(base_url or "", str(href or "").strip())
            if urlsplit(absolute).scheme in ("http", "https"):
                return absolute
        return None


def _parse(markup: bytes | str, where: str) -> Any:
    text = markup if isinstance(markup, str) else _decode(markup, where)
    if decode.looks_binary(text):
        raise CaptureError(where, "binary data, not HTML")
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, 1), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as error:
        raise CaptureError(where, f"HTML that lxml cannot parse ({error})") from error


def _decode(content: bytes, where: str) -> str:
    """UTF-8 first (a strong signal), then the declared charset, then legacy detection."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(content[:4096])
    if declared is not None:
        try:
            return content.decode(codecs.lookup(declared[1].decode("ascii")).name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    return decode.decode_text(content, where=where)


def _extract(tree: Any, url: str | None, captured_at: datetime) -> Extracted | None:
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={
            "original_date": True,  # the publication date, not the last update
            "extensive_search": True,
            "max_date": captured_at.strftime("%Y-%m-%d"),
        },
    )
    return result if isinstance(result, Extracted) and (result.text or "").strip() else None


def _body(
    text: str, title: str | None, captured_at: datetime
) -> tuple[list[str], dict[str, Removed], Published | None]:
    """Kept lines, the lines dropped (by key), and a dateline's date."""
    lines = [line for line in (_clean(raw) for raw in text.splitlines()) if line]
    if lines and title and _key(lines[0]) == _key(title):
        lines = lines[1:]  # trafilatura starts with the headline; the title already holds it
    kept: list[str] = []
    dropped: dict[str, Removed] = {}
    dateline: Published | None = None
    for index, line in enumerate(lines):
        published = dates.relative(line, captured_at) if index < _TOP_LINES else None
        reason = "date" if published else boilerplate.is_boilerplate(line)
        if reason in (None, "counter"):  # a bare number inside an article can be a figure
            kept.append(line)
            continue
        dropped[_key(line)] = Removed(text=line, reason=str(reason))
        dateline = dateline or published
    return kept, dropped, dateline


def _htmldate(value: str | None, dateline: Published | None) -> Published | None:
    """htmldate's day; its "-01-01" comes from a year alone, so it is only trusted as a year."""
    if not value:
        return dateline
    if value.endswith("-01-01"):
        return dateline or dates.from_metadata(value[:4])
    return dates.from_metadata(value)


def _removed(
    visible: list[str], body: list[str], title: str | None, dropped: dict[str, Removed]
) -> Iterator[Removed]:
    kept = {_key(line) for line in body} | {_key(title or "")}
    joined = _key("\n".join(body))
    seen: set[str] = set()
    for line in [*visible, *(removed.text for removed in dropped.values())]:
        key = _key(line)
        if key in kept or key in seen or (len(key.split()) >= 3 and key in joined):
            continue  # in the text, or a fragment of a paragraph that is
        seen.add(key)
        reason = boilerplate.is_boilerplate(line) or "boilerplate"
        yield dropped.get(key) or Removed(text=line, reason=reason)


def _visible_lines(tree: Any) -> list[str]:
    """The page's visible text, one line per block element."""
    body = tree.find(".//body")
    copy = deepcopy(body if body is not None else tree)
    for element in list(copy.iter(*_INVISIBLE)):
        element.drop_tree()  # keeps the element's tail text, which is visible
    for element in copy.iter(*_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return [line for line in (_clean(raw) for raw in copy.text_content().split("\n")) if line]


def _json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, ``@graph`` members included."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources still count
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def _ld_names(value: Any) -> str | None:
    """A JSON-LD person or organisation (or a list of them) as "Name; Name"."""
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return "; ".join(_clean(n) for n in names if isinstance(n, str) and _clean(n)) or None


def _first_date(values: list[str | None]) -> Published | None:
    for value in values:
        published = dates.from_metadata(value) if value else None
        if published is not None:
            return published
    return None


def _primary_subtag(value: str | None) -> str | None:
    """``uk`` from ``uk-UA``/``uk_UA``; ``ua`` (a common mistake for Ukrainian) is ``uk``."""
    subtag = re.split(r"[-_]", (value or "").strip().lower(), maxsplit=1)[0]
    subtag = "uk" if subtag == "ua" else subtag
    return subtag if re.fullmatch(r"[a-z]{2}", subtag) else None


def _clean(value: str | None) -> str:
    return " ".join(normalize.fix(value).split()) if value else ""


def _key(text: str) -> str:
    """A line's identity for comparisons: folded quotes and dashes, case and spacing."""
    return " ".join(normalize.for_matching(text).casefold().split())
