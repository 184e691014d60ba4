"""Extraction in worker processes: documents out, `Extraction` records back.

Each worker is a spawned process (safe on every platform, nothing inherited) that loads the
ontology and builds its spaCy pipeline once, then runs one long `kg.extract.extract` stream over
the documents it takes from a shared queue, so `nlp.pipe` batches as it would in one process.
Both queues are bounded: memory stays flat however many documents there are.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.documents import read_document
from kg.errors import KgError
from kg.records import Extraction

_POLL_SECONDS = 0.5


def extract_paths(
    items: Iterable[tuple[Path, str]],
    ontology_dir: Path,
    *,
    model: str | None = None,
    jobs: int = 1,
    batch_size: int = 64,
) -> Iterator[Extraction]:
    """Extract every (path, name) document, in `jobs` processes when more than one.

    With several jobs the extractions come back in the order they finish, not input order.
    """
    if jobs <= 1:
        yield from _extract_here(items, ontology_dir, model, batch_size)
        return
    yield from _extract_in_processes(items, ontology_dir, model, jobs, batch_size)


def _extract_here(
    items: Iterable[tuple[Path, str]], ontology_dir: Path, model: str | None, batch_size: int
) -> Iterator[Extraction]:
    from kg.extract import extract
    from kg.ontology import load_ontology

    ontology = load_ontology(ontology_dir)
    documents = (read_document(path, name) for path, name in items)
    yield from extract(documents, ontology, model=model, batch_size=batch_size)


def _worker(
    tasks: Any, results: Any, ontology_dir: Path, model: str | None, batch_size: int
) -> None:
    """Process body: one extraction stream over the queue, every outcome sent back."""

    def documents() -> Iterator[tuple[Path, str]]:
        while (item := tasks.get()) is not None:
            yield item

    try:
        for extraction in _extract_here(documents(), ontology_dir, model, batch_size):
            results.put(("ok", extraction))
    except KgError as err:
        results.put(("error", type(err), str(err)))
        return
    except BaseException as err:  # report anything else to the parent, which raises it
        results.put(("crash", type(err).__name__, str(err)))
        return
    results.put(("done", None))


def _extract_in_processes(
    items: Iterable[tuple[Path, str]],
    ontology_dir: Path,
    model: str | None,
    jobs: int,
    batch_size: int,
) -> Iterator[Extraction]:
    context = mp.get_context("spawn")
    tasks = context.Queue(maxsize=jobs * batch_size * 2)
    results = context.Queue(maxsize=jobs * batch_size * 2)
    workers = [
        context.Process(
            target=_worker,
            args=(tasks, results, ontology_dir, model, batch_size),
            name=f"kg-extract-{n}",
            daemon=True,
        )
        for n in range(jobs)
    ]
    for worker in workers:
        worker.start()
    stop = threading.Event()

    def feed() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        tasks.put(item, timeout=_POLL_SECONDS)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
        finally:
            for _ in workers:
                while not stop.is_set():
                    try:
                        tasks.put(None, timeout=_POLL_SECONDS)
                        break
                    except queue.Full:
                        continue

    feeder = threading.Thread(target=feed, name="kg-feed", daemon=True)
    feeder.start()
    running = jobs
    try:
        while running:
            try:
                message = results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if not all(w.is_alive() for w in workers) and results.empty():
                    dead = [w for w in workers if not w.is_alive() and w.exitcode != 0]
                    if dead:
                        raise KgError(
                            f"extraction worker {dead[0].name} died (exit code {dead[0].exitcode})"
                        ) from None
                continue
            kind = message[0]
            if kind == "ok":
                yield message[1]
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
