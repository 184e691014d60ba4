"""Typed records that flow between the stages: document → mentions → relations → graph.

Every stage takes and returns these plain, immutable values, so each can be tested alone and
results can cross process boundaries (they pickle).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

RELATIONS: tuple[str, ...] = (
    "accuses",
    "partnersWith",
    "sues",
    "investigates",
    "develops",
    "leads",
    "investsIn",
)
"""Local names of the relation properties in ontology/kg.ttl, in display order."""

SYMMETRIC: frozenset[str] = frozenset({"partnersWith"})


@dataclass(frozen=True, slots=True)
class Document:
    """One input article: its text and where it came from."""

    name: str
    """The path as given or found, relative to the input folder where there was one."""
    text: str
    sha256: str
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A known (curated) or discovered entity."""

    iri: str
    label: str
    type: str
    """IRI of its class in the kg ontology."""
    aliases: tuple[str, ...] = ()
    curated: bool = True


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document that refers to an entity."""

    entity: str
    """IRI of the entity."""
    start: int
    end: int
    text: str
    resolution: str | None = None
    """How a reference such as "the company" was resolved; None for a name or alias."""


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation found in one sentence, with the evidence for it."""

    subject: str
    predicate: str
    """Local name, one of RELATIONS."""
    object: str
    sentence_start: int
    sentence_end: int
    start: int
    """Start of the matched words (the trigger and its arguments) in the document."""
    end: int
    matched: str
    rule: str
    confidence: float
    resolutions: tuple[str, ...] = ()
    claimed_by: str | None = None
    """IRI of the actor who claims this relation; None when the text states it as fact."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline found in one document."""

    document: Document
    entities: tuple[Entity, ...]
    """Every entity mentioned, curated or discovered."""
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    mention_counts: dict[str, int] = field(default_factory=dict)
