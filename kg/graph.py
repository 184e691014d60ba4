"""Turn extractions into RDF: one named graph per document, plus the vocabulary.

Every triple a document contributes (its metadata, the entities it mentions, the plain relation
triples and their evidence) lives in the named graph whose IRI is the document's, so one
article's contribution can be found, counted or dropped as a whole. The union of the graphs is
what `kg query` sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from kg.iri import checked, local_name
from kg.namespaces import DOCUMENT, KG, ONTOLOGY_GRAPH, ONTOLOGY_IRI, bind_prefixes
from kg.ontology import Ontology
from kg.records import SYMMETRIC, Document, Entity, Extraction, Relation


def document_iri(document: Document) -> URIRef:
    """Documents are named by content, so the same text always gets the same IRI."""
    return checked(DOCUMENT + document.sha256[:16])


def document_graph(extraction: Extraction) -> Graph:
    """All triples one document contributes."""
    graph = bind_prefixes(Graph(identifier=document_iri(extraction.document)))
    doc = _add_document(graph, extraction.document)
    for entity in extraction.entities:
        _add_entity(graph, entity)
    for iri, count in sorted(extraction.mention_counts.items()):
        node = URIRef(f"{doc}/mentions/{local_name(iri.rsplit('/', 1)[-1])}")
        graph.add((doc, SDO.mentions, URIRef(iri)))
        graph.add((doc, KG.hasMentionCount, node))
        graph.add((node, RDF.type, KG.MentionCount))
        graph.add((node, KG.mentionOf, URIRef(iri)))
        graph.add((node, KG.mentionCount, Literal(count)))
    for index, relation in enumerate(extraction.relations):
        _add_relation(graph, doc, index, relation, extraction.document)
    return graph


def ontology_header(graph: Graph) -> Graph:
    """Declare that the data uses the kg ontology, which `kg ontology` exports."""
    graph.add((ONTOLOGY_IRI, RDF.type, OWL.Ontology))
    return graph


def build_dataset(extractions: Iterable[Extraction], ontology: Ontology) -> Dataset:
    """A dataset with the vocabulary in its own graph and one named graph per document."""
    dataset = Dataset()
    bind_prefixes(dataset)
    vocabulary = dataset.graph(ONTOLOGY_GRAPH)
    for triple in ontology.graph:
        vocabulary.add(triple)
    for extraction in extractions:
        graph = dataset.graph(document_iri(extraction.document))
        for triple in document_graph(extraction):
            graph.add(triple)
    return dataset


def _add_document(graph: Graph, document: Document) -> URIRef:
    doc = document_iri(document)
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, RDFS.label, Literal(document.name)))
    graph.add((doc, KG.fileName, Literal(document.name)))
    graph.add((doc, KG.sha256, Literal(document.sha256)))
    graph.add((doc, KG.characterCount, Literal(len(document.text))))
    if document.date:
        graph.add((doc, SDO.datePublished, Literal(document.date, datatype=XSD.date)))
    return doc


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = checked(entity.iri)
    graph.add((node, RDF.type, URIRef(entity.type)))
    graph.add((node, RDFS.label, Literal(entity.label)))
    graph.add((node, KG.curated, Literal(entity.curated)))
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias)))


def _add_relation(
    graph: Graph, doc: URIRef, index: int, relation: Relation, document: Document
) -> None:
    subject, obj = checked(relation.subject), checked(relation.object)
    predicate = KG[relation.predicate]
    directions = [(subject, obj)]
    if relation.predicate in SYMMETRIC:
        directions.append((obj, subject))
    for direction, (s, o) in enumerate(directions):
        if relation.claimed_by is None:
            graph.add((s, predicate, o))
        evidence = URIRef(f"{doc}/evidence/{index}" + ("-inverse" if direction else ""))
        graph.add((evidence, RDF.type, KG.Claim if relation.claimed_by else KG.Evidence))
        graph.add((evidence, RDF.type, RDF.Statement))
        graph.add((evidence, RDF.subject, s))
        graph.add((evidence, RDF.predicate, predicate))
        graph.add((evidence, RDF.object, o))
        graph.add((evidence, PROV.wasDerivedFrom, doc))
        sentence = document.text[relation.sentence_start : relation.sentence_end]
        graph.add((evidence, KG.sentence, Literal(sentence)))
        graph.add((evidence, KG.sentenceStart, Literal(relation.sentence_start)))
        graph.add((evidence, KG.startOffset, Literal(relation.start)))
        graph.add((evidence, KG.endOffset, Literal(relation.end)))
        graph.add((evidence, KG.matchedText, Literal(relation.matched)))
        graph.add((evidence, KG.rule, Literal(relation.rule)))
        graph.add((evidence, KG.confidence, Literal(Decimal(f"{relation.confidence:.2f}"))))
        for note in relation.resolutions:
            graph.add((evidence, KG.resolution, Literal(note)))
        if relation.claimed_by:
            graph.add((evidence, KG.claimedBy, checked(relation.claimed_by)))
