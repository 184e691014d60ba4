"""Assembling RDF from extractions: plain triples, evidence, claims, documents."""

from __future__ import annotations

import datetime as dt

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.graph import document_graph, document_iri
from kg.namespaces import ENTITY, KG, PREFIXES
from kg.records import Document, Entity, Extraction, Relation

SCHEMA = PREFIXES["schema"]
TEXT = "Acme sued Globex. Acme and Globex later partnered. Acme said Globex sued Initech."
ACME = Entity(str(ENTITY["Acme"]), "Acme <b>", str(KG.Company), ("ACME",), curated=False)
GLOBEX = Entity(str(ENTITY["Globex"]), 'Globex "Corp"', str(KG.Company))
INITECH = Entity(str(ENTITY["Initech"]), "Initech", str(KG.Company))


def relation(subject: Entity, predicate: str, obj: Entity, start: int, end: int, **kw) -> Relation:
    return Relation(
        subject=subject.iri,
        predicate=predicate,
        object=obj.iri,
        sentence_start=start,
        sentence_end=end,
        start=start,
        end=end,
        matched=TEXT[start:end],
        rule=f"test.{predicate}",
        confidence=0.9,
        **kw,
    )


@pytest.fixture
def extraction() -> Extraction:
    document = Document("a.txt", TEXT, "ab" * 32, dt.date(2025, 1, 29))
    return Extraction(
        document=document,
        entities=(ACME, GLOBEX, INITECH),
        mentions=(),
        relations=(
            relation(ACME, "sues", GLOBEX, 0, 17),
            relation(ACME, "partnersWith", GLOBEX, 18, 50),
            relation(GLOBEX, "sues", INITECH, 51, len(TEXT), claimed_by=ACME.iri),
        ),
        mention_counts={ACME.iri: 3, GLOBEX.iri: 3, INITECH.iri: 1},
    )


def test_graph_states_relation_as_plain_triple(extraction) -> None:
    graph = document_graph(extraction)
    assert (URIRef(ACME.iri), KG.sues, URIRef(GLOBEX.iri)) in graph


def test_graph_states_symmetric_relation_both_ways(extraction) -> None:
    graph = document_graph(extraction)
    a, g = URIRef(ACME.iri), URIRef(GLOBEX.iri)
    assert (a, KG.partnersWith, g) in graph
    assert (g, KG.partnersWith, a) in graph


def test_graph_symmetric_relation_has_one_evidence_node_in_the_text_direction(
    extraction,
) -> None:
    graph = document_graph(extraction)
    a, g = URIRef(ACME.iri), URIRef(GLOBEX.iri)
    [evidence] = graph.subjects(RDF.predicate, KG.partnersWith)
    assert (graph.value(evidence, RDF.subject), graph.value(evidence, RDF.object)) == (a, g)
    assert str(evidence) == f"{document_iri(extraction.document)}/evidence/1"
    assert not [e for e in graph.subjects(RDF.type, None) if str(e).endswith("-inverse")]


def test_graph_claim_is_attributed_not_asserted(extraction) -> None:
    graph = document_graph(extraction)
    assert (URIRef(GLOBEX.iri), KG.sues, URIRef(INITECH.iri)) not in graph
    claims = list(graph.subjects(RDF.type, KG.Claim))
    assert len(claims) == 1
    assert graph.value(claims[0], KG.claimedBy) == URIRef(ACME.iri)


def test_graph_every_relation_triple_has_evidence(extraction) -> None:
    """Evidence for `s p o` is stated that way round, or `o p s` when `p` is symmetric."""
    graph = document_graph(extraction)
    doc = document_iri(extraction.document)
    for s, p, o in graph:
        if str(p).startswith(str(KG)) and p in {KG.sues, KG.partnersWith}:
            ways = [(s, o), (o, s)] if p == KG.partnersWith else [(s, o)]
            evidence = [
                e
                for a, b in ways
                for e in graph.subjects(RDF.subject, a)
                if (e, RDF.predicate, p) in graph and (e, RDF.object, b) in graph
            ]
            assert evidence, (s, p, o)
            for e in evidence:
                assert (e, PROV.wasDerivedFrom, doc) in graph
                assert graph.value(e, KG.sentence) is not None


def _rdfs_types(data: Graph, vocabulary: Graph, node: URIRef) -> set[URIRef]:
    """The types RDFS reasoning gives `node`: stated, or from an rdfs:range, then every
    superclass (rules rdfs3 and rdfs9), over the data plus the vocabulary."""
    union = data + vocabulary
    query = """
        SELECT DISTINCT ?type WHERE {
            { ?node a ?class } UNION { ?x ?p ?node . ?p rdfs:range ?class }
            ?class rdfs:subClassOf* ?type .
        }"""
    rows = union.query(query, initNs={"rdfs": RDFS}, initBindings={"node": node})
    return {row.type for row in rows}


def test_graph_mention_count_node_is_untyped_but_a_mention_count_by_range(
    extraction, ontology
) -> None:
    graph = document_graph(extraction)
    doc = document_iri(extraction.document)
    nodes = set(graph.objects(doc, KG.hasMentionCount))
    assert len(nodes) == 3
    for node in nodes:
        assert (node, RDF.type, None) not in graph
        assert graph.value(node, KG.mentionOf) in {URIRef(e.iri) for e in extraction.entities}
        assert graph.value(node, KG.mentionCount).toPython() in {1, 3}
        assert KG.MentionCount in _rdfs_types(graph, ontology.graph, node)
    assert set(graph.objects(doc, SCHEMA.mentions)) == {URIRef(e.iri) for e in extraction.entities}


def test_graph_evidence_has_one_kg_type_and_is_a_statement_by_subclass(
    extraction, ontology
) -> None:
    graph = document_graph(extraction)
    nodes = set(graph.subjects(RDF.subject, None))
    assert nodes
    for node in nodes:
        assert len(set(graph.objects(node, RDF.type))) == 1
        assert graph.value(node, RDF.type) in {KG.Evidence, KG.Claim}
        assert {RDF.Statement, KG.Evidence} <= _rdfs_types(graph, ontology.graph, node)


def test_graph_document_carries_hash_name_and_date(extraction) -> None:
    graph = document_graph(extraction)
    doc = document_iri(extraction.document)
    assert graph.value(doc, KG.sha256) == Literal("ab" * 32)
    assert graph.value(doc, KG.fileName) == Literal("a.txt")
    assert graph.value(doc, SCHEMA.datePublished).toPython() == dt.date(2025, 1, 29)


def test_graph_keeps_untrusted_label_as_literal(extraction) -> None:
    graph = document_graph(extraction)
    assert graph.value(URIRef(ACME.iri), RDFS.label) == Literal("Acme <b>")


def test_graph_turtle_parses_in_rdflib_and_oxigraph(extraction) -> None:
    graph = document_graph(extraction)
    data = graph.serialize(format="turtle")
    again = Graph().parse(data=data, format="turtle")
    assert len(again) == len(graph)
    store = pyoxigraph.Store()
    store.load(data.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)
