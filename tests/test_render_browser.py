"""The `kg viz` page in headless Chromium: it draws, stays offline, runs no article text, and a
large graph settles and answers clicks (its timings are printed; bench/page.py measures them).
Needs the Debian packages chromium and chromium-driver."""

from __future__ import annotations

import hashlib
import importlib
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.export import serialize
from kg.graph import build_dataset
from kg.namespaces import ENTITY, KG
from kg.records import RELATIONS, SYMMETRIC, Document, Entity, Extraction, Relation
from kg.render import render
from tests.conftest import INTERNAL_SCHEMES, LOCAL_SCHEMES
from tests.test_render import VIZ, write_fixture_graph

pytestmark = pytest.mark.browser

# ---------------------------------------------------------------- helpers


def open_page(driver, page: Path, timeout: float = 60) -> None:
    driver.get(page.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while not driver.execute_script("return !!(window.kg && window.kg.ready)"):
        assert time.monotonic() < deadline, "the network never stabilised"
        time.sleep(0.05)


def requested_urls(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return urls


def assert_offline_and_clean(driver, page: Path) -> None:
    urls = requested_urls(driver)
    assert page.resolve().as_uri() in urls
    leaving = [u for u in urls if not u.startswith(LOCAL_SCHEMES + INTERNAL_SCHEMES)]
    assert leaving == []
    ours = [u for u in urls if not u.startswith(INTERNAL_SCHEMES)]
    assert all(u.startswith(LOCAL_SCHEMES) for u in ours)
    problems = [
        e
        for e in driver.get_log("browser")
        if e["level"] == "SEVERE" or "Content Security Policy" in e["message"]
    ]
    assert problems == []


def drawn(driver) -> tuple[int, int]:
    return tuple(
        driver.execute_script(
            "var d = window.kg.network.body.data; return [d.nodes.length, d.edges.length];"
        )
    )


def page_data(driver) -> dict:
    return json.loads(
        driver.execute_script("return document.getElementById('kg-data').textContent;")
    )


def _click_canvas_at(driver, point: dict) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#kg-graph canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)
    ).click().perform()


def click_node(driver, node_id: str) -> None:
    """Focus the node, then click where it is drawn, as a user would."""
    point = driver.execute_script(
        "var n = window.kg.network; n.focus(arguments[0], {scale: 1.2, animation: false});"
        "n.redraw(); return n.canvasToDOM(n.getPosition(arguments[0]));",
        node_id,
    )
    _click_canvas_at(driver, point)


def click_edge(driver, edge_id: str) -> None:
    """Click the middle of the drawn edge (its curve's midpoint, labels included)."""
    point = driver.execute_script(
        "var n = window.kg.network, e = n.body.edges[arguments[0]];"
        "var mid = e.edgeType.getPoint(0.5);"
        "n.moveTo({position: mid, scale: 1.2, animation: false}); n.redraw();"
        "return n.canvasToDOM(e.edgeType.getPoint(0.5));",
        edge_id,
    )
    _click_canvas_at(driver, point)


def details_text(driver) -> str:
    return driver.execute_script("return document.getElementById('kg-details').textContent;")


def assert_not_pwned(driver, title: str) -> None:
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.execute_script("return typeof parent.__pwned") == "undefined"
    assert driver.title == title
    assert (
        driver.execute_script(
            "return document.querySelectorAll("
            "'#kg-side img, #kg-side svg[onload], iframe, a').length"
        )
        == 0
    )


# ---------------------------------------------------------------- the fixture graph


@pytest.fixture
def fixture_page(tmp_path, ontology) -> Path:
    graph = write_fixture_graph(ontology, tmp_path / "news.trig")
    return render(
        graph, tmp_path / "graph.html", title="<script>document.title='pwned'</script>"
    ).path


def test_render_browser_draws_offline_and_runs_no_payload(chrome, fixture_page, tmp_path) -> None:
    open_page(chrome, fixture_page)
    data = page_data(chrome)
    assert drawn(chrome) == (len(data["nodes"]), len(data["edges"])) == (9, 11)
    assert_not_pwned(chrome, "<script>document.title='pwned'</script>")
    assert chrome.find_element("id", "kg-title").text == "<script>document.title='pwned'</script>"
    chrome.save_screenshot(str(tmp_path / "fixture.png"))
    assert (tmp_path / "fixture.png").stat().st_size > 10_000
    assert_offline_and_clean(chrome, fixture_page)


@pytest.mark.parametrize(
    ("key", "label", "alias"),
    [
        ("Img", '<img src=x onerror="window.__pwned=2">', None),
        ("Svg", '"><svg onload=window.__pwned=3>', "' onmouseover='window.__pwned=6"),
        ("OpenAI", "OpenAI", "javascript:window.__pwned=4"),
    ],
)
def test_render_browser_entity_panel_and_tooltip_show_names_as_text(
    chrome, fixture_page, key: str, label: str, alias: str | None
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(chrome, fixture_page)
    click_node(chrome, str(ENTITY[key]))
    WebDriverWait(chrome, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#kg-details h3"))
    assert chrome.find_element(By.CSS_SELECTOR, "#kg-details h3").text == label
    if alias:
        assert alias in details_text(chrome)
    tooltip = WebDriverWait(chrome, 5).until(
        lambda d: d.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility === 'visible' ? t.textContent : null;"
        )
    )
    assert label in tooltip and "mentioned in" in tooltip
    assert_not_pwned(chrome, "<script>document.title='pwned'</script>")
    assert_offline_and_clean(chrome, fixture_page)


@pytest.mark.parametrize(
    ("subject", "relation", "obj", "sentence", "matched"),
    [
        (
            "Img",
            "sues",
            "OpenAI",
            '<script>window.__pwned=1</script> The man <img src=x onerror="window.__pwned=2">'
            " sued OpenAI on Monday.",
            "sued OpenAI",
        ),
        (
            "FTC",
            "investigates",
            "Microsoft",
            "🚨 Regulators\u2028(the Federal Trade Commission) are investigating Microsoft"
            " <!-- <script>.",
            "investigating Microsoft",
        ),
    ],
)
def test_render_browser_relation_panel_quotes_evidence_literally(
    chrome, fixture_page, subject, relation, obj, sentence, matched
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(chrome, fixture_page)
    [edge] = [
        e
        for e in page_data(chrome)["edges"]
        if (e["from"], e["kg"]["relation"], e["to"])
        == (str(ENTITY[subject]), relation, str(ENTITY[obj]))
    ]
    click_edge(chrome, edge["id"])
    WebDriverWait(chrome, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#kg-details blockquote")
    )
    quotes = chrome.execute_script(
        "return Array.from(document.querySelectorAll('#kg-details blockquote'))"
        ".map(q => [q.textContent, q.querySelector('mark').textContent]);"
    )
    assert [sentence, matched] in quotes
    source = chrome.find_element(By.CSS_SELECTOR, "#kg-details .kg-source").text
    assert "confidence" in source
    assert_not_pwned(chrome, "<script>document.title='pwned'</script>")
    assert_offline_and_clean(chrome, fixture_page)


def test_render_browser_controls_filter_search_physics_fit(chrome, fixture_page) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(chrome, fixture_page)
    relation_boxes = chrome.find_elements(By.CSS_SELECTOR, "#kg-relations input")
    relation_boxes[0].click()  # accuses: 3 edges
    assert drawn(chrome) == (9, 8)
    relation_boxes[0].click()
    chrome.find_element(By.ID, "kg-claims").click()
    assert drawn(chrome) == (9, 10)
    chrome.find_element(By.ID, "kg-claims").click()
    class_labels = [e.text for e in chrome.find_elements(By.CSS_SELECTOR, "#kg-classes label")]
    person = next(i for i, text in enumerate(class_labels) if text.startswith("person"))
    chrome.find_elements(By.CSS_SELECTOR, "#kg-classes input")[person].click()
    assert drawn(chrome) == (7, 9)  # Sam Altman and the <img> man, with leads and sues
    chrome.find_elements(By.CSS_SELECTOR, "#kg-classes input")[person].click()
    assert drawn(chrome) == (9, 11)

    search = chrome.find_element(By.ID, "kg-search")
    search.send_keys("open ai", Keys.ENTER)
    assert chrome.execute_script("return window.kg.network.getSelectedNodes();") == [
        str(ENTITY.OpenAI)
    ]
    assert chrome.find_element(By.CSS_SELECTOR, "#kg-details h3").text == "OpenAI"

    physics = chrome.find_element(By.ID, "kg-physics")
    assert not physics.is_selected()
    physics.click()
    assert chrome.execute_script("return window.kg.network.physics.physicsEnabled;") is True
    physics.click()
    assert chrome.execute_script("return window.kg.network.physics.physicsEnabled;") is False

    chrome.execute_script("window.kg.network.moveTo({scale: 4, animation: false});")
    chrome.find_element(By.ID, "kg-fit").click()
    assert chrome.execute_script("return window.kg.network.getScale();") < 4
    assert_offline_and_clean(chrome, fixture_page)


# ---------------------------------------------------------------- a real build of hostile articles


HOSTILE_NAME = '"><img src=x onerror=window.__pwned=9>.txt'


def test_render_browser_built_from_hostile_articles(chrome, tmp_path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    extract = importlib.import_module("kg.extract")
    if not hasattr(extract, "extract"):
        pytest.skip("kg build is not runnable yet: kg.extract.extract does not exist")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted((VIZ / "injection").glob("*.txt"))
    shutil.copy(sources[0], corpus / HOSTILE_NAME)
    for source in sources[1:]:
        shutil.copy(source, corpus / source.name)
    graph, page = tmp_path / "graph.trig", tmp_path / "graph.html"
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    built = subprocess.run(
        [*kg, "build", str(corpus), "-o", str(graph)], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr
    shown = subprocess.run(
        [*kg, "viz", "-g", str(graph), "-o", str(page)], capture_output=True, text=True, check=False
    )
    assert shown.returncode == 0, shown.stderr

    open_page(chrome, page)
    data = page_data(chrome)
    assert drawn(chrome) == (len(data["nodes"]), len(data["edges"]))
    assert data["edges"], "the extractor found no relation in the injection corpus"
    assert_not_pwned(chrome, "kg — graph.trig")
    hostile = [
        e
        for e in data["edges"]
        if any(ev["document"] == HOSTILE_NAME for ev in e["kg"]["evidence"])
    ]
    assert hostile, "no relation came from the article with the hostile file name"
    click_edge(chrome, hostile[0]["id"])
    WebDriverWait(chrome, 5).until(lambda d: HOSTILE_NAME in details_text(d))
    assert_not_pwned(chrome, "kg — graph.trig")
    assert_offline_and_clean(chrome, page)


# ---------------------------------------------------------------- 500 entities, 2,000 relations


def large_extractions(
    entities: int = 500, relations: int = 2000, documents: int = 40, seed: int = 7
) -> list[Extraction]:
    """A random but repeatable graph of the size the issue asks to stay responsive."""
    rng = random.Random(seed)
    classes = [
        "Company",
        "Company",
        "Company",
        "Person",
        "Person",
        "NewsOrganization",
        "GovernmentBody",
        "AIModel",
        "Product",
        "Organization",
    ]
    people = [
        Entity(
            iri=str(ENTITY[f"E{i}"]),
            label=f"Entity {i}",
            type=str(KG[rng.choice(classes)]),
            aliases=(f"E{i}",),
            curated=i % 3 == 0,
        )
        for i in range(entities)
    ]
    triples: set[tuple[int, str, int]] = set()
    while len(triples) < relations:
        s, o = rng.randrange(entities), rng.randrange(entities)
        p = rng.choice(RELATIONS)
        if s == o or (p in SYMMETRIC and (o, p, s) in triples):
            continue
        triples.add((s, p, o))
    per_doc: list[list[tuple[int, str, int]]] = [[] for _ in range(documents)]
    for index, triple in enumerate(sorted(triples)):
        per_doc[index % documents].append(triple)
    out = []
    for d, chunk in enumerate(per_doc):
        sentences = [f"Entity {s} {p} Entity {o} says a source." for s, p, o in chunk]
        text = "\n".join(sentences)
        document = Document(
            name=f"doc{d:03}.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest()
        )
        rels, offset, counts = [], 0, {}
        for (s, p, o), sentence in zip(chunk, sentences, strict=True):
            rels.append(
                Relation(
                    subject=people[s].iri,
                    predicate=p,
                    object=people[o].iri,
                    sentence_start=offset,
                    sentence_end=offset + len(sentence),
                    start=offset,
                    end=offset + len(sentence) - len(" says a source."),
                    matched=sentence[: -len(" says a source.")],
                    rule="synthetic",
                    confidence=rng.choice([0.6, 0.75, 0.9]),
                )
            )
            for e in (s, o):
                counts[people[e].iri] = counts.get(people[e].iri, 0) + 1
            offset += len(sentence) + 1
        mentioned = tuple(p for p in people if p.iri in counts)
        out.append(Extraction(document, mentioned, (), tuple(rels), counts))
    return out


def test_render_browser_500_entities_2000_relations_settle_and_respond(
    chrome, tmp_path, ontology, record_property
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    graph = tmp_path / "large.trig"
    serialize(build_dataset(large_extractions(), ontology), graph, "trig")
    page = render(graph, tmp_path / "large.html")
    assert (page.entities, page.relations) == (500, 2000)
    open_page(chrome, page.path, timeout=120)
    timing = chrome.execute_script(
        "return {stabilized: window.kg.stabilized, firstDraw: window.kg.firstDraw,"
        " domContentLoaded: performance.timing.domContentLoadedEventEnd -"
        " performance.timing.navigationStart};"
    )
    assert drawn(chrome) == (500, 2000)
    settled = max(timing["stabilized"], timing["firstDraw"])
    record_property("settle_ms", round(settled))
    record_property("page_bytes", page.size)
    print(
        f"\n500/2000 page: {page.size / 1024:.0f} KiB, DOMContentLoaded "
        f"{timing['domContentLoaded']:.0f} ms, stabilised {timing['stabilized']:.0f} ms, "
        f"first draw {timing['firstDraw']:.0f} ms after navigation start"
    )

    started = time.monotonic()
    click_node(chrome, str(ENTITY.E1))
    WebDriverWait(chrome, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#kg-details h3"))
    assert chrome.find_element(By.CSS_SELECTOR, "#kg-details h3").text == "Entity 1"
    responded = time.monotonic() - started
    print(f"click to panel: {responded * 1000:.0f} ms (including the webdriver round trip)")
    assert_offline_and_clean(chrome, page.path)
