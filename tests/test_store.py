"""The fast N-Quads writer agrees with kg.graph; the store and manifest keep their promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.graph import document_iri, document_quads
from kg.namespaces import ENTITIES_GRAPH, ENTITY, KG, RELATIONS_GRAPH
from kg.quads import document_nquads
from kg.records import Document, Entity, Extraction, Relation
from kg.store import GraphStore, Manifest, StoredDocument, read_manifest
from tests.conftest import assert_isomorphic

TEXT = 'Acme sued "Globex".\nAcme and Globex partnered.\\ Acme said Globex sued Initech.'
ACME = Entity(str(ENTITY["Acme"]), 'Acme "<b>"\n', str(KG.Company), ("ACME",), curated=False)
GLOBEX = Entity(str(ENTITY["Globex"]), "Globex — Ünïcode", str(KG.Company))
INITECH = Entity(str(ENTITY["Initech"]), "Initech", str(KG.Company))


def relation(subject: Entity, predicate: str, obj: Entity, start: int, end: int, **kw) -> Relation:
    return Relation(
        subject.iri,
        predicate,
        obj.iri,
        start,
        end,
        start,
        end,
        TEXT[start:end],
        f"test.{predicate}",
        0.875,
        **kw,
    )


def extraction(sha: str = "ab" * 32, date: dt.date | None = dt.date(2025, 1, 29)) -> Extraction:
    return Extraction(
        document=Document("a b.txt", TEXT, sha, date),
        entities=(ACME, GLOBEX, INITECH),
        mentions=(),
        relations=(
            relation(ACME, "sues", GLOBEX, 0, 19),
            relation(ACME, "partnersWith", GLOBEX, 20, 47, resolutions=("Acme → Acme",)),
            relation(GLOBEX, "sues", INITECH, 48, len(TEXT), claimed_by=ACME.iri),
        ),
        mention_counts={ACME.iri: 3, GLOBEX.iri: 3, INITECH.iri: 1},
    )


@pytest.mark.parametrize("date", [dt.date(2025, 1, 29), None], ids=["dated", "undated"])
def test_quads_document_nquads_is_document_quads(date: dt.date | None) -> None:
    record = extraction(date=date)
    parsed = Dataset()
    parsed.parse(data=document_nquads(record), format="nquads")
    expected = Dataset()
    for quad in document_quads(record):
        expected.add(quad)
    names = {g.identifier for g in expected.graphs() if len(g)}
    assert {g.identifier for g in parsed.graphs() if len(g)} == names
    assert names == {document_iri(record.document), ENTITIES_GRAPH, RELATIONS_GRAPH}
    for name in names:
        assert_isomorphic(expected.graph(name), parsed.graph(name))


@pytest.mark.parametrize("bulk", [False, True], ids=["transactional", "bulk"])
def test_store_documents_read_back_from_the_store(tmp_path: Path, bulk: bool) -> None:
    store = GraphStore(tmp_path / "s.oxigraph", bulk=bulk)
    first, second = extraction("ab" * 32), extraction("cd" * 32)
    store.add_nquads(document_nquads(first) + document_nquads(second))
    found = store.documents()
    assert set(found) == {"ab" * 32, "cd" * 32}
    assert found["ab" * 32].graph == str(document_iri(first.document))
    store.remove_graph(found["ab" * 32].graph)
    assert set(store.documents()) == {"cd" * 32}
    counts = store.counts()
    assert (counts["sues"], counts["partnersWith"], counts["claims"]) == (1, 1, 1)
    store.close()


def _relations_graph(store: GraphStore) -> set[tuple[str, str, str]]:
    graph = ox.NamedNode(str(RELATIONS_GRAPH))
    return {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in store.store.quads_for_pattern(None, None, None, graph)
    }


def test_store_garbage_collection_keeps_both_directions_of_a_symmetric_relation(
    tmp_path: Path,
) -> None:
    """A symmetric relation's one evidence node, stated the way the text gives it, keeps the
    plain triple in both directions; once no document supports it, both go."""
    store = GraphStore(tmp_path / "s.oxigraph")
    first, second = extraction("ab" * 32), extraction("cd" * 32)
    store.add_nquads(document_nquads(first) + document_nquads(second))
    both = {
        (ACME.iri, str(KG.partnersWith), GLOBEX.iri),
        (GLOBEX.iri, str(KG.partnersWith), ACME.iri),
    }
    assert both <= _relations_graph(store)
    store.remove_graph(str(document_iri(first.document)))
    store.collect_garbage()
    assert both <= _relations_graph(store)
    store.remove_graph(str(document_iri(second.document)))
    store.collect_garbage()
    assert not _relations_graph(store)
    store.close()


def test_store_counts_a_symmetric_claim_once(tmp_path: Path) -> None:
    record = extraction()
    claim = relation(GLOBEX, "partnersWith", INITECH, 48, len(TEXT), claimed_by=ACME.iri)
    record = Extraction(record.document, record.entities, (), (claim,), record.mention_counts)
    store = GraphStore(tmp_path / "s.oxigraph")
    store.add_nquads(document_nquads(record))
    counts = store.counts()
    assert (counts["claims"], counts["partnersWith"]) == (1, 0)
    store.close()


@pytest.mark.parametrize("bad", ["<a> <b> .", "not rdf at all"])
def test_store_rejects_malformed_nquads_whole(tmp_path: Path, bad: str) -> None:
    from kg.errors import GraphError

    store = GraphStore(tmp_path / "s")
    with pytest.raises(GraphError, match="malformed"):
        store.add_nquads(document_nquads(extraction()) + bad)
    assert len(store.store) == 0
    store.close()


@pytest.mark.parametrize("state", ["complete", "building"])
def test_store_manifest_round_trips(tmp_path: Path, state: str) -> None:
    path = tmp_path / "g.manifest.json"
    doc = StoredDocument("ab" * 32, "a.txt", "https://w3id.org/kg-news/document/x")
    Manifest(
        "g.ttl",
        "turtle",
        "ff",
        "fp",
        {doc.sha256: doc},
        state=state,
        extra={"violations": {doc.sha256: 0}},
    ).write(path)
    manifest = read_manifest(path)
    assert manifest is not None
    assert (manifest.state, manifest.documents[doc.sha256], manifest.extra["violations"]) == (
        state,
        doc,
        {doc.sha256: 0},
    )


@pytest.mark.parametrize("content", ["", "{", '{"export": {}}'])
def test_store_unreadable_manifest_is_none(tmp_path: Path, content: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    assert read_manifest(path) is None


def test_store_export_union_writes_shared_triples_once(tmp_path: Path) -> None:
    from kg.export import export_store

    store = GraphStore(tmp_path / "s")
    store.add_nquads(
        document_nquads(extraction("ab" * 32)) + document_nquads(extraction("cd" * 32))
    )
    export_store(store.store, tmp_path / "g.nt", "ntriples")
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))
    label = f"<{ACME.iri}> <http://www.w3.org/2000/01/rdf-schema#label>"
    assert sum(line.startswith(label) for line in lines) == 1
    assert ox.Store  # the export above went through Oxigraph's writer
    store.close()
