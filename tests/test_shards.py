"""kg build --shards then kg load gives the graph a plain build gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.shards import load, read_shards
from kg.store import manifest_path, read_manifest
from tests.conftest import assert_isomorphic
from tests.test_build import run, union, write_corpus


@pytest.mark.parametrize("fmt", ["graph.ttl"])
def test_shards_load_equals_plain_build(tmp_path: Path, fmt: str) -> None:
    corpus = write_corpus(tmp_path / "news")
    plain, loaded, shards = tmp_path / "plain" / fmt, tmp_path / "loaded" / fmt, tmp_path / "sh"
    run(corpus, plain)
    summary = build([corpus], plain, shards=shards, progress=False)
    assert summary.extracted == 4
    assert len(read_shards(shards).documents) == 4
    load(shards, loaded)
    assert_isomorphic(union(plain), union(loaded))
    manifest = read_manifest(manifest_path(loaded))
    assert manifest is not None and len(manifest.documents) == 4


def test_shards_incremental_and_removal(tmp_path: Path) -> None:
    corpus, shards, out = write_corpus(tmp_path / "news"), tmp_path / "sh", tmp_path / "g.nt"
    build([corpus], out, shards=shards, progress=False)
    load(shards, out)
    (corpus / "b.txt").unlink()
    again = build([corpus], out, shards=shards, progress=False)
    assert (again.extracted, again.reused, again.removed) == (0, 3, 1)
    lines = load(shards, out)
    assert "0 extracted, 3 reused, 1 removed" in lines[0]
    plain = tmp_path / "plain.nt"
    run(corpus, plain)
    assert_isomorphic(union(plain), union(out))


def test_shards_load_into_bare_store(tmp_path: Path) -> None:
    import pyoxigraph as ox

    corpus, shards = write_corpus(tmp_path / "news"), tmp_path / "sh"
    build([corpus], tmp_path / "unused.ttl", shards=shards, progress=False)
    lines = load(shards, tmp_path / "unused.ttl", store=tmp_path / "bare")
    assert "4 loaded" in lines[0]
    store = ox.Store.read_only(str(tmp_path / "bare"))
    # four documents, plus the shared vocabulary, entity and relation graphs
    assert len(list(store.named_graphs())) == 4 + 3


def test_shards_reload_into_bare_store_drops_what_only_removed_documents_supported(
    tmp_path: Path,
) -> None:
    import pyoxigraph as ox

    from kg.namespaces import ENTITIES_GRAPH, ENTITY, KG, RELATIONS_GRAPH

    corpus, shards, bare = write_corpus(tmp_path / "news"), tmp_path / "sh", tmp_path / "bare"
    build([corpus], tmp_path / "unused.ttl", shards=shards, progress=False)
    load(shards, tmp_path / "unused.ttl", store=bare)
    (corpus / "b.txt").unlink()  # the only document about Nvidia
    build([corpus], tmp_path / "unused.ttl", shards=shards, progress=False)
    assert "1 removed" in load(shards, tmp_path / "unused.ttl", store=bare)[0]
    store = ox.Store.read_only(str(bare))
    nvidia = ox.NamedNode(str(ENTITY["Nvidia"]))
    partners = ox.NamedNode(str(KG.partnersWith))
    relations, entities = ox.NamedNode(str(RELATIONS_GRAPH)), ox.NamedNode(str(ENTITIES_GRAPH))
    assert not list(store.quads_for_pattern(nvidia, partners, None, relations))
    assert not list(store.quads_for_pattern(None, partners, nvidia, relations))
    assert not list(store.quads_for_pattern(nvidia, None, None, entities))
    openai = ox.NamedNode(str(ENTITY["OpenAI"]))
    assert list(store.quads_for_pattern(openai, None, None, entities))
