"""Unknown personal names typed by what only people have: a courtesy title, an age, a role
held in a possessed apposition; and the organisation a leader's verb names."""

from __future__ import annotations

import pytest


def _types(run, text: str) -> dict[str, str]:
    return {e.label: e.type.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for e in run(text).entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ms. Hallorann said Oracle had partnered with Corvid Labs.", "Hallorann"),
        ("Kaveh Dorran sued Oracle. Mr. Dorran said the company had copied code.", "Kaveh Dorran"),
        ("Halvard Brenne, 54, runs Quintell.", "Halvard Brenne"),
        (
            "Tesla sued Lumen Robotics. Halvard Brenne, the startup's founder, spoke.",
            "Halvard Brenne",
        ),
    ],
)
def test_person_evidence_types_an_unknown_name_as_a_person(run, text: str, name: str) -> None:
    assert _types(run, text)[name] == "Person"


def test_person_evidence_a_courtesy_title_reuses_the_full_name(run) -> None:
    text = "Kaveh Dorran sued Oracle in March. Mr. Dorran said the company had copied his designs."
    assert "Dorran" not in _types(run, text)


@pytest.mark.parametrize(
    "text",
    ["General Motors sued Oracle over a supply contract.", "Calder Peak sued Oracle in March."],
)
def test_person_evidence_leaves_organisation_names_alone(run, text: str) -> None:
    name = text.split(" sued")[0]
    assert _types(run, text)[name] == "Company"


def test_person_evidence_a_leaders_verb_names_an_organisation(facts) -> None:
    found = facts("Kaveh Dorran, who founded Quintell, sued Oracle in March.")
    assert ("Kaveh Dorran", "leads", "Quintell") in found
    assert ("Kaveh Dorran", "leads", "Oracle") not in found


def test_person_evidence_a_collapsed_partnership_has_ended(facts) -> None:
    text = (
        "Arvid Solheim, who ran Norrbacka Compute until June, said its partnership with Meta "
        "had collapsed."
    )
    assert not facts(text)
