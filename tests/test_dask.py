"""Extraction as a dask.distributed job on a local cluster: its shards load to the plain graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import rules_fingerprint, vocabulary_nquads
from kg.documents import find_documents
from kg.ontology import load_ontology
from kg.shards import extract_to_shard, load, write_index
from tests.conftest import ROOT, assert_isomorphic
from tests.test_build import run, union, write_corpus


@pytest.mark.dask
@pytest.mark.parametrize("workers", [2])
def test_dask_extraction_job_equals_plain_build(tmp_path: Path, workers: int) -> None:
    distributed = pytest.importorskip("dask.distributed")
    corpus, shards = write_corpus(tmp_path / "news"), tmp_path / "shards"
    shards.mkdir()
    ontology = load_ontology(ROOT / "ontology")
    write_index(shards, rules_fingerprint(ontology), vocabulary_nquads(ontology))
    paths = find_documents([corpus])
    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        futures = client.map(
            extract_to_shard,
            [str(path) for path, _ in paths],
            [name for _, name in paths],
            directory=str(shards),
            ontology_dir=str(ontology.directory),
        )
        written = client.gather(futures)
    assert len(written) == len(paths)
    loaded, plain = tmp_path / "loaded.ttl", tmp_path / "plain.ttl"
    load(shards, loaded)
    run(corpus, plain)
    assert_isomorphic(union(plain), union(loaded))
