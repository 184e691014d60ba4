"""Documents in, what the store needs out: N-Quads bytes and small counts, in one or many jobs.

A `Producer` reads documents, extracts them, validates them if asked and writes each one as
N-Quads, so the process that owns the store only loads bytes into Oxigraph and turns them into
the export's format (work that balances the two processes of a one-job build).
Nothing big crosses a process boundary: a document comes back as bytes, never as an
`Extraction`.

Each job is a spawned process (safe on every platform, nothing inherited) that loads the
ontology and builds its spaCy pipeline once, then runs one long `nlp.pipe` stream over chunks of
documents taken from a shared queue. Both queues are bounded: memory stays flat however many
documents there are. Even one job runs apart from the process that writes the store: Oxigraph
releases the GIL only inside its loader, so in one process extraction and the writer's other
work (turning N-Quads into the export's format) take turns. On the benchmark corpus a one-job
build that extracted in the writing process took 26 s, against 20 s with a process of its own.
A build too small to repay a process start (`IN_PROCESS_BELOW`) runs in the calling process.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.documents import read_document
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.ontology import Ontology
    from kg.records import Extraction

_POLL_SECONDS = 0.5
CHUNK_DOCUMENTS = 16
"""Documents per task sent to a worker process."""
IN_PROCESS_BELOW = 64
"""Builds of fewer documents extract in the calling process: starting a process costs about
a second (Python, spaCy, the pipeline), as long as extracting some 60 news articles."""
SEEN_LIMIT = 50_000
"""Shared lines a producer remembers having sent; past this it forgets and starts again."""


@dataclass(frozen=True, slots=True)
class Produced:
    """One document, ready for the store and the export."""

    sha256: str
    own: bytes
    """N-Quads of the document's own graph."""
    shared: bytes
    """Its N-Quads in the shared graphs, less the lines this producer has already sent."""
    violations: int | None
    """SHACL violations, or None when not validated."""


class Producer:
    """Extract, validate and serialise documents with one spaCy pipeline, built once."""

    def __init__(
        self,
        ontology: Ontology,
        *,
        model: str | None = None,
        validate: bool = False,
        dedupe: bool = True,
        batch_size: int = 64,
    ) -> None:
        from kg.build import make_validator

        self.ontology = ontology
        self.model = model
        self.validator = make_validator(ontology) if validate else None
        self.batch_size = batch_size
        self.seen: set[str] | None = set() if dedupe else None

    def produce(self, items: Iterable[tuple[Path, str]]) -> Iterator[Produced]:
        """One Produced per (path, name), in order, streaming."""
        from kg.extract import extract

        documents = (read_document(path, name) for path, name in items)
        extractions = extract(
            documents, self.ontology, model=self.model, batch_size=self.batch_size
        )
        batch: list[Extraction] = []
        for extraction in extractions:
            batch.append(extraction)
            if len(batch) >= self.batch_size or self.validator is None:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, batch: list[Extraction]) -> Iterator[Produced]:
        """The documents as N-Quads; validated, if asked, before shared lines are deduplicated
        (the shapes need every document's entity descriptions)."""
        from kg.quads import document_parts, unseen_lines

        parts = [document_parts(extraction) for extraction in batch]
        counts: list[int | None] = [None] * len(batch)
        if self.validator is not None and batch:
            counts = list(self.validator([own + shared for own, shared in parts]))
        for extraction, (own, shared), count in zip(batch, parts, counts, strict=True):
            if self.seen is not None:
                if len(self.seen) > SEEN_LIMIT:
                    self.seen.clear()
                shared = unseen_lines(shared.splitlines(keepends=True), self.seen)
            yield Produced(
                extraction.document.sha256, own.encode("utf-8"), shared.encode("utf-8"), count
            )


def produce(
    items: Iterable[tuple[Path, str]],
    ontology: Ontology,
    *,
    model: str | None = None,
    validate: bool = False,
    dedupe: bool = True,
    jobs: int = 1,
    in_process: bool = False,
    batch_size: int = 64,
) -> Iterator[Produced]:
    """Produce every (path, name) document in `jobs` processes, or here if `in_process`.

    With several jobs the documents come back in the order they finish, not input order.
    `dedupe=False` keeps every shared line in every document (for shards, which stand alone).
    """
    settings = {
        "model": model,
        "validate": validate,
        "dedupe": dedupe,
        "batch_size": batch_size,
    }
    if in_process:
        yield from Producer(ontology, **settings).produce(items)
        return
    yield from _produce_in_processes(items, ontology.directory, settings, jobs)


def _worker(tasks: Any, results: Any, ontology_dir: Path, settings: dict[str, Any]) -> None:
    """Process body: one production stream over the queue's chunks, every outcome sent back."""
    from kg.ontology import load_ontology

    def items() -> Iterator[tuple[Path, str]]:
        while (chunk := tasks.get()) is not None:
            yield from chunk

    try:
        producer = Producer(load_ontology(ontology_dir), **settings)
        batch: list[Produced] = []
        for produced in producer.produce(items()):
            batch.append(produced)
            if len(batch) >= CHUNK_DOCUMENTS:
                results.put(("ok", batch))
                batch = []
        if batch:
            results.put(("ok", batch))
    except KgError as err:
        results.put(("error", type(err), str(err)))
        return
    except BaseException as err:  # report anything else to the parent, which raises it
        results.put(("crash", type(err).__name__, str(err)))
        return
    results.put(("done", None))


def _chunks(items: Iterable[tuple[Path, str]], size: int) -> Iterator[list[tuple[Path, str]]]:
    chunk: list[tuple[Path, str]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _produce_in_processes(
    items: Iterable[tuple[Path, str]],
    ontology_dir: Path,
    settings: dict[str, Any],
    jobs: int,
) -> Iterator[Produced]:
    context = mp.get_context("spawn")
    tasks = context.Queue(maxsize=jobs * 4)
    results = context.Queue(maxsize=jobs * 64)  # ~100 KiB each: room while a batch loads
    workers = [
        context.Process(
            target=_worker,
            args=(tasks, results, ontology_dir, settings),
            name=f"kg-extract-{n}",
            daemon=True,
        )
        for n in range(jobs)
    ]
    for worker in workers:
        worker.start()
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                tasks.put(item, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def feed() -> None:
        try:
            for chunk in _chunks(items, CHUNK_DOCUMENTS):
                if not put(chunk):
                    return
        finally:
            for _ in workers:
                put(None)

    feeder = threading.Thread(target=feed, name="kg-feed", daemon=True)
    feeder.start()
    running = jobs
    try:
        while running:
            try:
                message = results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                _check_alive(workers, results.empty)
                continue
            kind = message[0]
            if kind == "ok":
                yield from message[1]
            elif kind == "done":
                running -= 1
            elif kind == "error":
                raise message[1](message[2])
            else:
                raise KgError(f"extraction worker failed: {message[1]}: {message[2]}")
    finally:
        stop.set()
        for worker in workers:
            if worker.is_alive() and running:
                worker.terminate()
        for worker in workers:
            worker.join(timeout=5)
        tasks.cancel_join_thread()
        results.cancel_join_thread()


def _check_alive(workers: list[Any], drained: Callable[[], bool]) -> None:
    if not all(w.is_alive() for w in workers) and drained():
        dead = [w for w in workers if not w.is_alive() and w.exitcode != 0]
        if dead:
            raise KgError(f"extraction worker {dead[0].name} died (exit code {dead[0].exitcode})")
