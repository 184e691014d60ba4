"""Draw a graph as one self-contained, interactive HTML page (`kg viz`).

The page answers "who accuses whom, and where does it say so?": one node per entity, shaped and
coloured by type and sized by mentions, one labelled arrow per relation, and for each arrow the
sentences that support it. pyvis lays out the nodes and edges; the page itself comes from our own
template so that it loads nothing from the network and treats every string from an article as
text: the data travels as escaped JSON, the page's code builds the DOM with `textContent`, and a
Content-Security-Policy allows only the page's own inline code, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import DataError
from kg.export import write_atomically
from kg.namespaces import KG, sparql_prologue
from kg.records import RELATIONS, SYMMETRIC

NON_ENTITY_CLASSES = frozenset(
    str(c) for c in (KG.Document, KG.Evidence, KG.Claim, KG.MentionCount)
)
"""kg classes whose members are bookkeeping, not actors drawn on the page."""

LARGE_GRAPH = 150
"""Above this many entities the page skips vis-network's slow 'improved layout' pass."""

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@dataclass(frozen=True)
class Page:
    """What `render` wrote, for the CLI to report."""

    path: Path
    entities: int
    relations: int
    size: int


def render(graph: Path, out: Path, *, title: str | None = None) -> Page:
    """Write the page for the graph file `graph` to `out`."""
    from kg.sparql import open_graph

    store = open_graph(graph)
    data = page_data(store, title=title if title is not None else f"kg — {graph.name}")
    html = page_html(data)
    encoded = html.encode("utf-8")
    write_atomically(out, lambda handle: handle.write(encoded))
    return Page(out, len(data["nodes"]), len(data["edges"]), len(encoded))


def embed_json(value: Any) -> str:
    """JSON that can sit inside a <script> element: no '<', '>', '&' or line separators.

    Those characters only occur inside JSON strings, where their \\u escapes mean the same, so
    `</script>` or `<!--` in an article cannot end or confuse the element.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page_html(data: dict[str, Any]) -> str:
    """The whole page: template, style, vis-network, our code and the data, all inline."""
    from jinja2 import Environment

    css, script, vis = _asset("page.css"), _asset("page.js"), _asset("vis-network.min.js")
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src {csp_hash(vis)} {csp_hash(script)}",
            f"style-src {csp_hash(css)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    template = Environment(autoescape=True, keep_trailing_newline=True).from_string(
        _asset("page.html")
    )
    return template.render(
        title=data["title"],
        csp=policy,
        css=_Raw(css),
        vis=_Raw(vis),
        script=_Raw(script),
        data=_Raw(embed_json(data)),
    )


def page_data(store: Any, *, title: str) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready values: vis nodes and edges with their
    details, the legend, and the vis-network options."""
    from pyvis.network import Network

    theme = _theme()
    facts = _read_graph(store)
    net = Network(directed=True, cdn_resources="in_line")
    classes_used: dict[str, int] = defaultdict(int)
    for iri, entity in sorted(facts.entities.items(), key=lambda item: item[1]["label"].casefold()):
        style = _class_style(theme, entity["type"])
        classes_used[entity["type"]] += 1
        net.add_node(
            iri,
            label=entity["label"] or _local(iri),
            shape=style["shape"],
            color={
                "background": style["color"],
                "border": _darker(style["color"]),
                "highlight": {"background": style["color"], "border": "#111111"},
                "hover": {"background": style["color"], "border": "#111111"},
            },
            value=max(entity["mentions"], 1),
            kg={
                "type": entity["type"],
                "aliases": sorted(entity["aliases"], key=str.casefold),
                "documents": entity["documents"],
                "mentions": entity["mentions"],
                "curated": entity["curated"],
            },
        )
    relations_used: dict[str, int] = defaultdict(int)
    for index, edge in enumerate(_edges(facts)):
        relation = edge["relation"]
        relations_used[relation] += 1
        color = theme["relations"].get(relation, theme["fallback"]["color"])
        net.add_edge(
            edge["from"],
            edge["to"],
            id=f"e{index}",
            label=facts.labels.get(str(KG[relation])) or relation,
            color={"color": color, "highlight": color, "hover": color},
            arrows="to, from" if edge["symmetric"] else "to",
            dashes=edge["claim"],
            value=len(edge["evidence"]) or 1,
            smooth=edge["smooth"],
            kg={
                "relation": relation,
                "claim": edge["claim"],
                "symmetric": edge["symmetric"],
                "evidence": edge["evidence"],
            },
        )
    net.options = _vis_options(len(net.nodes))
    nodes, edges, _, _, _, options = net.get_network_data()
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "documents": facts.documents,
        "options": json.loads(options),
        "classes": [
            {
                "id": c,
                "label": facts.labels.get(c) or _local(c),
                "count": n,
                **_class_style(theme, c),
            }
            for c, n in sorted(classes_used.items(), key=lambda item: _class_order(theme, item[0]))
        ],
        "relations": [
            {
                "id": r,
                "label": facts.labels.get(str(KG[r])) or r,
                "color": theme["relations"].get(r, theme["fallback"]["color"]),
                "count": relations_used[r],
                "symmetric": r in SYMMETRIC,
            }
            for r in RELATIONS
            if relations_used[r]
        ],
    }


# ---------------------------------------------------------------- reading the graph


@dataclass
class _Facts:
    entities: dict[str, dict[str, Any]]
    labels: dict[str, str]
    """Class and property IRI → rdfs:label from the vocabulary, where the graph carries it."""
    asserted: set[tuple[str, str, str]]
    evidence: dict[tuple[str, str, str], list[dict[str, Any]]]
    documents: int


_ENTITIES = """
SELECT DISTINCT ?e ?type ?label ?curated WHERE {
  ?e a ?type .
  FILTER(STRSTARTS(STR(?type), STR(kg:)))
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e kg:curated ?curated }
}"""
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
_SUBCLASSES = "SELECT DISTINCT ?c ?super WHERE { ?c rdfs:subClassOf ?super }"
_VOCABULARY_LABELS = """
SELECT DISTINCT ?term ?label WHERE {
  ?term rdfs:label ?label .
  FILTER(STRSTARTS(STR(?term), STR(kg:)))
}"""
_MENTIONS = """
SELECT DISTINCT ?doc ?e ?count WHERE {
  { ?doc schema:mentions ?e }
  UNION
  { ?doc kg:hasMentionCount ?m . ?m kg:mentionOf ?e ; kg:mentionCount ?count }
}"""
_RELATIONS = """
SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?p {{ {values} }}
  ?s ?p ?o .
}}"""
_EVIDENCE = """
SELECT DISTINCT ?ev ?s ?p ?o ?claim ?doc ?file ?date ?sentence ?sentenceStart ?start ?end
       ?matched ?rule ?confidence ?claimedBy WHERE {{
  VALUES ?p {{ {values} }}
  ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  BIND(EXISTS {{ ?ev a kg:Claim }} AS ?claim)
  OPTIONAL {{
    ?ev prov:wasDerivedFrom ?doc .
    OPTIONAL {{ ?doc kg:fileName ?file }}
    OPTIONAL {{ ?doc schema:datePublished ?date }}
  }}
  OPTIONAL {{ ?ev kg:sentence ?sentence }}
  OPTIONAL {{ ?ev kg:sentenceStart ?sentenceStart }}
  OPTIONAL {{ ?ev kg:startOffset ?start }}
  OPTIONAL {{ ?ev kg:endOffset ?end }}
  OPTIONAL {{ ?ev kg:matchedText ?matched }}
  OPTIONAL {{ ?ev kg:rule ?rule }}
  OPTIONAL {{ ?ev kg:confidence ?confidence }}
  OPTIONAL {{ ?ev kg:claimedBy ?claimedBy }}
}}"""


def _select(store: Any, query: str) -> list[dict[str, Any]]:
    """Run a SELECT over the union of every graph in the store; values as Python strings."""
    import pyoxigraph

    graphs = [pyoxigraph.DefaultGraph(), *store.named_graphs()]
    solutions = store.query(sparql_prologue() + query, default_graph=graphs)
    names = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        row = {}
        for name in names:
            term = solution[name]
            row[name] = None if term is None else term.value
        rows.append(row)
    return rows


def _read_graph(store: Any) -> _Facts:
    labels = {r["term"]: r["label"] for r in _select(store, _VOCABULARY_LABELS)}
    supers: dict[str, set[str]] = defaultdict(set)
    for row in _select(store, _SUBCLASSES):
        supers[row["c"]].add(row["super"])
    entities: dict[str, dict[str, Any]] = {}
    types: dict[str, set[str]] = defaultdict(set)
    for row in _select(store, _ENTITIES):
        if row["type"] in NON_ENTITY_CLASSES:
            continue
        types[row["e"]].add(row["type"])
        entity = entities.setdefault(
            row["e"],
            {
                "label": "",
                "type": "",
                "aliases": set(),
                "documents": 0,
                "mentions": 0,
                "curated": False,
            },
        )
        if row["label"] and (not entity["label"] or row["label"] < entity["label"]):
            entity["label"] = row["label"]
        entity["curated"] = entity["curated"] or row["curated"] == "true"
    for iri, entity in entities.items():
        entity["type"] = _most_specific(types[iri], supers)
    for row in _select(store, _ALIASES):
        if row["e"] in entities and row["alias"] != entities[row["e"]]["label"]:
            entities[row["e"]]["aliases"].add(row["alias"])
    documents: dict[str, set[str]] = defaultdict(set)
    all_documents: set[str] = set()
    for row in _select(store, _MENTIONS):
        all_documents.add(row["doc"])
        if row["e"] not in entities:
            continue
        documents[row["e"]].add(row["doc"])
        if row["count"] is not None:
            entities[row["e"]]["mentions"] += int(row["count"])
    for iri, docs in documents.items():
        entities[iri]["documents"] = len(docs)
    values = " ".join(f"kg:{name}" for name in RELATIONS)
    asserted = {
        (r["s"], _local(r["p"]), r["o"]) for r in _select(store, _RELATIONS.format(values=values))
    }
    evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in _select(store, _EVIDENCE.format(values=values)):
        evidence[(row["s"], _local(row["p"]), row["o"])].append(row)
    for s, _, o in asserted | set(evidence):
        for iri in (s, o):
            if iri not in entities:
                entities[iri] = {
                    "label": _local(iri),
                    "type": "",
                    "aliases": set(),
                    "documents": 0,
                    "mentions": 0,
                    "curated": False,
                }
    return _Facts(entities, labels, asserted, evidence, len(all_documents))


def _most_specific(types: set[str], supers: dict[str, set[str]]) -> str:
    """The type no other type of the entity is a subclass of; ties broken by name."""
    below = {t for t in types if any(t in supers.get(other, ()) for other in types if other != t)}
    return min(types - below or types)


def _edges(facts: _Facts) -> list[dict[str, Any]]:
    """One edge per (subject, relation, object); a symmetric relation once per pair, with the
    evidence found in either direction.

    Edges between the same two entities are bent apart so none hides another.
    """
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s, p, o in sorted(facts.asserted | set(facts.evidence)):
        symmetric = p in SYMMETRIC
        key = (min(s, o), p, max(s, o)) if symmetric else (s, p, o)
        edge = merged.setdefault(
            key,
            {
                "from": key[0],
                "to": key[2],
                "relation": p,
                "symmetric": symmetric,
                "claim": True,
                "rows": [],
            },
        )
        if (s, p, o) in facts.asserted:
            edge["claim"] = False
        edge["rows"].extend(facts.evidence.get((s, p, o), ()))
    edges = list(merged.values())
    for edge in edges:
        edge["evidence"] = _evidence(edge.pop("rows"), facts)
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        pairs[(min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))].append(edge)
    for group in pairs.values():
        for i, edge in enumerate(group):
            edge["smooth"] = _bend(i, len(group), forward=edge["from"] <= edge["to"])
    return edges


def _bend(index: int, count: int, *, forward: bool) -> dict[str, Any]:
    if count == 1:
        return {"enabled": False}
    offset = (index - (count - 1) / 2) * 0.3
    if not forward:
        offset = -offset
    if offset == 0:
        return {"enabled": False}
    return {
        "enabled": True,
        "type": "curvedCW" if offset > 0 else "curvedCCW",
        "roundness": round(abs(offset), 3),
    }


def _evidence(rows: list[dict[str, Any]], facts: _Facts) -> list[dict[str, Any]]:
    """The sentences behind one edge, deduplicated, most confident first, with the matched
    words cut out for highlighting. A symmetric edge gets the rows of both directions (each
    sentence has one evidence node, in the direction the text gives, see `_edges`); a graph
    written before that layout stored each such sentence twice, hence the deduplication."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = (
            row["doc"],
            row["sentenceStart"],
            row["start"],
            row["end"],
            row["rule"],
            row["claimedBy"],
        )
        if key in seen:
            continue
        claimer = row["claimedBy"]
        seen[key] = {
            "document": row["file"] or (_local(row["doc"]) if row["doc"] else ""),
            "date": row["date"] or "",
            "confidence": float(row["confidence"]) if row["confidence"] else None,
            "rule": row["rule"] or "",
            "claim": row["claim"] == "true",
            "claimedBy": (facts.entities.get(claimer, {}).get("label") or _local(claimer))
            if claimer
            else None,
            "sentence": _split_sentence(row),
        }
    return sorted(
        seen.values(),
        key=lambda e: (-(e["confidence"] or 0), e["date"], e["document"], e["sentence"]),
    )


def _split_sentence(row: dict[str, Any]) -> list[str]:
    """[before, matched, after], trimmed of surrounding blank space.

    Offsets count code points, so the cut happens here, not in JavaScript, whose string indices
    count UTF-16 units. Matched words that run past the sentence are cut at its end; offsets that
    do not point at the matched words fall back to finding them.
    """
    sentence = row["sentence"] or ""
    matched = row["matched"] or ""
    try:
        start = int(row["start"]) - int(row["sentenceStart"])
        end = min(int(row["end"]) - int(row["sentenceStart"]), len(sentence))
    except (TypeError, ValueError):
        start = end = -1
    if not (0 <= start < end) or not matched.startswith(sentence[start:end]):
        start = sentence.find(matched) if matched else -1
        end = start + len(matched)
    if start < 0:
        return [sentence.strip(), "", ""]
    return [sentence[:start].lstrip(), sentence[start:end], sentence[end:].rstrip()]


# ---------------------------------------------------------------- presentation


def _vis_options(node_count: int) -> dict[str, Any]:
    large = node_count > LARGE_GRAPH
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "nodes": {
            "borderWidth": 1.5,
            "scaling": {"min": 10, "max": 36, "label": {"enabled": True, "min": 13, "max": 22}},
            "font": {
                "face": "system-ui, sans-serif",
                "color": "#1b1b1b",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "arrows": {"to": {"scaleFactor": 0.6}, "from": {"scaleFactor": 0.6}},
            "scaling": {"min": 1.2, "max": 5, "label": {"enabled": False}},
            "selectionWidth": 2,
            "hoverWidth": 1,
            "font": {
                "face": "system-ui, sans-serif",
                "size": 11,
                "color": "#333333",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "horizontal",
            },
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.01,
                "springLength": 140,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "minVelocity": 1.5,
            "stabilization": {
                "enabled": True,
                "iterations": 250 if large else 600,
                "updateInterval": 50,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "keyboard": False,
            "multiselect": False,
        },
    }


def _theme() -> dict[str, Any]:
    theme = json.loads(_asset("theme.json"))
    missing = [r for r in RELATIONS if r not in theme.get("relations", {})]
    if missing or "fallback" not in theme:
        raise DataError(
            f"theme has no colour for {', '.join(missing) or 'fallback'}",
            path="kg/assets/theme.json",
        )
    return theme


def _class_style(theme: dict[str, Any], cls: str) -> dict[str, str]:
    return theme["classes"].get(_local(cls), theme["fallback"])


def _class_order(theme: dict[str, Any], cls: str) -> tuple[int, str]:
    names = list(theme["classes"])
    name = _local(cls)
    return (names.index(name) if name in names else len(names), name)


def _darker(color: str) -> str:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * 0.7):02x}" for c in (red, green, blue))


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] if iri else ""


def _asset(name: str) -> str:
    return resources.files("kg").joinpath("assets", name).read_text(encoding="utf-8")


class _Raw(str):
    """Text already made safe for its place in the page (escaped JSON, our own code)."""

    def __html__(self) -> str:
        return str(self)
