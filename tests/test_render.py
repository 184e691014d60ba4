"""kg/render.py without a browser: the page's data, its escaping, its policy and the CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.cli import app
from kg.export import serialize
from kg.graph import build_dataset
from kg.namespaces import ENTITY, KG
from kg.records import RELATIONS, Document, Entity, Extraction, Relation
from kg.render import embed_json, page_data, page_html, render

VIZ = Path(__file__).resolve().parent / "data" / "viz"

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '"><svg onload=window.__pwned=3>',
    "javascript:window.__pwned=4",
    "</script><script>window.__pwned=5</script>",
    "' onmouseover='window.__pwned=6",
    '<iframe srcdoc="<script>parent.__pwned=7</script>">',
    '"><img src=x onerror=window.__pwned=8>.txt',
    "<script>document.title='pwned'</script>",
    "<!-- <script>",
    "{{ 7*7 }}",
]
"""Every hostile string in tests/data/viz/extractions.json, each whole in one field."""


def fixture_extractions(path: Path = VIZ / "extractions.json") -> list[Extraction]:
    """Extractions from the hand-made fixture, offsets computed from the quoted words."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    entities = {
        key: Entity(
            iri=str(ENTITY[key]),
            label=e["label"],
            type=str(KG[e["type"]]),
            aliases=tuple(e["aliases"]),
            curated=e.get("curated", True),
        )
        for key, e in spec["entities"].items()
    }
    extractions = []
    for doc in spec["documents"]:
        text = doc["text"]
        document = Document(
            name=doc["name"],
            text=text,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            date=dt.date.fromisoformat(doc["date"]) if doc["date"] else None,
        )
        relations = []
        for r in doc["relations"]:
            sentence_start = text.index(r["sentence"])
            start = text.index(r["matched"], sentence_start)
            relations.append(
                Relation(
                    subject=entities[r["s"]].iri,
                    predicate=r["p"],
                    object=entities[r["o"]].iri,
                    sentence_start=sentence_start,
                    sentence_end=sentence_start + len(r["sentence"]),
                    start=start,
                    end=start + len(r["matched"]),
                    matched=r["matched"],
                    rule=r["rule"],
                    confidence=r["confidence"],
                    claimed_by=entities[r["claimedBy"]].iri if r.get("claimedBy") else None,
                )
            )
        used = set(doc["mentions"]) | {k for r in doc["relations"] for k in (r["s"], r["o"])}
        extractions.append(
            Extraction(
                document=document,
                entities=tuple(entities[k] for k in sorted(used)),
                mentions=(),
                relations=tuple(relations),
                mention_counts={entities[k].iri: n for k, n in doc["mentions"].items()},
            )
        )
    return extractions


def write_fixture_graph(ontology, path: Path, fmt: str = "trig") -> Path:
    serialize(build_dataset(fixture_extractions(), ontology), path, fmt)
    return path


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[tuple[str, dict[str, str | None], str]] = []
        self._open: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data):
        if self._open:
            self.blocks.append((*self._open, data))
            self._open = None


def parse_page(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory, ontology) -> tuple[Path, str, dict]:
    folder = tmp_path_factory.mktemp("viz")
    graph = write_fixture_graph(ontology, folder / "news.trig")
    page = render(graph, folder / "graph.html", title=PAYLOADS[0])
    html = page.path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert block is not None
    return page.path, html, json.loads(block.group(1))


# ---------------------------------------------------------------- escaping


@pytest.mark.parametrize("payload", [*PAYLOADS, "a\u2028b\u2029c", "</SCRIPT >&amp;"])
def test_render_embed_json_escapes_markup_characters(payload: str) -> None:
    text = embed_json({"name": payload, "list": [payload]})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"name": payload, "list": [payload]}


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if "<" in p or ">" in p])
def test_render_page_never_contains_markup_from_data(fixture_page, payload: str) -> None:
    _, html, _ = fixture_page
    assert payload not in html


def test_render_page_data_keeps_every_payload_as_text(fixture_page) -> None:
    _, _, data = fixture_page
    text = json.dumps(data, ensure_ascii=False)
    for payload in PAYLOADS:
        assert json.dumps(payload, ensure_ascii=False)[1:-1] in text, payload


def test_render_title_is_escaped_in_head_and_heading(fixture_page) -> None:
    _, html, data = fixture_page
    assert data["title"] == PAYLOADS[0]
    assert html.count("&lt;script&gt;window.__pwned=1&lt;/script&gt;") == 2


# ---------------------------------------------------------------- self-contained, strict policy


def test_render_page_loads_nothing_by_url(fixture_page) -> None:
    _, html, _ = fixture_page
    elements = parse_page(html)
    for tag, attrs in elements.tags:
        assert not {"src", "href", "srcset", "action", "data"} & set(attrs), (tag, attrs)
        assert tag not in {"link", "iframe", "object", "embed", "img", "base"}, tag
    assert "sourceMappingURL" not in html
    assert not re.search(r"cdn|bootstrap|tom-select|googleapis|unpkg", html, re.I)


def test_render_csp_allows_exactly_the_inline_blocks(fixture_page) -> None:
    _, html, _ = fixture_page
    elements = parse_page(html)
    metas = [a for t, a in elements.tags if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1
    policy = dict((part.split()[0], part.split()[1:]) for part in metas[0]["content"].split("; "))
    assert policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]
    assert policy["base-uri"] == ["'none'"]
    executable = [body for tag, attrs, body in elements.blocks if tag == "script" and not attrs]
    styles = [body for tag, _, body in elements.blocks if tag == "style"]
    assert len(executable) == 2
    assert sorted(policy["script-src"]) == sorted(_hash(body) for body in executable)
    assert policy["style-src"] == [_hash(body) for body in styles]
    assert "unsafe" not in metas[0]["content"]
    data_blocks = [a for t, a, _ in elements.blocks if t == "script" and a]
    assert data_blocks == [{"type": "application/json", "id": "kg-data"}]


def _hash(body: str) -> str:
    import base64

    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


# ---------------------------------------------------------------- what the page shows


def _edges(data: dict) -> dict[tuple[str, str, str], dict]:
    return {(e["from"], e["kg"]["relation"], e["to"]): e for e in data["edges"]}


def test_render_one_node_per_entity_typed_and_sized(fixture_page) -> None:
    _, _, data = fixture_page
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len(nodes) == len(data["nodes"]) == 9
    openai = nodes[str(ENTITY.OpenAI)]
    assert openai["kg"]["type"] == str(KG.Company)
    assert openai["kg"]["documents"] == 2
    assert openai["kg"]["mentions"] == openai["value"] == 10
    assert openai["kg"]["aliases"] == ["javascript:window.__pwned=4", "Open AI"]
    shapes = {n["kg"]["type"]: (n["shape"], n["color"]["background"]) for n in data["nodes"]}
    assert len(set(shapes.values())) == len(shapes)
    assert {c["id"]: c["label"] for c in data["classes"]}[str(KG.GovernmentBody)] == (
        "government body"
    )


def test_render_every_relation_between_a_pair_is_an_edge(fixture_page) -> None:
    _, _, data = fixture_page
    edges = _edges(data)
    openai, deepseek = str(ENTITY.OpenAI), str(ENTITY.DeepSeek)
    pair = [edges[(openai, "accuses", deepseek)], edges[(openai, "sues", deepseek)]]
    pair.append(edges[(deepseek, "accuses", openai)])
    assert len(data["edges"]) == 11
    assert len({_bend_side(e) for e in pair}) == 3
    assert all(e["arrows"] == "to" for e in pair)
    assert pair[0]["label"] == "accuses"
    assert len({e["id"] for e in data["edges"]}) == 11


def _bend_side(edge: dict) -> float:
    """Signed bend as seen from the lesser node to the greater: edges between one pair must
    differ here or they are drawn on top of each other."""
    smooth = edge["smooth"]
    if not smooth["enabled"]:
        return 0.0
    side = smooth["roundness"] * (1 if smooth["type"] == "curvedCW" else -1)
    return side if edge["from"] <= edge["to"] else -side


def test_render_symmetric_relation_is_one_two_headed_edge(fixture_page) -> None:
    _, _, data = fixture_page
    partners = [e for e in data["edges"] if e["kg"]["relation"] == "partnersWith"]
    assert len(partners) == 1
    assert partners[0]["arrows"] == "to, from"
    assert partners[0]["label"] == "partners with"
    assert len(partners[0]["kg"]["evidence"]) == 2


def test_render_symmetric_edge_shows_evidence_given_in_either_direction(fixture_page) -> None:
    """The fixture states 'Microsoft partners with OpenAI' in one document and 'OpenAI partners
    with Microsoft' in the other; each has one evidence node, in its own direction, and the one
    two-headed edge shows both sentences."""
    _, _, data = fixture_page
    [edge] = [e for e in data["edges"] if e["kg"]["relation"] == "partnersWith"]
    matched = sorted(evidence["sentence"][1] for evidence in edge["kg"]["evidence"])
    assert matched == ["partners with Microsoft", "partners with OpenAI"]


def test_render_claim_is_dashed_and_attributed(fixture_page) -> None:
    _, _, data = fixture_page
    edge = _edges(data)[(str(ENTITY.Microsoft), "investigates", str(ENTITY.DeepSeek))]
    assert edge["dashes"] is True and edge["kg"]["claim"] is True
    [evidence] = edge["kg"]["evidence"]
    assert evidence["claim"] is True
    assert evidence["claimedBy"] == "The Daily {{ 7*7 }}"
    assert sum(e["dashes"] for e in data["edges"]) == 1


@pytest.mark.parametrize(
    ("subject", "relation", "obj", "matched"),
    [
        ("FTC", "investigates", "Microsoft", "investigating Microsoft"),
        ("OpenAI", "accuses", "DeepSeek", "OpenAI accused DeepSeek"),
    ],
)
def test_render_evidence_cuts_out_the_matched_words(
    fixture_page, subject: str, relation: str, obj: str, matched: str
) -> None:
    _, _, data = fixture_page
    edge = _edges(data)[(str(ENTITY[subject]), relation, str(ENTITY[obj]))]
    for evidence in edge["kg"]["evidence"]:
        assert evidence["sentence"][1] == matched
        assert evidence["document"]
        assert 0 < evidence["confidence"] <= 1
    dated = [e for e in edge["kg"]["evidence"] if e["date"]]
    assert all(e["date"] == "2025-01-29" for e in dated)


def test_render_legend_lists_only_relations_present(fixture_page) -> None:
    _, _, data = fixture_page
    assert [r["id"] for r in data["relations"]] == list(RELATIONS)
    assert {r["id"]: r["count"] for r in data["relations"]}["accuses"] == 3


@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_render_reads_triple_and_quad_formats_alike(tmp_path, ontology, fmt: str) -> None:
    suffix = {"turtle": ".ttl", "nquads": ".nq"}[fmt]
    graph = write_fixture_graph(ontology, tmp_path / f"news{suffix}", fmt)
    store_free = page_data(_store(graph), title="t")
    assert len(store_free["nodes"]) == 9
    assert len(store_free["edges"]) == 11


def _store(path: Path):
    from kg.sparql import open_graph

    return open_graph(path)


def test_render_page_html_is_deterministic(tmp_path, ontology) -> None:
    graph = write_fixture_graph(ontology, tmp_path / "news.trig")
    data = page_data(_store(graph), title="t")
    assert page_html(data) == page_html(page_data(_store(graph), title="t"))


# ---------------------------------------------------------------- command line


def test_render_cli_viz_writes_page_with_title(runner, tmp_path, ontology) -> None:
    graph = write_fixture_graph(ontology, tmp_path / "news.trig")
    out = tmp_path / "site" / "page.html"
    result = runner.invoke(app, ["viz", "-g", str(graph), "-o", str(out), "--title", "My <graph>"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out} (9 entities, 11 relations, ")
    assert "<title>My &lt;graph&gt;</title>" in out.read_text(encoding="utf-8")


def test_render_cli_viz_default_title_names_the_graph_file(runner, tmp_path, ontology) -> None:
    graph = write_fixture_graph(ontology, tmp_path / "news.trig")
    out = tmp_path / "page.html"
    assert runner.invoke(app, ["viz", "--graph", str(graph), "--out", str(out)]).exit_code == 0
    assert "<title>kg — news.trig</title>" in out.read_text(encoding="utf-8")


def test_render_cli_viz_open_hands_the_file_uri_to_the_browser(
    runner, tmp_path, ontology, monkeypatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    graph = write_fixture_graph(ontology, tmp_path / "news.trig")
    out = tmp_path / "page.html"
    assert runner.invoke(app, ["viz", "-g", str(graph), "-o", str(out), "--open"]).exit_code == 0
    assert opened == [out.resolve().as_uri()]


def test_render_cli_viz_missing_graph_is_one_line_error(tmp_path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kg.cli import main; main()",
            "viz",
            "-g",
            str(tmp_path / "none.ttl"),
            "-o",
            str(tmp_path / "x.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_render_is_not_imported_by_query(tmp_path, ontology) -> None:
    graph = write_fixture_graph(ontology, tmp_path / "news.trig")
    code = (
        "import sys\n"
        "from kg.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"args = ['query', '-q', 'ASK {{ ?s ?p ?o }}', '-g', {str(graph)!r}]\n"
        "r = CliRunner().invoke(app, args)\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.startswith(('kg.render', 'pyvis', 'jinja2'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("sentence", "start", "end", "matched", "expected"),
    [
        ("A sued B.", 2, 8, "sued B", ["A ", "sued B", "."]),
        ("\nA sued B.\n", 3, 9, "sued B", ["A ", "sued B", "."]),
        ("x. «It was B", 3, 20, "«It was B said", ["x. ", "«It was B", ""]),
        ("A sued B.", 0, 1, "sued", ["A ", "sued", " B."]),
        ("A sued B.", 0, 1, "missing", ["A sued B.", "", ""]),
    ],
    ids=["exact", "trimmed", "runs-past-end", "bad-offsets", "not-found"],
)
def test_render_split_sentence_for_highlighting(
    sentence: str, start: int, end: int, matched: str, expected: list[str]
) -> None:
    from kg.render import _split_sentence

    row = {"sentence": sentence, "sentenceStart": 0, "start": start, "end": end, "matched": matched}
    assert _split_sentence(row) == expected
