"""Names no gazetteer lists are found where news puts them, with a sensible class, and ordinary
capitalised words (openers, places, nationalities, plural nouns) stay out."""

from __future__ import annotations

import pytest

from kg.namespaces import KG


def _entities(run, text: str) -> dict[str, str]:
    return {e.label: e.type for e in run(text).entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brightmoor and Ostlake Media sued Corvid Labs.",
            {"Brightmoor": KG.Company, "Ostlake Media": KG.Company},
        ),
        (
            "Quenford Capital has invested in Larkspur AI, Tessaly and Dunhollow.",
            {"Tessaly": KG.Company, "Dunhollow": KG.Company},
        ),
        (
            "A group of artists sued Stability AI, Midjourney and Pixelhaus.",
            {"Pixelhaus": KG.Company},
        ),
        (
            "Halden Grid was co-founded by Marguerite Osei and Thaddeus Crane in 2019.",
            {"Marguerite Osei": KG.Person, "Thaddeus Crane": KG.Person},
        ),
        (
            "Oracle handed the job to co-CEOs Bram Tellow and Mike Sicilia.",
            {"Bram Tellow": KG.Person},
        ),
    ],
)
def test_unknown_names_in_a_list_take_the_class_of_a_known_member(
    run, text: str, expected: dict
) -> None:
    found = _entities(run, text)
    for label, cls in expected.items():
        assert found.get(label) == str(cls), label


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Separately, Nvidia and Microsoft said they had no plans.", "Separately"),
        ("Nvidia and Microsoft, Redmond and Oslo were named.", "Oslo"),
        ("Google and Brin met on Monday.", "Brin"),
    ],
)
def test_unknown_names_list_leaves_openers_places_and_surnames_out(
    run, text: str, absent: str
) -> None:
    assert absent not in _entities(run, text)


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        (
            "Regional publishers including Harrowgate and Penmarric sued Anthropic.",
            "Harrowgate",
            KG.NewsOrganization,
        ),
        ("Investors such as Calder Peak backed the startup.", "Calder Peak", KG.Company),
        (
            "A group of artists including Marisol Quintero sued Stability AI.",
            "Marisol Quintero",
            KG.Person,
        ),
    ],
)
def test_unknown_names_after_a_plural_noun_and_including(run, text: str, label: str, cls) -> None:
    assert _entities(run, text).get(label) == str(cls)


def test_unknown_names_places_after_including_stay_out(run) -> None:
    found = _entities(run, "Cities including Denver, Lagos and Harstad banned the app.")
    assert not {"Denver", "Lagos", "Harstad"} & set(found)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("NexaVentures invested in Larkspur AI last year.", "NexaVentures"),
        ("BrightPaths has sued Corvid Labs.", "BrightPaths"),
    ],
)
def test_unknown_names_camel_case_plural_opens_a_subject_slot(facts, text: str, subject) -> None:
    assert subject in {s for s, _, _ in facts(text)}


def test_unknown_names_capitalised_plural_noun_is_no_subject(run) -> None:
    assert "Publishers" not in _entities(run, "Publishers sued Corvid Labs in March.")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Ardwell's lawsuit against Corvid Labs was filed on Monday.", "Ardwell"),
        ("Tessaly's chief executive said the company would appeal.", "Tessaly"),
        ("Velmora's investment in Ostrel AI was announced on Friday.", "Velmora"),
        ("Pellworth chief executive Ilona Vasquez said the company would appeal.", "Pellworth"),
        ("Dunhollow co-founder Thaddeus Crane left.", "Dunhollow"),
    ],
)
def test_unknown_names_possessor_or_title_holder_of_a_role_is_a_company(
    run, text: str, label: str
) -> None:
    assert _entities(run, text).get(label) == str(KG.Company)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Tuesday's lawsuit against Corvid Labs was dismissed.", "Tuesday"),
        ("Under chief executive Ilona Vasquez, the firm grew.", "Under"),
        ("Helena Varga sued Corvid Labs. Varga's lawsuit was dismissed.", "Varga"),
    ],
)
def test_unknown_names_days_openers_and_surnames_hold_no_role(run, text: str, absent) -> None:
    assert absent not in _entities(run, text)


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        ("Wrenhaven, a fund run by Caspian Holt, bought a stake.", "Caspian Holt", KG.Person),
        ("A group of illustrators led by Marisol Quintero sued.", "Marisol Quintero", KG.Person),
        ("The startup was founded by Ilona Vasquez in 2022.", "Ilona Vasquez", KG.Person),
        ("Larkspur AI raised money in a round led by Calder Peak.", "Calder Peak", KG.Company),
    ],
)
def test_unknown_names_after_a_leaders_passive_is_a_person(run, text: str, label, cls) -> None:
    assert _entities(run, text).get(label) == str(cls)


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        (
            "Ostrava Pension, which said it had bought shares, holds a stake.",
            "Ostrava Pension",
            KG.Company,
        ),
        ("Brennock, which says it was first, accuses Corvid Labs.", "Brennock", KG.Company),
        (
            "Two Norwegian engineers, Aksel Brun and Halvor Dahle, were charged.",
            "Halvor Dahle",
            KG.Person,
        ),
        (
            "Quarrington Capital is run by Leopold Varne, a former banker.",
            "Leopold Varne",
            KG.Person,
        ),
    ],
)
def test_unknown_names_class_from_what_follows_or_precedes(run, text: str, label, cls) -> None:
    assert _entities(run, text).get(label) == str(cls)


def test_unknown_names_place_that_speaks_through_which_stays_out(run) -> None:
    text = "Corvid Labs opened an office in Nairobi, which said it welcomed the investment."
    assert "Nairobi" not in _entities(run, text)


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        ("Harrow Marine launched the Skerrow-4 inspection drone.", "Skerrow-4", KG.Product),
        ("It shipped a batch of Fennel warehouse robots.", "Fennel", KG.Product),
        ("Tidmarsh will test its CowSense herd-monitoring cameras.", "CowSense", KG.Product),
        ("Tessaly Robotics unveiled the Brisk-2 on Thursday.", "Brisk-2", KG.Product),
        ("The Times has built an internal AI tool, Echo, for editors.", "Echo", KG.Product),
    ],
)
def test_unknown_names_product_before_modifiers_and_a_product_noun(
    run, text: str, label: str, cls
) -> None:
    assert _entities(run, text).get(label) == str(cls)


@pytest.mark.parametrize(
    "text",
    [
        "Regulators questioned the use of Seattle warehouse robots.",
        "Analysts questioned the use of Norwegian inspection drones.",
        "Ostrel Labs built robots for warehouses.",
    ],
)
def test_unknown_names_places_and_subjects_are_no_modified_product(run, text: str) -> None:
    products = {label for label, cls in _entities(run, text).items() if cls == str(KG.Product)}
    assert not products


def test_unknown_names_relation_word_inside_a_name_is_no_trigger(facts) -> None:
    found = facts("Brackley Partners and Harnett Ventures put money into Larkspur AI.")
    assert {p for _, p, _ in found} == {"investsIn"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Ostrel said on Monday that it had sued Tamsworth Capital.", "Ostrel"),
        ("Quarrington-backed Brisklane has partnered with Samsung.", "Quarrington"),
        ("Quarrington-backed Brisklane has partnered with Samsung.", "Brisklane"),
        ("Fable, the chatbot made by Ostrel, was trained on books.", "Ostrel"),
        ("Ostrel's Whisk chatbot was trained on court records.", "Ostrel"),
        ("Startup Brisklane has sued Tamsworth Capital.", "Brisklane"),
        ("Chipmaker Velmora said it had teamed up with Samsung.", "Velmora"),
        ("Tamsworth Capital has invested $50 million in Ostrel.", "Ostrel"),
    ],
)
def test_unknown_names_company_from_speech_hyphen_maker_and_opener_noun(
    run, text: str, label: str
) -> None:
    assert _entities(run, text).get(label) == str(KG.Company)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Officials said on Monday that the company had sued Ostrel Labs.", "Officials"),
        ("Management said the company had sued Ostrel Labs.", "Management"),
        ("Helena Varga sued Ostrel Labs. Varga said she would appeal.", "Varga"),
        ("Startup Brisklane has sued Tamsworth Capital.", "Startup Brisklane"),
    ],
)
def test_unknown_names_plurals_suffixes_and_surnames_do_not_speak_as_companies(
    run, text: str, absent: str
) -> None:
    assert absent not in _entities(run, text)


def test_unknown_names_middle_initial_stays_in_a_personal_name(run) -> None:
    found = _entities(run, "Corwin J. Abbot, who founded Quarrington Capital, said so.")
    assert found.get("Corwin J. Abbot") == str(KG.Person)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The regulator is investigating Brisklane over its app.", "Brisklane"),
        ("Quenford Capital backed Ostrel in 2023.", "Ostrel"),
        ("Ostrel, which has sued Meta twice, partnered with Samsung.", "Ostrel"),
        ("Tessaly, founded in 2019 by two engineers, has grown.", "Tessaly"),
        ("Tessaly was founded by two former Nokia engineers.", "Tessaly"),
        ("Meta faces a lawsuit filed by Brennock in California.", "Brennock"),
        ("A lawsuit filed by Brennock accuses Meta of copying.", "Brennock"),
    ],
)
def test_unknown_names_company_as_object_or_actor_of_a_relation(run, text: str, label) -> None:
    assert _entities(run, text).get(label) == str(KG.Company)


def test_unknown_names_a_product_that_launched_is_no_company(run) -> None:
    assert "Tern" not in _entities(run, "Tern, which launched in 2023, was a hit.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Meta has signed supply agreements with Vistrel, Okana and Terrapin.",
            {"Vistrel", "Okana", "Terrapin"},
        ),
        ("Samsung signed contracts with Harrowgate and Penmarric.", {"Harrowgate", "Penmarric"}),
        ("Meta signed agreements with Hungary and Poland.", set()),
    ],
)
def test_unknown_names_list_after_a_vague_relation_noun(run, text: str, expected) -> None:
    found = {label for label, cls in _entities(run, text).items() if cls == str(KG.Company)}
    assert found - {"Meta", "Samsung"} == expected


@pytest.mark.parametrize(
    ("text", "label", "cls"),
    [
        ("Harlow & Finch has sued Ostrel Labs.", "Harlow & Finch", KG.Company),
        ("It hired the law firm Pell & Garrow on Monday.", "Pell & Garrow", KG.Company),
        ("The Bank of Tamsworth has invested in Ostrel Labs.", "Bank of Tamsworth", KG.Company),
        ("The University of Carrowmore signed up.", "University of Carrowmore", KG.Organization),
        ("Reporters heard that Velmora had sued Ostrel Labs.", "Velmora", KG.Company),
    ],
)
def test_unknown_names_ampersand_institution_of_and_that_clause(
    run, text: str, label: str, cls
) -> None:
    assert _entities(run, text).get(label) == str(cls)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The capital of Tamsworth has no link to Ostrel Labs.", "capital of Tamsworth"),
        ("The AI of Ostrel is impressive, said Leopold Varne.", "AI of Ostrel"),
    ],
)
def test_unknown_names_of_after_common_words_names_no_institution(run, text, absent) -> None:
    assert not any(absent.lower() in label.lower() for label in _entities(run, text))


@pytest.mark.parametrize(
    "text", ["Meta signed agreements with Hungary.", "It teamed up with Peru."]
)
def test_unknown_names_countries_fill_no_company_slot(run, text: str) -> None:
    found = _entities(run, text)
    assert "Hungary" not in found and "Peru" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Brenhall Analytics has launched a coding assistant named “Quillet”.",
        'Brenhall Analytics released a chatbot called "Quillet" on Tuesday.',
    ],
)
def test_unknown_names_quoted_name_after_a_naming_word_is_the_product(facts, text: str) -> None:
    assert ("Brenhall Analytics", "develops", "Quillet") in facts(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Leeds-based Cobbleton has sued Meta over a patent.", "Cobbleton"),
        ("Meanwhile, Oslo-based Tarnfield has partnered with Samsung.", "Tarnfield"),
    ],
)
def test_unknown_names_subject_after_a_based_modifier(run, text: str, label: str) -> None:
    assert _entities(run, text).get(label) == str(KG.Company)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Cobbleton and Brisklane have formed a joint venture.", "Cobbleton"),
        ("Tarnfield signed a supply deal with Samsung on Monday.", "Tarnfield"),
        ("Brisklane has struck a licensing agreement with Meta.", "Brisklane"),
    ],
)
def test_unknown_names_subject_of_a_deal_verb_is_a_company(run, text: str, label: str) -> None:
    assert _entities(run, text).get(label) == str(KG.Company)


def test_unknown_names_personal_name_that_signs_is_no_company(run) -> None:
    assert "Thaddeus Crane" not in _entities(run, "Thaddeus Crane signed an open letter.")


def test_unknown_names_number_word_opens_no_name(run) -> None:
    found = _entities(run, "Two Brightwater-funded startups sued Lumen Robotics.")
    assert "Two Brightwater" not in found and found.get("Brightwater") == str(KG.Company)


@pytest.mark.parametrize(
    "text",
    [
        "Quillan, the payments start-up, said it would hire 40 engineers.",
        "Quillan, a start-up, said it would hire 40 engineers.",
        "Corvid Labs bought Quillan, the robotics start-up founded by Priya Raman, last year.",
    ],
)
def test_unknown_names_hyphenated_start_up_in_an_apposition_gives_a_company(run, text: str) -> None:
    assert _entities(run, text).get("Quillan") == str(KG.Company)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Pellwood, the grid-software start-up, has raised $80 million in a round led by "
            "Brightwater Capital.",
            ("Brightwater Capital", "investsIn", "Pellwood"),
        ),
        (
            "Corvid Labs bought Tessly, the robotics start-up founded by Priya Raman.",
            ("Priya Raman", "leads", "Tessly"),
        ),
        (
            "Hollis Marr co-founded the customer-service start-up Quillan.",
            ("Hollis Marr", "leads", "Quillan"),
        ),
    ],
)
def test_unknown_names_start_up_descriptor_keeps_the_relation(facts, text: str, triple) -> None:
    assert triple in facts(text)


def test_unknown_names_negated_raise_after_a_start_up_apposition_gives_nothing(facts) -> None:
    text = "Marlow, the payments start-up, said it had not raised money from Brightwater Capital."
    assert not {t for t in facts(text) if t[1] == "investsIn"}
