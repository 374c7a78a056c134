"""The app in a real browser: Playwright drives Debian's Chromium against the app under uvicorn on
a free loopback port, through whole journeys a user makes: signing in, reviewing a claim,
merging two people, exporting, reading a hostile capture, and a viewer who may only read.

Each journey checks what the user sees and what was stored (the audit log, the database, the
downloaded files), and every page it opens is watched: a console error, a dialog, a failed
request or any request to a host other than 127.0.0.1 fails the test, since the app must work
offline and its Content-Security-Policy must never have to block its own code.

The module runs its own server over its own copy of the linked samples, with a hostile clip whose
markup would set ``window.__pwned`` or open a dialog if it ever ran: a merge or verdict made here
never changes what the other web tests see, and the one deliberate wrong password counts against
this database's sign-in throttle only.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Download,
    Page,
    expect,
    sync_playwright,
)
from playwright.sync_api import Request as Fetch
from tests.web.browsing import CAPTURED_AT, PASSWORD, ROLES, Site, serve
from typer.testing import CliRunner

from crosscheck.cli import app as cli
from crosscheck.export.package import verify
from crosscheck.review import audit, claims, users
from crosscheck.store import Database
from crosscheck.web import create_app

DEBIAN_CHROMIUM = "/usr/bin/chromium"
PWNED_SCRIPT = "<script>window.__pwned=1</script>"
PWNED_IMG = '<img src=x onerror="window.__pwned=1">'
PWNED_SVG = '<svg onload="window.__pwned=1;alert(document.domain)">'
#: a clip whose title and text hold markup that would run if any page treated it as HTML
PWNED_CLIP = (
    f"Hostile {PWNED_SCRIPT} {PWNED_IMG} {PWNED_SVG} report\n"
    "2 days ago\n"
    f"Ivan Petrenko, a medic in Tykhovoda, said {PWNED_SCRIPT} five soldiers were killed near "
    f'Tykhovoda on Saturday. {PWNED_IMG} {PWNED_SVG}</svg> "We could not reach them," Petrenko '
    "said.\n"
)
#: runs before any page script (and outside the page's CSP): keeps every CSP violation
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


@dataclass
class Watch:
    """What the pages of one test did besides what a user sees."""

    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)  # requests to a host not 127.0.0.1
    failed: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # of every request to the app

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def request(self, request: Fetch) -> None:
        address = urlsplit(request.url)
        if address.scheme in ("http", "https", "ws", "wss") and address.hostname != "127.0.0.1":
            self.offsite.append(request.url)
        else:
            self.paths.append(address.path)

    def request_failed(self, request: Fetch) -> None:
        self.failed.append(f"{request.url}: {request.failure}")

    def download(self, download: Download) -> None:
        """A link that Chromium turns into a download ends its navigation as ERR_ABORTED:
        that is the download starting, not a request failing."""
        self.downloads.append(f"{download.url}: net::ERR_ABORTED")

    def failures(self) -> list[str]:
        return [failure for failure in self.failed if failure not in self.downloads]

    def forgive(self, *fragments: str) -> None:
        """Drop the console errors a deliberate failure causes; each fragment must be there."""
        for fragment in fragments:
            assert any(fragment in error for error in self.errors), (fragment, self.errors)
        self.errors = [e for e in self.errors if not any(f in e for f in fragments)]


@dataclass(frozen=True, slots=True)
class Tab:
    page: Page
    watch: Watch
    site: Site


def _chromium() -> str | None:
    found = shutil.which("chromium")
    return found or (DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).is_file() else None)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, launched once; skipped without it unless the CI requires it."""
    executable = _chromium()
    if executable is None:
        message = "no chromium on PATH or at /usr/bin/chromium: apt-get install chromium"
        if os.environ.get("CROSSCHECK_REQUIRE_BROWSER"):
            pytest.fail(f"CROSSCHECK_REQUIRE_BROWSER is set but {message}")
        pytest.skip(message)
    args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium's sandbox refuses root
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=args)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browsed(linked_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """This module's server: a copy of the linked samples with the hostile clip, and one user
    per role."""
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "crosscheck.sqlite"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{linked_path}{suffix}").exists():
            shutil.copy(Path(f"{linked_path}{suffix}"), Path(f"{path}{suffix}"))
    clip = folder / "hostile.txt"
    clip.write_text(PWNED_CLIP, encoding="utf-8")
    url = f"sqlite:///{path}"
    result = CliRunner().invoke(
        cli, ["ingest", str(clip), "--db", url, "--captured-at", CAPTURED_AT]
    )
    assert result.exit_code == 0, result.output
    db = Database.open(url)
    for role in ROLES:
        users.add_user(db, role, PASSWORD, role, by="tests")
    hostile = db.search("Petrenko Hostile", limit=1)[0].document_id
    with serve(create_app(db)) as base:
        yield Site(url=base, db=db, hostile_document=hostile)
    db.close()


@pytest.fixture
def tab(chromium: Browser, browsed: Site) -> Iterator[Tab]:
    """A fresh browser context (no cookies) with one watched page; the test fails afterwards
    if any page logged an error, opened a dialog, or fetched from anywhere but the app."""
    context = chromium.new_context(
        base_url=browsed.url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.add_init_script(CSP_WATCH)
    watch = Watch()
    context.on("console", watch.console)
    context.on("weberror", lambda error: watch.errors.append(str(error.error)))
    context.on("dialog", watch.dialog)
    context.on("request", watch.request)
    context.on("requestfailed", watch.request_failed)
    page = context.new_page()
    page.on("download", watch.download)
    yield Tab(page, watch, browsed)
    context.close()
    assert watch.errors == [], "console errors"
    assert watch.dialogs == [], "dialogs opened"
    assert watch.offsite == [], "requests off this machine"
    assert watch.failures() == [], "failed requests"


def sign_in(page: Page, username: str, password: str = PASSWORD, *, at: str = "/dashboard") -> None:
    """Open ``at``, get sent to the sign-in form, fill it in and send it."""
    page.goto(at)
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_test_id("sign-in").click()


def signed_in(page: Page, username: str, *, at: str = "/dashboard") -> None:
    sign_in(page, username, at=at)
    expect(page.get_by_test_id("current-user")).to_have_text(f"{username} ({username})")


def test_sign_in_wrong_password_then_right_one_then_out(tab: Tab) -> None:
    page, db = tab.page, tab.site.db
    sign_in(page, "analyst", "not the password at all", at="/incidents?place=Sukha")
    expect(page.get_by_test_id("sign-in-error")).to_have_text("wrong username or password")
    tab.watch.forgive("status of 401")
    page.get_by_label("User name").fill("analyst")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_test_id("sign-in").click()
    expect(page).to_have_url(re.compile(r"/incidents\?place=Sukha$"))  # back where it started
    expect(page.get_by_test_id("current-user")).to_have_text("analyst (analyst)")
    expect(page.get_by_test_id("incident-row").first).to_contain_text("Sukha Balka")
    cookie = next(c for c in page.context.cookies() if c["name"] == "crosscheck_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert "crosscheck_session" not in page.evaluate("document.cookie")
    stored = users.session_user(db, cookie["value"])
    assert stored is not None and stored[0].username == "analyst"
    page.get_by_test_id("sign-out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    assert users.session_user(db, cookie["value"]) is None
    page.goto("/dashboard")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fdashboard$"))


def test_review_claim_needs_a_comment_then_changes_in_place(tab: Tab) -> None:
    page, db = tab.page, tab.site.db
    signed_in(page, "analyst", at="/review")
    item = page.get_by_test_id("review-claim").first
    claim_id = item.get_attribute("data-claim-id")
    assert claim_id is not None
    review = item.get_by_test_id("claim-review")
    review.get_by_text("Review this claim").click()
    review.get_by_test_id("claim-status-select").select_option("disputed")
    comment = review.get_by_test_id("claim-status-comment")
    submit = review.get_by_test_id("claim-status-submit")
    page.evaluate("window.__same_page = true")  # gone if the page reloads

    submit.click()  # no comment: the browser does not send the form
    assert comment.evaluate("(field) => field.validity.valueMissing")
    comment.fill("   ")  # a blank comment: the server refuses it
    submit.click()
    expect(page.get_by_test_id("error")).to_have_text("a change needs a comment saying why")
    tab.watch.forgive("status of 400", "Response Status Error Code 400")
    expect(review.get_by_test_id("claim-status")).to_have_text("unreviewed")
    assert audit.audit_log(db, target_kind="claim", target_id=claim_id) == []

    comment.fill("The video shows fewer bodies than the text says.")
    with page.expect_response(lambda r: r.url.endswith("/status")) as answer:
        submit.click()
    assert answer.value.request.headers.get("hx-request") == "true"
    swapped = page.locator(f'[data-testid="claim-review"][data-claim-id="{claim_id}"]')
    expect(swapped.get_by_test_id("claim-status")).to_have_text("disputed")
    expect(swapped).to_contain_text("by analyst")
    assert page.evaluate("window.__same_page") is True

    [entry] = audit.audit_log(db, target_kind="claim", target_id=claim_id)
    assert (entry.username, entry.action) == ("analyst", "review")
    assert entry.comment == "The video shows fewer bodies than the text says."
    assert ("status", "unreviewed", "disputed") in entry.diff
    assert claims.claim(db, claim_id).status == "disputed"
    page.get_by_test_id("nav-audit").click()
    row = page.get_by_test_id("audit-row").filter(has_text="fewer bodies")
    expect(row).to_contain_text("analyst")
    expect(row.locator("del")).to_contain_text('"unreviewed"')
    expect(row.locator("ins")).to_contain_text('"disputed"')


def test_merge_two_people_from_the_review_queue(tab: Tab) -> None:
    page, db = tab.page, tab.site.db
    pair = next(
        c
        for c in claims.person_candidates(db, limit=100)
        if c.a_name != c.b_name and c.a_person != c.b_person
    )
    signed_in(page, "analyst", at="/review/people")
    row = page.get_by_test_id("candidate-row").filter(has_text=pair.a).filter(has_text=pair.b)
    expect(row).to_have_count(1)
    row.get_by_test_id("person-decision-comment").fill("Same medic: same unit, same village.")
    row.get_by_test_id("person-merge").click()

    merged = db.person(pair.a)
    assert merged["id"] == db.person(pair.b)["id"]
    assert {pair.a, pair.b} <= set(merged["members"])
    expect(page).to_have_url(re.compile(re.escape(f"/people/{merged['id']}") + "$"))
    spellings = page.get_by_test_id("spellings")
    expect(spellings).to_contain_text(pair.a_name)
    expect(spellings).to_contain_text(pair.b_name)
    expect(page.locator("#person-links")).to_contain_text("Same medic")
    entries = audit.audit_log(db, target_kind="person", username="analyst")
    assert [(e.action, e.comment) for e in entries] == [
        ("merge", "Same medic: same unit, same village.")
    ]


def test_export_report_and_evidence_package(tab: Tab, tmp_path: Path) -> None:
    page, db = tab.page, tab.site.db
    signed_in(page, "viewer", at="/exports")
    with page.expect_download() as report_download:
        page.get_by_test_id("export-incidents-html").click()
    report = tmp_path / report_download.value.suggested_filename
    report_download.value.save_as(report)
    html = report.read_text(encoding="utf-8")
    largest = max(db.incidents(limit=100), key=lambda i: len(i["documents"]))
    assert largest["id"] in html
    assert not re.search(r"<(script|link|iframe|img)\b", html, re.IGNORECASE)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    assert "url(" not in html

    opened = page.context.new_page()  # offline by construction: it may fetch nothing at all
    fetched: list[str] = []
    opened.on("request", lambda request: fetched.append(request.url))
    opened.goto(report.as_uri())
    expect(opened.locator("body")).to_contain_text(largest["id"])
    assert fetched == [report.as_uri()]
    opened.close()

    page.goto(f"/incidents/{largest['id']}")
    with page.expect_download() as package_download:
        page.get_by_test_id("evidence-package").click()
    assert package_download.value.suggested_filename == f"crosscheck-incident-{largest['id']}.zip"
    package = tmp_path / "evidence.zip"
    package_download.value.save_as(package)
    checked = verify(package)
    assert checked.ok, checked.problems
    assert checked.incident_id == largest["id"]
    assert checked.files > len(largest["documents"])


def test_hostile_capture_is_shown_as_text_and_never_runs(tab: Tab) -> None:
    page, site = tab.page, tab.site
    incident = site.db.incident(site.hostile_document)["id"]
    signed_in(page, "analyst", at=f"/documents/{site.hostile_document}")
    expect(page.get_by_test_id("document-title")).to_contain_text(PWNED_SCRIPT)
    expect(page.get_by_test_id("document-text")).to_contain_text(PWNED_IMG)
    _never_ran(page)

    page.get_by_test_id("nav-documents").click()
    page.get_by_test_id("search-input").fill("Petrenko")
    page.get_by_test_id("search-submit").click()  # htmx swaps the hits in
    hit = page.get_by_test_id("search-hit").filter(has_text="Hostile")
    expect(hit).to_contain_text(PWNED_SVG)
    expect(hit.get_by_test_id("snippet")).to_contain_text("<script>")
    _never_ran(page)

    page.goto(f"/incidents/{incident}")
    expect(page.get_by_test_id("documents-by-origin")).to_contain_text(PWNED_IMG)
    expect(page.get_by_test_id("ledger")).to_contain_text("window.__pwned=1</script> five")
    _never_ran(page)
    assert not [path for path in tab.watch.paths if path.endswith("/x")]  # <img src=x>


def _never_ran(page: Page) -> None:
    """Nothing of the payload became markup or ran, and the CSP had nothing to block."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main img, main svg[onload], main script").count() == 0
    assert page.evaluate("window.__csp") == []


def test_viewer_sees_no_review_forms_and_a_forged_post_is_refused(tab: Tab) -> None:
    page, db = tab.page, tab.site.db
    largest = max(db.incidents(limit=100), key=lambda i: len(i["documents"]))
    signed_in(page, "viewer", at=f"/incidents/{largest['id']}")
    expect(page.get_by_test_id("claim-review").first).to_be_visible()
    for testid in ("claim-review-forms", "source-grade-forms", "merge-form", "split-form"):
        expect(page.get_by_test_id(testid)).to_have_count(0)
    page.get_by_test_id("nav-review").click()
    expect(page.get_by_test_id("review-claim").first).to_be_visible()
    expect(page.get_by_test_id("claim-review-forms")).to_have_count(0)
    page.goto("/review/people")
    expect(page.get_by_test_id("candidate-row").first).to_be_visible()
    expect(page.get_by_test_id("person-decision-form")).to_have_count(0)

    claim = claims.claims(db, status="unreviewed", limit=1)[0]
    page.evaluate(
        """([action, status]) => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = action;
            const fields = {csrf_token: document.querySelector("input[name=csrf_token]").value,
                            status: status, comment: "a viewer tries anyway"};
            for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement("input");
                input.name = name;
                input.value = value;
                form.append(input);
            }
            document.body.append(form);
            form.submit();
        }""",
        [f"/claims/{claim.id}/status", "verified"],
    )
    expect(page.get_by_test_id("error")).to_contain_text("viewer")
    tab.watch.forgive("status of 403")
    assert claims.claim(db, claim.id).status == "unreviewed"
    assert audit.audit_log(db, username="viewer") == []
