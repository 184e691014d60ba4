"""References to earlier entities resolve, and record how."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        (
            "Intel reported a loss. The chipmaker was sued by AMD.",
            ("AMD", "sues", "Intel"),
            "The chipmaker → Intel",
        ),
        (
            "David Sacks spoke. Sacks said DeepSeek copied OpenAI's models.",
            ("David Sacks", "accuses", "DeepSeek"),
            "Sacks → David Sacks",
        ),
        (
            "Sam Altman's company sued DeepSeek.",
            ("OpenAI", "sues", "DeepSeek"),
            "Sam Altman's company → OpenAI",
        ),
        (
            "The ChatGPT developer sued DeepSeek.",
            ("OpenAI", "sues", "DeepSeek"),
            "The ChatGPT developer → OpenAI",
        ),
        (
            "Intel's venture arm invested in Brisa Labs.",
            ("Intel Capital", "investsIn", "Brisa Labs"),
            "Intel's venture arm → Intel Capital",
        ),
        (
            "The venture arm of Salesforce invested in Brisa Labs.",
            ("Salesforce Ventures", "investsIn", "Brisa Labs"),
            "The venture arm of Salesforce → Salesforce Ventures",
        ),
        (
            "The Times's lawsuit against OpenAI went to trial.",
            ("The New York Times", "sues", "OpenAI"),
            "The Times → The New York Times (what the name usually means",
        ),
    ],
)
def test_coref_resolution_recorded(run, text: str, expected, note: str) -> None:
    extraction = run(text)
    labels = {e.iri: e.label for e in extraction.entities}
    matches = [
        r
        for r in extraction.relations
        if (labels[r.subject], r.predicate, labels[r.object]) == expected
    ]
    assert matches
    assert any(n.startswith(note) for r in matches for n in r.resolutions)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Сем Альтман spoke on Monday.", "Sam Altman"),
        ("NYT editors met on Monday.", "The New York Times"),
        ("The New York Times sued OpenAI. The Times said more.", "The New York Times"),
    ],
)
def test_coref_variants_resolve(run, text: str, label: str) -> None:
    extraction = run(text)
    assert {e.label for e in extraction.entities} == {label} | (
        {"OpenAI"} if "OpenAI" in text else set()
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The Times of London sued Meta. The Times said more.", "The Times"),
        ("The New York Times sued Meta. The Times said more.", "The New York Times"),
        ("The Times sued Meta. The Times said more.", "The New York Times"),
    ],
)
def test_coref_shared_name_means_the_bearer_named_before_else_its_usual_sense(
    run, text: str, label: str
) -> None:
    assert {e.label for e in run(text).entities} == {label, "Meta"}


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Nvidia praised OpenAI. Microsoft's $13 billion investment in it was criticised.",
         "OpenAI"),
        ("A judge denied Meta's request to dismiss the Times's lawsuit against it.", "Meta"),
        ("Meta is appealing. A judge refused to pause Oracle's lawsuit against it.", "Meta"),
    ],
)  # fmt: skip
def test_coref_pronoun_after_a_noun_is_not_the_nouns_possessor(run, text: str, meant) -> None:
    extraction = run(text)
    labels = {e.iri: e.label for e in extraction.entities}
    assert [labels[m.entity] for m in extraction.mentions if m.text == "it"] == [meant]


@pytest.mark.parametrize("text", ["The New York Post sued Meta.", "The Times of India sued Meta."])
def test_coref_lookalikes_stay_apart(facts, text: str) -> None:
    assert not [t for t in facts(text) if t[0] == "The New York Times"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Meta bought a stake in Scale AI, and the data-labelling company said it was pleased.",
            "the data-labelling company → Scale AI",
        ),
        (
            "Mistral AI grew fast. The Paris-based startup sued Meta.",
            "The Paris-based startup → Mistral AI",
        ),
        ("Nvidia reported a loss. The U.S. chipmaker sued AMD.", "The U.S. chipmaker → Nvidia"),
    ],
)
def test_coref_descriptor_with_modifiers_resolves(run, text: str, expected: str) -> None:
    notes = [m.resolution for m in run(text).mentions if m.resolution]
    assert any(n.startswith(expected) for n in notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The European Commission fined Apple last year. It is now investigating Meta.",
            ("European Commission", "investigates", "Meta"),
        ),
        (
            "Reddit sued Anthropic on Wednesday. The social media company accused the AI startup "
            "of scraping.",
            ("Reddit", "accuses", "Anthropic"),
        ),
        (
            "OpenAI and Microsoft, its biggest backer, spoke on Monday.",
            ("Microsoft", "investsIn", "OpenAI"),
        ),
        (
            "Nvidia's biggest customer is Microsoft. Its chief executive, Satya Nadella, spoke.",
            ("Satya Nadella", "leads", "Microsoft"),
        ),
    ],
)
def test_coref_salience_subject_and_clause_mates(facts, text: str, expected) -> None:
    assert expected in facts(text)


def test_descriptor_with_a_nationality_matches_an_entitys_own_descriptor(run) -> None:
    extraction = run("Nvidia has never invested in DeepSeek. The Chinese lab says it is funded.")
    labels = {e.iri: e.label for e in extraction.entities}
    resolved = {m.text: labels[m.entity] for m in extraction.mentions if m.resolution}
    assert resolved["The Chinese lab"] == "DeepSeek"


def test_its_before_a_known_product_is_the_products_maker(facts) -> None:
    found = facts("Apple signed a deal with Google to put its Gemini model into Siri.")
    assert ("Google", "develops", "Gemini") in found
    assert ("Apple", "develops", "Gemini") not in found


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (  # "investor" is no part noun: Nvidia's investors are others
            "Nvidia's investors have pushed the chipmaker to buy back shares.",
            {"Nvidia"},
        ),
        ("Samsung's venture arm invested in Brisa Labs.", {"Samsung", "Brisa Labs"}),
    ],
)
def test_owner_possessive_names_no_part_it_does_not_know(run, text: str, labels) -> None:
    assert {e.label for e in run(text).entities} == labels


def test_part_named_in_apposition_keeps_its_name(run) -> None:
    extraction = run("Nvidia's venture arm NVentures has backed Pellmont Silicon since 2023.")
    labels = {e.iri: e.label for e in extraction.entities}
    found = [(labels[r.subject], r.predicate, labels[r.object]) for r in extraction.relations]
    assert found == [("NVentures", "investsIn", "Pellmont Silicon")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Halden Freight sued Quillon AI, alleging that the start-up's Tessel chatbot "
            "copied its manuals.",
            ("Quillon AI", "develops", "Tessel"),
        ),
        (
            "Velland AI opened an office in May. The search start-up's Wisp browser "
            "launched in June.",
            ("Velland AI", "develops", "Wisp"),
        ),
    ],
)
def test_coref_hyphenated_start_up_is_the_startup_descriptor(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Harlow Robotics bought a stake in Quillon AI and hired its founder, Maren Solberg.",
            ("Maren Solberg", "leads", "Quillon AI"),
            ("Maren Solberg", "leads", "Harlow Robotics"),
        ),
        (
            "Tessaly Health licensed Corvid Labs' software and rehired its co-founder "
            "Aksel Brandt.",
            ("Aksel Brandt", "leads", "Corvid Labs"),
            ("Aksel Brandt", "leads", "Tessaly Health"),
        ),
        (
            "Tessaly Health hired its first chief executive, Aksel Brandt, from Corvid Labs.",
            ("Aksel Brandt", "leads", "Tessaly Health"),
            ("Aksel Brandt", "leads", "Corvid Labs"),
        ),
    ],
)
def test_coref_hired_founder_belongs_to_another_company(facts, text, present, absent) -> None:
    found = facts(text)
    assert present in found
    assert absent not in found
