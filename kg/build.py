"""The build: read documents, extract, assemble the graph, write it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.documents import iter_documents
from kg.export import format_for, serialize
from kg.graph import build_dataset
from kg.ontology import load_ontology
from kg.records import RELATIONS


@dataclass
class BuildSummary:
    """What a build read and wrote, for the CLI to print."""

    output: Path
    format: str
    documents: int = 0
    entities: int = 0
    triples: int = 0
    relations: Counter[str] = field(default_factory=Counter)
    claims: int = 0

    def lines(self) -> list[str]:
        by_type = ", ".join(f"{name} {self.relations[name]}" for name in RELATIONS)
        return [
            f"documents  {self.documents}",
            f"entities   {self.entities}",
            f"relations  {sum(self.relations.values())} ({by_type})",
            f"claims     {self.claims}",
            f"triples    {self.triples}",
            f"wrote      {self.output} ({self.format})",
        ]


def build(
    inputs: Sequence[Path],
    output: Path,
    *,
    fmt: str | None = None,
    model: str | None = None,
    ontology_dir: Path | None = None,
) -> BuildSummary:
    """Build the graph of every document under `inputs` and write it to `output`."""
    fmt = format_for(output, fmt)
    ontology = load_ontology(ontology_dir)
    documents = list(iter_documents(inputs))
    from kg.extract import extract

    extractions = list(extract(documents, ontology, model=model))
    dataset = build_dataset(extractions, ontology)
    serialize(dataset, output, fmt)
    summary = BuildSummary(output=output, format=fmt, documents=len(documents))
    entities: set[str] = set()
    relations: set[tuple[str, str, str]] = set()
    for extraction in extractions:
        entities.update(e.iri for e in extraction.entities)
        for r in extraction.relations:
            if r.claimed_by:
                summary.claims += 1
            else:
                relations.add((r.subject, r.predicate, r.object))
    summary.entities = len(entities)
    summary.relations = Counter(p for _, p, _ in relations)
    summary.triples = len({(s, p, o) for s, p, o, _ in dataset.quads()})
    return summary
