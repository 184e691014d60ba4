"""Shared fixtures and the rules for tests that need external tools."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"

REQUIRE_EXTERNAL = os.environ.get("KG_REQUIRE_EXTERNAL") == "1"
"""Set by CI: a missing browser, parser or server is a failure there, not a skip."""


def need_tool(name: str, why: str) -> str:
    """An executable on PATH or beside Python; else skip (fail under KG_REQUIRE_EXTERNAL=1)."""
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        message = f"{name} is not installed ({why})"
        if REQUIRE_EXTERNAL:
            pytest.fail(message)
        pytest.skip(message)
    return path


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Compare graphs as graphs and, on failure, show what is only on each side."""
    iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
    if iso_expected == iso_actual:
        return
    _, only_expected, only_actual = graph_diff(iso_expected, iso_actual)
    lines = ["graphs differ"]
    lines += [f"- {t[0].n3()} {t[1].n3()} {t[2].n3()}" for t in sorted(only_expected)[:40]]
    lines += [f"+ {t[0].n3()} {t[1].n3()} {t[2].n3()}" for t in sorted(only_actual)[:40]]
    pytest.fail("\n".join(lines))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def ontology():
    from kg.ontology import load_ontology

    return load_ontology(ROOT / "ontology")


# ---------------------------------------------------------------- headless Chromium

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--window-size=1400,900",
]
LOCAL_SCHEMES = ("file:", "data:")
INTERNAL_SCHEMES = ("chrome:", "chrome-untrusted:", "devtools:", "about:")
"""Chromium's own start page loads these before our page; none leaves the machine."""


def _need_browser() -> tuple[str, str]:
    return (
        need_tool("chromium", "the page is tested in a real browser"),
        need_tool("chromedriver", "selenium drives Chromium through it"),
    )


@pytest.fixture
def chrome(tmp_path_factory):
    """A fresh headless Chromium that logs every request and console message."""
    chromium, chromedriver = _need_browser()
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.get_log("performance")
    try:
        yield driver
    finally:
        driver.quit()


# ---------------------------------------------------------------- the seed graph


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory) -> Path:
    """The Turtle export of `kg build` over seeds/, built once per test session."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seed") / "graph.ttl"
    build([SEEDS], out, ontology_dir=ROOT / "ontology", progress=False)
    return out
