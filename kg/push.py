"""Send the graph elsewhere: to a SPARQL 1.1 Graph Store HTTP Protocol endpoint, and the
vocabulary to a file (`kg ontology`).

A push either succeeds completely or raises RemoteError with one line saying why; the HTTP
status is checked, never assumed. Uses only the standard library (urllib), so pushing adds
no dependency.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import RemoteError, UsageError
from kg.sparql import open_graph

DEFAULT_GRAPH = "default"
"""`--graph default` writes into the endpoint's default graph (`?default`)."""

TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class PushSummary:
    """What was sent where."""

    endpoint: str
    method: str
    target: str
    statements: int
    status: int

    def line(self) -> str:
        kind = "quads" if self.target == "dataset" else "triples"
        return (
            f"pushed {self.statements} {kind} to {self.endpoint} ({self.target}, "
            f"{self.method} -> HTTP {self.status})"
        )


def push(
    graph: Path, endpoint: str, *, graph_iri: str | None = None, replace: bool = False
) -> PushSummary:
    """Send the graph at `graph` to a Graph Store endpoint such as http://host:7878/store.

    Without `graph_iri` the whole dataset goes as N-Quads, named graphs kept (Oxigraph and
    most stores accept a dataset at the service URL); with one, the union of the graphs goes
    as Turtle into `?graph=IRI`, or `?default` for "default". POST adds; `replace` PUTs.
    """
    parsed = urllib.parse.urlsplit(endpoint)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise UsageError(f"--endpoint must be an http(s) URL, not {endpoint!r}")
    store = open_graph(graph)
    if graph_iri is None:
        body = store.dump(format=ox.RdfFormat.N_QUADS)
        content_type, target, url, statements = (
            "application/n-quads",
            "dataset",
            endpoint,
            len(store),
        )
    else:
        triples = store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
        )
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        statements = body.count(b"\n")
        content_type = "text/turtle"  # N-Triples is Turtle; every store accepts text/turtle
        if graph_iri == DEFAULT_GRAPH:
            target, query = "default graph", "default"
        else:
            try:
                ox.NamedNode(graph_iri)
            except ValueError as err:
                raise UsageError(f"--graph {graph_iri!r} is not an IRI: {err}") from None
            target, query = f"graph <{graph_iri}>", urllib.parse.urlencode({"graph": graph_iri})
        url = urllib.parse.urlunsplit(parsed._replace(query=query))
    method = "PUT" if replace else "POST"
    status = _send(url, method, body, content_type)
    return PushSummary(endpoint, method, target, statements, status)


def _send(url: str, method: str, body: bytes, content_type: str) -> int:
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        detail = " ".join(err.read(300).decode("utf-8", "replace").split())
        raise RemoteError(
            f"{method} {url} failed: HTTP {err.code} {err.reason}"
            + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as err:
        raise RemoteError(f"cannot reach {url}: {err.reason}") from None
    except (TimeoutError, ConnectionError, OSError) as err:
        raise RemoteError(f"cannot reach {url}: {err}") from None
