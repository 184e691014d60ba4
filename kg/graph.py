"""Turn extractions into RDF: a named graph per document, plus three shared graphs.

Layout (the union of all graphs is what `kg query` sees):
- the document's graph (its IRI is the document's): the document's metadata, its mention
  counts and the evidence for every relation it supports, so one article's contribution can be
  found, counted or dropped as a whole;
- `ENTITIES_GRAPH`: type and labels of every entity mentioned;
- `RELATIONS_GRAPH`: the plain relation triples;
- `ONTOLOGY_GRAPH`: the vocabulary.
Shared triples sit in shared graphs so that a store, which keeps one copy of each quad, holds
each of them once however many documents state them; a triple in the union is never repeated
in another graph, which would multiply the rows of every join.

Per document, the document graph holds:
- `doc schema:mentions entity` and `doc kg:hasMentionCount <doc/mentions/Name>` for each entity
  mentioned, the count node carrying `kg:mentionOf entity` and `kg:mentionCount n`. The count
  node is not typed: `kg:hasMentionCount rdfs:range kg:MentionCount` says what it is (a SHACL
  shape for count nodes targets `sh:targetObjectsOf kg:hasMentionCount`, not the class).
- one evidence node `<doc/evidence/i>` per relation found, typed `kg:Evidence` (or `kg:Claim`
  when an actor only says the relation holds) and no more: both are subclasses of
  `rdf:Statement`, so the node is an RDF reification with `rdf:subject`, `rdf:predicate` and
  `rdf:object`, plus `prov:wasDerivedFrom doc`, the sentence and its start, the offsets and
  words matched, the rule, the confidence, any `kg:resolution` notes and `kg:claimedBy`.
A symmetric relation (`kg.records.SYMMETRIC`, declared `owl:SymmetricProperty`) is stated in
both directions in `RELATIONS_GRAPH`, so plain queries see both, but has one evidence node, in
the direction the text gives; whatever looks up the evidence for `?s ?p ?o` also looks for
`?o ?p ?s` when `?p` is symmetric (queries/evidence.rq shows how).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.term import Node

from kg.iri import checked, local_name
from kg.namespaces import (
    DOCUMENT,
    ENTITIES_GRAPH,
    KG,
    ONTOLOGY_GRAPH,
    RELATIONS_GRAPH,
    bind_prefixes,
)
from kg.ontology import Ontology
from kg.records import SYMMETRIC, Document, Entity, Extraction, Relation

Quad = tuple[Node, Node, Node, URIRef]


def confidence_decimal(value: float) -> Decimal:
    """A confidence to two places in canonical form (0.9, not 0.90), as stores write it back."""
    return Decimal(f"{value:.2f}").normalize()


def document_iri(document: Document) -> URIRef:
    """Documents are named by content, so the same text always gets the same IRI."""
    return checked(DOCUMENT + document.sha256[:16])


def document_quads(extraction: Extraction) -> Iterator[Quad]:
    """Every quad one document contributes, each in the graph it belongs to."""
    doc = document_iri(extraction.document)
    for s, p, o in _document_triples(doc, extraction.document):
        yield s, p, o, doc
    for entity in extraction.entities:
        for s, p, o in _entity_triples(entity):
            yield s, p, o, ENTITIES_GRAPH
    for iri, count in sorted(extraction.mention_counts.items()):
        node = URIRef(f"{doc}/mentions/{local_name(iri.rsplit('/', 1)[-1])}")
        entity = URIRef(iri)
        yield doc, SDO.mentions, entity, doc
        yield doc, KG.hasMentionCount, node, doc
        yield node, KG.mentionOf, entity, doc
        yield node, KG.mentionCount, Literal(count), doc
    for index, relation in enumerate(extraction.relations):
        yield from _relation_quads(doc, index, relation, extraction.document)


def document_graph(extraction: Extraction) -> Graph:
    """All triples one document contributes, whatever graph each goes in, as one rdflib graph."""
    graph = bind_prefixes(Graph(identifier=document_iri(extraction.document)))
    for s, p, o, _ in document_quads(extraction):
        graph.add((s, p, o))
    return graph


def build_dataset(extractions: Iterable[Extraction], ontology: Ontology) -> Dataset:
    """An in-memory dataset of the whole layout, for tests and small graphs."""
    dataset = Dataset()
    bind_prefixes(dataset)
    vocabulary = dataset.graph(ONTOLOGY_GRAPH)
    for triple in ontology.graph:
        vocabulary.add(triple)
    for extraction in extractions:
        for s, p, o, g in document_quads(extraction):
            dataset.add((s, p, o, g))
    return dataset


def _document_triples(doc: URIRef, document: Document) -> Iterator[tuple[Node, Node, Node]]:
    yield doc, RDF.type, KG.Document
    yield doc, RDFS.label, Literal(document.name)
    yield doc, KG.fileName, Literal(document.name)
    yield doc, KG.sha256, Literal(document.sha256)
    yield doc, KG.characterCount, Literal(len(document.text))
    if document.date:
        yield doc, SDO.datePublished, Literal(document.date, datatype=XSD.date)


def _entity_triples(entity: Entity) -> Iterator[tuple[Node, Node, Node]]:
    node = checked(entity.iri)
    yield node, RDF.type, URIRef(entity.type)
    yield node, RDFS.label, Literal(entity.label)
    yield node, KG.curated, Literal(entity.curated)
    for alias in entity.aliases:
        yield node, SKOS.altLabel, Literal(alias)


def _relation_quads(
    doc: URIRef, index: int, relation: Relation, document: Document
) -> Iterator[Quad]:
    subject, obj = checked(relation.subject), checked(relation.object)
    predicate = KG[relation.predicate]
    if relation.claimed_by is None:
        yield subject, predicate, obj, RELATIONS_GRAPH
        if relation.predicate in SYMMETRIC:
            yield obj, predicate, subject, RELATIONS_GRAPH
    evidence = URIRef(f"{doc}/evidence/{index}")
    sentence = document.text[relation.sentence_start : relation.sentence_end]
    for p, value in (
        (RDF.type, KG.Claim if relation.claimed_by else KG.Evidence),
        (RDF.subject, subject),
        (RDF.predicate, predicate),
        (RDF.object, obj),
        (PROV.wasDerivedFrom, doc),
        (KG.sentence, Literal(sentence)),
        (KG.sentenceStart, Literal(relation.sentence_start)),
        (KG.startOffset, Literal(relation.start)),
        (KG.endOffset, Literal(relation.end)),
        (KG.matchedText, Literal(relation.matched)),
        (KG.rule, Literal(relation.rule)),
        (KG.confidence, Literal(confidence_decimal(relation.confidence))),
        *((KG.resolution, Literal(note)) for note in relation.resolutions),
        *(((KG.claimedBy, checked(relation.claimed_by)),) if relation.claimed_by else ()),
    ):
        yield evidence, p, value, doc
