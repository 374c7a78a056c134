"""An incident's evidence package: one zip that proves what crosscheck shows, checkable offline.

::

    incident.json             the incident's summary: ledger, estimates, corroboration
    records/<document>.json   each document's crosscheck.record/1: text, facts with spans,
                              extractor versions
    captures/<sha256>         each capture's original bytes, untouched, named by their SHA-256
    claims.jsonl              the incident's claims with their review state
    audit.jsonl               the review log: changes to the incident, its documents, claims,
                              people and sources, oldest first
    README.txt                what all this is and how to check it
    SHA256SUMS                every file above with its SHA-256 (``sha256sum -c SHA256SUMS``)
    manifest.json             every file but itself with SHA-256 and size, crosscheck's version,
                              the incident and when the package was made

``verify`` recomputes every hash against the manifest, checks that each capture's name is its
content's SHA-256 (so a capture edited together with the manifest still shows), and reports
missing, extra, modified and misnamed files. The manifest is not signed: note its SHA-256
(``build`` returns it) in the case file, or sign it, to make the package tamper-evident as a
whole.

The zip is deterministic apart from ``created_at``: entries in a fixed order, fixed timestamps
and permissions, fixed compression.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from crosscheck import __version__
from crosscheck.errors import CaptureError, SettingsError, StoreError
from crosscheck.export.pages import claim_pages
from crosscheck.review.audit import AuditEntry, audit_log
from crosscheck.store import Database

__all__ = ["FORMAT", "Built", "Problem", "Verification", "build", "verify"]

FORMAT = "crosscheck.package/1"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: the same bytes every time
_CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")
_AUDIT_PAGE = 500
_LISTED = {"path": str, "sha256": str, "size": int}  # a manifest's entry for one file
README = """\
crosscheck evidence package ({format}) for incident {incident}
made {created_at} by crosscheck {version}

incident.json             the incident: claims ledger, estimates, corroboration
records/<document>.json   each document's record: clean text, facts with character spans
                          into that text, the versioned extractors that found them
captures/<sha256>         the original bytes of each capture, untouched; the file name is
                          the SHA-256 of its content
claims.jsonl              the incident's claims with their review state
audit.jsonl               the review log (who changed what, when, why), oldest first
SHA256SUMS, manifest.json every file's SHA-256 (and size, in the manifest)

Check it: crosscheck verify THIS.zip
Or without crosscheck: unzip into an empty folder, then sha256sum -c SHA256SUMS
and sha256sum captures/* (each hash equals its file name).
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Built:
    """A package written: where, for which incident, how many files and bytes, and the
    SHA-256 of its manifest (to note down: it pins every other file)."""

    path: Path
    incident_id: str
    files: int
    bytes: int
    manifest_sha256: str


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Verification:
    """What ``verify`` found: the manifest's facts, files and bytes checked, any problems."""

    incident_id: str | None
    created_at: str | None
    made_by: str | None  # the crosscheck version that made it
    files: int
    bytes: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def build(db: Database, incident_id: str, path: Path, *, now: datetime | None = None) -> Built:
    """Write the evidence package of an incident (id, prefix or a document's id) to ``path``,
    atomically: a half-written file never takes its place."""
    summary = db.incident(incident_id)
    created_at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as handle:
            files, manifest = _write(db, summary, handle, created_at)
        os.replace(partial, path)
    except OSError as error:
        raise SettingsError(f"cannot write {path}: {error.strerror}") from error
    finally:
        partial.unlink(missing_ok=True)  # gone already once it took the name
    return Built(path=path, incident_id=summary["id"], files=len(files) + 1,
                 bytes=sum(size for _, size in files.values()) + len(manifest),
                 manifest_sha256=hashlib.sha256(manifest).hexdigest())  # fmt: skip


def _write(
    db: Database, summary: dict[str, Any], handle: BinaryIO, created_at: str
) -> tuple[dict[str, tuple[str, int]], bytes]:
    """Write every entry; the files written (path -> (sha256, size)) and the manifest."""
    files: dict[str, tuple[str, int]] = {}
    with zipfile.ZipFile(handle, "w") as archive:

        def add(name: str, data: bytes) -> None:
            files[name] = (hashlib.sha256(data).hexdigest(), len(data))
            archive.writestr(_entry(name), data)

        for name, data in _contents(db, summary, created_at):
            add(name, data)
        add(SUMS, "".join(f"{sha}  {name}\n" for name, (sha, _) in files.items()).encode())
        manifest = _manifest(summary["id"], created_at, files)
        archive.writestr(_entry(MANIFEST), manifest)
    return files, manifest


def _contents(
    db: Database, summary: dict[str, Any], created_at: str
) -> Iterator[tuple[str, bytes]]:
    """Every file but the sums and the manifest, in a fixed order."""
    incident_id = summary["id"]
    yield "incident.json", _json(summary)
    document_ids = sorted(document["id"] for document in summary["documents"])
    captures: set[str] = set()
    sources: set[str] = set()
    members = set(summary.get("people") or ())  # decisions name persons by a member
    for document_id in document_ids:
        record = db.record(document_id)
        captures.add(record["capture"]["sha256"])
        if record["document"].get("source"):
            sources.add(record["document"]["source"])
        members |= {f"{document_id}/{person['key']}" for person in record.get("people", ())}
        yield f"records/{document_id}.json", _json(record)
    for sha256 in sorted(captures):
        yield f"captures/{sha256}", _capture_bytes(db, sha256)
    views = list(claim_pages(db, incident_id=incident_id))
    yield "claims.jsonl", b"".join(_json_line(view.to_json()) for view in views)
    targets = {
        "incident": {incident_id, *document_ids},
        "claim": {view.id for view in views},
        "person": members,
        "source": sources,
    }
    entries = sorted(_audit(db, targets), key=lambda entry: entry.id)
    yield "audit.jsonl", b"".join(_json_line(entry.to_json()) for entry in entries)
    readme = README.format(
        format=FORMAT, incident=incident_id, created_at=created_at, version=__version__
    )
    yield "README.txt", readme.encode()


def _capture_bytes(db: Database, sha256: str) -> bytes:
    content = db.capture(sha256).content
    if hashlib.sha256(content).hexdigest() != sha256:  # the store itself was altered
        raise StoreError(f"stored capture {sha256} no longer matches its SHA-256")
    return content


def _audit(db: Database, targets: dict[str, set[str]]) -> Iterator[AuditEntry]:
    """Every audit entry about the targets, by kind, paging back through the log."""
    for kind, ids in targets.items():
        before: int | None = None
        while ids:
            page = audit_log(db, target_kind=kind, target_ids=ids, limit=_AUDIT_PAGE,
                             before_id=before)  # fmt: skip
            yield from page
            if len(page) < _AUDIT_PAGE:
                break
            before = page[-1].id


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, wherever it is made
    return info


def _manifest(incident_id: str, created_at: str, files: dict[str, tuple[str, int]]) -> bytes:
    listed = [{"path": name, "sha256": sha, "size": size}
              for name, (sha, size) in sorted(files.items())]  # fmt: skip
    return _json({"format": FORMAT, "crosscheck": __version__, "created_at": created_at,
                  "incident": incident_id, "files": listed})  # fmt: skip


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _json_line(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, sort_keys=True) + "\n").encode()


def verify(path: Path) -> Verification:
    """Check a package against its manifest: every listed file present with its size and
    SHA-256, nothing unlisted, each capture named by its content's SHA-256. A file that is
    not a zip at all is a ``CaptureError``; everything else is a ``Problem``."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _verify(archive)
    except (zipfile.BadZipFile, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise CaptureError(str(path), f"not a readable package: {reason}") from error


def _verify(archive: zipfile.ZipFile) -> Verification:
    names = Counter(info.filename for info in archive.infolist())
    problems = [Problem(name, "appears more than once") for name, n in names.items() if n > 1]
    manifest, trouble = _read_manifest(archive, names)
    if manifest is None:
        problems.append(trouble or Problem(MANIFEST, "unreadable"))
        return Verification(incident_id=None, created_at=None, made_by=None, files=0, bytes=0,
                            problems=tuple(problems))  # fmt: skip
    listed = {str(item["path"]): item for item in manifest["files"]}
    checked = total = 0
    for name, item in sorted(listed.items()):
        if name not in names:
            problems.append(Problem(name, "missing"))
            continue
        found = _check(archive, name, item)
        problems += found
        checked += 1
        total += int(item["size"])
    problems += [Problem(name, "extra: not in the manifest")
                 for name in sorted(names) if name not in listed and name != MANIFEST]  # fmt: skip
    return Verification(incident_id=str(manifest.get("incident")),
                        created_at=str(manifest.get("created_at")),
                        made_by=str(manifest.get("crosscheck")), files=checked, bytes=total,
                        problems=tuple(problems))  # fmt: skip


def _read_manifest(
    archive: zipfile.ZipFile, names: Counter[str]
) -> tuple[dict[str, Any] | None, Problem | None]:
    if MANIFEST not in names:
        return None, Problem(MANIFEST, "missing: nothing can be verified")
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (ValueError, zipfile.BadZipFile, zlib.error) as error:
        return None, Problem(MANIFEST, f"unreadable: {error}")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return None, Problem(MANIFEST, f"not a {FORMAT} manifest")
    files = manifest.get("files")
    if not isinstance(files, list) or not all(_listed(item) for item in files):
        return None, Problem(MANIFEST, "its file list is malformed")
    return manifest, None


def _listed(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    return all(isinstance(item.get(key), kind) for key, kind in _LISTED.items())


def _check(archive: zipfile.ZipFile, name: str, item: dict[str, Any]) -> list[Problem]:
    """A listed file against its manifest entry, and a capture against its own name."""
    try:
        sha256, size = _digest(archive, name)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        return [Problem(name, f"corrupt: {error}")]
    if sha256 != item["sha256"] or size != item["size"]:
        return [Problem(name, f"modified: SHA-256 {sha256} ({size} bytes), the manifest says "
                              f"{item['sha256']} ({item['size']} bytes)")]  # fmt: skip
    return _misnamed(name, sha256)


def _misnamed(name: str, sha256: str) -> list[Problem]:
    """A capture whose file name is not its content's SHA-256."""
    folder, _, base = name.partition("/")
    if folder == "captures" and (not _SHA256.fullmatch(base) or base != sha256):
        return [Problem(name, f"capture named {base} but its content's SHA-256 is {sha256}")]
    return []


def _digest(archive: zipfile.ZipFile, name: str) -> tuple[str, int]:
    """SHA-256 and size of one entry, read a chunk at a time (captures can be large)."""
    digest, size = hashlib.sha256(), 0
    with archive.open(name) as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
