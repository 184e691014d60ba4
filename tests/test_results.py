"""kg.results: the readable table and the W3C formats, which Oxigraph writes and reads back."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from kg.errors import UsageError
from kg.results import format_result, prefixed, show
from kg.sparql import open_graph, run_query
from tests.conftest import DATA

NEWS = DATA / "graphs" / "news.trig"
SUES = "SELECT ?s ?o ?c WHERE { ?s kg:sues ?o . ?e rdf:subject ?s ; kg:confidence ?c }"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return open_graph(NEWS)


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("https://w3id.org/kg-news/entity/OpenAI", "ent:OpenAI"),
        ("https://w3id.org/kg-news/ontology#accuses", "kg:accuses"),
        ("https://w3id.org/kg-news/entity/Caf%C3%A9", "ent:Caf%C3%A9"),
        (
            "https://w3id.org/kg-news/document/abc/evidence/0",
            "<https://w3id.org/kg-news/document/abc/evidence/0>",
        ),
        ("https://w3id.org/kg-news/entity/ends.", "<https://w3id.org/kg-news/entity/ends.>"),
        ("http://example.org/x", "<http://example.org/x>"),
    ],
)
def test_results_prefixed_uses_project_prefixes_only_where_valid(iri, expected) -> None:
    assert prefixed(iri) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (ox.Literal("two\nlines"), "two lines"),
        (
            ox.Literal("0.90", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
            "0.90",
        ),
        (ox.Literal("Paris", language="fr"), "Paris"),
        (None, ""),
    ],
)
def test_results_show_prints_literals_plainly(term, expected) -> None:
    assert show(term) == expected


@pytest.mark.parametrize("query", [SUES])
def test_results_table_is_aligned_with_a_header_and_row_count(store, query) -> None:
    lines = format_result(run_query(store, query), "table").splitlines()
    assert lines[0].split() == ["s", "o", "c"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].split() == ["ent:The_New_York_Times", "ent:OpenAI", "0.95"]
    assert lines[2].index("ent:OpenAI") == lines[0].index("o")
    assert lines[-1] == "(1 row)"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_results_select_formats_are_w3c_and_read_back(store, fmt) -> None:
    text = format_result(run_query(store, SUES), fmt)
    results_format = {
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
    }[fmt]
    if fmt == "csv":  # SPARQL CSV is lossy, so Oxigraph does not parse it: check it as CSV
        rows = list(csv.reader(io.StringIO(text)))
        assert rows == [
            ["s", "o", "c"],
            [
                "https://w3id.org/kg-news/entity/The_New_York_Times",
                "https://w3id.org/kg-news/entity/OpenAI",
                "0.95",
            ],
        ]
        return
    solutions = list(ox.parse_query_results(text.encode(), format=results_format))
    assert solutions[0]["o"] == ox.NamedNode("https://w3id.org/kg-news/entity/OpenAI")


@pytest.mark.parametrize("query", [SUES])
def test_results_tsv_keeps_full_rdf_terms(store, query) -> None:
    header, row = format_result(run_query(store, query), "tsv").splitlines()
    assert header == "?s\t?o\t?c"
    assert row.split("\t")[:2] == [
        "<https://w3id.org/kg-news/entity/The_New_York_Times>",
        "<https://w3id.org/kg-news/entity/OpenAI>",
    ]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("table", "yes\n"),
        ("json", '{"head":{},"boolean":true}\n'),
        ("xml", "<boolean>true</boolean>"),
    ],
)
def test_results_ask_prints_yes_no_or_a_boolean_result(store, fmt, expected) -> None:
    assert expected in format_result(run_query(store, "ASK { ?s kg:sues ?o }"), fmt)


@pytest.mark.parametrize(
    ("fmt", "rdf_format"),
    [
        ("table", ox.RdfFormat.TURTLE),
        ("turtle", ox.RdfFormat.TURTLE),
        ("ntriples", ox.RdfFormat.N_TRIPLES),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ],
)
@pytest.mark.parametrize(
    "form",
    ["CONSTRUCT { ?s kg:sues ?o } WHERE { ?s kg:sues ?o }", "DESCRIBE ent:The_New_York_Times"],
)
def test_results_graph_results_are_rdf_that_parses(store, form, fmt, rdf_format) -> None:
    text = format_result(run_query(store, form), fmt)
    triples = [quad.triple for quad in ox.parse(text.encode(), format=rdf_format)]
    assert (
        ox.Triple(
            ox.NamedNode("https://w3id.org/kg-news/entity/The_New_York_Times"),
            ox.NamedNode("https://w3id.org/kg-news/ontology#sues"),
            ox.NamedNode("https://w3id.org/kg-news/entity/OpenAI"),
        )
        in triples
    )


@pytest.mark.parametrize(
    ("query", "fmt"),
    [
        ("CONSTRUCT WHERE { ?s ?p ?o }", "csv"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "json"),
        ("SELECT * { ?s ?p ?o }", "turtle"),
        ("ASK { ?s ?p ?o }", "csv"),
        ("ASK {}", "tsv"),
        ("ASK {}", "yaml"),
    ],
)
def test_results_form_and_format_mismatch_is_a_usage_error(store, query, fmt) -> None:
    with pytest.raises(UsageError):
        format_result(run_query(store, query), fmt)
