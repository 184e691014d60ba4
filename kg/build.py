"""The build: read documents, extract, write them to the persistent store, export, vouch.

A build streams: documents are read, extracted (in batches through `nlp.pipe`, in `jobs`
processes if asked), turned into N-Quads and added to the Oxigraph store a batch at a time, so
memory stays flat as the corpus grows. It is incremental: documents are known by the SHA-256 of
their text, so a second build extracts only new or changed documents and drops the named graphs
of documents that are gone. A change to the rules (ontology/*.ttl, ontology/shapes.ttl,
ontology/patterns/*.json, kg's own code) or `rebuild=True` starts over in a fresh store that
replaces the old one only when complete.

What is kept when things go wrong:
- an existing export is replaced only by a complete new one (temporary file + rename);
- the store changes one transaction per batch of whole documents, and describes its own content
  (each document graph states its kg:sha256), so an interrupted build is resumed by the next;
- the manifest is written last; while a build is under way it says "building", so `kg query`
  reads the (old, intact) export rather than a store that no longer matches it.
- A graph that breaks the SHACL shapes is still written; the summary counts the violations and
  the CLI exits 1, so scripts notice and a person can inspect the output with `kg validate`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.documents import find_documents, read_document
from kg.errors import UsageError
from kg.export import (
    STREAMED_FORMATS,
    ExportStream,
    export_store,
    format_for,
    nquads_chunk,
    quads_chunk,
)
from kg.namespaces import ONTOLOGY_GRAPH
from kg.ontology import SHAPES_FILE, Ontology, load_ontology
from kg.progress import BuildProgress
from kg.quads import graph_nquads
from kg.records import RELATIONS
from kg.store import (
    GraphStore,
    Manifest,
    StoredDocument,
    export_matches,
    file_sha256,
    file_stamp,
    fresh_store,
    manifest_path,
    read_manifest,
    replace_store,
    store_path,
)
from kg.workers import Produced

BATCH_DOCUMENTS = 128
"""Documents written to the store together. Each `bulk_load` call makes RocksDB files that are
then merged: batches of 128 documents instead of 16 cut the CPU time of a build of 325,000
words by a quarter (15.2 s to 11.4 s). The extraction processes' queue has room for them
while a batch loads (Oxigraph holds the GIL, so the receiving thread waits)."""
BATCH_BYTES = 16 << 20
"""…or fewer, once their N-Quads reach this size."""


@dataclass(frozen=True, slots=True)
class Source:
    """An input document as found: where it is, its name, the hash of its text."""

    path: Path
    name: str
    sha256: str


@dataclass
class BuildSummary:
    """What a build read and wrote, for the CLI to print."""

    output: Path
    format: str
    documents: int = 0
    extracted: int = 0
    reused: int = 0
    removed: int = 0
    full: bool = True
    entities: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    statements: int = 0
    validated: bool = True
    violations: int = 0
    unvalidated: int = 0
    store: Path | None = None

    @property
    def conforms(self) -> bool:
        return self.violations == 0

    def lines(self) -> list[str]:
        if self.store is None:
            return [
                f"documents  {self.documents} ({self.extracted} extracted, {self.reused} reused, "
                f"{self.removed} removed)",
                f"wrote      {self.output} (one {self.format} file per document)",
            ]
        by_type = ", ".join(f"{name} {self.relations.get(name, 0)}" for name in RELATIONS)
        kind = "full build" if self.full else "incremental"
        lines = [
            f"documents  {self.documents} ({self.extracted} extracted, {self.reused} reused, "
            f"{self.removed} removed; {kind})",
            f"entities   {self.entities}",
            f"relations  {sum(self.relations.values())} ({by_type})",
            f"claims     {self.claims}",
            f"statements {self.statements} (quads in the store)",
        ]
        if not self.validated:
            lines.append("validation skipped")
        elif self.violations:
            lines.append(f"validation {self.violations} violations (run `kg validate` to list)")
        else:
            unchecked = f" ({self.unvalidated} documents not validated)" if self.unvalidated else ""
            lines.append(f"validation conforms{unchecked}")
        if self.store is not None:
            lines.append(f"store      {self.store}")
        lines.append(f"wrote      {self.output} ({self.format})")
        return lines


PACKAGE = Path(__file__).resolve().parent


def rules_fingerprint(ontology: Ontology, code: Path = PACKAGE) -> str:
    """SHA-256 over everything that decides what a document yields: a change means rebuild.

    That is the ontology and pattern data, and the code of the `code` package too: much of the
    rules is code, and a checkout that changes it under the same version must not keep graphs
    the new rules would not make. Hashing the sources costs about a millisecond.
    """
    digest = hashlib.sha256(f"kg {__version__}\0{ontology.fingerprint}\0".encode())
    extra = [ontology.directory / SHAPES_FILE]
    patterns = ontology.directory / "patterns"
    if patterns.is_dir():
        extra += sorted(patterns.glob("*.json"))
    for path in extra:
        if path.is_file():
            name = path.relative_to(ontology.directory).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(code.rglob("*.py")):
        name = path.relative_to(code).as_posix()
        digest.update(b"code/" + name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


STABLE_SECONDS = 2
"""A file's size and mtime stand for its hash only if it had not changed for this long."""

FileCache = dict[str, list[Any]]
"""Absolute path → [size, mtime_ns, SHA-256 of the text], kept in the manifest."""


def scan(inputs: Iterable[Path], known: FileCache | None = None) -> tuple[list[Source], FileCache]:
    """Find and check every document, keeping only its hash: a bad file fails the build early.

    A file whose size and modification time are those `known` (the last build's manifest)
    recorded is not read again; any other file is read, checked and hashed. Only files that
    had been left alone for `STABLE_SECONDS` are recorded, so a file written twice within one
    tick of the clock is never mistaken for unchanged. Documents with the same text are one
    document (the first name found is kept).
    """
    known = known if isinstance(known, dict) else {}
    settled = time.time_ns() - STABLE_SECONDS * 1_000_000_000
    sources: dict[str, Source] = {}
    files: FileCache = {}
    for path, name in find_documents(inputs):
        key = os.path.abspath(path)
        try:
            stat = path.stat()
        except OSError:
            read_document(path, name)  # raises the error a user should see
            raise
        entry = known.get(key)
        if _unchanged(entry, stat.st_size, stat.st_mtime_ns):
            sha = entry[2]
        else:
            sha = read_document(path, name).sha256
        if stat.st_mtime_ns < settled:
            files[key] = [stat.st_size, stat.st_mtime_ns, sha]
        sources.setdefault(sha, Source(path, name, sha))
    return list(sources.values()), files


def _unchanged(entry: Any, size: int, mtime_ns: int) -> bool:
    return (
        isinstance(entry, list)
        and len(entry) == 3
        and entry[0] == size
        and entry[1] == mtime_ns
        and isinstance(entry[2], str)
        and len(entry[2]) == 64
    )


def vocabulary_nquads(ontology: Ontology) -> str:
    return graph_nquads(ontology.graph, str(ONTOLOGY_GRAPH))


def build(
    inputs: Sequence[Path],
    output: Path,
    *,
    fmt: str | None = None,
    model: str | None = None,
    ontology_dir: Path | None = None,
    jobs: int = 1,
    rebuild: bool = False,
    shards: Path | None = None,
    validate: bool = True,
    progress: bool | None = None,
) -> BuildSummary:
    """Bring the store beside `output` up to date with the documents under `inputs`, export it.

    With `shards`, write one N-Quads file per document into that folder instead (and no store
    or export); `kg load` reads them.
    """
    fmt = format_for(output, fmt)
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    ontology = load_ontology(ontology_dir)
    fingerprint = rules_fingerprint(ontology)
    manifest = None if shards is not None else read_manifest(manifest_path(output))
    known = (
        manifest.extra.get("files") if manifest and manifest.fingerprint == fingerprint else None
    )
    sources, files = scan(inputs, known)
    by_sha = {source.sha256: source for source in sources}

    def produce(shas: list[str], **settings: Any) -> Iterator[Produced]:
        from kg.workers import IN_PROCESS_BELOW
        from kg.workers import produce as run

        items = ((by_sha[sha].path, by_sha[sha].name) for sha in shas)
        in_process = jobs == 1 and len(shas) < IN_PROCESS_BELOW
        yield from run(items, ontology, model=model, jobs=jobs, in_process=in_process, **settings)

    if shards is not None:
        return _build_shards(
            sources,
            shards,
            output,
            fmt,
            ontology,
            fingerprint,
            lambda shas: produce(shas, dedupe=False),
            rebuild=rebuild,
            progress=progress,
        )
    current = {source.sha256: source.name for source in sources}
    return synchronise(
        current,
        output,
        fmt,
        fingerprint=fingerprint,
        vocabulary=vocabulary_nquads(ontology),
        produce=lambda shas: produce(shas, validate=validate),
        chunks=fmt in STREAMED_FORMATS,
        rebuild=rebuild,
        validated=validate,
        progress=progress,
        files=files,
    )


def synchronise(
    current: dict[str, str | None],
    output: Path,
    fmt: str,
    *,
    fingerprint: str | None,
    vocabulary: str,
    produce: Callable[[list[str]], Iterator[Produced]],
    chunks: bool = False,
    rebuild: bool = False,
    validated: bool = True,
    progress: bool | None = None,
    files: FileCache | None = None,
) -> BuildSummary:
    """Make the store hold exactly the documents in `current` (SHA-256 → name), then export.

    A document already in the store under another name is produced again; a name of None
    matches any.

    `produce` yields the N-Quads of the documents it is asked for (by extracting them, or by
    reading their shards). Shared by `kg build` and `kg load`. With `chunks`, each document's
    own graph is turned into the export format as it is loaded, and the export is written as
    the documents arrive (after a full build) or appended to (after a build that only adds
    documents); otherwise it is streamed out of the store at the end.
    """
    store_dir, manifest_file = store_path(output), manifest_path(output)
    manifest = read_manifest(manifest_file)
    full = (
        rebuild
        or fingerprint is None
        or manifest is None
        or manifest.fingerprint != fingerprint
        or not store_dir.is_dir()
    )
    summary = BuildSummary(
        output=output,
        format=fmt,
        full=full,
        documents=len(current),
        validated=validated,
        store=store_dir,
    )
    old_checks = manifest.extra.get("violations", {}) if manifest and not full else {}
    violations: dict[str, int | None] = {}
    if full:
        with fresh_store(store_dir) as store:
            store.add_nquads(vocabulary)
            export = ExportStream(output, fmt) if chunks else None
            with _exporting(export, store, output, fmt) as exported:
                if export is not None:
                    export.write(nquads_chunk(vocabulary.encode("utf-8"), fmt))
                _write(store, list(current), produce, violations, progress, export)
                summary.extracted = len(current)
                summary.removed = len(set(manifest.documents) - set(current)) if manifest else 0
                if export is not None:
                    export.write(quads_chunk(store.shared_quads(), fmt))
            _count(store, summary)
            documents = store.documents()
            replace_store(store, store_dir)
    else:
        assert manifest is not None
        store = GraphStore(store_dir)
        try:
            stored = _stored_documents(store, manifest)
            todo = [
                sha
                for sha, name in current.items()
                if sha not in stored or (name is not None and stored[sha].name != name)
            ]
            gone = [doc for sha, doc in stored.items() if sha not in current]
            summary.extracted, summary.removed = len(todo), len(gone)
            summary.reused = len(current) - len(todo)
            intact = manifest.state == "complete" and export_matches(output, manifest)
            exported = _Exported(manifest.sha256 if intact else None)
            statements = manifest.extra.get("statements") if intact else None
            statements = statements if isinstance(statements, int) else None
            documents = stored
            if todo or gone or not intact:
                building = Manifest(
                    manifest.export_path,
                    manifest.format,
                    "",
                    manifest.fingerprint,
                    dict(manifest.documents),
                    state="building",
                    extra=manifest.extra,
                )
                building.write(manifest_file)
                had_vocabulary = store.has_vocabulary()
                replaced = [sha for sha in todo if sha in stored]
                dropped = [stored[sha] for sha in replaced] + gone
                append = chunks and intact and had_vocabulary and not dropped
                if statements is not None:
                    statements -= store.shared_size()
                    statements -= sum(store.graph_size(doc.graph) for doc in dropped)
                if not had_vocabulary:
                    store.add_nquads(vocabulary)
                for sha in replaced:
                    store.remove_graph(stored[sha].graph)
                export = ExportStream(output, fmt, append=True) if append else None
                with _exporting(export, store, output, fmt) as exported:
                    _write(store, todo, produce, violations, progress, export)
                    for doc in gone:
                        store.remove_graph(doc.graph)
                    if gone or replaced:
                        store.collect_garbage()
                    store.flush()
                    added = store.documents(_graph_names(violations))
                    kept = {doc.sha256 for doc in dropped}
                    documents = {sha: d for sha, d in stored.items() if sha not in kept} | added
                    if statements is not None:
                        statements += store.shared_size()
                        statements += sum(store.graph_size(doc.graph) for doc in added.values())
            _count(store, summary, statements)
        finally:
            store.close()
        for sha in current:
            if sha not in violations:
                violations[sha] = old_checks.get(sha)
    checks = {sha: violations.get(sha) for sha in current}
    summary.violations = sum(n for n in checks.values() if n)
    summary.unvalidated = sum(1 for n in checks.values() if n is None) if validated else 0
    extra: dict[str, Any] = {
        "violations": checks,
        "statements": summary.statements,
        "export_stamp": file_stamp(output),
    }
    if files is not None:
        extra["files"] = files
    Manifest(
        export_path=output.name,
        format=fmt,
        sha256=exported.sha256 or file_sha256(output),
        fingerprint=fingerprint or "",
        documents=documents,
        extra=extra,
    ).write(manifest_file)
    return summary


@dataclass
class _Exported:
    """The SHA-256 of the export, once written (or vouched for by the manifest)."""

    sha256: str | None = None


@contextlib.contextmanager
def _exporting(
    export: ExportStream | None, store: GraphStore, output: Path, fmt: str
) -> Iterator[_Exported]:
    """Finish the export when the body succeeds: commit the stream, or write it from the store.

    On failure the streamed export is abandoned and the existing file stays as it was.
    """
    exported = _Exported()
    try:
        yield exported
    except BaseException:
        if export is not None:
            export.abort()
        raise
    if export is not None:
        exported.sha256 = export.commit()
    else:
        exported.sha256 = export_store(store.store, output, fmt)


def _write(
    store: GraphStore,
    shas: list[str],
    produce: Callable[[list[str]], Iterator[Produced]],
    violations: dict[str, int | None],
    progress: bool | None,
    export: ExportStream | None,
) -> None:
    """Add the produced documents to the store, a batch of whole documents per transaction.

    With `export`, each document's chunk is appended to it, and so is every shared triple the
    store did not hold before (in a fresh store these come at the end, all at once).
    """
    if not shas:
        return
    writer = _Writer(store, export)
    batch: list[Produced] = []
    size = 0
    try:
        with BuildProgress(len(shas), enabled=progress) as bar:
            for produced in produce(shas):
                violations[produced.sha256] = produced.violations
                batch.append(produced)
                size += len(produced.own) + len(produced.shared)
                if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_BYTES:
                    writer.put(batch)
                    bar.advance(len(batch))
                    batch, size = [], 0
            writer.put(batch)
            bar.advance(len(batch))
            writer.close()
    finally:
        writer.abort()


class _Writer:
    """Loads batches into the store, and appends them to the export, in a thread of its own.

    Documents keep arriving (from the extraction processes, or being extracted here) while a
    batch loads: pyoxigraph releases the GIL while it loads, so a one-job build extracts and
    loads at once. Batches are written in order; the queue holds two, so memory stays bounded.
    The first error stops the writing and is raised in the caller's thread.
    """

    def __init__(self, store: GraphStore, export: ExportStream | None) -> None:
        self.store, self.export = store, export
        self.queue: queue.Queue[list[Produced] | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self.thread.start()

    def put(self, batch: list[Produced]) -> None:
        if self.error is not None:
            raise self.error
        if batch:
            self.queue.put(batch)

    def close(self) -> None:
        """Wait until every batch is written; raise the writer's error if it had one."""
        self.stopped = False
        self._finish()
        if self.error is not None:
            raise self.error

    def abort(self) -> None:
        """Stop writing (what is queued is dropped) and wait for the thread."""
        self.stopped = True
        self._finish()

    def _finish(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.error is None and not self.stopped:
                try:
                    self._load(batch)
                except BaseException as err:  # raised again in the caller's thread
                    self.error = err

    def _load(self, batch: list[Produced]) -> None:
        if self.export is not None:
            if not self.store.bulk:
                shared = self.store.new_quads(p.shared for p in batch)
                self.export.write(quads_chunk(shared, self.export.format))
            for produced in batch:
                self.export.write(nquads_chunk(produced.own, self.export.format))
        self.store.add_nquads(b"".join(part for p in batch for part in (p.own, p.shared)))


def make_validator(ontology: Ontology) -> Callable[[list[str]], list[int]] | None:
    """SHACL violations per document, given each one's N-Quads: a batch at once, each alone only
    if the batch fails."""
    if not (ontology.directory / SHAPES_FILE).is_file():
        return None
    from kg.validate import validate

    def check(batch: list[str]) -> list[int]:
        if validate("".join(batch).encode("utf-8"), ontology.directory).conforms:
            return [0] * len(batch)
        return [
            len(validate(nquads.encode("utf-8"), ontology.directory).violations) for nquads in batch
        ]

    return check


def _stored_documents(store: GraphStore, manifest: Manifest) -> dict[str, StoredDocument]:
    """The documents in the store: the manifest's list when the store holds exactly those."""
    if manifest.state == "complete":
        listed = {doc.graph for doc in manifest.documents.values()}
        if store.document_graphs() == listed:
            return dict(manifest.documents)
    return store.documents()


def _graph_names(shas: Iterable[str]) -> list[str]:
    from kg.graph import document_iri
    from kg.records import Document

    return [str(document_iri(Document("", "", sha))) for sha in shas]


def _count(store: GraphStore, summary: BuildSummary, statements: int | None = None) -> None:
    counts = store.counts(statements)
    summary.relations = {name: counts[name] for name in RELATIONS}
    summary.entities = counts["entities"]
    summary.claims = counts["claims"]
    summary.statements = counts["statements"]


def _build_shards(
    sources: list[Source],
    directory: Path,
    output: Path,
    fmt: str,
    ontology: Ontology,
    fingerprint: str,
    produce: Callable[[list[str]], Iterator[Produced]],
    *,
    rebuild: bool,
    progress: bool | None,
) -> BuildSummary:
    """Write a shard per document that has none (or all, when the rules changed)."""
    from kg.shards import read_shards, shard_path, write_index, write_shard

    directory.mkdir(parents=True, exist_ok=True)
    try:
        existing = read_shards(directory)
        have = set(existing.documents) if existing.fingerprint == fingerprint else set()
    except Exception:  # an empty or new folder
        have = set()
    if rebuild:
        have = set()
    current = {source.sha256 for source in sources}
    todo = [source.sha256 for source in sources if source.sha256 not in have]
    gone = [
        path for path in directory.glob("*.nq") if path.stem not in current and len(path.stem) == 64
    ]
    write_index(directory, fingerprint, vocabulary_nquads(ontology))
    with BuildProgress(len(todo), enabled=progress) as bar:
        for produced in produce(todo):
            write_shard(shard_path(directory, produced.sha256), produced.own + produced.shared)
            bar.advance()
    for path in gone:
        path.unlink(missing_ok=True)
    return BuildSummary(
        output=directory,
        format="N-Quads",
        documents=len(sources),
        extracted=len(todo),
        reused=len(sources) - len(todo),
        removed=len(gone),
        validated=False,
        store=None,
    )
