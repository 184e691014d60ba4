"""Shards: one N-Quads file per document, so extraction can run anywhere and load anywhere.

A shard folder holds `<document sha256>.nq` (that document's named graph, exactly what a build
puts in the store), `ontology.nq` (the vocabulary graph) and `shards.json` (the rules
fingerprint). Every file is written atomically, so a folder shared between machines never shows
half a shard. `extract_to_shard` is the map step a distributed engine runs per document (see
bench/README.md for Dask); `kg load` is the reduce step.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import GraphError, InputError
from kg.export import write_atomically

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.records import Document, Extraction

VOCABULARY_SHARD = "ontology.nq"
INDEX_FILE = "shards.json"
_SHARD_NAME = re.compile(r"^[0-9a-f]{64}\.nq$")


@dataclass(frozen=True, slots=True)
class ShardSet:
    """What a shard folder holds."""

    directory: Path
    documents: dict[str, Path]
    """Document SHA-256 → its shard file."""
    fingerprint: str | None


def shard_path(directory: Path, sha256: str) -> Path:
    return directory / f"{sha256}.nq"


def write_shard(path: Path, nquads: str | bytes) -> None:
    data = nquads.encode("utf-8") if isinstance(nquads, str) else nquads
    write_atomically(path, lambda out: out.write(data))


def write_index(directory: Path, fingerprint: str, vocabulary_nquads: str) -> None:
    """Write the vocabulary shard and the index that records which rules made the shards."""
    write_shard(directory / VOCABULARY_SHARD, vocabulary_nquads)
    data = json.dumps({"fingerprint": fingerprint}, indent=1).encode("utf-8")
    write_atomically(directory / INDEX_FILE, lambda out: out.write(data + b"\n"))


def read_shards(directory: Path) -> ShardSet:
    """The shards in a folder; an error naming the folder when it holds none."""
    if not directory.is_dir():
        raise InputError("no such shard folder", path=directory)
    documents = {
        path.stem: path for path in sorted(directory.iterdir()) if _SHARD_NAME.match(path.name)
    }
    fingerprint = None
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        fingerprint = json.loads((directory / INDEX_FILE).read_text(encoding="utf-8"))[
            "fingerprint"
        ]
    if not documents:
        raise InputError("no document shards (<sha256>.nq) in the folder", path=directory)
    return ShardSet(directory, documents, fingerprint)


def vocabulary_shard(directory: Path) -> str | None:
    path = directory / VOCABULARY_SHARD
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise GraphError(f"cannot read: {err}", path=path) from None


# ---------------------------------------------------------------- the map step


def extract_to_shard(
    path: str | Path,
    name: str,
    directory: str | Path,
    ontology_dir: str | Path,
    model: str | None = None,
) -> str:
    """Read one document, extract it and write its shard; returns the shard's file name.

    Safe to run in any worker process of any machine that sees `path` and `directory`; the
    pipeline is built once per process and reused for every later document.
    """
    from kg.documents import read_document
    from kg.quads import document_nquads

    document = read_document(Path(path), name)
    target = shard_path(Path(directory), document.sha256)
    extraction = _extract_one(document, str(ontology_dir), model)
    write_shard(target, document_nquads(extraction))
    return target.name


def _extract_one(document: Document, ontology_dir: str, model: str | None) -> Extraction:
    from kg.extract import to_extraction

    return to_extraction(_pipeline(ontology_dir, model)(document.text), document)


@lru_cache(maxsize=2)
def _pipeline(ontology_dir: str, model: str | None) -> Language:
    """One spaCy pipeline per worker process, built on first use."""
    from kg.extract import make_pipeline
    from kg.ontology import load_ontology

    return make_pipeline(load_ontology(Path(ontology_dir)), model)


# ---------------------------------------------------------------- the reduce step


def load(
    directory: Path,
    output: Path,
    *,
    fmt: str | None = None,
    store: Path | None = None,
    endpoint: str | None = None,
    rebuild: bool = False,
) -> list[str]:
    """Bring a store (and its export) or a SPARQL server up to date with a shard folder.

    Returns the summary lines for the CLI.
    """
    shards = read_shards(directory)
    if endpoint is not None:
        return _push(shards, endpoint)
    if store is not None:
        return _load_store(shards, store, rebuild=rebuild)
    from kg.build import synchronise
    from kg.export import format_for
    from kg.workers import Produced

    fmt = format_for(output, fmt)
    vocabulary = vocabulary_shard(directory) or _local_vocabulary()
    summary = synchronise(
        dict.fromkeys(shards.documents),
        output,
        fmt,
        fingerprint=shards.fingerprint,
        vocabulary=vocabulary,
        produce=lambda shas: (
            Produced(sha, shards.documents[sha].read_bytes(), b"", None) for sha in shas
        ),
        rebuild=rebuild,
        validated=False,
    )
    return summary.lines()


def _local_vocabulary() -> str:
    from kg.build import vocabulary_nquads
    from kg.ontology import load_ontology

    return vocabulary_nquads(load_ontology())


def _load_store(shards: ShardSet, folder: Path, *, rebuild: bool) -> list[str]:
    """Load into a bare store folder: one transaction per shard, gone documents dropped."""
    from kg.store import GraphStore

    store = GraphStore(folder)
    try:
        stored = {} if rebuild else store.documents()
        if rebuild:
            store.store.clear()
        todo = [sha for sha in shards.documents if sha not in stored]
        gone = [doc for sha, doc in stored.items() if sha not in shards.documents]
        store.replace_vocabulary(vocabulary_shard(shards.directory) or _local_vocabulary())
        for sha in todo:
            store.load_file(shards.documents[sha])
        for doc in gone:
            store.remove_graph(doc.graph)
        if gone:
            store.collect_garbage()
        store.flush()
        statements = len(store.store)
    finally:
        store.close()
    return [
        f"documents  {len(shards.documents)} ({len(todo)} loaded, "
        f"{len(shards.documents) - len(todo)} reused, {len(gone)} removed)",
        f"statements {statements} (quads in the store)",
        f"store      {folder}",
    ]


PUSH_BATCH_BYTES = 32 << 20


def _push(shards: ShardSet, endpoint: str) -> list[str]:
    """POST the shards to a Graph Store endpoint in batches of whole documents (kg.push)."""
    import tempfile

    from kg.push import push

    files = [*shards.documents.values()]
    if (vocabulary := shards.directory / VOCABULARY_SHARD).is_file():
        files.insert(0, vocabulary)
    statements = requests = 0
    with tempfile.TemporaryDirectory(prefix="kg-push-") as scratch:
        batch_path = Path(scratch) / "batch.nq"
        index = 0
        while index < len(files):
            size = 0
            with batch_path.open("wb") as batch:
                while index < len(files) and (size == 0 or size < PUSH_BATCH_BYTES):
                    data = files[index].read_bytes()
                    batch.write(data if data.endswith(b"\n") or not data else data + b"\n")
                    size += len(data)
                    index += 1
            result = push(batch_path, endpoint)
            statements += result.statements
            requests += 1
    return [
        f"documents  {len(shards.documents)}",
        f"pushed     {statements} quads to {endpoint} in {requests} requests",
    ]
