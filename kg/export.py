"""Write graphs to files in the standard RDF formats, atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from rdflib import Dataset, Graph

from kg.errors import GraphError, UsageError

FORMATS: dict[str, str] = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "nquads": ".nq",
    "trig": ".trig",
    "jsonld": ".jsonld",
}
"""Export format name → file extension."""

QUAD_FORMATS = frozenset({"nquads", "trig"})
_EXTENSIONS = {ext: name for name, ext in FORMATS.items()} | {".json": "jsonld", ".n3": "turtle"}


def format_for(path: Path, requested: str | None) -> str:
    """The export format asked for, or the one the file's extension names."""
    if requested is not None:
        if requested not in FORMATS:
            raise UsageError(f"unknown format {requested!r}; choose one of {', '.join(FORMATS)}")
        return requested
    try:
        return _EXTENSIONS[path.suffix.lower()]
    except KeyError:
        raise UsageError(
            f"cannot tell the format from {path.name!r}; pass -f/--format ({', '.join(FORMATS)})"
        ) from None


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb") -> Iterator[IO]:
    """Write to a temporary file beside `path` and rename it into place only on success.

    A failure at any point leaves an existing file at `path` untouched.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise GraphError(f"cannot write: {err.strerror or err}", path=path) from None
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Run `write` on a binary handle whose content replaces `path` only if it succeeds."""
    with atomic_writer(path) as handle:
        write(handle)


def serialize(dataset: Dataset, path: Path, fmt: str) -> None:
    """Write the dataset: quad formats keep named graphs, triple formats write their union."""
    if fmt in QUAD_FORMATS:
        write_atomically(path, lambda out: dataset.serialize(out, format=fmt, encoding="utf-8"))
        return
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    rdflib_format = "json-ld" if fmt == "jsonld" else fmt
    write_atomically(
        path,
        lambda out: union.serialize(out, format=rdflib_format, encoding="utf-8"),
    )
