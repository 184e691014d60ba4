"""Read input articles: find .txt/.md files, check they are text, note hash and date."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.records import Document

SUFFIXES = frozenset({".txt", ".md"})
HEADER_CHARS = 300
"""Only a date near the top of an article is taken for its publication date."""

_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_LONG_DATE = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\.?\s+(\d{1,2}),\s+(\d{4})\b"
)


def find_documents(inputs: Iterable[Path]) -> list[tuple[Path, str]]:
    """Expand files and folders into (path, name) pairs in a stable order.

    A folder contributes its .txt and .md files, recursively, named relative to the folder; a
    file given by name is read whatever its suffix.
    """
    found: list[tuple[Path, str]] = []
    for item in inputs:
        if item.is_dir():
            files = sorted(
                p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            found.extend((p, p.relative_to(item).as_posix()) for p in files)
        elif item.is_file():
            found.append((item, item.name))
        else:
            raise InputError("no such file or folder", path=item)
    if not found:
        names = ", ".join(str(i) for i in inputs) or "(nothing)"
        raise InputError(f"no .txt or .md documents found in {names}")
    return found


def read_document(path: Path, name: str | None = None) -> Document:
    """Read one article, refusing what is not non-empty UTF-8 text."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from None
    if b"\x00" in data:
        raise InputError("binary file, not text", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (bad byte at offset {err.start})", path=path) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty document", path=path)
    return Document(
        name=name or path.name,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        date=publication_date(text),
    )


def iter_documents(inputs: Iterable[Path]) -> Iterator[Document]:
    """Read every document under the inputs, one at a time."""
    for path, name in find_documents(inputs):
        yield read_document(path, name)


def publication_date(text: str) -> dt.date | None:
    """The date an article states in its first lines ("date 2025-01-29", "Jan. 29, 2025")."""
    head = text[:HEADER_CHARS]
    for match in _ISO_DATE.finditer(head):
        if date := _date(*(int(g) for g in match.groups())):
            return date
    for match in _LONG_DATE.finditer(head):
        month = _MONTHS.index(match.group(1).lower()) + 1
        if date := _date(int(match.group(3)), month, int(match.group(2))):
            return date
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
