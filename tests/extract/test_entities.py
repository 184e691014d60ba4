"""Names the ontology lacks are discovered with the right class; versioned products stand apart."""

from __future__ import annotations

import pytest

from kg.namespaces import KG


def _entities(run, text: str) -> dict[str, str]:
    return {e.label: e.type for e in run(text).entities}


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        ("Harrow Grid, a Danish utility, signed a deal on Monday.", "Harrow Grid", KG.Company),
        (
            "Regulators fined Quillon Audio, a Texas podcast startup, on Friday.",
            "Quillon Audio",
            KG.Company,
        ),
        (
            "The Lakeside Courier said on Monday that it would expand.",
            "The Lakeside Courier",
            KG.NewsOrganization,
        ),
        ("Priya Okafor said the deal was closed.", "Priya Okafor", KG.Person),
        ("The fund is run by Mr Halvorsen Brandt, people said.", "Halvorsen Brandt", KG.Person),
    ],
)
def test_entities_discovered_name_has_class(run, text: str, label: str, cls) -> None:
    assert _entities(run, text).get(label) == str(cls)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Growth in the United States slowed in March.", "United States"),
        ("Shares of Brightline Harbor rose on Monday.", "Brightline Harbor"),
    ],
)
def test_entities_unclassified_names_are_left_out(run, text: str, absent: str) -> None:
    assert absent not in _entities(run, text)


@pytest.mark.parametrize(
    ("text", "label", "base"),
    [
        ("Google released Gemini 2.5 Pro on Tuesday.", "Gemini 2.5 Pro", "Gemini"),
        ("Meta trained Llama 4 on more data.", "Llama 4", "Llama"),
        ("Anthropic unveiled Claude Opus 4 this week.", "Claude Opus 4", "Claude"),
        ("Huawei shipped the Ascend 910C in volume.", "Ascend 910C", "Ascend"),
        ("Google introduced Gemini 2.5 Flash Image.", "Gemini 2.5 Flash Image", "Gemini"),
    ],
)
def test_entities_version_names_a_product_of_its_own(
    facts, text: str, label: str, base: str
) -> None:
    objects = {o for _, p, o in facts(text) if p == "develops"}
    assert label in objects
    assert base not in objects


@pytest.mark.parametrize("text", ["Meta released Llama in 2023 to researchers."])
def test_entities_year_is_not_a_version(facts, text: str) -> None:
    assert ("Meta", "develops", "Llama") in facts(text)


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        (
            "Norway's data protection authority, Datavakt, opened a review.",
            "Datavakt",
            KG.GovernmentBody,
        ),
        ("Kestrel Semiconductor unveiled a new model called Zephyr.", "Zephyr", KG.AIModel),
        ("The company is building a chip, codenamed Orion, for servers.", "Orion", KG.Product),
    ],
)
def test_entities_class_from_apposition_and_naming(run, text: str, label: str, cls) -> None:
    assert _entities(run, text).get(label) == str(cls)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Ofcom opened an investigation into X over Grok.", True),
        ("Tesla's Model X is popular.", False),
        ("The X-ray showed a fracture.", False),
    ],
)
def test_entities_one_letter_name_only_standing_alone(run, text: str, present: bool) -> None:
    assert ("X Corp" in _entities(run, text)) is present


@pytest.mark.parametrize(
    ("text", "label"),
    [("Buyers are turning to the Huawei-made Ascend 910C.", "Ascend 910C")],
)
def test_entities_sentence_stop_is_not_part_of_a_version(run, text: str, label: str) -> None:
    assert label in _entities(run, text)


def test_thomson_reuters_is_not_reuters(facts) -> None:
    found = facts("Thomson Reuters won its copyright case against Ross Intelligence.")
    assert ("Thomson Reuters", "sues", "Ross Intelligence") in found


def test_maker_description_of_a_known_device(facts) -> None:
    found = facts("Epic Games won its case against the iPhone maker.")
    assert ("Epic Games", "sues", "Apple") in found
    assert ("Apple", "develops", "iPhone") in found


def test_product_name_in_apposition_with_an_organisation_noun_is_a_lookalike(run) -> None:
    extraction = run(
        "Gemini, the cryptocurrency exchange led by Tyler Winklevoss, filed for an IPO."
    )
    labels = {e.iri: e for e in extraction.entities}
    leads = [r for r in extraction.relations if r.predicate == "leads"]
    assert leads and labels[leads[0].object].label == "Gemini"
    assert not labels[leads[0].object].curated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestrel sued Novaro over a patent.", ("Kestrel", "sues", "Novaro")),
        ("Vantiq has accused Meta of copying its code.", ("Vantiq", "accuses", "Meta")),
        (
            "Microsoft has teamed up with Orrin to build servers.",
            ("Microsoft", "partnersWith", "Orrin"),
        ),
        ("Nvidia filed a lawsuit against Pelloway on Monday.", ("Nvidia", "sues", "Pelloway")),
    ],
)
def test_entities_unknown_name_in_relation_slot_is_a_company(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Authors sued Anthropic over pirated books.",
        "Shareholders accused Nvidia of misleading them.",
        "Microsoft invested in Lagos startups.",
        "Moscow accused Microsoft of meddling.",
    ],
)
def test_entities_plural_nouns_and_places_fill_no_relation_slot(facts, text: str) -> None:
    assert not {t for t in facts(text) if t[1] in ("sues", "accuses", "investsIn")}


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "The attorneys general of Utah and Nevada are examining Snap.",
            {"Utah attorney general's office", "Nevada attorney general's office"},
        ),
        (
            "Idaho, Maine and Kansas attorneys general are investigating Meta.",
            {
                "Idaho attorney general's office",
                "Maine attorney general's office",
                "Kansas attorney general's office",
            },
        ),
        ("The Utah attorney general is investigating Snap.", {"Utah attorney general's office"}),
        (
            "Utah's attorney general has opened a probe into Snap.",
            {"Utah attorney general's office"},
        ),
        ("The Ontario attorney general is investigating Snap.", {"Ontario Attorney General"}),
    ],
)
def test_entities_lower_case_and_plural_offices_act_for_each_place(
    facts, text: str, agents: set[str]
) -> None:
    assert {s for s, p, _ in facts(text) if p == "investigates"} == agents


def test_entities_office_plural_without_places_names_no_office(run) -> None:
    labels = {e.label for e in run("The attorneys general of 44 states warned OpenAI.").entities}
    assert not any("Attorney General" in label for label in labels)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brackley was sued by Ostwick over a contract.", ("Ostwick", "sues", "Brackley")),
        ("Tolland has taken Vessmer Labs to court.", ("Tolland", "sues", "Vessmer Labs")),
        ("Quenby raised $8 million in a round led by Harlowe.", ("Harlowe", "investsIn", "Quenby")),
        (
            "The Bergen Harbour Board sued Kallis Marine on Friday.",
            ("Bergen Harbour Board", "sues", "Kallis Marine"),
        ),
    ],
)
def test_entities_unknown_agent_after_by_or_object_before_then_words(
    facts, text: str, expected
) -> None:
    assert expected in facts(text)


def test_entities_unknown_names_listed_after_a_company_are_companies(facts) -> None:
    found = facts("Meta signed power agreements with Vistra, Oklo and TerraPower.")
    assert {o for _, p, o in found if p == "partnersWith"} == {"Vistra", "Oklo", "TerraPower"}


def test_entities_known_acronym_opening_a_longer_name_is_not_that_entity(run) -> None:
    labels = {
        e.label for e in run("Mistral AI and the shipping group CMA CGM signed a deal.").entities
    }
    assert "CMA CGM" in labels and "Competition and Markets Authority" not in labels


def test_entities_ner_place_or_common_word_is_no_organisation(run, model_name: str) -> None:
    text = "Anna Szabo said the Budapest company had partnered with AI startups in Vienna."
    labels = {e.label for e in run(text, model=model_name).entities}
    assert not labels & {"Budapest", "AI", "Vienna"}


def test_entities_well_known_lower_case_and_multiword_companies(facts) -> None:
    found = facts(
        "OpenAI bought io, the device startup founded by Jony Ive. Tools for Humanity, "
        "the company co-founded by Sam Altman, opened an office."
    )
    assert ("Jony Ive", "leads", "io") in found
    assert ("Sam Altman", "leads", "Tools for Humanity") in found


def test_entities_apposition_head_stops_before_a_clause_of_its_own(run) -> None:
    extraction = run("Regulators found risks in the H20, a chip the company designed for China.")
    types = {e.label: e.type.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for e in extraction.entities}
    assert types["H20"] == "Product"
