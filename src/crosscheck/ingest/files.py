"""Expand the user's paths into inputs: files, folders (recursively) and ``-`` (stdin)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from crosscheck.errors import CaptureError

__all__ = ["Input", "inputs", "walk"]

NAME = "ingest.files.v1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Input:
    """The bytes of one file (or of stdin), with where they came from."""

    where: str
    content: bytes = field(repr=False)
    modified: datetime


def walk(paths: Sequence[str]) -> Iterator[str]:
    """The files under ``paths`` in a stable order (folders recursively, hidden entries skipped);
    ``-`` and paths that do not exist are passed through for ``inputs`` to report."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _hidden(child.relative_to(path)):
                    yield str(child)
        else:
            yield raw


def inputs(
    paths: Sequence[str], *, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[Input | CaptureError]:
    """The bytes of each file under ``paths`` (see ``walk``), or why it cannot be read."""
    for raw in walk(paths):
        if raw == "-":
            yield _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        elif Path(raw).exists() or Path(raw).is_symlink():
            yield _read(Path(raw), max_bytes)
        else:
            yield CaptureError(raw, "no such file or folder")


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _read(path: Path, max_bytes: int) -> Input | CaptureError:
    where = str(path)
    try:
        stat = path.stat()
        if not path.is_file():
            return CaptureError(where, "not a regular file")
        if stat.st_size > max_bytes:
            return CaptureError(where, f"too large: {stat.st_size} bytes, limit {max_bytes}")
        with path.open("rb") as handle:
            content = handle.read(max_bytes + 1)
    except PermissionError:
        return CaptureError(where, "permission denied")
    except OSError as error:
        return CaptureError(where, f"cannot read: {error.strerror or error}")
    if len(content) > max_bytes:
        return CaptureError(where, f"too large: more than {max_bytes} bytes")
    modified = datetime.fromtimestamp(stat.st_mtime, tz=UTC)
    return Input(where=where, content=content, modified=modified)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Input | CaptureError:
    content = stream.read(max_bytes + 1)
    if len(content) > max_bytes:
        return CaptureError("-", f"too large: more than {max_bytes} bytes")
    return Input(where="-", content=content, modified=datetime.now(UTC))
