"""Reading gold files: the fingerprint, and errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.errors import CrosscheckError
from crosscheck.evaluate.gold import GoldError, gold_sha256, read_text, tsv_rows


def test_sha_covers_paths_and_bytes_but_not_readmes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("gold", encoding="utf-8")
    first = gold_sha256(tmp_path)
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    assert gold_sha256(tmp_path) == first
    (tmp_path / "a.txt").rename(tmp_path / "b.txt")
    assert gold_sha256(tmp_path) != first
    (tmp_path / "b.txt").write_text("gold!", encoding="utf-8")
    assert gold_sha256(tmp_path) not in (first, gold_sha256(tmp_path / "b.txt") + "x")
    assert gold_sha256(tmp_path / "b.txt") == gold_sha256(tmp_path)  # a set of one file


def test_errors_are_crosscheck_errors_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("café".encode("latin-1"))
    with pytest.raises(GoldError, match=r"latin1\.txt: is not UTF-8 \(byte 3\)") as caught:
        read_text(path)
    assert isinstance(caught.value, CrosscheckError) and caught.value.where == str(path)


def test_tsv_rows_checks_header_and_width(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("a\tb\n1\t2\n", encoding="utf-8")
    assert list(tsv_rows(path, ["a"])) == [{"a": "1", "b": "2"}]
    with pytest.raises(GoldError, match="the header lacks column 'c'"):
        list(tsv_rows(path, ["c"]))
    path.write_text("a\tb\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(GoldError, match="line 2 has the wrong number of columns"):
        list(tsv_rows(path, ["a"]))
