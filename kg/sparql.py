"""Run read-only SPARQL queries with Oxigraph against a graph file or a kg store.

A query file is data a user may have been sent, so before anything runs the query is checked:
SPARQL Update is refused, and `SERVICE` or `FROM`/`FROM NAMED` (which could make the engine reach
the network or name other documents) are refused unless the caller allows them. The check reads
the query's tokens, skipping strings, IRIs, names and comments, so a literal "SERVICE" never
counts; Oxigraph reports syntax errors.

This module must not import spaCy or pyvis: `kg query` stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError, QueryError, UsageError
from kg.namespaces import PREFIXES

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Term = ox.NamedNode | ox.BlankNode | ox.Literal

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".n3": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
"""Graph file extension → the format Oxigraph parses it as."""

_PREFIX_IRIS: dict[str, str] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


# ---------------------------------------------------------------- opening graphs


def open_graph(path: Path) -> ox.Store:
    """A store holding the graph at `path`: a store folder, or an RDF file.

    A file written by `kg build` comes with a store beside it; when the build manifest says that
    store holds exactly this file (same SHA-256), it is opened instead of parsing the file again.
    Anything else is parsed into an in-memory store.
    """
    path = Path(path)
    if path.is_dir():
        return _open_read_only(path)
    if not path.is_file():
        raise GraphError("no such graph file (run `kg build` first, or pass -g)", path=path)
    if (store := _built_store(path)) is not None:
        return store
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(
            f"cannot tell the RDF format from the extension; use one of {', '.join(RDF_FORMATS)}",
            path=path,
        )
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise GraphError(_parse_error(err, path)) from None
    except (OSError, ValueError) as err:
        raise GraphError(f"cannot read: {err}", path=path) from None
    return store


def _open_read_only(folder: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(folder))
    except OSError as err:
        raise GraphError(f"not an Oxigraph store: {err}", path=folder) from None


def _built_store(export: Path) -> ox.Store | None:
    from kg.store import export_matches, manifest_path, read_manifest, store_path

    folder = store_path(export)
    manifest = read_manifest(manifest_path(export))
    if not folder.is_dir() or manifest is None or manifest.state != "complete":
        return None
    if not export_matches(export, manifest):
        return None
    try:
        return ox.Store.read_only(str(folder))
    except OSError:
        return None


def _parse_error(err: SyntaxError, path: Path) -> str:
    reason = str(err.msg)
    match = re.search(r"between line \d+ column \d+ and line \d+ column \d+: (.*)", reason)
    if match:
        reason = match.group(1)
    if err.lineno is not None:
        return f"{path}:{err.lineno}:{err.offset}: not valid RDF: {reason}"
    return f"{path}: not valid RDF: {reason}"


# ---------------------------------------------------------------- checking queries


_FORBIDDEN_UPDATE = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)


@dataclass(frozen=True)
class QueryShape:
    """What a query asks the engine to do beyond reading the store."""

    form: str | None
    """SELECT, ASK, CONSTRUCT or DESCRIBE; None when only Oxigraph could parse it."""
    services: tuple[str, ...] = ()
    """Endpoints of SERVICE clauses (a variable endpoint appears as ?name)."""
    datasets: tuple[str, ...] = ()
    """IRIs named by FROM and FROM NAMED."""


def inspect_query(text: str, source: str = "<query>") -> QueryShape:
    """Check a query is read-only and report its form, SERVICE endpoints and FROM graphs.

    Read from the query's tokens (`_TOKEN` skips strings, IRIs, names and comments, so a
    "SERVICE" inside a literal never counts); Oxigraph parses the query itself. rdflib's parser
    would give a tree, but importing and running it costs a tenth of a second per query.
    """
    tokens = [m for m in _TOKEN.finditer(text) if not m["skip"]]
    words = [(m["word"] or "").upper() for m in tokens]
    if _FORBIDDEN_UPDATE.intersection(words):
        raise QueryError(_UPDATE_REFUSED, path=source)
    prefixes = dict(_PREFIX_IRIS)
    form: str | None = None
    services: list[str] = []
    datasets: list[str] = []
    for i, word in enumerate(words):
        if word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1]["pname"]:
            name = tokens[i + 1]["pname"]
            if name.endswith(":") and tokens[i + 2]["iri"]:
                prefixes[name[:-1]] = tokens[i + 2]["iri"][1:-1]
        elif word in _FORMS and form is None:
            form = word
        elif word == "SERVICE":
            j = i + 2 if words[i + 1 : i + 2] == ["SILENT"] else i + 1
            services.append(_target(tokens[j] if j < len(tokens) else None, prefixes))
        elif word == "FROM":
            j = i + 2 if words[i + 1 : i + 2] == ["NAMED"] else i + 1
            datasets.append(_target(tokens[j] if j < len(tokens) else None, prefixes))
    return QueryShape(form=form, services=tuple(services), datasets=tuple(datasets))


_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_UPDATE_REFUSED = "SPARQL Update is refused: kg query only reads the graph"


def _target(token: re.Match[str] | None, prefixes: Mapping[str, str]) -> str:
    """What a SERVICE or FROM names: an IRI, ?variable, or the keyword when unreadable."""
    if token is None:
        return "SERVICE"
    if token["iri"]:
        return token["iri"][1:-1]
    if token["var"]:
        return "?" + token["var"][1:]
    if token["pname"]:
        prefix, _, local = token["pname"].partition(":")
        return prefixes.get(prefix, prefix + ":") + local
    return token[0].upper()


_TOKEN = re.compile(
    r"""
      (?P<skip> \#[^\n]*                                   # comment
              | '''(?:[^'\\]|\\.|'(?!''))*'''               # long strings
              | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              | '(?:[^'\\\n]|\\.)*'                         # short strings
              | "(?:[^"\\\n]|\\.)*"
              | @[A-Za-z]+(?:-[A-Za-z0-9]+)*                # language tag
      )
    | (?P<iri> <[^<>"{}|^`\\\x00-\x20]*> )
    | (?P<var> [?$]\w+ )
    | (?P<pname> (?:[^\W\d]|_)[\w.-]*:(?:[\w.:%-]|\\.)* | :(?:[\w.:%-]|\\.)* )
    | (?P<word> [^\W\d]\w* )
    | (?P<open> \{ )
    """,
    re.VERBOSE,
)


def _refuse_remote(shape: QueryShape, source: str) -> None:
    if shape.services:
        raise QueryError(
            f"refusing SERVICE {_show(shape.services[0])}: a query file must not reach the "
            "network by itself; pass --allow-remote to let it",
            path=source,
        )
    if shape.datasets:
        raise QueryError(
            f"refusing FROM {_show(shape.datasets[0])}: kg query reads only the given graph; pass "
            "--allow-remote to run it with FROM naming graphs already in the store (nothing is "
            "loaded)",
            path=source,
        )


def _show(target: str) -> str:
    return target if target.startswith("?") or target.isupper() else f"<{target}>"


# ---------------------------------------------------------------- bindings


_VARIABLE = re.compile(r"[?$]?([A-Za-z_][A-Za-z0-9_]*)")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*|):(\S*)")


def parse_binding(text: str) -> tuple[ox.Variable, Term]:
    """NAME=VALUE → variable and term: VALUE is <iri>, a prefixed name (ent:OpenAI) or a literal."""
    name, sep, value = text.partition("=")
    match = _VARIABLE.fullmatch(name.strip())
    if not sep or match is None:
        raise UsageError(f"--bind {text!r}: expected NAME=VALUE, e.g. entity=ent:OpenAI")
    return ox.Variable(match.group(1)), term_from_text(value)


def term_from_text(value: str) -> Term:
    """The RDF term a user means by `value` on the command line."""
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        match = _PREFIXED.fullmatch(value)
        if match and match.group(1) in _PREFIX_IRIS:
            return ox.NamedNode(_PREFIX_IRIS[match.group(1)] + match.group(2))
    except ValueError as err:
        raise UsageError(f"not a valid IRI {value!r}: {err}") from None
    return ox.Literal(value)


# ---------------------------------------------------------------- running


def read_query(query_file: Path | None, query_text: str | None) -> tuple[str, str]:
    """The query text and a name for messages, from exactly one of a file or inline text."""
    if (query_file is None) == (query_text is None):
        raise UsageError("give exactly one of a QUERY.rq file or -q/--query TEXT")
    if query_text is not None:
        return query_text, "<query>"
    assert query_file is not None
    try:
        return query_file.read_text(encoding="utf-8"), str(query_file)
    except FileNotFoundError:
        raise UsageError("no such query file", path=query_file) from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read query file: {err}", path=query_file) from None


def run_query(
    store: ox.Store,
    text: str,
    *,
    source: str = "<query>",
    bindings: Mapping[ox.Variable, Term] | None = None,
    allow_remote: bool = False,
) -> QueryResult:
    """Check and run a query over the union of the store's graphs.

    The project prefixes (kg:, ent:, doc:, ...) are predeclared, so a query may omit them.
    With `allow_remote`, SERVICE may call out and FROM/FROM NAMED pick graphs of the store.
    """
    shape = check_query(text, source=source, allow_remote=allow_remote)
    return _execute(store, text, shape, source, bindings)


def check_query(text: str, *, source: str = "<query>", allow_remote: bool = False) -> QueryShape:
    """Refuse what the query may not do and report a syntax error, without touching any graph."""
    shape = inspect_query(text, source)
    if not allow_remote:
        _refuse_remote(shape, source)
    if not shape.services:
        # Parsing is all this does: nothing is evaluated on an empty store (an ASK is, but over
        # nothing, and with no SERVICE it cannot reach out).
        _execute(ox.Store(), text, QueryShape(shape.form), source, None)
    return shape


def _execute(
    store: ox.Store,
    text: str,
    shape: QueryShape,
    source: str,
    bindings: Mapping[ox.Variable, Term] | None,
) -> QueryResult:
    if shape.datasets:
        known = {str(g.value) for g in store.named_graphs()}
        for iri in shape.datasets:
            if iri != "FROM" and iri not in known:
                raise QueryError(
                    f"FROM <{iri}> is not a graph in this store; kg does not load documents",
                    path=source,
                )
    substitutions = dict(bindings or {})
    if substitutions:
        used = {m["var"][1:] for m in _TOKEN.finditer(text) if m["var"]}
        for variable in substitutions:
            if variable.value not in used:
                message = f"--bind: the query has no variable ?{variable.value}"
                raise QueryError(message, path=source)
        if (bound := with_values(text, substitutions)) is not None:
            text, substitutions = bound, {}
    try:
        return store.query(
            text,
            prefixes=_PREFIX_IRIS,
            use_default_graph_as_union=not shape.datasets,
            substitutions=substitutions,
        )
    except SyntaxError as err:
        raise QueryError(_query_error(err, source)) from None
    except (RuntimeError, OSError, ValueError) as err:
        raise QueryError(" ".join(str(err).split()), path=source) from None


def with_values(text: str, bindings: Mapping[ox.Variable, Term]) -> str | None:
    """The query with the bindings as a VALUES block opening its WHERE group, or None.

    Oxigraph joins `substitutions` after matching the pattern (10 s on the evidence of a
    million-word corpus), but starts from a VALUES block at the head of the group (0.3 s). The
    block goes after the first `{` of a SELECT or ASK query (its WHERE group: nothing before
    it has braces); None, to keep substitutions, for CONSTRUCT and DESCRIBE.
    """
    for match in _TOKEN.finditer(text):
        word = (match["word"] or "").upper()
        if word in ("CONSTRUCT", "DESCRIBE"):
            return None
        if match["open"]:
            where = match.end()
            break
    else:
        return None
    names = " ".join(f"?{variable.value}" for variable in bindings)
    values = " ".join(str(term) for term in bindings.values())
    return f"{text[:where]} VALUES ({names}) {{ ({values}) }} {text[where:]}"


def _query_error(err: SyntaxError, source: str) -> str:
    """Oxigraph says 'error at 3:2: expected ...'; report it as source:3:2: a short reason."""
    message = " ".join(str(err.msg).split())
    match = re.match(r"error at (\d+):(\d+): (.*)", message)
    if match is None:
        return f"{source}: syntax error: {_shorten(message)}"
    line, column, reason = match.groups()
    return f"{source}:{line}:{column}: syntax error: {_shorten(reason)}"


def _shorten(reason: str, limit: int = 100) -> str:
    """Oxigraph can list every token it expected; keep the first few."""
    if len(reason) <= limit:
        return reason
    cut = reason.rfind(", ", 0, limit)
    return reason[: cut if cut > 0 else limit] + ", ..."


def query_graph(
    graph: Path,
    text: str,
    *,
    source: str = "<query>",
    bindings: Mapping[ox.Variable, Term] | None = None,
    allow_remote: bool = False,
) -> QueryResult:
    """Check the query, then open the graph and run it there."""
    shape = check_query(text, source=source, allow_remote=allow_remote)
    return _execute(open_graph(graph), text, shape, source, bindings)
