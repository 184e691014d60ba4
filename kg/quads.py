"""RDF terms and graphs as N-Quads text, the fast path from Python into Oxigraph.

Building an rdflib `Graph` costs about 12 µs a triple and turning it into pyoxigraph `Quad`
objects another 3 µs; formatting N-Quads lines costs well under 1 µs and Oxigraph's Rust parser
takes them from there. `document_nquads` writes exactly the quads `kg.graph.document_quads`
gives (tests/test_store.py checks the two agree graph by graph), so `kg.graph` stays the
readable definition of the layout and this module the fast one for the build.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.term import Node

from kg.graph import confidence_decimal, document_iri
from kg.iri import checked, local_name
from kg.namespaces import ENTITIES_GRAPH, KG, RELATIONS_GRAPH
from kg.records import SYMMETRIC, Extraction

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def literal(lexical: str, datatype: str | None = None, language: str | None = None) -> str:
    """A literal in N-Triples syntax."""
    quoted = '"' + lexical.translate(_ESCAPES) + '"'
    if language:
        return f"{quoted}@{language}"
    if datatype and datatype != _XSD_STRING:
        return f"{quoted}^^<{datatype}>"
    return quoted


def term(node: Node) -> str:
    """An rdflib term in N-Triples syntax."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return literal(str(node), node.datatype, node.language)
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"cannot write {node!r} as N-Quads")


def graph_nquads(triples: Iterable[tuple[Node, Node, Node]], graph: str) -> str:
    """Triples of an rdflib graph as N-Quads lines in the named graph `graph`."""
    suffix = f" <{graph}> .\n"
    return "".join(f"{term(s)} {term(p)} {term(o)}{suffix}" for s, p, o in triples)


def rdflib_graph_nquads(graph: Graph) -> str:
    """A named rdflib graph as N-Quads lines."""
    return graph_nquads(graph, str(graph.identifier))


_XSD_STRING = str(XSD.string)
_INTEGER, _BOOLEAN, _DECIMAL, _DATE = (
    str(XSD.integer),
    str(XSD.boolean),
    str(XSD.decimal),
    str(XSD.date),
)
_TYPE, _LABEL = f"<{RDF.type}>", f"<{RDFS.label}>"
_KG = {
    name: f"<{KG[name]}>"
    for name in (
        "Document",
        "Evidence",
        "Claim",
        "fileName",
        "sha256",
        "characterCount",
        "curated",
        "mentionOf",
        "mentionCount",
        "hasMentionCount",
        "sentence",
        "sentenceStart",
        "startOffset",
        "endOffset",
        "matchedText",
        "rule",
        "confidence",
        "resolution",
        "claimedBy",
    )
}
_SUBJECT, _PREDICATE, _OBJECT = (
    f"<{RDF.subject}>",
    f"<{RDF.predicate}>",
    f"<{RDF.object}>",
)
_DERIVED, _ALT_LABEL = f"<{PROV.wasDerivedFrom}>", f"<{SKOS.altLabel}>"
_MENTIONS, _PUBLISHED = f"<{SDO.mentions}>", f"<{SDO.datePublished}>"
_IN_ENTITIES = f" <{ENTITIES_GRAPH}> .\n"
_TRUE, _FALSE = literal("true", _BOOLEAN), literal("false", _BOOLEAN)
_IN_RELATIONS = f" <{RELATIONS_GRAPH}> .\n"


def document_nquads(extraction: Extraction) -> str:
    """Every quad `kg.graph.document_quads` gives for this extraction, as N-Quads lines."""
    own, shared = document_parts(extraction)
    return own + shared


def document_parts(extraction: Extraction, seen: set[str] | None = None) -> tuple[str, str]:
    """The document's N-Quads in two parts: its own graph, and its lines in the shared graphs.

    With `seen`, shared lines already in that set are left out and new ones added to it, so a
    process writing many documents sends each entity description and relation triple once.
    """
    document = extraction.document
    doc_iri = str(document_iri(document))
    doc = f"<{doc_iri}>"
    g = f" {doc} .\n"
    out: list[str] = []
    add = out.append
    shared: list[str] = []
    share = shared.append
    add(f"{doc} {_TYPE} {_KG['Document']}{g}")
    add(f"{doc} {_LABEL} {literal(document.name)}{g}")
    add(f"{doc} {_KG['fileName']} {literal(document.name)}{g}")
    add(f"{doc} {_KG['sha256']} {literal(document.sha256)}{g}")
    add(f"{doc} {_KG['characterCount']} {literal(str(len(document.text)), _INTEGER)}{g}")
    if document.date:
        add(f"{doc} {_PUBLISHED} {literal(document.date.isoformat(), _DATE)}{g}")
    iri = _term_of_iri
    curated = _KG["curated"]

    for entity in extraction.entities:
        node = iri(entity.iri)
        share(f"{node} {_TYPE} <{entity.type}>{_IN_ENTITIES}")
        share(f"{node} {_LABEL} {literal(entity.label)}{_IN_ENTITIES}")
        share(f"{node} {curated} {_TRUE if entity.curated else _FALSE}{_IN_ENTITIES}")
        for alias in entity.aliases:
            share(f"{node} {_ALT_LABEL} {literal(alias)}{_IN_ENTITIES}")
    for entity_iri, count in sorted(extraction.mention_counts.items()):
        node = f"<{doc_iri}/mentions/{_mention_name(entity_iri)}>"
        target = f"<{entity_iri}>"
        add(f"{doc} {_MENTIONS} {target}{g}")
        add(f"{doc} {_KG['hasMentionCount']} {node}{g}")
        add(f"{node} {_KG['mentionOf']} {target}{g}")
        add(f"{node} {_KG['mentionCount']} {_integer(count)}{g}")
    text = document.text
    for index, relation in enumerate(extraction.relations):
        subject, obj = iri(relation.subject), iri(relation.object)
        predicate = _predicate(relation.predicate)
        claim = relation.claimed_by
        if claim is None:
            share(f"{subject} {predicate} {obj}{_IN_RELATIONS}")
            if relation.predicate in SYMMETRIC:
                share(f"{obj} {predicate} {subject}{_IN_RELATIONS}")
        evidence = f"<{doc_iri}/evidence/{index}>"
        add(f"{evidence} {_TYPE} {_KG['Claim'] if claim else _KG['Evidence']}{g}")
        add(f"{evidence} {_SUBJECT} {subject}{g}")
        add(f"{evidence} {_PREDICATE} {predicate}{g}")
        add(f"{evidence} {_OBJECT} {obj}{g}")
        add(f"{evidence} {_DERIVED} {doc}{g}")
        sentence = literal(text[relation.sentence_start : relation.sentence_end])
        add(f"{evidence} {_KG['sentence']} {sentence}{g}")
        sentence_start = _integer(relation.sentence_start)
        add(f"{evidence} {_KG['sentenceStart']} {sentence_start}{g}")
        add(f"{evidence} {_KG['startOffset']} {_integer(relation.start)}{g}")
        add(f"{evidence} {_KG['endOffset']} {_integer(relation.end)}{g}")
        add(f"{evidence} {_KG['matchedText']} {literal(relation.matched)}{g}")
        add(f"{evidence} {_KG['rule']} {literal(relation.rule)}{g}")
        add(f"{evidence} {_KG['confidence']} {_confidence(relation.confidence)}{g}")
        for note in relation.resolutions:
            add(f"{evidence} {_KG['resolution']} {literal(note)}{g}")
        if claim:
            add(f"{evidence} {_KG['claimedBy']} {iri(claim)}{g}")
    if seen is not None:
        return "".join(out), unseen_lines(shared, seen)
    return "".join(out), "".join(shared)


def unseen_lines(lines: Iterable[str], seen: set[str]) -> str:
    """The lines not in `seen`, each once, which are then added to it."""
    fresh = [line for line in dict.fromkeys(lines) if line not in seen]
    seen.update(fresh)
    return "".join(fresh)


_IRI_TERMS: dict[str, str] = {}
_MENTION_NAMES: dict[str, str] = {}
_REMEMBERED = 100_000
"""Entity IRIs recur in document after document; their checked terms are kept, up to this many."""


def _term_of_iri(value: str) -> str:
    """<value>, once a strict parser has accepted it."""
    if (found := _IRI_TERMS.get(value)) is None:
        if len(_IRI_TERMS) > _REMEMBERED:
            _IRI_TERMS.clear()
        found = _IRI_TERMS[value] = f"<{checked(value)}>"
    return found


def _mention_name(entity_iri: str) -> str:
    """The local name of an entity's mention-count node, as kg.graph makes it."""
    if (found := _MENTION_NAMES.get(entity_iri)) is None:
        if len(_MENTION_NAMES) > _REMEMBERED:
            _MENTION_NAMES.clear()
        found = _MENTION_NAMES[entity_iri] = local_name(entity_iri.rsplit("/", 1)[-1])
    return found


_PREDICATES: dict[str, str] = {}
_CONFIDENCES: dict[float, str] = {}


def _predicate(name: str) -> str:
    """<the relation property>, for the handful of relations there are."""
    if (found := _PREDICATES.get(name)) is None:
        found = _PREDICATES[name] = f"<{KG[name]}>"
    return found


def _integer(value: int) -> str:
    """literal(str(value), xsd:integer): digits need no escaping."""
    return f'"{value}"^^<{_INTEGER}>'


def _confidence(value: float) -> str:
    """The confidence's literal; there are few values, each written once."""
    if (found := _CONFIDENCES.get(value)) is None:
        found = literal(_decimal(value), _DECIMAL)
        if value and len(_CONFIDENCES) < _REMEMBERED:  # 0.0 and -0.0 are one key, two spellings
            _CONFIDENCES[value] = found
    return found


def _decimal(value: float) -> str:
    """The confidence as `kg.graph` writes it: the store keeps a decimal's value, not its
    spelling, so an export streamed from these lines and one read back from the store agree."""
    return format(confidence_decimal(value), "f")
