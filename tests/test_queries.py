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


# ---------------------------------------------------------------- symmetric relations


def _rows(runner, query: str, *binds: str) -> list[dict[str, str]]:
    """The rows of a queries/ file on news.trig, as plain strings."""
    args = ["query", str(ROOT / "queries" / query), "-g", str(NEWS), "-f", "json"]
    for bind in binds:
        args += ["--bind", bind]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    solutions = ox.parse_query_results(result.stdout_bytes, format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


@pytest.mark.parametrize(
    ("subject", "obj"),
    [("Microsoft", "OpenAI"), ("OpenAI", "Microsoft")],
    ids=["text-direction", "other-direction"],
)
def test_queries_evidence_finds_symmetric_evidence_from_either_direction(
    runner, subject: str, obj: str
) -> None:
    """news.trig says 'Microsoft partners with OpenAI': one evidence node, Microsoft to OpenAI,
    which evidence.rq finds for the plain triple either way round."""
    rows = _rows(runner, "evidence.rq", f"subject=ent:{subject}", "relation=kg:partnersWith")
    assert [(r["subject"], r["object"]) for r in rows] == [
        (f"https://w3id.org/kg-news/entity/{subject}", f"https://w3id.org/kg-news/entity/{obj}")
    ]
    assert "Microsoft partners with OpenAI" in rows[0]["sentence"]


def test_queries_news_has_one_evidence_node_per_symmetric_relation(rdflib_news) -> None:
    rows = rdflib_news.query(
        "SELECT ?e WHERE { ?e <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> "
        "<https://w3id.org/kg-news/ontology#partnersWith> }"
    )
    assert len(rows) == 1


def test_queries_entity_shows_symmetric_relation_in_both_roles(runner) -> None:
    for entity in ("Microsoft", "OpenAI"):
        rows = _rows(runner, "entity.rq", f"entity=ent:{entity}")
        partner = [r for r in rows if r.get("relation", "").endswith("#partnersWith")]
        assert sorted((r["role"], r["sentences"]) for r in partner) == [
            ("object", "1"),
            ("subject", "1"),
        ]


def test_queries_partnership_and_relation_counts_count_one_sentence(runner) -> None:
    [pair] = _rows(runner, "partnerships.rq")
    assert (pair["partnerName"], pair["otherName"], pair["sentences"]) == (
        "Microsoft",
        "OpenAI",
        "1",
    )
    [counts] = [
        r for r in _rows(runner, "relation-counts.rq") if r["relation"].endswith("#partnersWith")
    ]
    assert (counts["relations"], counts["sentences"]) == ("1", "1")


@pytest.fixture(scope="module")
def reversed_partnership(tmp_path_factory: pytest.TempPathFactory, ontology) -> Path:
    """A graph whose one partnership is given as 'OpenAI partners with Microsoft', the other
    way round from the order partnerships.rq lists the pair in (Microsoft before OpenAI)."""
    import hashlib

    from kg.export import serialize
    from kg.graph import build_dataset
    from kg.namespaces import ENTITY, KG
    from kg.records import Document, Entity, Extraction, Relation

    text = "OpenAI partners with Microsoft."
    openai = Entity(str(ENTITY.OpenAI), "OpenAI", str(KG.Company))
    microsoft = Entity(str(ENTITY.Microsoft), "Microsoft", str(KG.Company))
    partners = Relation(
        openai.iri, "partnersWith", microsoft.iri, 0, len(text), 0, len(text) - 1,
        text[:-1], "test.partner", 0.9,
    )  # fmt: skip
    document = Document("r.txt", text, hashlib.sha256(text.encode()).hexdigest())
    extraction = Extraction(document, (microsoft, openai), (), (partners,), {})
    path = tmp_path_factory.mktemp("reversed") / "graph.trig"
    serialize(build_dataset([extraction], ontology), path, "trig")
    return path


def test_queries_symmetric_pair_finds_evidence_given_the_other_way(
    runner, reversed_partnership: Path
) -> None:
    base = ["query", "-g", str(reversed_partnership), "-f", "json"]
    results = {}
    for query in ("partnerships.rq", "relation-counts.rq", "evidence.rq"):
        result = runner.invoke(app, [base[0], str(ROOT / "queries" / query), *base[1:]])
        assert result.exit_code == 0, result.output
        solutions = ox.parse_query_results(result.stdout_bytes, format=ox.QueryResultsFormat.JSON)
        names = [v.value for v in solutions.variables]
        results[query] = [{n: s[n].value for n in names if s[n] is not None} for s in solutions]
    [pair] = results["partnerships.rq"]
    assert (pair["partnerName"], pair["otherName"], pair["sentences"]) == (
        "Microsoft",
        "OpenAI",
        "1",
    )
    [counts] = results["relation-counts.rq"]
    assert (counts["relations"], counts["sentences"]) == ("1", "1")
    assert len(results["evidence.rq"]) == 2  # the plain triple both ways, one sentence
    assert {r["sentence"] for r in results["evidence.rq"]} == {"OpenAI partners with Microsoft."}
