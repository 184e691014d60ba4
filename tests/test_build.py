"""kg build end to end on a small corpus: incremental reuse, removal, rebuilds, jobs, atomicity."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.build import build, make_validator
from kg.errors import InputError
from kg.export import FORMATS
from kg.namespaces import ENTITY, KG
from kg.store import manifest_path, read_manifest, store_path
from tests.conftest import ROOT, assert_isomorphic

CORPUS = {
    "a.txt": "date 2025-01-29\nOpenAI sued Microsoft over the contract.",
    "b.txt": "Nvidia partnered with Microsoft on chips. The FTC is investigating Nvidia.",
    "c.md": "Anthropic developed Claude. Amazon invested in Anthropic.",
    "d.txt": "Sam Altman leads OpenAI. Elon Musk accused OpenAI of fraud.",
}


def write_corpus(folder: Path, documents: dict[str, str] = CORPUS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def union(path: Path) -> Graph:
    """The export read back as one graph (rdflib's parser, independent of the store)."""
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}.get(path.suffix)
    if fmt is not None:
        return Graph().parse(path, format=fmt)
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(path, format={".nq": "nquads", ".trig": "trig"}[path.suffix])
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def run(corpus: Path, out: Path, **options) -> object:
    return build([corpus], out, progress=False, validate=options.pop("validate", False), **options)


@pytest.mark.parametrize("second", ["unchanged"])
def test_build_second_run_extracts_nothing(tmp_path: Path, second: str) -> None:
    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "out" / "graph.ttl"
    first = run(corpus, out)
    assert (first.extracted, first.reused, first.removed, first.full) == (4, 0, 0, True)
    again = run(corpus, out)
    assert (again.extracted, again.reused, again.removed, again.full) == (0, 4, 0, False)
    assert again.relations == first.relations


def test_build_changed_document_is_extracted_again(tmp_path: Path) -> None:
    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    run(corpus, out)
    (corpus / "a.txt").write_text("OpenAI sued Nvidia over chips.", encoding="utf-8")
    summary = run(corpus, out)
    assert (summary.extracted, summary.reused, summary.removed) == (1, 3, 1)
    graph = union(out)
    assert (URIRef(ENTITY["OpenAI"]), KG.sues, URIRef(ENTITY["Nvidia"])) in graph
    assert (URIRef(ENTITY["OpenAI"]), KG.sues, URIRef(ENTITY["Microsoft"])) not in graph


def test_build_deleted_document_loses_its_graph_and_relations(tmp_path: Path) -> None:
    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    run(corpus, out)
    before = read_manifest(manifest_path(out))
    (corpus / "c.md").unlink()
    summary = run(corpus, out)
    assert (summary.extracted, summary.reused, summary.removed) == (0, 3, 1)
    after = read_manifest(manifest_path(out))
    assert before is not None and after is not None
    assert len(after.documents) == 3 and set(after.documents) < set(before.documents)
    graph = union(out)
    assert (URIRef(ENTITY["Anthropic"]), KG.develops, None) not in graph
    assert len(set(graph.objects(None, KG.fileName))) == 3
    assert "c.md" not in {str(o) for o in graph.objects(None, KG.fileName)}
    fresh = tmp_path / "fresh.ttl"
    run(corpus, fresh)
    assert_isomorphic(union(fresh), graph)


def test_build_changed_rules_force_full_rebuild(tmp_path: Path) -> None:
    ontology = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", ontology)
    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    run(corpus, out, ontology_dir=ontology)
    with (ontology / "kg.ttl").open("a", encoding="utf-8") as handle:
        handle.write("\n# touched\n")
    assert run(corpus, out, ontology_dir=ontology).extracted == 4
    assert run(corpus, out, ontology_dir=ontology).extracted == 0
    pattern = sorted((ontology / "patterns").glob("*.json"))[0]
    pattern.write_text(pattern.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert run(corpus, out, ontology_dir=ontology).full


def test_build_fingerprint_covers_the_code_of_the_rules(tmp_path: Path) -> None:
    """Rules live in code as much as in data: an edited module changes the fingerprint."""
    from kg.build import PACKAGE, rules_fingerprint
    from kg.ontology import load_ontology

    code = tmp_path / "kg"
    shutil.copytree(PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__", "assets"))
    ontology = load_ontology(ROOT / "ontology")
    before = rules_fingerprint(ontology, code)
    assert rules_fingerprint(ontology) == rules_fingerprint(ontology, PACKAGE) == before
    module = code / "extract" / "relations.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert rules_fingerprint(ontology, code) != before


def test_build_rebuild_starts_over(tmp_path: Path) -> None:
    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    run(corpus, out)
    first = out.read_bytes()
    summary = run(corpus, out, rebuild=True)
    assert (summary.extracted, summary.full) == (4, True)
    assert_isomorphic(Graph().parse(data=first, format="turtle"), union(out))


def test_build_in_process_one_process_and_two_give_the_same_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = {f"{n:02}-{name}": text for n in range(5) for name, text in CORPUS.items()}
    documents = {name: f"{text}\nIssue {n}." for n, (name, text) in enumerate(documents.items())}
    corpus = write_corpus(tmp_path / "news", documents)
    here, one, two = tmp_path / "here.nt", tmp_path / "one.nt", tmp_path / "two.nt"
    monkeypatch.setattr("kg.workers.IN_PROCESS_BELOW", len(documents) + 1)
    run(corpus, here, jobs=1)
    monkeypatch.setattr("kg.workers.IN_PROCESS_BELOW", 1)  # one job, in a process of its own
    run(corpus, one, jobs=1)
    summary = run(corpus, two, jobs=2)
    assert summary.extracted == len(documents)
    assert_isomorphic(union(here), union(one))
    assert_isomorphic(union(here), union(two))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_build_failure_leaves_existing_output_byte_identical(tmp_path: Path, fmt: str) -> None:
    corpus = write_corpus(tmp_path / "news")
    out = tmp_path / f"graph{FORMATS[fmt]}"
    run(corpus, out)
    export, manifest = out.read_bytes(), manifest_path(out).read_bytes()
    (corpus / "zz-last.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError, match=r"zz-last\.txt"):
        run(corpus, out)
    assert out.read_bytes() == export
    assert manifest_path(out).read_bytes() == manifest
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["news", out.name, manifest_path(out).name, store_path(out).name]
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_build_every_format_holds_the_same_graph(tmp_path: Path, fmt: str) -> None:
    corpus = write_corpus(tmp_path / "news")
    reference, out = tmp_path / "graph.ttl", tmp_path / f"graph{FORMATS[fmt]}"
    run(corpus, reference)
    run(corpus, out)
    assert_isomorphic(union(reference), union(out))


def test_build_manifest_vouches_for_export(tmp_path: Path) -> None:
    import hashlib

    from kg.graph import document_iri
    from kg.records import Document

    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    run(corpus, out, validate=True)
    manifest = read_manifest(manifest_path(out))
    assert manifest is not None and manifest.state == "complete"
    assert (manifest.export_path, manifest.format) == ("graph.ttl", "turtle")
    assert manifest.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    for sha, doc in manifest.documents.items():
        assert doc.graph == str(document_iri(Document(doc.name, "", sha)))
    assert manifest.extra["violations"] == dict.fromkeys(manifest.documents, 0)


def test_build_store_answers_kg_query(tmp_path: Path) -> None:
    from kg.sparql import open_graph

    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    run(corpus, out)
    store = open_graph(out)
    assert store.query(f"ASK {{ ?s <{KG.sues}> ?o }}", use_default_graph_as_union=True)
    assert not isinstance(store, type(None)) and len(store) > 0


def kg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"bad.txt": b"\xff\xfe not utf-8"}, "bad.txt: not UTF-8"),
        ({"bin.txt": b"\x00\x00"}, "bin.txt: binary file"),
        ({"empty.txt": b"  \n"}, "empty.txt: empty document"),
    ],
    ids=["non-utf8", "binary", "empty"],
)
def test_build_cli_bad_input_is_one_line(tmp_path: Path, files: dict, message: str) -> None:
    corpus = write_corpus(tmp_path / "news")
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    result = kg("build", "news", "-o", "out/graph.ttl", cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_build_cli_summary_counts_reuse(tmp_path: Path) -> None:
    write_corpus(tmp_path / "news")
    first = kg("build", "news", "-o", "out/graph.ttl", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "4 extracted, 0 reused, 0 removed" in first.stdout
    assert "validation conforms" in first.stdout
    second = kg("build", "news", "-o", "out/graph.ttl", "--jobs", "2", cwd=tmp_path)
    assert "0 extracted, 4 reused, 0 removed" in second.stdout
    assert second.stderr == ""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["query", "--help"]])
def test_cli_start_imports_neither_spacy_nor_pyvis(args: list[str]) -> None:
    code = (
        "import sys\nfrom kg.cli import app\n"
        f"try:\n    app({args!r}, prog_name='kg')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'pyvis') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


STREAMED = ["turtle", "ntriples", "nquads", "trig"]


@pytest.mark.parametrize("fmt", STREAMED)
def test_build_added_documents_are_appended_to_the_export(tmp_path: Path, fmt: str) -> None:
    corpus, out = write_corpus(tmp_path / "news"), tmp_path / f"graph{FORMATS[fmt]}"
    run(corpus, out)
    before = out.read_bytes()
    (corpus / "e.txt").write_text("Meta sued OpenAI. OpenAI partnered with Nvidia.", "utf-8")
    summary = run(corpus, out)
    assert (summary.extracted, summary.reused, summary.full) == (1, 4, False)
    assert out.read_bytes().startswith(before)
    fresh = tmp_path / "fresh" / out.name
    run(corpus, fresh)
    assert_isomorphic(union(fresh), union(out))
    assert summary.relations == run(corpus, fresh, rebuild=True).relations
    manifest = read_manifest(manifest_path(out))
    assert manifest is not None and manifest.state == "complete"


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_build_streamed_export_equals_export_from_the_store(tmp_path: Path, fmt: str) -> None:
    from kg.export import export_store
    from kg.store import GraphStore

    corpus, out = write_corpus(tmp_path / "news"), tmp_path / f"graph{FORMATS[fmt]}"
    run(corpus, out)
    store = GraphStore(store_path(out))
    reference = tmp_path / f"reference{FORMATS[fmt]}"
    export_store(store.store, reference, fmt)
    store.close()
    assert_isomorphic(union(reference), union(out))


@pytest.mark.parametrize("change", ["touched", "unchanged"])
def test_build_scan_reads_only_files_whose_size_or_mtime_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    import os

    import kg.build

    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    for path in corpus.iterdir():  # settled files: old enough for their stat to stand for them
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    run(corpus, out)
    manifest = read_manifest(manifest_path(out))
    assert manifest is not None and len(manifest.extra["files"]) == len(CORPUS)
    if change == "touched":
        (corpus / "a.txt").write_text(CORPUS["a.txt"].replace("sued", "SUED"), "utf-8")
    read: list[str] = []
    original = kg.build.read_document

    def counting(path: Path, name: str | None = None):
        read.append(path.name)
        return original(path, name)

    monkeypatch.setattr(kg.build, "read_document", counting)
    summary = run(corpus, out)
    assert read == (["a.txt"] if change == "touched" else [])
    assert summary.extracted == (1 if change == "touched" else 0)


@pytest.mark.parametrize("change", ["added", "deleted", "changed", "renamed", "unchanged"])
def test_build_incremental_summary_and_manifest_match_the_store(
    tmp_path: Path, change: str
) -> None:
    from kg.store import GraphStore

    corpus, out = write_corpus(tmp_path / "news"), tmp_path / "graph.ttl"
    run(corpus, out)
    if change == "added":
        (corpus / "e.txt").write_text("Meta sued OpenAI. Meta partnered with Nvidia.", "utf-8")
    elif change == "deleted":
        (corpus / "b.txt").unlink()
    elif change == "changed":
        (corpus / "b.txt").write_text("Nvidia partnered with Meta on chips.", "utf-8")
    elif change == "renamed":
        (corpus / "b.txt").rename(corpus / "b2.txt")
    summary = run(corpus, out)
    manifest = read_manifest(manifest_path(out))
    store = GraphStore(store_path(out))
    try:
        assert summary.statements == len(store.store)
        assert manifest is not None and manifest.documents == store.documents()
    finally:
        store.close()


@pytest.mark.parametrize("fmt", ["ntriples"])
def test_build_edited_export_is_written_again_not_appended_to(tmp_path: Path, fmt: str) -> None:
    corpus, out = write_corpus(tmp_path / "news"), tmp_path / f"graph{FORMATS[fmt]}"
    run(corpus, out)
    data = out.read_bytes()
    out.write_bytes(data.replace(b"Microsoft", b"Microsofx"))  # same size, new mtime
    (corpus / "e.txt").write_text("Meta sued OpenAI.", "utf-8")
    summary = run(corpus, out)
    assert (summary.extracted, summary.full) == (1, False)
    assert b"Microsofx" not in out.read_bytes()
    fresh = tmp_path / "fresh" / out.name
    run(corpus, fresh)
    assert_isomorphic(union(fresh), union(out))


def test_build_validator_counts_violations_per_document() -> None:
    from kg.extract import extract
    from kg.ontology import load_ontology
    from kg.quads import document_nquads
    from kg.records import Document

    ontology = load_ontology()
    documents = [
        Document(name=name, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
        for name, text in list(CORPUS.items())[:2]
    ]
    good, other = (document_nquads(e) for e in extract(documents, ontology))
    broken = "".join(
        line for line in other.splitlines(keepends=True) if "characterCount" not in line
    )
    check = make_validator(ontology)
    assert check is not None
    assert check([good, other]) == [0, 0]
    counts = check([good, broken])
    assert counts[0] == 0 and counts[1] > 0
