"""kg.validate: the SHACL shapes accept a well-formed graph and name every kind of fault."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import sys

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.cli import app
from kg.graph import build_dataset
from kg.namespaces import KG
from kg.validate import format_report, validate
from tests.conftest import DATA, ROOT

GRAPHS = DATA / "graphs"
SH = "http://www.w3.org/ns/shacl#"


def _make_graphs():
    sys.path.insert(0, str(GRAPHS))
    try:
        import make_graphs
    finally:
        sys.path.pop(0)
    return make_graphs


@pytest.fixture(scope="module")
def broken_report():
    return validate(GRAPHS / "broken.trig")


@pytest.mark.parametrize("as_", ["trig file", "rdflib Dataset", "rdflib Graph"])
def test_validate_well_formed_graph_conforms(as_) -> None:
    dataset = _make_graphs().dataset()
    if as_ == "trig file":
        source = GRAPHS / "news.trig"
    elif as_ == "rdflib Dataset":
        source = dataset
    else:
        source = Graph()
        for s, p, o, _ in dataset.quads():
            source.add((s, p, o))
    report = validate(source)
    assert report.conforms, format_report(report)
    assert format_report(report) == ["conforms"]


@pytest.mark.parametrize(
    ("focus", "path", "words"),
    [
        ("ent:BadNoLabel", "rdfs:label", "exactly one rdfs:label"),
        ("ent:BadTwoLabels", "rdfs:label", "exactly one rdfs:label"),
        ("ent:BadTwoTypes", "rdf:type", "exactly one type"),
        ("ent:BadNoKgType", "rdf:type", "exactly one type"),
        ("ent:Good", "kg:accuses", "no evidence record"),
        (
            "<https://w3id.org/kg-news/document/good/evidence/bad-nodoc>",
            "prov:wasDerivedFrom",
            "one document",
        ),
        (
            "<https://w3id.org/kg-news/document/good/evidence/bad-nodoc>",
            "kg:sentence",
            "one sentence",
        ),
        (
            "<https://w3id.org/kg-news/document/good/evidence/bad-offsets>",
            "",
            "outside the document",
        ),
        (
            "<https://w3id.org/kg-news/document/good/evidence/bad-claim>",
            "kg:claimedBy",
            "kg:claimedBy",
        ),
        ("doc:bad-length", "kg:characterCount", "kg:characterCount"),
    ],
)
def test_validate_reports_each_kind_of_violation(broken_report, focus, path, words) -> None:
    assert not broken_report.conforms
    assert any(
        v.focus == focus and v.path == path and words in v.message for v in broken_report.violations
    ), format_report(broken_report)


@pytest.mark.parametrize("valid", ["ent:Good  kg:sues", "ent:Other", "evidence/0>"])
def test_validate_does_not_flag_the_valid_parts_of_the_broken_graph(broken_report, valid):
    assert not [line for line in format_report(broken_report) if line.startswith(valid)]


@pytest.mark.parametrize("report_fixture", ["broken_report"])
def test_validate_format_report_is_one_line_per_violation(request, report_fixture) -> None:
    report = request.getfixturevalue(report_fixture)
    lines = format_report(report)
    assert len(lines) == len(report.violations) == 10
    assert all("\n" not in line and line.count("  ") >= 2 for line in lines)


@pytest.mark.parametrize("shape", ["RelationShape"])
def test_validate_shapes_target_every_relation_of_the_ontology(ontology, shape) -> None:
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    node = URIRef(f"https://w3id.org/kg-news/shapes#{shape}")
    targeted = set(shapes.objects(node, URIRef(SH + "targetSubjectsOf")))
    declared = set(ontology.graph.subjects(RDFS.subPropertyOf, KG.relation))
    assert targeted == declared


@pytest.mark.parametrize("copies", [200])
def test_validate_many_documents_conform_together(ontology, copies: int) -> None:
    extractions = []
    for i in range(copies):
        for extraction in _make_graphs().extractions():
            text = extraction.document.text + "\n" * i
            document = dataclasses.replace(
                extraction.document,
                name=f"{i}-{extraction.document.name}",
                text=text,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
            )
            extractions.append(dataclasses.replace(extraction, document=document))
    report = validate(build_dataset(extractions, ontology))
    assert report.conforms and report.triples > 5000


@pytest.mark.parametrize(
    ("graph", "code", "out"), [("news.trig", 0, "conforms"), ("broken.trig", 1, "ent:BadNoLabel")]
)
def test_cli_validate_exit_code_says_whether_the_graph_conforms(graph, code, out) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kg.cli import main; main()",
            "validate",
            "-g",
            str(GRAPHS / graph),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == code, done.stderr
    assert out in done.stdout
    assert "Traceback" not in done.stderr
    if code:
        assert (
            done.stderr.strip() == f"kg: error: {GRAPHS / graph}: does not conform: 10 violations"
        )


@pytest.mark.parametrize("graph", ["news.trig"])
def test_cli_validate_through_the_runner(runner, graph) -> None:
    result = runner.invoke(app, ["validate", "-g", str(GRAPHS / graph)])
    assert result.exit_code == 0 and result.stdout == "conforms\n"
