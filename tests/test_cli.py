"""The command line's own contract: help, version, and one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg import __version__
from kg.cli import app

COMMANDS = ["build", "query", "viz"]


def run_kg(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_cli_version_prints_package_version(runner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kg {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_lists_and_describes_command(runner, command: str) -> None:
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    assert command in top.output
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_cli_without_arguments_shows_help() -> None:
    result = run_kg()
    assert result.returncode == 0
    assert "Commands:" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["build", "--format", "yaml"], 2, "unknown format 'yaml'"),
        (["build", "--no-such-option"], 2, "No such option"),
        (["frobnicate"], 2, "No such command"),
        (["build", "does/not/exist"], 1, "does/not/exist: no such file or folder"),
    ],
    ids=["unknown-format", "unknown-option", "unknown-command", "missing-input"],
)
def test_cli_bad_input_is_one_line_error(tmp_path, args, code: int, fragment: str) -> None:
    result = run_kg(*args, cwd=tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr


def test_cli_eval_by_tag_prints_the_tag_table_and_no_lines(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    line = '{"id": "x7", "text": "OpenAI sued DeepSeek.", "relations": '
    gold.write_text(line + '[["OpenAI", "sues", "DeepSeek"]], "tags": ["active"]}\n')
    done = run_kg("eval", str(gold), "--by-tag")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[:6] == ["tag", "lines", "gold", "found", "R", "FP"]
    assert "active" in done.stdout and "x7" not in done.stdout and "OpenAI" not in done.stdout
