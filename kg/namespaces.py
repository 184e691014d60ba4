"""The project's vocabulary as checked namespaces, and the prefixes every export binds."""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/kg-news/"
ENTITY = Namespace(BASE + "entity/")
DOCUMENT = Namespace(BASE + "document/")
GRAPH = Namespace(BASE + "graph/")


class KG(DefinedNamespace):
    """Terms of ontology/kg.ttl; a misspelt term fails at once."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Organization: URIRef
    Company: URIRef
    NewsOrganization: URIRef
    GovernmentBody: URIRef
    Person: URIRef
    Product: URIRef
    AIModel: URIRef
    Document: URIRef
    Evidence: URIRef
    Claim: URIRef
    MentionCount: URIRef
    # relations
    accuses: URIRef
    partnersWith: URIRef
    sues: URIRef
    investigates: URIRef
    develops: URIRef
    leads: URIRef
    investsIn: URIRef
    # annotation and data properties
    relation: URIRef
    triggerProperty: URIRef
    curated: URIRef
    descriptor: URIRef
    maker: URIRef
    affiliation: URIRef
    parentOrganization: URIRef
    usualSenseOf: URIRef
    fileName: URIRef
    sha256: URIRef
    characterCount: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    startOffset: URIRef
    endOffset: URIRef
    matchedText: URIRef
    rule: URIRef
    confidence: URIRef
    resolution: URIRef
    claimedBy: URIRef
    mentionOf: URIRef
    mentionCount: URIRef
    hasMentionCount: URIRef


ONTOLOGY_IRI = URIRef(BASE + "ontology")
ONTOLOGY_GRAPH = GRAPH["ontology"]
ENTITIES_GRAPH = GRAPH["entities"]
"""Entity descriptions (type, labels), shared by every document that mentions them."""
RELATIONS_GRAPH = GRAPH["relations"]
"""The plain relation triples, each backed by evidence in one or more document graphs."""

PREFIXES: dict[str, Namespace] = {
    "kg": KG._NS,
    "ent": ENTITY,
    "doc": DOCUMENT,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "schema": Namespace(str(SDO)),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes, replacing rdflib's defaults, so every export looks alike."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """PREFIX lines for every project prefix, for queries written without them."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
