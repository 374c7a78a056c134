"""Reading gold files: one error type that names the file, and a fingerprint of what was read.

Gold data is public data that nobody on the project wrote (``../shared/data``). It is read,
never copied: the records built here live only for the length of one evaluation run.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from crosscheck.errors import GoldError

__all__ = [
    "GoldError",
    "gold_files",
    "gold_sha256",
    "integer",
    "read_bytes",
    "read_text",
    "require",
    "tsv_rows",
]


def gold_files(root: Path) -> list[Path]:
    """The files a set consists of, in a stable order; READMEs are documentation, not gold."""
    if root.is_file():
        return [root]
    found = (path for path in root.rglob("*") if path.is_file())
    return sorted(path for path in found if not path.name.upper().startswith("README"))


def gold_sha256(root: Path) -> str:
    """One SHA-256 over every gold file's relative path and bytes: the floors' fingerprint."""
    digest = hashlib.sha256()
    base = root.parent if root.is_file() else root
    for path in gold_files(root):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(read_bytes(path)).digest())
    return digest.hexdigest()


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise GoldError(path, f"cannot be read ({error.strerror})") from error


def read_text(path: Path) -> str:
    """The file as UTF-8 text; newlines are kept as written, since gold offsets count them."""
    try:
        return read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as error:
        raise GoldError(path, f"is not UTF-8 (byte {error.start})") from error


def tsv_rows(
    path: Path, columns: Iterable[str], *, delimiter: str = "\t"
) -> Iterator[dict[str, str]]:
    """Rows of a delimited file whose header names ``columns``, each row checked to be whole."""
    csv.field_size_limit(1 << 26)  # GVDB keeps whole articles and their JSON in one cell
    reader = csv.DictReader(read_text(path).splitlines(keepends=True), delimiter=delimiter)
    try:
        if missing := sorted(set(columns) - set(reader.fieldnames or ())):
            raise GoldError(path, f"the header lacks column {missing[0]!r}")
        for row in reader:
            if None in row.values() or None in row:
                raise GoldError(path, f"line {reader.line_num} has the wrong number of columns")
            yield row
    except csv.Error as error:
        raise GoldError(path, f"line {reader.line_num}: {error}") from error


def require(path: Path, names: Iterable[str]) -> None:
    """Raise when a part the set's README promises is missing (a set half copied is corrupt)."""
    for name in names:
        if not (path / name).exists():
            raise GoldError(path / name, "is missing")


def integer(value: str, where: Path | str) -> int:
    try:
        return int(value)
    except ValueError as error:
        raise GoldError(where, f"expected an integer, got {value!r}") from error
