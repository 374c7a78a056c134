"""Expand the user's paths into inputs: files, folders (recursively) and ``-`` (stdin)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from crosscheck.errors import CaptureError

__all__ = ["Input", "inputs"]

NAME = "ingest.files.v1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Input:
    """The bytes of one file (or of stdin), with where they came from."""

    where: str
    content: bytes = field(repr=False)
    modified: datetime


def inputs(
    paths: Sequence[str], *, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[Input | CaptureError]:
    """Each file under ``paths`` in a stable order; hidden files and folders are skipped."""
    for raw in paths:
        if raw == "-":
            yield _read_stdin(stdin or sys.stdin.buffer, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _hidden(child.relative_to(path)):
                    yield _read(child, max_bytes)
        elif path.exists() or path.is_symlink():
            yield _read(path, max_bytes)
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
