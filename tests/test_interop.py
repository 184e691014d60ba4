"""Every export parses cleanly in other tools (Raptor, Oxigraph, rdflib), and minted IRIs are
accepted by strict parsers whatever text they come from."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.cli import app
from kg.export import FORMATS, serialize
from kg.iri import local_name, mint
from kg.namespaces import ENTITY
from tests.conftest import DATA, need_tool

RAPTOR = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig"}
OX = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@pytest.fixture(scope="module")
def news() -> Dataset:
    sys.path.insert(0, str(DATA / "graphs"))
    try:
        from make_graphs import dataset
    finally:
        sys.path.pop(0)
    return dataset()


def _expected(dataset: Dataset, fmt: str) -> int:
    quads = {(s, p, o, g) for s, p, o, g in dataset.quads()}
    return len(quads) if fmt in {"nquads", "trig"} else len({q[:3] for q in quads})


@pytest.mark.store
@pytest.mark.parametrize("fmt", sorted(RAPTOR))
def test_interop_rapper_parses_every_export_without_warnings(tmp_path, news, fmt) -> None:
    rapper = need_tool("rapper", "Raptor RDF parser, Debian package raptor2-utils")
    path = tmp_path / f"graph{FORMATS[fmt]}"
    serialize(news, path, fmt)
    done = subprocess.run(
        [rapper, "-i", RAPTOR[fmt], "-c", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "Error" not in done.stderr, done.stderr
    assert f"returned {_expected(news, fmt)} " in done.stderr, done.stderr


@pytest.mark.parametrize("fmt", sorted(OX))
def test_interop_pyoxigraph_loads_every_export_with_the_same_count(tmp_path, news, fmt) -> None:
    path = tmp_path / f"graph{FORMATS[fmt]}"
    serialize(news, path, fmt)
    store = ox.Store()
    store.load(path=str(path), format=OX[fmt])
    assert len(store) == _expected(news, fmt)


@pytest.mark.parametrize("ext", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_cli_ontology_writes_the_vocabulary_in_the_format_of_the_extension(
    runner, tmp_path, ontology, ext
) -> None:
    out = tmp_path / f"kg{ext}"
    result = runner.invoke(app, ["ontology", "-o", str(out)])
    assert result.exit_code == 0, result.output
    store = ox.Store()
    store.load(path=str(out))
    assert len(store) == len(ontology.graph)
    assert not list(tmp_path.glob(".*.tmp"))


NASTY = [
    "OpenAI",
    "Sam Altman",
    "  spaced\tout\nname  ",
    "<script>alert(1)</script>",
    'say "cheese"',
    "it's",
    "back\\slash",
    "ctrl\x00\x01\x1f\x7fchars",
    "emoji 🤖🚀",
    "مرحبا بالعالم",  # right-to-left
    "\u202eevil\u202c",  # bidi override
    "javascript:alert(1)",
    "a/b?c#d",
    "%41%2",
    "{}|^`",
    "x" * 5000,
    "",
    " ",
    ".",
    "-",
    "Ünïcödé ﬁ ligature",
    "日本語の会社",
]


@pytest.mark.parametrize("text", NASTY, ids=[f"nasty{i}" for i in range(len(NASTY))])
def test_interop_minted_iris_are_accepted_and_round_trip(tmp_path, text) -> None:
    iri = mint(str(ENTITY), text)
    ox.NamedNode(str(iri))  # a strict parser accepts it
    assert local_name(text) == local_name(text)  # stable
    graph = Graph()
    graph.bind("ent", ENTITY)
    graph.add((iri, RDFS.label, Literal(text)))
    path = tmp_path / "nasty.ttl"
    graph.serialize(path, format="turtle", encoding="utf-8")
    again = Graph().parse(path, format="turtle")
    assert set(again) == {(iri, RDFS.label, Literal(text))}
    parsed = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    assert parsed == [
        ox.Triple(ox.NamedNode(str(iri)), ox.NamedNode(str(RDFS.label)), ox.Literal(text))
    ]
    assert isinstance(iri, URIRef)
