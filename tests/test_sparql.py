"""kg.sparql: opening graphs, refusing what a query may not do, bindings, and `kg query` errors."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import app
from kg.errors import GraphError, QueryError, UsageError
from kg.export import serialize
from kg.results import format_result
from kg.sparql import (
    inspect_query,
    open_graph,
    parse_binding,
    run_query,
    with_values,
)
from kg.store import Manifest, file_stamp, manifest_path, store_path
from tests.conftest import DATA, ROOT

NEWS = DATA / "graphs" / "news.trig"
ENT = "https://w3id.org/kg-news/entity/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(store: ox.Store) -> int:
    return int(next(iter(run_query(store, COUNT)))["n"].value)


@pytest.fixture(scope="module")
def news_dataset():
    sys.path.insert(0, str(DATA / "graphs"))
    try:
        from make_graphs import dataset
    finally:
        sys.path.pop(0)
    return dataset()


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "trig", "jsonld"])
def test_sparql_open_graph_reads_every_export_format(tmp_path, news_dataset, fmt) -> None:
    ext = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "trig": ".trig"}.get(
        fmt, ".jsonld"
    )
    path = tmp_path / f"graph{ext}"
    serialize(news_dataset, path, fmt)
    quads = sum(1 for _ in news_dataset.quads())
    store = open_graph(path)
    assert len(store) in {quads, len({q[:3] for q in news_dataset.quads()})}
    assert _count(store) >= len({q[:3] for q in news_dataset.quads()})


@pytest.mark.parametrize("name", ["missing.ttl"])
def test_sparql_open_graph_names_a_missing_file(tmp_path, name) -> None:
    with pytest.raises(GraphError, match=name):
        open_graph(tmp_path / name)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', ":3:"),
        ("<http://a> <http://b> <not an iri> .\n", ":1:"),
    ],
)
def test_sparql_open_graph_reports_line_and_column_of_a_parse_error(tmp_path, text, where) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphError) as caught:
        open_graph(path)
    assert f"{path}{where}" in str(caught.value)


@pytest.mark.parametrize("recorded", ["hash", "stamp", "neither"])
def test_sparql_open_graph_uses_the_build_store_only_when_the_manifest_matches(
    tmp_path, recorded
) -> None:
    export = tmp_path / "graph.ttl"
    export.write_text(f"<{ENT}A> <{ENT}p> <{ENT}B> .\n", encoding="utf-8")
    os.utime(export, ns=(0, 10**18))  # older than the manifest, so a matching stamp counts
    store = ox.Store(str(store_path(export)))
    for name in "CDE":  # the store holds different triples, so we can tell which was read
        store.add(ox.Quad(ox.NamedNode(ENT + name), ox.NamedNode(ENT + "p"), ox.Literal("x")))
    store.flush()
    del store
    digest = hashlib.sha256(export.read_bytes()).hexdigest() if recorded == "hash" else "0" * 64
    stamp = file_stamp(export) if recorded == "stamp" else [0, 0, 0]
    Manifest(export.name, "turtle", digest, "", {}, extra={"export_stamp": stamp}).write(
        manifest_path(export)
    )
    assert _count(open_graph(export)) == (1 if recorded == "neither" else 3)


@pytest.mark.parametrize("module", ["spacy", "pyvis", "rdflib.plugins.sparql"])
def test_sparql_query_path_never_imports_spacy_pyvis_or_a_python_sparql_engine(module) -> None:
    code = (
        "import sys\n"
        "from kg.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"r = CliRunner().invoke(app, ['query', '-g', {str(NEWS)!r}, '-q', 'ASK {{ ?s ?p ?o }}'])\n"
        "assert r.exit_code == 0, r.output\n"
        f"print({module!r} in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://evil/> { }" }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://evil/> FROM <file:///etc/passwd>",
        "SELECT ?service ?from WHERE { ?service ?from ?o }",
        "PREFIX service: <http://e/> SELECT * WHERE { ?s service:from ?o }",
        "SELECT * WHERE { ?s ?p '''DROP ALL; LOAD <http://x>''' }",
    ],
)
def test_sparql_keywords_inside_strings_comments_or_names_are_harmless(query) -> None:
    shape = inspect_query(query)
    assert shape.services == () and shape.datasets == ()


@pytest.mark.parametrize(
    ("query", "services", "datasets"),
    [
        ("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", ("http://x/sparql",), ()),
        ("SELECT * WHERE { SERVICE SILENT ?where { ?s ?p ?o } }", ("?where",), ()),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", (), ("file:///etc/passwd",)),
        ("ASK FROM NAMED <http://x/g> { GRAPH ?g { ?s ?p ?o } }", (), ("http://x/g",)),
        (
            "PREFIX g: <http://x/g/> SELECT * FROM g:one FROM NAMED doc:two { ?s ?p ?o }",
            (),
            ("http://x/g/one", "https://w3id.org/kg-news/document/two"),
        ),
        ("select * { service silent ex:s { ?s ?p ?o } }", ("ex:s",), ()),
        (
            "SELECT * { ?s ?p ?o { SELECT ?s { SERVICE ?where { ?s ?p ?o } } } }",
            ("?where",),
            (),
        ),
    ],
)
def test_sparql_finds_service_and_from_in_the_query(query, services, datasets) -> None:
    shape = inspect_query(query)
    assert (shape.services, shape.datasets) == (services, datasets)
    with pytest.raises(QueryError, match="--allow-remote"):
        run_query(ox.Store(), query)


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://g>",
        "CREATE GRAPH <http://g>",
        "ADD <http://a> TO <http://b>",
        "MOVE DEFAULT TO <http://b>",
        "COPY <http://a> TO DEFAULT",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "INSERT DATA { <http://a> <http://b> }",  # broken too: refused, not a syntax error
    ],
)
def test_sparql_refuses_every_update(update) -> None:
    with pytest.raises(QueryError, match="Update is refused"):
        run_query(ox.Store(), update, allow_remote=True)


@pytest.mark.parametrize("graph", [NEWS])
def test_sparql_from_runs_with_allow_remote_on_graphs_in_the_store(graph) -> None:
    store = open_graph(graph)
    doc = next(str(g.value) for g in store.named_graphs() if "/document/" in g.value)
    query = f"SELECT (COUNT(*) AS ?n) FROM <{doc}> WHERE {{ ?s ?p ?o }}"
    in_graph = int(next(iter(run_query(store, query, allow_remote=True)))["n"].value)
    assert 0 < in_graph < _count(store)
    with pytest.raises(QueryError, match="not a graph in this store"):
        run_query(store, "ASK FROM <file:///etc/passwd> { ?s ?p ?o }", allow_remote=True)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_sparql_service_with_allow_remote_is_attempted(fmt) -> None:
    with socket.socket() as probe:  # a local port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError) as caught:
        format_result(run_query(ox.Store(), query, allow_remote=True), fmt)
    assert "--allow-remote" not in str(caught.value)
    assert "failed while running" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "name", "term"),
    [
        ("entity=ent:OpenAI", "entity", ox.NamedNode(ENT + "OpenAI")),
        ("?entity=<http://example.org/x>", "entity", ox.NamedNode("http://example.org/x")),
        ("name=OpenAI", "name", ox.Literal("OpenAI")),
        ("time=10:30", "time", ox.Literal("10:30")),
        ("min=0.8", "min", ox.Literal("0.8")),
        ("label=", "label", ox.Literal("")),
    ],
)
def test_sparql_parse_binding_understands_iris_prefixed_names_and_literals(text, name, term):
    assert parse_binding(text) == (ox.Variable(name), term)


@pytest.mark.parametrize("text", ["entity", "=x", "1x=2", "a b=c", "e=<not an iri>"])
def test_sparql_parse_binding_rejects_malformed_bindings(text) -> None:
    with pytest.raises(UsageError):
        parse_binding(text)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([str(ROOT / "queries" / "entity.rq"), "--bind", "entity=ent:DeepSeek"], "Acme Robotics"),
        (["-q", "ASK { ent:OpenAI kg:accuses ent:DeepSeek }"], "yes"),
        (["-q", "ASK { ent:DeepSeek kg:accuses ent:OpenAI }"], "no"),
    ],
)
def test_cli_query_prints_results(runner, args, expected) -> None:
    result = runner.invoke(app, ["query", "-g", str(NEWS), *args])
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def _kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    code = "from kg.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["query", "-g", str(NEWS), "BAD.rq"], 2, "BAD.rq:4:1: syntax error: expected"),
        (["query", "-g", str(NEWS)], 2, "exactly one of"),
        (["query", "-g", str(NEWS), "-q", "ASK {}", "BAD.rq"], 2, "exactly one of"),
        (["query", "-g", str(NEWS), "-q", "ASK {}", "-f", "yaml"], 2, "unknown format 'yaml'"),
        (
            ["query", "-g", str(NEWS), "-q", "CONSTRUCT WHERE { ?s ?p ?o }", "-f", "csv"],
            2,
            "does not fit a CONSTRUCT",
        ),
        (
            ["query", "-g", str(NEWS), "-q", "ASK { ?s ?p ?o }", "-f", "tsv"],
            2,
            "does not fit a ASK",
        ),
        (
            ["query", "-g", str(NEWS), "-q", "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"],
            2,
            "refusing SERVICE <http://x/>",
        ),
        (["query", "-g", str(NEWS), "-q", "CLEAR ALL"], 2, "Update is refused"),
        (["query", "-g", "nowhere.ttl", "-q", "ASK {}"], 1, "nowhere.ttl: no such graph file"),
        (["query", "-g", str(NEWS), "-q", "SELECT ?x {}", "--bind", "y=1"], 2, "?y"),
    ],
)
def test_cli_query_errors_are_one_line_with_exit_code(tmp_path, args, code, message) -> None:
    (tmp_path / "BAD.rq").write_text("PREFIX ex: <http://e/>\nSELECT ?x WHERE {\n ?x ex:p\n}\n")
    done = _kg(*args, cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert message in done.stderr


@pytest.mark.parametrize(
    ("query", "binds"),
    [
        ("evidence.rq", ["subject=ent:OpenAI"]),
        ("evidence.rq", ["relation=kg:partnersWith", "minConfidence=0.5"]),
        ("entity.rq", ["entity=ent:DeepSeek"]),
        ("entity.rq", []),
    ],
)
def test_sparql_bindings_as_values_give_the_rows_substitutions_give(query, binds) -> None:
    """--bind goes in as a VALUES block at the head of the WHERE group (Oxigraph plans from it;
    it joins substitutions only after matching): the rows must be those of substitutions."""
    text = (ROOT / "queries" / query).read_text(encoding="utf-8")
    bindings = dict(parse_binding(b) for b in binds)
    store = open_graph(NEWS)
    inline = with_values(text, bindings) if bindings else text
    assert inline is not None
    options = {"prefixes": {"ent": ENT}, "use_default_graph_as_union": True}
    expected = store.query(text, substitutions=bindings, **options)
    got = store.query(inline, **options)
    assert sorted(map(str, got)) == sorted(map(str, expected))
    assert len(list(store.query(text, substitutions=bindings, **options))) > 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('SELECT * { ?s ?p "{ x" } # WHERE {', 'SELECT * { VALUES (?s) { ("1") }  ?s ?p "{ x" }'),
        ("PREFIX where: <x:> ASK { ?s where:p ?o }", "PREFIX where: <x:> ASK { VALUES"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", None),
        ("DESCRIBE ?s WHERE { ?s ?p ?o }", None),
    ],
)
def test_sparql_with_values_finds_the_where_group_and_skips_other_forms(query, expected) -> None:
    inline = with_values(query, {ox.Variable("s"): ox.Literal("1")})
    if expected is None:
        assert inline is None
    else:
        assert inline is not None and inline.startswith(expected)
