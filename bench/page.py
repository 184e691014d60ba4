"""Measure how fast the `kg viz` page settles in headless Chromium, by graph size.

    .venv/bin/python bench/page.py [--runs 3]

For each size a synthetic graph (the generator the browser tests use) is rendered, opened from
file:// in Debian's Chromium, and timed by the page itself: milliseconds from navigation start
to vis-network's first draw and to 'stabilized', then a click on a node until its details show.
Prints a Markdown table of medians; needs the Debian packages chromium and chromium-driver.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export import serialize  # noqa: E402
from kg.graph import build_dataset  # noqa: E402
from kg.namespaces import ENTITY  # noqa: E402
from kg.ontology import load_ontology  # noqa: E402
from kg.render import render  # noqa: E402
from tests.conftest import CHROMIUM_FLAGS  # noqa: E402
from tests.test_render_browser import (  # noqa: E402
    click_node,
    large_extractions,
    open_page,
)

SIZES = [(50, 200), (500, 2000), (1000, 4000)]


def browser(profile: Path):
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def measure(entities: int, relations: int, runs: int, work: Path) -> dict[str, float]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    ontology = load_ontology(ROOT / "ontology")
    graph = work / f"g{entities}.trig"
    extractions = large_extractions(entities=entities, relations=relations)
    serialize(build_dataset(extractions, ontology), graph, "trig")
    page = render(graph, work / f"g{entities}.html")
    samples: dict[str, list[float]] = {"first draw": [], "stabilised": [], "click": []}
    for run in range(runs):
        driver = browser(work / f"profile-{entities}-{run}")
        try:
            open_page(driver, page.path, timeout=300)
            timing = driver.execute_script(
                "return {s: window.kg.stabilized, f: window.kg.firstDraw};"
            )
            samples["first draw"].append(timing["f"])
            samples["stabilised"].append(timing["s"])
            started = time.monotonic()
            click_node(driver, str(ENTITY.E1))
            WebDriverWait(driver, 30).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, "#kg-details h3")
            )
            samples["click"].append((time.monotonic() - started) * 1000)
        finally:
            driver.quit()
    result = {name: statistics.median(values) for name, values in samples.items()}
    result["KiB"] = page.size / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [
        "| entities / relations | page KiB | first draw ms | stabilised ms | click → panel ms |",
        "| --- | --- | --- | --- | --- |",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for entities, relations in SIZES:
            r = measure(entities, relations, args.runs, Path(tmp))
            rows.append(
                f"| {entities} / {relations} | {r['KiB']:.0f} | {r['first draw']:.0f} | "
                f"{r['stabilised']:.0f} | {r['click']:.0f} |"
            )
            print(rows[-1], file=sys.stderr)
    print(f"median of {args.runs} runs, headless Chromium, {os.cpu_count()} cores\n")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
