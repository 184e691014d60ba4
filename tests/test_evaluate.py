"""kg.evaluate: scoring, symmetric matching, malformed gold lines and the targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.evaluate import evaluate, format_report, format_tags, meets_targets, read_gold
from kg.ontology import load_ontology

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ontology():
    return load_ontology(ROOT / "ontology")


def _write(tmp_path: Path, lines: list) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ({"id": "x"}, "line 2: needs string fields"),
        ({"id": "x", "text": "t", "relations": [["a", "b"]]}, "line 2: 'relations'"),
        ({"id": "x", "text": "t", "relations": [["a", "likes", "b"]]}, "unknown relation"),
        ({"id": "ok", "text": "u"}, "line 2: id 'ok' is already line 1's"),
    ],
)
def test_evaluate_malformed_gold_names_line(tmp_path: Path, line, message: str) -> None:
    path = _write(tmp_path, [{"id": "ok", "text": "t", "relations": []}, line])
    with pytest.raises(DataError, match=message) as caught:
        read_gold(path)
    assert "gold.jsonl" in str(caught.value)


@pytest.mark.parametrize(
    "gold",
    [[["Microsoft", "partnersWith", "OpenAI"]], [["OpenAI", "partnersWith", "Microsoft"]]],
)
def test_evaluate_symmetric_either_direction(tmp_path: Path, ontology, gold) -> None:
    path = _write(
        tmp_path,
        [
            {
                "id": "p",
                "text": "OpenAI partnered with Microsoft in 2019.",
                "relations": gold,
                "tags": ["partnersWith"],
            }
        ],
    )
    report = evaluate(path, ontology)
    assert report.scores["partnersWith"].tp == 1 and not report.errors


@pytest.mark.parametrize("text", ["OpenAI has never sued DeepSeek."])
def test_evaluate_counts_errors_and_targets(tmp_path: Path, ontology, text: str) -> None:
    path = _write(
        tmp_path, [{"id": "n", "text": text, "relations": [["OpenAI", "sues", "DeepSeek"]]}]
    )
    report = evaluate(path, ontology)
    assert report.scores["sues"].fn == 1
    assert any("sues recall" in m for m in meets_targets(report))
    assert "FN n: openai | sues | deepseek" in format_report(report)


def test_cooccurrence_lines_count_as_qualified_in_either_spelling(tmp_path, ontology) -> None:
    lines = [
        {
            "id": tag,
            "text": "Nvidia and Microsoft shares slid, though Microsoft sued Nvidia.",
            "relations": [],
            "tags": [tag],
        }
        for tag in ("co-occurrence", "cooccurrence")
    ]
    report = evaluate(_write(tmp_path, lines), ontology)
    flagged = {e.line_id for e in report.errors if e.qualified}
    assert flagged == {"co-occurrence", "cooccurrence"}


def test_evaluate_ignores_a_final_full_stop_in_a_gold_label(tmp_path: Path, ontology) -> None:
    line = {
        "id": "inc",
        "text": "Microsoft sued Tenebris Inc.",
        "relations": [["Microsoft", "sues", "Tenebris Inc."]],
    }
    report = evaluate(_write(tmp_path, [line]), ontology)
    assert report.scores["sues"].tp == 1 and not report.errors


def test_evaluate_scores_each_gold_tag_without_printing_lines(tmp_path: Path, ontology) -> None:
    lines = [
        {
            "id": "p1",
            "text": "DeepSeek was sued by OpenAI.",
            "relations": [["OpenAI", "sues", "DeepSeek"]],
            "tags": ["passive"],
        },
        {
            "id": "n1",
            "text": "OpenAI has never sued DeepSeek, but Microsoft sued Nvidia.",
            "relations": [["Microsoft", "sues", "Nvidia"], ["Microsoft", "sues", "Meta"]],
            "tags": ["negation", "passive"],
        },
    ]
    report = evaluate(_write(tmp_path, lines), ontology)
    passive, negation = report.tags["passive"], report.tags["negation"]
    assert (passive.lines, passive.gold, passive.found) == (2, 3, 2)
    assert (negation.lines, negation.gold, negation.found) == (1, 2, 1)
    table = format_tags(report)
    assert table.splitlines()[1].startswith("negation") and "0.50" in table.splitlines()[1]
    assert "p1" not in table and "n1" not in table and "DeepSeek" not in table
