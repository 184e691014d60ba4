"""The project's one exception hierarchy.

    KgError                  base: the CLI prints its message on one line and exits 1
    ├── InputError           an input file or folder cannot be read as a document
    ├── DataError            a data file of ours (ontology, patterns, gold set) is malformed
    ├── GraphError           a graph file cannot be parsed or written
    ├── QueryError           a SPARQL query is malformed or not allowed (exit 2)
    ├── UsageError           arguments that do not fit together (exit 2)
    └── RemoteError          an endpoint is unreachable or answered with an error

Library code raises these with a message that names the file and the problem; only the CLI
decides exit codes.
"""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class: a problem the user can fix, reported as one line."""

    exit_code = 1

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(KgError):
    """An input document cannot be read (missing, empty, binary, not UTF-8)."""


class DataError(KgError):
    """A data file shipped with or given to kg is malformed."""


class GraphError(KgError):
    """A graph file cannot be parsed, or an output cannot be written."""


class QueryError(KgError):
    """A query is malformed, or asks for something the command will not do."""

    exit_code = 2


class UsageError(KgError):
    """Options that are unknown or do not fit together."""

    exit_code = 2


class RemoteError(KgError):
    """A remote endpoint is unreachable or refused the request."""
