"""Pattern files load, and a broken one names its file and entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.extract.patterns import load_patterns
from kg.records import RELATIONS


@pytest.mark.parametrize("relation", RELATIONS)
def test_patterns_shipped_files_validate(ontology, relation: str) -> None:
    assert load_patterns(ontology).relations[relation].relation == relation


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(relation="befriends"), "unknown relation 'befriends'"),
        (lambda d: d["verbs"][0].pop("forms"), "verbs[0]: missing field 'forms'"),
        (lambda d: d["verbs"][0].update(passive=["sueded"]), "verbs[0]: passive form 'sueded'"),
        (lambda d: d.update(subject_classes=["Robot"]), "'Robot' is not a class"),
        (lambda d: d["nouns"][0].update(left_agent="yes"), "nouns[0]: field 'left_agent'"),
        (lambda d: d["verbs"][0].update(mutual="yes"), "verbs[0]: field 'mutual'"),
        (lambda d: d.update(via_affiliation=1), "field 'via_affiliation' must be true or false"),
        (
            lambda d: d["nouns"][0].update(modifier_agent_classes=["Robot"]),
            "modifier_agent_classes: 'Robot' is not a class",
        ),
    ],
)
def test_patterns_broken_file_names_file_and_entry(
    ontology, tmp_path: Path, change, message: str
) -> None:
    folder = tmp_path / "patterns"
    shutil.copytree(ontology.directory / "patterns", folder)
    path = folder / "sues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_patterns(ontology, folder)
    assert "sues.json" in str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("copulas"), "cues: missing field 'copulas'"),
        (lambda d: d.update(copulas=["is", " was"]), "field 'copulas' must be a list"),
        (lambda d: d.pop("anonymous_sources"), "cues: missing field 'anonymous_sources'"),
        (lambda d: d.update(event_enders=[]), "field 'event_enders' must not be empty"),
        (lambda d: d.pop("source_verbs"), "cues: missing field 'source_verbs'"),
        (
            lambda d: d.update(source_classes=["Outlet"]),
            "source_classes: 'Outlet' is not a class of the kg ontology",
        ),
    ],
)
def test_patterns_broken_cues_names_file_and_field(
    ontology, tmp_path: Path, change, message: str
) -> None:
    folder = tmp_path / "patterns"
    shutil.copytree(ontology.directory / "patterns", folder)
    path = folder / "cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_patterns(ontology, folder)
    assert "cues.json" in str(caught.value) and message in str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["organization_nouns"].update(utility="Utility"),
            "organization_nouns: 'utility' names unknown class 'Utility'",
        ),
        (
            lambda d: d["organization_nouns"].update(Startup="Company"),
            "organization_nouns: 'Startup' must be a trimmed, lower-case noun",
        ),
        (lambda d: d.pop("given_names"), "names: missing field 'given_names'"),
        (lambda d: d.pop("courtesy_titles"), "names: missing field 'courtesy_titles'"),
        (lambda d: d.update(version_words=[" Pro"]), "field 'version_words' must be a list"),
    ],
)
def test_patterns_broken_names_names_file_and_field(
    ontology, tmp_path: Path, change, message: str
) -> None:
    folder = tmp_path / "patterns"
    shutil.copytree(ontology.directory / "patterns", folder)
    path = folder / "names.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_patterns(ontology, folder)
    assert "names.json" in str(caught.value) and message in str(caught.value)


def test_role_not_after_words_are_loaded(ontology) -> None:
    from kg.extract.patterns import load_patterns

    leads = load_patterns(ontology).relations["leads"]
    assert "competition" in leads.roles[0].not_after
    assert leads.roles[1].not_after == frozenset()
