"""Reading inputs: every bad input raises InputError naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.documents import find_documents, iter_documents, read_document
from kg.errors import InputError


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b" \n\t\n", "empty document"),
        ("binary.txt", b"PK\x03\x04\x00\x00", "binary file"),
        ("latin1.txt", "café".encode("latin-1"), "not UTF-8"),
    ],
    ids=["empty", "blank", "binary", "non-utf8"],
)
def test_documents_bad_file_names_itself(tmp_path: Path, name: str, data: bytes, message: str):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as caught:
        read_document(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("missing", ["nope.txt", "no/such/folder"])
def test_documents_missing_path_is_named(tmp_path: Path, missing: str) -> None:
    with pytest.raises(InputError, match="no such file or folder") as caught:
        find_documents([tmp_path / missing])
    assert missing in str(caught.value)


@pytest.mark.parametrize("files", [[], ["notes.pdf", "data.csv"]], ids=["empty", "no-text"])
def test_documents_folder_without_documents(tmp_path: Path, files: list[str]) -> None:
    for name in files:
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"no \.txt or \.md documents") as caught:
        find_documents([tmp_path])
    assert str(tmp_path) in str(caught.value)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_documents_hash_ignores_line_endings(tmp_path: Path, newline: str) -> None:
    (tmp_path / "a.txt").write_text("One.\nTwo.\n", encoding="utf-8", newline="\n")
    (tmp_path / "b.txt").write_bytes(f"One.{newline}Two.{newline}".encode())
    first, second = iter_documents([tmp_path])
    assert first.sha256 == second.sha256
