"""The ontology folder: vocabulary and curated entities load, and faults are named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.namespaces import ENTITY, KG
from kg.ontology import load_ontology
from kg.records import RELATIONS

from .conftest import ROOT

SEED_ACTORS = [
    "OpenAI", "DeepSeek", "Microsoft", "Nvidia", "David Sacks", "The New York Times",
    "Sam Altman", "Meta", "Financial Times", "Bloomberg", "Fox News", "the White House",
    "R1", "V3", "ChatGPT", "GPT-4", "Llama", "H800",
]  # fmt: skip


@pytest.mark.parametrize("label", SEED_ACTORS)
def test_ontology_lists_seed_actor(ontology, label: str) -> None:
    assert label in {e.label for e in ontology.entities.values()}


@pytest.mark.parametrize(
    ("alias", "iri"),
    [
        ("David Sachs", ENTITY["David_Sacks"]),
        ("Сем Альтман", ENTITY["Sam_Altman"]),
        ("NYT", ENTITY["The_New_York_Times"]),
    ],
)
def test_ontology_alias_belongs_to_entity(ontology, alias: str, iri: str) -> None:
    assert alias in ontology.entities[str(iri)].aliases


@pytest.mark.parametrize("name", RELATIONS)
def test_ontology_declares_relation_with_label_comment_domain_range(ontology, name: str) -> None:
    from rdflib.namespace import RDFS

    for predicate in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        assert ontology.graph.value(KG[name], predicate) is not None, predicate


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (KG.NewsOrganization, KG.Organization),
        (KG.Company, KG.Organization),
        (KG.AIModel, KG.Product),
    ],
)
def test_ontology_class_hierarchy_is_transitive(ontology, child, parent) -> None:
    assert ontology.is_a(str(child), parent)


def test_ontology_background_knowledge_points_at_entities(ontology) -> None:
    assert ontology.makers[str(ENTITY["ChatGPT"])] == str(ENTITY["OpenAI"])
    assert ontology.affiliations[str(ENTITY["Sam_Altman"])] == str(ENTITY["OpenAI"])
    assert ontology.parents[str(ENTITY["NVentures"])] == str(ENTITY["Nvidia"])
    assert ontology.usual_senses["The Times"] == str(ENTITY["The_New_York_Times"])


US_STATES = [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
]  # fmt: skip


@pytest.mark.parametrize("state", US_STATES)
def test_ontology_state_attorney_general_office_follows_one_pattern(ontology, state: str) -> None:
    """Every state's attorney general is one office, named as ent:Texas_AG is: the label is the
    office, and the title, in either case, with "the" or a possessive, is an alias of it."""
    office = ontology.entities[str(ENTITY[state.replace(" ", "_") + "_AG"])]
    assert office.type == str(KG.GovernmentBody)
    assert office.label == f"{state} attorney general's office"
    assert {
        f"{state} Attorney General's office",
        f"{state} attorney general",
        f"{state} Attorney General",
        f"the {state} attorney general",
        f"{state}'s attorney general",
    } <= set(office.aliases)


HEADER = (
    "@prefix kg: <https://w3id.org/kg-news/ontology#> .\n"
    "@prefix ent: <https://w3id.org/kg-news/entity/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
)


@pytest.mark.parametrize(
    ("entities", "message"),
    [
        ('ent:A a kg:Company ; rdfs:label "A" ; skos:altLabel "Same" .\n'
         'ent:B a kg:Company ; rdfs:label "B" ; skos:altLabel "same" .\n', "belongs to both"),
        ('ent:A a kg:Company, kg:Person ; rdfs:label "A" .\n', "exactly one kg class"),
        ('ent:A a kg:Company ; rdfs:label "A", "A2" .\n', "exactly one rdfs:label"),
        ('ent:A a kg:Product ; rdfs:label "A" ; kg:maker ent:Nobody .\n', "unknown entity"),
        ("ent:A a kg:Company ; rdfs:label \"A .\n", "not valid Turtle"),
        ('ent:A a kg:Company ; rdfs:label "A" ; kg:usualSenseOf "Nobody" .\n',
         "no other entity's name"),
        ('ent:A a kg:Company ; rdfs:label "A" ; kg:usualSenseOf "A" .\n',
         "no other entity's name"),
        ('ent:A a kg:Company ; rdfs:label "A" ; kg:usualSenseOf "C" .\n'
         'ent:B a kg:Company ; rdfs:label "B" ; kg:usualSenseOf "c" .\n'
         'ent:C a kg:Company ; rdfs:label "C" .\n', "two usual senses"),
    ],
    ids=["duplicate-alias", "two-types", "two-labels", "unknown-maker", "bad-turtle",
         "usual-sense-of-no-name", "usual-sense-of-own-name", "two-usual-senses"],
)  # fmt: skip
def test_ontology_fault_is_reported_with_file(tmp_path: Path, entities: str, message: str) -> None:
    shutil.copy(ROOT / "ontology" / "kg.ttl", tmp_path / "kg.ttl")
    (tmp_path / "entities.ttl").write_text(HEADER + entities, encoding="utf-8")
    with pytest.raises(DataError, match=message) as raised:
        load_ontology(tmp_path)
    assert str(tmp_path) in str(raised.value)


def test_ontology_fingerprint_changes_with_data(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    before = load_ontology(tmp_path / "ontology").fingerprint
    with (tmp_path / "ontology" / "entities.ttl").open("a", encoding="utf-8") as handle:
        handle.write('ent:Acme a kg:Company ; rdfs:label "Acme Robotics" .\n')
    after = load_ontology(tmp_path / "ontology")
    assert after.fingerprint != before
    assert str(ENTITY["Acme"]) in after.entities
