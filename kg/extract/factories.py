"""Every spaCy component of kg, registered in one place with what it requires and assigns.

Components are built from the ontology and the pattern data, which spaCy's config system cannot
serialise, so `make_pipeline` binds them to the Language object before adding the components;
nothing is registered with force=True and no extension is set at import time. kg_dependency
imports its module only when a pipeline with a parser builds it, so the rule-based default
never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.claims import QuoteFinder
from kg.extract.coref import CorefResolver
from kg.extract.entities import MentionFinder
from kg.extract.patterns import PatternSet
from kg.extract.relations import RelationFinder
from kg.extract.stops import AbbreviationStops
from kg.ontology import Ontology

if TYPE_CHECKING:
    from kg.extract.dependency import DependencyFinder

DOC_EXTENSIONS = (
    "kg_words",
    "kg_lower",
    "kg_refs",
    "kg_entities",
    "kg_quotes",
    "kg_candidates",
    "kg_relations",
)
_CONTEXT: dict[int, tuple[Ontology, PatternSet]] = {}
"""id(nlp) → the data its kg components are built from, set by bind_context."""


def setup_extensions() -> None:
    """Declare kg's Doc extensions once; later calls leave existing ones alone."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def bind_context(nlp: Language, ontology: Ontology, patterns: PatternSet) -> None:
    """Make the ontology and patterns available to the factories building nlp's components."""
    _CONTEXT[id(nlp)] = (ontology, patterns)


def _context(nlp: Language) -> tuple[Ontology, PatternSet]:
    try:
        return _CONTEXT[id(nlp)]
    except KeyError:
        raise ValueError("kg components are built by kg.extract.make_pipeline") from None


@Language.factory("kg_stops", assigns=["token.text"])
def make_stops(nlp: Language, name: str) -> AbbreviationStops:
    return AbbreviationStops(nlp)


@Language.factory(
    "kg_mentions",
    requires=["doc.sents"],
    assigns=["doc._.kg_refs", "doc._.kg_entities", "doc._.kg_words", "doc._.kg_lower"],
)
def make_mentions(nlp: Language, name: str) -> MentionFinder:
    return MentionFinder(nlp, *_context(nlp))


@Language.factory(
    "kg_coref",
    requires=["doc.sents", "doc._.kg_refs", "doc._.kg_entities"],
    assigns=["doc._.kg_refs"],
)
def make_coref(nlp: Language, name: str) -> CorefResolver:
    return CorefResolver(nlp, *_context(nlp))


@Language.factory(
    "kg_quotes",
    requires=["doc._.kg_refs", "doc._.kg_entities"],
    assigns=["doc._.kg_quotes", "doc._.kg_refs"],
)
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(*_context(nlp))


@Language.factory(
    "kg_dependency",
    requires=["token.dep", "token.head", "token.tag", "doc._.kg_refs", "doc._.kg_entities"],
    assigns=["doc._.kg_candidates", "doc._.kg_refs", "doc._.kg_entities"],
)
def make_dependency(nlp: Language, name: str) -> DependencyFinder:
    from kg.extract.dependency import DependencyFinder

    return DependencyFinder(nlp, *_context(nlp))


@Language.factory(
    "kg_relations",
    requires=["doc.sents", "doc._.kg_refs", "doc._.kg_entities", "doc._.kg_quotes"],
    assigns=["doc._.kg_relations"],
)
def make_relations(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp, *_context(nlp))
