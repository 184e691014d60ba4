"""The first corpus end to end: `kg build` over seeds/, read back by two parsers and queried."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.cli import app
from tests.conftest import ROOT

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
ASSERTED = {"accusations.rq", "partnerships.rq", "lawsuits.rq", "relation-counts.rq",
            "entity.rq", "evidence.rq"}  # fmt: skip
"""Queries that must find rows in the seed graph (the seeds state no claims)."""


def test_seeds_export_parses_alike_in_rdflib_and_oxigraph(seed_graph: Path) -> None:
    graph = Graph().parse(seed_graph, format="turtle")
    store = ox.Store()
    store.load(path=str(seed_graph), format=ox.RdfFormat.TURTLE)
    assert len(graph) == len(store) > 500


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_seeds_query_file_runs(runner, seed_graph: Path, query: Path) -> None:
    result = runner.invoke(app, ["query", str(query), "-g", str(seed_graph), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = result.output.strip().splitlines()[1:]
    if query.name in ASSERTED:
        assert rows, f"{query.name} found nothing in the seed graph"


@pytest.mark.parametrize(
    ("subject", "relation", "obj"),
    [
        ("OpenAI", "accuses", "DeepSeek"),
        ("David_Sacks", "accuses", "DeepSeek"),
        ("Microsoft", "partnersWith", "OpenAI"),
        ("OpenAI", "partnersWith", "Microsoft"),
        ("The_New_York_Times", "sues", "OpenAI"),
        ("Sam_Altman", "leads", "OpenAI"),
        ("DeepSeek", "develops", "R1"),
        ("OpenAI", "investigates", "DeepSeek"),
        ("Microsoft", "investigates", "DeepSeek"),
    ],
)
def test_seeds_relation_is_answered_by_ask(runner, seed_graph, subject, relation, obj) -> None:
    ask = f"ASK {{ ent:{subject} kg:{relation} ent:{obj} }}"
    result = runner.invoke(app, ["query", "-q", ask, "-g", str(seed_graph)])
    assert result.exit_code == 0
    assert result.output.strip() == "yes"
