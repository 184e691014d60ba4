"""Exports written in chunks: prefix lines once, chunks that parse, atomic replacement."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.export import ExportStream, export_header, nquads_chunk

NQUADS = (
    b"<https://w3id.org/kg-news/entity/A> <https://w3id.org/kg-news/ontology#sues> "
    b"<https://w3id.org/kg-news/entity/B> <https://w3id.org/kg-news/document/x> .\n"
    b'<https://w3id.org/kg-news/document/x> <http://www.w3.org/2000/01/rdf-schema#label> "a\\nb" '
    b"<https://w3id.org/kg-news/document/x> .\n"
)
FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
           "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}  # fmt: skip


def parsed(data: bytes, fmt: str) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(data, FORMATS[fmt])}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_chunks_under_one_header_parse_as_their_quads(fmt: str) -> None:
    chunk = nquads_chunk(NQUADS, fmt)
    assert not chunk.startswith(b"@prefix")
    data = export_header(fmt) + chunk + chunk
    assert parsed(data, fmt) == parsed(NQUADS, "nquads")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_stream_appends_to_a_copy_and_replaces_on_commit(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "g.out"
    first = ExportStream(path, fmt)
    first.write(nquads_chunk(NQUADS, fmt))
    first.commit()
    old = path.read_bytes()
    more = NQUADS.replace(b"entity/B", b"entity/C")
    second = ExportStream(path, fmt, append=True)
    second.write(nquads_chunk(more, fmt))
    assert path.read_bytes() == old
    second.commit()
    assert path.read_bytes().startswith(old)
    assert parsed(path.read_bytes(), fmt) == parsed(NQUADS + more, "nquads")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.out"]


@pytest.mark.parametrize("fmt", ["turtle"])
def test_export_stream_abort_leaves_the_old_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "g.ttl"
    path.write_bytes(b"# old\n")
    stream = ExportStream(path, fmt, append=True)
    stream.write(b"half a chunk")
    stream.abort()
    assert path.read_bytes() == b"# old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]


@pytest.mark.parametrize("fmt", ["jsonld"])
def test_export_stream_refuses_formats_that_cannot_be_chunked(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(ValueError, match="cannot be streamed"):
        ExportStream(tmp_path / "g.jsonld", fmt)
