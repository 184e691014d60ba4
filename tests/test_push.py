"""kg push against a real Oxigraph server on 127.0.0.1, and its one-line failures."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import app
from kg.errors import RemoteError
from kg.push import push
from kg.results import format_result
from kg.sparql import run_query
from tests.conftest import DATA, ROOT, need_tool

NEWS = DATA / "graphs" / "news.trig"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path) -> Iterator[str]:
    """A fresh `oxigraph serve` on a free local port; always terminated."""
    tool = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or need_tool(
        "oxigraph", "the Oxigraph server CLI, PyPI package oxigraph"
    )
    port = _free_port()
    process = subprocess.Popen(
        [tool, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {process.stderr.read()!r}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _count(base: str, where: str = "{ ?s ?p ?o }") -> int:
    query = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {where}"})
    request = urllib.request.Request(
        f"{base}/query?{query}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def news_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(NEWS))
    return store


@pytest.mark.store
@pytest.mark.parametrize("replace", [False, True])
def test_push_dataset_keeps_every_quad(server, news_store, replace) -> None:
    summary = push(NEWS, f"{server}/store", replace=replace)
    assert summary.statements == len(news_store)
    assert _count(server, "{ GRAPH ?g { ?s ?p ?o } }") == len(news_store)
    push(NEWS, f"{server}/store", replace=replace)  # POST adds nothing new to a set; PUT replaces
    assert _count(server, "{ GRAPH ?g { ?s ?p ?o } }") == len(news_store)


@pytest.mark.store
@pytest.mark.parametrize("graph_iri", ["https://example.org/graph/news", "default"])
def test_push_into_one_graph_then_replace_it(server, news_store, graph_iri) -> None:
    union = len({q.triple for q in news_store})
    where = (
        "{ ?s ?p ?o }" if graph_iri == "default" else f"{{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
    )
    assert push(NEWS, f"{server}/store", graph_iri=graph_iri).statements == union
    assert _count(server, where) == union
    small = ROOT / "tests" / "data" / "graphs" / "broken.trig"
    push(small, f"{server}/store", graph_iri=graph_iri, replace=True)
    assert _count(server, where) < union


@pytest.mark.store
@pytest.mark.parametrize("endpoint_path", ["/store"])
def test_cli_push_prints_a_summary(runner, server, endpoint_path) -> None:
    result = runner.invoke(app, ["push", "--endpoint", server + endpoint_path, "-g", str(NEWS)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("pushed ") and "HTTP 20" in result.stdout


@pytest.mark.store
@pytest.mark.parametrize(
    "query", ["SELECT (COUNT(*) AS ?n) WHERE { SERVICE <{endpoint}> { ?s ?p ?o } }"]
)
def test_sparql_service_runs_against_a_real_endpoint_only_with_allow_remote(server, query):
    push(NEWS, f"{server}/store", graph_iri="default")
    text = query.replace("{endpoint}", f"{server}/query")
    with pytest.raises(Exception, match="--allow-remote"):
        run_query(ox.Store(), text)
    out = format_result(run_query(ox.Store(), text, allow_remote=True), "csv")
    assert int(out.split()[1]) == _count(server)


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from kg.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


@pytest.mark.parametrize("path", ["/store"])
def test_cli_push_to_an_unreachable_endpoint_fails_in_one_line(path) -> None:
    endpoint = f"http://127.0.0.1:{_free_port()}{path}"
    done = _kg("push", "--endpoint", endpoint, "-g", str(NEWS))
    assert done.returncode == 1
    assert done.stderr.startswith("kg: error: cannot reach") and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.store
@pytest.mark.parametrize("path", ["/no-such-service", "/query"])
def test_push_http_error_is_a_remote_error(server, path) -> None:
    with pytest.raises(RemoteError, match="HTTP 4"):
        push(NEWS, server + path)


@pytest.mark.parametrize("endpoint", ["ftp://example.org/store", "localhost:7878"])
def test_push_refuses_an_endpoint_that_is_not_http(endpoint) -> None:
    done = _kg("push", "--endpoint", endpoint, "-g", str(NEWS))
    assert done.returncode == 2 and "http(s) URL" in done.stderr
