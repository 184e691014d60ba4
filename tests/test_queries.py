"""Every query in queries/ runs, and gives the same rows under kg query, Oxigraph's own CLI
and rdflib's SPARQL engine, on the same exported file (tests/data/graphs/news.trig)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from kg.cli import app
from tests.conftest import DATA, ROOT, need_tool

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
NEWS = DATA / "graphs" / "news.trig"
_NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#" + t for t in ("decimal", "integer", "double", "float")
}


def oxigraph_tool() -> str:
    """The oxigraph CLI: on PATH, or installed beside this Python (the venv is not activated)."""
    beside = shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    return beside or need_tool("oxigraph", "the Oxigraph server CLI, PyPI package oxigraph")


Row = frozenset[tuple[str, tuple[str, str]]]


def _key(term: object) -> tuple[str, str]:
    """A term as a comparable value: numbers by value, so 0.90 and 0.9 are the same decimal."""
    if isinstance(term, ox.NamedNode | URIRef):
        return ("iri", str(term.value if isinstance(term, ox.NamedNode) else term))
    if isinstance(term, ox.BlankNode | BNode):
        return ("bnode", "")
    if isinstance(term, ox.Literal):
        lexical, datatype, lang = term.value, term.datatype.value, term.language
    else:
        assert isinstance(term, Literal), term
        lexical = str(term)
        lang = term.language
        datatype = str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")
    if lang:
        return ("lang", f"{lexical}@{lang.lower()}")
    if datatype in _NUMERIC:
        try:
            return ("number", str(Decimal(lexical).normalize()))
        except InvalidOperation:
            pass
    return (datatype, lexical)


def _oxigraph_rows(data: bytes) -> set[Row]:
    results = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in results.variables]
    return {frozenset((n, _key(s[n])) for n in names if s[n] is not None) for s in results}


@pytest.fixture(scope="module")
def rdflib_news() -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(NEWS, format="trig")
    return dataset


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_queries_file_opens_with_a_comment_saying_what_it_answers(query: Path) -> None:
    lines = query.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and len(lines[0]) > 20
    assert any("Bindings" in line for line in lines if line.startswith("#"))


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_queries_file_returns_rows_under_kg_query(runner, query: Path) -> None:
    result = runner.invoke(app, ["query", str(query), "-g", str(NEWS)])
    assert result.exit_code == 0, result.output
    assert "(0 rows)" not in result.output


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_queries_file_agrees_with_rdflib(runner, rdflib_news: Dataset, query: Path) -> None:
    ours = runner.invoke(app, ["query", str(query), "-g", str(NEWS), "-f", "json"])
    assert ours.exit_code == 0, ours.output
    theirs = rdflib_news.query(query.read_text(encoding="utf-8"))
    names = [str(v) for v in theirs.vars]
    rows = {frozenset((n, _key(row[n])) for n in names if row[n] is not None) for row in theirs}
    assert _oxigraph_rows(ours.stdout_bytes) == rows


@pytest.mark.store
@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_queries_file_agrees_with_oxigraph_cli(runner, oxigraph_news: Path, query: Path) -> None:
    ours = runner.invoke(app, ["query", str(query), "-g", str(NEWS), "-f", "json"])
    assert ours.exit_code == 0, ours.output
    done = subprocess.run(
        [
            oxigraph_tool(),
            "query",
            "--location",
            str(oxigraph_news),
            "--query-file",
            str(query),
            "--results-format",
            "json",
            "--union-default-graph",
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert _oxigraph_rows(ours.stdout_bytes) == _oxigraph_rows(done.stdout)


@pytest.fixture(scope="module")
def oxigraph_news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture graph loaded by the oxigraph CLI into its own store."""
    tool = oxigraph_tool()
    location = tmp_path_factory.mktemp("oxigraph") / "store"
    subprocess.run(
        [tool, "load", "--location", str(location), "--file", str(NEWS)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return location
