"""Print query results: a readable table, or the W3C result and RDF formats via Oxigraph.

SELECT results can be a `table` (aligned, prefixed names, plain literals) or SPARQL 1.1
CSV, TSV, JSON or XML; ASK results a yes/no `table`, JSON or XML; CONSTRUCT and DESCRIBE
results Turtle (also for `table`), N-Triples or JSON-LD. The standard formats are written by
Oxigraph's own serialisers.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import QueryError, UsageError
from kg.namespaces import PREFIXES

SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat | None] = {
    "table": None,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
"""Formats for SELECT results (and, but for csv/tsv, ASK results)."""

GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "table": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
"""Formats for CONSTRUCT and DESCRIBE results."""

FORMATS: tuple[str, ...] = tuple(dict.fromkeys([*SOLUTION_FORMATS, *GRAPH_FORMATS]))

_PREFIX_IRIS = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_CHAR = r"(?:[\w-]|%[0-9A-Fa-f]{2})"
_LOCAL = re.compile(rf"(?:{_CHAR}(?:(?:{_CHAR}|\.)*{_CHAR})?)?")
"""A local name that Turtle and SPARQL accept after a prefix without escapes."""


def check_format(fmt: str) -> str:
    """The format name, or a usage error listing the known ones."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return fmt


def format_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    """The result as text in `fmt`; a format that does not fit the query form is a usage error.

    Oxigraph evaluates lazily, so an error while running (a SERVICE that does not answer, say)
    surfaces here and becomes a QueryError.
    """
    check_format(fmt)
    try:
        return _format(result, fmt)
    except (OSError, RuntimeError) as err:
        raise QueryError(f"query failed while running: {' '.join(str(err).split())}") from None


def _format(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    if isinstance(result, ox.QueryTriples):
        if fmt not in GRAPH_FORMATS:
            raise _mismatch(fmt, "CONSTRUCT/DESCRIBE", GRAPH_FORMATS)
        data = ox.serialize(result, format=GRAPH_FORMATS[fmt], prefixes=_PREFIX_IRIS)
        return data.decode("utf-8")
    if isinstance(result, ox.QueryBoolean):
        allowed = {"table": None, "json": None, "xml": None}
        if fmt not in allowed:
            raise _mismatch(fmt, "ASK", allowed)
        if fmt == "table":
            return "yes\n" if bool(result) else "no\n"
        return _text(result.serialize(format=SOLUTION_FORMATS[fmt]))
    if fmt not in SOLUTION_FORMATS:
        raise _mismatch(fmt, "SELECT", SOLUTION_FORMATS)
    if fmt == "table":
        return table(result)
    return _text(result.serialize(format=SOLUTION_FORMATS[fmt]))


def _text(data: bytes | None) -> str:
    text = (data or b"").decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


def _mismatch(fmt: str, form: str, allowed: dict) -> UsageError:
    return UsageError(f"format {fmt!r} does not fit a {form} query; use {', '.join(allowed)}")


def table(solutions: ox.QuerySolutions) -> str:
    """An aligned text table: one header line, a rule, one line per row, and a row count."""
    names = [v.value for v in solutions.variables]
    rows = [[show(solution[name]) for name in names] for solution in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def show(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    """A term as a person reads it: prefixed name, plain literal text, blank for unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return prefixed(term.value)
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def prefixed(iri: str) -> str:
    """ent:OpenAI for an IRI in a project namespace, <iri> otherwise."""
    matches = [
        (len(namespace), prefix)
        for prefix, namespace in _PREFIX_IRIS.items()
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace) :])
    ]
    if not matches:
        return f"<{iri}>"
    prefix = max(matches)[1]
    return f"{prefix}:{iri[len(_PREFIX_IRIS[prefix]) :]}"
